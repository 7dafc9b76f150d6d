package org.hazardwatch.core.internal.alarm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.hazardwatch.api.alarm.AlarmEvent;
import org.hazardwatch.api.alarm.AlarmEventType;
import org.hazardwatch.api.alarm.AlarmKpis;
import org.hazardwatch.api.model.Alarm;
import org.hazardwatch.api.model.AlarmKind;
import org.hazardwatch.api.model.AlarmPriority;
import org.hazardwatch.api.model.AlarmState;
import org.junit.jupiter.api.Test;

/** ISA-18.2 / EEMUA 191 alarm KPIs on recorded sequences. */
class AlarmKpiCalculatorTest {

    static final Instant T0 = Instant.parse("2026-11-29T00:00:00Z");
    static final Instant DAY_END = T0.plus(Duration.ofDays(1));

    static AlarmEvent activation(String point, AlarmKind kind, AlarmPriority priority, Instant at, boolean annunciated) {
        return new AlarmEvent(0, 1, point, kind, priority, AlarmEventType.ACTIVATED, AlarmState.UNACKED_ACTIVE, at,
                AlarmEvent.SYSTEM, null, 1.0, annunciated);
    }

    static AlarmKpis compute(List<AlarmEvent> events, List<Alarm> open) {
        return AlarmKpiCalculator.compute("enterprise", "ENT-1", "企业", T0, DAY_END, events, open, id -> "名称" + id);
    }

    @Test
    void aFloodStartsAbove10In10MinutesAndEndsBelow5() {
        List<AlarmEvent> events = new ArrayList<>();
        // 20 alarms one every 20 s from 08:00: the 11th (08:03:20) starts the flood
        Instant burst = T0.plus(Duration.ofHours(8));
        for (int i = 0; i < 20; i++) {
            events.add(activation("P" + i, AlarmKind.HIGH, AlarmPriority.LOW, burst.plusSeconds(20L * i), true));
        }
        AlarmKpis kpis = compute(events, List.of());
        assertEquals(1, kpis.floods().size());
        AlarmKpis.Flood flood = kpis.floods().get(0);
        assertEquals(burst.plusSeconds(200), flood.start(), "the 11th alarm in the window");
        // the last alarm is at 08:06:20; the count falls below 5 when the 16th alarm (08:05:00) leaves: 08:15:00
        assertEquals(burst.plusSeconds(300).plus(Duration.ofMinutes(10)), flood.end());
        assertEquals(10, flood.alarms(), "alarms 11 to 20 came during the flood");
        assertEquals(20, flood.peakPer10Minutes());
        assertEquals(20, kpis.peakPer10Minutes());
        assertEquals(20, kpis.annunciated());
        assertEquals(20.0, kpis.perDay(), 1e-9);
        assertEquals(20.0 / 144, kpis.averagePer10Minutes(), 1e-9);
        assertEquals(Duration.ofSeconds(700).toSeconds() / 86_400.0, kpis.floodShare(), 1e-9);
    }

