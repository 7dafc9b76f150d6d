package org.hazardwatch.core.internal.alarm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;

import javax.sql.DataSource;

import org.hazardwatch.core.internal.MutableClock;
import org.hazardwatch.api.alarm.AlarmDefinition;
import org.hazardwatch.api.alarm.AlarmEvent;
import org.hazardwatch.api.alarm.AlarmEventType;
import org.hazardwatch.api.alarm.AlarmLimit;
import org.hazardwatch.api.alarm.AlarmMode;
import org.hazardwatch.api.alarm.AlarmQuery;
import org.hazardwatch.api.live.LiveEvent;
import org.hazardwatch.api.model.Alarm;
import org.hazardwatch.api.model.AlarmKind;
import org.hazardwatch.api.model.AlarmPriority;
import org.hazardwatch.api.model.AlarmState;
import org.hazardwatch.api.model.MonitoringPoint;
import org.hazardwatch.api.model.PointType;
import org.hazardwatch.api.model.Quality;
import org.hazardwatch.api.model.Sample;
import org.hazardwatch.core.internal.TestDatabases;
import org.hazardwatch.core.internal.db.DatabaseMigrator;
import org.hazardwatch.core.internal.db.JdbcAlarmStore;
import org.hazardwatch.core.internal.db.JdbcPointRepository;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The alarm engine's state machines with a controlled clock, on a real (in-memory H2) store: every ISA-18.2
 * transition, deadband, delays, rate of change, shelving, suppression, out of service.
 */
class AlarmEngineTest {

    static final Instant T0 = Instant.parse("2026-11-29T08:00:00Z");
    static final String TANK = "T1-LT";

    final MutableClock clock = new MutableClock(T0);
    final List<LiveEvent> published = new ArrayList<>();
    JdbcPointRepository points;
    JdbcAlarmStore store;
    JdbcAlarmDefinitions definitions;
    AlarmEngine engine;

    @BeforeEach
    void setUp() throws Exception {
        DataSource dataSource = TestDatabases.h2();
        DatabaseMigrator.migrate(dataSource);
        points = new JdbcPointRepository(dataSource);
        points.save(new MonitoringPoint(TANK, "1号储罐液位", PointType.LEVEL, "m", 0, 20, 2.0, 16.0, "罐区A", "ENT-1", "HS-1"));
        store = new JdbcAlarmStore(dataSource);
        definitions = new JdbcAlarmDefinitions(dataSource, points, Gbt50493.load(), clock, Duration.ZERO);
        engine = new AlarmEngine(points::findById, definitions, store, clock, published::add);
        definitions.onChange(engine::definitionChanged);
        // no delays, deadband 1 m, four limits, rate 2 m/min over 60 s
        define(Duration.ZERO, Duration.ZERO, 1.0, AlarmMode.IN_SERVICE);
    }

    void define(Duration delayOn, Duration delayOff, double deadband, AlarmMode mode) {
        definitions.save(new AlarmDefinition(TANK, new AlarmLimit(1, AlarmPriority.HIGH), new AlarmLimit(2, AlarmPriority.LOW),
                new AlarmLimit(16, AlarmPriority.MEDIUM), new AlarmLimit(18, AlarmPriority.HIGH),
                new AlarmLimit(2, AlarmPriority.LOW), Duration.ofSeconds(60), deadband, delayOn, delayOff, mode,
                mode == AlarmMode.IN_SERVICE ? null : "pump P-101 stopped for maintenance", null, null, null), "tester", null);
    }

    void at(int second, double value) {
        engine.evaluate(List.of(new Sample(TANK, T0.plusSeconds(second), value, Quality.GOOD)));
    }

    Alarm only(AlarmKind kind) {
        List<Alarm> found = store.search(new AlarmQuery(TANK, null, null, java.util.Set.of(kind), null, null, null, null, 0, 10)).items();
        assertEquals(1, found.size(), "occurrences of " + kind + ": " + found);
        return found.get(0);
    }

    long count(AlarmKind kind) {
        return store.search(new AlarmQuery(TANK, null, null, java.util.Set.of(kind), null, null, null, null, 0, 10)).total();
    }

