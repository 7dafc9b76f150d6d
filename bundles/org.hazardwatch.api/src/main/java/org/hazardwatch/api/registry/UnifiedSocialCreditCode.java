package org.hazardwatch.api.registry;

import java.util.Optional;

/**
 * The unified social credit code (统一社会信用代码) of GB 32100-2015.
 *
 * <p>Eighteen characters from the 31-character set {@code 0-9 A-H J-N P-R T U W-Y} (the digits and the
 * capital letters without I, O, S, V and Z): position 1 the registration authority, position 2 the kind of
 * entity, positions 3-8 the administrative division code of the registration authority (six digits,
 * GB/T 2260), positions 9-17 the organisation code and position 18 the check character.
 *
 * <p>Input is case-sensitive: callers uppercase before checking. Whitespace is not allowed anywhere.
 * Positions in messages are 1-based.
 */
public final class UnifiedSocialCreditCode {

    /** Number of characters in a code. */
    public static final int LENGTH = 18;

    /** The code character set; a character's index is its value. */
    private static final String CHARSET = "0123456789ABCDEFGHJKLMNPQRTUWXY";

    /** Weights of positions 1-17 (3^(i-1) mod 31). */
    private static final int[] WEIGHTS = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};

    private static final int MODULUS = 31;

    /** First and last (1-based) positions of the administrative division code. */
    private static final int REGION_FIRST = 3;
    private static final int REGION_LAST = 8;

    private UnifiedSocialCreditCode() {
    }

    /** What is wrong with a code. */
    public enum Kind {
        /** The code is not 18 characters long (or is null). */
        LENGTH,
        /** A character outside the code character set, or a non-digit in positions 3-8. */
        CHARACTER,
        /** The 18th character is not the check character of the first 17. */
        CHECK
    }

    /** The first problem found in a code, with a message for people. */
    public record Problem(Kind kind, String message) {
    }

    /**
     * Checks a code: its length, then each character from the left, then the administrative division
     * code in positions 3-8, then the check character.
     *
     * @return the first problem found, or empty when the code is valid
     */
    public static Optional<Problem> check(String code) {
        if (code == null) {
            return Optional.of(new Problem(Kind.LENGTH, "no code given"));
        }
        if (code.length() != LENGTH) {
            return Optional.of(new Problem(Kind.LENGTH,
                    "expected " + LENGTH + " characters, got " + code.length()));
        }
        for (int i = 0; i < LENGTH; i++) {
            char c = code.charAt(i);
            if (value(c) < 0) {
                return Optional.of(new Problem(Kind.CHARACTER, "character " + describe(c) + " at position "
                        + (i + 1) + " is not allowed (only 0-9 and A-Y without I, O, S, V, Z)"));
            }
        }
        for (int i = REGION_FIRST - 1; i < REGION_LAST; i++) {
            char c = code.charAt(i);
            if (c < '0' || c > '9') {
                return Optional.of(new Problem(Kind.CHARACTER, "character " + describe(c) + " at position "
                        + (i + 1) + " must be a digit (positions 3-8 are the administrative division code)"));
            }
        }
        char expected = checkCharacter(code.substring(0, LENGTH - 1));
        char actual = code.charAt(LENGTH - 1);
        if (actual != expected) {
            return Optional.of(new Problem(Kind.CHECK, "check character at position 18 is " + describe(actual)
                    + ", expected '" + expected + "'"));
        }
        return Optional.empty();
    }

    /** Whether {@link #check(String)} finds no problem. */
    public static boolean isValid(String code) {
        return check(code).isEmpty();
    }

    /**
     * The check character of the first 17 characters: 31 - (Σ value × weight mod 31), where 31 maps to 0.
     *
     * @throws IllegalArgumentException if {@code first17} is not 17 characters of the code character set
     */
    public static char checkCharacter(String first17) {
        if (first17 == null || first17.length() != LENGTH - 1) {
            throw new IllegalArgumentException("expected " + (LENGTH - 1) + " characters, got "
                    + (first17 == null ? "null" : String.valueOf(first17.length())));
        }
        int sum = 0;
        for (int i = 0; i < LENGTH - 1; i++) {
            char c = first17.charAt(i);
            int v = value(c);
            if (v < 0) {
                throw new IllegalArgumentException("character " + describe(c) + " at position " + (i + 1)
                        + " is not allowed (only 0-9 and A-Y without I, O, S, V, Z)");
            }
            sum += v * WEIGHTS[i];
        }
        int check = (MODULUS - sum % MODULUS) % MODULUS;
        return CHARSET.charAt(check);
    }

    /**
     * The administrative division code of the registration authority: positions 3-8. Six digits, though not
     * always a code of the GB/T 2260 table (national registrations use {@code 100000}, for example).
     *
     * @throws IllegalArgumentException if the code is not valid
     */
    public static String regionCode(String validCode) {
        Optional<Problem> problem = check(validCode);
        if (problem.isPresent()) {
            throw new IllegalArgumentException("not a valid unified social credit code: " + problem.get().message());
        }
        return validCode.substring(REGION_FIRST - 1, REGION_LAST);
    }

    /** The value of a code character, or -1 outside the character set. */
    private static int value(char c) {
        return CHARSET.indexOf(c);
    }

    private static String describe(char c) {
        if (Character.isWhitespace(c) || Character.isISOControl(c) || Character.isSpaceChar(c)) {
            return String.format("U+%04X", (int) c);
        }
        return "'" + c + "'";
    }
}
