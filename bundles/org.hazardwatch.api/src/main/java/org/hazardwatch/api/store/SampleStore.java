package org.hazardwatch.api.store;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import org.hazardwatch.api.model.CurrentValue;
import org.hazardwatch.api.model.Sample;

/** Time series of samples and the current value per point. Implementations are thread-safe. */
public interface SampleStore {

    /**
     * Stores the samples in one transaction and advances each point's current value when the sample is newer.
     * Samples of unknown points are rejected with {@link UnknownPointException} before anything is written.
     */
    void store(Collection<Sample> samples);

    /** Samples of one point with {@code from <= timestamp < to}, oldest first, at most {@code limit}. */
    List<Sample> history(String pointId, Instant from, Instant to, int limit);

    /** Current value of every point that has one, keyed by point id. */
    Map<String, CurrentValue> currentValues();
}
