package org.hazardwatch.core.internal.shell;

import java.util.List;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.hazardwatch.api.security.AccessGrant;
import org.hazardwatch.api.security.AccessGrantService;
import org.hazardwatch.api.security.AuditLog;
import org.hazardwatch.api.security.DeclaredIncident;

@Command(scope = "hazardwatch", name = "access", description = "Authorised upper-level access to county live data (C3): "
        + "requests and grants, declared incidents; --revoke ends a grant")
@Service
public class AccessCommand implements Action {

    @Option(name = "--revoke", description = "End this grant now")
    Long revoke;

    @Option(name = "--reason", description = "Why (recorded with --revoke)")
    String reason;

    @Reference
    AccessGrantService grants;

    @Reference
    AuditLog audit;

    @Override
    public Object execute() {
        if (revoke != null) {
            AccessGrant ended = grants.revoke(ShellAudit.caller(), revoke, reason);
            ShellAudit.record(audit, "access.revoke", "access-grant", Long.toString(revoke), true, reason);
            System.out.println("grant " + revoke + " of " + ended.requester() + " for " + ended.regionName() + ": " + ended.status());
            return null;
        }
        List<AccessGrant> all = grants.list(ShellAudit.caller(), null);
        ShellTable table = new ShellTable();
        for (String column : new String[] {"Id", "Requester", "Region", "Status", "Hours", "Until", "Decided by", "Reason"}) {
            table.column(column);
        }
        for (AccessGrant g : all) {
            table.addRow().addContent(g.id(), g.requester() + (g.requesterOrganisation() == null ? "" : " (" + g.requesterOrganisation() + ")"),
                    g.regionCode() + " " + g.regionName(), g.status(), g.hours(), g.validUntil() == null ? "" : g.validUntil(),
                    g.decidedBy() == null ? "" : g.decidedBy(), g.reason());
        }
        table.print(System.out);
        List<DeclaredIncident> incidents = grants.incidents(ShellAudit.caller(), true);
        System.out.println(all.size() + " requests; " + incidents.size() + " open declared incidents"
                + (incidents.isEmpty() ? "" : ": " + String.join("; ", incidents.stream()
                        .map(i -> i.regionName() + " " + i.title() + " since " + i.declaredAt()).toList())));
        return null;
    }
}
