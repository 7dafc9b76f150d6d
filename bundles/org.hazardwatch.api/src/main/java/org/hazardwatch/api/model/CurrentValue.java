package org.hazardwatch.api.model;

import java.time.Instant;

/** The latest sample of a point, as kept in the current-value table. */
public record CurrentValue(String pointId, double value, Quality quality, Instant timestamp) {
}
