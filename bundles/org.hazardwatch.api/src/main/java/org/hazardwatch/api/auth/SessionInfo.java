package org.hazardwatch.api.auth;

import java.time.Instant;

/** A live session as its owner sees it; {@code id} is a short prefix of the token's hash. */
public record SessionInfo(String id, Instant createdAt, Instant lastSeenAt, Instant expiresAt, String clientIp,
        String userAgent, boolean current) {
}
