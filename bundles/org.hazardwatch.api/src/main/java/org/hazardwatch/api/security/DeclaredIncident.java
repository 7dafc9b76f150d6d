package org.hazardwatch.api.security;

import java.time.Instant;

/**
 * An accident declared by a county or park: while it is open, upper-level requests for that region's live data are
 * granted automatically by policy (C3).
 */
public record DeclaredIncident(Long id, String regionCode, String regionName, String title, String declaredBy,
        Instant declaredAt, String endedBy, Instant endedAt) {

    public boolean open() {
        return endedAt == null;
    }
}
