package org.hazardwatch.api.exchange;

import java.time.Instant;

/**
 * A one-time enrolment token: who may enrol with it, until when, and whether it was used (the token itself is only
 * shown once, when it is created; the registry keeps its hash).
 *
 * @param id short public id (a prefix of the token's hash) to refer to it in lists
 */
public record EnrolmentToken(String id, String organisationCode, String role, Instant expiresAt, String createdBy, Instant createdAt,
        Instant usedAt, String certificateSerial) {
}
