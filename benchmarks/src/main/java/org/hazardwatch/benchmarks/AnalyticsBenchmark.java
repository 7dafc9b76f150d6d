package org.hazardwatch.benchmarks;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import java.util.function.Supplier;

import javax.sql.DataSource;

import org.apache.commons.dbcp2.BasicDataSource;
import org.hazardwatch.api.security.Caller;
import org.hazardwatch.api.security.DataScope;
import org.hazardwatch.api.security.OrgLevel;
import org.hazardwatch.api.security.Permission;
import org.hazardwatch.core.internal.analytics.JdbcAccidentRelations;
import org.hazardwatch.core.internal.analytics.JdbcAlarmAnalytics;
import org.hazardwatch.core.internal.analytics.JdbcHazardAnalytics;
import org.hazardwatch.core.internal.analytics.JdbcOneMap;
import org.hazardwatch.core.internal.db.DatabaseMigrator;

/**
 * The statistics endpoints over a national-scale database: enterprises spread over every county (more in the
 * chemical provinces), 12,000 major hazard sources with five years of history (re-gradings, cancellations), 2,000
 * accidents and 10 million alarms over two years. The alarms are generated inside PostgreSQL (generate_series); the
 * statistics tables are then filled by the same incremental counting the node runs, which is timed too. Each analysis
 * is asked repeatedly for several regions and timed (p50, p95).
 */
public final class AnalyticsBenchmark {

