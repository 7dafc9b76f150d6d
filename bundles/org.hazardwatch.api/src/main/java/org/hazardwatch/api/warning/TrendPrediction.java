package org.hazardwatch.api.warning;

import java.time.Instant;

import org.hazardwatch.api.model.AlarmKind;

/**
 * A point's recent trend heading for one of its alarm limits.
 *
 * @param pointId the point
 * @param kind the alarm whose limit the trend reaches
 * @param limit that limit
 * @param value the latest value
 * @param slopePerMinute the fitted change per minute
 * @param fit how well a straight line explains the recent values (coefficient of determination, 0 to 1)
 * @param predictedAt when the limit is reached if the trend holds
 * @param minutesToLimit minutes from now until then
 */
public record TrendPrediction(String pointId, AlarmKind kind, double limit, double value, double slopePerMinute, double fit,
        Instant predictedAt, double minutesToLimit) {
}
