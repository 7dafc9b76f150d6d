package org.hazardwatch.core.internal.danger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import javax.sql.DataSource;

import org.hazardwatch.api.danger.DangerAction;
import org.hazardwatch.api.danger.DangerCategory;
import org.hazardwatch.api.danger.DangerLevel;
import org.hazardwatch.api.danger.DangerStatus;
import org.hazardwatch.api.danger.HiddenDanger;
import org.hazardwatch.api.danger.HiddenDangerService;
import org.hazardwatch.api.danger.Inspection;
import org.hazardwatch.api.notify.Notification;
import org.hazardwatch.api.notify.Notifier;
import org.hazardwatch.api.registry.Enterprise;
import org.hazardwatch.api.registry.EnterpriseStatus;
import org.hazardwatch.api.registry.IndustryGroup;
import org.hazardwatch.api.registry.ValidationException;
import org.hazardwatch.api.security.AuditEntry;
import org.hazardwatch.api.security.AuditQuery;
import org.hazardwatch.api.security.Caller;
import org.hazardwatch.api.security.DataScope;
import org.hazardwatch.api.security.OrgLevel;
import org.hazardwatch.api.security.Permission;
import org.hazardwatch.api.workflow.WorkflowException;
import org.hazardwatch.core.internal.MutableClock;
import org.hazardwatch.core.internal.TestDatabases;
import org.hazardwatch.core.internal.db.DatabaseMigrator;
import org.hazardwatch.core.internal.files.UploadedFile;
import org.hazardwatch.core.internal.registry.JdbcRegistry;
import org.hazardwatch.core.internal.security.SecurityComponent;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Hidden dangers on one county node: a general one the plant closes itself, a major one under the county's notice and
 * governance project, overdue tracking, scopes, and investigations. Nothing closes without acceptance.
 */
class JdbcHiddenDangersTest {

    static final Instant T0 = Instant.parse("2026-11-30T02:00:00Z");
    static final String PLANT = "91370281MA3HW2026N";
    static final String OTHER_PLANT = "91370281MA3HW2027R";

    MutableClock clock;
    SecurityComponent.Services security;
    JdbcHiddenDangers dangers;
    final List<Notification> sent = new ArrayList<>();
    Caller plant;
    Caller otherPlant;
    Caller county;
    Caller city;

    static Caller caller(String name, OrgLevel level, DataScope scope, Set<Permission> permissions) {
        return new Caller(name, name, null, name + " 的单位", level, scope, permissions, Set.of());
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
        security = SecurityComponent.create(dataSource, new org.hazardwatch.api.auth.PasswordPolicy(10, 3, 5, 15, 480, 30), "HazardWatch", clock);
        SecurityComponent.bootstrap(dataSource, security, "国家中心", null);
        JdbcRegistry registry = new JdbcRegistry(dataSource, clock);
        for (String[] e : new String[][] { { PLANT, "青岛模拟化工有限公司" }, { OTHER_PLANT, "胶州另一化工有限公司" } }) {
            registry.create(new Enterprise(null, e[0], e[1], "370281", null, null, "2614", IndustryGroup.FINE_CHEMICALS, null, null, null, null,
                    null, EnterpriseStatus.OPERATING, null, null));
        }
        Set<Permission> enterprise = EnumSet.of(Permission.DANGER_VIEW, Permission.DANGER_RECTIFY);
        Set<Permission> supervisor = EnumSet.of(Permission.DANGER_VIEW, Permission.DANGER_RECTIFY, Permission.DANGER_SUPERVISE);
        plant = caller("plant-safety", OrgLevel.ENTERPRISE, DataScope.enterprise(PLANT), enterprise);
        otherPlant = caller("other-safety", OrgLevel.ENTERPRISE, DataScope.enterprise(OTHER_PLANT), enterprise);
        county = caller("county-lead", OrgLevel.COUNTY, DataScope.region("370281"), supervisor);
        city = caller("city-lead", OrgLevel.CITY, DataScope.region("3702"), supervisor);
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
        dangers = new JdbcHiddenDangers(dataSource, registry, security.audit(), () -> List.of(recording), clock);
    }

    HiddenDanger found(Caller who, DangerLevel level, Long inspectionId) {
        return dangers.record(who, new HiddenDangerService.DangerDraft(PLANT, "HS-A", inspectionId, level, DangerCategory.EQUIPMENT,
                "罐区A T101 液位计", "液位计远传与就地指示偏差 8%", null));
    }

