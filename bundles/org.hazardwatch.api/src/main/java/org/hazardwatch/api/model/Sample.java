package org.hazardwatch.api.model;

import java.time.Instant;
import java.util.Objects;

/**
 * One reading of a monitoring point.
 *
 * @param pointId monitoring point id
 * @param timestamp source timestamp (when the device measured it)
 * @param value value in the point's engineering unit
 * @param quality source quality
 */
public record Sample(String pointId, Instant timestamp, double value, Quality quality) {

    public Sample {
        Objects.requireNonNull(pointId, "pointId");
        Objects.requireNonNull(timestamp, "timestamp");
        Objects.requireNonNull(quality, "quality");
    }
}
