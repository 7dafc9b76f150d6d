package org.hazardwatch.core.internal.accident;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import javax.sql.DataSource;

import org.hazardwatch.api.accident.Accident;
import org.hazardwatch.api.accident.AccidentKind;
import org.hazardwatch.api.accident.AccidentService;
import org.hazardwatch.api.accident.AccidentService.Draft;
import org.hazardwatch.api.accident.AccidentService.NumberedDraft;
import org.hazardwatch.api.exchange.ExchangeLinks;
import org.hazardwatch.api.registry.Enterprise;
import org.hazardwatch.api.registry.EnterpriseStatus;
import org.hazardwatch.api.registry.IndustryGroup;
import org.hazardwatch.api.registry.ValidationException;
import org.hazardwatch.api.security.AuditQuery;
import org.hazardwatch.api.security.Caller;
import org.hazardwatch.api.security.DataScope;
import org.hazardwatch.api.security.OrgLevel;
import org.hazardwatch.api.security.Permission;
import org.hazardwatch.core.internal.MutableClock;
import org.hazardwatch.core.internal.TestDatabases;
import org.hazardwatch.core.internal.db.DatabaseMigrator;
import org.hazardwatch.core.internal.registry.JdbcRegistry;
import org.hazardwatch.core.internal.security.SecurityComponent;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The accident register: what a record takes from the registry, every refusal of bad input, scope, corrections and
 * voiding, all-or-nothing imports that store a file once, and the read-only copies above.
 */
class JdbcAccidentsTest {

    static final Instant NOW = Instant.parse("2026-11-30T02:00:00Z");
    static final Instant FIRE_AT = Instant.parse("2026-03-21T06:48:00Z");
    static final String PLANT = "91370281MA3HW2026N";
    static final String OTHER = "91370211MA3HW2027D";
    static final String PARK = "370281P01";

    MutableClock clock;
    SecurityComponent.Services security;
    JdbcAccidents accidents;
    final List<String[]> sentUp = new ArrayList<>();
    Caller countyLead;
    Caller plantSafety;
    Caller neighbour;
    Caller viewer;

    static Caller caller(String name, OrgLevel level, DataScope scope, Set<Permission> permissions) {
        return new Caller(name, name, null, name, level, scope, permissions, Set.of());
    }

    /** The database the node runs on: H2 here, PostgreSQL in the subclass. */
    DataSource database() {
        return TestDatabases.h2();
    }

