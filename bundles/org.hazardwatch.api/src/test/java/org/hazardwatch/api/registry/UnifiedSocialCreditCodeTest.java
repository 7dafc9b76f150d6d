package org.hazardwatch.api.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;

import org.hazardwatch.api.registry.UnifiedSocialCreditCode.Kind;
import org.hazardwatch.api.registry.UnifiedSocialCreditCode.Problem;
import org.junit.jupiter.api.Test;

/**
 * GB 32100-2015 unified social credit codes.
 *
 * <p>Character values: 0-9 → 0-9, A=10 B=11 C=12 D=13 E=14 F=15 G=16 H=17 J=18 K=19 L=20 M=21 N=22 P=23 Q=24
 * R=25 T=26 U=27 W=28 X=29 Y=30. Weights of positions 1-17: 1 3 9 27 19 26 16 17 20 29 25 13 8 24 10 30 28.
 * Check value = 31 - (Σ value × weight mod 31), 31 → 0.
 */
class UnifiedSocialCreditCodeTest {

    /*
     * Published codes of well-known enterprises, each check character recomputed by hand
     * (only the non-zero terms are written):
     *
     * 华为技术有限公司 914403001922038216
     *   9×1 + 1×3 + 4×9 + 4×27 + 3×26 + 1×20 + 9×29 + 2×25 + 2×13 + 3×24 + 8×10 + 2×30 + 1×28
     *   = 9 + 3 + 36 + 108 + 78 + 20 + 261 + 50 + 26 + 72 + 80 + 60 + 28 = 831;
     *   831 = 26×31 + 25; 31 - 25 = 6 → '6'
     * 深圳市腾讯计算机系统有限公司 91440300708461136T
     *   9×1 + 1×3 + 4×9 + 4×27 + 3×26 + 7×20 + 8×25 + 4×13 + 6×8 + 1×24 + 1×10 + 3×30 + 6×28
     *   = 9 + 3 + 36 + 108 + 78 + 140 + 200 + 52 + 48 + 24 + 10 + 90 + 168 = 966;
     *   966 = 31×31 + 5; 31 - 5 = 26 → 'T'
     * 阿里巴巴（中国）有限公司 91330100716105852F
     *   9×1 + 1×3 + 3×9 + 3×27 + 1×26 + 7×20 + 1×29 + 6×25 + 1×13 + 5×24 + 8×10 + 5×30 + 2×28
     *   = 9 + 3 + 27 + 81 + 26 + 140 + 29 + 150 + 13 + 120 + 80 + 150 + 56 = 884;
     *   884 = 28×31 + 16; 31 - 16 = 15 → 'F'
     * 中国石油化工股份有限公司 91110000710926094P
     *   9×1 + 1×3 + 1×9 + 1×27 + 7×20 + 1×29 + 9×13 + 2×8 + 6×24 + 9×30 + 4×28
     *   = 9 + 3 + 9 + 27 + 140 + 29 + 117 + 16 + 144 + 270 + 112 = 876;
     *   876 = 28×31 + 8; 31 - 8 = 23 → 'P'
     * 中国石油化工集团有限公司 9111000010169286X1 (X = 29 in the organisation code)
     *   9×1 + 1×3 + 1×9 + 1×27 + 1×20 + 1×25 + 6×13 + 9×8 + 2×24 + 8×10 + 6×30 + 29×28
     *   = 9 + 3 + 9 + 27 + 20 + 25 + 78 + 72 + 48 + 80 + 180 + 812 = 1363;
     *   1363 = 43×31 + 30; 31 - 30 = 1 → '1'
     * 中国银行股份有限公司 911000001000013428 (registered nationally: positions 3-8 are 100000)
     *   9×1 + 1×3 + 1×9 + 1×20 + 1×24 + 3×10 + 4×30 + 2×28
     *   = 9 + 3 + 9 + 20 + 24 + 30 + 120 + 56 = 271;
     *   271 = 8×31 + 23; 31 - 23 = 8 → '8'
     */
    private static final String HUAWEI = "914403001922038216";
    private static final String TENCENT = "91440300708461136T";
    private static final String ALIBABA_CHINA = "91330100716105852F";
    private static final String SINOPEC_CORP = "91110000710926094P";
    private static final String SINOPEC_GROUP = "9111000010169286X1";
    private static final String BANK_OF_CHINA = "911000001000013428";
    private static final String[] PUBLISHED = {HUAWEI, TENCENT, ALIBABA_CHINA, SINOPEC_CORP, SINOPEC_GROUP, BANK_OF_CHINA};

    /*
     * Constructed codes (not real enterprises):
     *
     * 91310000MA1FL00030, sum ≡ 0 → 31 → '0':
     *   9×1 + 1×3 + 3×9 + 1×27 + M21×20 + A10×29 + 1×25 + F15×13 + L20×8 + 3×28
     *   = 9 + 3 + 27 + 27 + 420 + 290 + 25 + 195 + 160 + 84 = 1240 = 40×31; 31 - 0 = 31 → '0'
     * 91310000MA1FL000DY, sum ≡ 1 → 30 → 'Y':
     *   as above but D13×28 = 364 instead of 3×28 = 84: 1240 - 84 + 364 = 1520 = 49×31 + 1; 31 - 1 = 30 → 'Y'
     * 000000000000000000: sum 0 → 31 → '0'
     */
    private static final String CHECK_ZERO = "91310000MA1FL00030";
    private static final String CHECK_Y = "91310000MA1FL000DY";
    private static final String ALL_ZEROS = "000000000000000000";

