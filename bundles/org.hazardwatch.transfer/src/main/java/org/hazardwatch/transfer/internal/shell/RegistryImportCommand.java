package org.hazardwatch.transfer.internal.shell;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.completers.FileCompleter;
import org.apache.karaf.shell.api.action.Completion;
import org.hazardwatch.api.hazard.ImportReport;
import org.hazardwatch.api.hazard.RegistryTransfer;
import org.hazardwatch.api.hazard.RowError;

@Command(scope = "hazardwatch", name = "registry-import",
        description = "Imports enterprises, hazard sources and inventories from an .xlsx or CSV file; a file with any error imports nothing")
@Service
public class RegistryImportCommand implements Action {

    @Argument(index = 0, name = "file", required = true, description = "The .xlsx file, a .csv file of one sheet (--sheet), or a .zip of the three CSV files")
    @Completion(FileCompleter.class)
    String file;

    @Option(name = "--sheet", description = "For CSV: enterprises, hazardSources or inventory")
    String sheet;

    @Option(name = "--dry-run", description = "Check only")
    boolean dryRun;

    @Reference
    RegistryTransfer transfer;

    @Override
    public Object execute() throws Exception {
        Path path = Path.of(file);
        if (!Files.isRegularFile(path)) {
            throw new IllegalArgumentException("No file " + path.toAbsolutePath());
        }
        String fileName = path.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
        // .csv: one sheet (--sheet); .zip: the three sheets as CSV files; anything else: .xlsx
        RegistryTransfer.Format format = fileName.endsWith(".csv") || fileName.endsWith(".zip")
                ? RegistryTransfer.Format.CSV : RegistryTransfer.Format.XLSX;
        String sheetOfFile = fileName.endsWith(".zip") ? null : sheet;
        ImportReport report;
        try (InputStream in = Files.newInputStream(path)) {
            report = transfer.importFile(in, format, sheetOfFile, dryRun, "shell");
        }
        System.out.println("rows: " + report.enterpriseRows() + " enterprises, " + report.hazardSourceRows()
                + " hazard sources, " + report.inventoryRows() + " inventory");
        if (!report.errors().isEmpty()) {
            for (RowError e : report.errors()) {
                System.out.println(e.sheet() + " row " + e.row() + (e.column() == null ? "" : " " + e.column()) + ": "
                        + e.code() + " " + e.message());
            }
            throw new IllegalStateException(report.errors().size() + " errors; nothing was imported");
        }
        System.out.println(report.applied()
                ? "imported: " + report.enterprisesCreated() + " enterprises created, " + report.enterprisesUpdated()
                        + " updated; " + report.hazardSourcesCreated() + " hazard sources created, "
                        + report.hazardSourcesUpdated() + " updated"
                : "no errors; nothing written (dry run)");
        return null;
    }
}
