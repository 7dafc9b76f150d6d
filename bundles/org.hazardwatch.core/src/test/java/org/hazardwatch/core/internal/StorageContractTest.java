package org.hazardwatch.core.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import javax.sql.DataSource;

import org.hazardwatch.api.alarm.AlarmDefinition;
import org.hazardwatch.api.alarm.AlarmEvent;
import org.hazardwatch.api.alarm.AlarmEventType;
import org.hazardwatch.api.alarm.AlarmLimit;
import org.hazardwatch.api.alarm.AlarmMode;
import org.hazardwatch.api.alarm.AlarmQuery;
import org.hazardwatch.api.alarm.DefinitionChange;
import org.hazardwatch.api.model.Alarm;
import org.hazardwatch.api.model.AlarmCategory;
import org.hazardwatch.api.model.AlarmKind;
import org.hazardwatch.api.model.AlarmPriority;
import org.hazardwatch.api.model.AlarmState;
import org.hazardwatch.api.model.CurrentValue;
import org.hazardwatch.api.model.MonitoringPoint;
import org.hazardwatch.api.model.PointType;
import org.hazardwatch.api.model.Quality;
import org.hazardwatch.api.model.QualityReason;
import org.hazardwatch.api.model.Sample;
import org.hazardwatch.api.registry.FieldError;
import org.hazardwatch.api.registry.ValidationException;
import org.hazardwatch.api.store.UnknownPointException;
import org.hazardwatch.core.internal.alarm.AlarmEngine;
import org.hazardwatch.core.internal.alarm.Gbt50493;
import org.hazardwatch.core.internal.alarm.JdbcAlarmDefinitions;
import org.hazardwatch.core.internal.db.DatabaseMigrator;
import org.hazardwatch.core.internal.db.JdbcAlarmStore;
import org.hazardwatch.core.internal.db.JdbcPointRepository;
import org.hazardwatch.core.internal.db.JdbcSampleStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The storage contract, run against H2 and PostgreSQL by the subclasses. */
abstract class StorageContractTest {

    static final Instant T0 = Instant.parse("2026-11-29T08:00:00Z");

    DataSource dataSource;
    JdbcPointRepository points;
    JdbcSampleStore samples;
    JdbcAlarmStore alarms;

    abstract DataSource createDataSource();

    @BeforeEach
    void migrate() throws Exception {
        dataSource = createDataSource();
        DatabaseMigrator.migrate(dataSource);
        points = new JdbcPointRepository(dataSource);
        samples = new JdbcSampleStore(dataSource);
        alarms = new JdbcAlarmStore(dataSource);
        points.save(tankLevel("T1-LT", 1.0, 9.0));
    }

    static MonitoringPoint tankLevel(String id, Double low, Double high) {
        return new MonitoringPoint(id, "1号储罐液位", PointType.LEVEL, "m", 0, 12, low, high, "罐区A", "ENT-1", "HS-1");
    }

