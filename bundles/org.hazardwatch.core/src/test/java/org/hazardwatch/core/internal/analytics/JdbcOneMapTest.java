package org.hazardwatch.core.internal.analytics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import org.hazardwatch.api.analytics.OneMap;
import org.hazardwatch.api.analytics.OneMap.MarkerState;
import org.hazardwatch.api.analytics.WallDashboard;
import org.hazardwatch.api.model.AlarmKind;
import org.hazardwatch.api.registry.Enterprise;
import org.hazardwatch.api.registry.EnterpriseStatus;
import org.hazardwatch.api.registry.IndustryGroup;
import org.hazardwatch.api.registry.UnifiedSocialCreditCode;
import org.hazardwatch.api.registry.ValidationException;
import org.hazardwatch.api.security.Caller;
import org.hazardwatch.api.security.DataScope;
import org.hazardwatch.api.security.OrgLevel;
import org.hazardwatch.api.security.Permission;
import org.hazardwatch.api.warning.EnterpriseRisk;
import org.hazardwatch.api.warning.RiskLevel;
import org.hazardwatch.api.warning.TrendPrediction;
import org.hazardwatch.core.internal.MutableClock;
import org.hazardwatch.core.internal.TestDatabases;
import org.hazardwatch.core.internal.db.DatabaseMigrator;
import org.hazardwatch.core.internal.db.Jdbc;
import org.hazardwatch.core.internal.registry.JdbcRegistry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The one map and the wall screen over a small registry where every state occurs once: an alarm, a warning, only a
 * fault, normal, unmonitored and without coordinates, a shelved alarm, a deregistered source, an enterprise with
 * nothing to show.
 */
class JdbcOneMapTest {

    static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    static final Instant NOW = Instant.parse("2026-11-30T02:30:00Z");

    /** name, county, industry, group, longitude (null: none). */
    static final Object[][] PLANTS = {
            { "A 报警", "370281", "2614", IndustryGroup.FINE_CHEMICALS, 120.03 },
            { "B 仪表故障", "370281", "2511", IndustryGroup.PETROCHEMICALS, 120.10 },
            { "C 预警", "370211", "2614", IndustryGroup.FINE_CHEMICALS, 120.20 },
            { "D 无坐标", "370211", "2614", IndustryGroup.FINE_CHEMICALS, null },
            { "E 正常", "320581", "2651", IndustryGroup.COAL_CHEMICALS, 120.75 },
            { "F 无危险源", "370281", "2614", IndustryGroup.FINE_CHEMICALS, 120.30 },
            { "G 已核销", "370281", "2614", IndustryGroup.FINE_CHEMICALS, 120.40 } };

    DataSource dataSource;
    MutableClock clock;
    JdbcOneMap map;
    final List<EnterpriseRisk> risks = new ArrayList<>();
    final List<TrendPrediction> predictions = new ArrayList<>();
    final Caller national = caller(DataScope.all());

    static Caller caller(DataScope scope) {
        return new Caller("analyst", "analyst", null, "analyst", OrgLevel.NATIONAL, scope, EnumSet.of(Permission.ANALYTICS_VIEW), Set.of());
    }

    DataSource database() {
        return TestDatabases.h2();
    }

    static String uscc(int i) {
        String first17 = String.format("91370281MA3MP%04d", 100 + i);
        return first17 + UnifiedSocialCreditCode.checkCharacter(first17);
    }

