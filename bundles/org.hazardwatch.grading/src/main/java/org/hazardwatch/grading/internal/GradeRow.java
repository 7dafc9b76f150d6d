package org.hazardwatch.grading.internal;

/**
 * A row of the grade table (2018 Table 6; 2011 annex 表4).
 *
 * @param grade 1 (一级, highest) to 4
 * @param label 「一级」…
 * @param condition as printed (「100>R≥50」)
 * @param rMin lower bound, inclusive; {@code null} for none
 * @param rMax upper bound, exclusive; {@code null} for none
 */
public record GradeRow(int grade, String label, String condition, Fraction rMin, Fraction rMax) {

    boolean covers(Fraction r) {
        return (rMin == null || r.compareTo(rMin) >= 0) && (rMax == null || r.compareTo(rMax) < 0);
    }
}