    void evidence(Caller who, String id) {
        dangers.attach(who, id, "EVIDENCE", "整改后.jpg", "image/jpeg", new ByteArrayInputStream(new byte[] { (byte) 0xFF, (byte) 0xD8, 1, 2 }));
    }

    static List<String> codes(ValidationException e) {
        return e.fieldErrors().stream().map(f -> f.field() + ":" + f.code()).toList();
    }

    @Test
    void aGeneralHiddenDangerIsRectifiedReportedWithEvidenceAndClosedOnlyByAcceptance() {
        HiddenDanger d = found(plant, DangerLevel.GENERAL, null);
        assertEquals(DangerStatus.FOUND, d.status());
        assertEquals(List.of(DangerAction.ASSIGN), d.actions());
        assertEquals(List.of("responsible:REQUIRED", "deadline:REQUIRED"), codes(assertThrows(ValidationException.class,
                () -> dangers.act(plant, d.id(), DangerAction.ASSIGN, null))));
        assertEquals(List.of("deadline:IN_PAST"), codes(assertThrows(ValidationException.class, () -> dangers.act(plant, d.id(),
                DangerAction.ASSIGN, new HiddenDangerService.Step(null, "王工", T0.minusSeconds(1), null)))));
        HiddenDanger rectifying = dangers.act(plant, d.id(), DangerAction.ASSIGN, new HiddenDangerService.Step("更换液位计", "王工",
                T0.plus(Duration.ofDays(7)), null));
        assertEquals(DangerStatus.RECTIFYING, rectifying.status());
        assertNull(rectifying.noticeNumber(), "the enterprise's own arrangement is no notice");
        // it cannot be closed from here: acceptance comes after a report
        assertEquals(WorkflowException.INVALID_TRANSITION, assertThrows(WorkflowException.class,
                () -> dangers.act(plant, d.id(), DangerAction.ACCEPT, null)).code());
        assertEquals(List.of("note:REQUIRED", "attachments:EVIDENCE_REQUIRED"), codes(assertThrows(ValidationException.class,
                () -> dangers.act(plant, d.id(), DangerAction.REPORT, null))));
        evidence(plant, d.id());
        HiddenDanger reported = dangers.act(plant, d.id(), DangerAction.REPORT, new HiddenDangerService.Step("已更换液位计并校验", null, null, null));
        assertEquals(DangerStatus.AWAITING_ACCEPTANCE, reported.status());
        assertEquals(List.of("note:REQUIRED"), codes(assertThrows(ValidationException.class, () -> dangers.act(county, d.id(), DangerAction.REJECT,
                null))));
        assertEquals(DangerStatus.RECTIFYING, dangers.act(county, d.id(), DangerAction.REJECT, new HiddenDangerService.Step("未附校验记录", null, null,
                null)).status());
        dangers.act(plant, d.id(), DangerAction.REPORT, new HiddenDangerService.Step("补充校验记录", null, null, null));
        HiddenDanger closed = dangers.act(plant, d.id(), DangerAction.ACCEPT, new HiddenDangerService.Step("验收合格", null, null, null));
        assertEquals(DangerStatus.CLOSED, closed.status());
        assertEquals("plant-safety", closed.acceptedBy());
        assertTrue(closed.actions().isEmpty());
        assertThrows(IllegalStateException.class, () -> evidence(plant, d.id()), "a closed one takes no more files");

        List<String> steps = closed.events().stream().map(e -> e.action() == null ? "file" : e.action().name()).toList();
        assertEquals(List.of("file", "ASSIGN", "file", "REPORT", "REJECT", "REPORT", "ACCEPT"), steps);
        assertTrue(closed.events().get(1).note().contains("责任人 王工"), closed.events().get(1).note());
        assertEquals(UploadedFile.sha256(new byte[] { (byte) 0xFF, (byte) 0xD8, 1, 2 }), closed.attachments().get(0).sha256());
        List<String> audited = security.audit().search(Caller.system("test"), new AuditQuery(null, null, null, null, null, null, null), 0, 100)
                .items().stream().filter(e -> "hidden-danger".equals(e.targetType())).map(AuditEntry::action).toList();
        for (String action : List.of("hidden-danger.record", "hidden-danger.assign", "hidden-danger.attach", "hidden-danger.report",
                "hidden-danger.reject", "hidden-danger.accept")) {
            assertTrue(audited.contains(action), action + " in " + audited);
        }
        assertEquals(List.of("hidden-danger.assigned@" + PLANT, "hidden-danger.reported@" + PLANT, "hidden-danger.rejected@" + PLANT,
                "hidden-danger.reported@" + PLANT, "hidden-danger.closed@" + PLANT), sent.stream().map(n -> n.kind() + "@" + n.organisation()).toList());
    }

