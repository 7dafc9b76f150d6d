package org.hazardwatch.api.warning;

/**
 * One contribution to a risk score.
 *
 * @param factor the model's factor, e.g. {@code alarm.highHigh}
 * @param pointId the point it comes from, or {@code null}
 * @param detail what was seen, in words
 * @param score what it adds to the score (before the grade multiplier)
 */
public record RiskReason(String factor, String pointId, String detail, double score) {
}
