package org.hazardwatch.core.internal.shell;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.hazardwatch.api.danger.DangerAttachment;
import org.hazardwatch.api.danger.DangerEvent;
import org.hazardwatch.api.danger.DangerStatus;
import org.hazardwatch.api.danger.HiddenDanger;
import org.hazardwatch.api.danger.HiddenDangerService;
import org.hazardwatch.api.security.Caller;

@Command(scope = "hazardwatch", name = "hidden-dangers", description = "Hidden dangers (E1), newest change first; --overdue: past their "
        + "deadline; --stats: open by level and category, overdue, per county; with an id, its rectification, governance project, files and timeline")
@Service
public class HiddenDangersCommand implements Action {

    @Option(name = "-n", description = "How many (default 20)")
    int count = 20;

    @Option(name = "--status", description = "Only this status (FOUND, RECTIFYING, AWAITING_ACCEPTANCE, CLOSED)")
    String status;

    @Option(name = "--overdue", description = "Only those past their deadline and not yet reported")
    boolean overdue;

    @Option(name = "--stats", description = "Statistics instead of the list")
    boolean statistics;

    @Argument(index = 0, name = "id", required = false, description = "A hidden danger's id: show it in full")
    String id;

    @Reference
    HiddenDangerService dangers;

    @Override
    public Object execute() {
        Caller shell = Caller.system("shell");
        if (id != null) {
            HiddenDanger d = dangers.get(shell, id).orElseThrow(() -> new IllegalArgumentException("No hidden danger " + id));
            System.out.println(d.level() + " " + d.category() + " " + d.status() + (d.overdue() ? " (OVERDUE)" : "") + "  " + d.enterpriseName() + " ("
                    + d.uscc() + ")  " + d.location());
            System.out.println("Found by " + d.foundBy() + " at " + d.foundAt() + ": " + d.description());
            if (d.deadline() != null) {
                System.out.println("Rectification: " + d.responsible() + " by " + d.deadline() + (d.noticeNumber() == null ? "" : ", notice " + d.noticeNumber()
                        + " of " + d.noticeIssuedBy()));
            }
            if (d.governance() != null) {
                System.out.println("Governance: " + d.governance().measures() + "; " + d.governance().funds() + " x10k yuan; " + d.governance().responsible()
                        + "; by " + d.governance().deadline() + "; " + d.governance().progressPercent() + "%");
            }
            ShellTable files = new ShellTable();
            for (String column : new String[] {"Id", "Stage", "File", "Bytes", "SHA-256", "By", "At"}) {
                files.column(column);
            }
            for (DangerAttachment a : d.attachments()) {
                files.addRow().addContent(a.id(), a.stage(), a.fileName(), a.size(), a.sha256(), a.uploadedBy(), a.uploadedAt());
            }
            files.print(System.out);
            ShellTable timeline = new ShellTable();
            for (String column : new String[] {"At", "Action", "From", "To", "By", "Note"}) {
                timeline.column(column);
            }
            for (DangerEvent e : d.events()) {
                timeline.addRow().addContent(e.at(), e.action() == null ? "" : e.action(), e.from() == null ? "" : e.from(), e.to(), e.actor(),
                        e.note() == null ? "" : e.note());
            }
            timeline.print(System.out);
            return null;
        }
        if (statistics) {
            HiddenDangerService.Statistics s = dangers.statistics(shell, null, null);
            System.out.println("Open: " + s.openByLevel() + "; overdue " + s.overdue() + "; closed in the last month " + s.closed());
            System.out.println("Open by category: " + s.openByCategory());
            ShellTable regions = new ShellTable();
            for (String column : new String[] {"Region", "Open", "Major", "Overdue", "Closed"}) {
                regions.column(column);
            }
            s.byRegion().forEach(r -> regions.addRow().addContent(r.regionCode(), r.open(), r.major(), r.overdue(), r.closed()));
            regions.print(System.out);
            return null;
        }
        DangerStatus only = status == null ? null : DangerStatus.valueOf(status.strip().toUpperCase(java.util.Locale.ROOT));
        ShellTable table = new ShellTable();
        for (String column : new String[] {"Updated", "Level", "Status", "Overdue", "Enterprise", "Location", "Deadline", "Id"}) {
            table.column(column);
        }
        for (HiddenDanger d : dangers.search(shell, new HiddenDangerService.Query(only, null, null, null, overdue ? Boolean.TRUE : null, null), 0,
                Math.max(1, Math.min(200, count))).items()) {
            table.addRow().addContent(d.updatedAt(), d.level(), d.status(), d.overdue() ? "yes" : "", d.enterpriseName(), d.location(),
                    d.deadline() == null ? "" : d.deadline(), d.id());
        }
        table.print(System.out);
        return null;
    }
}
