package org.hazardwatch.api.retention;

import java.time.Instant;

/**
 * A minute or hour of one point: mean, minimum and maximum of its GOOD samples ({@code null} when it had none), and
 * how many samples it had.
 */
public record TrendBucket(Instant start, Double avg, Double min, Double max, int count, int goodCount) {
}
