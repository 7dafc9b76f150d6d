package org.hazardwatch.routes.ingest;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import org.hazardwatch.api.model.MonitoringPoint;
import org.hazardwatch.api.model.Quality;
import org.hazardwatch.api.model.QualityReason;
import org.hazardwatch.api.model.Sample;

/**
 * Exception reporting: which of the stored samples are forwarded upstream (to the county or park node). Every sample
 * stays in this node's database; only the ones that tell the level above something new are forwarded:
 * <ul>
 * <li>the first sample of a point;</li>
 * <li>a change of quality or of its reason (a fault, or its end, is always news);</li>
 * <li>a value that left the deadband around the last forwarded value: {@code deadbandFraction} of the instrument's
 * engineering span, or any change for points without a definition;</li>
 * <li>no sample forwarded for {@code maxSilence}: a heartbeat, so the level above can tell a steady value from a dead
 * link.</li>
 * </ul>
 * Thread-safe.
 */
public final class ExceptionReporting {

    /**
     * @param deadbandFraction the deadband as a fraction of the engineering span (0.005 = 0.5 %); 0 forwards every change
     * @param maxSilence the longest a point goes without a forwarded sample
     */
    public record Settings(double deadbandFraction, Duration maxSilence) {

        public static Settings defaults() {
            return new Settings(0.005, Duration.ofMinutes(5));
        }
    }

    /** Counts since start. */
    public record Stats(long seen, long forwarded) {

        /** Share of the samples forwarded, 0..1 (1 before anything was seen). */
        public double forwardedShare() {
            return seen == 0 ? 1 : (double) forwarded / seen;
        }
    }

    private record Forwarded(double value, Quality quality, QualityReason reason, Instant timestamp) {
    }

    private final Function<String, Optional<MonitoringPoint>> points;
    private final Settings settings;
    private final Map<String, Forwarded> lastForwarded = new HashMap<>();
    private long seen;
    private long forwarded;

    public ExceptionReporting(Function<String, Optional<MonitoringPoint>> points, Settings settings) {
        this.points = points;
        this.settings = settings;
    }

    /** Forwards every sample: for tests and benchmarks that want the whole stream upstream. */
    public static ExceptionReporting everything() {
        return new ExceptionReporting(id -> Optional.empty(), new Settings(0, Duration.ZERO));
    }

    /** The samples to forward, in order; remembers them as forwarded. */
    public synchronized List<Sample> select(List<Sample> stored) {
        List<Sample> selected = new ArrayList<>();
        for (Sample sample : stored) {
            seen++;
            Forwarded last = lastForwarded.get(sample.pointId());
            if (last == null || isNews(sample, last)) {
                selected.add(sample);
                lastForwarded.put(sample.pointId(), new Forwarded(sample.value(), sample.quality(), sample.qualityReason(),
                        sample.timestamp()));
            }
        }
        forwarded += selected.size();
        return selected;
    }

    private boolean isNews(Sample sample, Forwarded last) {
        if (sample.quality() != last.quality() || sample.qualityReason() != last.reason()) {
            return true;
        }
        if (!sample.timestamp().isBefore(last.timestamp().plus(settings.maxSilence()))) {
            return true;
        }
        double deadband = points.apply(sample.pointId())
                .map(p -> (p.rangeHigh() - p.rangeLow()) * settings.deadbandFraction()).orElse(0.0);
        double change = Math.abs(sample.value() - last.value());
        return deadband <= 0 ? change > 0 : change > deadband;
    }

    /**
     * Forgets that these samples were forwarded, when sending them failed: the next sample of each of their points is
     * then forwarded as if it were the first, so a missed change of quality is not hidden until the next heartbeat.
     */
    public synchronized void retract(List<Sample> notSent) {
        notSent.forEach(sample -> lastForwarded.remove(sample.pointId()));
        forwarded -= notSent.size();
    }

    public synchronized Stats stats() {
        return new Stats(seen, forwarded);
    }
}
