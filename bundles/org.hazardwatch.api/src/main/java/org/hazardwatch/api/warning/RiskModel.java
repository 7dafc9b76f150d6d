package org.hazardwatch.api.warning;

import java.util.Map;

/**
 * The configurable risk model (PID {@code org.hazardwatch.risk}): what each factor adds to a hazard source's score,
 * the multiplier of its grade, and the score each level starts at.
 *
 * @param weights points per occurrence of each factor
 * @param gradeMultipliers multiplier per grade ("1" to "4", "none")
 * @param red score from which the level is red
 * @param orange score from which it is orange
 * @param yellow score from which it is yellow (below: blue)
 * @param horizonMinutes how far ahead trend predictions count
 * @param unacknowledgedMinutes after how long an unacknowledged alarm counts as overdue
 */
public record RiskModel(Map<String, Double> weights, Map<String, Double> gradeMultipliers, double red, double orange,
        double yellow, int horizonMinutes, int unacknowledgedMinutes) {

    public RiskLevel level(double score) {
        return score >= red ? RiskLevel.RED : score >= orange ? RiskLevel.ORANGE : score >= yellow ? RiskLevel.YELLOW
                : RiskLevel.BLUE;
    }
}
