package org.hazardwatch.core.internal.shell;

import org.apache.karaf.shell.support.ShellUtil;
import org.hazardwatch.api.security.AuditEntry;
import org.hazardwatch.api.security.AuditLog;
import org.hazardwatch.api.security.Caller;

/**
 * The Karaf shell is the node operators' realm (etc/users.properties, separate from the web accounts; see
 * docs/security.md): its users act with the node's full scope, as {@code shell:<user>}, and what they change is in the
 * audit log like any other action.
 */
final class ShellAudit {

    static final String ORGANISATION = "Karaf shell";

    private ShellAudit() {
    }

    static String actor() {
        return "shell:" + (ShellUtil.getCurrentUserName() == null ? "unknown" : ShellUtil.getCurrentUserName());
    }

    static Caller caller() {
        return Caller.system(actor());
    }

    static void record(AuditLog audit, String action, String targetType, String targetId, boolean ok, String detail) {
        if (audit == null) {
            return;
        }
        try {
            audit.append(new AuditEntry.Draft(actor(), ORGANISATION, "", "console", action, targetType, targetId, ok ? "OK" : "FAILED",
                    null, null, detail));
        } catch (RuntimeException e) {
            System.err.println("AUDIT WRITE FAILED: " + e.getMessage());
        }
    }
}
