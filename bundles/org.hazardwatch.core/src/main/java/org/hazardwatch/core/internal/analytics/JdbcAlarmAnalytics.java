package org.hazardwatch.core.internal.analytics;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import javax.sql.DataSource;

import org.hazardwatch.api.analytics.AlarmAnalytics;
import org.hazardwatch.api.model.AlarmKind;
import org.hazardwatch.api.model.PointType;
import org.hazardwatch.api.registry.FieldError;
import org.hazardwatch.api.registry.Industry;
import org.hazardwatch.api.registry.ValidationException;
import org.hazardwatch.api.security.Caller;
import org.hazardwatch.api.security.Permission;
import org.hazardwatch.core.internal.db.Jdbc;
import org.hazardwatch.core.internal.registry.IndustryCatalog;

/**
 * Alarm analysis from two statistics tables: {@code alarm_stat_region} (month, hour of day, county, park, industry,
 * point type, category) and {@code alarm_stat_enterprise} (month, enterprise, point type, category). {@link #catchUp()}
 * counts the alarms added since the last run (the alarm id is the cursor) into both, under a database lock so that
 * two nodes on one database count each alarm once. An alarm id skipped because its transaction had not committed yet
 * is looked for again for ten minutes. Today and this hour are read from the alarm table itself.
 */
public class JdbcAlarmAnalytics implements AlarmAnalytics {

    static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    static final int BATCH = 20_000;
    static final int MAX_MONTHS = 120;
    static final Duration LATE_COMMIT = Duration.ofMinutes(10);

    private final DataSource dataSource;
    private final Clock clock;
    private final Map<String, String> industryNames = new HashMap<>();
    /** Alarm ids missing below the cursor (not committed yet, or rolled back) → when first missed. */
    private final Map<Long, Instant> missing = new ConcurrentHashMap<>();

    public JdbcAlarmAnalytics(DataSource dataSource, Clock clock) {
        this.dataSource = dataSource;
        this.clock = clock;
        for (Industry i : IndustryCatalog.load().all()) {
            industryNames.put(i.code(), i.name());
        }
    }

    // ------------------------------------------------------------------ keeping the statistics

    /** The keys an alarm is counted under. */
    record Counted(LocalDate day, int hour, String uscc, String region, String park, String industry, String pointType, String kind) {

        LocalDate month() {
            return day.withDayOfMonth(1);
        }

        String category() {
            return AlarmKind.valueOf(kind).category().name();
        }
    }

    /** Counts batch after batch, each in its own transaction, so a long first count shows progress and holds no lock long. */
    @Override
    public long catchUp() {
        long counted = 0;
        boolean first = true;
        while (true) {
            long[] batch = countBatch(first);
            first = false;
            counted += batch[0];
            if (batch[1] < BATCH) {
                return counted;
            }
        }
    }

    /** Counts one batch; answers {alarms counted, new alarms read}. */
    private long[] countBatch(boolean withMissing) {
        try (Connection c = dataSource.getConnection()) {
            return Jdbc.inTransaction(c, () -> {
                lock(c);
                long counted = withMissing && !missing.isEmpty() ? countMissing(c) : 0;
                long cursor = cursor(c);
                if (isPostgres(c)) {
                    long read = countInDatabase(c, cursor);
                    return new long[] { counted + read, read == 0 ? 0 : BATCH };
                }
                Map<Long, Counted> rows = read(c, "a.id > ? ORDER BY a.id LIMIT " + BATCH, new ArrayList<>(List.of(cursor)));
                if (rows.isEmpty()) {
                    return new long[] { counted, 0 };
                }
                long last = cursor;
                for (long id : rows.keySet()) {
                    // a few ids skipped may still commit; a large jump is the database reserving ids ahead
                    if (id - last - 1 <= 1000) {
                        for (long gap = last + 1; gap < id; gap++) {
                            missing.putIfAbsent(gap, clock.instant());
                        }
                    }
                    last = id;
                }
                add(c, rows.values());
                setCursor(c, last);
                return new long[] { counted + rows.size(), rows.size() };
            });
        } catch (SQLException e) {
            throw Jdbc.failure("counting alarms into the statistics", e);
        }
    }

