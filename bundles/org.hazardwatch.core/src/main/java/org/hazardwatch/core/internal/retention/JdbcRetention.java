package org.hazardwatch.core.internal.retention;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import javax.sql.DataSource;

import org.hazardwatch.api.retention.RetentionStatus;
import org.hazardwatch.api.retention.TrendBucket;
import org.hazardwatch.core.internal.db.Jdbc;

/**
 * Retention (requirement D3): minute and hour aggregates of the samples for long-range trends, then deletion of what
 * is older than its retention. Raw samples are deleted only once their minutes are aggregated, minute aggregates only
 * once their hours are; alarms only when over (NORMAL) and without a disposal record. Samples that arrive late (a
 * backlog after an outage) are found by their arrival time and their minutes aggregated again.
 */
public class JdbcRetention {

    /** Retention periods in days, and how late a sample may arrive before aggregation looks for it on its own. */
    public record Settings(int rawSampleDays, int minuteDays, int hourDays, int alarmDays) {

        /** The electronic records rule: at least 30 days of samples and alarms. */
        public static final int MINIMUM_DAYS = 30;

        public Settings {
            if (rawSampleDays < MINIMUM_DAYS || alarmDays < MINIMUM_DAYS) {
                throw new IllegalArgumentException("samples and alarms are kept at least " + MINIMUM_DAYS + " days");
            }
            if (minuteDays < rawSampleDays || hourDays < minuteDays) {
                throw new IllegalArgumentException("aggregates must outlive what they aggregate: raw.sample.days <= "
                        + "minute.days <= hour.days");
            }
        }
    }

    /** What one run did. */
    public record Result(Instant minuteWatermark, Instant hourWatermark, long minuteBuckets, long hourBuckets,
            long samplesDeleted, long minutesDeleted, long hoursDeleted, long alarmsDeleted) {
    }

    static final String MINUTE = "minute";
    static final String HOUR = "hour";
    static final String LAST_RUN = "last-run";
    /** Deletions and aggregation go a day at a time, so no transaction grows without bound. */
    static final Duration CHUNK = Duration.ofDays(1);

    private final DataSource dataSource;