    @Test
    void migrationIsRepeatableAndCreatesTheTables() throws Exception {
        DatabaseMigrator.migrate(dataSource);
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM databasechangelog")) {
            rs.next();
            assertEquals(28, rs.getInt(1), "each change set applied exactly once (one of the two 0008 and the two 0027 index sets per database)");
        }
        for (String table : List.of("monitoring_point", "sample", "current_value", "alarm", "app_user", "auth_session",
                "hazard_source", "hazard_unit", "equipment", "inventory_item", "grading_snapshot", "alarm_event", "alarm_shelf",
                "alarm_definition", "alarm_definition_change", "emergency_plan", "alarm_disposal",
                "alarm_disposal_step", "alarm_disposal_attachment", "sample_minute", "sample_hour", "retention_state", "organisation",
                "department", "app_role", "role_permission", "user_role", "audit_log", "audit_head", "app_lock", "declared_incident",
                "access_grant", "node_certificate", "enrolment_token", "node_heartbeat", "exchange_seen", "exchange_message",
                "exchange_cursor", "exchange_route", "exchange_command")) {
            try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM " + table)) {
                assertTrue(rs.next(), table);
            }
        }
    }

    @Test
    void pointsAreSavedAndUpdatedInPlace() {
        MonitoringPoint original = points.findById("T1-LT").orElseThrow();
        assertEquals("1号储罐液位", original.name());
        assertEquals(9.0, original.alarmHigh());
        points.save(tankLevel("T1-LT", null, 10.5));
        MonitoringPoint updated = points.findById("T1-LT").orElseThrow();
        assertNull(updated.alarmLow());
        assertEquals(10.5, updated.alarmHigh());
        assertEquals(1, points.findAll().size());
        assertTrue(points.findById("nope").isEmpty());
    }

    @Test
    void historyIsOrderedAndHalfOpen() {
        samples.store(List.of(sample(2, 5.2), sample(0, 5.0), sample(1, 5.1), sample(3, 5.3)));
        List<Sample> history = samples.history("T1-LT", T0, T0.plusSeconds(3), 100);
        assertEquals(List.of(5.0, 5.1, 5.2), history.stream().map(Sample::value).toList());
        assertEquals(T0, history.get(0).timestamp());
        assertEquals(2, samples.history("T1-LT", T0, T0.plusSeconds(10), 2).size(), "limit applies");
    }

    @Test
    void currentValueOnlyMovesForward() {
        samples.store(List.of(sample(10, 7.0)));
        samples.store(List.of(sample(5, 3.0, Quality.BAD)));
        CurrentValue current = samples.currentValues().get("T1-LT");
        assertEquals(7.0, current.value());
        assertEquals(T0.plusSeconds(10), current.timestamp());
        samples.store(List.of(sample(11, 7.5, Quality.UNCERTAIN)));
        assertEquals(Quality.UNCERTAIN, samples.currentValues().get("T1-LT").quality());
    }

    @Test
    void aBatchWithAnUnknownPointStoresNothing() {
        List<Sample> batch = List.of(sample(0, 1.0), new Sample("GHOST", T0, 1.0, Quality.GOOD));
        UnknownPointException e = assertThrows(UnknownPointException.class, () -> samples.store(batch));
        assertEquals("GHOST", e.pointId());
        assertTrue(samples.history("T1-LT", T0.minusSeconds(1), T0.plusSeconds(1), 10).isEmpty());
        assertTrue(samples.currentValues().isEmpty());
    }

    AlarmEngine engine(MutableClock clock) {
        JdbcAlarmDefinitions definitions = new JdbcAlarmDefinitions(dataSource, points, Gbt50493.load(), clock, Duration.ZERO);
        AlarmEngine engine = new AlarmEngine(points::findById, definitions, alarms, clock, event -> { });
        definitions.onChange(engine::definitionChanged);
        return engine;
    }

    @Test
    void theAlarmLifecycleIsStoredWithItsJournalAndSurvivesARestart() {
        MutableClock clock = new MutableClock(T0);
        AlarmEngine engine = engine(clock);
        evaluate(engine, sample(0, 5.0));
        assertTrue(alarms.open().isEmpty());
        evaluate(engine, sample(1, 9.5)); // level: 60 s delay-on by default
        evaluate(engine, sample(61, 9.8));
        List<Alarm> open = alarms.open();
        assertEquals(1, open.size(), "a standing condition raises one alarm");
        Alarm high = open.get(0);
        assertEquals(AlarmKind.HIGH, high.kind());
        assertEquals(AlarmState.UNACKED_ACTIVE, high.state());
        assertEquals(9.8, high.value());
        assertEquals(9.0, high.limit());
        assertEquals(AlarmPriority.LOW, high.priority());
        assertEquals(T0.plusSeconds(61), high.raisedAt());

        AlarmEngine restarted = engine(clock);
        clock.now = T0.plusSeconds(70);
        Alarm acked = restarted.acknowledge(high.id(), "zhangsan", "checked the tank");
        assertEquals(AlarmState.ACKED_ACTIVE, acked.state());
        assertEquals("zhangsan", acked.acknowledgedBy());
        evaluate(restarted, sample(100, 5.0)); // below 9.0 - deadband 0.6, held for the 60 s delay-off
        evaluate(restarted, sample(160, 5.0));
        Alarm over = alarms.find(high.id()).orElseThrow();
        assertEquals(AlarmState.NORMAL, over.state());
        assertEquals(T0.plusSeconds(160), over.clearedAt());
        assertEquals(T0.plusSeconds(160), over.closedAt());
        List<AlarmEvent> journal = alarms.history(high.id());
        assertEquals(List.of(AlarmEventType.ACTIVATED, AlarmEventType.ACKNOWLEDGED, AlarmEventType.RETURNED),
                journal.stream().map(AlarmEvent::type).toList());
        assertEquals("checked the tank", journal.get(1).comment());
        assertTrue(journal.get(0).annunciated());
        assertEquals(3, alarms.events(T0, T0.plusSeconds(3600)).size());
        assertEquals(1, alarms.search(new AlarmQuery(null, Set.of("T1-LT"), Set.of(AlarmState.NORMAL), Set.of(AlarmKind.HIGH),
                AlarmCategory.PROCESS, AlarmPriority.LOW, T0, T0.plusSeconds(3600), 0, 10)).total());
        assertEquals(0, alarms.search(AlarmQuery.inStates(Set.of(AlarmState.UNACKED_ACTIVE), 10)).total());
    }

    @Test
    void invalidReadingsRaiseAnInstrumentFaultNotAProcessAlarm() {
        points.save(tankLevel("T3-LT", null, 9.0));
        AlarmEngine engine = engine(new MutableClock(T0));
        Sample outOfRange = new Sample("T3-LT", T0, 13.0, Quality.BAD, QualityReason.OUT_OF_RANGE);
        samples.store(List.of(outOfRange));
        evaluate(engine, outOfRange);
        Alarm fault = alarms.activeByPoint().get("T3-LT");
        assertEquals(AlarmKind.FAULT, fault.kind(), "an invalid reading above the high limit raises no HIGH alarm");
        assertEquals(AlarmCategory.INSTRUMENT, fault.category());
        assertEquals(12.0, fault.limit(), "the range end that was passed");
        assertEquals(QualityReason.OUT_OF_RANGE,
                samples.history("T3-LT", T0.minusSeconds(1), T0.plusSeconds(1), 10).get(0).qualityReason());
        evaluate(engine, new Sample("T3-LT", T0.plusSeconds(1), 11.0, Quality.BAD, QualityReason.SPIKE));
        assertEquals(1, alarms.search(AlarmQuery.ofPoint("T3-LT", 10)).total(), "one fault while the instrument stays faulty");
        evaluate(engine, new Sample("T3-LT", T0.plusSeconds(2), 5.0, Quality.UNCERTAIN, QualityReason.SOURCE_UNCERTAIN));
        assertEquals(AlarmState.UNACKED_ACTIVE, alarms.find(fault.id()).orElseThrow().state(), "uncertain readings change nothing");
        evaluate(engine, new Sample("T3-LT", T0.plusSeconds(3), 5.0, Quality.GOOD));
        assertEquals(AlarmState.UNACKED_RETURNED, alarms.find(fault.id()).orElseThrow().state(), "a good reading ends the fault");
    }

    @Test
    void alarmDefinitionsAreStoredAndEveryChangedSettingIsRecorded() {
        JdbcAlarmDefinitions definitions = new JdbcAlarmDefinitions(dataSource, points, Gbt50493.load(),
                new MutableClock(T0), Duration.ofMinutes(5));
        AlarmDefinition defaults = definitions.definition("T1-LT").orElseThrow();
        assertTrue(defaults.isDefault());
        assertEquals(9.0, defaults.high().value());
        assertEquals(0.6, defaults.deadband(), 1e-9, "5 % of the 0-12 m span");
        AlarmDefinition edited = new AlarmDefinition("T1-LT", new AlarmLimit(0.5, AlarmPriority.HIGH), defaults.low(),
                new AlarmLimit(10.0, AlarmPriority.MEDIUM), new AlarmLimit(11.0, AlarmPriority.HIGH), null,
                defaults.rateWindow(), 0.2, Duration.ofSeconds(5), Duration.ofSeconds(10), AlarmMode.IN_SERVICE, null,
                null, null, null);
        assertTrue(definitions.save(edited, "county-officer", "tank re-rated").isEmpty(), "a level point has no GB/T 50493 rules");
        AlarmDefinition stored = definitions.definition("T1-LT").orElseThrow();
        assertEquals(11.0, stored.highHigh().value());
        assertEquals("county-officer", stored.updatedBy());
        assertEquals(T0, stored.updatedAt());
        List<DefinitionChange> changes = definitions.changes("T1-LT", 100);
        Map<String, DefinitionChange> bySetting = changes.stream()
                .collect(java.util.stream.Collectors.toMap(DefinitionChange::field, c -> c));
        assertEquals(Set.of("lowLow", "lowLow.priority", "high", "high.priority", "highHigh", "highHigh.priority",
                "deadband", "delayOnSeconds", "delayOffSeconds"), bySetting.keySet());
        assertEquals("9", bySetting.get("high").oldValue());
        assertEquals("10", bySetting.get("high").newValue());
        assertEquals("tank re-rated", bySetting.get("high").reason());
        assertEquals("county-officer", bySetting.get("deadband").changedBy());

        ValidationException refused = assertThrows(ValidationException.class, () -> definitions.save(
                new AlarmDefinition("T1-LT", null, new AlarmLimit(5, AlarmPriority.LOW), new AlarmLimit(4, AlarmPriority.LOW),
                        new AlarmLimit(20, AlarmPriority.LOW), null, defaults.rateWindow(), -1, Duration.ofSeconds(-1),
                        Duration.ZERO, AlarmMode.OUT_OF_SERVICE, " ", "no-such-gas", null, null), "x", null));
        assertEquals(Set.of("high", "highHigh", "deadband", "delayOnSeconds", "modeReason", "substance"),
                refused.fieldErrors().stream().map(FieldError::field).collect(java.util.stream.Collectors.toSet()));
        assertEquals(changes.size(), definitions.changes(null, 100).size(), "a refused save records nothing");

        definitions.reset("T1-LT", "county-officer", null);
        assertTrue(definitions.definition("T1-LT").orElseThrow().isDefault());
        assertEquals("reset to the default", definitions.changes("T1-LT", 1).get(0).reason());
    }

    @Test
    void currentValuesCoverEveryPoint() {
        points.save(tankLevel("T2-LT", null, null));
        samples.store(List.of(sample(0, 4.0), new Sample("T2-LT", T0, 2.0, Quality.GOOD)));
        Map<String, CurrentValue> values = samples.currentValues();
        assertEquals(2, values.size());
        assertEquals(2.0, values.get("T2-LT").value());
    }

    private static void evaluate(AlarmEngine engine, Sample sample) {
        engine.evaluate(List.of(sample));
    }

    static Sample sample(int second, double value) {
        return sample(second, value, Quality.GOOD);
    }

    static Sample sample(int second, double value, Quality quality) {
        return new Sample("T1-LT", T0.plusSeconds(second), value, quality);
    }

}
