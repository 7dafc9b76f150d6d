package org.hazardwatch.core.internal.shell;

import java.time.YearMonth;
import java.util.Map;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.hazardwatch.api.analytics.AlarmAnalytics;
import org.hazardwatch.api.security.Caller;

@Command(scope = "hazardwatch", name = "alarm-analysis", description = "Alarms of a region over whole months (default the last twelve) "
        + "by part one level down, season and point type, process alarms and instrument faults apart (B1-B4); --rebuild counts every alarm again")
@Service
public class AlarmAnalysisCommand implements Action {

    @Argument(index = 0, name = "region", required = false, description = "Region (37, 3702, 370281), park or USCC; the whole country when absent")
    String region;

    @Option(name = "--from", description = "First month (yyyy-MM)")
    String from;

    @Option(name = "--to", description = "Last month (yyyy-MM), default this month")
    String to;

    @Option(name = "--rebuild", description = "Empty the statistics and count every alarm again (after a restore)")
    boolean rebuild;

    @Reference
    AlarmAnalytics analytics;

    @Override
    public Object execute() {
        if (rebuild) {
            System.out.println(analytics.rebuild() + " alarms counted again");
        }
        AlarmAnalytics.Analysis a = analytics.analyse(Caller.system("shell"), region, from == null ? null : YearMonth.parse(from),
                to == null ? null : YearMonth.parse(to), null, null);
        System.out.println(a.regionName() + " " + a.from() + " to " + a.to() + ": " + a.total() + " alarms (" + a.byCategory().get("PROCESS")
                + " process, " + a.byCategory().get("INSTRUMENT") + " instrument faults); today " + a.live().today() + ", this hour "
                + a.live().thisHour() + "; counted up to " + a.upTo());
        System.out.println("seasons " + joined(a.bySeason()) + "; point types " + joined(a.byPointType()));
        ShellTable table = new ShellTable();
        for (String column : new String[] {a.childLevel() == null ? "Part" : a.childLevel(), "Code", "Alarms", "Process", "Instrument"}) {
            table.column(column);
        }
        for (AlarmAnalytics.Part p : a.children()) {
            table.addRow().addContent(p.name(), p.code(), p.total(), p.process(), p.instrument());
        }
        table.print(System.out);
        return null;
    }

    private static String joined(Map<String, Long> counts) {
        StringBuilder text = new StringBuilder();
        counts.forEach((k, v) -> text.append(text.length() == 0 ? "" : ", ").append(k).append(' ').append(v));
        return text.toString();
    }
}
