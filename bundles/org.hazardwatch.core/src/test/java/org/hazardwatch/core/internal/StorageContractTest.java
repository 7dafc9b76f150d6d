package org.hazardwatch.core.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import javax.sql.DataSource;

import org.hazardwatch.api.auth.AuthSession;
import org.hazardwatch.api.auth.PasswordChangeException;
import org.hazardwatch.api.auth.PasswordChangeException.Reason;
import org.hazardwatch.api.model.Alarm;
import org.hazardwatch.api.model.AlarmKind;
import org.hazardwatch.api.model.AlarmPriority;
import org.hazardwatch.api.model.AlarmState;
import org.hazardwatch.api.model.CurrentValue;
import org.hazardwatch.api.model.MonitoringPoint;
import org.hazardwatch.api.model.PointType;
import org.hazardwatch.api.model.Quality;
import org.hazardwatch.api.model.QualityReason;
import org.hazardwatch.api.model.Sample;
import org.hazardwatch.api.store.UnknownPointException;
import org.hazardwatch.core.internal.alarm.LimitAlarmEvaluator;
import org.hazardwatch.core.internal.auth.JdbcAuthService;
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
            assertEquals(11, rs.getInt(1), "each change set applied exactly once (one of the two 0008 index sets per database)");
        }
        for (String table : List.of("monitoring_point", "sample", "current_value", "alarm", "app_user", "auth_session",
                "hazard_source", "hazard_unit", "equipment", "inventory_item", "grading_snapshot")) {
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

    @Test
    void limitCheckRaisesOnceAndClears() {
        LimitAlarmEvaluator evaluator = new LimitAlarmEvaluator(points::findById, alarms);
        evaluate(evaluator, sample(0, 5.0));
        assertTrue(alarms.list(null, null, 10).isEmpty());
        evaluate(evaluator, sample(1, 9.5));
        evaluate(evaluator, sample(2, 9.8));
        List<Alarm> active = alarms.list(AlarmState.ACTIVE, "T1-LT", 10);
        assertEquals(1, active.size(), "a standing condition raises one alarm");
        assertEquals(AlarmKind.HIGH, active.get(0).kind());
        assertEquals(9.5, active.get(0).value());
        assertEquals(9.0, active.get(0).limit());
        assertEquals(AlarmPriority.LOW, active.get(0).priority());
        evaluate(evaluator, sample(3, 12.0, Quality.BAD));
        evaluate(evaluator, sample(4, 5.0, Quality.BAD));
        assertEquals(1, alarms.list(AlarmState.ACTIVE, null, 10).size(), "bad quality neither raises nor clears");
        evaluate(evaluator, sample(5, 0.5));
        List<Alarm> all = alarms.list(null, "T1-LT", 10);
        assertEquals(2, all.size());
        assertEquals(AlarmKind.LOW, all.get(0).kind());
        assertEquals(AlarmState.CLEARED, all.get(1).state());
        assertEquals(T0.plusSeconds(5), all.get(1).clearedAt());
        evaluate(evaluator, sample(6, 5.0));
        assertTrue(alarms.findActive("T1-LT").isEmpty());
    }

    @Test
    void invalidReadingsRaiseAnInstrumentFaultNotAProcessAlarm() {
        points.save(tankLevel("T3-LT", null, 9.0));
        LimitAlarmEvaluator evaluator = new LimitAlarmEvaluator(points::findById, alarms);
        Sample outOfRange = new Sample("T3-LT", T0, 13.0, Quality.BAD, QualityReason.OUT_OF_RANGE);
        samples.store(List.of(outOfRange));
        evaluate(evaluator, outOfRange);
        Alarm fault = alarms.findActive("T3-LT").orElseThrow();
        assertEquals(AlarmKind.FAULT, fault.kind(), "an invalid reading above the high limit raises no HIGH alarm");
        assertEquals(12.0, fault.limit(), "the range end that was passed");
        assertEquals(QualityReason.OUT_OF_RANGE,
                samples.history("T3-LT", T0.minusSeconds(1), T0.plusSeconds(1), 10).get(0).qualityReason());
        evaluate(evaluator, new Sample("T3-LT", T0.plusSeconds(1), 11.0, Quality.BAD, QualityReason.SPIKE));
        assertEquals(1, alarms.list(null, "T3-LT", 10).size(), "one fault while the instrument stays faulty");
        evaluate(evaluator, new Sample("T3-LT", T0.plusSeconds(2), 5.0, Quality.UNCERTAIN, QualityReason.SOURCE_UNCERTAIN));
        assertEquals(AlarmKind.FAULT, alarms.findActive("T3-LT").orElseThrow().kind(), "uncertain readings change nothing");
        evaluate(evaluator, new Sample("T3-LT", T0.plusSeconds(3), 5.0, Quality.GOOD));
        assertTrue(alarms.findActive("T3-LT").isEmpty(), "a good reading clears the fault");
    }

    @Test
    void loginSessionsExpireAndLogOut() {
        MutableClock clock = new MutableClock(T0);
        JdbcAuthService auth = new JdbcAuthService(dataSource, Duration.ofMinutes(30), clock);
        Optional<String> generated = auth.ensureAdmin(null);
        assertTrue(generated.isPresent());
        assertTrue(auth.ensureAdmin("other").isEmpty(), "admin is created once");
        assertTrue(auth.login("admin", "wrong".toCharArray()).isEmpty());
        assertTrue(auth.login("nobody", generated.get().toCharArray()).isEmpty());
        AuthSession session = auth.login("admin", generated.get().toCharArray()).orElseThrow();
        assertEquals("admin", auth.validate(session.token()).orElseThrow().username());
        assertFalse(auth.validate(session.token() + "x").isPresent());
        clock.now = T0.plus(Duration.ofMinutes(31));
        assertTrue(auth.validate(session.token()).isEmpty(), "expired");
        AuthSession second = auth.login("admin", generated.get().toCharArray()).orElseThrow();
        auth.logout(second.token());
        assertTrue(auth.validate(second.token()).isEmpty(), "logged out");
    }

    @Test
    void passwordChangesAreCheckedAndEndEverySession() {
        JdbcAuthService auth = new JdbcAuthService(dataSource, Duration.ofMinutes(30), Clock.systemUTC());
        auth.createUser("zhangsan", "Initial-Pass-1".toCharArray());
        AuthSession first = auth.login("zhangsan", "Initial-Pass-1".toCharArray()).orElseThrow();
        AuthSession second = auth.login("zhangsan", "Initial-Pass-1".toCharArray()).orElseThrow();
        assertEquals(Reason.CURRENT_PASSWORD_WRONG, refusal(auth, "wrong", "Another-Pass-2"));
        assertEquals(Reason.PASSWORD_TOO_SHORT, refusal(auth, "Initial-Pass-1", "short"));
        assertEquals(Reason.PASSWORD_CONTAINS_USERNAME, refusal(auth, "Initial-Pass-1", "my-ZhangSan-2026"));
        assertEquals(Reason.PASSWORD_UNCHANGED, refusal(auth, "Initial-Pass-1", "Initial-Pass-1"));
        assertTrue(auth.validate(first.token()).isPresent(), "refused changes end no session");

        auth.changePassword("zhangsan", "Initial-Pass-1".toCharArray(), "Another-Pass-2".toCharArray());
        assertTrue(auth.validate(first.token()).isEmpty());
        assertTrue(auth.validate(second.token()).isEmpty());
        assertTrue(auth.login("zhangsan", "Initial-Pass-1".toCharArray()).isEmpty());
        assertTrue(auth.login("zhangsan", "Another-Pass-2".toCharArray()).isPresent());
        assertEquals(Reason.CURRENT_PASSWORD_WRONG, refusalFor(auth, "nobody", "x", "Another-Pass-3"));
    }

    private static Reason refusal(JdbcAuthService auth, String current, String next) {
        return refusalFor(auth, "zhangsan", current, next);
    }

    private static Reason refusalFor(JdbcAuthService auth, String user, String current, String next) {
        return assertThrows(PasswordChangeException.class,
                () -> auth.changePassword(user, current.toCharArray(), next.toCharArray())).reason();
    }

    @Test
    void currentValuesCoverEveryPoint() {
        points.save(tankLevel("T2-LT", null, null));
        samples.store(List.of(sample(0, 4.0), new Sample("T2-LT", T0, 2.0, Quality.GOOD)));
        Map<String, CurrentValue> values = samples.currentValues();
        assertEquals(2, values.size());
        assertEquals(2.0, values.get("T2-LT").value());
    }

    private static void evaluate(LimitAlarmEvaluator evaluator, Sample sample) {
        evaluator.evaluate(List.of(sample));
    }

    static Sample sample(int second, double value) {
        return sample(second, value, Quality.GOOD);
    }

    static Sample sample(int second, double value, Quality quality) {
        return new Sample("T1-LT", T0.plusSeconds(second), value, quality);
    }

    static final class MutableClock extends Clock {
        Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
