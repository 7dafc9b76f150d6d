package org.hazardwatch.core.internal.shell;

import java.util.Set;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.hazardwatch.api.analytics.OneMap;
import org.hazardwatch.api.analytics.WallDashboard;
import org.hazardwatch.api.security.Caller;

@Command(scope = "hazardwatch", name = "map", description = "The one map as text (J1): enterprises of a region by state and grade, the worst "
        + "first; --summary prints the wall screen's totals instead")
@Service
public class OneMapCommand implements Action {

    @Argument(index = 0, name = "region", required = false, description = "Region (37, 3702, 370281), park or USCC; the whole country when absent")
    String region;

    @Option(name = "--state", description = "Only this state: ALARM, WARNING, FAULT, NORMAL, UNMONITORED")
    String state;

    @Option(name = "--limit", description = "Most enterprises listed (default 30)")
    int limit = 30;

    @Option(name = "--summary", description = "The wall screen of the whole scope: totals, today's alarms, risk levels, the worst enterprises")
    boolean summary;

    @Reference
    OneMap map;

    @Reference
    WallDashboard dashboard;

    @Override
    public Object execute() {
        if (summary) {
            WallDashboard.Summary s = dashboard.summary(Caller.system("shell"));
            System.out.println(s.area().name() + ": " + s.enterprises() + " enterprises, " + s.hazardSources().total() + " major hazard sources "
                    + s.hazardSources().byGrade() + "; today " + s.alarmsToday().process() + " alarms, " + s.alarmsToday().instrument()
                    + " instrument faults; " + s.activeAlarms() + " active; risk " + s.warnings().byRiskLevel() + ", " + s.warnings().predictions()
                    + " predictions; points online " + s.monitoring().online() + "/" + s.monitoring().points() + "; accidents this year "
                    + s.accidentsThisYear().count());
            ShellTable worst = new ShellTable();
            for (String column : new String[] {"Enterprise", "USCC", "Region", "Risk", "Score", "Active alarms"}) {
                worst.column(column);
            }
            s.worstEnterprises().forEach(w -> worst.addRow().addContent(w.name(), w.uscc(), w.regionCode(), w.riskLevel(),
                    String.format("%.1f", w.score()), w.activeAlarms()));
            worst.print(System.out);
            return null;
        }
        Set<OneMap.MarkerState> states = state == null ? Set.of() : Set.of(OneMap.MarkerState.valueOf(state.strip().toUpperCase(java.util.Locale.ROOT)));
        OneMap.Markers m = map.markers(Caller.system("shell"), region, Set.of(), null, states);
        System.out.println(m.area().name() + ": " + m.markers().size() + " enterprises on the map, " + m.unplaced() + " without coordinates; "
                + "by state " + m.counts().get("byState") + "; by grade " + m.counts().get("byGrade"));
        ShellTable table = new ShellTable();
        for (String column : new String[] {"Enterprise", "USCC", "Region", "Grade", "Sources", "State", "Active alarms", "Risk", "Longitude", "Latitude"}) {
            table.column(column);
        }
        m.markers().stream().sorted(java.util.Comparator.comparing(OneMap.Marker::state)
                .thenComparing(OneMap.Marker::grade, java.util.Comparator.nullsLast(java.util.Comparator.naturalOrder())))
                .limit(Math.max(1, limit)).forEach(k -> table.addRow().addContent(k.name(), k.uscc(), k.regionCode(), k.grade() == null ? "-" : k.grade(),
                        k.hazardSources(), k.state(), k.activeAlarms(), k.riskLevel() == null ? "-" : k.riskLevel(), k.longitude(), k.latitude()));
        table.print(System.out);
        return null;
    }
}