    private AnalyticsBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        long alarms = Long.parseLong(IngestThroughputBenchmark.option(args, "--alarms", "10000000"));
        int sources = Integer.parseInt(IngestThroughputBenchmark.option(args, "--sources", "12000"));
        int repeats = Integer.parseInt(IngestThroughputBenchmark.option(args, "--repeats", "30"));
        // --reuse hw_bench_…: time the analyses again on a database an earlier run loaded (kept for this)
        String reuse = IngestThroughputBenchmark.option(args, "--reuse", "");
        Path work = Files.createTempDirectory("hw-analytics");
        DataSource dataSource = reuse.isEmpty() ? IngestThroughputBenchmark.dataSource("postgresql", work)
                : IngestThroughputBenchmark.pooled("jdbc:postgresql://127.0.0.1:5432/" + reuse, "postgres");
        if (dataSource == null) {
            System.exit(1);
        }
        if (!reuse.isEmpty()) {
            timeAnalyses(dataSource, repeats, sources / 2, "reused database " + reuse);
            ((BasicDataSource) dataSource).close();
            System.exit(0);
        }
        DatabaseMigrator.migrate(dataSource);
        List<String> counties = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT code FROM region WHERE level = 'COUNTY' ORDER BY code")) {
            while (rs.next()) {
                counties.add(rs.getString(1));
            }
        }
        int enterprises = sources / 2;
        long start = System.nanoTime();
        loadRegistry(dataSource, counties, enterprises, sources);
        double registrySeconds = seconds(start);
        start = System.nanoTime();
        loadAlarms(dataSource, enterprises, alarms);
        double alarmSeconds = seconds(start);
        JdbcAlarmAnalytics alarmAnalytics = new JdbcAlarmAnalytics(dataSource, Clock.systemUTC());
        start = System.nanoTime();
        long counted = alarmAnalytics.catchUp();
        double countSeconds = seconds(start);
        long[] statRows = new long[2];
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            try (ResultSet rs = s.executeQuery("SELECT (SELECT COUNT(*) FROM alarm_stat_region), (SELECT COUNT(*) FROM alarm_stat_enterprise)")) {
                rs.next();
                statRows[0] = rs.getLong(1);
                statRows[1] = rs.getLong(2);
            }
            s.execute("ANALYZE");
        }
        // a further 10,000 alarms: what the node's five-second counting does in steady state
        loadAlarmsSince(dataSource, enterprises, 10_000);
        start = System.nanoTime();
        long increment = alarmAnalytics.catchUp();
        double incrementMillis = (System.nanoTime() - start) / 1e6;
        Runtime runtime = Runtime.getRuntime();
        System.out.printf(Locale.ROOT, "%nStatistics over a national-scale database on PostgreSQL (%d cores, Java %s)%n", runtime.availableProcessors(),
                System.getProperty("java.version"));
        System.out.printf(Locale.ROOT, "registry: %,d enterprises, %,d hazard sources with history, 2,000 accidents loaded in %.1f s%n", enterprises,
                sources, registrySeconds);
        System.out.printf(Locale.ROOT, "alarms: %,d generated in PostgreSQL in %.1f s; counted into the statistics in %.1f s (%,.0f alarms/s) -> "
                + "%,d region rows, %,d enterprise rows; then %,d new alarms counted in %.0f ms%n", alarms, alarmSeconds, countSeconds,
                counted / countSeconds, statRows[0], statRows[1], increment, incrementMillis);
        timeAnalyses(dataSource, repeats, enterprises, "the database is kept for --reuse");
        ((BasicDataSource) dataSource).close();
        IngestThroughputBenchmark.deleteRecursively(work);
        System.exit(0);
    }

    /** Asks every analysis {@code repeats} times and prints the table. */
    static void timeAnalyses(DataSource dataSource, int repeats, int enterprises, String note) throws Exception {
        JdbcAlarmAnalytics alarmAnalytics = new JdbcAlarmAnalytics(dataSource, Clock.systemUTC());
        JdbcHazardAnalytics hazardAnalytics = new JdbcHazardAnalytics(dataSource, Clock.systemUTC());
        List<String> counties = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT code FROM region WHERE level = 'COUNTY' ORDER BY code")) {
            while (rs.next()) {
                counties.add(rs.getString(1));
            }
        }
        Caller national = new Caller("bench", "bench", null, "bench", OrgLevel.NATIONAL, DataScope.all(), EnumSet.of(Permission.ANALYTICS_VIEW),
                Set.of());
        String county = counties.get(counties.indexOf("370281") >= 0 ? counties.indexOf("370281") : 0);
        String enterprise = uscc(counties.indexOf(county) % enterprises);
        YearMonth to = YearMonth.now();
        List<String> rows = new ArrayList<>();
        for (String region : Arrays.asList(null, "37", "3702", county)) {
            String label = region == null ? "nation" : region;
            rows.add(row("hazard sources, today", label, repeats, () -> hazardAnalytics.overview(national, region, null, null).total().total()));
            rows.add(row("hazard sources, 2023-12-31", label, repeats,
                    () -> hazardAnalytics.overview(national, region, LocalDate.of(2023, 12, 31), null).total().total()));
            rows.add(row("hazard source trend, 10 years", label, repeats / 3,
                    () -> hazardAnalytics.trend(national, region, LocalDate.now().getYear() - 9, LocalDate.now().getYear(), null).size()));
            rows.add(row("alarms, 12 months", label, repeats, () -> alarmAnalytics.analyse(national, region, null, null, null, null).total()));
            rows.add(row("alarms, 24 months, chemicals (26)", label, repeats,
                    () -> alarmAnalytics.analyse(national, region, to.minusMonths(23), to, "26", null).total()));
        }
        rows.add(row("alarms, 12 months", "one enterprise", repeats, () -> alarmAnalytics.analyse(national, enterprise, null, null, null, null).total()));
        JdbcAccidentRelations relations = new JdbcAccidentRelations(dataSource, Clock.systemUTC());
        JdbcOneMap map = new JdbcOneMap(dataSource, Clock.systemUTC(), List::of, List::of);
        for (String region : Arrays.asList(null, "37", "3702", county)) {
            String label = region == null ? "nation" : region;
            rows.add(row("alarm-accident relation, 12 months, 24 h (answer: rules)", label, Math.max(3, repeats / 3),
                    () -> relations.analyse(national, region, null, null, null, 24).patterns().rules().size()));
            rows.add(row("one map markers (answer: markers)", label, repeats, () -> map.markers(national, region, Set.of(), null, Set.of()).markers().size()));
        }
        rows.add(row("alarm-accident relation, 24 months, 720 h", "nation", 3,
                () -> relations.analyse(national, null, to.minusMonths(23), to, null, 720).accidents()));
        rows.add(row("one map, grade 1 and state ALARM", "nation", repeats,
                () -> map.markers(national, null, Set.of(1), null, Set.of(org.hazardwatch.api.analytics.OneMap.MarkerState.ALARM)).markers().size()));
        rows.add(row("enterprise card (answer: alarms today)", "one enterprise", repeats, () -> map.card(national, enterprise).orElseThrow().alarmsToday()));
        rows.add(row("wall screen (answer: alarms today)", "nation", repeats, () -> map.summary(national).alarmsToday().process()));
        rows.add(row("one instrument, 24 months", "P7", repeats, () -> alarmAnalytics.device(national, "P7", to.minusMonths(23), to).orElseThrow().total()));
        Runtime runtime = Runtime.getRuntime();
        System.gc();
        long heap = (runtime.totalMemory() - runtime.freeMemory()) / (1024 * 1024);
        System.out.printf(Locale.ROOT, "heap used by the analyses %d MB; %s%n", heap, note);
        System.out.println("| analysis | region | answer | p50 (ms) | p95 (ms) |");
        System.out.println("|---|---|---|---|---|");
        rows.forEach(System.out::println);
    }

    static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    static String row(String what, String region, int repeats, Supplier<Object> call) {
        for (int i = 0; i < 3; i++) {
            call.get();
        }
        double[] millis = new double[repeats];
        Object answer = null;
        for (int i = 0; i < repeats; i++) {
            long t = System.nanoTime();
            answer = call.get();
            millis[i] = (System.nanoTime() - t) / 1e6;
        }
        Arrays.sort(millis);
        return String.format(Locale.ROOT, "| %s | %s | %,d | %.1f | %.1f |", what, region, ((Number) answer).longValue(),
                millis[repeats / 2], millis[Math.min(repeats - 1, (int) Math.ceil(repeats * 0.95) - 1)]);
    }

    static String uscc(int i) {
        return String.format("91BENCH%011d", i);
    }

    /**
     * Enterprises over the counties (every county some, the chemical provinces Shandong, Jiangsu, Zhejiang more), two
     * sources each with a history: created in the first year, some re-graded, some cancelled later; accidents.
     */
    static void loadRegistry(DataSource dataSource, List<String> counties, int enterprises, int sources) throws Exception {
        Random random = new Random(18218);
        List<String> weighted = new ArrayList<>(counties);
        for (String c : counties) {
            if (c.startsWith("37") || c.startsWith("32") || c.startsWith("33")) {
                weighted.add(c);
                weighted.add(c);
            }
        }
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        String[] industries = { "2614", "2619", "2511", "2651", "2662", "2710" };
        String[] types = { "FIRE,EXPLOSION", "POISONING", "EXPLOSION,POISONING", "FIRE", "FIRE,EXPLOSION,POISONING" };
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            String[] countyOf = new String[enterprises];
            try (PreparedStatement s = c.prepareStatement("INSERT INTO enterprise (uscc, name, region_code, industry_code, industry_group, status, "
                    + "created_at, updated_at, longitude, latitude) VALUES (?, ?, ?, ?, 'FINE_CHEMICALS', 'OPERATING', ?, ?, ?, ?)")) {
                for (int e = 0; e < enterprises; e++) {
                    countyOf[e] = e < counties.size() ? counties.get(e) : weighted.get(random.nextInt(weighted.size()));
                    s.setString(1, uscc(e));
                    s.setString(2, "企业" + e);
                    s.setString(3, countyOf[e]);
                    s.setString(4, industries[e % industries.length]);
                    s.setObject(5, now);
                    s.setObject(6, now);
                    // inside mainland China's extent, a few without coordinates
                    s.setObject(7, e % 50 == 49 ? null : 98 + random.nextDouble() * 24, java.sql.Types.DOUBLE);
                    s.setObject(8, e % 50 == 49 ? null : 22 + random.nextDouble() * 20, java.sql.Types.DOUBLE);
                    s.addBatch();
                }
                s.executeBatch();
            }
            // the registry as it stands (the map reads it), one row per source
            try (PreparedStatement s = c.prepareStatement("INSERT INTO hazard_source (enterprise_id, code, name, status, exposed_people, "
                    + "derived_accident_types, major, grade, created_at, updated_at) SELECT e.id, ?, ?, 'ACTIVE', 0, 'FIRE', TRUE, ?, ?, ? "
                    + "FROM enterprise e WHERE e.uscc = ?")) {
                for (int h = 0; h < sources; h++) {
                    s.setString(1, "HS-" + h);
                    s.setString(2, "危险源" + h);
                    s.setInt(3, 1 + h % 4);
                    s.setObject(4, now);
                    s.setObject(5, now);
                    s.setString(6, uscc(h % enterprises));
                    s.addBatch();
                }
                s.executeBatch();
            }
            try (PreparedStatement s = c.prepareStatement("INSERT INTO hazard_source_history (uscc, code, valid_from, standing, status, grade, "
                    + "accident_types, potential_deaths, region_code, industry_code, enterprise_name, source_name) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, "
                    + "?, ?)")) {
                for (int h = 0; h < sources; h++) {
                    int e = h % enterprises;
                    OffsetDateTime created = now.minusDays(365L * 5 + random.nextInt(365));
                    int grade = 1 + random.nextInt(4);
                    Integer deaths = random.nextInt(10) == 0 ? null : random.nextInt(150);
                    String typesOf = types[random.nextInt(types.length)];
                    history(s, e, h, created, true, "ACTIVE", grade, typesOf, deaths, countyOf[e], industries[e % industries.length]);
                    if (random.nextInt(4) == 0) {
                        history(s, e, h, created.plusDays(200 + random.nextInt(900)), true, "ACTIVE", 1 + random.nextInt(4), typesOf, deaths,
                                countyOf[e], industries[e % industries.length]);
                    }
                    if (random.nextInt(12) == 0) {
                        history(s, e, h, created.plusDays(1200 + random.nextInt(500)), false, "DEREGISTERED", grade, typesOf, deaths, countyOf[e],
                                industries[e % industries.length]);
                    }
                }
                s.executeBatch();
            }
            try (PreparedStatement s = c.prepareStatement("INSERT INTO accident (id, occurred_at, uscc, enterprise_name, region_code, industry_code, "
                    + "kind, deaths, injuries, description, recorded_by, recorded_at, updated_by, updated_at, revision, dedup_key) VALUES (?, ?, ?, ?, ?, "
                    + "?, ?, ?, ?, 'bench', 'bench', ?, 'bench', ?, 1, ?)")) {
                String[] kinds = { "FIRE", "EXPLOSION", "POISONING", "LEAK", "OTHER" };
                for (int a = 0; a < 2000; a++) {
                    int e = random.nextInt(enterprises);
                    s.setString(1, "bench-" + a);
                    s.setObject(2, now.minusMinutes(random.nextInt(60 * 24 * 365 * 10)));
                    s.setString(3, uscc(e));
                    s.setString(4, "企业" + e);
                    s.setString(5, countyOf[e]);
                    s.setString(6, industries[e % industries.length]);
                    s.setString(7, kinds[random.nextInt(kinds.length)]);
                    s.setInt(8, random.nextInt(20) == 0 ? 10 + random.nextInt(40) : random.nextInt(4));
                    s.setInt(9, random.nextInt(10));
                    s.setObject(10, now);
                    s.setObject(11, now);
                    s.setString(12, "bench-" + a);
                    s.addBatch();
                }
                s.executeBatch();
            }
            try (PreparedStatement s = c.prepareStatement("INSERT INTO monitoring_point (id, name, point_type, unit, range_low, range_high, area, "
                    + "enterprise_code, updated_at) VALUES (?, ?, ?, 'u', 0, 100, 'A', ?, ?)")) {
                String[] pointTypes = { "LEVEL", "TEMPERATURE", "PRESSURE", "COMBUSTIBLE_GAS", "TOXIC_GAS", "FLOW" };
                for (int p = 0; p < enterprises * 10; p++) {
                    s.setString(1, "P" + p);
                    s.setString(2, "point " + p);
                    s.setString(3, pointTypes[p % pointTypes.length]);
                    s.setString(4, uscc(p % enterprises));
                    s.setObject(5, now);
                    s.addBatch();
                    if (p % 5000 == 4999) {
                        s.executeBatch();
                    }
                }
                s.executeBatch();
            }
            c.commit();
        }
    }

    private static void history(PreparedStatement s, int e, int h, OffsetDateTime from, boolean standing, String status, int grade, String types,
            Integer deaths, String county, String industry) throws Exception {
        s.setString(1, uscc(e));
        s.setString(2, "HS-" + h);
        s.setObject(3, from);
        s.setBoolean(4, standing);
        s.setString(5, status);
        s.setInt(6, grade);
        s.setString(7, types);
        s.setObject(8, deaths, java.sql.Types.INTEGER);
        s.setString(9, county);
        s.setString(10, industry);
        s.setString(11, "企业" + e);
        s.setString(12, "危险源" + h);
        s.addBatch();
    }

    /**
     * Alarms over the last two years, generated by PostgreSQL: a few chattering instruments (bad actors) take a large
     * share, more at night and in summer, one in eight an instrument fault.
     */
    static void loadAlarms(DataSource dataSource, int enterprises, long count) throws Exception {
        int points = enterprises * 10;
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute("INSERT INTO alarm (point_id, kind, state, priority, trigger_value, limit_value, raised_at) SELECT 'P' || "
                    + "(CASE WHEN g % 5 = 0 THEN g % 500 ELSE (g::bigint * 7919) % " + points + " END), (ARRAY['HIGH','HIGH_HIGH','LOW','LOW_LOW',"
                    + "'RATE_OF_CHANGE','HIGH','HIGH','FAULT'])[1 + g % 8], CASE WHEN g % 20000 = 0 THEN 'UNACKED_ACTIVE' ELSE 'NORMAL' END, "
                    + "'HIGH', 1, 1, now() - (random() * INTERVAL '730 days') "
                    + "FROM generate_series(1, " + count + ") g");
        }
    }

    static void loadAlarmsSince(DataSource dataSource, int enterprises, int count) throws Exception {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute("INSERT INTO alarm (point_id, kind, state, priority, trigger_value, limit_value, raised_at) SELECT 'P' || (g % "
                    + enterprises * 10 + "), 'HIGH', 'NORMAL', 'HIGH', 1, 1, now() - (random() * INTERVAL '1 hour') FROM generate_series(1, " + count
                    + ") g");
        }
    }
}
