package org.hazardwatch.core.internal.equipment;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import javax.sql.DataSource;

import org.hazardwatch.api.equipment.EquipmentInspection;
import org.hazardwatch.api.equipment.EquipmentService;
import org.hazardwatch.api.equipment.InspectedEquipment;
import org.hazardwatch.api.equipment.InspectedKind;
import org.hazardwatch.api.equipment.InspectionResult;
import org.hazardwatch.api.notify.Notification;
import org.hazardwatch.api.notify.Notifier;
import org.hazardwatch.api.registry.Enterprise;
import org.hazardwatch.api.registry.EnterpriseStatus;
import org.hazardwatch.api.registry.IndustryGroup;
import org.hazardwatch.api.registry.ValidationException;
import org.hazardwatch.api.security.Caller;
import org.hazardwatch.api.security.DataScope;
import org.hazardwatch.api.security.OrgLevel;
import org.hazardwatch.api.security.Permission;
import org.hazardwatch.core.internal.MutableClock;
import org.hazardwatch.core.internal.TestDatabases;
import org.hazardwatch.core.internal.db.DatabaseMigrator;
import org.hazardwatch.core.internal.files.UploadedFile;
import org.hazardwatch.core.internal.registry.JdbcRegistry;
import org.hazardwatch.core.internal.security.SecurityComponent;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Equipment inspection: due dates from the records, states, certificates with checksums, reminders once per due date,
 * and who sees it (the enterprise and its park, not the county).
 */
class JdbcEquipmentTest {

    /** 2026-11-30 10:00 China time. */
    static final Instant T0 = Instant.parse("2026-11-30T02:00:00Z");
    static final LocalDate TODAY = LocalDate.of(2026, 11, 30);
    static final String PLANT = "91370281MA3HW2026N";
    static final String PARK = "370281P01";

    MutableClock clock;
    JdbcEquipment equipment;
    final List<Notification> sent = new ArrayList<>();
    Caller plant;
    Caller parkOfficer;
    Caller county;
    Caller plantViewer;

    static Caller caller(String name, OrgLevel level, DataScope scope, Set<Permission> permissions) {
        return new Caller(name, name, null, name, level, scope, permissions, Set.of());
    }

    /** The database the node runs on: H2 here, PostgreSQL in the subclass. */
    DataSource database() {
        return TestDatabases.h2();
    }

    @BeforeEach
    void setUp() throws Exception {
        DataSource dataSource = database();
        DatabaseMigrator.migrate(dataSource);
        clock = new MutableClock(T0);
        SecurityComponent.Services security = SecurityComponent.create(dataSource, new org.hazardwatch.api.auth.PasswordPolicy(10, 3, 5, 15, 480,
                30), "HazardWatch", clock);
        JdbcRegistry registry = new JdbcRegistry(dataSource, clock);
        assertEquals(PARK, registry.createPark("370281", "胶州经济技术开发区化工园区").code());
        registry.create(new Enterprise(null, PLANT, "青岛模拟化工有限公司", "370281", null, PARK, "2614", IndustryGroup.FINE_CHEMICALS, null, null,
                null, null, null, EnterpriseStatus.OPERATING, null, null));
        plant = caller("plant-safety", OrgLevel.ENTERPRISE, DataScope.enterprise(PLANT), EnumSet.of(Permission.EQUIPMENT_VIEW,
                Permission.EQUIPMENT_EDIT));
        plantViewer = caller("plant-operator", OrgLevel.ENTERPRISE, DataScope.enterprise(PLANT), EnumSet.of(Permission.EQUIPMENT_VIEW));
        parkOfficer = caller("park-officer", OrgLevel.PARK, DataScope.park(PARK), EnumSet.of(Permission.EQUIPMENT_VIEW, Permission.EQUIPMENT_EDIT));
        county = caller("county-lead", OrgLevel.COUNTY, DataScope.region("370281"), EnumSet.of(Permission.EQUIPMENT_VIEW));
        Notifier recording = new Notifier() {
            @Override
            public String name() {
                return "recording";
            }

            @Override
            public void send(Notification notification) {
                sent.add(notification);
            }
        };
        equipment = new JdbcEquipment(dataSource, registry, security.audit(), () -> List.of(recording), clock);
    }

