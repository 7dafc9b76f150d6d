package org.hazardwatch.core.internal.analytics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.Predicate;

import javax.sql.DataSource;

import org.hazardwatch.api.analytics.AlarmAnalytics;
import org.hazardwatch.api.model.AlarmKind;
import org.hazardwatch.api.model.PointType;
import org.hazardwatch.api.registry.Enterprise;
import org.hazardwatch.api.registry.EnterpriseStatus;
import org.hazardwatch.api.registry.IndustryGroup;
import org.hazardwatch.api.registry.UnifiedSocialCreditCode;
import org.hazardwatch.api.registry.ValidationException;
import org.hazardwatch.api.security.Caller;
import org.hazardwatch.api.security.DataScope;
import org.hazardwatch.api.security.OrgLevel;
import org.hazardwatch.api.security.Permission;
import org.hazardwatch.core.internal.MutableClock;
import org.hazardwatch.core.internal.TestDatabases;
import org.hazardwatch.core.internal.db.DatabaseMigrator;
import org.hazardwatch.core.internal.db.Jdbc;
import org.hazardwatch.core.internal.registry.JdbcRegistry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Alarm analysis against counts computed here, independently, from generated alarms (months, hours, counties,
 * industries, point types, process alarms and instrument faults, an enterprise never registered); the statistics are
 * kept incrementally and a rebuild gives the same numbers.
 */
class JdbcAlarmAnalyticsTest {

    static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    static final Instant NOW = Instant.parse("2026-11-30T02:30:00Z");
    /** enterprise → county, industry; the last is not registered. */
    static final String[][] PLANTS = { { "370281", "2614" }, { "370281", "2511" }, { "370211", "2614" }, { "320581", "2651" }, { null, null } };

    /** A generated alarm as the test knows it. */
    record Generated(ZonedDateTime at, String uscc, String county, String industry, PointType type, AlarmKind kind, String pointId) {
        boolean process() {
            return kind != AlarmKind.FAULT;
        }
    }

    MutableClock clock;
    DataSource dataSource;
    JdbcAlarmAnalytics analytics;
    final List<Generated> generated = new ArrayList<>();
    final Caller national = caller(DataScope.all());
    long nextId = 1;

    static Caller caller(DataScope scope) {
        return new Caller("analyst", "analyst", null, "analyst", OrgLevel.NATIONAL, scope, EnumSet.of(Permission.ANALYTICS_VIEW), Set.of());
    }

    /** The database the node runs on: H2 here, PostgreSQL in the subclass. */
    DataSource database() {
        return TestDatabases.h2();
    }

    static String uscc(int i) {
        String first17 = String.format("91370281MA3HW%04d", 100 + i);
        return first17 + UnifiedSocialCreditCode.checkCharacter(first17);
    }

