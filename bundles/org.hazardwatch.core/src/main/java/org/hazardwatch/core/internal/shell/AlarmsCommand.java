package org.hazardwatch.core.internal.shell;

import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.hazardwatch.api.alarm.AlarmEvent;
import org.hazardwatch.api.alarm.AlarmQuery;
import org.hazardwatch.api.alarm.AlarmService;
import org.hazardwatch.api.model.Alarm;
import org.hazardwatch.api.model.AlarmCategory;
import org.hazardwatch.api.model.AlarmPriority;
import org.hazardwatch.api.model.AlarmState;
import org.hazardwatch.api.registry.Page;

@Command(scope = "hazardwatch", name = "alarms", description = "Lists alarms: by default every open one (active or "
        + "waiting for acknowledgement), newest first; with an id, one alarm and its journal")
@Service
public class AlarmsCommand implements Action {

    @org.apache.karaf.shell.api.action.Argument(index = 0, name = "id", description = "Show this alarm and its journal",
            required = false)
    Long id;

    @Option(name = "--all", description = "Include alarms that are over (state NORMAL)")
    boolean all;

    @Option(name = "--point", description = "Only this monitoring point")
    String point;

    @Option(name = "--priority", description = "Only HIGH, MEDIUM or LOW")
    String priority;

    @Option(name = "--faults", description = "Only instrument faults")
    boolean faults;

    @Option(name = "--process", description = "Only process alarms (no instrument faults)")
    boolean process;

    @Option(name = "--limit", description = "At most this many (default 50)")
    int limit = 50;

    @Reference
    AlarmService alarms;

    @Override
    public Object execute() throws Exception {
        if (id != null) {
            return show(id);
        }
        if (faults && process) {
            throw new IllegalArgumentException("--faults and --process exclude each other");
        }
        if (limit < 1 || limit > 10_000) {
            throw new IllegalArgumentException("--limit must be 1 to 10000");
        }
        Set<AlarmState> states = all ? Set.of() : EnumSet.of(AlarmState.UNACKED_ACTIVE, AlarmState.ACKED_ACTIVE,
                AlarmState.UNACKED_RETURNED);
        Page<Alarm> page = alarms.search(new AlarmQuery(blankToNull(point), null, states, null,
                faults ? AlarmCategory.INSTRUMENT : process ? AlarmCategory.PROCESS : null, priority(priority), null, null, 0,
                limit));
        ShellTable table = new ShellTable();
        for (String column : new String[] { "ID", "Point", "Kind", "Priority", "State", "Value", "Limit", "Raised", "Note" }) {
            table.column(column);
        }
        Instant now = Instant.now();
        for (Alarm a : page.items()) {
            table.addRow().addContent(a.id(), a.pointId(), a.kind(), a.priority(), a.state(), ValueFormat.format(a.value()),
                    ValueFormat.format(a.limit()), a.raisedAt(), note(a, now));
        }
        table.print(System.out);
        System.out.println(page.items().size() + " of " + page.total() + (all ? " alarms" : " open alarms"));
        return null;
    }

    private Object show(long alarmId) {
        Alarm a = alarms.find(alarmId).orElseThrow(() -> new IllegalArgumentException("No alarm " + alarmId));
        System.out.println("alarm " + a.id() + "  " + a.pointId() + "  " + a.kind() + " (" + a.category() + ")  " + a.priority()
                + "  " + a.state() + "  " + note(a, Instant.now()));
        System.out.println("  value " + ValueFormat.format(a.value()) + ", limit " + ValueFormat.format(a.limit())
                + ", raised " + a.raisedAt() + ", activations " + a.activations());
        List<AlarmEvent> journal = alarms.history(alarmId);
        for (AlarmEvent e : journal) {
            System.out.println("  " + e.at() + "  " + e.type() + " -> " + e.state() + "  by " + e.actor()
                    + (e.value() == null ? "" : "  value " + ValueFormat.format(e.value()))
                    + (e.comment() == null ? "" : "  \"" + e.comment() + "\""));
        }
        return null;
    }

    static String note(Alarm a, Instant now) {
        StringBuilder note = new StringBuilder();
        if (a.isShelved(now)) {
            note.append("shelved until ").append(a.shelvedUntil()).append(" by ").append(a.shelvedBy());
        }
        if (a.suppressed()) {
            note.append(note.length() == 0 ? "" : "; ").append("suppressed by design");
        }
        if (a.acknowledgedBy() != null) {
            note.append(note.length() == 0 ? "" : "; ").append("ack by ").append(a.acknowledgedBy());
        }
        return note.toString();
    }

    private static AlarmPriority priority(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return AlarmPriority.valueOf(text.strip().toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--priority must be HIGH, MEDIUM or LOW, not '" + text + "'");
        }
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