    public JdbcRetention(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public Result run(Settings settings, Instant now) {
        try (Connection c = dataSource.getConnection()) {
            Instant lastRun = watermark(c, LAST_RUN).orElse(null);
            Instant minuteEnd = now.minus(Duration.ofMinutes(1)).truncatedTo(ChronoUnit.MINUTES);
            Instant minuteFrom = watermark(c, MINUTE).orElse(null);
            if (minuteFrom == null) {
                minuteFrom = oldest(c, "SELECT MIN(sample_time) FROM sample").map(t -> t.truncatedTo(ChronoUnit.MINUTES))
                        .orElse(minuteEnd);
            }
            if (lastRun != null) {
                // late arrivals since the last run reopen their minutes
                Optional<Instant> late = oldest(c, "SELECT MIN(sample_time) FROM sample WHERE received_at >= ?", lastRun);
                if (late.isPresent() && late.get().isBefore(minuteFrom)) {
                    minuteFrom = late.get().truncatedTo(ChronoUnit.MINUTES);
                }
            }
            long minuteBuckets = 0;
            for (Instant from = minuteFrom; from.isBefore(minuteEnd); from = from.plus(CHUNK)) {
                Instant to = min(from.plus(CHUNK), minuteEnd);
                minuteBuckets += aggregate(c, "sample_minute", "DELETE FROM sample_minute WHERE bucket_start >= ? AND bucket_start < ?",
                        "INSERT INTO sample_minute (point_id, bucket_start, avg_value, min_value, max_value, sample_count, good_count) "
                                + "SELECT point_id, DATE_TRUNC('MINUTE', sample_time), "
                                + "AVG(CASE WHEN quality = 'GOOD' THEN sample_value END), "
                                + "MIN(CASE WHEN quality = 'GOOD' THEN sample_value END), "
                                + "MAX(CASE WHEN quality = 'GOOD' THEN sample_value END), COUNT(*), "
                                + "SUM(CASE WHEN quality = 'GOOD' THEN 1 ELSE 0 END) "
                                + "FROM sample WHERE sample_time >= ? AND sample_time < ? "
                                + "GROUP BY point_id, DATE_TRUNC('MINUTE', sample_time)", from, to);
            }
            Instant minuteWatermark = max(minuteEnd, watermark(c, MINUTE).orElse(minuteEnd));
            setWatermark(c, MINUTE, minuteWatermark);

            Instant hourEnd = minuteWatermark.truncatedTo(ChronoUnit.HOURS);
            Instant hourFrom = min(watermark(c, HOUR).orElse(minuteFrom.truncatedTo(ChronoUnit.HOURS)),
                    minuteFrom.truncatedTo(ChronoUnit.HOURS));
            long hourBuckets = 0;
            for (Instant from = hourFrom; from.isBefore(hourEnd); from = from.plus(CHUNK)) {
                Instant to = min(from.plus(CHUNK), hourEnd);
                hourBuckets += aggregate(c, "sample_hour", "DELETE FROM sample_hour WHERE bucket_start >= ? AND bucket_start < ?",
                        "INSERT INTO sample_hour (point_id, bucket_start, avg_value, min_value, max_value, sample_count, good_count) "
                                + "SELECT point_id, DATE_TRUNC('HOUR', bucket_start), "
                                + "SUM(avg_value * good_count) / NULLIF(SUM(CASE WHEN avg_value IS NULL THEN 0 ELSE good_count END), 0), "
                                + "MIN(min_value), MAX(max_value), SUM(sample_count), SUM(good_count) "
                                + "FROM sample_minute WHERE bucket_start >= ? AND bucket_start < ? "
                                + "GROUP BY point_id, DATE_TRUNC('HOUR', bucket_start)", from, to);
            }
            Instant hourWatermark = max(hourEnd, watermark(c, HOUR).orElse(hourEnd));
            setWatermark(c, HOUR, hourWatermark);
            setWatermark(c, LAST_RUN, now);

            long samples = deleteBefore(c, "sample", "sample_time",
                    min(now.minus(Duration.ofDays(settings.rawSampleDays())), minuteWatermark));
            long minutes = deleteBefore(c, "sample_minute", "bucket_start",
                    min(now.minus(Duration.ofDays(settings.minuteDays())), hourWatermark));
            long hours = deleteBefore(c, "sample_hour", "bucket_start", now.minus(Duration.ofDays(settings.hourDays())));
            long alarms;
            try (PreparedStatement s = c.prepareStatement("DELETE FROM alarm WHERE state = 'NORMAL' AND closed_at < ? "
                    + "AND NOT EXISTS (SELECT 1 FROM alarm_disposal d WHERE d.alarm_id = alarm.id)")) {
                Jdbc.setInstant(s, 1, now.minus(Duration.ofDays(settings.alarmDays())));
                alarms = s.executeUpdate();
            }
            return new Result(minuteWatermark, hourWatermark, minuteBuckets, hourBuckets, samples, minutes, hours, alarms);
        } catch (SQLException e) {
            throw Jdbc.failure("retention run", e);
        }
    }

    /** Minute or hour buckets of one point in {@code [from, to)}. */
    public List<TrendBucket> buckets(String pointId, boolean hourly, Instant from, Instant to, int limit) {
        String table = hourly ? "sample_hour" : "sample_minute";
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement("SELECT bucket_start, "
                + "avg_value, min_value, max_value, sample_count, good_count FROM " + table + " WHERE point_id = ? "
                + "AND bucket_start >= ? AND bucket_start < ? ORDER BY bucket_start LIMIT ?")) {
            s.setString(1, pointId);
            Jdbc.setInstant(s, 2, from);
            Jdbc.setInstant(s, 3, to);
            s.setInt(4, limit);
            List<TrendBucket> buckets = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    buckets.add(new TrendBucket(Jdbc.getInstant(rs, "bucket_start"), Jdbc.getNullableDouble(rs, "avg_value"),
                            Jdbc.getNullableDouble(rs, "min_value"), Jdbc.getNullableDouble(rs, "max_value"),
                            rs.getInt("sample_count"), rs.getInt("good_count")));
                }
            }
            return buckets;
        } catch (SQLException e) {
            throw Jdbc.failure("reading the " + table + " aggregates of " + pointId, e);
        }
    }

    /** Row counts and oldest entries of the retained tables, and the watermarks (minute, hour, last run). */
    public Status status() {
        List<RetentionStatus.Table> rows = new ArrayList<>();
        try (Connection c = dataSource.getConnection()) {
            for (String[] table : new String[][] { { "sample", "sample_time" }, { "sample_minute", "bucket_start" },
                    { "sample_hour", "bucket_start" }, { "alarm", "raised_at" } }) {
                try (PreparedStatement s = c.prepareStatement("SELECT COUNT(*), MIN(" + table[1] + ") FROM " + table[0]);
                        ResultSet rs = s.executeQuery()) {
                    rs.next();
                    java.time.OffsetDateTime oldest = rs.getObject(2, java.time.OffsetDateTime.class);
                    rows.add(new RetentionStatus.Table(table[0], rs.getLong(1), oldest == null ? null : oldest.toInstant()));
                }
            }
            return new Status(rows, watermark(c, MINUTE).orElse(null), watermark(c, HOUR).orElse(null),
                    watermark(c, LAST_RUN).orElse(null));
        } catch (SQLException e) {
            throw Jdbc.failure("reading retention status", e);
        }
    }

    /** The state of the retained tables. */
    public record Status(List<RetentionStatus.Table> tables, Instant minuteWatermark, Instant hourWatermark, Instant lastRun) {
    }

    private static long aggregate(Connection c, String table, String delete, String insert, Instant from, Instant to)
            throws SQLException {
        try {
            return Jdbc.inTransaction(c, () -> {
                try (PreparedStatement s = c.prepareStatement(delete)) {
                    Jdbc.setInstant(s, 1, from);
                    Jdbc.setInstant(s, 2, to);
                    s.executeUpdate();
                }
                try (PreparedStatement s = c.prepareStatement(insert)) {
                    Jdbc.setInstant(s, 1, from);
                    Jdbc.setInstant(s, 2, to);
                    return (long) s.executeUpdate();
                }
            });
        } catch (SQLException e) {
            throw new SQLException("aggregating " + table + " for " + from + " .. " + to + ": " + e.getMessage(), e);
        }
    }

    private static long deleteBefore(Connection c, String table, String column, Instant cutoff) throws SQLException {
        Optional<Instant> oldest = oldest(c, "SELECT MIN(" + column + ") FROM " + table);
        long deleted = 0;
        for (Instant from = oldest.orElse(cutoff); from.isBefore(cutoff); from = from.plus(CHUNK)) {
            try (PreparedStatement s = c.prepareStatement("DELETE FROM " + table + " WHERE " + column + " < ?")) {
                Jdbc.setInstant(s, 1, min(from.plus(CHUNK), cutoff));
                deleted += s.executeUpdate();
            }
        }
        return deleted;
    }

    private static Optional<Instant> oldest(Connection c, String sql, Instant... args) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                Jdbc.setInstant(s, i + 1, args[i]);
            }
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                java.time.OffsetDateTime value = rs.getObject(1, java.time.OffsetDateTime.class);
                return Optional.ofNullable(value).map(java.time.OffsetDateTime::toInstant);
            }
        }
    }

    private static Optional<Instant> watermark(Connection c, String name) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT watermark FROM retention_state WHERE name = ?")) {
            s.setString(1, name);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? Optional.of(Jdbc.getInstant(rs, "watermark")) : Optional.empty();
            }
        }
    }

    private static void setWatermark(Connection c, String name, Instant value) throws SQLException {
        try (PreparedStatement update = c.prepareStatement("UPDATE retention_state SET watermark = ? WHERE name = ?")) {
            Jdbc.setInstant(update, 1, value);
            update.setString(2, name);
            if (update.executeUpdate() == 0) {
                try (PreparedStatement insert = c.prepareStatement("INSERT INTO retention_state (name, watermark) VALUES (?, ?)")) {
                    insert.setString(1, name);
                    Jdbc.setInstant(insert, 2, value);
                    insert.executeUpdate();
                }
            }
        }
    }

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }

    private static Instant max(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }
}
