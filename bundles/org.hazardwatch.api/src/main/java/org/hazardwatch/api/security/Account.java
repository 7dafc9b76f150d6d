package org.hazardwatch.api.security;

import java.time.Instant;
import java.util.List;

/**
 * A person's account. Passwords and second-factor secrets never leave the server.
 *
 * @param lockedUntil end of a lockout after repeated failed logins, null when not locked
 * @param mustChangePassword true after an administrator set the password: the user must choose their own first
 */
public record Account(String username, String displayName, Long organisationId, String organisationName, OrgLevel level,
        Long departmentId, String departmentName, String phone, String email, boolean enabled, List<Role> roles,
        boolean totpEnabled, boolean mustChangePassword, Instant lockedUntil, int failedLogins, Instant lastLoginAt,
        String lastLoginIp, Instant createdAt) {

    public Account {
        roles = roles == null ? List.of() : List.copyOf(roles);
    }
}
