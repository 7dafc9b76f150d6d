package org.hazardwatch.api.auth;

import java.time.Instant;

/**
 * An authenticated session. The token is only known to the client; the server keeps its hash.
 *
 * @param csrfToken the value a browser using the session cookie must echo in {@code X-CSRF-Token} on every change
 * @param mustChangePassword the user logged in with a one-time password and may only change it
 */
public record AuthSession(String token, String csrfToken, String username, Instant expiresAt, boolean mustChangePassword) {
}
