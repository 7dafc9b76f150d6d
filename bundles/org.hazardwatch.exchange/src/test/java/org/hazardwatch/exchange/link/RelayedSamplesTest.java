package org.hazardwatch.exchange.link;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.hazardwatch.api.model.MonitoringPoint;
import org.hazardwatch.api.model.PointType;
import org.hazardwatch.api.model.Quality;
import org.hazardwatch.api.model.Sample;
import org.junit.jupiter.api.Test;

/** What a regulator node relays of its children's samples: per interval, per deadband, per quality change. */
class RelayedSamplesTest {

    static final Instant T0 = Instant.parse("2026-11-30T00:00:00Z");
    static final MonitoringPoint TANK = new MonitoringPoint("E:T1-LT", "储罐液位", PointType.LEVEL, "m", 0, 20, null, 18.0, "罐区", "E", null, null);

    static Sample at(int second, double value) {
        return new Sample("E:T1-LT", T0.plusSeconds(second), value, Quality.GOOD);
    }

    static List<Integer> seconds(List<Sample> samples) {
        List<Integer> out = new ArrayList<>();
        samples.forEach(s -> out.add((int) (s.timestamp().getEpochSecond() - T0.getEpochSecond())));
        return out;
    }

    @Test
    void withoutSettingsEverySampleGoesUp() {
        RelayedSamples all = new RelayedSamples(Duration.ZERO, 0, id -> TANK);
        List<Sample> batch = List.of(at(0, 1), at(1, 1), at(2, 1));
        assertFalse(all.thinsOut());
        assertSame(batch, all.select(batch));
    }

    @Test
    void theFirstSampleOfEachIntervalGoesUpAndABacklogBehindTheLiveDataIsThinnedOnItsOwnTrack() {
        RelayedSamples perMinute = new RelayedSamples(Duration.ofSeconds(60), 0, id -> TANK);
        List<Sample> live = new ArrayList<>();
        for (int s = 600; s < 780; s++) {
            live.add(at(s, 5));
        }
        assertEquals(List.of(600, 660, 720), seconds(perMinute.select(live)));
        // the child's backlog of the outage before arrives afterwards, in its order: one per minute as well
        List<Sample> backlog = new ArrayList<>();
        for (int s = 430; s < 600; s += 10) {
            backlog.add(at(s, 5));
        }
        assertEquals(List.of(430, 480, 540), seconds(perMinute.select(backlog)));
        assertEquals(List.of(780), seconds(perMinute.select(List.of(at(779, 5), at(780, 5)))), "live goes on where it was");
    }

    @Test
    void aMoveBeyondTheDeadbandAndAQualityChangeGoUpAtOnce() {
        RelayedSamples thinned = new RelayedSamples(Duration.ofSeconds(60), 5, id -> TANK); // 5 % of 20 m: 1 m
        List<Sample> batch = List.of(at(0, 10), at(1, 10.5), at(2, 10.9), at(3, 11.2), at(4, 11.3),
                new Sample("E:T1-LT", T0.plusSeconds(5), 11.3, Quality.BAD), at(6, 11.3));
        assertEquals(List.of(0, 3, 5, 6), seconds(thinned.select(batch)));
        // an unknown point has no span: only the interval and quality rules apply
        RelayedSamples unknown = new RelayedSamples(Duration.ofSeconds(60), 5, id -> null);
        assertEquals(List.of(0), seconds(unknown.select(List.of(at(0, 1), at(1, 100)))));
    }
}
