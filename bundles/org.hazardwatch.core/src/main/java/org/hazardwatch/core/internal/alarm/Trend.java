package org.hazardwatch.core.internal.alarm;

import java.time.Duration;
import java.time.Instant;

/**
 * A point's recent values in fixed time buckets (bucket means), for a least-squares trend. Memory stays small and
 * bounded whatever the sample rate: {@value #BUCKETS} buckets per point.
 */
final class Trend {

    static final int BUCKETS = 30;
    static final Duration WINDOW = Duration.ofMinutes(10);
    static final long BUCKET_SECONDS = WINDOW.toSeconds() / BUCKETS;
    /** A trend needs this many buckets spanning at least this long before it predicts anything. */
    static final int MIN_BUCKETS = 4;
    static final long MIN_SPAN_SECONDS = 90;

    private final long[] bucketStart = new long[BUCKETS];
    private final double[] sum = new double[BUCKETS];
    private final int[] count = new int[BUCKETS];
    private int newest = -1;
    private int size;
    private double lastValue;
    private long lastSecond;

    void add(Instant at, double value) {
        long second = at.getEpochSecond();
        long start = second - Math.floorMod(second, BUCKET_SECONDS);
        if (newest >= 0 && bucketStart[newest] == start) {
            sum[newest] += value;
            count[newest]++;
        } else if (newest < 0 || start > bucketStart[newest]) {
            newest = (newest + 1) % BUCKETS;
            bucketStart[newest] = start;
            sum[newest] = value;
            count[newest] = 1;
            size = Math.min(BUCKETS, size + 1);
        }
        lastValue = value;
        lastSecond = second;
    }

    double lastValue() {
        return lastValue;
    }

    long lastSecond() {
        return lastSecond;
    }

    /** Slope per second and coefficient of determination over the window before {@code now}; null without a trend. */
    double[] fit(Instant now) {
        long oldest = now.getEpochSecond() - WINDOW.toSeconds();
        double n = 0;
        double sx = 0;
        double sy = 0;
        double sxx = 0;
        double sxy = 0;
        double syy = 0;
        long first = Long.MAX_VALUE;
        long last = Long.MIN_VALUE;
        for (int k = 0; k < size; k++) {
            int i = Math.floorMod(newest - k, BUCKETS);
            if (bucketStart[i] < oldest) {
                continue;
            }
            double x = bucketStart[i] + BUCKET_SECONDS / 2.0 - oldest;
            double y = sum[i] / count[i];
            n++;
            sx += x;
            sy += y;
            sxx += x * x;
            sxy += x * y;
            syy += y * y;
            first = Math.min(first, bucketStart[i]);
            last = Math.max(last, bucketStart[i]);
        }
        if (n < MIN_BUCKETS || last - first < MIN_SPAN_SECONDS) {
            return null;
        }
        double varX = n * sxx - sx * sx;
        double varY = n * syy - sy * sy;
        if (varX <= 0) {
            return null;
        }
        double slope = (n * sxy - sx * sy) / varX;
        double r2 = varY <= 0 ? 0 : Math.pow(n * sxy - sx * sy, 2) / (varX * varY);
        return new double[] { slope, r2 };
    }
}