    List<AlarmEventType> journal(Alarm alarm) {
        return store.history(alarm.id()).stream().map(AlarmEvent::type).toList();
    }

    /** A local system's alarm (integration, I1) is the system's to return: the engine neither returns nor adopts it. */
    @Test
    void alarmsOfLocalSystemsAreLeftToThemAcknowledgedButNeverShelvedHere() {
        Alarm reported = store.recordFromSystem("GDS-1", Alarm.activated(TANK, AlarmKind.HIGH_HIGH, AlarmPriority.HIGH, 19, 18, T0, false),
                new AlarmEvent(0, 0, TANK, AlarmKind.HIGH_HIGH, AlarmPriority.HIGH, AlarmEventType.ACTIVATED, AlarmState.UNACKED_ACTIVE, T0,
                        "integration:GDS-1", null, 19.0, true));
        assertEquals(java.util.Optional.of("GDS-1"), store.sourceSystemOf(reported.id()));
        assertEquals(reported.id(), store.openFromSystem("GDS-1", TANK, AlarmKind.HIGH_HIGH).orElseThrow().id());
        assertTrue(store.openOwn().isEmpty(), "not the engine's to manage");
        at(1, 10); // the engine's own reading is normal: the system's alarm stays as the system reported it
        assertEquals(AlarmState.UNACKED_ACTIVE, store.find(reported.id()).orElseThrow().state());
        Alarm acknowledged = engine.acknowledge(reported.id(), "operator", "已通知现场");
        assertEquals(AlarmState.ACKED_ACTIVE, acknowledged.state());
        at(2, 10);
        assertEquals(AlarmState.ACKED_ACTIVE, store.find(reported.id()).orElseThrow().state(), "acknowledging did not hand it to the engine");
        IllegalStateException shelve = assertThrows(IllegalStateException.class,
                () -> engine.shelve(reported.id(), Duration.ofHours(1), "检修", "operator"));
        assertTrue(shelve.getMessage().contains("local system GDS-1"), shelve.getMessage());
        // the engine's own high-high of the same point is a separate occurrence
        at(3, 18.5);
        assertEquals(2, count(AlarmKind.HIGH_HIGH));
        assertEquals(1, store.openOwn().stream().filter(a -> a.kind() == AlarmKind.HIGH_HIGH).count());
        // a restarted engine does not take it over either
        AlarmEngine restarted = new AlarmEngine(points::findById, definitions, store, clock, e -> { });
        restarted.evaluate(List.of(new Sample(TANK, T0.plusSeconds(4), 10, Quality.GOOD)));
        assertEquals(AlarmState.ACKED_ACTIVE, store.find(reported.id()).orElseThrow().state());
    }

    @Test
    void normalToUnackedActiveToAckedActiveToNormal() {
        at(0, 10);
        assertTrue(store.open().isEmpty(), "A: normal");
        at(1, 16.5);
        Alarm high = only(AlarmKind.HIGH);
        assertEquals(AlarmState.UNACKED_ACTIVE, high.state(), "A -> B when the value reaches the limit");
        assertEquals(AlarmPriority.MEDIUM, high.priority());
        clock.now = T0.plusSeconds(5);
        assertEquals(AlarmState.ACKED_ACTIVE, engine.acknowledge(high.id(), "op1", null).state(), "B -> C on acknowledge");
        at(10, 14.5);
        Alarm over = only(AlarmKind.HIGH);
        assertEquals(AlarmState.NORMAL, over.state(), "C -> A when it returns");
        assertEquals(T0.plusSeconds(10), over.closedAt());
        assertEquals(List.of(AlarmEventType.ACTIVATED, AlarmEventType.ACKNOWLEDGED, AlarmEventType.RETURNED), journal(over));
        assertTrue(published.stream().anyMatch(e -> e.topic().equals(LiveEvent.ALARM)), "transitions are pushed live");
        assertTrue(published.stream().anyMatch(e -> e.topic().equals(LiveEvent.SAMPLE)), "values are pushed live");
    }

