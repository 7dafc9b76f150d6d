package org.hazardwatch.core.internal.analytics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;

import javax.sql.DataSource;

import org.hazardwatch.api.accident.Accident;
import org.hazardwatch.api.accident.AccidentKind;
import org.hazardwatch.api.accident.AccidentService;
import org.hazardwatch.api.analytics.HazardAnalytics;
import org.hazardwatch.api.hazard.AccidentType;
import org.hazardwatch.api.hazard.DeathTollClass;
import org.hazardwatch.api.hazard.Equipment;
import org.hazardwatch.api.hazard.EquipmentKind;
import org.hazardwatch.api.hazard.HazardSource;
import org.hazardwatch.api.hazard.HazardSourceStatus;
import org.hazardwatch.api.hazard.HazardUnit;
import org.hazardwatch.api.hazard.InventoryItem;
import org.hazardwatch.api.hazard.UnitKind;
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
import org.hazardwatch.core.internal.accident.JdbcAccidents;
import org.hazardwatch.core.internal.db.DatabaseMigrator;
import org.hazardwatch.core.internal.hazard.JdbcHazardSources;
import org.hazardwatch.core.internal.registry.JdbcRegistry;
import org.hazardwatch.core.internal.security.SecurityComponent;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Hazard source analysis against expectations computed here, independently, from what the registry said after each
 * phase of generated changes (creations in 2023; re-gradings, cancellations and a deletion in 2024; edited accident
 * types and death tolls in 2025) and from the generated accidents: every past day shows the registry of that day.
 */
class JdbcHazardAnalyticsTest {

    static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    static final Instant PHASE_1 = Instant.parse("2023-05-01T02:00:00Z");
    static final Instant PHASE_2 = Instant.parse("2024-04-01T02:00:00Z");
    static final Instant PHASE_3 = Instant.parse("2025-09-01T02:00:00Z");
    static final Instant NOW = Instant.parse("2026-11-30T02:00:00Z");
    static final String[] COUNTIES = { "370281", "370211", "370112", "320581" };

    /** A source as the registry described it after a phase. */
    record Expected(String uscc, String county, Integer grade, List<String> types, Integer deaths, boolean standing, String industry) {
    }

    MutableClock clock;
    JdbcRegistry registry;
    JdbcHazardSources sources;
    JdbcAccidents accidents;
    JdbcHazardAnalytics analytics;
    final Map<Long, String> usccOfSource = new HashMap<>();
    final Map<String, String> countyOf = new HashMap<>();
    final Map<String, String> industryOf = new HashMap<>();
    /** Phase start → the standing and non-standing sources then. */
    final TreeMap<Instant, List<Expected>> phases = new TreeMap<>();
    final List<Accident> generated = new ArrayList<>();
    final Caller national = caller("national", OrgLevel.NATIONAL, DataScope.all());

    static Caller caller(String name, OrgLevel level, DataScope scope) {
        return new Caller(name, name, null, name, level, scope, EnumSet.of(Permission.ANALYTICS_VIEW, Permission.ACCIDENT_VIEW,
                Permission.ACCIDENT_EDIT), Set.of());
    }

    /** The database the node runs on: H2 here, PostgreSQL in the subclass. */
    DataSource database() {
        return TestDatabases.h2();
    }

    static HazardSource source(long enterpriseId, String code, HazardSourceStatus status, BigDecimal tonnes, int exposed, Integer deaths,
            List<AccidentType> types) {
        return new HazardSource(null, enterpriseId, null, null, code, "液氨罐区 " + code, status, exposed, types, null, deaths, null, false, null,
                List.of(new HazardUnit("U1", "液氨储存单元", UnitKind.STORAGE, List.of(new Equipment("T101", "液氨储罐", EquipmentKind.TANK,
                        new BigDecimal("5000"))), List.of(new InventoryItem("T101", "液氨", null, null, List.of(), tonnes)), null)), null, null);
    }

