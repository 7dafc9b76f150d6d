package org.hazardwatch.transfer.internal;

import java.util.List;
import java.util.Map;

/**
 * The data rows of one sheet, each as column key → text (blank cells absent).
 *
 * @param headerErrors problems with the header row (unknown or missing columns)
 */
record Table(String sheet, List<Row> rows, List<String> headerErrors) {

    /** One data row; {@code number} is as a spreadsheet shows it (header row 1). */
    record Row(int number, Map<String, String> values) {

        String get(String key) {
            return values.get(key);
        }

        boolean isBlank() {
            return values.values().stream().allMatch(String::isBlank);
        }
    }
}
