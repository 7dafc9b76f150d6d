package org.hazardwatch.core.internal.shell;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.hazardwatch.api.accident.Accident;
import org.hazardwatch.api.accident.AccidentService;
import org.hazardwatch.api.registry.Page;
import org.hazardwatch.api.security.Caller;

@Command(scope = "hazardwatch", name = "accidents", description = "The accident register, newest first (voided records left out); "
        + "with an id, the whole record")
@Service
public class AccidentsCommand implements Action {

    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    @Option(name = "--year", description = "Only this year (China time)")
    Integer year;

    @Option(name = "--region", description = "Only this region or park code (e.g. 37, 370281)")
    String region;

    @Option(name = "--limit", description = "At most this many rows (default 50)")
    int limit = 50;

    @Option(name = "--alarms", description = "With an id: the alarms of its enterprise in this many hours before it (B5)")
    Integer alarmHours;

    @Argument(index = 0, name = "id", required = false, description = "An accident id: show the whole record")
    String id;

    @Reference
    AccidentService accidents;

    @Override
    public Object execute() {
        Caller shell = Caller.system("shell");
        if (id != null) {
            Accident a = accidents.get(shell, id).orElseThrow(() -> new IllegalArgumentException("No accident " + id));
            System.out.println(TIME.format(a.occurredAt().atZone(CHINA)) + "  " + a.kind() + " " + a.kind().label() + "  " + a.enterpriseName()
                    + (a.uscc() == null ? "" : " (" + a.uscc() + ")") + "  county " + a.regionCode());
            System.out.println("deaths " + a.deaths() + ", injuries " + a.injuries() + ", direct loss "
                    + (a.directLossWan() == null ? "unknown" : a.directLossWan().toPlainString() + " 万元")
                    + (a.hazardSourceCode() == null ? "" : ", hazard source " + a.hazardSourceCode()));
            System.out.println(a.description());
            if (a.sourceDocument() != null) {
                System.out.println("source: " + a.sourceDocument());
            }
            System.out.println("recorded by " + a.recordedBy() + " at " + a.recordedAt() + ", revision " + a.revision()
                    + (a.local() ? ", entered here" : ", from " + a.originNode()) + (a.voided() ? ", VOIDED: " + a.voidReason() : ""));
            if (alarmHours != null) {
                AccidentService.Precursors p = accidents.precedingAlarms(shell, id, alarmHours).orElseThrow();
                System.out.println(p.total() + " alarms in the " + alarmHours + " h before (" + p.process() + " process, " + p.instrument()
                        + " instrument faults)" + (p.longestLeadMinutes() == null ? "" : ", the first " + p.longestLeadMinutes() + " min before"));
                ShellTable alarms = new ShellTable();
                for (String column : new String[] {"Raised", "Lead (min)", "Point", "Type", "Kind", "Same source"}) {
                    alarms.column(column);
                }
                for (AccidentService.PrecedingAlarm x : p.alarms()) {
                    alarms.addRow().addContent(TIME.format(x.raisedAt().atZone(CHINA)), x.leadMinutes(), x.pointId(), x.pointType(), x.kind(),
                            x.sameHazardSource() ? "yes" : "");
                }
                alarms.print(System.out);
            }
            return null;
        }
        AccidentService.Query query = new AccidentService.Query(region, year == null ? null : LocalDate.of(year, 1, 1).atStartOfDay(CHINA).toInstant(),
                year == null ? null : LocalDate.of(year + 1, 1, 1).atStartOfDay(CHINA).toInstant(), null, null, null, false);
        Page<Accident> page = accidents.search(shell, query, 0, Math.max(1, Math.min(limit, 500)));
        System.out.println(page.total() + " accidents");
        ShellTable table = new ShellTable();
        for (String column : new String[] {"Occurred", "Type", "Enterprise", "County", "Deaths", "Injured", "Loss (万元)", "From", "Id"}) {
            table.column(column);
        }
        for (Accident a : page.items()) {
            table.addRow().addContent(TIME.format(a.occurredAt().atZone(CHINA)), a.kind().label(), a.enterpriseName(), a.regionCode(), a.deaths(),
                    a.injuries(), a.directLossWan() == null ? "" : a.directLossWan().toPlainString(), a.local() ? "here" : a.originNode(), a.id());
        }
        table.print(System.out);
        return null;
    }
}
