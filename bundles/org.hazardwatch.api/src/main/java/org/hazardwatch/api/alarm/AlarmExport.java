package org.hazardwatch.api.alarm;

import java.io.IOException;
import java.io.OutputStream;

import org.hazardwatch.api.hazard.RegistryTransfer;

/** Alarm history as a spreadsheet (.xlsx) or CSV, for reports and archives. */
public interface AlarmExport {

    /** Most rows one export writes; a larger result is cut there and says so in its last row. */
    int MAX_ROWS = 100_000;

    /** Writes the alarms the query finds (its page and size are ignored), newest first. */
    void export(AlarmQuery query, RegistryTransfer.Format format, OutputStream out) throws IOException;
}
