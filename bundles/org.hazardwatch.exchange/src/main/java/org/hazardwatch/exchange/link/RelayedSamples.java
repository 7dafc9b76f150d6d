package org.hazardwatch.exchange.link;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.hazardwatch.api.model.MonitoringPoint;
import org.hazardwatch.api.model.Quality;
import org.hazardwatch.api.model.Sample;

/**
 * What a regulator node relays up of the samples its children sent: each level needs less detail than the one below
 * (a county watches its plants' values move, a province their course). A sample of a point goes up when it is the
 * first of its {@code interval} (intervals aligned to the epoch), when it moved by more than {@code deadbandPercent}
 * of the point's span since the last one relayed, or when its quality changed; the rest stays at this node. With both
 * at 0 every sample goes up. A child's backlog arriving behind its live data is thinned the same way on a track of
 * its own, so the upper level gets the outage's course too. Alarms, points and answers are never thinned.
 *
 * <p>Called by the inbox route's one thread.
 */
final class RelayedSamples {

    private record Last(Instant time, double value, Quality quality) {
    }

    /** What went up last of a point: from its live data, and from older data arriving behind it. */
    private static final class Tracks {
        Last live;
        Last backlog;
    }

    private final Duration interval;
    private final double deadbandPercent;
    private final Function<String, MonitoringPoint> points;
    private final Map<String, Tracks> relayed = new HashMap<>();

    RelayedSamples(Duration interval, double deadbandPercent, Function<String, MonitoringPoint> points) {
        this.interval = interval;
        this.deadbandPercent = deadbandPercent;
        this.points = points;
    }

    boolean thinsOut() {
        return !interval.isZero() || deadbandPercent > 0;
    }

    /** The samples to relay, in their order. */
    List<Sample> select(List<Sample> samples) {
        if (!thinsOut()) {
            return samples;
        }
        List<Sample> selected = new ArrayList<>();
        for (Sample sample : samples) {
            Tracks tracks = relayed.computeIfAbsent(sample.pointId(), id -> new Tracks());
            boolean behind = tracks.live != null && sample.timestamp().isBefore(tracks.live.time());
            Last last = behind ? tracks.backlog : tracks.live;
            if (last == null || goesUp(sample, last)) {
                selected.add(sample);
                Last now = new Last(sample.timestamp(), sample.value(), sample.quality());
                if (behind) {
                    tracks.backlog = now;
                } else {
                    tracks.live = now;
                }
            }
        }
        return selected;
    }

    private boolean goesUp(Sample sample, Last last) {
        if (sample.quality() != last.quality()) {
            return true;
        }
        if (!interval.isZero() && bucket(sample.timestamp()) != bucket(last.time())) {
            return true;
        }
        if (deadbandPercent > 0) {
            MonitoringPoint point = points.apply(sample.pointId());
            double span = point == null ? 0 : Math.abs(point.rangeHigh() - point.rangeLow());
            return span > 0 && Math.abs(sample.value() - last.value()) > span * deadbandPercent / 100.0;
        }
        return false;
    }

    private long bucket(Instant time) {
        return Math.floorDiv(time.toEpochMilli(), interval.toMillis());
    }
}
