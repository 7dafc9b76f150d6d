package org.hazardwatch.routes.ingest;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import org.hazardwatch.api.model.MonitoringPoint;
import org.hazardwatch.api.model.PointType;
import org.hazardwatch.api.model.Quality;
import org.hazardwatch.api.model.QualityReason;
import org.hazardwatch.api.model.Sample;

/**
 * The data-quality filter between adapters and storage (requirement H2). Every sample keeps its value and is stored;
 * what changes is its quality and the reason:
 * <ul>
 * <li>not a finite number: BAD, {@link QualityReason#NOT_A_NUMBER} (value stored as 0);</li>
 * <li>timestamp more than {@code maxFuture} ahead of or {@code maxPast} behind this node's clock: BAD
 * (clock skew, stale buffers);</li>
 * <li>BAD or UNCERTAIN from the source: kept, with the reason;</li>
 * <li>outside the instrument's engineering range (with 1 % of the span of tolerance): BAD, out of range;</li>
 * <li>changed by more than {@code spikeFractionPerSecond} of the span per second since the last good reading: BAD,
 * spike. Three readings in a row that agree with each other at the new level are taken as a real step and accepted.
 * Gas detectors are exempt: a leak reaching the detector is a real jump, and must alarm at once;</li>
 * <li>exactly the same value for longer than {@code frozenAfter}: BAD, frozen (a live transmitter always jitters);</li>
 * <li>the same point, timestamp and value as the reading before: a duplicate, dropped.</li>
 * </ul>
 * Points without a definition get only the rules that need none. Thread-safe.
 */
public final class DataQualityFilter {

    /**
     * @param spikeFractionPerSecond largest plausible change per second, as a fraction of the engineering span
     * @param frozenAfter how long an unchanged value is believed; zero disables the rule
     * @param maxFuture how far a timestamp may be ahead of this node's clock
     * @param maxPast how far a timestamp may be behind this node's clock (buffered readings after an outage included)
     */
    public record Settings(double spikeFractionPerSecond, Duration frozenAfter, Duration maxFuture, Duration maxPast) {

        public static Settings defaults() {
            return new Settings(0.5, Duration.ofHours(2), Duration.ofMinutes(5), Duration.ofDays(3));
        }
    }

    /** Counts since start: samples seen, duplicates dropped, and samples per reason. */
    public record Stats(long seen, long duplicates, Map<QualityReason, Long> byReason) {
    }

    private static final int STEP_CONFIRMATIONS = 3;

    private static final class PointState {
        Instant lastTimestamp;
        double lastValue = Double.NaN;
        Instant unchangedSince;
        double lastGoodValue = Double.NaN;
        Instant lastGoodTime;
        double stepValue = Double.NaN;
        Instant stepTime;
        int stepCount;
    }

    private final Function<String, Optional<MonitoringPoint>> points;
    private final Settings settings;
    private final Clock clock;
    private final Map<String, PointState> states = new HashMap<>();
    private final Map<QualityReason, Long> byReason = new EnumMap<>(QualityReason.class);
    private long seen;
    private long duplicates;

    public DataQualityFilter(Function<String, Optional<MonitoringPoint>> points, Settings settings, Clock clock) {
        this.points = points;
        this.settings = settings;
        this.clock = clock;
    }

    /** A filter with only the rules that need no point definitions, for pipelines without a point catalogue. */
    public static DataQualityFilter withoutPointDefinitions() {
        return new DataQualityFilter(id -> Optional.empty(), Settings.defaults(), Clock.systemUTC());
    }

    public synchronized List<Sample> apply(List<Sample> samples) {
        Instant now = clock.instant();
        List<Sample> result = new ArrayList<>(samples.size());
        for (Sample sample : samples) {
            seen++;
            PointState state = states.computeIfAbsent(sample.pointId(), id -> new PointState());
            if (sample.timestamp().equals(state.lastTimestamp) && Double.compare(sample.value(), state.lastValue) == 0) {
                duplicates++;
                continue;
            }
            Sample checked = check(sample, state, now);
            remember(state, sample, checked);
            if (checked.qualityReason() != null) {
                byReason.merge(checked.qualityReason(), 1L, Long::sum);
            }
            result.add(checked);
        }
        return result;
    }

