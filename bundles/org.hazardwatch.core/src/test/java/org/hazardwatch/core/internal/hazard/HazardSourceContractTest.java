package org.hazardwatch.core.internal.hazard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Clock;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import org.hazardwatch.api.hazard.AccidentType;
import org.hazardwatch.api.hazard.DeathTollClass;
import org.hazardwatch.api.hazard.Equipment;
import org.hazardwatch.api.hazard.EquipmentKind;
import org.hazardwatch.api.hazard.GradingSnapshot;
import org.hazardwatch.api.hazard.HazardSource;
import org.hazardwatch.api.hazard.HazardSourceQuery;
import org.hazardwatch.api.hazard.HazardUnit;
import org.hazardwatch.api.hazard.InventoryItem;
import org.hazardwatch.api.hazard.RegistryBatchWriter;
import org.hazardwatch.api.hazard.RegistryBatchWriter.SourceOfEnterprise;
import org.hazardwatch.api.hazard.UnitKind;
import org.hazardwatch.api.model.MonitoringPoint;
import org.hazardwatch.api.model.PointType;
import org.hazardwatch.api.registry.Enterprise;
import org.hazardwatch.api.registry.IndustryGroup;
import org.hazardwatch.api.registry.RegionSummary;
import org.hazardwatch.api.registry.UnifiedSocialCreditCode;
import org.hazardwatch.api.registry.ValidationException;
import org.hazardwatch.core.internal.db.DatabaseMigrator;
import org.hazardwatch.core.internal.db.JdbcPointRepository;
import org.hazardwatch.core.internal.registry.JdbcRegistry;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Hazard sources, their gradings and the all-or-nothing batch writer, against H2 and PostgreSQL (subclasses). Each
 * test works in a county of its own so the tests share one migrated database.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class HazardSourceContractTest {

    JdbcRegistry registry;
    JdbcHazardSources sources;
    JdbcRegistryBatch batch;
    JdbcPointRepository points;

    abstract DataSource createDataSource();

    @BeforeAll
    void migrate() throws Exception {
        DataSource dataSource = createDataSource();
        DatabaseMigrator.migrate(dataSource);
        registry = new JdbcRegistry(dataSource, Clock.systemUTC());
        sources = new JdbcHazardSources(dataSource, Clock.systemUTC());
        batch = new JdbcRegistryBatch(dataSource, registry, sources, Clock.systemUTC());
        points = new JdbcPointRepository(dataSource);
    }

    static String uscc(String first17) {
        return first17 + UnifiedSocialCreditCode.checkCharacter(first17);
    }

    Enterprise enterprise(String first17, String county) {
        return registry.create(new Enterprise(null, uscc(first17), "测试化工有限公司" + first17.substring(10), county, null, null,
                "2614", IndustryGroup.PETROCHEMICALS, null, null, null, null, null, null, null, null));
    }

    static InventoryItem item(String equipment, String substance, String tonnes) {
        return new InventoryItem(equipment, substance, null, null, List.of(), tonnes == null ? null : new BigDecimal(tonnes));
    }

    /** U1: 液氨 20 t in T101 (q/Q 2, β 2); U2: 氯 12.5 t in T102 (q/Q 2.5, β 4); 75 people (α 1.5). */
    static HazardSource tankFarm(long enterpriseId, String code) {
        return new HazardSource(null, enterpriseId, null, null, code, "液氨液氯罐区", null, 75, null, null, 45, null, false,
                null, List.of(
                        new HazardUnit("U1", "液氨储存单元", UnitKind.STORAGE,
                                List.of(new Equipment("T101", "液氨储罐", EquipmentKind.TANK, new BigDecimal("50"))),
                                List.of(item("T101", "液氨", "20")), null),
                        new HazardUnit("U2", "液氯储存单元", UnitKind.STORAGE,
                                List.of(new Equipment("T102", "液氯储罐", EquipmentKind.TANK, null)),
                                List.of(item("T102", "氯", "12.5")), null)),
                null, null);
    }

    static List<String> codes(ValidationException e) {
        return e.fieldErrors().stream().map(f -> f.field() + ":" + f.code()).toList();
    }

    @Test
    void storingASourceGradesEachUnitAndKeepsTheWorking() {
        Enterprise e = enterprise("91420281000000001", "420281");
        HazardSource stored = sources.create(tankFarm(e.id(), "HS-01"), "alice");

        HazardUnit ammonia = stored.units().get(0);
        assertEquals("2", ammonia.grading().s());
        assertTrue(ammonia.grading().major());
        assertEquals("6", ammonia.grading().r()); // 1.5 × 2 × 2
        assertEquals(4, ammonia.grading().grade());
        HazardUnit chlorine = stored.units().get(1);
        assertEquals("2.5", chlorine.grading().s());
        assertEquals("15", chlorine.grading().r()); // 1.5 × 4 × 2.5
        assertEquals(3, chlorine.grading().grade());
        assertEquals(3, stored.grade(), "a source has the highest grade of its units");
        assertTrue(stored.major());
        assertEquals(DeathTollClass.FROM_30_TO_99, stored.deathTollClass());
        assertEquals(stored.derivedAccidentTypes(), stored.accidentTypes(), "derived when none were given");
        assertTrue(stored.derivedAccidentTypes().contains(AccidentType.POISONING));
        assertEquals("420281", stored.regionCode());

        List<GradingSnapshot> history = sources.gradings(stored.id());
        assertEquals(2, history.size());
        assertTrue(history.stream().allMatch(h -> h.reason().equals("CREATED") && h.gradedBy().equals("alice")));
        String json = sources.grading(chlorine.grading().snapshotId()).orElseThrow().resultJson();
        assertTrue(json.contains("\"Q\":5"), json);
        assertTrue(json.contains("GB 18218-2018 表1 [12] 氯"), json);
        assertTrue(json.contains("表3"), "β from Table 3: " + json);
        assertTrue(json.contains("50人～99人") || json.contains("表5"), json);
    }

    @Test
    void sExactlyOneIsMajor() {
        Enterprise e = enterprise("91420281000000002", "420281");
        HazardSource source = new HazardSource(null, e.id(), null, null, "HS-S1", "液氯钢瓶库", null, 0, null, null, null,
                null, false, null, List.of(new HazardUnit("U1", "钢瓶库", UnitKind.STORAGE, List.of(),
                        List.of(item(null, "液氯", "5")), null)), null, null);
        HazardSource stored = sources.create(source, "alice");
        assertEquals("1", stored.units().get(0).grading().s());
        assertTrue(stored.major());
        assertEquals("2", stored.units().get(0).grading().r()); // α 0.5 (no one within 500 m) × β 4 × 1
        assertEquals(4, stored.grade());
        assertNull(stored.deathTollClass());
    }

    @Test
    void anUpdateSnapshotsOnlyUnitsWhoseInputsChanged() {
        Enterprise e = enterprise("91420281000000003", "420281");
        HazardSource stored = sources.create(tankFarm(e.id(), "HS-02"), "alice");
        sources.update(stored.id(), tankFarm(e.id(), "HS-02"), "bob").orElseThrow();
        assertEquals(2, sources.gradings(stored.id()).size(), "same inputs, no new snapshot");

        HazardSource changed = tankFarm(e.id(), "HS-02");
        HazardUnit u2 = changed.units().get(1);
        changed = withUnits(changed, List.of(changed.units().get(0), new HazardUnit(u2.code(), u2.name(), u2.kind(),
                u2.equipment(), List.of(item("T102", "氯", "40")), null)));
        HazardSource updated = sources.update(stored.id(), changed, "bob").orElseThrow();
        List<GradingSnapshot> history = sources.gradings(stored.id());
        assertEquals(3, history.size());
        assertEquals("U2", history.get(0).unitCode());
        assertEquals("UPDATED", history.get(0).reason());
        assertEquals("8", history.get(0).s());
        assertEquals(3, updated.grade(), "R = 1.5 × 4 × 8 = 48: grade 3 (10 ≤ R < 50)");
        assertEquals("48", updated.units().get(1).grading().r());
    }

    @Test
    void everyRejectedFieldIsNamedAndNothingIsStored() {
        Enterprise e = enterprise("91420281000000004", "420281");
        HazardSource bad = new HazardSource(null, e.id(), null, null, "HS 03!", null, null, null, null, null, -1, null,
                false, null, List.of(
                        new HazardUnit("U1", "单元", UnitKind.STORAGE, List.of(),
                                List.of(item("T999", "液氨", "1"), item(null, "不存在的物质", "3"), item(null, "氯", null)), null),
                        new HazardUnit("U1", "重复", null, List.of(), List.of(), null)),
                null, null);
        ValidationException error = assertThrows(ValidationException.class, () -> sources.create(bad, "alice"));
        List<String> codes = codes(error);
        assertTrue(codes.contains("code:INVALID_VALUE"), codes.toString());
        assertTrue(codes.contains("name:REQUIRED"), codes.toString());
        assertTrue(codes.contains("exposedPeople:REQUIRED"), codes.toString());
        assertTrue(codes.contains("potentialDeaths:OUT_OF_RANGE"), codes.toString());
        assertTrue(codes.contains("units[0].inventory[0].equipmentCode:UNKNOWN_EQUIPMENT"), codes.toString());
        assertTrue(codes.contains("units[0].inventory[2].tonnes:REQUIRED"), codes.toString());
        assertTrue(codes.contains("units[1].code:DUPLICATE"), codes.toString());
        assertTrue(codes.contains("units[1].kind:REQUIRED"), codes.toString());
        assertTrue(codes.contains("units[1].inventory:REQUIRED"), codes.toString());
        assertEquals(0, sources.list(new HazardSourceQuery(null, e.id(), null, null), 0, 10).total());

        HazardSource unknownSubstance = withUnits(tankFarm(e.id(), "HS-03"), List.of(new HazardUnit("U1", "单元",
                UnitKind.PRODUCTION, List.of(), List.of(item(null, "液氨", "1"), item(null, "不存在的物质", "3")), null)));
        List<String> gradingCodes = codes(assertThrows(ValidationException.class, () -> sources.create(unknownSubstance, "alice")));
        assertTrue(gradingCodes.stream().anyMatch(c -> c.startsWith("units[0].inventory[1].substance:")), gradingCodes.toString());

        HazardSource unknownEnterprise = tankFarm(987654321L, "HS-04");
        assertEquals(List.of("enterpriseId:UNKNOWN_ENTERPRISE"),
                codes(assertThrows(ValidationException.class, () -> sources.create(unknownEnterprise, "alice"))));
    }

    @Test
    void codesAreUniquePerEnterprise() {
        Enterprise e = enterprise("91420281000000005", "420281");
        sources.create(tankFarm(e.id(), "HS-05"), "alice");
        assertEquals(List.of("code:DUPLICATE"),
                codes(assertThrows(ValidationException.class, () -> sources.create(tankFarm(e.id(), "HS-05"), "alice"))));
        Enterprise other = enterprise("91420281000000006", "420281");
        sources.create(tankFarm(other.id(), "HS-05"), "alice"); // another enterprise may use the same code
    }

    @Test
    void reGradingUnder2009KeepsBothEditionsInTheHistory() {
        Enterprise e = enterprise("91420281000000007", "420281");
        HazardSource stored = sources.create(tankFarm(e.id(), "HS-06"), "alice");
        List<GradingSnapshot> old = sources.regrade(stored.id(), "2009", "carol").orElseThrow();
        assertEquals(2, old.size());
        assertTrue(old.stream().allMatch(s -> s.edition().equals("2009") && s.reason().equals("REGRADED")));
        assertEquals("2.5", old.get(1).s(), "2009 Table 1 also has Q 5 t for chlorine");
        assertEquals(3, sources.get(stored.id()).orElseThrow().grade(), "the current grade stays the 2018 one");
        assertEquals(4, sources.gradings(stored.id()).size());
        assertTrue(sources.regrade(424242L, "2018", "carol").isEmpty());
        assertThrows(ValidationException.class, () -> sources.regrade(stored.id(), "1999", "carol"));
    }

    @Test
    void editedAccidentTypesWinOverDerivedOnes() {
        Enterprise e = enterprise("91420281000000008", "420281");
        HazardSource input = tankFarm(e.id(), "HS-07");
        HazardSource edited = new HazardSource(null, input.enterpriseId(), null, null, input.code(), input.name(), null,
                input.exposedPeople(), List.of(AccidentType.POISONING), null, 150, null, false, null, input.units(), null, null);
        HazardSource stored = sources.create(edited, "alice");
        assertEquals(List.of(AccidentType.POISONING), stored.accidentTypes());
        assertTrue(stored.derivedAccidentTypes().size() >= 1);
        assertEquals(DeathTollClass.FROM_100, stored.deathTollClass());
    }

    @Test
    void listsFilterByRegionSubtreeAndGradeAndCountInTheTree() {
        Enterprise e = enterprise("91640181000000001", "640181");
        sources.create(tankFarm(e.id(), "HS-08"), "alice");
        assertEquals(1, sources.list(new HazardSourceQuery("64", null, null, null), 0, 10).total());
        assertEquals(1, sources.list(new HazardSourceQuery("6401", null, 3, null), 0, 10).total());
        assertEquals(0, sources.list(new HazardSourceQuery("6401", null, 1, null), 0, 10).total());
        assertEquals(1, sources.list(new HazardSourceQuery("64", null, null, "液氯罐区"), 0, 10).total());
        RegionSummary ningxia = registry.children(null).stream().filter(r -> r.code().equals("64")).findFirst().orElseThrow();
        assertEquals(1, ningxia.enterpriseCount());
        assertEquals(1, ningxia.hazardSourceCount());
        assertEquals(1, ningxia.majorHazardSourceCount());
    }

    @Test
    void monitoringPointsAttachToEquipment() {
        Enterprise e = enterprise("91420281000000009", "420281");
        HazardSource stored = sources.create(tankFarm(e.id(), "HS-09"), "alice");
        points.save(new MonitoringPoint("T-420281-T101-LT", "T101液位", PointType.LEVEL, "m", 0, 15, 1.0, 12.0, "罐区",
                e.uscc(), "HS-09", "T101"));
        List<MonitoringPoint> attached = sources.points(stored.id());
        assertEquals(1, attached.size());
        assertEquals("T101", attached.get(0).equipmentCode());
        assertEquals("YW", attached.get(0).type().nationalCode());
    }

    @Test
    void aBatchWithAnyErrorWritesNothing() {
        String good = uscc("91210211000000001");
        Enterprise newEnterprise = new Enterprise(null, good, "大连测试石化有限公司", "210211", null, null, "2511",
                IndustryGroup.PETROCHEMICALS, null, null, null, null, null, null, null, null);
        Enterprise badEnterprise = new Enterprise(null, "91210211000000000I", "坏代码企业", "210211", null, null, null,
                IndustryGroup.OTHER, null, null, null, null, null, null, null, null);
        HazardSource source = tankFarm(0, "HS-B1");
        RegistryBatchWriter.Outcome refused = batch.write(List.of(newEnterprise, badEnterprise),
                List.of(new SourceOfEnterprise(good, source), new SourceOfEnterprise(uscc("91210211999999999"), source)),
                false, "importer");
        assertFalse(refused.applied());
        assertEquals(List.of(1), List.copyOf(refused.enterpriseErrors().keySet()));
        assertEquals("uscc", refused.enterpriseErrors().get(1).get(0).field());
        assertEquals(Map.of(1, "enterpriseUscc"), Map.of(1, refused.sourceErrors().get(1).get(0).field()));
        assertEquals(0, registry.enterprises("210211", null, 0, 10).total(), "nothing written");

        RegistryBatchWriter.Outcome dryRun = batch.write(List.of(newEnterprise), List.of(new SourceOfEnterprise(good, source)),
                true, "importer");
        assertFalse(dryRun.applied());
        assertFalse(dryRun.hasErrors());
        assertEquals(0, registry.enterprises("210211", null, 0, 10).total(), "a dry run writes nothing");

        RegistryBatchWriter.Outcome written = batch.write(List.of(newEnterprise), List.of(new SourceOfEnterprise(good, source)),
                false, "importer");
        assertTrue(written.applied());
        assertEquals(1, written.enterprisesCreated());
        assertEquals(1, written.sourcesCreated());
        RegistryBatchWriter.Outcome again = batch.write(List.of(newEnterprise), List.of(new SourceOfEnterprise(good, source)),
                false, "importer");
        assertEquals(1, again.enterprisesUpdated());
        assertEquals(1, again.sourcesUpdated());
        var list = sources.list(new HazardSourceQuery("210211", null, null, null), 0, 10);
        assertEquals(1, list.total());
        assertEquals("IMPORTED", sources.gradings(list.items().get(0).id()).get(0).reason());
    }

    static HazardSource withUnits(HazardSource s, List<HazardUnit> units) {
        return new HazardSource(s.id(), s.enterpriseId(), null, null, s.code(), s.name(), s.status(), s.exposedPeople(),
                s.accidentTypes(), null, s.potentialDeaths(), null, false, null, units, null, null);
    }
}
