package org.hazardwatch.api.security;

import java.time.Instant;

/**
 * Result of checking the audit chain from its first entry to the recorded head.
 *
 * @param checked entries read
 * @param brokenAt sequence number of the first entry that does not fit the chain, null when intact
 * @param problem CHANGED (hash does not match the entry), MISSING (a sequence number is absent or a link points to a
 *     different predecessor), HEAD_MISMATCH (entries after the last one found were deleted, or the head was altered),
 *     null when intact
 */
public record AuditVerification(boolean intact, long checked, long headSeq, Long brokenAt, String problem, String detail,
        Instant verifiedAt) {
}
