package org.hazardwatch.api.retention;

import java.time.Instant;
import java.util.List;

/** Retention runs (every 10 minutes by itself) and the aggregates it keeps. */
public interface RetentionService {

    RetentionStatus status();

    /** Aggregates and deletes now; returns what it did, in words. */
    String runNow();

    /** Minute ({@code hourly} false) or hour buckets of a point in {@code [from, to)}, at most {@code limit}. */
    List<TrendBucket> trend(String pointId, boolean hourly, Instant from, Instant to, int limit);
}
