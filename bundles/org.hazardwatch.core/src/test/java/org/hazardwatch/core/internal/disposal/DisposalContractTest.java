package org.hazardwatch.core.internal.disposal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import org.hazardwatch.api.alarm.AlarmEvent;
import org.hazardwatch.api.alarm.AlarmEventType;
import org.hazardwatch.api.disposal.Disposal;
import org.hazardwatch.api.disposal.DisposalAttachment;
import org.hazardwatch.api.disposal.DisposalStatus;
import org.hazardwatch.api.disposal.EmergencyPlan;
import org.hazardwatch.api.model.Alarm;
import org.hazardwatch.api.model.AlarmKind;
import org.hazardwatch.api.model.AlarmPriority;
import org.hazardwatch.api.model.MonitoringPoint;
import org.hazardwatch.api.model.PointType;
import org.hazardwatch.api.registry.FieldError;
import org.hazardwatch.api.registry.ValidationException;
import org.hazardwatch.core.internal.db.DatabaseMigrator;
import org.hazardwatch.core.internal.db.JdbcAlarmStore;
import org.hazardwatch.core.internal.db.JdbcPointRepository;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The disposal workflow on H2 and PostgreSQL: allowed and refused moves, assignments, notes, files, plans. */
abstract class DisposalContractTest {

    static final Instant T0 = Instant.parse("2026-11-29T08:00:00Z");

    JdbcDisposals disposals;
    long alarmId;
    EmergencyPlan plan;

    abstract DataSource createDataSource();

    @BeforeEach
    void setUp() throws Exception {
        DataSource dataSource = createDataSource();
        DatabaseMigrator.migrate(dataSource);
        JdbcPointRepository points = new JdbcPointRepository(dataSource);
        points.save(new MonitoringPoint("GAS-1", "罐区B可燃气体检测器", PointType.COMBUSTIBLE_GAS, "%LEL", 0, 100, null, 25.0,
                "罐区B", "ENT-1", "HS-B"));
        JdbcAlarmStore alarms = new JdbcAlarmStore(dataSource);
        Alarm alarm = alarms.record(Alarm.activated("GAS-1", AlarmKind.HIGH_HIGH, AlarmPriority.HIGH, 57.5, 50, T0, false),
                new AlarmEvent(0, 0, "GAS-1", AlarmKind.HIGH_HIGH, AlarmPriority.HIGH, AlarmEventType.ACTIVATED,
                        org.hazardwatch.api.model.AlarmState.UNACKED_ACTIVE, T0, AlarmEvent.SYSTEM, null, 57.5, true));
        alarmId = alarm.id();
        disposals = new JdbcDisposals(dataSource, alarms::find, points::findById, Clock.fixed(T0, ZoneOffset.UTC));
        plan = disposals.savePlan(new EmergencyPlan(null, "ENT-1", "HS-B", "汽油罐区泄漏现场处置方案", EmergencyPlan.PlanLevel.ON_SITE,
                "1. 切断泄漏源\n2. 启动喷淋\n3. 疏散人员", "YA-2026-03", null, null), "planner");
    }

    @Test
    void anAlarmGoesFromViewToVerificationToDisposalByAPlanToClosure() {
        Disposal opened = disposals.open(alarmId, "zhangsan");
        assertEquals(DisposalStatus.VIEWED, opened.status());
        assertEquals("ENT-1", opened.enterpriseCode());
        assertEquals("HS-B", opened.hazardSourceCode());
        assertEquals(opened.id(), disposals.open(alarmId, "lisi").id(), "one disposal per alarm");

        Instant deadline = T0.plus(Duration.ofMinutes(30));
        Disposal verifying = disposals.verify(opened.id(), "王工", deadline, "请立即到罐区B核实", "zhangsan");
        assertEquals(DisposalStatus.VERIFYING, verifying.status());
        assertEquals("王工", verifying.assignee());
        assertTrue(verifying.isOverdue(T0.plus(Duration.ofMinutes(31))));
        assertEquals(1, disposals.list(null, null, null, T0.plus(Duration.ofHours(1)), 0, 10).total(), "overdue");

        Disposal disposing = disposals.dispose(opened.id(), plan.id(), "应急小组", T0.plus(Duration.ofHours(2)),
                "现场确认法兰泄漏", "王工");
        assertEquals(DisposalStatus.DISPOSING, disposing.status());
        assertEquals(plan.id(), disposing.planId());
        disposals.note(opened.id(), "已关闭阀门 V-201", "应急小组");
        DisposalAttachment photo = disposals.attach(opened.id(), "现场照片.jpg", "image/jpeg",
                new ByteArrayInputStream(new byte[] { (byte) 0xFF, (byte) 0xD8, 1, 2, 3 }), "应急小组");
        assertEquals(64, photo.sha256().length());
        assertArrayEquals(new byte[] { (byte) 0xFF, (byte) 0xD8, 1, 2, 3 },
                disposals.attachmentContent(opened.id(), photo.id()).orElseThrow());

        Disposal closed = disposals.close(opened.id(), "法兰垫片老化泄漏，已更换，可燃气体浓度恢复正常", false, "zhangsan");
        assertEquals(DisposalStatus.CLOSED, closed.status());
        assertEquals(T0, closed.closedAt());
        assertEquals(List.of("VIEWED", "VERIFYING", "DISPOSING", "DISPOSING", "CLOSED"),
                closed.steps().stream().map(s -> s.to().name()).toList());
        assertEquals("已关闭阀门 V-201", closed.steps().get(3).note());
        assertEquals(1, closed.attachments().size());
        assertFalse(closed.isOverdue(T0.plus(Duration.ofDays(1))));

        IllegalStateException after = assertThrows(IllegalStateException.class, () -> disposals.note(opened.id(), "x", "y"));
        assertTrue(after.getMessage().contains("closed"));
        assertThrows(IllegalStateException.class, () -> disposals.attach(opened.id(), "a.txt", "text/plain",
                new ByteArrayInputStream("x".getBytes(StandardCharsets.UTF_8)), "y"));
        assertThrows(IllegalStateException.class, () -> disposals.deletePlan(plan.id()), "a used plan stays");
    }