    @Test
    void aMajorHiddenDangerNeedsTheCountysNoticeACompleteGovernanceProjectAndTheCountysAcceptance() {
        HiddenDanger d = found(county, DangerLevel.MAJOR, null);
        assertEquals(List.of("hidden-danger.major-found@370281", "hidden-danger.found@" + PLANT),
                sent.stream().map(n -> n.kind() + "@" + n.organisation()).toList());
        assertEquals(List.of(), dangers.get(plant, d.id()).orElseThrow().actions(), "the plant does not arrange a major one itself");
        assertEquals(WorkflowException.NOT_ALLOWED, assertThrows(WorkflowException.class, () -> dangers.act(plant, d.id(), DangerAction.ASSIGN,
                new HiddenDangerService.Step(null, "王工", T0.plus(Duration.ofDays(30)), null))).code());
        assertEquals(List.of("noticeNumber:REQUIRED"), codes(assertThrows(ValidationException.class, () -> dangers.act(county, d.id(),
                DangerAction.ASSIGN, new HiddenDangerService.Step(null, "王工", T0.plus(Duration.ofDays(30)), null)))));
        HiddenDanger noticed = dangers.act(county, d.id(), DangerAction.ASSIGN, new HiddenDangerService.Step("挂牌督办", "企业主要负责人 李总",
                T0.plus(Duration.ofDays(30)), "胶应急隐改〔2026〕12号"));
        assertEquals("胶应急隐改〔2026〕12号", noticed.noticeNumber());
        assertEquals("county-lead 的单位", noticed.noticeIssuedBy());
        assertEquals(List.of(), noticed.actions(), "the county waits for the plant's report");
        assertEquals(List.of(DangerAction.REPORT), dangers.get(plant, d.id()).orElseThrow().actions());

        evidence(plant, d.id());
        assertEquals(List.of("governance:NOT_COMPLETE"), codes(assertThrows(ValidationException.class, () -> dangers.act(plant, d.id(),
                DangerAction.REPORT, new HiddenDangerService.Step("已整改", null, null, null)))));
        assertEquals(List.of("governance:MISSING"), codes(assertThrows(ValidationException.class, () -> dangers.progress(plant, d.id(), 10, null))));
        assertEquals(List.of("measures:REQUIRED", "funds:INVALID"), codes(assertThrows(ValidationException.class,
                () -> dangers.plan(plant, d.id(), " ", new BigDecimal("-1"), "李总", T0.plus(Duration.ofDays(30))))));
        HiddenDanger planned = dangers.plan(plant, d.id(), "更换液位计，增设独立高液位联锁", new BigDecimal("12.50"), "李总", T0.plus(Duration.ofDays(30)));
        assertEquals(0, planned.governance().progressPercent());
        assertEquals(new BigDecimal("12.50"), planned.governance().funds());
        dangers.progress(plant, d.id(), 60, "联锁已安装");
        assertEquals(List.of("percent:OUT_OF_RANGE"), codes(assertThrows(ValidationException.class, () -> dangers.progress(plant, d.id(), 40, null))),
                "progress does not go back");
        dangers.progress(plant, d.id(), 100, "调试完成");
        dangers.act(plant, d.id(), DangerAction.REPORT, new HiddenDangerService.Step("治理完成，申请销号", null, null, null));
        assertEquals("hidden-danger.reported@370281", sent.get(sent.size() - 1).kind() + "@" + sent.get(sent.size() - 1).organisation(),
                "a major one is reported to the county");
        assertThrows(IllegalStateException.class, () -> dangers.progress(plant, d.id(), 100, null), "fixed once reported");
        assertEquals(WorkflowException.NOT_ALLOWED, assertThrows(WorkflowException.class, () -> dangers.act(plant, d.id(), DangerAction.ACCEPT,
                null)).code(), "the plant does not close its own major hidden danger");
        assertEquals(List.of(), dangers.get(city, d.id()).orElseThrow().actions(), "nor does the city");
        assertEquals(DangerStatus.CLOSED, dangers.act(county, d.id(), DangerAction.ACCEPT, new HiddenDangerService.Step("现场验收合格，予以销号",
                null, null, null)).status());
        assertThrows(IllegalStateException.class, () -> dangers.plan(county, d.id(), "x", BigDecimal.ONE, "x", T0), "closed");
    }

