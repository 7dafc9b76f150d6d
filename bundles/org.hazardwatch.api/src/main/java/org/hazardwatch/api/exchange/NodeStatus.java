package org.hazardwatch.api.exchange;

import java.time.Instant;

/** A node or collector as the security centre sees it: its current certificate and its last heartbeat. */
public record NodeStatus(String organisationCode, String role, String certificateSerial, Instant certificateNotAfter, Instant lastSeen,
        String address, boolean online) {
}
