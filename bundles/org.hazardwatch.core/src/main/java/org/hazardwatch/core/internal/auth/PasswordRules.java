package org.hazardwatch.core.internal.auth;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

import org.hazardwatch.api.auth.PasswordChangeException;
import org.hazardwatch.api.auth.PasswordChangeException.Reason;
import org.hazardwatch.api.auth.PasswordPolicy;

/** Checks a new password against the policy: length, character classes, the user name and a list of common ones. */
final class PasswordRules {

    private static final Set<String> COMMON = load();

    private PasswordRules() {
    }

    /** @throws PasswordChangeException naming the first rule the password breaks */
    static void check(PasswordPolicy policy, String username, char[] password) {
        String value = password == null ? "" : new String(password);
        if (value.length() < policy.minLength()) {
            throw new PasswordChangeException(Reason.PASSWORD_TOO_SHORT,
                    "the password needs at least " + policy.minLength() + " characters");
        }
        if (classes(value) < policy.minClasses()) {
            throw new PasswordChangeException(Reason.PASSWORD_TOO_SIMPLE, "the password needs at least "
                    + policy.minClasses() + " of: lower-case letters, upper-case letters, digits, symbols");
        }
        String lower = value.toLowerCase(Locale.ROOT);
        if (username != null && !username.isBlank() && lower.contains(username.toLowerCase(Locale.ROOT))) {
            throw new PasswordChangeException(Reason.PASSWORD_CONTAINS_USERNAME, "the password must not contain the user name");
        }
        if (COMMON.contains(lower)) {
            throw new PasswordChangeException(Reason.PASSWORD_COMMON, "the password is one of the most commonly used; choose another");
        }
    }

    static int classes(String value) {
        boolean lower = false;
        boolean upper = false;
        boolean digit = false;
        boolean other = false;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isLowerCase(c)) {
                lower = true;
            } else if (Character.isUpperCase(c)) {
                upper = true;
            } else if (Character.isDigit(c)) {
                digit = true;
            } else {
                other = true;
            }
        }
        return (lower ? 1 : 0) + (upper ? 1 : 0) + (digit ? 1 : 0) + (other ? 1 : 0);
    }

    private static Set<String> load() {
        Set<String> words = new HashSet<>();
        try (InputStream in = PasswordRules.class.getResourceAsStream("/security/common-passwords.txt")) {
            if (in == null) {
                throw new IllegalStateException("security/common-passwords.txt is missing from the bundle");
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                String word = line.strip();
                if (!word.isEmpty() && !word.startsWith("#")) {
                    words.add(word.toLowerCase(Locale.ROOT));
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("reading the common password list", e);
        }
        return Set.copyOf(words);
    }
}