    static String uscc(int i) {
        String first17 = String.format("91370281MA3HW%04d", i);
        return first17 + UnifiedSocialCreditCode.checkCharacter(first17);
    }

    @BeforeEach
    void generate() throws Exception {
        DataSource dataSource = database();
        DatabaseMigrator.migrate(dataSource);
        clock = new MutableClock(PHASE_1);
        SecurityComponent.Services security = SecurityComponent.create(dataSource, new org.hazardwatch.api.auth.PasswordPolicy(10, 3, 5, 15, 480,
                30), "HazardWatch", clock);
        registry = new JdbcRegistry(dataSource, clock);
        sources = new JdbcHazardSources(dataSource, clock);
        accidents = new JdbcAccidents(dataSource, security.audit(), () -> null, clock);
        analytics = new JdbcHazardAnalytics(dataSource, clock);
        Random random = new Random(8);
        Map<Integer, Long> sourceIds = new LinkedHashMap<>();
        Map<Integer, Long> enterpriseIds = new HashMap<>();
        for (int i = 0; i < 24; i++) {
            String county = COUNTIES[i % COUNTIES.length];
            String industry = i % 3 == 0 ? "2511" : "2614";
            Enterprise e = registry.create(new Enterprise(null, uscc(i), "企业" + i, county, null, null, industry, IndustryGroup.FINE_CHEMICALS, null,
                    null, null, null, null, EnterpriseStatus.OPERATING, null, null));
            enterpriseIds.put(i, e.id());
            countyOf.put(e.uscc(), county);
            industryOf.put(e.uscc(), industry);
            HazardSource s = sources.create(source(e.id(), "HS-" + i, HazardSourceStatus.ACTIVE, new BigDecimal(12 + random.nextInt(400)),
                    random.nextInt(120), i % 5 == 0 ? null : random.nextInt(150), null), "test");
            sourceIds.put(i, s.id());
            usccOfSource.put(s.id(), e.uscc());
        }
        snapshot(PHASE_1);

        clock.now = PHASE_2;
        for (int i : sourceIds.keySet()) {
            long id = sourceIds.get(i);
            HazardSource s = sources.get(id).orElseThrow();
            if (i == 11) {
                sources.delete(id);
            } else if (i % 7 == 3) {
                sources.update(id, source(enterpriseIds.get(i), s.code(), HazardSourceStatus.DEREGISTERED, tonnes(s), s.exposedPeople(),
                        s.potentialDeaths(), null), "test");
            } else if (i % 5 == 0) {
                // re-graded: ten times the ammonia
                sources.update(id, source(enterpriseIds.get(i), s.code(), HazardSourceStatus.ACTIVE, tonnes(s).multiply(BigDecimal.TEN),
                        s.exposedPeople(), s.potentialDeaths(), null), "test");
            }
        }
        sourceIds.remove(11);
        snapshot(PHASE_2);

        clock.now = PHASE_3;
        for (int i : sourceIds.keySet()) {
            long id = sourceIds.get(i);
            HazardSource s = sources.get(id).orElseThrow();
            if (i % 4 == 1 || i % 6 == 2) {
                sources.update(id, source(enterpriseIds.get(i), s.code(), s.status(), tonnes(s), s.exposedPeople(),
                        i % 4 == 1 ? Integer.valueOf(10 + i * 4) : s.potentialDeaths(), i % 6 == 2 ? List.of(AccidentType.FIRE, AccidentType.EXPLOSION) : null),
                        "test");
            }
        }
        snapshot(PHASE_3);

        clock.now = NOW;
        int[] tolls = { 0, 0, 1, 3, 9, 12, 35, 120 };
        for (int a = 0; a < 40; a++) {
            int year = 2022 + random.nextInt(5);
            Instant at = LocalDate.of(year, 1 + random.nextInt(11), 1 + random.nextInt(28)).atTime(random.nextInt(24), random.nextInt(60))
                    .atZone(CHINA).toInstant();
            AccidentKind kind = AccidentKind.values()[random.nextInt(AccidentKind.values().length)];
            boolean registered = a % 8 != 0;
            AccidentService.Draft draft = registered
                    ? new AccidentService.Draft(at, uscc(random.nextInt(24)), null, null, null, null, kind, tolls[random.nextInt(tolls.length)],
                            random.nextInt(20), new BigDecimal(random.nextInt(5000)), "事故 " + a, "调查报告")
                    : new AccidentService.Draft(at, null, "已关闭企业" + a, "320581", "2614", null, kind, tolls[random.nextInt(tolls.length)], 0, null,
                            "历史事故 " + a, null);
            generated.add(accidents.record(national, draft));
        }
        // a record entered in error counts nowhere
        Accident wrong = generated.remove(0);
        accidents.voidRecord(national, wrong.id(), "录入错误");
    }