    @Test
    void publishedCodesAreValid() {
        for (String code : PUBLISHED) {
            assertEquals(Optional.empty(), UnifiedSocialCreditCode.check(code), code);
            assertTrue(UnifiedSocialCreditCode.isValid(code), code);
        }
    }

    @Test
    void checkCharacterOfPublishedCodes() {
        assertEquals('6', UnifiedSocialCreditCode.checkCharacter("91440300192203821"));
        assertEquals('T', UnifiedSocialCreditCode.checkCharacter("91440300708461136"));
        assertEquals('F', UnifiedSocialCreditCode.checkCharacter("91330100716105852"));
        assertEquals('P', UnifiedSocialCreditCode.checkCharacter("91110000710926094"));
        assertEquals('1', UnifiedSocialCreditCode.checkCharacter("9111000010169286X"));
        assertEquals('8', UnifiedSocialCreditCode.checkCharacter("91100000100001342"));
    }

    @Test
    void checkValue31MapsTo0() {
        assertEquals('0', UnifiedSocialCreditCode.checkCharacter("91310000MA1FL0003"));
        assertTrue(UnifiedSocialCreditCode.isValid(CHECK_ZERO));
        assertEquals('0', UnifiedSocialCreditCode.checkCharacter("00000000000000000"));
        assertTrue(UnifiedSocialCreditCode.isValid(ALL_ZEROS));
        // 31 is not a character of the set: nothing maps to it
        Problem p = UnifiedSocialCreditCode.check("91310000MA1FL0003Y").orElseThrow();
        assertEquals(Kind.CHECK, p.kind());
        assertTrue(p.message().contains("expected '0'"), p.message());
    }

    @Test
    void checkValue30IsY() {
        assertEquals('Y', UnifiedSocialCreditCode.checkCharacter("91310000MA1FL000D"));
        assertTrue(UnifiedSocialCreditCode.isValid(CHECK_Y));
    }

    @Test
    void regionCodeIsPositions3To8() {
        assertEquals("440300", UnifiedSocialCreditCode.regionCode(HUAWEI));
        assertEquals("330100", UnifiedSocialCreditCode.regionCode(ALIBABA_CHINA));
        assertEquals("110000", UnifiedSocialCreditCode.regionCode(SINOPEC_CORP));
        assertEquals("100000", UnifiedSocialCreditCode.regionCode(BANK_OF_CHINA));
        assertEquals("310000", UnifiedSocialCreditCode.regionCode(CHECK_ZERO));
        assertThrows(IllegalArgumentException.class, () -> UnifiedSocialCreditCode.regionCode("914403001922038217"));
        assertThrows(IllegalArgumentException.class, () -> UnifiedSocialCreditCode.regionCode(null));
    }

    @Test
    void lengthProblems() {
        assertKind(Kind.LENGTH, "expected 18 characters, got 17", "91440300192203821");
        assertKind(Kind.LENGTH, "expected 18 characters, got 19", HUAWEI + "6");
        assertKind(Kind.LENGTH, "expected 18 characters, got 0", "");
        assertKind(Kind.LENGTH, "no code given", null);
        assertFalse(UnifiedSocialCreditCode.isValid(null));
        // length is checked before characters
        assertKind(Kind.LENGTH, "expected 18 characters, got 3", "IOZ");
        // surrounding whitespace is not trimmed
        assertKind(Kind.LENGTH, "expected 18 characters, got 19", " " + HUAWEI);
        assertKind(Kind.LENGTH, "expected 18 characters, got 20", " " + HUAWEI + " ");
    }

    @Test
    void lettersOutsideTheSetAreRejectedWithTheirPosition() {
        // I, O, Z, S, V in the organisation code (positions 9-17) and in the check position
        assertKind(Kind.CHARACTER, "character 'I' at position 9 is not allowed", "91440300I922038216");
        assertKind(Kind.CHARACTER, "character 'O' at position 10 is not allowed", "914403001O22038216");
        assertKind(Kind.CHARACTER, "character 'Z' at position 11 is not allowed", "9144030019Z2038216");
        assertKind(Kind.CHARACTER, "character 'S' at position 17 is not allowed", "9111000010169286S1");
        assertKind(Kind.CHARACTER, "character 'V' at position 18 is not allowed", "91440300192203821V");
        // the first bad character from the left is reported
        assertKind(Kind.CHARACTER, "at position 1 ", "O1440300I922038216");
    }

