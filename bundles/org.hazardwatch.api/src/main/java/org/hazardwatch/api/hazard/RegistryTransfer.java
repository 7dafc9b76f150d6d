package org.hazardwatch.api.hazard;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * Import and export of enterprises, hazard sources and inventories as Excel (.xlsx, one sheet each) or CSV (one file
 * per sheet, selected by {@code sheet}). An import checks every row first and writes all of it in one transaction,
 * or nothing when any row has an error.
 */
public interface RegistryTransfer {

    enum Format { XLSX, CSV }

    /** Sheet names, also the CSV kinds. */
    String ENTERPRISES = "enterprises";
    String HAZARD_SOURCES = "hazardSources";
    String INVENTORY = "inventory";

    /**
     * Reads a file and imports it unless it has errors or {@code dryRun}. For CSV, {@code sheet} says which kind of
     * rows the file holds; for XLSX it is ignored (sheets are found by name).
     */
    default ImportReport importFile(InputStream in, Format format, String sheet, boolean dryRun, String actor) throws IOException {
        return importFile(in, format, sheet, dryRun, actor, null);
    }

    /** As above, refusing rows of enterprises outside {@code scope} (null: no limit). */
    ImportReport importFile(InputStream in, Format format, String sheet, boolean dryRun, String actor,
            org.hazardwatch.api.security.DataScope scope) throws IOException;

    /** Writes the registry of a region subtree (all when null); for CSV only the given sheet. */
    void exportFile(OutputStream out, Format format, String sheet, String regionCode) throws IOException;

    /** An empty file with the headers and, for XLSX, a sheet explaining the columns. */
    void template(OutputStream out, Format format, String sheet) throws IOException;
}