    static BigDecimal tonnes(HazardSource s) {
        return s.units().get(0).inventory().get(0).tonnes();
    }

    private void snapshot(Instant phase) {
        List<Expected> list = new ArrayList<>();
        for (long id : usccOfSource.keySet()) {
            sources.get(id).ifPresent(s -> {
                List<String> types = (Boolean.TRUE.equals(s.accidentTypesEdited()) ? s.accidentTypes() : s.derivedAccidentTypes()).stream()
                        .map(Enum::name).toList();
                String uscc = usccOfSource.get(id);
                list.add(new Expected(uscc, countyOf.get(uscc), s.grade(), types, s.potentialDeaths(),
                        s.major() && s.status() != HazardSourceStatus.DEREGISTERED, industryOf.get(uscc)));
            });
        }
        phases.put(phase, list);
    }

    /** The sources standing at the end of a day, as the phases recorded them. */
    List<Expected> standingOn(LocalDate day, Predicate<Expected> where) {
        Instant end = day.plusDays(1).atStartOfDay(CHINA).toInstant();
        Map.Entry<Instant, List<Expected>> phase = phases.lowerEntry(end);
        return phase == null ? List.of() : phase.getValue().stream().filter(Expected::standing).filter(where).toList();
    }

    static Map<String, Long> grades(List<Expected> list) {
        Map<String, Long> m = new LinkedHashMap<>();
        for (String g : List.of("1", "2", "3", "4")) {
            m.put(g, list.stream().filter(e -> String.valueOf(e.grade()).equals(g)).count());
        }
        return m;
    }

    static Map<String, Long> types(List<Expected> list) {
        Map<String, Long> m = new LinkedHashMap<>();
        for (AccidentType t : AccidentType.values()) {
            m.put(t.name(), list.stream().filter(e -> e.types().contains(t.name())).count());
        }
        return m;
    }

    static Map<String, Long> tolls(List<Expected> list) {
        Map<String, Long> m = new LinkedHashMap<>();
        for (DeathTollClass c : DeathTollClass.values()) {
            m.put(c.name(), list.stream().filter(e -> e.deaths() != null && DeathTollClass.of(e.deaths()) == c).count());
        }
        m.put(HazardAnalytics.UNKNOWN, list.stream().filter(e -> e.deaths() == null).count());
        return m;
    }

    List<Accident> accidentsIn(LocalDate from, LocalDate toInclusive, Predicate<Accident> where) {
        Instant start = from.atStartOfDay(CHINA).toInstant();
        Instant end = toInclusive.plusDays(1).atStartOfDay(CHINA).toInstant();
        return generated.stream().filter(a -> !a.occurredAt().isBefore(start) && a.occurredAt().isBefore(end)).filter(where).toList();
    }