    @Test
    void unackedActiveReturnsUnackedThenReactivatesOrIsAcknowledged() {
        at(1, 16.5);
        at(2, 14.0);
        Alarm returned = only(AlarmKind.HIGH);
        assertEquals(AlarmState.UNACKED_RETURNED, returned.state(), "B -> D when it returns unacknowledged");
        at(3, 16.2);
        Alarm again = only(AlarmKind.HIGH);
        assertEquals(AlarmState.UNACKED_ACTIVE, again.state(), "D -> B: the same occurrence activates again");
        assertEquals(2, again.activations());
        assertEquals(returned.id(), again.id());
        at(4, 10.0);
        assertEquals(AlarmState.NORMAL, engine.acknowledge(again.id(), "op1", "seen").state(), "D -> A on acknowledge");
        IllegalStateException over = assertThrows(IllegalStateException.class, () -> engine.acknowledge(again.id(), "op2", null));
        assertTrue(over.getMessage().contains("is over"), over.getMessage());
        assertThrows(NoSuchElementException.class, () -> engine.acknowledge(999_999, "op2", null));
        at(5, 16.5);
        assertEquals(2, count(AlarmKind.HIGH), "after A a new occurrence begins");
    }

    @Test
    void acknowledgingTwiceIsRefused() {
        at(1, 16.5);
        Alarm high = only(AlarmKind.HIGH);
        engine.acknowledge(high.id(), "op1", null);
        IllegalStateException twice = assertThrows(IllegalStateException.class, () -> engine.acknowledge(high.id(), "op2", null));
        assertTrue(twice.getMessage().contains("already acknowledged (by op1)"), twice.getMessage());
    }

    @Test
    void eachLimitIsItsOwnAlarmWithItsPriority() {
        at(1, 18.5);
        assertEquals(AlarmPriority.MEDIUM, only(AlarmKind.HIGH).priority());
        assertEquals(AlarmPriority.HIGH, only(AlarmKind.HIGH_HIGH).priority());
        at(2, 16.5);
        assertEquals(AlarmState.UNACKED_RETURNED, only(AlarmKind.HIGH_HIGH).state(), "below high-high minus the deadband");
        assertEquals(AlarmState.UNACKED_ACTIVE, only(AlarmKind.HIGH).state());
        at(3, 0.5);
        assertEquals(AlarmState.UNACKED_ACTIVE, only(AlarmKind.LOW).state());
        assertEquals(AlarmState.UNACKED_ACTIVE, only(AlarmKind.LOW_LOW).state());
        assertEquals(AlarmPriority.HIGH, only(AlarmKind.LOW_LOW).priority());
    }

    @Test
    void theDeadbandHoldsAnAlarmUntilTheValueIsClearOfTheLimit() {
        at(1, 16.0);
        assertEquals(AlarmState.UNACKED_ACTIVE, only(AlarmKind.HIGH).state(), "enters at the limit");
        at(2, 15.5);
        at(3, 15.1);
        assertEquals(AlarmState.UNACKED_ACTIVE, only(AlarmKind.HIGH).state(), "inside the 1 m deadband it stays");
        at(4, 15.0);
        assertEquals(AlarmState.UNACKED_RETURNED, only(AlarmKind.HIGH).state(), "at limit - deadband it returns");
        at(5, 15.9);
        assertEquals(AlarmState.UNACKED_RETURNED, only(AlarmKind.HIGH).state(), "re-entry needs the limit itself");
        assertEquals(1, only(AlarmKind.HIGH).activations());
    }

    @Test
    void delayOnNeedsTheConditionToLastAndRestartsWhenItBreaks() {
        define(Duration.ofSeconds(10), Duration.ZERO, 0, AlarmMode.IN_SERVICE);
        at(0, 16.5);
        at(9, 16.5);
        assertEquals(0, count(AlarmKind.HIGH), "9 s of a 10 s delay-on");
        at(10, 15.0);
        at(11, 16.5);
        at(20, 16.5);
        assertEquals(0, count(AlarmKind.HIGH), "the break at 10 s restarted the delay");
        at(21, 16.7);
        Alarm high = only(AlarmKind.HIGH);
        assertEquals(T0.plusSeconds(21), high.raisedAt(), "10 s after the condition came back");
        assertEquals(16.7, high.value());
    }

