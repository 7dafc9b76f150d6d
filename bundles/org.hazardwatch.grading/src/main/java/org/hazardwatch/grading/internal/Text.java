package org.hazardwatch.grading.internal;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/** Normalisation of names, CAS numbers and hazard symbols before they are compared with the tables. */
public final class Text {

    private static final Pattern CAS = Pattern.compile("\\d{2,7}-\\d{2}-\\d");
    private static final Pattern SPACE = Pattern.compile("[\\s\\u00A0\\u3000\\u200B\\uFEFF]+");
    private static final Pattern DASH = Pattern.compile("[\\u2010\\u2011\\u2012\\u2013\\u2014\\u2212\\uFE63\\uFF0D]");

    private Text() {
    }

    /**
     * Match key of a substance name: NFKC (full-width letters, digits, brackets, punctuation and subscripts become
     * half-width: 「（」→「(」, 「，」→「,」, 「H₂」→「H2」), no white space, square and Chinese lenticular brackets
     * treated as round, {@code <=}/{@code >=} as 「≤」/「≥」, Latin letters upper case. {@code null} for a blank name.
     */
    public static String nameKey(String name) {
        if (name == null) {
            return null;
        }
        String s = Normalizer.normalize(name, Normalizer.Form.NFKC);
        s = SPACE.matcher(s).replaceAll("");
        s = s.replace('[', '(').replace(']', ')').replace('【', '(').replace('】', ')')
                .replace('〔', '(').replace('〕', ')')
                .replace("<=", "≤").replace(">=", "≥")
                .toUpperCase(Locale.ROOT);
        return s.isEmpty() ? null : s;
    }

    /** Normalised hazard symbol: NFKC, no white space, upper case ({@code " w5.1 "} → {@code "W5.1"}). */
    public static String symbol(String code) {
        if (code == null) {
            return null;
        }
        String s = SPACE.matcher(Normalizer.normalize(code, Normalizer.Form.NFKC)).replaceAll("");
        s = DASH.matcher(s).replaceAll("-").toUpperCase(Locale.ROOT);
        return s.isEmpty() ? null : s;
    }

    /**
     * Normalises a CAS number (NFKC, no white space, any dash as {@code -}) and checks its form and check digit.
     *
     * @return the normalised CAS, or {@code null} for a blank input
     * @throws IllegalArgumentException with the reason if it is malformed or fails the check digit
     */
    public static String cas(String cas) {
        if (cas == null || cas.isBlank()) {
            return null;
        }
        String s = SPACE.matcher(Normalizer.normalize(cas, Normalizer.Form.NFKC)).replaceAll("");
        s = DASH.matcher(s).replaceAll("-");
        if (!CAS.matcher(s).matches()) {
            throw new IllegalArgumentException("'" + cas + "' is not a CAS number (form NNNNNNN-NN-N)");
        }
        if (!casCheckDigitOk(s)) {
            throw new IllegalArgumentException("CAS " + s + " fails the check digit (expected "
                    + casCheckDigit(s) + ")");
        }
        return s;
    }

    /** True if the last digit of a CAS number {@code NNNNNNN-NN-N} is its check digit. */
    public static boolean casCheckDigitOk(String cas) {
        return CAS.matcher(cas).matches() && casCheckDigit(cas) == cas.charAt(cas.length() - 1) - '0';
    }

    /**
     * Check digit of a CAS number: the digits before it, taken from the right, are weighted 1, 2, 3, …; the check digit
     * is the sum modulo 10.
     */
    static int casCheckDigit(String cas) {
        String digits = cas.substring(0, cas.length() - 1).replace("-", "");
        int sum = 0;
        for (int i = 0; i < digits.length(); i++) {
            int weight = digits.length() - i;
            sum += weight * (digits.charAt(i) - '0');
        }
        return sum % 10;
    }
}
