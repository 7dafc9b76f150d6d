package org.hazardwatch.grading.internal;

import java.math.BigDecimal;

/**
 * A row of the 2011 grading annex 表1 (β by class of hazardous chemical), or of the note under its 表2.
 *
 * @param key {@code EXPLOSIVE}, {@code FLAMMABLE_GAS}, {@code TOXIC_GAS}, {@code OTHER}, {@code TOXIC_GAS_OTHER},
 *        {@code TOXIC_GAS_HIGHLY}
 * @param category the class as printed
 * @param beta β, {@code null} for {@code TOXIC_GAS} (「见表2」)
 * @param text remark as printed
 */
public record BetaClass(String key, String category, BigDecimal beta, String text) {
}