    @BeforeEach
    void generate() throws Exception {
        dataSource = database();
        DatabaseMigrator.migrate(dataSource);
        clock = new MutableClock(NOW);
        JdbcRegistry registry = new JdbcRegistry(dataSource, clock);
        for (int i = 0; i < PLANTS.length; i++) {
            if (PLANTS[i][0] != null) {
                registry.create(new Enterprise(null, uscc(i), "企业" + i, PLANTS[i][0], null, null, PLANTS[i][1], IndustryGroup.FINE_CHEMICALS, null,
                        null, null, null, null, EnterpriseStatus.OPERATING, null, null));
            }
            for (PointType type : List.of(PointType.LEVEL, PointType.TEMPERATURE, PointType.COMBUSTIBLE_GAS, PointType.TOXIC_GAS)) {
                try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement("INSERT INTO monitoring_point (id, name, "
                        + "point_type, unit, range_low, range_high, area, enterprise_code, updated_at) VALUES (?, ?, ?, 'u', 0, 100, 'A', ?, ?)")) {
                    Jdbc.bind(s, List.of(uscc(i) + ":" + type.nationalCode(), type + " " + i, type.name(), uscc(i), NOW));
                    s.executeUpdate();
                }
            }
        }
        addAlarms(3000, new Random(5));
        analytics = new JdbcAlarmAnalytics(dataSource, clock);
    }

    void addAlarms(int count, Random random) throws Exception {
        PointType[] types = { PointType.LEVEL, PointType.TEMPERATURE, PointType.COMBUSTIBLE_GAS, PointType.TOXIC_GAS };
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement("INSERT INTO alarm (point_id, kind, state, "
                + "priority, trigger_value, limit_value, raised_at) VALUES (?, ?, 'NORMAL', 'HIGH', 1, 1, ?)")) {
            for (int n = 0; n < count; n++) {
                int plant = random.nextInt(PLANTS.length);
                PointType type = types[random.nextInt(types.length)];
                AlarmKind kind = AlarmKind.values()[random.nextInt(AlarmKind.values().length)];
                // fourteen months back from now, with more at night and in summer so the shapes are not flat
                LocalDateTime local = LocalDateTime.of(2025, 10, 1, 0, 0).plusDays(random.nextInt(425)).plusHours(random.nextInt(24))
                        .plusMinutes(random.nextInt(60));
                ZonedDateTime at = local.atZone(CHINA);
                if (at.toInstant().isAfter(NOW)) {
                    at = at.minusMonths(6);
                }
                String pointId = uscc(plant) + ":" + type.nationalCode();
                Jdbc.bind(s, List.of(pointId, kind.name(), at.toInstant()));
                s.addBatch();
                generated.add(new Generated(at, uscc(plant), PLANTS[plant][0], PLANTS[plant][1], type, kind, pointId));
            }
            s.executeBatch();
        }
    }

    long count(Predicate<Generated> where) {
        return generated.stream().filter(where).count();
    }

    static Predicate<Generated> in(YearMonth from, YearMonth to) {
        return g -> !YearMonth.from(g.at()).isBefore(from) && !YearMonth.from(g.at()).isAfter(to);
    }

    void assertAnalysis(AlarmAnalytics.Analysis a, Predicate<Generated> scope, String what) {
        Predicate<Generated> all = scope.and(in(a.from(), a.to()));
        assertEquals(count(all), a.total(), what + ": total");
        assertEquals(count(all.and(Generated::process)), a.byCategory().get("PROCESS"), what + ": process alarms");
        assertEquals(count(all.and(g -> !g.process())), a.byCategory().get("INSTRUMENT"), what + ": instrument faults");
        for (PointType t : PointType.values()) {
            assertEquals(count(all.and(g -> g.type() == t)), a.byPointType().get(t.name()), what + ": " + t);
        }
        for (int h = 0; a.byHour() != null && h < 24; h++) {
            int hour = h;
            assertEquals(count(all.and(g -> g.at().getHour() == hour)), a.byHour().get(h), what + ": hour " + h);
        }
        for (int m = 1; m <= 12; m++) {
            int month = m;
            assertEquals(count(all.and(g -> g.at().getMonthValue() == month)), a.byMonthOfYear().get(m), what + ": month " + m);
        }
        for (String season : AlarmAnalytics.SEASONS) {
            assertEquals(count(all.and(g -> JdbcAlarmAnalytics.season(g.at().getMonthValue()).equals(season))), a.bySeason().get(season),
                    what + ": " + season);
        }
        a.byMonth().forEach((month, n) -> assertEquals(count(all.and(g -> YearMonth.from(g.at()).toString().equals(month))), n, what + " " + month));
    }

    @Test
    void theAnalysisCountsWhatWasGeneratedAtEveryLevel() {
        assertEquals(3000, analytics.catchUp());
        YearMonth from = YearMonth.of(2025, 12);
        YearMonth to = YearMonth.of(2026, 11);
        AlarmAnalytics.Analysis nation = analytics.analyse(national, null, from, to, null, null);
        assertAnalysis(nation, g -> true, "nation");
        assertEquals(12, nation.byMonth().size());
        Map<String, Long> provinces = new LinkedHashMap<>();
        nation.children().forEach(p -> provinces.put(p.code(), p.total()));
        assertEquals(Map.of("37", count(in(from, to).and(g -> g.county() != null && g.county().startsWith("37"))), "32",
                count(in(from, to).and(g -> g.county() != null && g.county().startsWith("32")))), provinces, "the unregistered plant only in the total");
        assertAnalysis(analytics.analyse(national, "370000", from, to, null, null), g -> g.county() != null && g.county().startsWith("37"), "province");
        AlarmAnalytics.Analysis jiaozhou = analytics.analyse(national, "370281", from, to, null, null);
        assertAnalysis(jiaozhou, g -> "370281".equals(g.county()), "county");
        assertEquals("ENTERPRISE", jiaozhou.childLevel());
        for (AlarmAnalytics.Part p : jiaozhou.children()) {
            assertEquals(count(in(from, to).and(g -> g.uscc().equals(p.code()))), p.total(), "enterprise " + p.code());
            assertEquals(count(in(from, to).and(g -> g.uscc().equals(p.code()) && !g.process())), p.instrument());
        }
        assertAnalysis(analytics.analyse(national, uscc(0), from, to, null, null), g -> g.uscc().equals(uscc(0)), "one enterprise");
        AlarmAnalytics.Analysis chemicals = analytics.analyse(national, null, from, to, "26", null);
        assertAnalysis(chemicals, g -> g.industry() != null && g.industry().startsWith("26"), "industry");
        assertEquals(null, chemicals.byHour(), "hours are not kept per industry");
        assertAnalysis(analytics.analyse(national, "3702", from, to, null, null), g -> g.county() != null && g.county().startsWith("3702"), "city");
        assertAnalysis(analytics.analyse(national, "37", from, to, null, "YDQT"), g -> g.county() != null && g.county().startsWith("37")
                && g.type() == PointType.TOXIC_GAS, "toxic gas");
        for (AlarmAnalytics.Part industry : nation.industries()) {
            for (int m = 1; m <= 12; m++) {
                int month = m;
                assertEquals(count(in(from, to).and(g -> (g.industry() == null ? "" : g.industry()).equals(industry.code())
                        && g.at().getMonthValue() == month)), industry.byMonthOfYear().get(m), "industry " + industry.code() + " month " + m);
            }
        }
        ZonedDateTime now = NOW.atZone(CHINA);
        assertEquals(count(g -> g.at().toLocalDate().equals(now.toLocalDate()) && !g.at().isAfter(now)), nation.live().today(), "today");
        AlarmAnalytics.DeviceAnalysis device = analytics.device(national, uscc(2) + ":YW", from, to).orElseThrow();
        assertEquals(count(in(from, to).and(g -> g.pointId().equals(uscc(2) + ":YW"))), device.total());
        for (int h = 0; h < 24; h++) {
            int hour = h;
            assertEquals(count(in(from, to).and(g -> g.pointId().equals(uscc(2) + ":YW") && g.at().getHour() == hour)), device.byHour().get(h));
        }
    }

    @Test
    void newAlarmsAreAddedIncrementallyAndARebuildGivesTheSameNumbers() throws Exception {
        analytics.catchUp();
        addAlarms(700, new Random(6));
        assertEquals(700, analytics.catchUp(), "only the new ones are counted");
        assertEquals(0, analytics.catchUp());
        YearMonth from = YearMonth.of(2025, 10);
        YearMonth to = YearMonth.of(2026, 11);
        AlarmAnalytics.Analysis incremental = analytics.analyse(national, null, from, to, null, null);
        assertAnalysis(incremental, g -> true, "after the increment");
        assertEquals(3700, analytics.rebuild());
        AlarmAnalytics.Analysis rebuilt = analytics.analyse(national, null, from, to, null, null);
        assertEquals(incremental.byMonth(), rebuilt.byMonth());
        assertEquals(incremental.byHour(), rebuilt.byHour());
        assertEquals(incremental.children(), rebuilt.children());
    }

    @Test
    void aCountySeesOnlyItsOwnAlarmsAndBadInputIsRefused() {
        analytics.catchUp();
        Caller county = caller(DataScope.region("370211"));
        AlarmAnalytics.Analysis own = analytics.analyse(county, null, null, null, null, null);
        assertEquals("370211", own.regionCode());
        assertEquals(YearMonth.of(2026, 11), own.to());
        assertEquals(YearMonth.of(2025, 12), own.from(), "the last twelve months by default");
        assertAnalysis(own, g -> "370211".equals(g.county()), "own county");
        assertThrows(SecurityException.class, () -> analytics.analyse(county, "370281", null, null, null, null));
        assertThrows(SecurityException.class, () -> analytics.analyse(county, "37", null, null, null, null));
        assertTrue(analytics.device(county, uscc(0) + ":YW", null, null).isEmpty(), "another county's instrument");
        assertTrue(analytics.device(county, uscc(2) + ":YW", null, null).isPresent());
        assertThrows(ValidationException.class, () -> analytics.analyse(national, null, YearMonth.of(2026, 12), null, null, null));
        assertThrows(ValidationException.class, () -> analytics.analyse(national, null, null, YearMonth.of(2027, 1), null, null));
        assertThrows(ValidationException.class, () -> analytics.analyse(national, null, YearMonth.of(2010, 1), null, null, null), "ten years at most");
        assertThrows(ValidationException.class, () -> analytics.analyse(national, null, null, null, null, "CAMERA"));
        assertThrows(ValidationException.class, () -> analytics.analyse(national, null, null, null, "2' OR '1", null));
    }

    // ------------------------------------------------------------------ alarm-to-accident relation (B5)

    /** An accident as the test knows it; a null USCC is an enterprise never registered. */
    record Registered(String uscc, String county, String industry, ZonedDateTime at) {
    }

    Registered accident(int plant, ZonedDateTime at) throws Exception {
        String uscc = PLANTS[plant][0] == null ? null : uscc(plant);
        String county = PLANTS[plant][0] == null ? "370281" : PLANTS[plant][0];
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement("INSERT INTO accident (id, occurred_at, uscc, "
                + "enterprise_name, region_code, industry_code, kind, deaths, injuries, description, recorded_by, recorded_at, updated_by, updated_at, "
                + "revision, dedup_key) VALUES (?, ?, ?, ?, ?, ?, 'FIRE', 0, 1, 'test', 'test', ?, 'test', ?, 1, ?)")) {
            Jdbc.bind(s, java.util.Arrays.asList(java.util.UUID.randomUUID().toString(), at.toInstant(), uscc, "企业" + plant, county, PLANTS[plant][1],
                    NOW, NOW, java.util.UUID.randomUUID().toString()));
            s.executeUpdate();
        }
        return new Registered(uscc, county, PLANTS[plant][1], at);
    }

    /** The items of the alarms at the enterprise in the hours before the accident, computed from the generated alarms. */
    Set<String> itemsBefore(Registered a, int hours) {
        Set<String> items = new java.util.TreeSet<>();
        for (Generated g : generated) {
            if (g.uscc().equals(a.uscc()) && g.at().isBefore(a.at()) && !g.at().isBefore(a.at().minusHours(hours))) {
                items.add(g.type().name() + "/" + g.kind().name());
            }
        }
        return items;
    }

    @Test
    void accidentsAreRelatedToTheAlarmsBeforeThem() throws Exception {
        YearMonth from = YearMonth.of(2025, 12);
        YearMonth to = YearMonth.of(2026, 11);
        List<Registered> accidents = new ArrayList<>();
        Random random = new Random(9);
        for (int n = 0; n < 12; n++) {
            int plant = n % PLANTS.length;
            ZonedDateTime at = ZonedDateTime.of(2026, 1 + random.nextInt(10), 1 + random.nextInt(28), random.nextInt(24), 7, 0, 0, CHINA);
            accidents.add(accident(plant, at));
        }
        accident(0, ZonedDateTime.of(2025, 6, 1, 8, 0, 0, 0, CHINA)); // before the period
        analytics.catchUp();
        JdbcAccidentRelations relations = new JdbcAccidentRelations(dataSource, clock);
        org.hazardwatch.api.analytics.AccidentRelations.Analysis a = relations.analyse(national, null, from, to, null, 48);

        Predicate<Generated> period = in(from, to);
        assertEquals(12, a.accidents());
        assertEquals(accidents.stream().filter(r -> r.uscc() != null && !itemsBefore(r, 48).isEmpty()).count(), a.accidentsWithAlarms());
        assertEquals(count(period), a.alarms());
        assertEquals(12 * 1000.0 / count(period), a.per1000(), 1e-9);
        for (org.hazardwatch.api.analytics.AccidentRelations.Rate r : a.byKind()) {
            long expected = accidents.stream().filter(x -> x.uscc() != null && itemsBefore(x, 48).stream().anyMatch(i -> i.endsWith("/" + r.key())))
                    .count();
            assertEquals(expected, r.accidents(), "accidents after " + r.key());
            assertEquals(count(period.and(g -> g.kind().name().equals(r.key()))), r.alarms(), "alarms " + r.key());
        }
        assertEquals(AlarmKind.values().length, a.byKind().size());
        for (org.hazardwatch.api.analytics.AccidentRelations.Rate r : a.byPointType()) {
            assertEquals(count(period.and(g -> g.type().name().equals(r.key()))), r.alarms(), "alarms " + r.key());
        }
        Map<String, Long> industryAccidents = new LinkedHashMap<>();
        for (org.hazardwatch.api.analytics.AccidentRelations.Rate r : a.byIndustry()) {
            industryAccidents.put(r.key(), r.accidents());
            assertEquals(count(period.and(g -> r.key().equals(g.industry()))), r.alarms(), "alarms of industry " + r.key());
        }
        assertEquals(accidents.stream().filter(r -> "2614".equals(r.industry())).count(), industryAccidents.get("2614"));
        Map<String, Long> provinces = new LinkedHashMap<>();
        a.byRegion().forEach(r -> provinces.put(r.key(), r.accidents()));
        assertEquals(accidents.stream().filter(r -> r.county().startsWith("37")).count(), provinces.get("37"),
                "the never-registered enterprise's accident counts in its county");
        assertEquals("山东省", a.byRegion().stream().filter(r -> r.key().equals("37")).findFirst().orElseThrow().name());

        // association rules against enterprise-days computed here
        Set<String> days = new java.util.HashSet<>();
        Map<String, Set<String>> itemsByDay = new java.util.HashMap<>();
        for (Generated g : generated) {
            if (period.test(g)) {
                String day = g.uscc() + "@" + g.at().toLocalDate();
                days.add(day);
                itemsByDay.computeIfAbsent(day, k -> new java.util.HashSet<>()).add(g.type().name() + "/" + g.kind().name());
            }
        }
        org.hazardwatch.api.analytics.AccidentRelations.Patterns patterns = a.patterns();
        assertEquals(days.size(), patterns.transactions());
        assertEquals(a.accidentsWithAlarms(), patterns.accidentTransactions());
        assertTrue(!patterns.rules().isEmpty(), "48-hour windows over a dense generator give rules");
        for (org.hazardwatch.api.analytics.AccidentRelations.Rule rule : patterns.rules()) {
            long hits = accidents.stream().filter(x -> x.uscc() != null && itemsBefore(x, 48).containsAll(rule.items())).count();
            long windows = itemsByDay.values().stream().filter(items -> items.containsAll(rule.items())).count();
            assertEquals(hits, rule.accidents(), "accidents after " + rule.items());
            assertTrue(hits >= 2, "at least two accidents");
            assertEquals(windows, rule.windows(), "enterprise-days with " + rule.items());
            assertEquals((double) hits / days.size(), rule.support(), 1e-12);
            assertEquals(Math.min(1.0, (double) hits / windows), rule.confidence(), 1e-12);
            assertEquals(rule.confidence() / patterns.baseRate(), rule.lift(), 1e-9);
        }
        for (int i = 1; i < patterns.rules().size(); i++) {
            assertTrue(patterns.rules().get(i - 1).lift() >= patterns.rules().get(i).lift(), "highest lift first");
        }

        Caller county = caller(DataScope.region("370211"));
        org.hazardwatch.api.analytics.AccidentRelations.Analysis own = relations.analyse(county, null, from, to, null, null);
        assertEquals(accidents.stream().filter(r -> "370211".equals(r.county())).count(), own.accidents());
        assertEquals(24, own.windowHours());
        assertThrows(SecurityException.class, () -> relations.analyse(county, "37", from, to, null, null));
        assertThrows(ValidationException.class, () -> relations.analyse(national, null, from, to, null, 0));
        assertThrows(ValidationException.class, () -> relations.analyse(national, null, from, to, null, 721));
        assertThrows(ValidationException.class, () -> relations.analyse(national, null, YearMonth.of(2027, 1), null, null, null));
    }
}