    @Test
    void delayOffNeedsTheValueToStayNormal() {
        define(Duration.ZERO, Duration.ofSeconds(30), 0, AlarmMode.IN_SERVICE);
        at(0, 16.5);
        at(10, 15.0);
        at(39, 15.0);
        assertEquals(AlarmState.UNACKED_ACTIVE, only(AlarmKind.HIGH).state(), "29 s of a 30 s delay-off");
        at(40, 16.1);
        at(41, 15.0);
        at(70, 15.0);
        assertEquals(AlarmState.UNACKED_ACTIVE, only(AlarmKind.HIGH).state(), "the excursion at 40 s restarted it");
        at(71, 15.0);
        Alarm returned = only(AlarmKind.HIGH);
        assertEquals(AlarmState.UNACKED_RETURNED, returned.state());
        assertEquals(T0.plusSeconds(71), returned.clearedAt());
    }

    @Test
    void rateOfChangeIsMeasuredOverTheWindow() {
        for (int s = 0; s <= 60; s += 10) {
            at(s, 5 + s / 60.0); // 1 m/min: below the 2 m/min limit
        }
        assertEquals(0, count(AlarmKind.RATE_OF_CHANGE));
        for (int s = 70; s <= 120; s += 10) {
            at(s, 6 + (s - 60) * 3 / 60.0); // 3 m/min
        }
        Alarm rate = only(AlarmKind.RATE_OF_CHANGE);
        assertEquals(AlarmState.UNACKED_ACTIVE, rate.state());
        assertEquals(2.0, rate.limit());
        for (int s = 130; s <= 250; s += 10) {
            at(s, 9); // steady again
        }
        assertEquals(AlarmState.UNACKED_RETURNED, only(AlarmKind.RATE_OF_CHANGE).state());
    }

    @Test
    void aLateSampleDoesNotMoveTheStateMachines() {
        at(10, 16.5);
        at(5, 10.0);
        assertEquals(AlarmState.UNACKED_ACTIVE, only(AlarmKind.HIGH).state(), "the older sample came late");
    }

    @Test
    void shelvingIsTimedNeedsAReasonAndCoversLaterOccurrences() {
        at(1, 16.5);
        Alarm high = only(AlarmKind.HIGH);
        assertThrows(IllegalArgumentException.class, () -> engine.shelve(high.id(), Duration.ofHours(1), " ", "op1"));
        assertThrows(IllegalArgumentException.class, () -> engine.shelve(high.id(), Duration.ofDays(8), "why", "op1"));
        assertThrows(IllegalStateException.class, () -> engine.unshelve(high.id(), "op1"), "not shelved");
        Alarm shelved = engine.shelve(high.id(), Duration.ofHours(1), "level transmitter being recalibrated", "op1");
        assertEquals(T0.plusSeconds(3600), shelved.shelvedUntil());
        assertFalse(shelved.isAnnunciated(clock.instant()));
        at(2, 10);
        engine.acknowledge(high.id(), "op1", null);
        at(3, 16.5);
        Alarm next = store.search(AlarmQuery.ofPoint(TANK, 1)).items().get(0);
        assertEquals(AlarmKind.HIGH, next.kind());
        assertTrue(next.isShelved(clock.instant()), "a new occurrence while shelved is shelved too");
        assertFalse(store.history(next.id()).get(0).annunciated(), "and not annunciated");
        at(4, 18.5);
        assertTrue(only(AlarmKind.HIGH_HIGH).isAnnunciated(clock.instant()), "shelving is per alarm: high-high still shows");

        clock.now = T0.plusSeconds(3600);
        engine.tick();
        Alarm expired = store.find(next.id()).orElseThrow();
        assertNull(expired.shelvedUntil(), "shelving ends when its time runs out");
        assertEquals(AlarmEventType.UNSHELVED, store.history(next.id()).get(store.history(next.id()).size() - 1).type());
        assertTrue(store.shelvings().isEmpty());
    }

