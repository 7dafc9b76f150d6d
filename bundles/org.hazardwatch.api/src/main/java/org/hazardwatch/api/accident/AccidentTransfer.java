package org.hazardwatch.api.accident;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

import org.hazardwatch.api.security.Caller;

/** The accident register as an Excel file: template, import, export. */
public interface AccidentTransfer {

    /** An empty .xlsx with the register's columns and a sheet explaining them. */
    void template(OutputStream out) throws IOException;

    /** Reads an .xlsx (first sheet) and imports it all or nothing; cells that cannot be read are row errors. */
    AccidentService.ImportResult importFile(Caller caller, InputStream in, boolean dryRun) throws IOException;

    /** Writes the accidents the query selects, in the import's columns. */
    void export(Caller caller, AccidentService.Query query, OutputStream out) throws IOException;
}
