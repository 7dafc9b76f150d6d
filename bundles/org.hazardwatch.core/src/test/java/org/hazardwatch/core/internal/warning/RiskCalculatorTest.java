package org.hazardwatch.core.internal.warning;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.hazardwatch.api.model.Alarm;
import org.hazardwatch.api.model.AlarmKind;
import org.hazardwatch.api.model.AlarmPriority;
import org.hazardwatch.api.model.MonitoringPoint;
import org.hazardwatch.api.model.PointType;
import org.hazardwatch.api.warning.EnterpriseRisk;
import org.hazardwatch.api.warning.HazardSourceWarning;
import org.hazardwatch.api.warning.RiskLevel;
import org.hazardwatch.api.warning.TrendPrediction;
import org.junit.jupiter.api.Test;

/** The documented risk model: factors, grade multipliers, levels, reasons. */
class RiskCalculatorTest {

    static final Instant NOW = Instant.parse("2026-11-29T08:00:00Z");
    static final MonitoringPoint GAS = point("GAS", PointType.COMBUSTIBLE_GAS, "ENT-1", "HS-A");
    static final MonitoringPoint LEVEL = point("LT", PointType.LEVEL, "ENT-1", "HS-B");
    static final MonitoringPoint LOOSE = point("TT", PointType.TEMPERATURE, "ENT-1", null);
    static final MonitoringPoint OTHER = point("PT", PointType.PRESSURE, "ENT-2", "HS-Z");
    static final Map<String, RiskCalculator.Source> SOURCES = Map.of(
            "ENT-1/HS-A", new RiskCalculator.Source("ENT-1", "HS-A", "汽油罐区", 1),
            "ENT-1/HS-B", new RiskCalculator.Source("ENT-1", "HS-B", "液氨罐区", 4));
    static final Map<String, RiskCalculator.Company> COMPANIES = Map.of(
            "ENT-1", new RiskCalculator.Company("ENT-1", "某化工公司", "370281"));

    static MonitoringPoint point(String id, PointType type, String enterprise, String source) {
        return new MonitoringPoint(id, "点位" + id, type, "u", 0, 100, null, 50.0, "区", enterprise, source);
    }

    static Alarm active(String point, AlarmKind kind, AlarmPriority priority, Duration ago) {
        return Alarm.activated(point, kind, priority, 60, 50, NOW.minus(ago), false).withId(1);
    }

    static List<EnterpriseRisk> compute(List<Alarm> open, List<TrendPrediction> predictions) {
        return RiskCalculator.compute(RiskCalculator.DEFAULT_MODEL, List.of(GAS, LEVEL, LOOSE, OTHER), open, predictions,
                SOURCES, COMPANIES, NOW);
    }

    @Test
    void quietPlantsAreBlue() {
        List<EnterpriseRisk> risks = compute(List.of(), List.of());
        assertEquals(2, risks.size());
        assertTrue(risks.stream().allMatch(r -> r.level() == RiskLevel.BLUE && r.score() == 0));
        EnterpriseRisk ent1 = risks.stream().filter(r -> r.enterpriseCode().equals("ENT-1")).findFirst().orElseThrow();
        assertEquals("某化工公司", ent1.name());
        assertEquals(3, ent1.hazardSources().size(), "two sources and the points outside any");
    }

    @Test
    void aGasDetectorOverBothLevelsOfAGradeOneSourceIsRed() {
        List<EnterpriseRisk> risks = compute(List.of(active("GAS", AlarmKind.HIGH, AlarmPriority.HIGH, Duration.ofMinutes(1)),
                active("GAS", AlarmKind.HIGH_HIGH, AlarmPriority.HIGH, Duration.ofMinutes(1))), List.of());
        EnterpriseRisk top = risks.get(0);
        assertEquals("ENT-1", top.enterpriseCode());
        HazardSourceWarning source = top.hazardSources().get(0);
        assertEquals("HS-A", source.code());
        assertEquals(1, source.grade());
        assertEquals((40 + 25) * 1.5, source.score(), 1e-9, "(critical 40 + high 25) x grade 1 multiplier 1.5");
        assertEquals(RiskLevel.RED, source.level());
        assertEquals(RiskLevel.RED, top.level());
        assertEquals(RiskCalculator.ALARM_CRITICAL, source.reasons().get(0).factor(), "largest reason first");
        assertTrue(source.reasons().get(0).detail().contains("点位GAS HIGH_HIGH"), source.reasons().get(0).detail());
    }

    @Test
    void theGradeMultiplierAndOverdueAcknowledgementRaiseTheLevel() {
        // one medium alarm, 15 minutes unacknowledged, on a grade 4 source: 12 + 10 = 22 -> yellow
        List<EnterpriseRisk> risks = compute(List.of(active("LT", AlarmKind.HIGH, AlarmPriority.MEDIUM, Duration.ofMinutes(15))),
                List.of());
        HazardSourceWarning source = risks.get(0).hazardSources().get(0);
        assertEquals("HS-B", source.code());
        assertEquals(22, source.score(), 1e-9);
        assertEquals(RiskLevel.YELLOW, source.level());
        // the same on the grade 1 source: 33 -> still yellow; with a trend to high-high (20): (12+10+20)*1.5 = 63 -> red
        risks = compute(List.of(active("GAS", AlarmKind.HIGH, AlarmPriority.MEDIUM, Duration.ofMinutes(15))),
                List.of(new TrendPrediction("GAS", AlarmKind.HIGH_HIGH, 80, 70, 2, 0.95, NOW.plusSeconds(300), 5)));
        assertEquals(63, risks.get(0).hazardSources().get(0).score(), 1e-9);
        assertEquals(RiskLevel.RED, risks.get(0).level());
    }

    @Test
    void faultsCountAsBlindSpotsAndPointsOutsideSourcesFormTheirOwnGroup() {
        List<EnterpriseRisk> risks = compute(List.of(active("TT", AlarmKind.FAULT, AlarmPriority.MEDIUM, Duration.ofMinutes(1)),
                active("PT", AlarmKind.HIGH, AlarmPriority.LOW, Duration.ofMinutes(1))), List.of());
        EnterpriseRisk ent1 = risks.stream().filter(r -> r.enterpriseCode().equals("ENT-1")).findFirst().orElseThrow();
        HazardSourceWarning loose = ent1.hazardSources().get(0);
        assertNull(loose.code());
        assertEquals(5, loose.score(), 1e-9, "an instrument fault adds 5");
        assertEquals(RiskLevel.BLUE, loose.level());
        EnterpriseRisk ent2 = risks.stream().filter(r -> r.enterpriseCode().equals("ENT-2")).findFirst().orElseThrow();
        assertEquals("ENT-2", ent2.name(), "not in the registry: its code");
        assertEquals(5, ent2.score(), 1e-9, "a low alarm of an ungraded source: 5 x 1.0");
    }
}
