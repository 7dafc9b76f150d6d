package org.hazardwatch.api.hazard;

/**
 * An error of one row of an imported file.
 *
 * @param sheet the sheet (or CSV kind): enterprises, hazardSources, inventory
 * @param row 1-based row number as a spreadsheet shows it (the header is row 1)
 * @param column column header, or null for the whole row
 * @param code machine-readable code, e.g. REQUIRED, INVALID_VALUE, UNKNOWN_ENTERPRISE
 */
public record RowError(String sheet, int row, String column, String code, String message) {
}
