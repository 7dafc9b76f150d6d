package org.hazardwatch.routes.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.hazardwatch.api.model.MonitoringPoint;
import org.hazardwatch.api.model.PointType;
import org.hazardwatch.api.model.Quality;
import org.hazardwatch.api.model.QualityReason;
import org.hazardwatch.api.model.Sample;
import org.junit.jupiter.api.Test;

/** Each data-quality rule on its own, with a level transmitter of 0-10 m. */
class DataQualityFilterTest {

    static final Instant NOW = Instant.parse("2026-11-29T08:00:00Z");
    static final MonitoringPoint LEVEL = new MonitoringPoint("LT", "液位", PointType.LEVEL, "m", 0, 10, null, 9.0, "A", "E", null);

    final DataQualityFilter filter = new DataQualityFilter(id -> id.equals("LT") ? Optional.of(LEVEL) : Optional.empty(),
            new DataQualityFilter.Settings(0.2, Duration.ofMinutes(30), Duration.ofMinutes(5), Duration.ofDays(3)),
            Clock.fixed(NOW, ZoneOffset.UTC));

    static Sample at(int seconds, double value) {
        return new Sample("LT", NOW.minusSeconds(3600).plusSeconds(seconds), value, Quality.GOOD);
    }

    Sample one(Sample sample) {
        List<Sample> out = filter.apply(List.of(sample));
        assertEquals(1, out.size());
        return out.get(0);
    }

    @Test
    void plausibleReadingsPassUnchanged() {
        Sample good = one(at(0, 5.0));
        assertEquals(Quality.GOOD, good.quality());
        assertNull(good.qualityReason());
        assertEquals(Quality.GOOD, one(at(1, 5.3)).quality());
    }

    @Test
    void notANumberIsBadAndStoredAsZero() {
        Sample nan = one(at(0, Double.NaN));
        assertEquals(QualityReason.NOT_A_NUMBER, nan.qualityReason());
        assertEquals(0.0, nan.value());
    }

    @Test
    void sourceQualityIsKeptWithItsReason() {
        assertEquals(QualityReason.SOURCE_BAD, one(new Sample("LT", NOW, 5, Quality.BAD)).qualityReason());
        Sample uncertain = one(new Sample("LT", NOW.plusSeconds(1), 5, Quality.UNCERTAIN));
        assertEquals(Quality.UNCERTAIN, uncertain.quality());
        assertEquals(QualityReason.SOURCE_UNCERTAIN, uncertain.qualityReason());
    }

    @Test
    void outsideTheRangeWithOnePercentTolerance() {
        assertEquals(Quality.GOOD, one(at(0, 10.05)).quality(), "within 1 % of the span");
        assertEquals(QualityReason.OUT_OF_RANGE, one(at(100, 10.2)).qualityReason());
        assertEquals(QualityReason.OUT_OF_RANGE, one(at(200, -0.5)).qualityReason());
    }

    @Test
    void aSpikeIsBadAndAConfirmedStepIsAccepted() {
        // at most 0.2 of the 10 m span per second since the last good reading
        one(at(0, 2.0));
        assertEquals(QualityReason.SPIKE, one(at(1, 9.0)).qualityReason(), "7 m in 1 s");
        assertEquals(Quality.GOOD, one(at(2, 2.1)).quality(), "back at the old level: the spike was noise");
        assertEquals(QualityReason.SPIKE, one(at(3, 9.5)).qualityReason());
        assertEquals(QualityReason.SPIKE, one(at(4, 9.6)).qualityReason(), "7.5 m in 2 s, second reading at the new level");
        assertEquals(Quality.GOOD, one(at(5, 9.55)).quality(), "the third reading at the new level confirms a real step");
        assertEquals(Quality.GOOD, one(at(20, 6.0)).quality(), "3.55 m in 15 s is plausible");
    }

    @Test
    void gasDetectorsMayJump() {
        MonitoringPoint gas = new MonitoringPoint("GT", "可燃气体", PointType.COMBUSTIBLE_GAS, "%LEL", 0, 100, null, 25.0, "A", "E", null);
        DataQualityFilter gasFilter = new DataQualityFilter(id -> Optional.of(gas), DataQualityFilter.Settings.defaults(),
                Clock.fixed(NOW, ZoneOffset.UTC));
        gasFilter.apply(List.of(new Sample("GT", NOW.minusSeconds(2), 2.0, Quality.GOOD)));
        Sample leak = gasFilter.apply(List.of(new Sample("GT", NOW.minusSeconds(1), 80.0, Quality.GOOD))).get(0);
        assertEquals(Quality.GOOD, leak.quality(), "a leak reaching the detector alarms at once");
    }

    @Test
    void aValueUnchangedForTooLongIsFrozen() {
        one(at(0, 4.2));
        assertEquals(Quality.GOOD, one(at(1800, 4.2)).quality(), "exactly 30 minutes is still believed");
        assertEquals(QualityReason.FROZEN, one(at(1801, 4.2)).qualityReason());
        assertEquals(Quality.GOOD, one(at(1802, 4.21)).quality(), "it moves again");
    }

    @Test
    void timestampsFarFromThisClockAreBad() {
        assertEquals(QualityReason.FUTURE_TIMESTAMP, one(new Sample("LT", NOW.plusSeconds(301), 5, Quality.GOOD)).qualityReason());
        assertEquals(Quality.GOOD, one(new Sample("LT", NOW.plusSeconds(299), 5, Quality.GOOD)).quality());
        assertEquals(QualityReason.STALE_TIMESTAMP,
                one(new Sample("LT", NOW.minus(Duration.ofDays(3)).minusSeconds(1), 5, Quality.GOOD)).qualityReason());
    }

    @Test
    void exactDuplicatesAreDroppedAndCounted() {
        List<Sample> out = filter.apply(List.of(at(0, 5.0), at(0, 5.0), at(0, 5.1), at(1, 5.1)));
        assertEquals(3, out.size(), "same timestamp and value twice: one dropped; a changed value at the same time is kept");
        assertEquals(1, filter.stats().duplicates());
        assertEquals(4, filter.stats().seen());
    }

    @Test
    void pointsWithoutADefinitionGetOnlyTheRulesThatNeedNone() {
        List<Sample> out = filter.apply(List.of(new Sample("OTHER", NOW, 1e9, Quality.GOOD),
                new Sample("OTHER", NOW.plusSeconds(1), -1e9, Quality.GOOD)));
        assertEquals(Quality.GOOD, out.get(0).quality());
        assertEquals(Quality.GOOD, out.get(1).quality());
        assertEquals(Map.of(), filter.stats().byReason());
    }
}