    ExchangeLinks parentLink() {
        return (ExchangeLinks) java.lang.reflect.Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] { ExchangeLinks.class },
                (proxy, method, args) -> switch (method.getName()) {
                    case "parentNode" -> "370200";
                    case "organisationCode" -> "370281";
                    case "sendWorkUp" -> {
                        sentUp.add(new String[] { (String) args[0], (String) args[1], (String) args[2] });
                        yield null;
                    }
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    DataSource database;

    @BeforeEach
    void setUp() throws Exception {
        DataSource dataSource = database();
        database = dataSource;
        DatabaseMigrator.migrate(dataSource);
        clock = new MutableClock(NOW);
        security = SecurityComponent.create(dataSource, new org.hazardwatch.api.auth.PasswordPolicy(10, 3, 5, 15, 480, 30), "HazardWatch", clock);
        JdbcRegistry registry = new JdbcRegistry(dataSource, clock);
        registry.createPark("370281", "胶州经济技术开发区化工园区");
        registry.create(new Enterprise(null, PLANT, "青岛模拟化工有限公司", "370281", null, PARK, "2614", IndustryGroup.FINE_CHEMICALS, null, null,
                null, null, null, EnterpriseStatus.OPERATING, null, null));
        registry.create(new Enterprise(null, OTHER, "黄岛石化有限公司", "370211", null, null, "2511", IndustryGroup.PETROCHEMICALS, null, null,
                null, null, null, EnterpriseStatus.OPERATING, null, null));
        Set<Permission> edit = EnumSet.of(Permission.ACCIDENT_VIEW, Permission.ACCIDENT_EDIT);
        countyLead = caller("county-lead", OrgLevel.COUNTY, DataScope.region("370281"), edit);
        plantSafety = caller("plant-safety", OrgLevel.ENTERPRISE, DataScope.enterprise(PLANT), edit);
        neighbour = caller("huangdao-lead", OrgLevel.COUNTY, DataScope.region("370211"), edit);
        viewer = caller("county-officer", OrgLevel.COUNTY, DataScope.region("370281"), EnumSet.of(Permission.ACCIDENT_VIEW));
        accidents = new JdbcAccidents(dataSource, security.audit(), this::parentLink, clock);
    }

    static Draft fire(String uscc, Instant at) {
        return new Draft(at, uscc, null, null, null, null, AccidentKind.FIRE, 1, 3, new BigDecimal("120.456"), "罐区A T101 罐顶着火", "胶州市应急局事故调查报告 2026-03");
    }

    static List<String> codes(ValidationException e) {
        return e.fieldErrors().stream().map(f -> f.field() + ":" + f.code()).toList();
    }

    @Test
    void aRecordTakesTheEnterpriseFromTheRegistryAndRefusesBadInput() {
        Accident a = accidents.record(countyLead, fire(PLANT, FIRE_AT));
        assertEquals("青岛模拟化工有限公司", a.enterpriseName());
        assertEquals("370281", a.regionCode());
        assertEquals(PARK, a.parkCode());
        assertEquals("2614", a.industryCode());
        assertEquals(new BigDecimal("120.46"), a.directLossWan(), "10,000 yuan to two decimals");
        assertEquals(1, a.revision());
        assertTrue(a.local());
        assertEquals(org.hazardwatch.api.hazard.DeathTollClass.UNDER_10, a.deathTollClass());
        assertEquals(List.of("occurredAt:DUPLICATE"), codes(assertThrows(ValidationException.class,
                () -> accidents.record(countyLead, fire(PLANT, FIRE_AT.plusSeconds(20))))), "same enterprise, minute and type");

        assertEquals(List.of("occurredAt:REQUIRED", "enterpriseName:REQUIRED", "regionCode:REQUIRED", "kind:REQUIRED", "deaths:REQUIRED",
                "injuries:REQUIRED", "description:REQUIRED"), codes(assertThrows(ValidationException.class,
                        () -> accidents.record(countyLead, new Draft(null, null, null, null, null, null, null, null, null, null, " ", null)))));
        assertEquals(List.of("occurredAt:IN_FUTURE", "uscc:INVALID", "enterpriseName:REQUIRED", "regionCode:UNKNOWN_REGION", "deaths:NEGATIVE",
                "injuries:TOO_LARGE", "directLossWan:NEGATIVE"), codes(assertThrows(ValidationException.class, () -> accidents.record(countyLead,
                        new Draft(NOW.plusSeconds(3600), "91370281MA3HW2026X", null, "379999", null, null, AccidentKind.LEAK, -1, 100_001,
                                new BigDecimal("-1"), "泄漏", null)))));
        assertEquals(List.of("occurredAt:TOO_EARLY"), codes(assertThrows(ValidationException.class, () -> accidents.record(countyLead,
                new Draft(Instant.parse("1900-01-01T00:00:00Z"), PLANT, null, null, null, null, AccidentKind.LEAK, 0, 0, null, "泄漏", null)))));
        assertEquals(List.of("hazardSourceCode:UNKNOWN_HAZARD_SOURCE"), codes(assertThrows(ValidationException.class, () -> accidents.record(countyLead,
                new Draft(FIRE_AT, PLANT, null, null, null, "HS-NONE", AccidentKind.LEAK, 0, 0, null, "泄漏", null)))));
        // outside the scope is reported like an unknown enterprise
        assertEquals(List.of("uscc:UNKNOWN"), codes(assertThrows(ValidationException.class, () -> accidents.record(countyLead, fire(OTHER, FIRE_AT)))));
        assertEquals(List.of("regionCode:OUTSIDE_SCOPE"), codes(assertThrows(ValidationException.class, () -> accidents.record(countyLead,
                new Draft(FIRE_AT, null, "已关闭的化工厂", "370211", null, null, AccidentKind.EXPLOSION, 2, 0, null, "爆炸", null)))));
        assertThrows(SecurityException.class, () -> accidents.record(viewer, fire(PLANT, FIRE_AT.minusSeconds(86400))), "needs accident:edit");
        assertEquals(1, accidents.search(countyLead, null, 0, 50).total(), "nothing of the refused ones was stored");

        // a historical record of an enterprise never registered
        Accident old = accidents.record(countyLead, new Draft(Instant.parse("2008-07-01T01:00:00Z"), null, "胶州化肥厂", "370281", "2621", null,
                AccidentKind.POISONING, 3, 12, null, "液氨泄漏中毒", "胶州市志"));
        assertNull(old.uscc());
        assertNull(old.directLossWan(), "unknown loss stays unknown");
        assertEquals("2621", old.industryCode());
    }

    @Test
    void eachSeesTheAccidentsOfItsScope() {
        accidents.record(countyLead, fire(PLANT, FIRE_AT));
        Accident other = accidents.record(neighbour, fire(OTHER, FIRE_AT));
        assertEquals(1, accidents.search(countyLead, null, 0, 50).total());
        assertEquals(1, accidents.search(plantSafety, null, 0, 50).total());
        assertTrue(accidents.get(countyLead, other.id()).isEmpty(), "a neighbour's accident is not found");
        Caller city = caller("city", OrgLevel.CITY, DataScope.region("3702"), EnumSet.of(Permission.ACCIDENT_VIEW));
        assertEquals(2, accidents.search(city, null, 0, 50).total());
        assertEquals(1, accidents.search(city, new AccidentService.Query("370211", null, null, null, null, null, false), 0, 50).total());
        assertEquals(1, accidents.search(city, new AccidentService.Query(PARK, null, null, null, null, null, false), 0, 50).total(), "by park");
        assertEquals(1, accidents.search(city, new AccidentService.Query(null, null, null, null, null, "黄岛", false), 0, 50).total(), "by text");
        assertEquals(0, accidents.search(city, new AccidentService.Query(null, FIRE_AT.plusSeconds(60), null, null, null, null, false), 0, 50).total());
        assertEquals(0, accidents.search(caller("nobody", OrgLevel.NATIONAL, DataScope.all(), Set.of()), null, 0, 50).total(), "needs accident:view");
        // an enterprise records only its own
        assertEquals(List.of("uscc:UNKNOWN"), codes(assertThrows(ValidationException.class,
                () -> accidents.record(plantSafety, fire(OTHER, FIRE_AT.minusSeconds(86400))))));
    }

    @Test
    void correctionsRaiseTheRevisionAndAVoidedRecordCountsNowhere() {
        Accident a = accidents.record(countyLead, fire(PLANT, FIRE_AT));
        clock.now = NOW.plusSeconds(60);
        Accident corrected = accidents.update(countyLead, a.id(), new Draft(FIRE_AT, PLANT, null, null, null, null, AccidentKind.EXPLOSION, 2, 3,
                null, "罐顶闪爆后着火", null));
        assertEquals(2, corrected.revision());
        assertEquals(AccidentKind.EXPLOSION, corrected.kind());
        assertEquals("county-lead", corrected.updatedBy());
        Accident voided = accidents.voidRecord(countyLead, a.id(), "重复录入");
        assertTrue(voided.voided());
        assertEquals(3, voided.revision());
        assertEquals(0, accidents.search(countyLead, null, 0, 50).total());
        assertEquals(1, accidents.search(countyLead, new AccidentService.Query(null, null, null, null, null, null, true), 0, 50).total());
        assertEquals(List.of("id:VOIDED"), codes(assertThrows(ValidationException.class, () -> accidents.voidRecord(countyLead, a.id(), "again"))));
        assertEquals(List.of("reason:REQUIRED"), codes(assertThrows(ValidationException.class, () -> accidents.voidRecord(countyLead, "x", " "))));
        assertFalse(accidents.record(countyLead, new Draft(FIRE_AT, PLANT, null, null, null, null, AccidentKind.EXPLOSION, 2, 3, null, "重新录入",
                null)).voided(), "voiding freed the accident for a correct entry");
        assertThrows(java.util.NoSuchElementException.class, () -> accidents.update(neighbour, a.id(), fire(OTHER, FIRE_AT)), "not in its scope");
        long audited = security.audit().search(Caller.system("test"), new AuditQuery(null, null, null, null, "accident", null, null), 0, 100)
                .total();
        assertEquals(4, audited, "record, correct, void, record again");
    }

    @Test
    void anImportIsAllOrNothingAndStoresAFileOnce() {
        List<NumberedDraft> rows = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            rows.add(new NumberedDraft(i + 2, new Draft(Instant.parse("201" + i + "-05-01T02:00:00Z"), null, "历史企业" + i, "370281", null, null,
                    AccidentKind.LEAK, i, 0, null, "历史事故 " + i, "县志")));
        }
        List<NumberedDraft> broken = new ArrayList<>(rows);
        broken.add(new NumberedDraft(7, new Draft(null, PLANT, null, null, null, null, AccidentKind.FIRE, 0, 0, null, "缺时间", null)));
        broken.add(new NumberedDraft(8, rows.get(0).draft()));
        AccidentService.ImportResult refused = accidents.importAll(countyLead, broken, false);
        assertEquals(List.of("7 occurredAt:REQUIRED", "8 occurredAt:DUPLICATE"),
                refused.errors().stream().map(e -> e.row() + " " + e.error().field() + ":" + e.error().code()).toList());
        assertTrue(refused.errors().get(1).error().message().contains("row 2"), "the duplicate names the first row");
        assertEquals(0, refused.created());
        assertEquals(0, accidents.search(countyLead, null, 0, 50).total(), "nothing stored from a file with errors");

        AccidentService.ImportResult dry = accidents.importAll(countyLead, rows, true);
        assertEquals(5, dry.created(), "a dry run says what would be stored");
        assertEquals(0, accidents.search(countyLead, null, 0, 50).total(), "and stores nothing");
        assertEquals(5, accidents.importAll(countyLead, rows, false).created());
        AccidentService.ImportResult again = accidents.importAll(countyLead, rows, false);
        assertEquals(0, again.created());
        assertEquals(5, again.duplicates(), "a file imported twice is stored once");
        assertEquals(5, accidents.search(countyLead, null, 0, 50).total());
        assertEquals(1, sentUp.size(), "the five went up in one message; nothing of the refused file or the dry run");
    }