    @Test
    void unshelvingEndsShelvingEarly() {
        at(1, 16.5);
        Alarm high = only(AlarmKind.HIGH);
        engine.shelve(high.id(), Duration.ofMinutes(30), "nuisance", "op1");
        Alarm back = engine.unshelve(high.id(), "op2");
        assertNull(back.shelvedUntil());
        assertEquals(List.of(AlarmEventType.ACTIVATED, AlarmEventType.SHELVED, AlarmEventType.UNSHELVED), journal(back));
        assertEquals("op2", store.history(back.id()).get(2).actor());
    }

    @Test
    void suppressedByDesignAlarmsAreRecordedButNotAnnunciated() {
        at(1, 16.5);
        Alarm before = only(AlarmKind.HIGH);
        define(Duration.ZERO, Duration.ZERO, 1.0, AlarmMode.SUPPRESSED);
        assertTrue(store.find(before.id()).orElseThrow().suppressed(), "open occurrences are suppressed at once");
        at(2, 0.5);
        Alarm low = only(AlarmKind.LOW);
        assertTrue(low.suppressed());
        assertFalse(store.history(low.id()).get(0).annunciated());
        define(Duration.ZERO, Duration.ZERO, 1.0, AlarmMode.IN_SERVICE);
        assertFalse(store.find(low.id()).orElseThrow().suppressed());
        assertEquals(AlarmEventType.UNSUPPRESSED, store.history(low.id()).get(store.history(low.id()).size() - 1).type());
    }

    @Test
    void outOfServiceEndsOpenOccurrencesAndEvaluatesNothing() {
        at(1, 16.5);
        Alarm high = only(AlarmKind.HIGH);
        define(Duration.ZERO, Duration.ZERO, 1.0, AlarmMode.OUT_OF_SERVICE);
        Alarm closed = store.find(high.id()).orElseThrow();
        assertEquals(AlarmState.NORMAL, closed.state());
        assertEquals(AlarmEventType.OUT_OF_SERVICE, store.history(high.id()).get(1).type());
        assertEquals("pump P-101 stopped for maintenance", store.history(high.id()).get(1).comment());
        at(2, 19.5);
        at(3, 0.5);
        assertEquals(1, store.search(AlarmQuery.ofPoint(TANK, 10)).total(), "nothing raised out of service");
    }

    @Test
    void instrumentFaultsAreTheirOwnKindAndLeaveProcessAlarmsAlone() {
        at(1, 16.5);
        engine.evaluate(List.of(new Sample(TANK, T0.plusSeconds(2), 25.0, Quality.BAD,
                org.hazardwatch.api.model.QualityReason.OUT_OF_RANGE)));
        Alarm fault = only(AlarmKind.FAULT);
        assertEquals(AlarmState.UNACKED_ACTIVE, fault.state());
        assertEquals(20.0, fault.limit(), "the range end");
        assertEquals(AlarmState.UNACKED_ACTIVE, only(AlarmKind.HIGH).state(), "an invalid reading says nothing of the process");
        at(3, 10);
        assertEquals(AlarmState.UNACKED_RETURNED, only(AlarmKind.FAULT).state());
        assertEquals(AlarmState.UNACKED_RETURNED, only(AlarmKind.HIGH).state());
    }

    @Test
    void aRemovedLimitReturnsItsAlarm() {
        at(1, 18.5);
        definitions.save(new AlarmDefinition(TANK, null, null, new AlarmLimit(16, AlarmPriority.MEDIUM), null, null,
                Duration.ofSeconds(60), 1.0, Duration.ZERO, Duration.ZERO, AlarmMode.IN_SERVICE, null, null, null, null),
                "tester", "high-high removed");
        at(2, 18.5);
        assertEquals(AlarmState.UNACKED_RETURNED, only(AlarmKind.HIGH_HIGH).state());
        assertEquals(AlarmState.UNACKED_ACTIVE, only(AlarmKind.HIGH).state());
    }

