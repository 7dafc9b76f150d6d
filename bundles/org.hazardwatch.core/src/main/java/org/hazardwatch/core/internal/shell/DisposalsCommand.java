package org.hazardwatch.core.internal.shell;

import java.time.Instant;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.hazardwatch.api.disposal.Disposal;
import org.hazardwatch.api.disposal.DisposalService;
import org.hazardwatch.api.disposal.DisposalStatus;
import org.hazardwatch.api.disposal.DisposalStep;
import org.hazardwatch.api.registry.Page;

@Command(scope = "hazardwatch", name = "disposals", description = "Lists alarm disposals (open ones by default), or shows one "
        + "with its steps and files")
@Service
public class DisposalsCommand implements Action {

    @Argument(index = 0, name = "id", description = "Show this disposal", required = false)
    Long id;

    @Option(name = "--all", description = "Include closed disposals")
    boolean all;

    @Option(name = "--overdue", description = "Only those past their deadline")
    boolean overdue;

    @Reference
    DisposalService disposals;

    @Override
    public Object execute() throws Exception {
        Instant now = Instant.now();
        if (id != null) {
            Disposal d = disposals.get(id).orElseThrow(() -> new IllegalArgumentException("No disposal " + id));
            System.out.println("disposal " + d.id() + "  alarm " + d.alarmId() + "  " + d.pointId() + "  " + d.status()
                    + (d.isOverdue(now) ? "  OVERDUE" : "") + (d.falseAlarm() ? "  false alarm" : ""));
            System.out.println("  assignee " + (d.assignee() == null ? "-" : d.assignee()) + ", deadline "
                    + (d.deadline() == null ? "-" : d.deadline()) + ", plan " + (d.planId() == null ? "-" : d.planId()));
            if (d.conclusion() != null) {
                System.out.println("  conclusion: " + d.conclusion());
            }
            for (DisposalStep s : d.steps()) {
                System.out.println("  " + s.at() + "  " + s.actor() + "  " + (s.from() == null ? "" : s.from() + " -> ") + s.to()
                        + (s.note() == null ? "" : "  \"" + s.note() + "\""));
            }
            d.attachments().forEach(a -> System.out.println("  file " + a.fileName() + " (" + a.size() + " bytes, sha256 "
                    + a.sha256() + ")"));
            return null;
        }
        ShellTable table = new ShellTable();
        for (String column : new String[] { "ID", "Alarm", "Point", "Status", "Assignee", "Deadline", "Created" }) {
            table.column(column);
        }
        int shown = 0;
        Page<Disposal> page = disposals.list(null, null, null, overdue ? now : null, 0, 500);
        for (Disposal d : page.items()) {
            if (!all && d.status() == DisposalStatus.CLOSED) {
                continue;
            }
            shown++;
            table.addRow().addContent(d.id(), d.alarmId(), d.pointId(), d.status(), d.assignee() == null ? "" : d.assignee(),
                    d.deadline() == null ? "" : d.deadline() + (d.isOverdue(now) ? " OVERDUE" : ""), d.createdAt());
        }
        table.print(System.out);
        System.out.println(shown + " disposals" + (all ? "" : " open") + (overdue ? ", overdue" : ""));
        return null;
    }
}
