package org.hazardwatch.exchange.centre;

import org.apache.karaf.shell.support.ShellUtil;
import org.hazardwatch.api.exchange.SecurityCentre;
import org.hazardwatch.api.security.AuditEntry;
import org.hazardwatch.api.security.AuditLog;

/** What the exchange's shell commands share: the centre or a clear refusal, and audit entries as shell:<user>. */
public final class CentreShell {

    private CentreShell() {
    }

    static SecurityCentre require(SecurityCentre centre) {
        if (centre == null) {
            throw new IllegalStateException("this node does not run the security centre (it runs at the national node)");
        }
        return centre;
    }

    public static String actor() {
        return "shell:" + (ShellUtil.getCurrentUserName() == null ? "unknown" : ShellUtil.getCurrentUserName());
    }

    public static void record(AuditLog audit, String action, String targetType, String targetId, String detail) {
        audit.append(new AuditEntry.Draft(actor(), "Karaf shell", "", "console", action, targetType, targetId, "OK", null, null, detail));
    }
}
