package org.hazardwatch.api.auth;

/** A password change was refused; {@link #reason()} says why in a form clients can translate. */
public class PasswordChangeException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public enum Reason {
        CURRENT_PASSWORD_WRONG,
        PASSWORD_TOO_SHORT,
        /** Fewer character classes (lower, upper, digit, symbol) than the policy asks. */
        PASSWORD_TOO_SIMPLE,
        /** On the list of commonly used passwords. */
        PASSWORD_COMMON,
        PASSWORD_CONTAINS_USERNAME,
        PASSWORD_UNCHANGED
    }

    private final Reason reason;

    public PasswordChangeException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