    @Test
    void lowercaseIsRejected() {
        assertKind(Kind.CHARACTER, "character 't' at position 18 is not allowed", "91440300708461136t");
        assertKind(Kind.CHARACTER, "character 'f' at position 18 is not allowed", "91330100716105852f");
        assertKind(Kind.CHARACTER, "character 'x' at position 17 is not allowed", "9111000010169286x1");
        assertKind(Kind.CHARACTER, "character 'm' at position 9 is not allowed", "91310000mA1FL00030");
        assertEquals(Optional.empty(), UnifiedSocialCreditCode.check("91310000ma1fl00030".toUpperCase()));
    }

    @Test
    void whitespaceAndOtherCharactersAreRejected() {
        assertKind(Kind.CHARACTER, "character U+0020 at position 9 is not allowed", "91440300 922038216");
        assertKind(Kind.CHARACTER, "character U+3000 at position 1 is not allowed", "\u300091440300192203821");
        assertKind(Kind.CHARACTER, "character U+0009 at position 18 is not allowed", "91440300192203821\t");
        assertKind(Kind.CHARACTER, "character '-' at position 9 is not allowed", "91440300-922038216");
        // a full-width digit is not a digit of the set
        assertKind(Kind.CHARACTER, "character '９' at position 1 is not allowed", "９14403001922038216");
    }

    @Test
    void positions3To8MustBeDigits() {
        // letters of the set in the administrative division code, with a matching check character
        String prefix = "91A10000MA1FL0003";
        String code = prefix + UnifiedSocialCreditCode.checkCharacter(prefix);
        assertKind(Kind.CHARACTER, "character 'A' at position 3 must be a digit", code);
        prefix = "9144030YMA1FL0003";
        code = prefix + UnifiedSocialCreditCode.checkCharacter(prefix);
        assertKind(Kind.CHARACTER, "character 'Y' at position 8 must be a digit", code);
        // positions 1-2 and 9-17 may be letters
        assertTrue(UnifiedSocialCreditCode.isValid(CHECK_Y));
        prefix = "Y1440300MA1FL0003";
        assertTrue(UnifiedSocialCreditCode.isValid(prefix + UnifiedSocialCreditCode.checkCharacter(prefix)));
    }

    @Test
    void wrongCheckCharacterNamesTheExpectedOne() {
        Problem p = UnifiedSocialCreditCode.check("914403001922038217").orElseThrow();
        assertEquals(Kind.CHECK, p.kind());
        assertEquals("check character at position 18 is '7', expected '6'", p.message());
        assertKind(Kind.CHECK, "expected 'T'", "91440300708461136R");
        assertKind(Kind.CHECK, "expected '1'", "9111000010169286XL");
        assertKind(Kind.CHECK, "expected 'Y'", "91310000MA1FL000D0");
        // an altered body character with the original check character
        assertKind(Kind.CHECK, "expected", "914403001922038226");
        assertFalse(UnifiedSocialCreditCode.isValid("914403001922038217"));
    }

    @Test
    void everySingleCharacterSubstitutionIsDetected() {
        String set = "0123456789ABCDEFGHJKLMNPQRTUWXY";
        assertEquals(31, set.length());
        for (String code : PUBLISHED) {
            for (int i = 0; i < 18; i++) {
                for (char c : set.toCharArray()) {
                    if (c == code.charAt(i)) {
                        continue;
                    }
                    String altered = code.substring(0, i) + c + code.substring(i + 1);
                    Kind expected = i >= 2 && i <= 7 && !Character.isDigit(c) ? Kind.CHARACTER : Kind.CHECK;
                    assertEquals(expected, UnifiedSocialCreditCode.check(altered).map(Problem::kind).orElse(null),
                            altered);
                }
            }
        }
    }

    @Test
    void adjacentTranspositionsAreDetected() {
        for (String code : PUBLISHED) {
            for (int i = 0; i < 16; i++) {
                if (code.charAt(i) == code.charAt(i + 1)) {
                    continue;
                }
                String swapped = code.substring(0, i) + code.charAt(i + 1) + code.charAt(i) + code.substring(i + 2);
                assertFalse(UnifiedSocialCreditCode.isValid(swapped), swapped);
            }
        }
    }

    @Test
    void checkCharacterRejectsBadInput() {
        assertThrows(IllegalArgumentException.class, () -> UnifiedSocialCreditCode.checkCharacter(null));
        assertThrows(IllegalArgumentException.class, () -> UnifiedSocialCreditCode.checkCharacter("9144030019220382"));
        assertThrows(IllegalArgumentException.class, () -> UnifiedSocialCreditCode.checkCharacter(HUAWEI));
        assertThrows(IllegalArgumentException.class, () -> UnifiedSocialCreditCode.checkCharacter("9144030019220382I"));
        assertThrows(IllegalArgumentException.class, () -> UnifiedSocialCreditCode.checkCharacter("9144030019220382a"));
    }

    private static void assertKind(Kind kind, String messagePart, String code) {
        Problem p = UnifiedSocialCreditCode.check(code).orElseThrow(() -> new AssertionError("no problem in " + code));
        assertEquals(kind, p.kind(), p.message());
        assertTrue(p.message().contains(messagePart), () -> "'" + p.message() + "' lacks '" + messagePart + "'");
        assertFalse(UnifiedSocialCreditCode.isValid(code));
    }
}