    InspectedEquipment valve() {
        return equipment.register(plant, new EquipmentService.EquipmentDraft(PLANT, "PSV-101A", "T101 安全阀", InspectedKind.SAFETY_VALVE, "HS-A",
                null, null, TODAY.plusDays(60)));
    }

    static List<String> codes(ValidationException e) {
        return e.fieldErrors().stream().map(f -> f.field() + ":" + f.code()).toList();
    }

    @Test
    void anInspectionSetsTheNextDueDateAndItsCertificateIsKeptWithItsChecksum() {
        InspectedEquipment v = valve();
        assertEquals(12, v.intervalMonths(), "a safety valve every year unless set shorter");
        assertEquals("OK", v.state());
        assertEquals(List.of("intervalMonths:LONGER_THAN_RULE"), codes(assertThrows(ValidationException.class, () -> equipment.register(plant,
                new EquipmentService.EquipmentDraft(PLANT, "PG-1", "压力表", InspectedKind.PRESSURE_GAUGE, null, null, 12, null)))));
        assertEquals(List.of("tag:DUPLICATE"), codes(assertThrows(ValidationException.class, this::valve)));
        assertEquals(List.of("tag:INVALID", "kind:REQUIRED"), codes(assertThrows(ValidationException.class, () -> equipment.register(plant,
                new EquipmentService.EquipmentDraft(PLANT, "PSV 1<", "x", null, null, null, null, null)))));

        assertEquals(List.of("agency:REQUIRED", "inspectedOn:IN_FUTURE", "result:REQUIRED"), codes(assertThrows(ValidationException.class,
                () -> equipment.recordInspection(plant, v.id(), new EquipmentService.InspectionDraft(TODAY.plusDays(1), " ", null, null, null, null)))));
        InspectedEquipment inspected = equipment.recordInspection(plant, v.id(), new EquipmentService.InspectionDraft(TODAY.minusDays(2),
                "青岛市特种设备检验研究院", InspectionResult.PASS, "QD-AQF-2026-0815", null, "整定压力 1.76 MPa"));
        assertEquals(TODAY.minusDays(2).plusMonths(12), inspected.nextDue(), "valid for the interval");
        EquipmentInspection record = inspected.records().get(0);
        assertEquals("QD-AQF-2026-0815", record.certificateNumber());
        assertEquals(List.of("validUntil:OUT_OF_RANGE"), codes(assertThrows(ValidationException.class, () -> equipment.recordInspection(plant, v.id(),
                new EquipmentService.InspectionDraft(TODAY, "x", InspectionResult.PASS, null, TODAY.plusYears(2), null)))));

        byte[] pdf = "%PDF-1.4 检验报告".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        EquipmentInspection certified = equipment.attachCertificate(plant, v.id(), record.id(), "安全阀校验报告.pdf", "application/pdf",
                new ByteArrayInputStream(pdf));
        assertEquals(UploadedFile.sha256(pdf), certified.certificateSha256());
        assertArrayEquals(pdf, equipment.certificate(parkOfficer, v.id(), record.id()).orElseThrow().content(), "the park reads it");
        assertThrows(IllegalStateException.class, () -> equipment.attachCertificate(plant, v.id(), record.id(), "other.pdf", "application/pdf",
                new ByteArrayInputStream(pdf)), "a certificate is not replaced");
    }

    @Test
    void onlyTheEnterpriseAndItsParkSeeItAndOnlyTheEnterpriseKeepsIt() {
        InspectedEquipment v = valve();
        assertEquals(1, equipment.list(parkOfficer, null, null, null, 100).size());
        assertEquals(1, equipment.list(plantViewer, null, null, null, 100).size());
        assertTrue(equipment.list(county, null, null, null, 100).isEmpty(), "the county does not see equipment data");
        assertTrue(equipment.get(county, v.id()).isEmpty());
        assertThrows(SecurityException.class, () -> equipment.recordInspection(parkOfficer, v.id(), new EquipmentService.InspectionDraft(TODAY, "x",
                InspectionResult.PASS, null, null, null)), "the park reads, the enterprise keeps");
        assertThrows(SecurityException.class, () -> equipment.retire(plantViewer, v.id(), "报废"));
        assertEquals(List.of("uscc:UNKNOWN"), codes(assertThrows(ValidationException.class, () -> equipment.register(plant,
                new EquipmentService.EquipmentDraft("91370281MA3HW2027R", "X-1", "x", InspectedKind.OTHER, null, null, null, null)))));
        InspectedEquipment retired = equipment.retire(plant, v.id(), "装置拆除");
        assertEquals("RETIRED", retired.state());
        assertTrue(equipment.list(plant, null, null, null, 100).isEmpty(), "retired ones leave the plan");
        assertEquals(1, equipment.list(plant, null, null, "RETIRED", 100).size());
        assertThrows(IllegalStateException.class, () -> equipment.retire(plant, v.id(), "again"));
    }

