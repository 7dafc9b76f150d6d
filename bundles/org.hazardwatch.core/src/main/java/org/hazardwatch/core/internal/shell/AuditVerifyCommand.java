package org.hazardwatch.core.internal.shell;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.hazardwatch.api.security.AuditLog;
import org.hazardwatch.api.security.AuditVerification;

@Command(scope = "hazardwatch", name = "audit-verify", description = "Re-computes the SM3 chain of the audit log from its "
        + "first entry to the recorded head: reports the first changed or missing entry, fails when the chain is broken")
@Service
public class AuditVerifyCommand implements Action {

    @Reference
    AuditLog audit;

    @Override
    public Object execute() {
        AuditVerification result = audit.verify();
        ShellAudit.record(audit, "audit.verify", "audit", null, result.intact(),
                result.intact() ? result.checked() + " entries intact" : result.problem() + " at " + result.brokenAt());
        if (result.intact()) {
            System.out.println("Audit chain intact: " + result.checked() + " entries verified, head " + result.headSeq()
                    + " (" + result.verifiedAt() + ")");
            return null;
        }
        System.out.println("AUDIT CHAIN BROKEN at entry " + result.brokenAt() + ": " + result.problem());
        System.out.println("  " + result.detail());
        System.out.println("  " + result.checked() + " entries read; head records entry " + result.headSeq());
        throw new IllegalStateException("the audit chain is broken at entry " + result.brokenAt() + " (" + result.problem() + ")");
    }
}
