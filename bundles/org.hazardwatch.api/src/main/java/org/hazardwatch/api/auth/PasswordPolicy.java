package org.hazardwatch.api.auth;

/**
 * The password and lockout rules (etc/org.hazardwatch.security.cfg).
 *
 * @param minClasses how many of lower case, upper case, digits and symbols a password needs
 * @param maxFailures failed logins in a row that lock an account
 */
public record PasswordPolicy(int minLength, int minClasses, int maxFailures, int lockMinutes, int sessionMinutes,
        int idleMinutes) {
}