    @Test
    void theAlarmsBeforeAnAccidentComeWithTheirLeadTimes() throws Exception {
        try (java.sql.Connection c = database.getConnection()) {
            for (String[] point : new String[][] { { "A-LT101", "LEVEL", "HS-A" }, { "B-GT201", "COMBUSTIBLE_GAS", null } }) {
                try (java.sql.PreparedStatement s = c.prepareStatement("INSERT INTO monitoring_point (id, name, point_type, unit, range_low, "
                        + "range_high, area, enterprise_code, hazard_source_code, updated_at) VALUES (?, ?, ?, 'u', 0, 100, 'A', ?, ?, ?)")) {
                    org.hazardwatch.core.internal.db.Jdbc.bind(s, java.util.Arrays.asList(point[0], point[0], point[1], PLANT, point[2], NOW));
                    s.executeUpdate();
                }
            }
            // minutes before the fire: 30 and 90 (in a 72-hour window), 5,000 (outside it), and one a minute after
            Object[][] alarms = { { "A-LT101", "HIGH", 90 }, { "B-GT201", "FAULT", 30 }, { "A-LT101", "HIGH_HIGH", 5000 }, { "B-GT201", "HIGH", -1 } };
            for (Object[] a : alarms) {
                try (java.sql.PreparedStatement s = c.prepareStatement("INSERT INTO alarm (point_id, kind, state, priority, trigger_value, "
                        + "limit_value, raised_at) VALUES (?, ?, 'NORMAL', 'HIGH', 1, 1, ?)")) {
                    org.hazardwatch.core.internal.db.Jdbc.bind(s, java.util.Arrays.asList(a[0], a[1], FIRE_AT.minusSeconds(60L * (Integer) a[2])));
                    s.executeUpdate();
                }
            }
        }
        Accident fire = accidents.record(countyLead, new Draft(FIRE_AT, PLANT, null, null, null, null, AccidentKind.FIRE, 0, 1, null, "着火", null));
        AccidentService.Precursors before = accidents.precedingAlarms(viewer, fire.id(), 72).orElseThrow();
        assertEquals(2, before.total());
        assertEquals(1, before.instrument());
        assertEquals(List.of(90L, 30L), before.alarms().stream().map(AccidentService.PrecedingAlarm::leadMinutes).toList(), "oldest first");
        assertEquals(90L, before.longestLeadMinutes());
        assertEquals(1L, before.byPointType().get("COMBUSTIBLE_GAS"));
        assertEquals(1L, before.byKind().get("HIGH"));
        assertEquals(3, accidents.precedingAlarms(viewer, fire.id(), 100).orElseThrow().total(), "a longer window reaches further back");
        assertTrue(accidents.precedingAlarms(neighbour, fire.id(), 72).isEmpty(), "not in the neighbour's scope");
        assertEquals(List.of("hours:OUT_OF_RANGE"), codes(assertThrows(ValidationException.class, () -> accidents.precedingAlarms(viewer, fire.id(), 0))));
        Accident sourced = accidents.record(countyLead, new Draft(FIRE_AT.plusSeconds(600), PLANT, null, null, null, null, AccidentKind.LEAK, 0, 0,
                null, "泄漏", null));
        assertEquals(0, accidents.precedingAlarms(viewer, sourced.id(), 72).orElseThrow().alarms().stream()
                .filter(AccidentService.PrecedingAlarm::sameHazardSource).count(), "no source named, none marked as the same");
    }

