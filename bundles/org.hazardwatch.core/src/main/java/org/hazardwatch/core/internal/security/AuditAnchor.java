package org.hazardwatch.core.internal.security;

import org.hazardwatch.api.security.AuditEntry;
import org.hazardwatch.api.security.AuditLog;
import org.hazardwatch.api.security.AuditVerification;
import org.slf4j.Logger;

/**
 * Anchors the audit chain outside the database: at start the chain is verified and its head (position and hash) is
 * written to the Karaf log, so someone who rewrites the whole table and its head still disagrees with the log files.
 */
final class AuditAnchor {

    private AuditAnchor() {
    }

    static void logHead(AuditLog audit, Logger logger) {
        AuditVerification result = audit.verify();
        if (result.intact()) {
            logger.info("Audit chain intact: {} entries, head {}", result.checked(), result.headSeq());
        } else {
            logger.error("AUDIT CHAIN BROKEN at entry {}: {} ({})", result.brokenAt(), result.problem(), result.detail());
        }
        AuditEntry anchor = audit.append(new AuditEntry.Draft("system", null, "", null, "audit.anchor", "audit", null,
                result.intact() ? "OK" : "FAILED", null, null,
                result.intact() ? "chain verified at start" : "chain broken at " + result.brokenAt() + ": " + result.problem()));
        logger.info("Audit chain anchor: entry {} hash {}", anchor.seq(), anchor.hash());
    }
}