    @Test
    void tenAlarmsIn10MinutesAreNoFlood() {
        List<AlarmEvent> events = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            events.add(activation("P" + i, AlarmKind.HIGH, AlarmPriority.LOW, T0.plusSeconds(30L * i), true));
        }
        // and 11 alarms spread so that no 10-minute window holds more than 10
        for (int i = 0; i < 11; i++) {
            events.add(activation("Q" + i, AlarmKind.HIGH, AlarmPriority.LOW, T0.plus(Duration.ofHours(2)).plusSeconds(61L * i), true));
        }
        AlarmKpis kpis = compute(events, List.of());
        assertTrue(kpis.floods().isEmpty(), kpis.floods().toString());
        assertEquals(10, kpis.peakPer10Minutes());
    }

    @Test
    void aFloodStillOnAtTheEndOfThePeriodEndsThere() {
        List<AlarmEvent> events = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            events.add(activation("P" + i, AlarmKind.HIGH, AlarmPriority.LOW, DAY_END.minusSeconds(120 - 5L * i), true));
        }
        AlarmKpis kpis = compute(events, List.of());
        assertEquals(DAY_END, kpis.floods().get(0).end());
    }

    @Test
    void chatteringAlarmsActivateThreeTimesInAMinute() {
        List<AlarmEvent> events = new ArrayList<>();
        for (int s : new int[] { 0, 25, 55, 400, 1000 }) {
            events.add(activation("CHATTY", AlarmKind.HIGH, AlarmPriority.MEDIUM, T0.plusSeconds(s), true));
        }
        for (int s : new int[] { 0, 40, 100, 140 }) { // never 3 within 60 s
            events.add(activation("CALM", AlarmKind.LOW, AlarmPriority.MEDIUM, T0.plusSeconds(s), true));
        }
        AlarmKpis kpis = compute(events, List.of());
        assertEquals(1, kpis.chattering().size());
        assertEquals("CHATTY", kpis.chattering().get(0).pointId());
        assertEquals(5, kpis.chattering().get(0).activations());
        assertEquals("名称CHATTY", kpis.chattering().get(0).pointName());
    }

    @Test
    void badActorsAreTheTenMostFrequentAlarmsWithTheirShare() {
        List<AlarmEvent> events = new ArrayList<>();
        for (int p = 0; p < 12; p++) {
            for (int n = 0; n <= p; n++) {
                events.add(activation("P" + p, AlarmKind.HIGH, AlarmPriority.LOW, T0.plusSeconds(3600L * p + 120L * n), true));
            }
        }
        AlarmKpis kpis = compute(events, List.of());
        assertEquals(10, kpis.badActors().size());
        assertEquals("P11", kpis.badActors().get(0).pointId());
        assertEquals(12, kpis.badActors().get(0).activations());
        assertEquals(12.0 / 78, kpis.badActors().get(0).share(), 1e-9);
        assertEquals("P2", kpis.badActors().get(9).pointId());
    }

    @Test
    void shelvedSuppressedAndFaultActivationsAreCountedApart() {
        List<AlarmEvent> events = List.of(
                activation("P1", AlarmKind.HIGH, AlarmPriority.HIGH, T0.plusSeconds(10), true),
                activation("P1", AlarmKind.HIGH, AlarmPriority.HIGH, T0.plusSeconds(20), false),
                activation("P1", AlarmKind.FAULT, AlarmPriority.MEDIUM, T0.plusSeconds(30), true),
                activation("P2", AlarmKind.LOW, AlarmPriority.LOW, T0.plusSeconds(40), true),
                activation("P3", AlarmKind.LOW, AlarmPriority.LOW, T0.plusSeconds(50), true),
                activation("P4", AlarmKind.LOW, AlarmPriority.LOW, T0.plusSeconds(60), true));
        AlarmKpis kpis = compute(events, List.of());
        assertEquals(4, kpis.annunciated());
        assertEquals(1, kpis.notAnnunciated());
        assertEquals(1, kpis.instrumentFaults());
        assertEquals(0.25, kpis.priorityShares().get("HIGH"), 1e-9);
        assertEquals(0.75, kpis.priorityShares().get("LOW"), 1e-9);
    }

    @Test
    void staleAlarmsAreActiveForMoreThanADay() {
        Alarm old = Alarm.activated("P1", AlarmKind.HIGH, AlarmPriority.LOW, 5, 4, T0.minus(Duration.ofHours(3)), false).withId(7);
        Alarm young = Alarm.activated("P2", AlarmKind.HIGH, AlarmPriority.LOW, 5, 4, T0.plus(Duration.ofHours(12)), false).withId(8);
        Alarm returned = old.withId(9).returned(T0);
        AlarmKpis kpis = compute(List.of(), List.of(old, young, returned));
        assertEquals(1, kpis.stale().size());
        assertEquals(7, kpis.stale().get(0).alarmId());
        assertEquals(27.0, kpis.stale().get(0).hours(), 1e-9);
    }
}