    @Test
    void theUpperNodeKeepsReadOnlyCopiesAndIgnoresOlderOnes() throws Exception {
        Accident a = accidents.record(countyLead, fire(PLANT, FIRE_AT));
        clock.now = NOW.plusSeconds(60);
        accidents.update(countyLead, a.id(), new Draft(FIRE_AT, PLANT, null, null, null, null, AccidentKind.FIRE, 1, 4, null, "更正受伤人数", null));
        assertEquals(2, sentUp.size(), "each change went up");
        assertEquals("accidents", sentUp.get(0)[0]);
        assertFalse(sentUp.get(0)[2].equals(sentUp.get(1)[2]), "each revision has its own message id");

        DataSource cityDatabase = database();
        DatabaseMigrator.migrate(cityDatabase);
        JdbcAccidents city = new JdbcAccidents(cityDatabase, SecurityComponent.create(cityDatabase, new org.hazardwatch.api.auth.PasswordPolicy(10,
                3, 5, 15, 480, 30), "HazardWatch", clock).audit(), () -> null, clock);
        Caller cityLead = caller("city-lead", OrgLevel.CITY, DataScope.region("3702"), EnumSet.of(Permission.ACCIDENT_VIEW, Permission.ACCIDENT_EDIT));
        city.receive("370281", false, "accidents", sentUp.get(1)[1]);
        city.receive("370281", false, "accidents", sentUp.get(0)[1]);
        Accident copy = city.get(cityLead, a.id()).orElseThrow();
        assertEquals(4, copy.injuries(), "the older revision arriving late changed nothing");
        assertEquals(2, copy.revision());
        assertEquals("370281", copy.originNode());
        assertFalse(copy.local());
        assertEquals("青岛模拟化工有限公司", copy.enterpriseName(), "the copy carries what the city's registry may not have");
        assertEquals(List.of("id:NOT_LOCAL"), codes(assertThrows(ValidationException.class, () -> city.voidRecord(cityLead, a.id(), "x"))));
        assertThrows(IOException.class, () -> city.receive("370281", false, "accidents", "{\"accidents\":[{\"id\":\"x\"}]}"));
        assertThrows(IOException.class, () -> city.receive("370281", false, "accidents", "not json"));
        assertThrows(IOException.class, () -> city.receive("370281", false, "accidents", "{\"accidents\":[]}"));
        assertThrows(IOException.class, () -> city.receive("370000", true, "accidents", sentUp.get(1)[1]), "never from the parent");
        String hostile = sentUp.get(1)[1].replace("\"regionCode\":\"370281\"", "\"regionCode\":\"37'; DROP TABLE accident; --\"");
        assertThrows(IOException.class, () -> city.receive("370281", false, "accidents", hostile));
        assertEquals(1, city.search(cityLead, null, 0, 50).total(), "a refused message loses nothing already kept");
        accidents.receive("370299", false, "accidents", sentUp.get(1)[1].replace("\"revision\":2", "\"revision\":9").replace("\"injuries\":4",
                "\"injuries\":40"));
        assertEquals(4, accidents.get(countyLead, a.id()).orElseThrow().injuries(), "a copy never replaces the county's own record");
    }
}
