package org.hazardwatch.core.internal.retention;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import org.hazardwatch.api.alarm.AlarmEvent;
import org.hazardwatch.api.alarm.AlarmEventType;
import org.hazardwatch.api.model.Alarm;
import org.hazardwatch.api.model.AlarmKind;
import org.hazardwatch.api.model.AlarmPriority;
import org.hazardwatch.api.model.AlarmState;
import org.hazardwatch.api.model.MonitoringPoint;
import org.hazardwatch.api.model.PointType;
import org.hazardwatch.api.model.Quality;
import org.hazardwatch.api.model.QualityReason;
import org.hazardwatch.api.model.Sample;
import org.hazardwatch.api.retention.TrendBucket;
import org.hazardwatch.core.internal.db.DatabaseMigrator;
import org.hazardwatch.core.internal.db.JdbcAlarmStore;
import org.hazardwatch.core.internal.db.JdbcPointRepository;
import org.hazardwatch.core.internal.db.JdbcSampleStore;
import org.hazardwatch.core.internal.disposal.JdbcDisposals;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Aggregation and retention on H2 and PostgreSQL. */
abstract class RetentionContractTest {

    static final JdbcRetention.Settings SETTINGS = new JdbcRetention.Settings(30, 60, 3650, 30);

    final Instant now = Instant.now();
    /** 40 days ago, on the hour: beyond the raw retention of 30 days. */
    final Instant old = now.minus(Duration.ofDays(40)).truncatedTo(ChronoUnit.HOURS);
    DataSource dataSource;
    JdbcSampleStore samples;
    JdbcAlarmStore alarms;
    JdbcRetention retention;

    abstract DataSource createDataSource();

    @BeforeEach
    void setUp() throws Exception {
        dataSource = createDataSource();
        DatabaseMigrator.migrate(dataSource);
        JdbcPointRepository points = new JdbcPointRepository(dataSource);
        points.save(new MonitoringPoint("P1", "1号储罐液位", PointType.LEVEL, "m", 0, 20, null, 16.0, "罐区", "ENT-1", "HS-1"));
        samples = new JdbcSampleStore(dataSource);
        alarms = new JdbcAlarmStore(dataSource);
        retention = new JdbcRetention(dataSource);
    }

    void store(Instant at, double value, Quality quality) {
        samples.store(List.of(new Sample("P1", at, value, quality, quality == Quality.GOOD ? null : QualityReason.OUT_OF_RANGE)));
    }

    @Test
    void oldSamplesAreAggregatedByMinuteAndHourBeforeTheyAreDeleted() {
        List<Sample> batch = new ArrayList<>();
        for (int s = 0; s < 2 * 3600; s += 20) { // two hours, every 20 s, value = minute of the hour
            batch.add(new Sample("P1", old.plusSeconds(s), (s / 60) % 60, Quality.GOOD));
        }
        batch.add(new Sample("P1", old.plusSeconds(5), 999, Quality.BAD, QualityReason.OUT_OF_RANGE));
        samples.store(batch);
        store(now.minus(Duration.ofMinutes(10)), 7.5, Quality.GOOD);

        JdbcRetention.Result result = retention.run(SETTINGS, now);
        assertEquals(2 * 60 + 1, result.minuteBuckets(), "120 old minutes and the recent one");
        assertEquals(361, result.samplesDeleted(), "the old raw samples, aggregated first");
        assertEquals(now.minus(Duration.ofMinutes(1)).truncatedTo(ChronoUnit.MINUTES), result.minuteWatermark());

        List<TrendBucket> minutes = retention.buckets("P1", false, old, old.plus(Duration.ofHours(2)), 1000);
        assertEquals(120, minutes.size());
        TrendBucket first = minutes.get(0);
        assertEquals(old, first.start());
        assertEquals(0.0, first.avg(), "the BAD 999 is counted, not averaged");
        assertEquals(4, first.count());
        assertEquals(3, first.goodCount());
        assertEquals(59.0, minutes.get(59).max());
        List<TrendBucket> hours = retention.buckets("P1", true, old, old.plus(Duration.ofHours(2)), 10);
        assertEquals(2, hours.size());
        assertEquals(29.5, hours.get(0).avg(), 1e-9, "mean of minutes 0..59, weighted by their good samples");
        assertEquals(0.0, hours.get(0).min());
        assertEquals(59.0, hours.get(0).max());
        assertEquals(181, hours.get(0).count());
        assertEquals(1, samples.history("P1", now.minus(Duration.ofDays(1)), now, 10).size(), "recent samples stay");

        // a late sample from the past (a backlog after an outage) reopens its minute and hour
        store(old.plus(Duration.ofHours(5)), 42.0, Quality.GOOD);
        JdbcRetention.Result second = retention.run(SETTINGS, now.plusSeconds(60));
        assertEquals(1, second.samplesDeleted());
        List<TrendBucket> late = retention.buckets("P1", true, old.plus(Duration.ofHours(5)), old.plus(Duration.ofHours(6)), 10);
        assertEquals(1, late.size());
        assertEquals(42.0, late.get(0).avg());
        assertEquals(2, retention.buckets("P1", true, old, old.plus(Duration.ofHours(2)), 10).size(), "earlier hours unchanged");
        assertTrue(retention.status().tables().stream().anyMatch(t -> t.name().equals("sample_hour") && t.rows() >= 3),
                "two old hours, the late one, perhaps the last complete hour");
    }

