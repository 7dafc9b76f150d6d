package org.hazardwatch.api.auth;

import java.time.Instant;

/**
 * Outcome of a login attempt.
 *
 * @param session the new session when {@code outcome} is OK
 * @param lockedUntil end of the lockout when {@code outcome} is LOCKED
 */
public record LoginResult(Outcome outcome, AuthSession session, Instant lockedUntil) {

    public enum Outcome {
        OK,
        BAD_CREDENTIALS,
        LOCKED,
        DISABLED,
        /** The password matched; the account needs its second factor. */
        TOTP_REQUIRED,
        TOTP_WRONG
    }

    public static LoginResult failed(Outcome outcome) {
        return new LoginResult(outcome, null, null);
    }

    public boolean ok() {
        return outcome == Outcome.OK;
    }
}
