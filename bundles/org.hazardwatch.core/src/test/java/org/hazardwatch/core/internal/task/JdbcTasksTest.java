package org.hazardwatch.core.internal.task;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import javax.sql.DataSource;

import org.hazardwatch.api.registry.Enterprise;
import org.hazardwatch.api.registry.EnterpriseStatus;
import org.hazardwatch.api.registry.IndustryGroup;
import org.hazardwatch.api.registry.ValidationException;
import org.hazardwatch.api.notify.Notification;
import org.hazardwatch.api.notify.Notifier;
import org.hazardwatch.api.security.AuditQuery;
import org.hazardwatch.api.security.Caller;
import org.hazardwatch.api.security.DataScope;
import org.hazardwatch.api.security.OrgLevel;
import org.hazardwatch.api.security.Organisation;
import org.hazardwatch.api.security.Permission;
import org.hazardwatch.api.task.AssignmentStatus;
import org.hazardwatch.api.task.Task;
import org.hazardwatch.api.task.TaskAction;
import org.hazardwatch.api.task.TaskAssignment;
import org.hazardwatch.api.task.TaskEvent;
import org.hazardwatch.api.task.TaskService.TaskDraft;
import org.hazardwatch.api.workflow.WorkflowException;
import org.hazardwatch.core.internal.MutableClock;
import org.hazardwatch.core.internal.TestDatabases;
import org.hazardwatch.core.internal.db.DatabaseMigrator;
import org.hazardwatch.core.internal.registry.JdbcRegistry;
import org.hazardwatch.core.internal.security.SecurityComponent;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Tasks on one node (the city and its county, and the county's plant work on it): the workflow per role, passing on, progress. */
class JdbcTasksTest {

    static final Instant T0 = Instant.parse("2026-11-30T02:00:00Z");
    static final String PLANT = "91370281MA3HW2026N";

    MutableClock clock;
    final List<Notification> sent = new java.util.ArrayList<>();
    final Notifier recording = new Notifier() {
        @Override
        public String name() {
            return "recording";
        }

        @Override
        public void send(Notification notification) {
            sent.add(notification);
        }
    };
    /** A gateway that is down: it must not stop the workflow or the other gateways. */
    final Notifier failing = new Notifier() {
        @Override
        public String name() {
            return "broken-sms";
        }

        @Override
        public void send(Notification notification) throws Exception {
            throw new java.io.IOException("gateway down");
        }
    };
    SecurityComponent.Services security;
    JdbcTasks tasks;
    Organisation city;
    Organisation county;
    Organisation plant;
    Caller cityLead;
    Caller countyLead;
    Caller countyOfficer;
    Caller countyViewer;
    Caller plantSafety;

    static Caller caller(String name, Organisation org, DataScope scope, Set<Permission> permissions) {
        return new Caller(name, name, org.id(), org.name(), org.level(), scope, permissions, Set.of());
    }

    @BeforeEach
    void setUp() throws Exception {
        DataSource dataSource = TestDatabases.h2();
        DatabaseMigrator.migrate(dataSource);
        clock = new MutableClock(T0);
        security = SecurityComponent.create(dataSource, new org.hazardwatch.api.auth.PasswordPolicy(10, 3, 5, 15, 480, 30), "HazardWatch", clock);
        SecurityComponent.bootstrap(dataSource, security, "国家中心", null);
        Caller admin = security.directory().caller("admin").orElseThrow();
        JdbcRegistry registry = new JdbcRegistry(dataSource, clock);
        registry.create(new Enterprise(null, PLANT, "青岛模拟化工有限公司", "370281", null, null, "2614", IndustryGroup.FINE_CHEMICALS, null, null, null,
                null, null, EnterpriseStatus.OPERATING, null, null));
        Organisation root = security.organisations().list(admin).get(0);
        Organisation province = security.organisations().create(admin, new Organisation(null, root.id(), "山东省应急管理厅", OrgLevel.PROVINCE, "37",
                null, null, null, null, null, 0, null));
        city = security.organisations().create(admin, new Organisation(null, province.id(), "青岛市应急管理局", OrgLevel.CITY, "3702", null, null,
                null, null, null, 0, null));
        county = security.organisations().create(admin, new Organisation(null, city.id(), "胶州市应急管理局", OrgLevel.COUNTY, "370281", null, null,
                null, null, null, 0, null));
        plant = security.organisations().create(admin, new Organisation(null, county.id(), "青岛模拟化工有限公司", OrgLevel.ENTERPRISE, "370281", null,
                PLANT, null, null, null, 0, null));
        Set<Permission> lead = EnumSet.of(Permission.TASK_VIEW, Permission.TASK_ISSUE, Permission.TASK_REPORT);
        cityLead = caller("city-lead", city, DataScope.region("3702"), lead);
        countyLead = caller("county-lead", county, DataScope.region("370281"), lead);
        countyOfficer = caller("county-officer", county, DataScope.region("370281"), EnumSet.of(Permission.TASK_VIEW, Permission.TASK_REPORT));
        countyViewer = caller("county-viewer", county, DataScope.region("370281"), EnumSet.of(Permission.TASK_VIEW));
        plantSafety = caller("plant-safety", plant, DataScope.enterprise(PLANT), EnumSet.of(Permission.TASK_VIEW, Permission.TASK_REPORT));
        tasks = new JdbcTasks(dataSource, security.organisations(), registry, security.audit(), () -> null,
                () -> List.of(recording, failing), clock);
    }

    static TaskAssignment of(Task task, String org) {
        return task.assignments().stream().filter(a -> a.assigneeOrg().equals(org)).findFirst().orElseThrow();
    }

    static List<String> fields(ValidationException e) {
        return e.fieldErrors().stream().map(f -> f.field() + ":" + f.code()).toList();
    }

    @Test
    void aTaskIsIssuedReceivedReportedReturnedReportedAgainAndAccepted() {
        assertEquals(List.of("370281"), tasks.assignees(cityLead).stream().map(a -> a.code()).toList(), "only the direct subordinates");
        ValidationException bad = assertThrows(ValidationException.class, () -> tasks.issue(cityLead, new TaskDraft(" ", null,
                T0.minusSeconds(1), List.of(PLANT))));
        assertEquals(List.of("title:REQUIRED", "deadline:PAST", "assignees[0]:NOT_SUBORDINATE"), fields(bad));
        assertThrows(SecurityException.class, () -> tasks.issue(countyOfficer, new TaskDraft("x", null, null, List.of(PLANT))));

        Task issued = tasks.issue(cityLead, new TaskDraft("冬季危化品安全大检查", "请于月底前完成辖区重大危险源检查并上报。", T0.plus(Duration.ofDays(7)),
                List.of("370281")));
        assertEquals(AssignmentStatus.ISSUED, of(issued, "370281").status());
        assertEquals(List.of(TaskAction.CANCEL), of(issued, "370281").actions(), "the issuer may only cancel an unreported task");
        Task received = tasks.inbox(countyOfficer, 10).get(0);
        assertEquals(List.of(TaskAction.RECEIVE, TaskAction.REPORT), of(received, "370281").actions());
        assertEquals(List.of(), of(tasks.inbox(countyViewer, 10).get(0), "370281").actions(), "viewing is not handling");
        assertTrue(tasks.inbox(cityLead, 10).isEmpty());
        assertEquals(List.of(issued.id()), tasks.all(Caller.system("shell"), 10).stream().map(Task::id).toList(), "operators see every task");
        assertTrue(tasks.all(countyLead, 10).isEmpty(), "a regional scope does not");
        assertTrue(tasks.outbox(countyLead, 10).isEmpty());

        WorkflowException viewer = assertThrows(WorkflowException.class, () -> tasks.act(countyViewer, issued.id(), "370281", TaskAction.RECEIVE, null));
        assertEquals(WorkflowException.NOT_ALLOWED, viewer.code());
        tasks.act(countyOfficer, issued.id(), "370281", TaskAction.RECEIVE, null);
        assertEquals(WorkflowException.INVALID_TRANSITION, assertThrows(WorkflowException.class,
                () -> tasks.act(countyOfficer, issued.id(), "370281", TaskAction.RECEIVE, null)).code(), "received once");
        assertEquals(List.of("text:REQUIRED"), fields(assertThrows(ValidationException.class,
                () -> tasks.act(countyOfficer, issued.id(), "370281", TaskAction.REPORT, "  "))));
        tasks.act(countyOfficer, issued.id(), "370281", TaskAction.REPORT, "已检查 12 家企业，发现隐患 3 处。");
        assertEquals(WorkflowException.NOT_ALLOWED, assertThrows(WorkflowException.class,
                () -> tasks.act(countyLead, issued.id(), "370281", TaskAction.ACCEPT, null)).code(), "the assignee does not accept its own report");
        assertEquals(List.of("text:REQUIRED"), fields(assertThrows(ValidationException.class,
                () -> tasks.act(cityLead, issued.id(), "370281", TaskAction.RETURN, null))));
        Task returned = tasks.act(cityLead, issued.id(), "370281", TaskAction.RETURN, "缺少隐患整改期限");
        assertEquals(AssignmentStatus.RETURNED, of(returned, "370281").status());
        assertEquals("缺少隐患整改期限", of(returned, "370281").note());
        tasks.act(countyOfficer, issued.id(), "370281", TaskAction.REPORT, "已补充：整改期限 12 月 15 日。");
        Task accepted = tasks.act(cityLead, issued.id(), "370281", TaskAction.ACCEPT, null);
        assertEquals(AssignmentStatus.ACCEPTED, of(accepted, "370281").status());
        assertEquals("已补充：整改期限 12 月 15 日。", of(accepted, "370281").report());
        assertEquals(List.of(), of(accepted, "370281").actions());
        assertEquals(WorkflowException.INVALID_TRANSITION, assertThrows(WorkflowException.class,
                () -> tasks.act(cityLead, issued.id(), "370281", TaskAction.CANCEL, "x")).code(), "nothing after acceptance");

        List<TaskEvent> history = tasks.history(cityLead, issued.id());
        assertEquals(List.of("null:ISSUED", "RECEIVE:RECEIVED", "REPORT:REPORTED", "RETURN:RETURNED", "REPORT:REPORTED", "ACCEPT:ACCEPTED"),
                history.stream().map(e -> e.action() + ":" + e.to()).toList());
        assertEquals("county-officer", history.get(2).actor());
        var audited = security.audit().search(Caller.system("test"), new AuditQuery(null, null, null, null, "task", null, null), 0, 20).items();
        assertEquals(6, audited.size(), "issue, receive, report, return, report, accept");
        assertTrue(audited.stream().anyMatch(e -> e.action().equals("task.return") && e.detail().contains("缺少隐患整改期限")));
    }

    @Test
    void onlyTheAssigneeAddsFilesAndOnlyBeforeItReports() {
        Task issued = tasks.issue(cityLead, new TaskDraft("危化品储存检查", null, null, List.of("370281")));
        byte[] photo = { (byte) 0xFF, (byte) 0xD8, 9, 9 };
        assertThrows(SecurityException.class, () -> tasks.attach(cityLead, issued.id(), "370281", "x.jpg", "image/jpeg",
                new java.io.ByteArrayInputStream(photo)), "the issuer does not add to the assignee's report");
        assertThrows(SecurityException.class, () -> tasks.attach(countyViewer, issued.id(), "370281", "x.jpg", "image/jpeg",
                new java.io.ByteArrayInputStream(photo)));
        assertEquals(List.of("content:EMPTY"), fields(assertThrows(ValidationException.class, () -> tasks.attach(countyOfficer, issued.id(),
                "370281", "x.jpg", "image/jpeg", new java.io.ByteArrayInputStream(new byte[0])))));
        var file = tasks.attach(countyOfficer, issued.id(), "370281", "现场/照片.jpg", "image/jpeg", new java.io.ByteArrayInputStream(photo));
        assertEquals("现场_照片.jpg", file.fileName(), "no path in a file name");
        assertEquals(org.hazardwatch.core.internal.files.UploadedFile.sha256(photo), file.sha256());
        assertThrows(IllegalStateException.class, () -> tasks.attach(countyOfficer, issued.id(), "370281", "现场/照片.jpg", "image/jpeg",
                new java.io.ByteArrayInputStream(photo)), "the same file twice");
        tasks.act(countyOfficer, issued.id(), "370281", TaskAction.REPORT, "检查完成，照片附后");
        assertThrows(IllegalStateException.class, () -> tasks.attach(countyOfficer, issued.id(), "370281", "late.jpg", "image/jpeg",
                new java.io.ByteArrayInputStream(photo)), "not once reported");
        assertEquals(List.of(file.id()), tasks.attachments(cityLead, issued.id()).stream().map(a -> a.id()).toList(), "the issuer reads it");
        assertTrue(java.util.Arrays.equals(photo, tasks.attachment(cityLead, issued.id(), file.id()).orElseThrow().content()));
        assertTrue(tasks.attachments(plantSafety, issued.id()).isEmpty(), "not the plant's task");
        assertTrue(tasks.history(cityLead, issued.id()).stream().anyMatch(e -> e.note() != null && e.note().startsWith("附件：现场_照片.jpg")));
    }

    @Test
    void aReceiverPassesTheTaskOnAndItsProgressRollsUp() throws Exception {
        Task issued = tasks.issue(cityLead, new TaskDraft("汛期隐患排查", null, T0.plus(Duration.ofDays(3)), List.of("370281")));
        assertThrows(WorkflowException.class, () -> tasks.forward(cityLead, issued.id(), new TaskDraft("x", null, null, List.of("370281"))),
                "only a receiver passes it on");
        Task passedOn = tasks.forward(countyLead, issued.id(), new TaskDraft("汛期隐患排查（转发）", "各企业 3 日内上报。", T0.plus(Duration.ofDays(2)),
                List.of(PLANT)));
        assertEquals(issued.id(), passedOn.parentId());
        assertEquals(List.of(passedOn.id()), tasks.forwards(cityLead, issued.id()).stream().map(Task::id).toList());
        String progress = of(tasks.get(cityLead, issued.id()).orElseThrow(), "370281").progress();
        assertTrue(progress.contains("\"org\":\"" + PLANT + "\"") && progress.contains("\"status\":\"ISSUED\""), progress);

        tasks.act(plantSafety, passedOn.id(), PLANT, TaskAction.REPORT, "罐区已排查，无新增隐患。");
        progress = of(tasks.get(cityLead, issued.id()).orElseThrow(), "370281").progress();
        assertTrue(progress.contains("\"status\":\"REPORTED\""), "the city sees the plant has reported: " + progress);
        assertEquals(AssignmentStatus.ISSUED, of(tasks.get(cityLead, issued.id()).orElseThrow(), "370281").status(),
                "the county itself has not reported yet");
        assertFalse(tasks.get(plantSafety, issued.id()).isPresent(), "the plant does not see the city's task to the county");
    }

    /** What awaits whom: the to-do list, the notifications, the reminders of deadlines. */
    @Test
    void peopleAreToldWhatAwaitsThemAndRemindedOfDeadlinesOnce() {
        Task issued = tasks.issue(cityLead, new TaskDraft("报送季度统计", null, T0.plus(Duration.ofHours(20)), List.of("370281")));
        assertEquals(List.of("task.issued@370281"), kinds());
        assertEquals(List.of(TaskAction.RECEIVE, TaskAction.REPORT), tasks.todo(countyOfficer).get(0).actions());
        assertTrue(tasks.todo(cityLead).isEmpty(), "nothing for the issuer to do yet (cancelling is not a to-do)");

        assertEquals(1, tasks.remind(Duration.ofHours(24)), "due within a day");
        assertEquals(0, tasks.remind(Duration.ofHours(24)), "once");
        assertEquals("task.due@370281", kinds().get(1));
        clock.now = T0.plus(Duration.ofHours(21));
        assertEquals(2, tasks.remind(Duration.ofHours(24)), "overdue: the county and the city are told");
        assertEquals(List.of("task.overdue@370281", "task.overdue@3702"), kinds().subList(2, 4));
        assertEquals(0, tasks.remind(Duration.ofHours(24)));
        assertTrue(tasks.todo(countyOfficer).get(0).overdue());

        tasks.act(countyOfficer, issued.id(), "370281", TaskAction.REPORT, "已报送");
        assertEquals("task.reported@3702", kinds().get(4));
        assertEquals(List.of(TaskAction.ACCEPT, TaskAction.RETURN, TaskAction.CANCEL), tasks.todo(cityLead).get(0).actions());
        assertTrue(tasks.todo(countyOfficer).isEmpty());
        tasks.act(cityLead, issued.id(), "370281", TaskAction.RETURN, "数据不全");
        assertEquals("task.return@370281", kinds().get(5));
        assertEquals("/tasks/" + issued.id(), sent.get(5).link());
        assertEquals("数据不全", sent.get(5).text());
    }

    List<String> kinds() {
        return sent.stream().map(n -> n.kind() + "@" + n.organisation()).toList();
    }

    @Test
    void anAssignmentAwaitingTheAssigneePastItsDeadlineIsOverdue() {
        Task issued = tasks.issue(cityLead, new TaskDraft("报送月报", null, T0.plus(Duration.ofHours(1)), List.of("370281")));
        assertFalse(of(tasks.get(cityLead, issued.id()).orElseThrow(), "370281").overdue());
        clock.now = T0.plus(Duration.ofHours(2));
        assertTrue(of(tasks.get(cityLead, issued.id()).orElseThrow(), "370281").overdue());
        tasks.act(countyOfficer, issued.id(), "370281", TaskAction.REPORT, "迟报：已完成");
        assertFalse(of(tasks.get(cityLead, issued.id()).orElseThrow(), "370281").overdue(), "reported: the issuer's turn");
    }
}
