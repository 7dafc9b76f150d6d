package org.hazardwatch.core.internal.shell;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.hazardwatch.api.alarm.AlarmKpiService;
import org.hazardwatch.api.alarm.AlarmKpis;

@Command(scope = "hazardwatch", name = "alarm-kpis", description = "Alarm KPIs (ISA-18.2 / EEMUA 191) per enterprise or "
        + "county: alarms per day and per 10 minutes, floods, chattering and stale alarms, bad actors")
@Service
public class AlarmKpisCommand implements Action {

    @Argument(index = 0, name = "code", description = "One enterprise (USCC) or county (region code): show its details",
            required = false)
    String code;

    @Option(name = "--county", description = "Group by county instead of enterprise")
    boolean county;

    @Option(name = "--hours", description = "Period: the last N hours (default 24, at most 744)")
    int hours = 24;

    @Reference
    AlarmKpiService kpis;

    @Override
    public Object execute() throws Exception {
        if (hours < 1 || hours > 744) {
            throw new IllegalArgumentException("--hours must be 1 to 744");
        }
        String groupBy = county ? AlarmKpiService.COUNTY : AlarmKpiService.ENTERPRISE;
        Instant to = Instant.now();
        Instant from = to.minus(Duration.ofHours(hours));
        if (code != null) {
            AlarmKpis k = kpis.kpis(groupBy, code, from, to)
                    .orElseThrow(() -> new IllegalArgumentException("No " + groupBy + " '" + code + "' with monitoring points"));
            print(List.of(k));
            System.out.println("floods: " + k.floods().size());
            k.floods().forEach(f -> System.out.println("  " + f.start() + " .. " + f.end() + "  " + f.alarms() + " alarms, peak "
                    + f.peakPer10Minutes() + " per 10 min"));
            System.out.println("chattering: " + k.chattering().size());
            k.chattering().forEach(c -> System.out.println("  " + c.pointId() + " " + c.kind() + "  " + c.activations() + " activations"));
            System.out.println("stale (active > 24 h): " + k.stale().size());
            k.stale().forEach(s -> System.out.println("  alarm " + s.alarmId() + " " + s.pointId() + " " + s.kind() + " since "
                    + s.activeSince()));
            System.out.println("bad actors:");
            k.badActors().forEach(b -> System.out.println("  " + b.pointId() + " " + b.kind() + "  " + b.activations() + " ("
                    + percent(b.share()) + ")"));
            return null;
        }
        print(kpis.summaries(groupBy, from, to));
        return null;
    }

    private static void print(List<AlarmKpis> all) {
        ShellTable table = new ShellTable();
        for (String column : new String[] { "Code", "Name", "Alarms", "Per day", "Avg/10 min", "Peak/10 min", "Flood time",
                "Chattering", "Stale", "Shelved/suppr.", "Faults" }) {
            table.column(column);
        }
        for (AlarmKpis k : all) {
            table.addRow().addContent(k.code(), k.name(), k.annunciated(), String.format(Locale.ROOT, "%.1f", k.perDay()),
                    String.format(Locale.ROOT, "%.2f", k.averagePer10Minutes()), k.peakPer10Minutes(), percent(k.floodShare()),
                    k.chattering().size(), k.stale().size(), k.notAnnunciated(), k.instrumentFaults());
        }
        table.print(System.out);
    }

    private static String percent(double share) {
        return String.format(Locale.ROOT, "%.1f %%", share * 100);
    }
}