    void assertCell(HazardAnalytics.Cell cell, List<Expected> expected, List<Accident> expectedAccidents, String what) {
        assertEquals(expected.size(), cell.total(), what + ": sources");
        assertEquals(grades(expected), cell.byGrade(), what + ": grades");
        assertEquals(types(expected), cell.byAccidentType(), what + ": accident types");
        assertEquals(tolls(expected), cell.byDeathToll(), what + ": death-toll classes");
        assertEquals(expectedAccidents.size(), cell.accidents(), what + ": accidents");
        assertEquals(expectedAccidents.stream().mapToLong(Accident::deaths).sum(), cell.deaths(), what + ": deaths");
        assertEquals(expectedAccidents.stream().mapToLong(Accident::injuries).sum(), cell.injuries(), what + ": injuries");
    }

    @Test
    void eachPastDayShowsTheRegistryOfThatDayWithItsPartsOneLevelDown() {
        assertTrue(phases.get(PHASE_2).stream().filter(Expected::standing).count() < phases.get(PHASE_1).stream().filter(Expected::standing).count(),
                "the generated cancellations and the deletion reduce the count");
        List<Expected> first = standingOn(LocalDate.of(2023, 12, 31), e -> true);
        assertTrue(grades(first).values().stream().filter(n -> n > 0).count() >= 2, "the generated sources have several grades: " + grades(first));
        assertTrue(!grades(first).equals(grades(standingOn(LocalDate.of(2024, 12, 31), e -> true))), "re-grading changed the grades");
        assertEquals((long) first.size(), types(first).get("POISONING"), "every ammonia store may poison");
        List<Expected> edited = standingOn(LocalDate.of(2025, 12, 31), e -> true);
        assertTrue(types(edited).get("POISONING") < edited.size(), "types edited to fire and explosion in 2025: " + types(edited));
        for (LocalDate day : List.of(LocalDate.of(2022, 12, 31), LocalDate.of(2023, 12, 31), LocalDate.of(2024, 6, 30), LocalDate.of(2025, 12, 31),
                LocalDate.of(2026, 11, 30))) {
            LocalDate yearStart = LocalDate.of(day.getYear(), 1, 1);
            HazardAnalytics.Overview nation = analytics.overview(national, null, day, null);
            assertEquals("PROVINCE", nation.childLevel());
            assertCell(nation.total(), standingOn(day, e -> true), accidentsIn(yearStart, day, a -> true), "nation " + day);
            for (HazardAnalytics.Cell province : nation.children()) {
                assertCell(province, standingOn(day, e -> e.county().startsWith(province.code())),
                        accidentsIn(yearStart, day, a -> a.regionCode().startsWith(province.code())), "province " + province.code() + " " + day);
            }
            HazardAnalytics.Overview qingdao = analytics.overview(national, "370200", day, null);
            assertEquals("3702", qingdao.regionCode(), "six-digit city codes are taken");
            assertEquals("COUNTY", qingdao.childLevel());
            for (HazardAnalytics.Cell county : qingdao.children()) {
                assertCell(county, standingOn(day, e -> e.county().equals(county.code())),
                        accidentsIn(yearStart, day, a -> a.regionCode().equals(county.code())), "county " + county.code() + " " + day);
            }
            HazardAnalytics.Overview jiaozhou = analytics.overview(national, "370281", day, null);
            assertEquals("ENTERPRISE", jiaozhou.childLevel());
            for (HazardAnalytics.Cell enterprise : jiaozhou.children()) {
                assertCell(enterprise, standingOn(day, e -> e.uscc().equals(enterprise.code())),
                        accidentsIn(yearStart, day, a -> enterprise.code().equals(a.uscc())), "enterprise " + enterprise.code() + " " + day);
            }
            HazardAnalytics.Overview chemicals = analytics.overview(national, null, day, "26");
            assertCell(chemicals.total(), standingOn(day, e -> e.industry().startsWith("26")),
                    accidentsIn(yearStart, day, a -> a.industryCode() != null && a.industryCode().startsWith("26")), "industry 26 " + day);
        }
        assertEquals(0, analytics.overview(national, null, LocalDate.of(2022, 12, 31), null).total().total(), "nothing before the registry");
        assertEquals(List.of("asOf:IN_FUTURE"), assertThrows(ValidationException.class,
                () -> analytics.overview(national, null, LocalDate.of(2026, 12, 1), null)).fieldErrors().stream().map(f -> f.field() + ":" + f.code())
                .toList());
    }

