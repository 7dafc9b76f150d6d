package org.hazardwatch.core.internal.registration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import javax.sql.DataSource;

import org.hazardwatch.api.exchange.ExchangeLinks;
import org.hazardwatch.api.hazard.Equipment;
import org.hazardwatch.api.hazard.EquipmentKind;
import org.hazardwatch.api.hazard.HazardSource;
import org.hazardwatch.api.hazard.HazardSourceStatus;
import org.hazardwatch.api.hazard.HazardUnit;
import org.hazardwatch.api.hazard.InventoryItem;
import org.hazardwatch.api.hazard.UnitKind;
import org.hazardwatch.api.notify.Notification;
import org.hazardwatch.api.notify.Notifier;
import org.hazardwatch.api.registration.CancellationReason;
import org.hazardwatch.api.registration.DocumentType;
import org.hazardwatch.api.registration.NoticeRenderer;
import org.hazardwatch.api.registration.RegistrationAction;
import org.hazardwatch.api.registration.RegistrationCase;
import org.hazardwatch.api.registration.RegistrationDocument;
import org.hazardwatch.api.registration.RegistrationKind;
import org.hazardwatch.api.registration.RegistrationService;
import org.hazardwatch.api.registration.RegistrationStatistics;
import org.hazardwatch.api.registration.RegistrationStatus;
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
import org.hazardwatch.core.internal.hazard.JdbcHazardSources;
import org.hazardwatch.core.internal.registry.JdbcRegistry;
import org.hazardwatch.core.internal.security.SecurityComponent;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Registration and cancellation on one county node (the plant's safety manager applies there): the workflow per role,
 * documents and their checksums, numbers, the hazard source's status, statistics, re-assessment reminders, and the
 * replica an upper node keeps.
 */
class JdbcRegistrationsTest {

    static final Instant T0 = Instant.parse("2026-11-30T02:00:00Z");
    static final String PLANT = "91370281MA3HW2026N";
    static final String OTHER_PLANT = "91370281MA3HW2027R";
    static final byte[] NOTICE = "%PDF-1.7 notice".getBytes(StandardCharsets.US_ASCII);

    MutableClock clock;
    final List<Notification> sent = new ArrayList<>();
    final List<String[]> sentUp = new ArrayList<>();
    SecurityComponent.Services security;
    JdbcRegistrations registrations;
    JdbcHazardSources sources;
    long sourceId;
    long otherSourceId;
    Caller plantSafety;
    Caller otherPlantSafety;
    Caller countyLead;
    Caller countyOfficer;
    Caller cityLead;

    static Caller caller(String name, OrgLevel level, DataScope scope, Set<Permission> permissions) {
        return new Caller(name, name, null, name + " 的单位", level, scope, permissions, Set.of());
    }

    static HazardSource tankFarm(long enterpriseId, String code) {
        return new HazardSource(null, enterpriseId, null, null, code, "液氨罐区", null, 75, null, null, 45, null, false, null,
                List.of(new HazardUnit("U1", "液氨储存单元", UnitKind.STORAGE,
                        List.of(new Equipment("T101", "液氨储罐", EquipmentKind.TANK, new BigDecimal("50"))),
                        List.of(new InventoryItem("T101", "液氨", null, null, List.of(), new BigDecimal("20"))), null)),
                null, null);
    }

    /** A parent link that records what would be sent up. */
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

    JdbcRegistrations node(DataSource dataSource, JdbcRegistry registry, JdbcHazardSources hazardSources, ExchangeLinks links) {
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
        NoticeRenderer renderer = (registration, registrar) -> {
            assertTrue(registration.registrationNumber() != null, "the notice is rendered once a number is given");
            return NOTICE;
        };
        return new JdbcRegistrations(dataSource, registry, hazardSources, security.audit(), () -> links, () -> List.of(recording),
                () -> renderer, clock);
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
        Enterprise plant = registry.create(new Enterprise(null, PLANT, "青岛模拟化工有限公司", "370281", null, null, "2614",
                IndustryGroup.FINE_CHEMICALS, null, null, null, null, null, EnterpriseStatus.OPERATING, null, null));
        Enterprise other = registry.create(new Enterprise(null, OTHER_PLANT, "胶州另一化工有限公司", "370281", null, null, "2614",
                IndustryGroup.FINE_CHEMICALS, null, null, null, null, null, EnterpriseStatus.OPERATING, null, null));
        sources = new JdbcHazardSources(dataSource, clock);
        sourceId = sources.create(tankFarm(plant.id(), "HS-A"), "test").id();
        otherSourceId = sources.create(tankFarm(other.id(), "HS-B"), "test").id();
        Set<Permission> applicant = EnumSet.of(Permission.REGISTRATION_VIEW, Permission.REGISTRATION_APPLY);
        Set<Permission> registrar = EnumSet.of(Permission.REGISTRATION_VIEW, Permission.REGISTRATION_REGISTER);
        plantSafety = caller("plant-safety", OrgLevel.ENTERPRISE, DataScope.enterprise(PLANT), applicant);
        otherPlantSafety = caller("other-safety", OrgLevel.ENTERPRISE, DataScope.enterprise(OTHER_PLANT), applicant);
        countyLead = caller("county-lead", OrgLevel.COUNTY, DataScope.region("370281"), registrar);
        countyOfficer = caller("county-officer", OrgLevel.COUNTY, DataScope.region("370281"), EnumSet.of(Permission.REGISTRATION_VIEW));
        cityLead = caller("city-lead", OrgLevel.CITY, DataScope.region("3702"), registrar);
        registrations = node(dataSource, registry, sources, parentLink());
    }

    RegistrationDocument upload(Caller who, String id, DocumentType type, String text) {
        return registrations.attach(who, id, type, type.name().toLowerCase() + ".txt", "text/plain; charset=UTF-8",
                new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
    }

    RegistrationCase submitted(RegistrationKind kind, CancellationReason reason) {
        RegistrationCase draft = registrations.apply(plantSafety, new RegistrationService.Application(kind, sourceId, reason, "申请说明"));
        for (DocumentType type : DocumentType.requiredFor(kind, reason)) {
            upload(plantSafety, draft.id(), type, "内容 " + type);
        }
        return registrations.act(plantSafety, draft.id(), RegistrationAction.SUBMIT, null, null);
    }

    RegistrationCase registered(RegistrationKind kind, CancellationReason reason) {
        RegistrationCase c = submitted(kind, reason);
        registrations.act(countyLead, c.id(), RegistrationAction.ACCEPT, null, null);
        return registrations.act(countyLead, c.id(), RegistrationAction.REGISTER, null, null);
    }

    static List<String> codes(ValidationException e) {
        return e.fieldErrors().stream().map(f -> f.field() + ":" + f.code()).toList();
    }

    @Test
    void aRegistrationGoesFromApplicationToNotificationWithEveryStepOnRecord() {
        RegistrationCase draft = registrations.apply(plantSafety,
                new RegistrationService.Application(RegistrationKind.REGISTRATION, sourceId, null, "新建液氨罐区，申请登记"));
        assertEquals(RegistrationStatus.DRAFT, draft.status());
        assertEquals(List.of(RegistrationAction.SUBMIT, RegistrationAction.WITHDRAW), draft.actions());
        assertEquals(5, draft.missingDocuments().size());
        assertEquals("HS-A", draft.hazardSourceCode());
        assertEquals(PLANT, draft.uscc());

        // nothing goes in before the five required documents
        ValidationException incomplete = assertThrows(ValidationException.class,
                () -> registrations.act(plantSafety, draft.id(), RegistrationAction.SUBMIT, null, null));
        assertEquals(5, incomplete.fieldErrors().stream().filter(f -> f.code().equals("MISSING_DOCUMENT")).count(), codes(incomplete).toString());

        byte[] report = "辨识与分级报告 v1".getBytes(StandardCharsets.UTF_8);
        RegistrationDocument first = registrations.attach(plantSafety, draft.id(), DocumentType.IDENTIFICATION_REPORT, "辨识报告.pdf",
                "application/pdf", new ByteArrayInputStream(report));
        assertEquals(org.hazardwatch.core.internal.files.UploadedFile.sha256(report), first.sha256());
        assertEquals(report.length, first.size());
        assertEquals(new String(report, StandardCharsets.UTF_8), new String(registrations.document(countyLead, draft.id(), first.id())
                .orElseThrow().content(), StandardCharsets.UTF_8), "the registrar reads what the enterprise handed in");
        // the registrar does not change the enterprise's documents; the notice is never uploaded
        assertThrows(SecurityException.class, () -> upload(countyLead, draft.id(), DocumentType.OTHER, "x"));
        assertEquals(List.of("type:NOT_UPLOADABLE"), codes(assertThrows(ValidationException.class,
                () -> upload(plantSafety, draft.id(), DocumentType.NOTICE, "forged"))));
        assertEquals(List.of("content:EMPTY"), codes(assertThrows(ValidationException.class, () -> registrations.attach(plantSafety,
                draft.id(), DocumentType.OTHER, "empty.txt", "text/plain", new ByteArrayInputStream(new byte[0])))));
        for (DocumentType type : List.of(DocumentType.SAFETY_EVALUATION, DocumentType.MONITORING_MEASURES, DocumentType.EMERGENCY_PLAN,
                DocumentType.MANAGEMENT_RULES)) {
            upload(plantSafety, draft.id(), type, "内容 " + type);
        }
        assertTrue(registrations.get(plantSafety, draft.id()).orElseThrow().missingDocuments().isEmpty());

        // the enterprise does not accept its own application; the county does not submit it
        WorkflowException notTheirs = assertThrows(WorkflowException.class,
                () -> registrations.act(plantSafety, draft.id(), RegistrationAction.ACCEPT, null, null));
        assertEquals(WorkflowException.INVALID_TRANSITION, notTheirs.code(), "ACCEPT is not possible from DRAFT at all");
        assertEquals(WorkflowException.NOT_ALLOWED, assertThrows(WorkflowException.class,
                () -> registrations.act(countyLead, draft.id(), RegistrationAction.SUBMIT, null, null)).code());

        RegistrationCase submitted = registrations.act(plantSafety, draft.id(), RegistrationAction.SUBMIT, null, null);
        assertEquals(RegistrationStatus.SUBMITTED, submitted.status());
        assertEquals(List.of(RegistrationAction.WITHDRAW), submitted.actions());
        assertEquals(List.of(RegistrationAction.RETURN, RegistrationAction.ACCEPT),
                registrations.get(countyLead, draft.id()).orElseThrow().actions());
        assertEquals(List.of(), registrations.get(countyOfficer, draft.id()).orElseThrow().actions(), "viewing is not registering");
        assertEquals(List.of(), registrations.get(cityLead, draft.id()).orElseThrow().actions(), "the city does not register");
        assertThrows(IllegalStateException.class, () -> upload(plantSafety, draft.id(), DocumentType.OTHER, "late"),
                "documents are fixed once submitted");

        // returned for correction: the reason is required, the enterprise corrects and resubmits
        assertEquals(List.of("note:REQUIRED"), codes(assertThrows(ValidationException.class,
                () -> registrations.act(countyLead, draft.id(), RegistrationAction.RETURN, "  ", null))));
        RegistrationCase returned = registrations.act(countyLead, draft.id(), RegistrationAction.RETURN, "安全评估报告缺少评估机构签章", null);
        assertEquals(RegistrationStatus.RETURNED, returned.status());
        assertEquals("安全评估报告缺少评估机构签章", returned.returnReason());
        RegistrationDocument stamped = upload(plantSafety, draft.id(), DocumentType.SAFETY_EVALUATION, "盖章版");
        clock.now = clock.now.plusSeconds(60);
        RegistrationCase resubmitted = registrations.act(plantSafety, draft.id(), RegistrationAction.SUBMIT, "已补充盖章版", null);
        assertNull(resubmitted.returnReason());
        registrations.act(countyLead, draft.id(), RegistrationAction.ACCEPT, null, null);
        RegistrationCase registeredCase = registrations.act(countyLead, draft.id(), RegistrationAction.REGISTER, null, null);
        assertEquals(RegistrationStatus.REGISTERED, registeredCase.status());
        assertEquals("370281-2026-0001", registeredCase.registrationNumber());
        assertEquals(LocalDate.of(2029, 11, 30), LocalDate.ofInstant(registeredCase.reassessmentDue(), JdbcRegistrations.CHINA));

        RegistrationCase notified = registrations.act(countyLead, draft.id(), RegistrationAction.NOTIFY, "请按期开展安全评估", null);
        assertEquals(RegistrationStatus.NOTIFIED, notified.status());
        RegistrationDocument notice = notified.documents().stream().filter(d -> d.type() == DocumentType.NOTICE).findFirst().orElseThrow();
        assertEquals("application/pdf", notice.contentType());
        assertEquals("重大危险源登记通知书-370281-2026-0001.pdf", notice.fileName());
        assertEquals(new String(NOTICE, StandardCharsets.US_ASCII), new String(registrations.document(plantSafety, draft.id(), notice.id())
                .orElseThrow().content(), StandardCharsets.US_ASCII), "the enterprise receives the notice");
        assertTrue(notified.actions().isEmpty(), "closed");
        assertEquals(WorkflowException.INVALID_TRANSITION, assertThrows(WorkflowException.class,
                () -> registrations.act(countyLead, draft.id(), RegistrationAction.RETURN, "again", null)).code());
        assertTrue(notified.documents().stream().anyMatch(d -> d.id() == stamped.id()));

        // the timeline: created, 6 documents, submit, return, 1 document, submit, accept, register, notify
        List<String> steps = notified.events().stream().map(e -> e.action() == null ? "doc" : e.action().name()).toList();
        assertEquals(List.of("doc", "doc", "doc", "doc", "doc", "doc", "SUBMIT", "RETURN", "doc", "SUBMIT", "ACCEPT", "REGISTER", "NOTIFY"), steps);
        assertEquals("登记编号 370281-2026-0001", notified.events().get(11).note());
        assertEquals("county-lead", notified.events().get(12).actor());

        // every step audited with who and what; each side told
        List<String> audited = security.audit().search(Caller.system("test"), new AuditQuery(null, null, null, null, null, null, null), 0, 100)
                .items().stream().filter(e -> "registration".equals(e.targetType())).map(AuditEntry::action).toList();
        for (String action : List.of("registration.apply", "registration.document-add", "registration.submit", "registration.return",
                "registration.accept", "registration.register", "registration.notify")) {
            assertTrue(audited.contains(action), action + " in " + audited);
        }
        List<String> told = sent.stream().map(n -> n.kind() + "@" + n.organisation()).toList();
        assertEquals(List.of("registration.submitted@370281", "registration.returned@" + PLANT, "registration.submitted@370281",
                "registration.accepted@" + PLANT, "registration.registered@" + PLANT, "registration.notified@" + PLANT), told);
        assertTrue(sent.get(1).text().contains("签章"), "the return's reason reaches the enterprise");
    }

    @Test
    void aCancellationDeregistersTheSourceAndCountsAsCancelled() {
        registered(RegistrationKind.REGISTRATION, null);
        RegistrationCase closedRegistration = registrations.search(countyLead, new RegistrationService.Query(RegistrationKind.REGISTRATION,
                null, null, null, null, null, null), 0, 10).items().get(0);
        registrations.act(countyLead, closedRegistration.id(), RegistrationAction.NOTIFY, null, null);
        RegistrationStatistics before = registrations.statistics(countyLead, null, null);
        assertEquals(1L, before.registeredByGrade().values().stream().mapToLong(Long::longValue).sum());
        clock.now = clock.now.plus(Duration.ofHours(1));

        assertEquals(List.of("reason:REQUIRED"), codes(assertThrows(ValidationException.class, () -> registrations.apply(plantSafety,
                new RegistrationService.Application(RegistrationKind.CANCELLATION, sourceId, null, null)))));
        RegistrationCase draft = registrations.apply(plantSafety, new RegistrationService.Application(RegistrationKind.CANCELLATION, sourceId,
                CancellationReason.NO_LONGER_MAJOR, "液氨储量降至 5 t 以下"));
        assertEquals(List.of(DocumentType.IDENTIFICATION_REPORT), draft.missingDocuments(), "a new identification shows it is no longer major");
        assertThrows(IllegalStateException.class, () -> registrations.apply(plantSafety,
                new RegistrationService.Application(RegistrationKind.CANCELLATION, sourceId, CancellationReason.OTHER, null)),
                "one open application per source");
        upload(plantSafety, draft.id(), DocumentType.IDENTIFICATION_REPORT, "重新辨识报告");
        registrations.act(plantSafety, draft.id(), RegistrationAction.SUBMIT, null, null);
        registrations.act(countyLead, draft.id(), RegistrationAction.ACCEPT, null, null);
        assertEquals(List.of("registrationNumber:INVALID"), codes(assertThrows(ValidationException.class,
                () -> registrations.act(countyLead, draft.id(), RegistrationAction.REGISTER, null, "<script>"))));
        RegistrationCase cancelled = registrations.act(countyLead, draft.id(), RegistrationAction.REGISTER, null, null);
        assertEquals("370281-2026-Z0001", cancelled.registrationNumber(), "cancellations are numbered in their own series");
        assertNull(cancelled.reassessmentDue());
        assertEquals(HazardSourceStatus.DEREGISTERED, sources.get(sourceId).orElseThrow().status());

        RegistrationStatistics after = registrations.statistics(countyLead, null, null);
        assertEquals(0L, after.registeredByGrade().values().stream().mapToLong(Long::longValue).sum(), "no standing registration");
        RegistrationStatistics.RegionRow county = after.byRegion().stream().filter(r -> r.regionCode().equals("370281")).findFirst().orElseThrow();
        assertEquals(0, county.registered());
        assertEquals(1, county.cancelled());
        assertEquals(1, county.pending(), "the cancellation is registered, its notice still to come");
        assertEquals(1L, after.byStatus().get(RegistrationKind.CANCELLATION).get(RegistrationStatus.REGISTERED));
        RegistrationStatistics.MonthRow november = after.byMonth().stream().filter(m -> m.month().equals("2026-11")).findFirst().orElseThrow();
        assertEquals(2, november.submitted());
        assertEquals(1, november.registered(), "registered in November, though cancelled since");
        assertEquals(1, november.cancelled());
        assertTrue(registrations.dueReassessments(countyLead, 3660).isEmpty(), "a cancelled source is not re-assessed");

        assertEquals(List.of("hazardSourceId:ALREADY_CANCELLED"), codes(assertThrows(ValidationException.class, () -> registrations.apply(
                plantSafety, new RegistrationService.Application(RegistrationKind.CANCELLATION, sourceId, CancellationReason.CLOSED, null)))));
    }

    @Test
    void nobodyReachesAnotherEnterprisesApplications() {
        RegistrationCase mine = registrations.apply(plantSafety, new RegistrationService.Application(RegistrationKind.REGISTRATION, sourceId,
                null, null));
        assertTrue(registrations.get(otherPlantSafety, mine.id()).isEmpty());
        assertEquals(0, registrations.search(otherPlantSafety, null, 0, 10).total());
        assertThrows(java.util.NoSuchElementException.class, () -> upload(otherPlantSafety, mine.id(), DocumentType.OTHER, "x"));
        assertEquals(List.of("hazardSourceId:UNKNOWN"), codes(assertThrows(ValidationException.class, () -> registrations.apply(
                otherPlantSafety, new RegistrationService.Application(RegistrationKind.REGISTRATION, sourceId, null, null)))));
        assertEquals(1, registrations.search(countyOfficer, null, 0, 10).total(), "the county sees its enterprises'");
        assertTrue(registrations.todo(countyLead).isEmpty(), "a draft awaits nobody at the county");
        assertEquals(List.of(mine.id()), registrations.todo(plantSafety).stream().map(RegistrationCase::id).toList());
        registrations.act(plantSafety, mine.id(), RegistrationAction.WITHDRAW, "重复申请", null);
        assertTrue(registrations.todo(plantSafety).isEmpty());
        // withdrawn: a new application may start
        assertEquals(RegistrationStatus.DRAFT, registrations.apply(plantSafety, new RegistrationService.Application(
                RegistrationKind.REGISTRATION, sourceId, null, null)).status());
        // the registrar's own number is kept as given
        RegistrationCase other = registrations.apply(otherPlantSafety, new RegistrationService.Application(RegistrationKind.REGISTRATION,
                otherSourceId, null, null));
        for (DocumentType type : DocumentType.requiredFor(RegistrationKind.REGISTRATION, null)) {
            upload(otherPlantSafety, other.id(), type, "内容");
        }
        registrations.act(otherPlantSafety, other.id(), RegistrationAction.SUBMIT, null, null);
        registrations.act(countyLead, other.id(), RegistrationAction.ACCEPT, null, null);
        assertEquals("胶应急登〔2026〕7号", registrations.act(countyLead, other.id(), RegistrationAction.REGISTER, null, "胶应急登〔2026〕7号")
                .registrationNumber());
    }

    @Test
    void reAssessmentsFallDueThreeYearsAfterRegistrationAndAreRemindedOnce() {
        RegistrationCase c = registered(RegistrationKind.REGISTRATION, null);
        assertTrue(registrations.dueReassessments(countyLead, 90).isEmpty());
        assertEquals(0, registrations.remind(Duration.ofDays(90)));
        sent.clear();

        clock.now = c.reassessmentDue().minus(Duration.ofDays(80));
        List<RegistrationService.DueReassessment> due = registrations.dueReassessments(countyLead, 90);
        assertEquals(1, due.size());
        assertEquals(c.registrationNumber(), due.get(0).registrationNumber());
        assertFalse(due.get(0).overdue());
        assertEquals(2, registrations.remind(Duration.ofDays(90)));
        assertEquals(List.of("registration.reassessment-due@" + PLANT, "registration.reassessment-due@370281"),
                sent.stream().map(n -> n.kind() + "@" + n.organisation()).toList());
        assertEquals(0, registrations.remind(Duration.ofDays(90)), "once");

        clock.now = c.reassessmentDue().plus(Duration.ofDays(1));
        assertTrue(registrations.dueReassessments(plantSafety, 0).get(0).overdue());
        assertEquals(2, registrations.remind(Duration.ofDays(90)));
        assertEquals(0, registrations.remind(Duration.ofDays(90)));
        assertTrue(registrations.dueReassessments(otherPlantSafety, 90).isEmpty(), "scoped");
    }

    @Test
    void theUpperNodeKeepsAReadOnlyReplicaOfEachStep() throws Exception {
        DataSource cityDatabase = database();
        DatabaseMigrator.migrate(cityDatabase);
        JdbcRegistry cityRegistry = new JdbcRegistry(cityDatabase, clock);
        JdbcRegistrations city = node(cityDatabase, cityRegistry, new JdbcHazardSources(cityDatabase, clock), null);

        RegistrationCase c = registered(RegistrationKind.REGISTRATION, null);
        assertTrue(sentUp.size() >= 8, "every step went up: " + sentUp.size());
        for (String[] message : sentUp) {
            assertEquals("registration", message[0]);
            city.receive("370281", false, message[0], message[1]);
        }
        Caller cityViewer = caller("city-viewer", OrgLevel.CITY, DataScope.region("3702"), EnumSet.of(Permission.REGISTRATION_VIEW,
                Permission.REGISTRATION_REGISTER));
        RegistrationCase replica = city.get(cityViewer, c.id()).orElseThrow();
        assertEquals(RegistrationStatus.REGISTERED, replica.status());
        assertEquals(c.registrationNumber(), replica.registrationNumber());
        assertEquals("370281", replica.originNode());
        assertNull(replica.enterpriseId(), "the city does not know the enterprise yet");
        assertEquals(c.documents().stream().map(RegistrationDocument::sha256).toList(),
                replica.documents().stream().map(RegistrationDocument::sha256).toList(), "names and checksums travel");
        assertEquals(0, city.document(cityViewer, c.id(), replica.documents().get(0).id()).orElseThrow().content().length,
                "the content stays with the registrar");
        assertEquals(c.events().size(), replica.events().size());
        assertTrue(replica.actions().isEmpty(), "decided at its own node");
        assertEquals(1L, city.statistics(cityViewer, null, null).registeredByGrade().values().stream().mapToLong(Long::longValue).sum());

        // an older state arriving late changes nothing; a malformed one is refused
        city.receive("370281", false, "registration", sentUp.get(0)[1]);
        assertEquals(RegistrationStatus.REGISTERED, city.get(cityViewer, c.id()).orElseThrow().status());
        assertThrows(IOException.class, () -> city.receive("370281", false, "registration", "{\"id\":\"x\"}"));
        assertThrows(IOException.class, () -> city.receive("370281", false, "registration", "not json"));
        assertThrows(IOException.class, () -> city.receive("370000", true, "registration", sentUp.get(0)[1]), "never from the parent");
        // and this node refuses a replica of its own application
        assertThrows(IOException.class, () -> registrations.receive("370299", false, "registration", sentUp.get(sentUp.size() - 1)[1]));
    }
}
