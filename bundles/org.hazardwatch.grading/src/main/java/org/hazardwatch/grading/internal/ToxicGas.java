package org.hazardwatch.grading.internal;

import java.math.BigDecimal;
import java.util.List;

/**
 * A row of the toxic-gas β table (2018 Table 3; 2011 annex 表2).
 *
 * @param name name as printed
 * @param beta β
 * @param table1Row Table 1 row of the same substance in the same edition, or {@code null} (一氧化碳)
 * @param keys normalised names the row is matched by when it has no Table 1 row
 */
public record ToxicGas(String name, BigDecimal beta, Integer table1Row, List<String> keys) {

    public ToxicGas {
        keys = List.copyOf(keys);
    }
}
