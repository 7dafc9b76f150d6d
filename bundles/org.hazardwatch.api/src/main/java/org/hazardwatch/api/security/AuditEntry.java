package org.hazardwatch.api.security;

import java.time.Instant;

/**
 * One entry of the audit log. Entries are chained: {@code hash} is the SM3 of the previous entry's hash and every
 * field of this one, so changing or deleting an entry breaks the chain.
 *
 * @param seq position in the chain, from 1 without gaps
 * @param actorRegion region code (or enterprise USCC) of the actor's organisation, for scoping auditors
 * @param outcome OK, DENIED or FAILED
 * @param before state before the action as JSON, or null
 * @param after state after the action (or what was sent) as JSON, or null
 */
public record AuditEntry(long seq, Instant at, String actor, String organisation, String actorRegion, String clientIp,
        String action, String targetType, String targetId, String outcome, String before, String after, String detail,
        String prevHash, String hash) {

    /** What a caller records; the log fills in position, time and hashes. */
    public record Draft(String actor, String organisation, String actorRegion, String clientIp, String action,
            String targetType, String targetId, String outcome, String before, String after, String detail) {
    }
}
