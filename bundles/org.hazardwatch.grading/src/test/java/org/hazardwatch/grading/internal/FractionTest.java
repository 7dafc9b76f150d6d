package org.hazardwatch.grading.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.math.MathContext;

import org.junit.jupiter.api.Test;

class FractionTest {

    private static Fraction f(String decimal) {
        return Fraction.of(new BigDecimal(decimal));
    }

    @Test
    void thirdsAddUpToExactlyOneWhereDecimal128DoesNot() {
        // 0.1 t of phosgene over Q = 0.3 t, three times
        Fraction third = f("0.1").divide(f("0.3"));
        assertEquals("1/3", third.toExactString());
        Fraction s = third.add(third).add(third);
        assertEquals(Fraction.ONE, s);
        assertTrue(s.isAtLeast(Fraction.ONE));

        BigDecimal naive = new BigDecimal("0.1").divide(new BigDecimal("0.3"), MathContext.DECIMAL128);
        BigDecimal naiveSum = naive.add(naive).add(naive);
        assertTrue(naiveSum.compareTo(BigDecimal.ONE) < 0, "the trap the fractions avoid: " + naiveSum);
    }

    @Test
    void doubleArithmeticMissesSEqualsOne() {
        // gb18218-2018.md section 3 note 3: 0.7 + 0.2 + 0.1 in double is 0.9999999999999999
        assertNotEquals(1.0, 0.7 + 0.2 + 0.1);
        assertEquals(Fraction.ONE, f("7").divide(f("10")).add(f("2").divide(f("10"))).add(f("1").divide(f("10"))));
    }

    @Test
    void reducesAndKeepsSign() {
        assertEquals("25/12", f("0.625").divide(f("0.3")).toExactString());
        assertEquals(Fraction.of(1), f("2.50").divide(f("2.5")));
        assertEquals("-1/3", Fraction.of(-1).divide(Fraction.of(3)).toExactString());
        assertEquals("1200", f("1.2E+3").toExactString());
        assertEquals(0, f("0").signum());
        assertThrows(ArithmeticException.class, () -> Fraction.ONE.divide(Fraction.ZERO));
    }

    @Test
    void exactStringIsADecimalWhenItTerminates() {
        assertEquals("6.5", f("13").divide(f("2")).toExactString());
        assertEquals("0.0625", f("1").divide(f("16")).toExactString());
        assertTrue(f("1").divide(f("40")).isTerminating());
        assertFalse(f("1").divide(f("30")).isTerminating());
    }

    @Test
    void displayIsCutNeverRoundedUp() {
        // 2/3 displays as 0.666…6 (34 digits), not …7
        assertEquals("0." + "6".repeat(34), f("2").divide(f("3")).toDisplay().toPlainString());
        // a value just below 1 with more than 34 digits stays below 1 on display
        Fraction justBelow = f("0." + "9".repeat(40));
        BigDecimal shown = justBelow.toDisplay();
        assertTrue(shown.compareTo(BigDecimal.ONE) < 0, shown.toPlainString());
        assertEquals("0." + "9".repeat(34), shown.toPlainString());
        // R exactly 50 from 1.2 × 125/3 displays as 50, with no trailing zeros or exponent
        assertEquals("50", f("1.2").multiply(f("125").divide(f("3"))).toDisplay().toPlainString());
        assertEquals("100", Fraction.of(100).toDisplay().toString());
    }
}
