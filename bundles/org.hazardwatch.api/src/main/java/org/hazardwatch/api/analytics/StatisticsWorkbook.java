package org.hazardwatch.api.analytics;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;

/** Writes statistics tables as an Excel workbook (one sheet per table); offered by the transfer bundle. */
public interface StatisticsWorkbook {

    /** A column: {@code key} in English, {@code label} in Chinese; the header reads {@code label(key)}. */
    record Column(String key, String label) {
    }

    /** One table; cells are text, numbers or null. */
    record Sheet(String name, List<Column> columns, List<List<Object>> rows) {
    }

    void write(OutputStream out, List<Sheet> sheets) throws IOException;
}
