package org.hazardwatch.transfer.internal.shell;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.hazardwatch.api.hazard.RegistryTransfer;

@Command(scope = "hazardwatch", name = "registry-export",
        description = "Exports the enterprises, hazard sources and inventories of a region subtree to .xlsx or CSV")
@Service
public class RegistryExportCommand implements Action {

    @Argument(index = 0, name = "file", required = true, description = "Target .xlsx, .csv (one --sheet) or .zip (the three CSV files) file; overwritten")
    String file;

    @Option(name = "--region", description = "Region code prefix, e.g. 37 or 370281 (all when absent)")
    String region;

    @Option(name = "--sheet", description = "For CSV: enterprises, hazardSources or inventory")
    String sheet;

    @Option(name = "--template", description = "Write an empty template instead")
    boolean template;

    @Reference
    RegistryTransfer transfer;

    @Override
    public Object execute() throws Exception {
        Path path = Path.of(file);
        String fileName = path.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
        // .csv: one sheet (--sheet); .zip: the three sheets as CSV files; anything else: .xlsx
        RegistryTransfer.Format format = fileName.endsWith(".csv") || fileName.endsWith(".zip")
                ? RegistryTransfer.Format.CSV : RegistryTransfer.Format.XLSX;
        String sheetOfFile = fileName.endsWith(".zip") ? null : sheet;
        try (OutputStream out = Files.newOutputStream(path)) {
            if (template) {
                transfer.template(out, format, sheetOfFile);
            } else {
                transfer.exportFile(out, format, sheetOfFile, region);
            }
        }
        System.out.println("wrote " + path.toAbsolutePath() + " (" + Files.size(path) + " bytes)");
        return null;
    }
}
