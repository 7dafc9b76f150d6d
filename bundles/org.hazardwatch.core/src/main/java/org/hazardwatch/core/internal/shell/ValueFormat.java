package org.hazardwatch.core.internal.shell;

import java.math.BigDecimal;
import java.math.RoundingMode;

final class ValueFormat {

    private ValueFormat() {
    }

    /** Four significant decimals, no exponent, no trailing zeros. */
    static String format(double value) {
        return BigDecimal.valueOf(value).setScale(4, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
    }
}
