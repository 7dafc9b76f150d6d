package org.hazardwatch.core.internal.shell;

import java.time.Duration;
import java.time.Instant;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.hazardwatch.api.registry.Page;
import org.hazardwatch.api.security.AuditEntry;
import org.hazardwatch.api.security.AuditLog;
import org.hazardwatch.api.security.AuditQuery;

@Command(scope = "hazardwatch", name = "audit", description = "Lists audit log entries, newest first")
@Service
public class AuditCommand implements Action {

    @Option(name = "--actor", description = "Only this user (shell users are shell:<name>)")
    String actor;

    @Option(name = "--action", description = "Only this action; * matches any text, e.g. alarm.* or auth.login*")
    String action;

    @Option(name = "--outcome", description = "OK, DENIED or FAILED")
    String outcome;

    @Option(name = "--hours", description = "How far back, hours (default 24)")
    int hours = 24;

    @Option(name = "--limit", description = "At most this many entries (default 50)")
    int limit = 50;

    @Reference
    AuditLog audit;

    @Override
    public Object execute() {
        Page<AuditEntry> page = audit.search(ShellAudit.caller(), new AuditQuery(Instant.now().minus(Duration.ofHours(Math.max(1, hours))),
                null, actor, action, null, outcome == null ? null : outcome.toUpperCase(java.util.Locale.ROOT), null), 0,
                Math.max(1, Math.min(limit, 1000)));
        ShellTable table = new ShellTable();
        for (String column : new String[] {"Seq", "Time", "Actor", "From", "Action", "Target", "Outcome", "Detail"}) {
            table.column(column);
        }
        for (AuditEntry e : page.items()) {
            table.addRow().addContent(e.seq(), e.at(), e.actor(), e.clientIp(), e.action(),
                    e.targetType() == null ? "" : e.targetType() + (e.targetId() == null ? "" : " " + e.targetId()), e.outcome(),
                    e.detail() == null ? "" : e.detail().length() > 60 ? e.detail().substring(0, 59) + "…" : e.detail());
        }
        table.print(System.out);
        System.out.println(page.items().size() + " of " + page.total() + " entries in the last " + hours + " h");
        return null;
    }
}