    @Test
    void theTrendTakesEachYearsEndAndTheYearsAccidents() {
        List<HazardAnalytics.YearRow> years = analytics.trend(national, "37", 2022, 2026, null);
        assertEquals(List.of(2022, 2023, 2024, 2025, 2026), years.stream().map(HazardAnalytics.YearRow::year).toList());
        for (HazardAnalytics.YearRow y : years) {
            LocalDate end = y.year() == 2026 ? LocalDate.of(2026, 11, 30) : LocalDate.of(y.year(), 12, 31);
            assertEquals(end, y.asOf());
            List<Expected> standing = standingOn(end, e -> e.county().startsWith("37"));
            assertEquals(standing.size(), y.total(), y.year() + " sources");
            assertEquals(grades(standing), y.byGrade(), y.year() + " grades");
            assertEquals(types(standing), y.byAccidentType(), y.year() + " types");
            List<Accident> happened = accidentsIn(LocalDate.of(y.year(), 1, 1), end, a -> a.regionCode().startsWith("37"));
            assertEquals(happened.size(), y.accidents(), y.year() + " accidents");
            for (DeathTollClass c : DeathTollClass.values()) {
                assertEquals(happened.stream().filter(a -> DeathTollClass.of(a.deaths()) == c).count(), y.accidentsByDeathToll().get(c.name()),
                        y.year() + " accidents " + c);
            }
            for (AccidentKind k : AccidentKind.values()) {
                assertEquals(happened.stream().filter(a -> a.kind() == k).count(), y.accidentsByKind().get(k.name()), y.year() + " " + k);
            }
        }
        assertTrue(years.stream().mapToLong(HazardAnalytics.YearRow::accidents).sum() > 10, "the generated accidents are spread over the years");
        assertThrows(ValidationException.class, () -> analytics.trend(national, null, 2025, 2027, null), "not after this year");
        assertThrows(ValidationException.class, () -> analytics.trend(national, null, 1900, 2026, null));
    }

    @Test
    void aCountySeesOnlyItsOwnNumbers() {
        Caller county = caller("jiaozhou", OrgLevel.COUNTY, DataScope.region("370281"));
        LocalDate today = LocalDate.of(2026, 11, 30);
        HazardAnalytics.Overview own = analytics.overview(county, null, null, null);
        assertEquals("370281", own.regionCode(), "the scope is the default region");
        assertCell(own.total(), standingOn(today, e -> e.county().equals("370281")),
                accidentsIn(LocalDate.of(2026, 1, 1), today, a -> "370281".equals(a.regionCode())), "own county");
        assertTrue(own.children().stream().allMatch(c -> "370281".equals(countyOf.get(c.code()))), "only its own enterprises");
        assertThrows(SecurityException.class, () -> analytics.overview(county, "3702", null, null), "not the city");
        assertThrows(SecurityException.class, () -> analytics.overview(county, "370211", null, null), "not a neighbour");
        assertThrows(SecurityException.class, () -> analytics.overview(county, uscc(1), null, null), "not a neighbour's enterprise");
        assertThrows(SecurityException.class, () -> analytics.trend(county, "37", 2024, 2026, null));
        assertEquals(analytics.overview(national, uscc(0), null, null).total(), analytics.overview(county, uscc(0), null, null).total(),
                "its own enterprise");
        Caller noPermission = new Caller("x", "x", null, "x", OrgLevel.NATIONAL, DataScope.all(), EnumSet.of(Permission.REGISTRY_VIEW), Set.of());
        assertThrows(SecurityException.class, () -> analytics.overview(noPermission, null, null, null));
        assertThrows(ValidationException.class, () -> analytics.overview(national, "37'; --", null, null), "malformed codes are refused");
    }
}
