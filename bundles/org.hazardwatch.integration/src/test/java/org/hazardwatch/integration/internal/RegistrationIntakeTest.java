package org.hazardwatch.integration.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import javax.sql.DataSource;

import org.h2.jdbcx.JdbcDataSource;
import org.hazardwatch.api.hazard.HazardSource;
import org.hazardwatch.api.hazard.HazardSourceQuery;
import org.hazardwatch.api.integration.LocalSystemIntake.RegistrationError;
import org.hazardwatch.api.integration.LocalSystemIntake.RegistrationResult;
import org.hazardwatch.api.registry.Enterprise;
import org.hazardwatch.api.registry.Industry;
import org.hazardwatch.api.security.AuditQuery;
import org.hazardwatch.api.security.Caller;
import org.hazardwatch.api.security.DataScope;
import org.hazardwatch.api.security.OrgLevel;
import org.hazardwatch.api.security.Permission;
import org.hazardwatch.core.internal.db.DatabaseMigrator;
import org.hazardwatch.core.internal.hazard.JdbcHazardSources;
import org.hazardwatch.core.internal.hazard.JdbcRegistryBatch;
import org.hazardwatch.core.internal.registry.JdbcRegistry;
import org.hazardwatch.core.internal.security.JdbcAuditLog;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Registration data from local systems (I1), as the SOAP service's records arrive, on the core's registry (H2). */
class RegistrationIntakeTest {

    static final String USCC = "91370281MA3LQ0P012";

    JdbcRegistry registry;
    JdbcHazardSources sources;
    JdbcAuditLog audit;
    IntakeService intake;
    Caller countyEditor = caller("county-editor", DataScope.region("370281"), EnumSet.of(Permission.REGISTRY_EDIT, Permission.REGISTRY_VIEW));

    static Caller caller(String name, DataScope scope, Set<Permission> permissions) {
        return new Caller(name, name, null, "胶州市应急管理局", OrgLevel.COUNTY, scope, permissions, Set.of());
    }

    @BeforeEach
    void database() throws Exception {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:intake" + UUID.randomUUID().toString().replace("-", "") + ";DB_CLOSE_DELAY=-1");
        h2.setUser("sa");
        DataSource database = h2;
        DatabaseMigrator.migrate(database);
        registry = new JdbcRegistry(database, Clock.systemUTC());
        sources = new JdbcHazardSources(database, Clock.systemUTC());
        audit = new JdbcAuditLog(database, Clock.systemUTC());
        intake = new IntakeService(null, null, null, null, new JdbcRegistryBatch(database, registry, sources, Clock.systemUTC()),
                code -> registry.industries().stream().filter(i -> i.code().equals(code)).map(Industry::group).findFirst().orElse(null), null, null,
                audit,
                Clock.systemUTC());
    }

    static SoapTypes.EnterpriseRecord enterprise(String uscc, String region) {
        SoapTypes.EnterpriseRecord e = new SoapTypes.EnterpriseRecord();
        e.uscc = uscc;
        e.name = "胶州接口示范化工有限公司";
        e.regionCode = region;
        e.industryCode = "2614";
        e.status = "operating";
        return e;
    }

    static SoapTypes.HazardSourceRecord chlorineStore(String unitKind) {
        SoapTypes.HazardSourceRecord s = new SoapTypes.HazardSourceRecord();
        s.enterprise = USCC;
        s.code = "HS-SOAP";
        s.name = "液氯钢瓶库";
        s.exposedPeople = 20;
        SoapTypes.UnitRecord unit = new SoapTypes.UnitRecord();
        unit.code = "U1";
        unit.name = "液氯储存单元";
        unit.kind = unitKind;
        SoapTypes.EquipmentRecord store = new SoapTypes.EquipmentRecord();
        store.code = "W1";
        store.name = "钢瓶库";
        store.kind = "WAREHOUSE";
        unit.equipment.add(store);
        SoapTypes.InventoryRecord chlorine = new SoapTypes.InventoryRecord();
        chlorine.equipmentCode = "W1";
        chlorine.substance = "氯";
        chlorine.tonnes = new BigDecimal("12.5");
        unit.inventory.add(chlorine);
        s.unit.add(unit);
        return s;
    }

    RegistrationResult submit(Caller caller, List<SoapTypes.EnterpriseRecord> enterprises, List<SoapTypes.HazardSourceRecord> hazardSources,
            boolean dryRun) {
        RegistrationRecords records = new RegistrationRecords(enterprises, hazardSources);
        assertEquals(List.of(), records.errors);
        return intake.submitRegistration(caller, "安全管理系统", records.enterprises, records.sources, dryRun);
    }

