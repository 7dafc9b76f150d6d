package org.hazardwatch.api.security;

import java.time.Instant;

/** Filters of the audit log; null means any. {@code text} matches the target id and the detail. */
public record AuditQuery(Instant from, Instant to, String actor, String action, String targetType, String outcome,
        String text) {
}