    @Test
    void aRampPredictsWhenItReachesTheNextLimit() {
        // 10 m rising 0.8 m/min with +-0.05 m of noise for 5 minutes: 14 m now, high (16 m) in 2.5 minutes
        for (int s = 0; s <= 300; s += 5) {
            at(s, 10 + 0.8 * s / 60.0 + (s % 10 == 0 ? 0.05 : -0.05));
        }
        clock.now = T0.plusSeconds(300);
        List<org.hazardwatch.api.warning.TrendPrediction> predictions = engine.predictions(Duration.ofMinutes(30));
        assertEquals(1, predictions.size(), predictions.toString());
        org.hazardwatch.api.warning.TrendPrediction p = predictions.get(0);
        assertEquals(AlarmKind.HIGH, p.kind(), "the nearest limit ahead");
        assertEquals(16.0, p.limit());
        assertEquals(0.8, p.slopePerMinute(), 0.05);
        assertEquals(2.5, p.minutesToLimit(), 0.3);
        assertTrue(p.fit() > 0.9, "a clean ramp fits a line");
        assertTrue(engine.predictions(Duration.ofMinutes(2)).isEmpty(), "beyond a 2 minute horizon");

        clock.now = T0.plusSeconds(300 + 700);
        assertTrue(engine.predictions(Duration.ofMinutes(30)).isEmpty(), "no samples for longer than the window: no trend");
    }

    @Test
    void aFallingRampPredictsTheLowLimitAndNoiseOrActiveAlarmsPredictNothing() {
        for (int s = 0; s <= 300; s += 5) {
            at(s, 4 - 0.3 * s / 60.0);
        }
        clock.now = T0.plusSeconds(300);
        org.hazardwatch.api.warning.TrendPrediction p = engine.predictions(Duration.ofMinutes(30)).get(0);
        assertEquals(AlarmKind.LOW, p.kind());
        assertEquals(1.67, p.minutesToLimit(), 0.1, "from 2.5 m to 2 m at 0.3 m/min");

        for (int s = 1000; s <= 1600; s += 5) {
            at(s, 10 + (s % 10 == 0 ? 1.5 : -1.5)); // noise, no trend, after the ramp has left the 10 minute window
        }
        clock.now = T0.plusSeconds(1600);
        assertTrue(engine.predictions(Duration.ofMinutes(30)).isEmpty(), "noise is no trend");
        for (int s = 2400; s <= 2700; s += 5) {
            at(s, 16.5 + 0.2 * (s - 2400) / 60.0); // high active, rising to high-high (18)
        }
        clock.now = T0.plusSeconds(2700);
        p = engine.predictions(Duration.ofMinutes(30)).get(0);
        assertEquals(AlarmKind.HIGH_HIGH, p.kind(), "the active high alarm is skipped");
    }

    @Test
    void aStandbyTakingOverContinuesTheOtherNodesOccurrences() {
        AlarmEngine standby = new AlarmEngine(points::findById, definitions, store, clock, e -> { });
        AlarmEngine webNode = new AlarmEngine(points::findById, definitions, store, clock, e -> { });
        at(1, 16.5); // the active node raises the high alarm
        Alarm raised = only(AlarmKind.HIGH);
        clock.now = T0.plusSeconds(120); // the active node dies; the standby's first samples come after a pause
        standby.evaluate(List.of(new Sample(TANK, T0.plusSeconds(120), 16.8, Quality.GOOD)));
        assertEquals(1, count(AlarmKind.HIGH), "no second occurrence");
        assertEquals(AlarmState.ACKED_ACTIVE, webNode.acknowledge(raised.id(), "op1", null).state(),
                "an engine can act on an open occurrence it has not seen");
        standby.evaluate(List.of(new Sample(TANK, T0.plusSeconds(121), 10.0, Quality.GOOD)));
        assertEquals(AlarmState.NORMAL, only(AlarmKind.HIGH).state(),
                "the standby returns the existing occurrence, keeping the acknowledgement made on the other node");
        assertEquals(List.of(AlarmEventType.ACTIVATED, AlarmEventType.ACKNOWLEDGED, AlarmEventType.RETURNED), journal(raised));
    }

}