    public synchronized Stats stats() {
        return new Stats(seen, duplicates, Map.copyOf(byReason));
    }

    private Sample check(Sample sample, PointState state, Instant now) {
        if (!Double.isFinite(sample.value())) {
            return new Sample(sample.pointId(), sample.timestamp(), 0.0, Quality.BAD, QualityReason.NOT_A_NUMBER);
        }
        if (sample.timestamp().isAfter(now.plus(settings.maxFuture()))) {
            return sample.withQuality(Quality.BAD, QualityReason.FUTURE_TIMESTAMP);
        }
        if (sample.timestamp().isBefore(now.minus(settings.maxPast()))) {
            return sample.withQuality(Quality.BAD, QualityReason.STALE_TIMESTAMP);
        }
        if (sample.quality() == Quality.BAD) {
            return sample.withQuality(Quality.BAD, QualityReason.SOURCE_BAD);
        }
        if (sample.quality() == Quality.UNCERTAIN) {
            return sample.withQuality(Quality.UNCERTAIN, QualityReason.SOURCE_UNCERTAIN);
        }
        Optional<MonitoringPoint> point = points.apply(sample.pointId());
        if (point.isEmpty()) {
            return sample;
        }
        double span = point.get().rangeHigh() - point.get().rangeLow();
        double tolerance = span * 0.01;
        if (sample.value() < point.get().rangeLow() - tolerance || sample.value() > point.get().rangeHigh() + tolerance) {
            return sample.withQuality(Quality.BAD, QualityReason.OUT_OF_RANGE);
        }
        // gas concentrations do jump within a second when a leak reaches the detector: no spike rule for them
        boolean gas = point.get().type() == PointType.COMBUSTIBLE_GAS || point.get().type() == PointType.TOXIC_GAS;
        if (!gas && state.lastGoodTime != null && isSpike(sample, state.lastGoodValue, state.lastGoodTime, span)) {
            // a real step shows as several readings that agree with each other at the new level
            if (state.stepTime != null && !isSpike(sample, state.stepValue, state.stepTime, span)) {
                state.stepCount++;
            } else {
                state.stepCount = 1;
            }
            state.stepValue = sample.value();
            state.stepTime = sample.timestamp();
            if (state.stepCount < STEP_CONFIRMATIONS) {
                return sample.withQuality(Quality.BAD, QualityReason.SPIKE);
            }
        }
        state.stepCount = 0;
        state.stepTime = null;
        if (!settings.frozenAfter().isZero() && Double.compare(sample.value(), state.lastValue) == 0
                && state.unchangedSince != null
                && Duration.between(state.unchangedSince, sample.timestamp()).compareTo(settings.frozenAfter()) > 0) {
            return sample.withQuality(Quality.BAD, QualityReason.FROZEN);
        }
        return sample;
    }

    private boolean isSpike(Sample sample, double reference, Instant referenceTime, double span) {
        double seconds = Math.max(1.0, Math.abs(Duration.between(referenceTime, sample.timestamp()).toMillis()) / 1000.0);
        return Math.abs(sample.value() - reference) > settings.spikeFractionPerSecond() * span * seconds;
    }

    private static void remember(PointState state, Sample original, Sample checked) {
        if (Double.compare(original.value(), state.lastValue) != 0 || state.unchangedSince == null) {
            state.unchangedSince = original.timestamp();
        }
        state.lastTimestamp = original.timestamp();
        state.lastValue = original.value();
        if (checked.quality() == Quality.GOOD) {
            state.lastGoodValue = checked.value();
            state.lastGoodTime = checked.timestamp();
        }
    }
}
