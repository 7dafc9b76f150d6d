package org.hazardwatch.api.auth;

import java.util.Optional;

/** Password login and bearer-token sessions. */
public interface AuthService {

    /** A new session when the password matches, empty otherwise (unknown user and wrong password look alike). */
    Optional<AuthSession> login(String username, char[] password);

    /** The session of a token that exists and has not expired. */
    Optional<AuthSession> validate(String token);

    void logout(String token);

    /**
     * Changes a user's password after checking the current one, and ends every session of that user.
     *
     * @throws PasswordChangeException with the reason when the current password is wrong or the new one is refused
     */
    void changePassword(String username, char[] currentPassword, char[] newPassword);
}
