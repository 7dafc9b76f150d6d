package org.hazardwatch.core.internal.alarm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.hazardwatch.api.alarm.AlarmDefinition;
import org.hazardwatch.api.alarm.AlarmLimit;
import org.hazardwatch.api.alarm.AlarmMode;
import org.hazardwatch.api.alarm.StandardFinding;
import org.hazardwatch.api.alarm.StandardFinding.Severity;
import org.hazardwatch.api.model.AlarmPriority;
import org.hazardwatch.api.model.MonitoringPoint;
import org.hazardwatch.api.model.PointType;
import org.junit.jupiter.api.Test;

/** GB/T 50493-2019 clause 5.5.2 set-point rules for combustible and toxic gas detectors. */
class Gbt50493Test {

    final Gbt50493 standard = Gbt50493.load();

    static MonitoringPoint detector(PointType type, String unit, double rangeHigh) {
        return new MonitoringPoint("GD-1", "检测器", type, unit, 0, rangeHigh, null, null, "罐区", "ENT-1", null);
    }

    static AlarmDefinition levels(Double first, Double second, String substance) {
        return new AlarmDefinition("GD-1", null, null, first == null ? null : new AlarmLimit(first, AlarmPriority.HIGH),
                second == null ? null : new AlarmLimit(second, AlarmPriority.HIGH), null, Duration.ofSeconds(60), 1,
                Duration.ZERO, Duration.ZERO, AlarmMode.IN_SERVICE, null, substance, null, null);
    }

    Set<String> codes(MonitoringPoint point, AlarmDefinition definition) {
        return standard.check(point, definition).stream().map(StandardFinding::code).collect(Collectors.toSet());
    }

    @Test
    void combustibleGasLevelsAreAtMost25And50PercentLel() {
        MonitoringPoint lel = detector(PointType.COMBUSTIBLE_GAS, "%LEL", 100);
        assertTrue(codes(lel, levels(25.0, 50.0, null)).isEmpty(), "the limits themselves comply");
        assertTrue(codes(lel, levels(20.0, 40.0, null)).isEmpty());
        assertEquals(Set.of("GBT50493-5.5.2-COMBUSTIBLE-FIRST"), codes(lel, levels(30.0, 50.0, null)));
        assertEquals(Set.of("GBT50493-5.5.2-COMBUSTIBLE-FIRST", "GBT50493-5.5.2-COMBUSTIBLE-SECOND"),
                codes(lel, levels(26.0, 60.0, null)));
        assertEquals(Set.of("GBT50493-5.5.2-LEVELS"), codes(lel, levels(20.0, null, null)), "two levels are required");
        List<StandardFinding> findings = standard.check(lel, levels(30.0, 50.0, null));
        assertEquals(Severity.VIOLATION, findings.get(0).severity());
        assertTrue(findings.get(0).message().contains("30 %LEL is above 25 %LEL"), findings.get(0).message());
        assertEquals(Set.of("GBT50493-5.5.1-COMBUSTIBLE-RANGE"),
                codes(detector(PointType.COMBUSTIBLE_GAS, "%LEL", 50), levels(25.0, 50.0, null)));
        assertEquals(Set.of("GBT50493-UNIT"), codes(detector(PointType.COMBUSTIBLE_GAS, "ppm", 1000), levels(25.0, 50.0, null)));
    }

    @Test
    void toxicGasLevelsAreAtMostOneAndTwoOelWhenTheRangeCoversThreeOel() {
        // H2S: MAC 10 mg/m3 = 10 * 24.45 / 34.08 = 7.17 ppm; range 0-20 ppm is within 300 % OEL (21.5 ppm)
        MonitoringPoint h2s = detector(PointType.TOXIC_GAS, "ppm", 20);
        assertTrue(codes(h2s, levels(7.0, 14.0, "7783-06-4")).isEmpty());
        assertTrue(codes(h2s, levels(7.0, 14.0, "H2S")).isEmpty(), "the formula finds the gas too");
        assertEquals(Set.of("GBT50493-5.5.2-TOXIC-OEL-FIRST", "GBT50493-5.5.2-TOXIC-OEL-SECOND"),
                codes(h2s, levels(10.0, 20.0, "硫化氢")));
        // in mg/m3 the OEL is 10 itself
        assertTrue(codes(detector(PointType.TOXIC_GAS, "mg/m³", 30), levels(10.0, 20.0, "7783-06-4")).isEmpty());
    }

    @Test
    void aWiderRangeUsesTheIdlhAlternativeAndSaysSo() {
        // H2S IDLH 100 ppm: 5 % = 5 ppm, 10 % = 10 ppm; a 0-30 ppm range is beyond 300 % OEL
        MonitoringPoint h2s = detector(PointType.TOXIC_GAS, "ppm", 30);
        assertEquals(Set.of("GBT50493-5.5.1-TOXIC-RANGE"), codes(h2s, levels(5.0, 10.0, "7783-06-4")));
        assertEquals(Set.of("GBT50493-5.5.1-TOXIC-RANGE", "GBT50493-5.5.2-TOXIC-IDLH-FIRST"),
                codes(h2s, levels(7.0, 10.0, "7783-06-4")));
        // beyond 30 % IDLH (30 ppm) the range is flagged again
        assertEquals(Set.of("GBT50493-5.5.1-TOXIC-RANGE", "GBT50493-5.5.1-TOXIC-IDLH-RANGE"),
                codes(detector(PointType.TOXIC_GAS, "ppm", 100), levels(5.0, 10.0, "7783-06-4")));
    }

    @Test
    void toxicDetectorsNeedAKnownGasAndAConvertibleUnit() {
        MonitoringPoint toxic = detector(PointType.TOXIC_GAS, "ppm", 100);
        assertEquals(Set.of("GBT50493-SUBSTANCE"), codes(toxic, levels(10.0, 20.0, null)));
        assertEquals(Set.of("GBT50493-UNIT"), codes(detector(PointType.TOXIC_GAS, "%VOL", 100), levels(10.0, 20.0, "NH3")));
        assertTrue(codes(detector(PointType.LEVEL, "m", 10), levels(9.0, 9.5, null)).isEmpty(), "only gas detectors");
        assertEquals(30, standard.gases().size());
        assertTrue(standard.gas("氨").isPresent());
        assertTrue(standard.gas("nothing").isEmpty());
    }

    @Test
    void defaultsOfGasDetectorsComply() {
        MonitoringPoint lel = new MonitoringPoint("GD-1", "可燃气体", PointType.COMBUSTIBLE_GAS, "%LEL", 0, 100, null, 20.0,
                "罐区", "ENT-1", null);
        AlarmDefinition defaults = AlarmDefaults.of(lel);
        assertEquals(20.0, defaults.high().value());
        assertEquals(50.0, defaults.highHigh().value());
        assertEquals(Duration.ZERO, defaults.delayOn(), "gas detectors alarm at once");
        assertTrue(standard.check(lel, defaults).isEmpty());
    }
}
