package org.hazardwatch.api.auth;

import java.util.List;
import java.util.Optional;

/**
 * Password login (with an optional TOTP second factor), lockout after repeated failures, and sessions that end after
 * a fixed lifetime or when idle. Tokens are only known to the client; the server keeps their hashes.
 */
public interface AuthService {

    /**
     * Tries a login. Unknown user and wrong password look alike; a locked account answers {@code LOCKED} without
     * checking the password, so a lockout cannot be used to guess it.
     *
     * @param totpCode the current six-digit code, required when the account has a second factor
     */
    LoginResult login(String username, char[] password, String totpCode, String clientIp, String userAgent);

    /** The session of a token that exists and has neither expired nor been idle too long; touches it. */
    Optional<AuthSession> validate(String token);

    void logout(String token);

    /** Ends every session of the user ("log out everywhere"); returns how many ended. */
    int logoutAll(String username);

    /** The user's live sessions, newest first. */
    List<SessionInfo> sessions(String username, String currentToken);

    /**
     * Changes a user's password after checking the current one, and ends every session of that user.
     *
     * @throws PasswordChangeException with the reason when the current password is wrong or the new one is refused
     */
    void changePassword(String username, char[] currentPassword, char[] newPassword);

    PasswordPolicy policy();

    /** Starts enrolling a second factor: a new secret, not active until {@link #confirmTotp} sees a valid code. */
    TotpEnrolment beginTotp(String username);

    /** Activates the pending second factor; false when the code does not match. */
    boolean confirmTotp(String username, String code);

    /** Turns the second factor off after checking a current code; false when the code does not match. */
    boolean disableTotp(String username, String code);
}
