package org.hazardwatch.api.security;

import java.time.Instant;

/**
 * An upper-level centre's request to see a county's (or park's) live parameters, and its decision (C3).
 *
 * @param regionCode the county or park asked for
 * @param incidentId the declared accident under which the request was granted automatically, or null
 * @param validUntil end of the access once granted
 */
public record AccessGrant(Long id, String requester, String requesterOrganisation, String regionCode, String regionName,
        String reason, int hours, Status status, Long incidentId, String decidedBy, Instant decidedAt, String decisionNote,
        Instant requestedAt, Instant validUntil) {

    public enum Status {
        PENDING,
        GRANTED,
        DENIED,
        REVOKED,
        EXPIRED
    }

    public boolean activeAt(Instant now) {
        return status == Status.GRANTED && validUntil != null && validUntil.isAfter(now);
    }
}