    void execute(String sql, Object... args) throws Exception {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            Jdbc.bind(s, java.util.Arrays.asList(args));
            s.executeUpdate();
        }
    }

    long enterpriseId(int i) throws Exception {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement("SELECT id FROM enterprise WHERE uscc = ?")) {
            s.setString(1, uscc(i));
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    void source(int plant, String code, Integer grade, String status) throws Exception {
        execute("INSERT INTO hazard_source (enterprise_id, code, name, status, exposed_people, derived_accident_types, major, grade, created_at, "
                + "updated_at) VALUES (?, ?, ?, ?, 0, 'FIRE', ?, ?, ?, ?)", enterpriseId(plant), code, "源" + code, status, grade != null, grade, NOW, NOW);
    }

    void point(int plant, String id) throws Exception {
        execute("INSERT INTO monitoring_point (id, name, point_type, unit, range_low, range_high, area, enterprise_code, updated_at) "
                + "VALUES (?, ?, 'TEMPERATURE', '℃', 0, 100, 'A', ?, ?)", id, "温度 " + id, uscc(plant), NOW);
    }

    void alarm(String pointId, AlarmKind kind, String state, Instant raisedAt, Instant shelvedUntil) throws Exception {
        execute("INSERT INTO alarm (point_id, kind, state, priority, trigger_value, limit_value, raised_at, shelved_until) "
                + "VALUES (?, ?, ?, 'HIGH', 91, 90, ?, ?)", pointId, kind.name(), state, raisedAt, shelvedUntil);
    }

    @BeforeEach
    void registry() throws Exception {
        dataSource = database();
        DatabaseMigrator.migrate(dataSource);
        clock = new MutableClock(NOW);
        JdbcRegistry registry = new JdbcRegistry(dataSource, clock);
        for (int i = 0; i < PLANTS.length; i++) {
            Double longitude = (Double) PLANTS[i][4];
            registry.create(new Enterprise(null, uscc(i), (String) PLANTS[i][0], (String) PLANTS[i][1], null, null, (String) PLANTS[i][2],
                    (IndustryGroup) PLANTS[i][3], "地址" + i, longitude, longitude == null ? null : 36.0 + i / 10.0, "联系人", "0532-1", EnterpriseStatus.OPERATING,
                    null, null));
        }
        source(0, "A1", 1, "ACTIVE");
        source(0, "A2", 3, "SUSPENDED");
        source(0, "A3", null, "ACTIVE"); // below the threshold: not a major hazard source
        source(1, "B1", 2, "ACTIVE");
        source(2, "C1", 4, "ACTIVE");
        source(3, "D1", 2, "ACTIVE");
        source(6, "G1", 1, "DEREGISTERED");
        point(0, uscc(0) + ":T1");
        point(0, uscc(0) + ":T2");
        point(1, uscc(1) + ":T1");
        point(2, uscc(2) + ":T1");
        point(4, uscc(4) + ":T1");
        Instant today = NOW.minusSeconds(600);
        alarm(uscc(0) + ":T1", AlarmKind.HIGH, "UNACKED_ACTIVE", today, null);
        alarm(uscc(0) + ":T2", AlarmKind.HIGH_HIGH, "NORMAL", today, null);
        alarm(uscc(1) + ":T1", AlarmKind.FAULT, "ACKED_ACTIVE", NOW.minusSeconds(7200), null);
        alarm(uscc(1) + ":T1", AlarmKind.HIGH, "UNACKED_ACTIVE", NOW.minusSeconds(7200), NOW.plusSeconds(3600)); // shelved
        alarm(uscc(4) + ":T1", AlarmKind.LOW, "NORMAL", NOW.minusSeconds(86_400 * 3), null);
        execute("INSERT INTO current_value (point_id, sample_value, quality, sample_time) VALUES (?, 50, 'GOOD', ?)", uscc(0) + ":T1", NOW.minusSeconds(30));
        execute("INSERT INTO current_value (point_id, sample_value, quality, sample_time) VALUES (?, 50, 'BAD', ?)", uscc(1) + ":T1", NOW.minusSeconds(30));
        execute("INSERT INTO current_value (point_id, sample_value, quality, sample_time) VALUES (?, 50, 'GOOD', ?)", uscc(4) + ":T1", NOW.minusSeconds(3600));
        execute("INSERT INTO accident (id, occurred_at, uscc, enterprise_name, region_code, kind, deaths, injuries, description, recorded_by, recorded_at, "
                + "updated_by, updated_at, revision, dedup_key) VALUES ('x1', ?, ?, 'A', '370281', 'FIRE', 1, 2, 'd', 't', ?, 't', ?, 1, 'k1')",
                NOW.minusSeconds(86_400 * 30), uscc(0), NOW, NOW);
        execute("INSERT INTO accident (id, occurred_at, uscc, enterprise_name, region_code, kind, deaths, injuries, description, recorded_by, recorded_at, "
                + "updated_by, updated_at, revision, dedup_key, voided_at, void_reason) VALUES ('x2', ?, ?, 'A', '370281', 'LEAK', 5, 0, 'd', 't', ?, 't', ?, "
                + "1, 'k2', ?, 'wrong')", NOW.minusSeconds(86_400 * 20), uscc(0), NOW, NOW, NOW);
        risks.add(new EnterpriseRisk(uscc(0), "A", "370281", RiskLevel.ORANGE, 70, List.of()));
        risks.add(new EnterpriseRisk(uscc(2), "C", "370211", RiskLevel.RED, 90, List.of()));
        risks.add(new EnterpriseRisk(uscc(1), "B", "370281", RiskLevel.BLUE, 10, List.of()));
        risks.add(new EnterpriseRisk(uscc(4), "E", "320581", RiskLevel.BLUE, 5, List.of()));
        predictions.add(new TrendPrediction(uscc(0) + ":T1", AlarmKind.HIGH_HIGH, 95, 92, 0.5, 0.9, NOW.plusSeconds(360), 6));
        predictions.add(new TrendPrediction(uscc(4) + ":T1", AlarmKind.LOW, 5, 8, -0.5, 0.9, NOW.plusSeconds(360), 6));
        map = new JdbcOneMap(dataSource, clock, () -> risks, () -> predictions);
    }

    static Map<String, OneMap.Marker> byName(OneMap.Markers markers) {
        return markers.markers().stream().collect(Collectors.toMap(m -> m.name().substring(0, 1), m -> m));
    }

    @Test
    void eachEnterpriseShowsItsMostSevereGradeAndItsWorstState() {
        OneMap.Markers all = map.markers(national, null, Set.of(), null, Set.of());
        assertEquals("", all.area().code());
        assertEquals("NATION", all.area().kind());
        Map<String, OneMap.Marker> m = byName(all);
        assertEquals(Set.of("A", "B", "C", "E"), m.keySet(), "F has nothing to show, G's only source is deregistered, D has no coordinates");
        assertEquals(1, all.unplaced());
        assertEquals(MarkerState.ALARM, m.get("A").state());
        assertEquals(1, m.get("A").activeAlarms(), "the returned alarm is not active");
        assertEquals(1, m.get("A").grade(), "the most severe of 一级 and 三级 (suspended sources still stand)");
        assertEquals(2, m.get("A").hazardSources());
        assertEquals("ORANGE", m.get("A").riskLevel());
        assertEquals(MarkerState.FAULT, m.get("B").state(), "the shelved process alarm does not make it an alarm");
        assertEquals(MarkerState.WARNING, m.get("C").state());
        assertEquals(MarkerState.NORMAL, m.get("E").state());
        assertNull(m.get("E").grade());
        assertEquals(120.2, m.get("C").longitude(), 1e-9);
        assertEquals(Map.of("1", 1L, "2", 1L, "3", 0L, "4", 1L), all.counts().get("byGrade"));
        assertEquals(1L, all.counts().get("byState").get("ALARM"));
        assertEquals(0L, all.counts().get("byState").get("UNMONITORED"), "D is unmonitored but not on the map");

        assertEquals(Set.of("B"), byName(map.markers(national, null, Set.of(2), null, Set.of())).keySet());
        assertEquals(1, map.markers(national, null, Set.of(2), null, Set.of()).unplaced(), "D is 二级 too");
        assertEquals(Set.of("A"), byName(map.markers(national, null, Set.of(3), null, Set.of())).keySet(), "any standing source's grade");
        assertEquals(Set.of("A", "C"), byName(map.markers(national, null, Set.of(), null, Set.of(MarkerState.ALARM, MarkerState.WARNING))).keySet());
        assertEquals(Set.of("B"), byName(map.markers(national, null, Set.of(), "petrochemicals", Set.of())).keySet());
        assertEquals(Set.of("A", "C", "E"), byName(map.markers(national, null, Set.of(), "26", Set.of())).keySet(), "division 26: 2614 and 2651");
    }

    @Test
    void aCountySeesItsOwnEnterprisesAndTheCardTellsTheRest() {
        Caller county = caller(DataScope.region("370211"));
        OneMap.Markers own = map.markers(county, null, Set.of(), null, Set.of());
        assertEquals("370211", own.area().code());
        assertEquals(Set.of("C"), byName(own).keySet());
        assertEquals(1, own.unplaced());
        assertThrows(SecurityException.class, () -> map.markers(county, "370281", Set.of(), null, Set.of()));
        assertTrue(map.card(county, uscc(0)).isEmpty(), "another county's enterprise is not known");
        assertTrue(map.card(county, "not a code").isEmpty());
        assertTrue(map.card(county, uscc(2)).isPresent());

        OneMap.Card a = map.card(national, uscc(0)).orElseThrow();
        assertEquals("A 报警", a.name());
        assertEquals(MarkerState.ALARM, a.state());
        assertEquals("ORANGE", a.riskLevel());
        assertEquals(List.of("A1", "A2"), a.hazardSources().stream().map(OneMap.CardHazardSource::code).toList(), "major sources, 一级 first");
        assertEquals(1, a.activeAlarms().size());
        assertEquals(uscc(0) + ":T1", a.activeAlarms().get(0).pointId());
        assertEquals("℃", a.activeAlarms().get(0).unit());
        assertEquals(2, a.alarmsToday());
        assertEquals(1, a.accidents(), "the voided accident is left out");
        assertEquals("2614", a.industryCode().strip());
        assertTrue(a.industryName() != null && !a.industryName().isBlank(), "industry name from GB/T 4754");
        assertTrue(map.card(national, uscc(5)).isPresent(), "an enterprise with nothing to show still has a card");
        assertEquals(MarkerState.UNMONITORED, map.card(national, uscc(5)).orElseThrow().state());

        assertThrows(ValidationException.class, () -> map.markers(national, null, Set.of(5), null, Set.of()));
        assertThrows(ValidationException.class, () -> map.markers(national, null, Set.of(), "26' OR '1", Set.of()));
        Caller without = new Caller("x", "x", null, "x", OrgLevel.NATIONAL, DataScope.all(), EnumSet.noneOf(Permission.class), Set.of());
        assertThrows(SecurityException.class, () -> map.markers(without, null, Set.of(), null, Set.of()));
        assertThrows(SecurityException.class, () -> map.card(without, uscc(0)));
    }

    @Test
    void theWallScreenAddsUpTheArea() {
        WallDashboard.Summary s = map.summary(national);
        assertEquals(5, s.enterprises(), "A, B, C, D, E");
        assertEquals(5, s.hazardSources().total(), "A1, A2, B1, C1, D1");
        assertEquals(Map.of("1", 1L, "2", 2L, "3", 1L, "4", 1L), s.hazardSources().byGrade());
        assertEquals(1, s.activeAlarms());
        int hour = NOW.atZone(CHINA).getHour();
        assertEquals(hour + 1, s.todayByHour().size());
        assertEquals(3, s.alarmsToday().process(), "A's two at 10:20 China time and B's shelved one at 08:30; E's was three days ago");
        assertEquals(1, s.alarmsToday().instrument(), "B's fault at 08:30");
        assertEquals(2, s.todayByHour().get(8).process() + s.todayByHour().get(8).instrument());
        assertEquals(2, s.alarmsThisHour().process(), "A's two alarms at 10:20");
        assertEquals(Map.of("RED", 1L, "ORANGE", 1L, "YELLOW", 0L, "BLUE", 2L), s.warnings().byRiskLevel());
        assertEquals(2, s.warnings().predictions());
        assertEquals(List.of(uscc(2), uscc(0), uscc(1), uscc(4)), s.worstEnterprises().stream().map(WallDashboard.WorstEnterprise::uscc).toList());
        assertEquals(1, s.worstEnterprises().get(1).activeAlarms());
        assertEquals(1, s.accidentsThisYear().count());
        assertEquals(1, s.accidentsThisYear().deaths());
        assertEquals(5, s.monitoring().points());
        assertEquals(1, s.monitoring().online(), "a good reading within five minutes");

        WallDashboard.Summary county = map.summary(caller(DataScope.region("370211")));
        assertEquals(2, county.enterprises());
        assertEquals(List.of(uscc(2)), county.worstEnterprises().stream().map(WallDashboard.WorstEnterprise::uscc).toList());
        assertEquals(0, county.warnings().predictions());
        assertEquals(0, county.accidentsThisYear().count());
    }
}
