package org.hazardwatch.core.internal.shell;

import java.time.Duration;
import java.util.List;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.hazardwatch.api.security.AuditLog;
import org.hazardwatch.api.alarm.AlarmService;
import org.hazardwatch.api.model.Alarm;

@Command(scope = "hazardwatch", name = "ack", description = "Acknowledges alarms, or shelves / unshelves one; the action "
        + "is recorded in the alarm journal under the shell user (shell:<user>)")
@Service
public class AckCommand implements Action {

    @Argument(index = 0, name = "ids", description = "Alarm ids (see hazardwatch:alarms)", required = true, multiValued = true)
    List<Long> ids;

    @Option(name = "--comment", aliases = "-c", description = "Comment recorded with the acknowledgement")
    String comment;

    @Option(name = "--shelve", description = "Shelve instead, for this many minutes (at most 7 days); needs --reason")
    Integer shelveMinutes;

    @Option(name = "--reason", description = "Why the alarm is shelved")
    String reason;

    @Option(name = "--unshelve", description = "End shelving instead")
    boolean unshelve;

    @Reference
    AlarmService alarms;

    @Reference
    AuditLog audit;

    @Override
    public Object execute() throws Exception {
        String user = ShellAudit.actor();
        String action = unshelve ? "alarm.unshelve" : shelveMinutes != null ? "alarm.shelve" : "alarm.acknowledge";
        int failed = 0;
        for (long id : ids) {
            try {
                Alarm alarm;
                if (unshelve) {
                    alarm = alarms.unshelve(id, user);
                } else if (shelveMinutes != null) {
                    alarm = alarms.shelve(id, Duration.ofMinutes(shelveMinutes), reason, user);
                } else {
                    alarm = alarms.acknowledge(id, user, comment);
                }
                System.out.println("alarm " + id + " (" + alarm.pointId() + " " + alarm.kind() + "): " + alarm.state()
                        + (alarm.shelvedUntil() != null ? ", shelved until " + alarm.shelvedUntil() : ""));
                ShellAudit.record(audit, action, "alarm", Long.toString(id), true, comment != null ? comment : reason);
            } catch (RuntimeException e) {
                ShellAudit.record(audit, action, "alarm", Long.toString(id), false, e.getMessage());
                failed++;
                System.out.println("alarm " + id + ": " + e.getMessage());
            }
        }
        if (failed > 0) {
            throw new IllegalStateException(failed + " of " + ids.size() + " alarms not changed");
        }
        return null;
    }
}
