package org.hazardwatch.api.auth;

import java.time.Instant;

/** An authenticated session. The token is only known to the client; the server keeps its hash. */
public record AuthSession(String token, String username, Instant expiresAt) {
}