    @Test
    void aMinuteWithOnlyBadSamplesHasNoValueButItsCount() {
        store(old, 5, Quality.BAD);
        retention.run(SETTINGS, now);
        TrendBucket bucket = retention.buckets("P1", false, old, old.plusSeconds(60), 10).get(0);
        assertNull(bucket.avg());
        assertEquals(1, bucket.count());
        assertEquals(0, bucket.goodCount());
        assertNull(retention.buckets("P1", true, old, old.plusSeconds(3600), 10).get(0).avg());
    }

    @Test
    void alarmsAreDeletedOnlyWhenOverOldAndWithoutADisposal() {
        Alarm over = record(Alarm.activated("P1", AlarmKind.HIGH, AlarmPriority.LOW, 17, 16, old, false).returned(old.plusSeconds(60))
                .acknowledged("op", old.plusSeconds(120)));
        Alarm disposed = record(Alarm.activated("P1", AlarmKind.HIGH_HIGH, AlarmPriority.HIGH, 19, 18, old, false)
                .returned(old.plusSeconds(60)).acknowledged("op", old.plusSeconds(120)));
        Alarm open = record(Alarm.activated("P1", AlarmKind.LOW, AlarmPriority.LOW, 1, 2, old, false));
        new JdbcDisposals(dataSource, alarms::find, id -> new JdbcPointRepository(dataSource).findById(id), Clock.systemUTC())
                .open(disposed.id(), "op");
        assertEquals(1, retention.run(SETTINGS, now).alarmsDeleted());
        assertTrue(alarms.find(over.id()).isEmpty());
        assertTrue(alarms.find(disposed.id()).isPresent(), "its disposal record keeps it");
        assertTrue(alarms.find(open.id()).isPresent(), "open alarms are never deleted");
    }

    @Test
    void settingsKeepAtLeast30DaysAndAggregatesOutliveTheirSource() {
        assertThrows(IllegalArgumentException.class, () -> new JdbcRetention.Settings(10, 60, 3650, 30));
        assertThrows(IllegalArgumentException.class, () -> new JdbcRetention.Settings(30, 60, 3650, 7));
        assertThrows(IllegalArgumentException.class, () -> new JdbcRetention.Settings(90, 60, 3650, 30));
        assertThrows(IllegalArgumentException.class, () -> new JdbcRetention.Settings(30, 400, 365, 30));
    }

    private Alarm record(Alarm alarm) {
        Alarm stored = alarms.record(alarm.state() == AlarmState.NORMAL ? alarm : alarm, new AlarmEvent(0, 0, alarm.pointId(),
                alarm.kind(), alarm.priority(), AlarmEventType.ACTIVATED, alarm.state(), alarm.raisedAt(), AlarmEvent.SYSTEM,
                null, alarm.value(), true));
        return stored;
    }
}