    @Test
    void overdueRectificationsAreTrackedCountedAndRemindedOnce() {
        HiddenDanger d = found(county, DangerLevel.MAJOR, null);
        dangers.act(county, d.id(), DangerAction.ASSIGN, new HiddenDangerService.Step(null, "李总", T0.plus(Duration.ofDays(3)), "胶应急隐改〔2026〕13号"));
        HiddenDanger general = found(plant, DangerLevel.GENERAL, null);
        assertFalse(dangers.get(county, d.id()).orElseThrow().overdue());
        assertEquals(0, dangers.remindOverdue());
        sent.clear();

        clock.now = T0.plus(Duration.ofDays(4));
        assertTrue(dangers.get(county, d.id()).orElseThrow().overdue());
        assertFalse(dangers.get(county, general.id()).orElseThrow().overdue(), "no deadline yet");
        assertEquals(List.of(d.id()), dangers.search(county, new HiddenDangerService.Query(null, null, null, null, true, null), 0, 10).items().stream()
                .map(HiddenDanger::id).toList());
        HiddenDangerService.Statistics statistics = dangers.statistics(county, null, null);
        assertEquals(1, statistics.overdue());
        assertEquals(1L, statistics.openByLevel().get(DangerLevel.MAJOR));
        assertEquals(1L, statistics.openByLevel().get(DangerLevel.GENERAL));
        assertEquals(2L, statistics.openByCategory().get(DangerCategory.EQUIPMENT));
        assertEquals(2, statistics.byRegion().get(0).open());
        assertEquals(2, dangers.remindOverdue(), "the plant and, for a major one, the county");
        assertEquals(0, dangers.remindOverdue(), "once");
        assertEquals(d.id(), dangers.todo(plant).get(0).id(), "overdue first in the to-do list");
    }

    @Test
    void scopesAndInvestigations() {
        HiddenDanger d = found(plant, DangerLevel.GENERAL, null);
        assertTrue(dangers.get(otherPlant, d.id()).isEmpty());
        assertEquals(0, dangers.search(otherPlant, null, 0, 10).total());
        assertEquals(List.of("uscc:UNKNOWN"), codes(assertThrows(ValidationException.class, () -> dangers.record(otherPlant,
                new HiddenDangerService.DangerDraft(PLANT, null, null, DangerLevel.GENERAL, DangerCategory.FIRE, "x", "y", null)))));
        assertEquals(List.of("level:REQUIRED", "category:REQUIRED", "location:REQUIRED", "description:REQUIRED"), codes(assertThrows(
                ValidationException.class, () -> dangers.record(plant, new HiddenDangerService.DangerDraft(PLANT, null, null, null, null, " ", null,
                        null)))));

        Inspection self = dangers.planInspection(plant, new HiddenDangerService.InspectionDraft(PLANT, "self", "罐区月度自查",
                List.of("液位计与就地指示一致", "紧急切断阀动作正常", " "), "王工", T0.plus(Duration.ofDays(1))));
        assertEquals("SELF", self.kind());
        assertEquals(2, self.checklist().size());
        assertThrows(SecurityException.class, () -> dangers.planInspection(plant, new HiddenDangerService.InspectionDraft(PLANT, "SUPERVISION",
                "x", List.of(), "x", T0)), "the plant does not plan supervision");
        Inspection supervision = dangers.planInspection(county, new HiddenDangerService.InspectionDraft(PLANT, "SUPERVISION", "冬季专项检查",
                List.of("重大危险源监测监控"), "县应急局 张科", T0.plus(Duration.ofDays(2))));
        assertEquals("hidden-danger.inspection-planned@" + PLANT, sent.get(sent.size() - 1).kind() + "@" + sent.get(sent.size() - 1).organisation());
        found(plant, DangerLevel.GENERAL, self.id());
        assertEquals(List.of("inspectionId:UNKNOWN"), codes(assertThrows(ValidationException.class, () -> dangers.record(plant,
                new HiddenDangerService.DangerDraft(PLANT, null, 999L, DangerLevel.GENERAL, DangerCategory.FIRE, "x", "y", null)))));
        Inspection done = dangers.completeInspection(plant, self.id(), "发现一般隐患 1 项");
        assertEquals("DONE", done.status());
        assertEquals(1, done.dangerCount());
        assertThrows(IllegalStateException.class, () -> dangers.completeInspection(plant, self.id(), "again"));
        assertThrows(SecurityException.class, () -> dangers.completeInspection(plant, supervision.id(), "x"));
        assertEquals(2, dangers.inspections(county, PLANT, null, 10).size());
        assertEquals(0, dangers.inspections(otherPlant, null, null, 10).size());
        assertEquals(1, dangers.search(county, new HiddenDangerService.Query(null, null, null, null, null, self.id()), 0, 10).total());
    }
}
