package org.hazardwatch.api.model;

import java.time.Instant;
import java.util.Objects;

/**
 * One reading of a monitoring point.
 *
 * @param pointId monitoring point id
 * @param timestamp source timestamp (when the device measured it)
 * @param value value in the point's engineering unit
 * @param quality quality: as the source gave it, lowered by the data-quality filter
 * @param qualityReason why the quality is not GOOD, or {@code null}
 */
public record Sample(String pointId, Instant timestamp, double value, Quality quality, QualityReason qualityReason) {

    public Sample {
        Objects.requireNonNull(pointId, "pointId");
        Objects.requireNonNull(timestamp, "timestamp");
        Objects.requireNonNull(quality, "quality");
    }

    /** A sample as a source delivers it, before the data-quality filter. */
    public Sample(String pointId, Instant timestamp, double value, Quality quality) {
        this(pointId, timestamp, value, quality, null);
    }

    /** This sample with a lower quality and the reason. */
    public Sample withQuality(Quality newQuality, QualityReason reason) {
        return new Sample(pointId, timestamp, value, newQuality, reason);
    }
}
