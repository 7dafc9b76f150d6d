package org.hazardwatch.core.internal.shell;

import java.time.LocalDate;
import java.util.Map;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.hazardwatch.api.analytics.HazardAnalytics;
import org.hazardwatch.api.security.Caller;

@Command(scope = "hazardwatch", name = "hazard-analysis", description = "Major hazard sources of a region by grade, accident type and "
        + "potential death toll, per part one level down (A1-A5); --trend for year by year")
@Service
public class HazardAnalysisCommand implements Action {

    @Argument(index = 0, name = "region", required = false, description = "Region (37, 3702, 370281), park or USCC; the whole country when absent")
    String region;

    @Option(name = "--as-of", description = "The registry as it stood on this day (yyyy-MM-dd), default today")
    String asOf;

    @Option(name = "--trend", description = "Year by year, the last N years (e.g. --trend 10)")
    Integer years;

    @Reference
    HazardAnalytics analytics;

    @Override
    public Object execute() {
        Caller shell = Caller.system("shell");
        if (years != null) {
            int to = LocalDate.now().getYear();
            ShellTable table = new ShellTable();
            for (String column : new String[] {"Year", "Sources", "Grade 1/2/3/4", "Fire/Explosion/Poisoning", "Accidents", "Deaths", "Injured"}) {
                table.column(column);
            }
            for (HazardAnalytics.YearRow y : analytics.trend(shell, region, to - Math.max(1, Math.min(years, 50)) + 1, to, null)) {
                table.addRow().addContent(y.year(), y.total(), slashed(y.byGrade()), slashed(y.byAccidentType()), y.accidents(), y.deaths(),
                        y.injuries());
            }
            table.print(System.out);
            return null;
        }
        HazardAnalytics.Overview o = analytics.overview(shell, region, asOf == null ? null : LocalDate.parse(asOf), null);
        System.out.println(o.regionName() + " on " + o.asOf() + ": " + o.total().total() + " major hazard sources, grades " + slashed(o.total().byGrade())
                + "; " + o.total().accidents() + " accidents this year, " + o.total().deaths() + " deaths");
        ShellTable table = new ShellTable();
        for (String column : new String[] {o.childLevel() == null ? "Part" : o.childLevel(), "Code", "Sources", "Grade 1/2/3/4",
                "Fire/Explosion/Poisoning", "Accidents", "Deaths"}) {
            table.column(column);
        }
        for (HazardAnalytics.Cell c : o.children()) {
            table.addRow().addContent(c.name(), c.code(), c.total(), slashed(c.byGrade()), slashed(c.byAccidentType()), c.accidents(), c.deaths());
        }
        table.print(System.out);
        return null;
    }

    private static String slashed(Map<String, Long> counts) {
        return String.join("/", counts.values().stream().map(String::valueOf).toList());
    }
}
