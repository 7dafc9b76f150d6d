package org.hazardwatch.grading.internal;

import java.math.BigDecimal;

/**
 * A row of the α table (2018 Table 5; 2011 annex 表3).
 *
 * @param label as printed (「100人以上」)
 * @param minPeople lowest count of the row, inclusive
 * @param maxPeople highest count, inclusive; {@code null} for no upper bound
 * @param alpha α
 */
public record AlphaRow(String label, int minPeople, Integer maxPeople, BigDecimal alpha) {

    boolean covers(int people) {
        return people >= minPeople && (maxPeople == null || people <= maxPeople);
    }
}