    @Test
    void movesTheStatusDoesNotAllowAreRefusedWithTheAllowedOnes() {
        Disposal opened = disposals.open(alarmId, "zhangsan");
        IllegalStateException skip = assertThrows(IllegalStateException.class,
                () -> disposals.dispose(opened.id(), plan.id(), "a", T0, null, "u"));
        assertTrue(skip.getMessage().contains("VIEWED: it can move to [VERIFYING], not DISPOSING"), skip.getMessage());
        assertThrows(IllegalStateException.class, () -> disposals.close(opened.id(), "done", false, "u"));
        disposals.verify(opened.id(), "王工", T0, null, "u");
        IllegalStateException notFalse = assertThrows(IllegalStateException.class,
                () -> disposals.close(opened.id(), "done", false, "u"));
        assertTrue(notFalse.getMessage().contains("false alarm"), notFalse.getMessage());
        Disposal falseAlarm = disposals.close(opened.id(), "现场无泄漏，检测器受潮误报", true, "王工");
        assertTrue(falseAlarm.falseAlarm());
        assertEquals(DisposalStatus.CLOSED, falseAlarm.status());
        assertThrows(IllegalStateException.class, () -> disposals.verify(opened.id(), "a", T0, null, "u"));
        assertThrows(NoSuchElementException.class, () -> disposals.verify(424242, "a", T0, null, "u"));
        assertThrows(NoSuchElementException.class, () -> disposals.open(424242, "u"));
    }

    @Test
    void badInputIsRefusedFieldByField() {
        Disposal opened = disposals.open(alarmId, "zhangsan");
        ValidationException missing = assertThrows(ValidationException.class,
                () -> disposals.verify(opened.id(), " ", null, "x".repeat(4001), "u"));
        assertEquals(Set.of("assignee", "deadline", "note"), fields(missing));
        disposals.verify(opened.id(), "王工", T0, null, "u");
        EmergencyPlan elsewhere = disposals.savePlan(new EmergencyPlan(null, "ENT-2", null, "别家预案",
                EmergencyPlan.PlanLevel.COMPREHENSIVE, "1. x", null, null, null), "p");
        assertEquals(Set.of("planId"), fields(assertThrows(ValidationException.class,
                () -> disposals.dispose(opened.id(), elsewhere.id(), "a", T0, null, "u"))));
        assertEquals(Set.of("planId"), fields(assertThrows(ValidationException.class,
                () -> disposals.dispose(opened.id(), 999, "a", T0, null, "u"))));
        assertEquals(Set.of("conclusion"), fields(assertThrows(ValidationException.class,
                () -> disposals.close(opened.id(), "  ", true, "u"))));
        assertEquals(Set.of("fileName", "contentType"), fields(assertThrows(ValidationException.class,
                () -> disposals.attach(opened.id(), "", "not a type", new ByteArrayInputStream(new byte[] { 1 }), "u"))));
        assertEquals(Set.of("content"), fields(assertThrows(ValidationException.class,
                () -> disposals.attach(opened.id(), "a.bin", null, new ByteArrayInputStream(new byte[0]), "u"))));
        DisposalAttachment traversal = disposals.attach(opened.id(), "../../etc/passwd", null,
                new ByteArrayInputStream(new byte[] { 1 }), "u");
        assertFalse(traversal.fileName().contains("/"), traversal.fileName());
        assertEquals(Set.of("enterpriseCode", "title", "level", "steps"), fields(assertThrows(ValidationException.class,
                () -> disposals.savePlan(new EmergencyPlan(null, null, null, " ", null, null, null, null, null), "p"))));
    }

    @Test
    void plansOfASourceIncludeTheEnterpriseWideOnes() {
        disposals.savePlan(new EmergencyPlan(null, "ENT-1", null, "综合应急预案", EmergencyPlan.PlanLevel.COMPREHENSIVE,
                "1. 启动应急响应", null, null, null), "p");
        disposals.savePlan(new EmergencyPlan(null, "ENT-1", "HS-A", "液氨罐区专项预案", EmergencyPlan.PlanLevel.SPECIAL,
                "1. 堵漏", null, null, null), "p");
        assertEquals(Set.of("汽油罐区泄漏现场处置方案", "综合应急预案"),
                disposals.plans("ENT-1", "HS-B").stream().map(EmergencyPlan::title).collect(Collectors.toSet()));
        assertEquals(3, disposals.plans("ENT-1", null).size());
        EmergencyPlan renamed = disposals.savePlan(new EmergencyPlan(plan.id(), "ENT-1", "HS-B", "新名称", plan.level(),
                plan.steps(), null, null, null), "p2");
        assertEquals("新名称", renamed.title());
        assertEquals("p2", renamed.updatedBy());
        assertTrue(disposals.deletePlan(renamed.id()));
        assertFalse(disposals.deletePlan(renamed.id()));
    }

    static Set<String> fields(ValidationException e) {
        return e.fieldErrors().stream().map(FieldError::field).collect(Collectors.toSet());
    }
}