    @Test
    void anEnterpriseAndItsHazardSourceAreRegisteredGradedAndAudited() {
        RegistrationResult dry = submit(countyEditor, List.of(enterprise(USCC, "370281")), List.of(chlorineStore("storage")), true);
        assertFalse(dry.applied());
        assertEquals(List.of(), dry.errors());
        assertEquals(1, dry.enterprisesCreated());
        assertEquals(0, registry.enterprises(null, USCC, 0, 5).total(), "a dry run writes nothing");

        RegistrationResult result = submit(countyEditor, List.of(enterprise(USCC, "370281")), List.of(chlorineStore("STORAGE")), false);
        assertTrue(result.applied(), result.toString());
        assertEquals(1, result.enterprisesCreated());
        assertEquals(1, result.sourcesCreated());
        Enterprise registered = registry.enterprises(null, USCC, 0, 5).items().get(0);
        HazardSource source = sources.get(sources.list(new HazardSourceQuery(null, registered.id(), null, null), 0, 5).items().get(0).id())
                .orElseThrow();
        assertTrue(source.major(), "12.5 t of chlorine (critical quantity 5 t) is a major hazard source");
        assertNotNull(source.grade());
        assertEquals("液氯储存单元", source.units().get(0).name());

        // the same again is an update, not a second source
        RegistrationResult again = submit(countyEditor, List.of(enterprise(USCC, "370281")), List.of(chlorineStore("STORAGE")), false);
        assertEquals(1, again.enterprisesUpdated());
        assertEquals(1, again.sourcesUpdated());
        assertEquals(1, sources.list(new HazardSourceQuery(null, registered.id(), null, null), 0, 5).total());

        var entries = audit.search(Caller.system("test"), new AuditQuery(null, null, null, "integration.registration", null, null, null), 0, 10)
                .items();
        assertEquals(2, entries.size(), "each write audited once; the dry run not");
        assertEquals("county-editor", entries.get(0).actor());
        assertTrue(entries.get(0).detail().contains("安全管理系统"), entries.get(0).detail());
    }

    @Test
    void anyBadItemRefusesTheWholeCallAndEveryErrorIsNamed() {
        RegistrationRecords words = new RegistrationRecords(List.of(enterprise(USCC, "370281")), List.of(chlorineStore("CELLAR")));
        assertEquals(List.of(new RegistrationError("hazardSource", 0, "units[0].kind", "INVALID",
                "'CELLAR' is not one of [PRODUCTION, STORAGE]")), words.errors);

        SoapTypes.EnterpriseRecord badCode = enterprise("91370281MA3LQ0P013", "370281");
        SoapTypes.HazardSourceRecord negative = chlorineStore("STORAGE");
        negative.unit.get(0).inventory.get(0).tonnes = new BigDecimal("-1");
        RegistrationRecords records = new RegistrationRecords(List.of(enterprise(USCC, "370281"), badCode), List.of(negative));
        RegistrationResult result = intake.submitRegistration(countyEditor, "x", records.enterprises, records.sources, false);
        assertFalse(result.applied());
        List<String> named = new ArrayList<>();
        result.errors().forEach(e -> named.add(e.item() + "[" + e.index() + "]." + e.field()));
        assertTrue(named.contains("enterprise[1].uscc"), named.toString());
        assertTrue(named.contains("hazardSource[0].units[0].inventory[0].tonnes"), named.toString());
        assertEquals(0, registry.enterprises(null, USCC, 0, 5).total(), "the good enterprise was not written either");
    }

    @Test
    void itemsOutsideTheCallersRegionAndCallersWithoutTheRightAreRefused() {
        RegistrationRecords elsewhere = new RegistrationRecords(List.of(enterprise("91370202MA3LQ0P01L", "370202")), List.of());
        RegistrationResult outside = intake.submitRegistration(countyEditor, "x", elsewhere.enterprises, elsewhere.sources, false);
        assertFalse(outside.applied());
        assertTrue(outside.errors().stream().anyMatch(e -> e.code().equals("OUTSIDE_SCOPE")), outside.toString());

        Caller viewer = caller("viewer", DataScope.region("370281"), EnumSet.of(Permission.REGISTRY_VIEW));
        RegistrationRecords records = new RegistrationRecords(List.of(enterprise(USCC, "370281")), List.of());
        assertThrows(SecurityException.class, () -> intake.submitRegistration(viewer, "x", records.enterprises, records.sources, false));
        assertThrows(IllegalArgumentException.class, () -> intake.submitRegistration(countyEditor, "x", List.of(), List.of(), false));
        List<Enterprise> tooMany = new ArrayList<>();
        for (int i = 0; i <= 1_000; i++) {
            tooMany.add(records.enterprises.get(0));
        }
        assertThrows(IllegalArgumentException.class, () -> intake.submitRegistration(countyEditor, "x", tooMany, List.of(), false));
        assertEquals(0, registry.enterprises(null, USCC, 0, 5).total());
    }
}