    @Test
    void dueOverdueAndFailedEquipmentIsCountedAndRemindedOncePerDueDate() {
        InspectedEquipment v = valve();
        InspectedEquipment detector = equipment.register(plant, new EquipmentService.EquipmentDraft(PLANT, "GT-201", "罐区B 可燃气体检测器",
                InspectedKind.GAS_DETECTOR, "HS-B", null, null, TODAY.plusDays(10)));
        InspectedEquipment vessel = equipment.register(plant, new EquipmentService.EquipmentDraft(PLANT, "V-101", "液氨储罐", InspectedKind.PRESSURE_VESSEL,
                "HS-A", "容3QD2026001", null, TODAY.plusYears(2)));
        assertEquals("DUE", equipment.get(plant, detector.id()).orElseThrow().state());
        assertEquals(new EquipmentService.Summary(3, 2, 1, 0, 0), equipment.summary(plant));
        assertEquals(2, equipment.remind(), "the detector: the plant and its park");
        assertEquals(0, equipment.remind(), "once per due date");

        clock.now = T0.plus(Duration.ofDays(11));
        assertEquals("OVERDUE", equipment.get(plant, detector.id()).orElseThrow().state());
        assertEquals(List.of(detector.id()), equipment.list(parkOfficer, null, null, "OVERDUE", 10).stream().map(InspectedEquipment::id).toList());
        assertEquals(2, equipment.remind(), "overdue: once more");
        assertEquals(List.of("equipment.due@" + PLANT, "equipment.due@" + PARK, "equipment.overdue@" + PLANT, "equipment.overdue@" + PARK),
                sent.stream().map(n -> n.kind() + "@" + n.organisation()).toList());

        assertEquals(List.of("note:REQUIRED"), codes(assertThrows(ValidationException.class, () -> equipment.recordInspection(plant, vessel.id(),
                new EquipmentService.InspectionDraft(TODAY, "青岛市特种设备检验研究院", InspectionResult.FAIL, null, null, null)))));
        assertEquals(List.of("validUntil:NOT_VALID_AFTER_FAIL"), codes(assertThrows(ValidationException.class, () -> equipment.recordInspection(plant,
                vessel.id(), new EquipmentService.InspectionDraft(TODAY, "青岛市特种设备检验研究院", InspectionResult.FAIL, null, TODAY.plusMonths(6),
                        "壁厚减薄")))));
        InspectedEquipment failed = equipment.recordInspection(plant, vessel.id(), new EquipmentService.InspectionDraft(TODAY, "青岛市特种设备检验研究院",
                InspectionResult.FAIL, "QD-RQ-2026-77", null, "壁厚减薄超标"));
        assertEquals("OUT_OF_SERVICE", failed.state());
        assertTrue(sent.stream().anyMatch(n -> n.kind().equals("equipment.failed") && n.organisation().equals(PARK)), "the park is told");
        equipment.recordInspection(plant, detector.id(), new EquipmentService.InspectionDraft(TODAY.plusDays(11), "青岛市计量科学研究院",
                InspectionResult.PASS, "JL-2026-9981", null, null));
        assertEquals(new EquipmentService.Summary(3, 2, 0, 0, 1), equipment.summary(parkOfficer));
        assertEquals(0, equipment.remind(), "nothing due any more");
        assertEquals(List.of(vessel.id(), v.id(), detector.id()), equipment.list(plant, null, null, null, 10).stream().map(InspectedEquipment::id)
                .toList(), "soonest due first: the failed vessel (due at once), the valve, the detector (a year on)");
    }
}
