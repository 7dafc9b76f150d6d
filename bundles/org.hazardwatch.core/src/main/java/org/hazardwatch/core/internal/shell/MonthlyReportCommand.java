package org.hazardwatch.core.internal.shell;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.time.ZoneId;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.hazardwatch.api.analytics.MonthlyReport;
import org.hazardwatch.api.security.Caller;

/** Offered while the PDF reports feature (hazardwatch-reports) is installed. */
@Command(scope = "hazardwatch", name = "monthly-report", description = "Write the monthly report (监测预警月报) of a region as PDF: major hazard "
        + "sources, the month's alarms against the month before, accidents and their relation to alarms")
@Service
public class MonthlyReportCommand implements Action {

    @Argument(index = 0, name = "file", required = true, description = "The PDF file to write")
    String file;

    @Argument(index = 1, name = "region", required = false, description = "Region (37, 3702, 370281), park or USCC; the whole country when absent")
    String region;

    @Option(name = "--month", description = "The month (yyyy-MM), default the last one")
    String month;

    @Reference
    MonthlyReport report;

    @Override
    public Object execute() throws Exception {
        YearMonth reported = month == null ? YearMonth.now(ZoneId.of("Asia/Shanghai")).minusMonths(1) : YearMonth.parse(month);
        Path path = Path.of(file).toAbsolutePath();
        Path partial = path.resolveSibling(path.getFileName() + ".partial");
        try (OutputStream out = Files.newOutputStream(partial)) {
            report.write(Caller.system("shell"), region, reported, out);
        }
        Files.move(partial, path, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        System.out.println("Monthly report " + reported + " written to " + path + " (" + Files.size(path) + " bytes)");
        return null;
    }
}
