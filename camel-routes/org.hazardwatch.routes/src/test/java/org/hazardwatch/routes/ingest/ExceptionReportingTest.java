package org.hazardwatch.routes.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.hazardwatch.api.model.MonitoringPoint;
import org.hazardwatch.api.model.PointType;
import org.hazardwatch.api.model.Quality;
import org.hazardwatch.api.model.QualityReason;
import org.hazardwatch.api.model.Sample;
import org.junit.jupiter.api.Test;

class ExceptionReportingTest {

    static final Instant T0 = Instant.parse("2026-11-29T08:00:00Z");
    static final MonitoringPoint GAS = new MonitoringPoint("GT1", "可燃气体", PointType.COMBUSTIBLE_GAS, "%LEL", 0, 100, null, 25.0,
            "A", "E", null);

    private final ExceptionReporting reporting = new ExceptionReporting(
            id -> id.equals("GT1") ? Optional.of(GAS) : Optional.empty(), new ExceptionReporting.Settings(0.005, Duration.ofSeconds(60)));

    private List<Double> forwarded(Sample... samples) {
        return reporting.select(List.of(samples)).stream().map(Sample::value).toList();
    }

    @Test
    void aDeadbandOfHalfAPercentOfTheSpan() {
        assertEquals(List.of(2.0, 2.6, 2.0), forwarded(new Sample("GT1", T0, 2.0, Quality.GOOD),
                new Sample("GT1", T0.plusSeconds(1), 2.4, Quality.GOOD), // 0.4 < 0.5 %LEL
                new Sample("GT1", T0.plusSeconds(2), 2.6, Quality.GOOD), // 0.6 from the last forwarded 2.0
                new Sample("GT1", T0.plusSeconds(3), 2.2, Quality.GOOD),
                new Sample("GT1", T0.plusSeconds(4), 2.0, Quality.GOOD)));
        assertEquals(new ExceptionReporting.Stats(5, 3), reporting.stats());
    }

    @Test
    void qualityChangesAndHeartbeatsAreAlwaysForwarded() {
        assertEquals(List.of(2.0, 2.0, 2.0, 2.0), forwarded(new Sample("GT1", T0, 2.0, Quality.GOOD),
                new Sample("GT1", T0.plusSeconds(1), 2.0, Quality.BAD, QualityReason.FROZEN),
                new Sample("GT1", T0.plusSeconds(2), 2.0, Quality.BAD, QualityReason.FROZEN),
                new Sample("GT1", T0.plusSeconds(3), 2.0, Quality.BAD, QualityReason.OUT_OF_RANGE),
                new Sample("GT1", T0.plusSeconds(30), 2.0, Quality.BAD, QualityReason.OUT_OF_RANGE),
                new Sample("GT1", T0.plusSeconds(63), 2.0, Quality.BAD, QualityReason.OUT_OF_RANGE)));
    }

    @Test
    void pointsWithoutADefinitionForwardEveryChange() {
        assertEquals(List.of(1.0, 1.001), forwarded(new Sample("X", T0, 1.0, Quality.GOOD),
                new Sample("X", T0.plusSeconds(1), 1.0, Quality.GOOD), new Sample("X", T0.plusSeconds(2), 1.001, Quality.GOOD)));
        assertEquals(1.0, ExceptionReporting.everything().stats().forwardedShare());
    }
}
