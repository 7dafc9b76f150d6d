package org.hazardwatch.grading.internal;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.Objects;

/**
 * An exact non-negative-or-negative rational number (numerator/denominator in lowest terms, denominator &gt; 0).
 *
 * <p>S and R are sums of quotients of decimals (q/Q, β, α are all finite decimals), so they are rationals; keeping them
 * as fractions makes the comparisons with 1, 10, 50 and 100 exact whatever the inputs, where a {@code BigDecimal}
 * division with a {@link MathContext} would round each quotient (1/3 + 1/3 + 1/3 would come out below 1).
 */
public final class Fraction implements Comparable<Fraction> {

    public static final Fraction ZERO = new Fraction(BigInteger.ZERO, BigInteger.ONE);
    public static final Fraction ONE = new Fraction(BigInteger.ONE, BigInteger.ONE);

    /**
     * Precision of the display values: 34 significant digits (as DECIMAL128) cut towards zero, so a displayed value is
     * never on the other side of a boundary (1, 10, 50, 100) than the exact value.
     */
    public static final MathContext DISPLAY = new MathContext(34, RoundingMode.DOWN);

    private static final BigInteger TWO = BigInteger.TWO;
    private static final BigInteger FIVE = BigInteger.valueOf(5);

    private final BigInteger numerator;
    private final BigInteger denominator;

    private Fraction(BigInteger numerator, BigInteger denominator) {
        this.numerator = numerator;
        this.denominator = denominator;
    }

    public static Fraction of(BigInteger numerator, BigInteger denominator) {
        Objects.requireNonNull(numerator, "numerator");
        Objects.requireNonNull(denominator, "denominator");
        if (denominator.signum() == 0) {
            throw new ArithmeticException("denominator is zero");
        }
        if (denominator.signum() < 0) {
            numerator = numerator.negate();
            denominator = denominator.negate();
        }
        BigInteger gcd = numerator.gcd(denominator);
        if (!gcd.equals(BigInteger.ONE) && gcd.signum() != 0) {
            numerator = numerator.divide(gcd);
            denominator = denominator.divide(gcd);
        }
        if (numerator.signum() == 0) {
            denominator = BigInteger.ONE;
        }
        return new Fraction(numerator, denominator);
    }

    public static Fraction of(BigDecimal value) {
        Objects.requireNonNull(value, "value");
        BigInteger unscaled = value.unscaledValue();
        int scale = value.scale();
        if (scale >= 0) {
            return of(unscaled, BigInteger.TEN.pow(scale));
        }
        return of(unscaled.multiply(BigInteger.TEN.pow(-scale)), BigInteger.ONE);
    }

    public static Fraction of(long value) {
        return of(BigInteger.valueOf(value), BigInteger.ONE);
    }

    public BigInteger numerator() {
        return numerator;
    }

    public BigInteger denominator() {
        return denominator;
    }

    public Fraction add(Fraction other) {
        return of(numerator.multiply(other.denominator).add(other.numerator.multiply(denominator)),
                denominator.multiply(other.denominator));
    }

    public Fraction multiply(Fraction other) {
        return of(numerator.multiply(other.numerator), denominator.multiply(other.denominator));
    }

    public Fraction divide(Fraction other) {
        if (other.numerator.signum() == 0) {
            throw new ArithmeticException("division by zero");
        }
        return of(numerator.multiply(other.denominator), denominator.multiply(other.numerator));
    }

    public int signum() {
        return numerator.signum();
    }

    @Override
    public int compareTo(Fraction other) {
        return numerator.multiply(other.denominator).compareTo(other.numerator.multiply(denominator));
    }

    public boolean isAtLeast(Fraction other) {
        return compareTo(other) >= 0;
    }

    /** True if the value has a finite decimal expansion (the reduced denominator has no prime factor other than 2, 5). */
    public boolean isTerminating() {
        BigInteger d = denominator;
        while (d.mod(TWO).signum() == 0) {
            d = d.divide(TWO);
        }
        while (d.mod(FIVE).signum() == 0) {
            d = d.divide(FIVE);
        }
        return d.equals(BigInteger.ONE);
    }

    /**
     * The value for display: exact when it has at most 34 significant digits, else cut towards zero to 34 digits.
     * Trailing zeros are removed (scale never negative).
     */
    public BigDecimal toDisplay() {
        BigDecimal d = new BigDecimal(numerator).divide(new BigDecimal(denominator), DISPLAY);
        return plain(d);
    }

    /** The exact value as text: a plain decimal when it terminates ({@code "6.5"}), else {@code "p/q"} ({@code "25/12"}). */
    public String toExactString() {
        if (isTerminating()) {
            return plain(new BigDecimal(numerator).divide(new BigDecimal(denominator))).toPlainString();
        }
        return numerator + "/" + denominator;
    }

    private static BigDecimal plain(BigDecimal d) {
        BigDecimal s = d.stripTrailingZeros();
        return s.scale() < 0 ? s.setScale(0) : s;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Fraction f && numerator.equals(f.numerator) && denominator.equals(f.denominator);
    }

    @Override
    public int hashCode() {
        return Objects.hash(numerator, denominator);
    }

    @Override
    public String toString() {
        return toExactString();
    }
}