    @Override
    public long rebuild() {
        try (Connection c = dataSource.getConnection()) {
            Jdbc.inTransaction(c, () -> {
                lock(c);
                for (String table : List.of("alarm_stat_region", "alarm_stat_hour", "alarm_stat_enterprise", "alarm_stat_day")) {
                    try (PreparedStatement s = c.prepareStatement("DELETE FROM " + table)) {
                        s.executeUpdate();
                    }
                }
                setCursor(c, 0);
                missing.clear();
                return null;
            });
        } catch (SQLException e) {
            throw Jdbc.failure("emptying the alarm statistics", e);
        }
        return catchUp();
    }

    private static boolean isPostgres(Connection c) throws SQLException {
        return c.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT).contains("postgres");
    }

    /** Ids per PostgreSQL batch: the counting is done by the database, grouped, in three statements. */
    static final long PG_BATCH_IDS = 250_000;

    /** The keys of the alarms with ids in (from, to], China time, as the Java path computes them. */
    private static final String PG_SOURCE = "CREATE TEMPORARY TABLE alarm_stat_batch ON COMMIT DROP AS SELECT "
            + "CAST(date_trunc('month', a.raised_at AT TIME ZONE 'Asia/Shanghai') AS DATE) AS month_start, "
            + "CAST(EXTRACT(HOUR FROM a.raised_at AT TIME ZONE 'Asia/Shanghai') AS SMALLINT) AS hour_of_day, "
            + "CAST(a.raised_at AT TIME ZONE 'Asia/Shanghai' AS DATE) AS day_start, a.kind, "
            + "COALESCE(TRIM(p.enterprise_code), '') AS uscc, COALESCE(TRIM(e.region_code), '') AS region, COALESCE(TRIM(e.park_code), '') AS park, "
            + "COALESCE(TRIM(e.industry_code), '') AS industry, COALESCE(p.point_type, 'OTHER') AS point_type, "
            + "CASE WHEN a.kind = 'FAULT' THEN 'INSTRUMENT' ELSE 'PROCESS' END AS category "
            + "FROM alarm a LEFT JOIN monitoring_point p ON p.id = a.point_id LEFT JOIN enterprise e ON e.uscc = p.enterprise_code "
            + "WHERE a.id > ? AND a.id <= ?";
    /** Province, city and county rows for a county; level 0 for an enterprise not registered (as {@link #levels}). */
    private static final String PG_LEVELS = "FROM alarm_stat_batch b JOIN (VALUES (0), (2), (4), (6)) AS l(lvl) "
            + "ON (l.lvl = 0) = (length(b.region) <> 6) ";

    /**
     * PostgreSQL counts the next ids itself (INSERT ... SELECT ... GROUP BY ... ON CONFLICT), some hundred times faster
     * than row by row; the ids near the newest are checked for gaps (transactions not committed yet).
     */
    private long countInDatabase(Connection c, long cursor) throws SQLException {
        long max;
        try (PreparedStatement s = c.prepareStatement("SELECT COALESCE(MAX(id), 0) FROM alarm"); ResultSet rs = s.executeQuery()) {
            rs.next();
            max = rs.getLong(1);
        }
        if (max <= cursor) {
            return 0;
        }
        long upper = Math.min(max, cursor + PG_BATCH_IDS);
        long rows;
        try (PreparedStatement s = c.prepareStatement(PG_SOURCE)) {
            s.setLong(1, cursor);
            s.setLong(2, upper);
            s.executeUpdate();
        }
        try (PreparedStatement s = c.prepareStatement("SELECT COUNT(*) FROM alarm_stat_batch"); ResultSet rs = s.executeQuery()) {
            rs.next();
            rows = rs.getLong(1);
        }
        try (Statement s = c.createStatement()) {
            s.executeUpdate("INSERT INTO alarm_stat_region (lvl, region_code, park_code, month_start, industry_code, point_type, category, alarms) "
                    + "SELECT l.lvl, CASE WHEN l.lvl = 0 THEN '' ELSE substr(b.region, 1, l.lvl) END, CASE WHEN l.lvl = 6 THEN b.park ELSE '' END, "
                    + "b.month_start, b.industry, b.point_type, b.category, COUNT(*) " + PG_LEVELS + "GROUP BY 1, 2, 3, 4, 5, 6, 7 "
                    + "ON CONFLICT (lvl, region_code, park_code, month_start, industry_code, point_type, category) "
                    + "DO UPDATE SET alarms = alarm_stat_region.alarms + EXCLUDED.alarms");
            s.executeUpdate("INSERT INTO alarm_stat_hour (lvl, region_code, park_code, month_start, hour_of_day, point_type, category, alarms) "
                    + "SELECT l.lvl, CASE WHEN l.lvl = 0 THEN '' ELSE substr(b.region, 1, l.lvl) END, CASE WHEN l.lvl = 6 THEN b.park ELSE '' END, "
                    + "b.month_start, b.hour_of_day, b.point_type, b.category, COUNT(*) " + PG_LEVELS + "GROUP BY 1, 2, 3, 4, 5, 6, 7 "
                    + "ON CONFLICT (lvl, region_code, park_code, month_start, hour_of_day, point_type, category) "
                    + "DO UPDATE SET alarms = alarm_stat_hour.alarms + EXCLUDED.alarms");
            s.executeUpdate("INSERT INTO alarm_stat_enterprise (month_start, uscc, point_type, category, region_code, park_code, industry_code, alarms) "
                    + "SELECT b.month_start, b.uscc, b.point_type, b.category, MIN(b.region), MIN(b.park), MIN(b.industry), COUNT(*) "
                    + "FROM alarm_stat_batch b GROUP BY 1, 2, 3, 4 ON CONFLICT (month_start, uscc, point_type, category) "
                    + "DO UPDATE SET alarms = alarm_stat_enterprise.alarms + EXCLUDED.alarms");
            s.executeUpdate("INSERT INTO alarm_stat_day (day_start, uscc, point_type, kind, region_code, park_code, industry_code, alarms) "
                    + "SELECT b.day_start, b.uscc, b.point_type, b.kind, MIN(b.region), MIN(b.park), MIN(b.industry), COUNT(*) "
                    + "FROM alarm_stat_batch b GROUP BY 1, 2, 3, 4 ON CONFLICT (day_start, uscc, point_type, kind) "
                    + "DO UPDATE SET alarms = alarm_stat_day.alarms + EXCLUDED.alarms");
            s.executeUpdate("DROP TABLE alarm_stat_batch");
        }
        if (rows < upper - cursor) {
            // ids without a row: rolled back, reserved, or not committed yet; only those near the newest may still come
            long from = Math.max(cursor, upper - 1000);
            java.util.Set<Long> present = new java.util.HashSet<>();
            try (PreparedStatement s = c.prepareStatement("SELECT id FROM alarm WHERE id > ? AND id <= ?")) {
                s.setLong(1, from);
                s.setLong(2, upper);
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        present.add(rs.getLong(1));
                    }
                }
            }
            for (long id = from + 1; id <= upper; id++) {
                if (!present.contains(id)) {
                    missing.putIfAbsent(id, clock.instant());
                }
            }
        }
        setCursor(c, upper);
        return rows;
    }

    private static void lock(Connection c) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT name FROM app_lock WHERE name = 'alarm-statistics' FOR UPDATE")) {
            s.executeQuery().close();
        }
    }

    private static long cursor(Connection c) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT last_alarm_id FROM alarm_stat_cursor WHERE name = 'alarms'");
                ResultSet rs = s.executeQuery()) {
            return rs.next() ? rs.getLong(1) : 0;
        }
    }

    private void setCursor(Connection c, long id) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("UPDATE alarm_stat_cursor SET last_alarm_id = ?, updated_at = ? WHERE name = 'alarms'")) {
            s.setLong(1, id);
            Jdbc.setInstant(s, 2, clock.instant());
            s.executeUpdate();
        }
    }

    private long countMissing(Connection c) throws SQLException {
        Instant giveUp = clock.instant().minus(LATE_COMMIT);
        missing.values().removeIf(first -> first.isBefore(giveUp));
        List<Long> ids = new ArrayList<>(missing.keySet());
        long counted = 0;
        for (int from = 0; from < ids.size(); from += 500) {
            List<Long> some = ids.subList(from, Math.min(ids.size(), from + 500));
            String marks = String.join(", ", java.util.Collections.nCopies(some.size(), "?"));
            Map<Long, Counted> rows = read(c, "a.id IN (" + marks + ")", new ArrayList<>(some));
            add(c, rows.values());
            rows.keySet().forEach(missing::remove);
            counted += rows.size();
        }
        return counted;
    }

    private static Map<Long, Counted> read(Connection c, String where, List<Object> args) throws SQLException {
        Map<Long, Counted> rows = new LinkedHashMap<>();
        try (PreparedStatement s = c.prepareStatement("SELECT a.id, a.kind, a.raised_at, p.point_type, p.enterprise_code, e.region_code, e.park_code, "
                + "e.industry_code FROM alarm a LEFT JOIN monitoring_point p ON p.id = a.point_id LEFT JOIN enterprise e ON e.uscc = p.enterprise_code "
                + "WHERE " + where)) {
            Jdbc.bind(s, args);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    ZonedDateTime at = Jdbc.getInstant(rs, "raised_at").atZone(CHINA);
                    AlarmKind kind = AlarmKind.valueOf(rs.getString("kind"));
                    String type = rs.getString("point_type");
                    rows.put(rs.getLong("id"), new Counted(at.toLocalDate(), at.getHour(), blank(rs.getString("enterprise_code")),
                            blank(rs.getString("region_code")), blank(rs.getString("park_code")), blank(rs.getString("industry_code")),
                            type == null ? PointType.OTHER.name() : type, kind.name()));
                }
            }
        }
        return rows;
    }

    private static String blank(String value) {
        return value == null ? "" : value.strip();
    }

    /** Adds the alarms to the four tables: an update of the row, or its insert when there is none yet. */
    private static void add(Connection c, java.util.Collection<Counted> alarms) throws SQLException {
        Map<List<Object>, Long> byRegion = new HashMap<>();
        Map<List<Object>, Long> byHour = new HashMap<>();
        Map<List<Object>, Long> byEnterprise = new HashMap<>();
        Map<List<Object>, Long> byDay = new HashMap<>();
        for (Counted a : alarms) {
            byDay.merge(Arrays.asList(a.day(), a.uscc(), a.pointType(), a.kind(), a.region(), a.park(), a.industry()), 1L, Long::sum);
            for (int level : levels(a.region())) {
                String region = a.region().substring(0, Math.min(level, a.region().length()));
                String park = level == 6 ? a.park() : "";
                byRegion.merge(Arrays.asList(level, region, park, a.month(), a.industry(), a.pointType(), a.category()), 1L, Long::sum);
                byHour.merge(Arrays.asList(level, region, park, a.month(), a.hour(), a.pointType(), a.category()), 1L, Long::sum);
            }
            byEnterprise.merge(Arrays.asList(a.month(), a.uscc(), a.pointType(), a.category(), a.region(), a.park(), a.industry()), 1L, Long::sum);
        }
        upsert(c, byRegion, "UPDATE alarm_stat_region SET alarms = alarms + ? WHERE lvl = ? AND region_code = ? AND park_code = ? AND month_start = ? "
                + "AND industry_code = ? AND point_type = ? AND category = ?", "INSERT INTO alarm_stat_region (alarms, lvl, region_code, park_code, "
                + "month_start, industry_code, point_type, category) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", 7);
        upsert(c, byHour, "UPDATE alarm_stat_hour SET alarms = alarms + ? WHERE lvl = ? AND region_code = ? AND park_code = ? AND month_start = ? "
                + "AND hour_of_day = ? AND point_type = ? AND category = ?", "INSERT INTO alarm_stat_hour (alarms, lvl, region_code, park_code, "
                + "month_start, hour_of_day, point_type, category) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", 7);
        upsert(c, byEnterprise, "UPDATE alarm_stat_enterprise SET alarms = alarms + ? WHERE month_start = ? AND uscc = ? AND point_type = ? "
                + "AND category = ?", "INSERT INTO alarm_stat_enterprise (alarms, month_start, uscc, point_type, category, region_code, park_code, "
                + "industry_code) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", 4);
        upsert(c, byDay, "UPDATE alarm_stat_day SET alarms = alarms + ? WHERE day_start = ? AND uscc = ? AND point_type = ? AND kind = ?",
                "INSERT INTO alarm_stat_day (alarms, day_start, uscc, point_type, kind, region_code, park_code, industry_code) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?)", 4);
    }

    /** Province, city and county rows for an enterprise's county; level 0 for an alarm of an enterprise not registered. */
    static int[] levels(String region) {
        return region.length() == 6 ? new int[] { 2, 4, 6 } : new int[] { 0 };
    }

    private static void upsert(Connection c, Map<List<Object>, Long> counts, String update, String insert, int keyParts) throws SQLException {
        List<Map.Entry<List<Object>, Long>> entries = new ArrayList<>(counts.entrySet());
        int[] updated;
        try (PreparedStatement s = c.prepareStatement(update)) {
            for (Map.Entry<List<Object>, Long> e : entries) {
                List<Object> args = new ArrayList<>();
                args.add(e.getValue());
                args.addAll(e.getKey().subList(0, keyParts));
                Jdbc.bind(s, args);
                s.addBatch();
            }
            updated = s.executeBatch();
        }
        try (PreparedStatement s = c.prepareStatement(insert)) {
            boolean any = false;
            for (int i = 0; i < entries.size(); i++) {
                if (updated[i] == 0) {
                    List<Object> args = new ArrayList<>();
                    args.add(entries.get(i).getValue());
                    args.addAll(entries.get(i).getKey());
                    Jdbc.bind(s, args);
                    s.addBatch();
                    any = true;
                }
            }
            if (any) {
                s.executeBatch();
            }
        }
    }

    // ------------------------------------------------------------------ analysing

    private YearMonth thisMonth() {
        return YearMonth.from(clock.instant().atZone(CHINA));
    }

    private static String pointType(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return PointType.parse(text).name();
        } catch (IllegalArgumentException e) {
            throw new ValidationException(List.of(new FieldError("pointType", "INVALID", "one of " + Arrays.toString(PointType.values()))));
        }
    }

    static String season(int month) {
        return switch (month) {
            case 3, 4, 5 -> "SPRING";
            case 6, 7, 8 -> "SUMMER";
            case 9, 10, 11 -> "AUTUMN";
            default -> "WINTER";
        };
    }

    /** A period of whole months, checked. */
    private YearMonth[] period(YearMonth from, YearMonth to) {
        return months(thisMonth(), from, to);
    }

    /** A period of whole months up to {@code thisMonth}, checked; by default the last twelve. */
    static YearMonth[] months(YearMonth thisMonth, YearMonth from, YearMonth to) {
        YearMonth last = to == null ? thisMonth : to;
        YearMonth first = from == null ? last.minusMonths(11) : from;
        List<FieldError> errors = new ArrayList<>();
        if (last.isAfter(thisMonth)) {
            errors.add(new FieldError("to", "IN_FUTURE", "not after this month"));
        }
        if (first.isAfter(last)) {
            errors.add(new FieldError("from", "AFTER_TO", "the first month comes before the last"));
        } else if (ChronoUnit.MONTHS.between(first, last) + 1 > MAX_MONTHS) {
            errors.add(new FieldError("from", "TOO_LONG", "at most " + MAX_MONTHS + " months"));
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        return new YearMonth[] { first, last };
    }

    /** The rows of an area at the level of its parts: provinces for the country, cities for a province, counties below. */
    private static String level(AnalysisArea.Area area, List<Object> args) {
        switch (area.kind()) {
            case NATION -> {
                return "lvl IN (0, 2)";
            }
            case PROVINCE, CITY -> {
                args.add(area.code() + "%");
                return "lvl = " + (area.code().length() + 2) + " AND region_code LIKE ?";
            }
            case PARK -> {
                args.add(area.code());
                return "lvl = 6 AND park_code = ?";
            }
            default -> {
                args.add(area.code());
                return "lvl = 6 AND region_code = ?";
            }
        }
    }

    /** Months, industry and point type. */
    private static String period(YearMonth from, YearMonth to, String industry, String pointType, List<Object> args) {
        StringBuilder where = new StringBuilder(" AND month_start >= ? AND month_start <= ?");
        args.add(from.atDay(1));
        args.add(to.atDay(1));
        if (industry != null) {
            where.append(" AND industry_code LIKE ?");
            args.add(industry + "%");
        }
        if (pointType != null) {
            where.append(" AND point_type = ?");
            args.add(pointType);
        }
        return where.toString();
    }

    /** Runs a grouped query and hands each row to the consumer. */
    private static void grouped(Connection c, String sql, List<Object> args, RowConsumer consumer) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            Jdbc.bind(s, args);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    consumer.accept(rs);
                }
            }
        }
    }

    @FunctionalInterface
    private interface RowConsumer {
        void accept(ResultSet rs) throws SQLException;
    }

    private static Map<Integer, Long> zeroMonths() {
        Map<Integer, Long> m = new LinkedHashMap<>();
        for (int month = 1; month <= 12; month++) {
            m.put(month, 0L);
        }
        return m;
    }

    private static Map<String, Long> zeroSeasons() {
        Map<String, Long> m = new LinkedHashMap<>();
        SEASONS.forEach(s -> m.put(s, 0L));
        return m;
    }

    private static Map<String, Long> zeroTypes() {
        Map<String, Long> m = new LinkedHashMap<>();
        for (PointType t : PointType.values()) {
            m.put(t.name(), 0L);
        }
        return m;
    }

    /** Counts being gathered for one part. */
    private static final class PartTally {
        long process;
        long instrument;
        final Map<Integer, Long> months = zeroMonths();

        void add(String category, int monthOfYear, long alarms) {
            if ("INSTRUMENT".equals(category)) {
                instrument += alarms;
            } else {
                process += alarms;
            }
            months.merge(monthOfYear, alarms, Long::sum);
        }

        Part part(String code, String name) {
            return new Part(code, name, process + instrument, process, instrument, months);
        }
    }

    private static List<Part> parts(Map<String, PartTally> tallies, Map<String, String> names) {
        List<Part> parts = new ArrayList<>();
        tallies.forEach((code, t) -> parts.add(t.part(code, names.getOrDefault(code, code))));
        parts.sort(Comparator.comparingLong(Part::total).reversed().thenComparing(Part::code));
        return parts;
    }

    @Override
    public Analysis analyse(Caller caller, String region, YearMonth from, YearMonth to, String industryCode, String type) {
        YearMonth[] months = period(from, to);
        String industry = AnalysisArea.industry(industryCode);
        String pointType = pointType(type);
        try (Connection c = dataSource.getConnection()) {
            AnalysisArea.Area area = AnalysisArea.area(c, caller, region);
            Map<String, Long> byCategory = new LinkedHashMap<>(Map.of("PROCESS", 0L, "INSTRUMENT", 0L));
            Map<String, Long> byPointType = zeroTypes();
            Map<String, Long> byMonth = new LinkedHashMap<>();
            for (YearMonth m = months[0]; !m.isAfter(months[1]); m = m.plusMonths(1)) {
                byMonth.put(m.toString(), 0L);
            }
            Map<Integer, Long> byMonthOfYear = zeroMonths();
            Map<String, Long> bySeason = zeroSeasons();
            Map<Integer, Long> byHour = new LinkedHashMap<>();
            for (int h = 0; h < 24; h++) {
                byHour.put(h, 0L);
            }
            boolean hoursKept = true;
            Map<String, PartTally> children = new LinkedHashMap<>();
            Map<String, PartTally> industries = new LinkedHashMap<>();
            Map<String, String> enterpriseNames = new HashMap<>();
            if (area.kind() == AnalysisArea.AreaKind.ENTERPRISE) {
                // one enterprise: few alarms, read as they are (its hours are not in the enterprise table)
                for (Counted a : raw(c, area, months[0].atDay(1).atStartOfDay(CHINA).toInstant(),
                        months[1].plusMonths(1).atDay(1).atStartOfDay(CHINA).toInstant(), pointType, null)) {
                    if (industry != null && !a.industry().startsWith(industry)) {
                        continue;
                    }
                    byCategory.merge(a.category(), 1L, Long::sum);
                    byPointType.merge(a.pointType(), 1L, Long::sum);
                    byMonth.merge(YearMonth.from(a.month()).toString(), 1L, Long::sum);
                    byMonthOfYear.merge(a.month().getMonthValue(), 1L, Long::sum);
                    bySeason.merge(season(a.month().getMonthValue()), 1L, Long::sum);
                    byHour.merge(a.hour(), 1L, Long::sum);
                    industries.computeIfAbsent(a.industry(), k -> new PartTally()).add(a.category(), a.month().getMonthValue(), 1);
                }
            } else {
                List<Object> args = new ArrayList<>();
                String where = level(area, args) + period(months[0], months[1], industry, pointType, args);
                grouped(c, "SELECT month_start, category, point_type, SUM(alarms) FROM alarm_stat_region WHERE " + where
                        + " GROUP BY month_start, category, point_type", args, rs -> {
                            LocalDate month = rs.getObject(1, LocalDate.class);
                            long n = rs.getLong(4);
                            byCategory.merge(rs.getString(2), n, Long::sum);
                            byPointType.merge(rs.getString(3), n, Long::sum);
                            byMonth.merge(YearMonth.from(month).toString(), n, Long::sum);
                            byMonthOfYear.merge(month.getMonthValue(), n, Long::sum);
                            bySeason.merge(season(month.getMonthValue()), n, Long::sum);
                        });
                if (industry == null) {
                    List<Object> hourArgs = new ArrayList<>();
                    String hourWhere = level(area, hourArgs) + period(months[0], months[1], null, pointType, hourArgs);
                    grouped(c, "SELECT hour_of_day, SUM(alarms) FROM alarm_stat_hour WHERE " + hourWhere + " GROUP BY hour_of_day", hourArgs,
                            rs -> byHour.merge(rs.getInt(1), rs.getLong(2), Long::sum));
                } else {
                    // hours are not kept per industry
                    hoursKept = false;
                }
                grouped(c, "SELECT industry_code, month_start, category, SUM(alarms) FROM alarm_stat_region WHERE " + where
                        + " GROUP BY industry_code, month_start, category", args,
                        rs -> industries.computeIfAbsent(rs.getString(1), k -> new PartTally()).add(rs.getString(3),
                                rs.getObject(2, LocalDate.class).getMonthValue(), rs.getLong(4)));
                if ("ENTERPRISE".equals(area.childLevel())) {
                    List<Object> partArgs = new ArrayList<>();
                    partArgs.add(area.code());
                    String partWhere = (area.kind() == AnalysisArea.AreaKind.PARK ? "park_code = ?" : "region_code = ?")
                            + period(months[0], months[1], industry, pointType, partArgs);
                    grouped(c, "SELECT uscc, month_start, category, SUM(alarms) FROM alarm_stat_enterprise WHERE " + partWhere
                            + " GROUP BY uscc, month_start, category", partArgs,
                            rs -> children.computeIfAbsent(rs.getString(1), k -> new PartTally()).add(rs.getString(3),
                                    rs.getObject(2, LocalDate.class).getMonthValue(), rs.getLong(4)));
                    if (!children.isEmpty()) {
                        enterpriseNames.putAll(enterpriseNames(c, children.keySet()));
                    }
                } else {
                    grouped(c, "SELECT region_code, month_start, category, SUM(alarms) FROM alarm_stat_region WHERE " + where
                            + " AND lvl <> 0 GROUP BY region_code, month_start, category", args,
                            rs -> children.computeIfAbsent(rs.getString(1), k -> new PartTally()).add(rs.getString(3),
                                    rs.getObject(2, LocalDate.class).getMonthValue(), rs.getLong(4)));
                }
            }
            Map<String, String> childNames = "ENTERPRISE".equals(area.childLevel()) ? enterpriseNames
                    : AnalysisArea.childNames(c, area, new ArrayList<>(children.keySet()));
            Map<String, String> industryLabels = new HashMap<>(industryNames);
            industryLabels.put("", "未登记行业");
            long total = byCategory.values().stream().mapToLong(Long::longValue).sum();
            return new Analysis(area.code(), area.name(), area.kind() == AnalysisArea.AreaKind.ENTERPRISE ? null : area.childLevel(), months[0],
                    months[1], total, byCategory, byPointType, byMonth, byMonthOfYear, bySeason, hoursKept ? byHour : null, parts(children, childNames),
                    parts(industries, industryLabels), live(c, area, pointType, industry), upTo(c));
        } catch (SQLException e) {
            throw Jdbc.failure("analysing alarms", e);
        }
    }

    private static Map<String, String> enterpriseNames(Connection c, java.util.Set<String> codes) throws SQLException {
        Map<String, String> names = new HashMap<>();
        List<String> list = new ArrayList<>(codes);
        for (int from = 0; from < list.size(); from += 500) {
            List<String> some = list.subList(from, Math.min(list.size(), from + 500));
            grouped(c, "SELECT uscc, name FROM enterprise WHERE uscc IN (" + String.join(", ", java.util.Collections.nCopies(some.size(), "?")) + ")",
                    new ArrayList<>(some), rs -> names.put(rs.getString(1).strip(), rs.getString(2)));
        }
        return names;
    }

    /** When the statistics last counted. */
    private static Instant upTo(Connection c) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT updated_at FROM alarm_stat_cursor WHERE name = 'alarms'");
                ResultSet rs = s.executeQuery()) {
            return rs.next() ? Jdbc.getInstant(rs, "updated_at") : null;
        }
    }

    /** Alarms of the area raised in [from, to), with their keys, from the alarm table. */
    private static List<Counted> raw(Connection c, AnalysisArea.Area area, Instant from, Instant to, String pointType, String industry)
            throws SQLException {
        List<Object> args = new ArrayList<>();
        args.add(from);
        args.add(to);
        StringBuilder where = new StringBuilder("a.raised_at >= ? AND a.raised_at < ?");
        if (area.kind() == AnalysisArea.AreaKind.ENTERPRISE) {
            where.append(" AND p.enterprise_code = ?");
            args.add(area.code());
        } else if (area.kind() != AnalysisArea.AreaKind.NATION) {
            where.append(" AND ").append(area.condition(args).replace("region_code", "e.region_code").replace("park_code", "e.park_code"));
        }
        if (pointType != null) {
            where.append(" AND p.point_type = ?");
            args.add(pointType);
        }
        if (industry != null) {
            where.append(" AND e.industry_code LIKE ?");
            args.add(industry + "%");
        }
        return new ArrayList<>(read(c, where.toString(), args).values());
    }

    @Override
    public Live live(Caller caller, String region, String industryCode, String type) {
        String industry = AnalysisArea.industry(industryCode);
        String pointType = pointType(type);
        try (Connection c = dataSource.getConnection()) {
            return live(c, AnalysisArea.area(c, caller, region), pointType, industry);
        } catch (SQLException e) {
            throw Jdbc.failure("reading today's alarms", e);
        }
    }

    private Live live(Connection c, AnalysisArea.Area area, String pointType, String industry) throws SQLException {
        Instant now = clock.instant();
        ZonedDateTime local = now.atZone(CHINA);
        Instant startOfDay = local.toLocalDate().atStartOfDay(CHINA).toInstant();
        long today = 0;
        long hour = 0;
        long process = 0;
        long instrument = 0;
        Map<String, Long> byType = zeroTypes();
        for (Counted a : raw(c, area, startOfDay, now.plusSeconds(1), pointType, industry)) {
            today++;
            if (a.hour() == local.getHour()) {
                hour++;
            }
            if ("INSTRUMENT".equals(a.category())) {
                instrument++;
            } else {
                process++;
            }
            byType.merge(a.pointType(), 1L, Long::sum);
        }
        return new Live(now, today, hour, process, instrument, byType);
    }

    @Override
    public Optional<DeviceAnalysis> device(Caller caller, String pointId, YearMonth from, YearMonth to) {
        if (!caller.has(Permission.ANALYTICS_VIEW)) {
            throw new SecurityException("analytics need analytics:view");
        }
        YearMonth[] months = period(from, to);
        try (Connection c = dataSource.getConnection()) {
            String name;
            String type;
            String enterprise;
            try (PreparedStatement s = c.prepareStatement("SELECT p.name, p.point_type, p.enterprise_code, e.region_code, e.park_code FROM "
                    + "monitoring_point p LEFT JOIN enterprise e ON e.uscc = p.enterprise_code WHERE p.id = ?")) {
                s.setString(1, pointId);
                try (ResultSet rs = s.executeQuery()) {
                    if (!rs.next() || !(caller.scope().isAll() || caller.sees(rs.getString("region_code"), rs.getString("park_code"),
                            rs.getString("enterprise_code")))) {
                        return Optional.empty();
                    }
                    name = rs.getString("name");
                    type = rs.getString("point_type");
                    enterprise = rs.getString("enterprise_code");
                }
            }
            Map<String, Long> byKind = new LinkedHashMap<>();
            for (AlarmKind k : AlarmKind.values()) {
                byKind.put(k.name(), 0L);
            }
            Map<Integer, Long> byMonthOfYear = zeroMonths();
            Map<String, Long> bySeason = zeroSeasons();
            Map<Integer, Long> byHour = new LinkedHashMap<>();
            for (int h = 0; h < 24; h++) {
                byHour.put(h, 0L);
            }
            long[] total = { 0 };
            grouped(c, "SELECT kind, raised_at FROM alarm WHERE point_id = ? AND raised_at >= ? AND raised_at < ?",
                    new ArrayList<>(List.of(pointId, months[0].atDay(1).atStartOfDay(CHINA).toInstant(),
                            months[1].plusMonths(1).atDay(1).atStartOfDay(CHINA).toInstant())), rs -> {
                                ZonedDateTime at = Jdbc.getInstant(rs, "raised_at").atZone(CHINA);
                                total[0]++;
                                byKind.merge(rs.getString("kind"), 1L, Long::sum);
                                byMonthOfYear.merge(at.getMonthValue(), 1L, Long::sum);
                                bySeason.merge(season(at.getMonthValue()), 1L, Long::sum);
                                byHour.merge(at.getHour(), 1L, Long::sum);
                            });
            return Optional.of(new DeviceAnalysis(pointId, name, type, enterprise, months[0], months[1], total[0], byKind, byMonthOfYear, bySeason,
                    byHour));
        } catch (SQLException e) {
            throw Jdbc.failure("analysing the alarms of point " + pointId, e);
        }
    }
}
