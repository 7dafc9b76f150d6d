package org.hazardwatch.api.exchange;

import java.time.Instant;

/**
 * A certificate the security centre issued to a node or collector.
 *
 * @param serial serial number, lower-case hex (the form envelopes name certificates by)
 * @param role national, province, city, county, park, enterprise or collector
 * @param pem the certificate, PEM
 */
public record NodeCertificate(String serial, String organisationCode, String role, String subject, Instant notBefore,
        Instant notAfter, Status status, Instant revokedAt, String revocationReason, Instant issuedAt, String issuedBy, String pem) {

    public enum Status {
        ACTIVE,
        REVOKED,
        EXPIRED
    }

    /** The status as of {@code now}: an active certificate past its end is EXPIRED. */
    public Status statusAt(Instant now) {
        return status == Status.ACTIVE && !notAfter.isAfter(now) ? Status.EXPIRED : status;
    }
}
