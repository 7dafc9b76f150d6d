package org.hazardwatch.core.internal.registration;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Supplier;

import javax.sql.DataSource;

import org.hazardwatch.api.exchange.ExchangeLinks;
import org.hazardwatch.api.exchange.WorkInbox;
import org.hazardwatch.api.hazard.HazardSource;
import org.hazardwatch.api.hazard.HazardSourceService;
import org.hazardwatch.api.hazard.HazardSourceStatus;
import org.hazardwatch.api.notify.Notifier;
import org.hazardwatch.api.registration.CancellationReason;
import org.hazardwatch.api.registration.DocumentType;
import org.hazardwatch.api.registration.NoticeRenderer;
import org.hazardwatch.api.registration.RegistrationAction;
import org.hazardwatch.api.registration.RegistrationCase;
import org.hazardwatch.api.registration.RegistrationDocument;
import org.hazardwatch.api.registration.RegistrationEvent;
import org.hazardwatch.api.registration.RegistrationKind;
import org.hazardwatch.api.registration.RegistrationRole;
import org.hazardwatch.api.registration.RegistrationService;
import org.hazardwatch.api.registration.RegistrationStatistics;
import org.hazardwatch.api.registration.RegistrationStatus;
import org.hazardwatch.api.registration.RegistrationWorkflow;
import org.hazardwatch.api.registry.Enterprise;
import org.hazardwatch.api.registry.FieldError;
import org.hazardwatch.api.registry.Page;
import org.hazardwatch.api.registry.Region;
import org.hazardwatch.api.registry.RegistryService;
import org.hazardwatch.api.registry.ValidationException;
import org.hazardwatch.api.security.AuditEntry;
import org.hazardwatch.api.security.AuditLog;
import org.hazardwatch.api.security.Caller;
import org.hazardwatch.api.security.OrgLevel;
import org.hazardwatch.api.security.Permission;
import org.hazardwatch.core.internal.db.Jdbc;
import org.hazardwatch.core.internal.db.ScopeSql;
import org.hazardwatch.core.internal.notify.Gateways;
import org.hazardwatch.core.internal.files.UploadedFile;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Registration and cancellation applications (F1, F2) on this node's database, their statistics and re-assessment
 * reminders (F3), and their replication up the levels: after every step the application (its record, documents'
 * names and checksums, timeline; not the documents' content) goes to the parent node as a {@code registration} work
 * message, which the parent keeps read-only and passes on up.
 */
public class JdbcRegistrations implements RegistrationService, WorkInbox {

    static final String KIND_REPLICA = "registration";
    /** 《危险化学品重大危险源监督管理暂行规定》 art. 12: a registered source is re-assessed at least every three years. */
    static final int REASSESSMENT_YEARS = 3;
    static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    static final int MAX_STATEMENT = 2000;
    static final int MAX_NOTE = 2000;
    /** Instants as ISO-8601 text (the core carries no java.time module for Jackson). */
    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new com.fasterxml.jackson.databind.module.SimpleModule()
            .addSerializer(Instant.class, new com.fasterxml.jackson.databind.ser.std.ToStringSerializer(Instant.class))
            .addDeserializer(Instant.class, new com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer<Instant>(Instant.class) {
                @Override
                public Instant deserialize(com.fasterxml.jackson.core.JsonParser p, com.fasterxml.jackson.databind.DeserializationContext ctx)
                        throws IOException {
                    try {
                        return Instant.parse(p.getValueAsString());
                    } catch (java.time.format.DateTimeParseException e) {
                        throw new IOException("not an instant: " + p.getValueAsString(), e);
                    }
                }
            }))
            .configure(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
    private static final Set<RegistrationStatus> STANDING = EnumSet.of(RegistrationStatus.REGISTERED, RegistrationStatus.NOTIFIED);
    private static final Set<RegistrationStatus> PENDING = EnumSet.of(RegistrationStatus.SUBMITTED, RegistrationStatus.RETURNED,
            RegistrationStatus.ACCEPTED, RegistrationStatus.REGISTERED);
    private static final String CASE_COLUMNS = "id, kind, status, enterprise_id, uscc, enterprise_name, region_code, park_code, "
            + "hazard_source_id, hazard_source_code, hazard_source_name, grade, reason, statement, return_reason, registration_number, "
            + "created_at, created_by, submitted_at, registered_at, registered_by, notified_at, reassessment_due, updated_at, origin_node";

    private final Logger logger = LoggerFactory.getLogger(JdbcRegistrations.class);
    private final DataSource dataSource;
    private final RegistryService registry;
    private final HazardSourceService hazardSources;
    private final AuditLog audit;
    private final Supplier<ExchangeLinks> exchange;
    private final Supplier<List<Notifier>> notifiers;
    private final Supplier<NoticeRenderer> noticeRenderer;
    private final Clock clock;

    public JdbcRegistrations(DataSource dataSource, RegistryService registry, HazardSourceService hazardSources, AuditLog audit,
            Supplier<ExchangeLinks> exchange, Supplier<List<Notifier>> notifiers, Supplier<NoticeRenderer> noticeRenderer, Clock clock) {
        this.dataSource = dataSource;
        this.registry = registry;
        this.hazardSources = hazardSources;
        this.audit = audit;
        this.exchange = exchange;
        this.notifiers = notifiers;
        this.noticeRenderer = noticeRenderer;
        this.clock = clock;
    }

    // ------------------------------------------------------------------ who is who

    /** The caller's parts in an application; none for replicas from below (they are decided at their own node). */
    static Set<RegistrationRole> roles(Caller caller, RegistrationCase c) {
        Set<RegistrationRole> roles = EnumSet.noneOf(RegistrationRole.class);
        if (c.originNode() != null || !caller.sees(c.regionCode(), c.parkCode(), c.uscc())) {
            return roles;
        }
        if (caller.has(Permission.REGISTRATION_APPLY)) {
            roles.add(RegistrationRole.APPLICANT);
        }
        // The county or park registers (《危险化学品重大危险源监督管理暂行规定》 art. 23); a node's nationwide administrator may too.
        boolean registrarLevel = caller.level() == OrgLevel.COUNTY || caller.level() == OrgLevel.PARK || caller.scope().isAll();
        if (caller.has(Permission.REGISTRATION_REGISTER) && registrarLevel) {
            roles.add(RegistrationRole.REGISTRAR);
        }
        return roles;
    }

    /** With the caller's steps; {@code full}: read with its documents, so the missing ones can be told (not in lists). */
    private static RegistrationCase withActions(Caller caller, RegistrationCase c, boolean full) {
        List<RegistrationAction> actions = RegistrationWorkflow.MACHINE.actions(c.status(), roles(caller, c));
        return new RegistrationCase(c.id(), c.kind(), c.status(), c.enterpriseId(), c.enterpriseName(), c.uscc(), c.regionCode(),
                c.parkCode(), c.hazardSourceId(), c.hazardSourceCode(), c.hazardSourceName(), c.grade(), c.reason(), c.statement(),
                c.returnReason(), c.registrationNumber(), c.createdAt(), c.createdBy(), c.submittedAt(), c.registeredAt(),
                c.registeredBy(), c.notifiedAt(), c.reassessmentDue(), c.updatedAt(), c.originNode(), c.documents(), c.events(),
                actions, full ? missing(c) : List.of());
    }

    static List<DocumentType> missing(RegistrationCase c) {
        Set<DocumentType> required = DocumentType.requiredFor(c.kind(), c.reason());
        c.documents().forEach(d -> required.remove(d.type()));
        return new ArrayList<>(required);
    }


    // ------------------------------------------------------------------ reading

    @Override
    public Page<RegistrationCase> search(Caller caller, Query query, int page, int size) {
        if (!caller.has(Permission.REGISTRATION_VIEW)) {
            return new Page<>(0, page, size, List.of());
        }
        List<Object> args = new ArrayList<>();
        StringBuilder where = new StringBuilder(" WHERE ").append("1 = 1" + ScopeSql.onEnterprise(caller.scope(), "registration_case", args));
        Query q = query == null ? new Query(null, null, null, null, null, null, null) : query;
        if (q.kind() != null) {
            where.append(" AND kind = ?");
            args.add(q.kind().name());
        }
        if (q.status() != null) {
            where.append(" AND status = ?");
            args.add(q.status().name());
        }
        if (q.regionCode() != null && !q.regionCode().isBlank()) {
            where.append(" AND (region_code LIKE ? OR park_code = ?)");
            args.add(q.regionCode().strip() + "%");
            args.add(q.regionCode().strip());
        }
        if (q.enterpriseId() != null) {
            where.append(" AND enterprise_id = ?");
            args.add(q.enterpriseId());
        }
        if (q.hazardSourceId() != null) {
            where.append(" AND hazard_source_id = ?");
            args.add(q.hazardSourceId());
        }
        if (q.from() != null) {
            where.append(" AND created_at >= ?");
            args.add(q.from());
        }
        if (q.to() != null) {
            where.append(" AND created_at < ?");
            args.add(q.to());
        }
        try (Connection c = dataSource.getConnection()) {
            return Jdbc.page(c, CASE_COLUMNS, "registration_case" + where, args, "updated_at DESC, id", page, size,
                    rs -> withActions(caller, row(rs, List.of(), List.of()), false));
        } catch (SQLException e) {
            throw Jdbc.failure("searching registration applications", e);
        }
    }

    @Override
    public List<RegistrationCase> todo(Caller caller) {
        if (!caller.has(Permission.REGISTRATION_VIEW)) {
            return List.of();
        }
        List<Object> args = new ArrayList<>();
        String sql = "SELECT " + CASE_COLUMNS + " FROM registration_case WHERE " + "1 = 1" + ScopeSql.onEnterprise(caller.scope(), "registration_case", args)
                + " AND origin_node IS NULL AND status IN ('DRAFT', 'SUBMITTED', 'RETURNED', 'ACCEPTED', 'REGISTERED') ORDER BY updated_at";
        List<RegistrationCase> items = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            Jdbc.bind(s, args);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    RegistrationCase item = withActions(caller, row(rs, List.of(), List.of()), false);
                    // withdrawing alone is no work waiting for anybody
                    if (!item.actions().isEmpty() && !item.actions().equals(List.of(RegistrationAction.WITHDRAW))) {
                        items.add(item);
                    }
                }
            }
            return items;
        } catch (SQLException e) {
            throw Jdbc.failure("reading the registration to-do list", e);
        }
    }

    @Override
    public Optional<RegistrationCase> get(Caller caller, String id) {
        if (!caller.has(Permission.REGISTRATION_VIEW)) {
            return Optional.empty();
        }
        try (Connection c = dataSource.getConnection()) {
            return load(c, id).filter(r -> caller.sees(r.regionCode(), r.parkCode(), r.uscc())).map(r -> withActions(caller, r, true));
        } catch (SQLException e) {
            throw Jdbc.failure("reading registration application " + id, e);
        }
    }

    private Optional<RegistrationCase> load(Connection c, String id) throws SQLException {
        if (id == null || id.length() > 36) {
            return Optional.empty();
        }
        try (PreparedStatement s = c.prepareStatement("SELECT " + CASE_COLUMNS + " FROM registration_case WHERE id = ?")) {
            s.setString(1, id);
            try (ResultSet rs = s.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                return Optional.of(row(rs, documents(c, id), events(c, id)));
            }
        }
    }

    private static RegistrationCase row(ResultSet rs, List<RegistrationDocument> documents, List<RegistrationEvent> events)
            throws SQLException {
        String reason = rs.getString("reason");
        long enterpriseId = rs.getLong("enterprise_id");
        Long enterprise = rs.wasNull() ? null : enterpriseId;
        long sourceId = rs.getLong("hazard_source_id");
        Long source = rs.wasNull() ? null : sourceId;
        int grade = rs.getInt("grade");
        Integer gradeOrNull = rs.wasNull() ? null : grade;
        return new RegistrationCase(rs.getString("id"), RegistrationKind.valueOf(rs.getString("kind")),
                RegistrationStatus.valueOf(rs.getString("status")), enterprise, rs.getString("enterprise_name"), rs.getString("uscc"),
                rs.getString("region_code"), rs.getString("park_code"), source, rs.getString("hazard_source_code"),
                rs.getString("hazard_source_name"), gradeOrNull, reason == null ? null : CancellationReason.valueOf(reason),
                rs.getString("statement"), rs.getString("return_reason"), rs.getString("registration_number"),
                Jdbc.getInstant(rs, "created_at"), rs.getString("created_by"), Jdbc.getInstant(rs, "submitted_at"),
                Jdbc.getInstant(rs, "registered_at"), rs.getString("registered_by"), Jdbc.getInstant(rs, "notified_at"),
                Jdbc.getInstant(rs, "reassessment_due"), Jdbc.getInstant(rs, "updated_at"), rs.getString("origin_node"), documents, events,
                List.of(), List.of());
    }

    private static List<RegistrationDocument> documents(Connection c, String id) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT id, type, file_name, content_type, size_bytes, sha256, uploaded_at, "
                + "uploaded_by FROM registration_document WHERE case_id = ? ORDER BY id")) {
            s.setString(1, id);
            List<RegistrationDocument> documents = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    documents.add(new RegistrationDocument(rs.getLong("id"), DocumentType.valueOf(rs.getString("type")),
                            rs.getString("file_name"), rs.getString("content_type"), rs.getLong("size_bytes"), rs.getString("sha256"),
                            Jdbc.getInstant(rs, "uploaded_at"), rs.getString("uploaded_by")));
                }
            }
            return documents;
        }
    }

    private static List<RegistrationEvent> events(Connection c, String id) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT id, action, from_status, to_status, actor, note, event_at "
                + "FROM registration_event WHERE case_id = ? ORDER BY event_at, id")) {
            s.setString(1, id);
            List<RegistrationEvent> events = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    String action = rs.getString("action");
                    String from = rs.getString("from_status");
                    events.add(new RegistrationEvent(rs.getLong("id"), action == null ? null : RegistrationAction.valueOf(action),
                            from == null ? null : RegistrationStatus.valueOf(from), RegistrationStatus.valueOf(rs.getString("to_status")),
                            rs.getString("actor"), rs.getString("note"), Jdbc.getInstant(rs, "event_at")));
                }
            }
            return events;
        }
    }

    @Override
    public Optional<DocumentContent> document(Caller caller, String id, long documentId) {
        Optional<RegistrationCase> found = get(caller, id);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        Optional<RegistrationDocument> meta = found.get().documents().stream().filter(d -> d.id() == documentId).findFirst();
        if (meta.isEmpty()) {
            return Optional.empty();
        }
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                "SELECT content FROM registration_document WHERE case_id = ? AND id = ?")) {
            s.setString(1, id);
            s.setLong(2, documentId);
            try (ResultSet rs = s.executeQuery()) {
                // a replica from below carries the documents' names and checksums, not their content (empty here)
                return rs.next() ? Optional.of(new DocumentContent(meta.get(), rs.getBytes(1))) : Optional.empty();
            }
        } catch (SQLException e) {
            throw Jdbc.failure("reading document " + documentId, e);
        }
    }

    // ------------------------------------------------------------------ applying

    @Override
    public RegistrationCase apply(Caller caller, Application application) {
        List<FieldError> errors = new ArrayList<>();
        if (application == null || application.kind() == null) {
            errors.add(new FieldError("kind", "REQUIRED", "REGISTRATION or CANCELLATION"));
        }
        if (application == null || application.hazardSourceId() == null) {
            errors.add(new FieldError("hazardSourceId", "REQUIRED", "the hazard source the application is for"));
        }
        if (application != null && application.kind() == RegistrationKind.CANCELLATION && application.reason() == null) {
            errors.add(new FieldError("reason", "REQUIRED", "why the hazard source is cancelled"));
        }
        if (application != null && application.kind() == RegistrationKind.REGISTRATION && application.reason() != null) {
            errors.add(new FieldError("reason", "NOT_APPLICABLE", "a registration has no cancellation reason"));
        }
        String statement = application == null ? null : blankToNull(application.statement());
        if (statement != null && statement.length() > MAX_STATEMENT) {
            errors.add(new FieldError("statement", "TOO_LONG", "at most " + MAX_STATEMENT + " characters"));
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        HazardSource source = hazardSources.get(application.hazardSourceId())
                .orElseThrow(() -> new ValidationException(List.of(new FieldError("hazardSourceId", "UNKNOWN",
                        "no hazard source " + application.hazardSourceId()))));
        Enterprise enterprise = registry.enterprise(source.enterpriseId())
                .orElseThrow(() -> new IllegalStateException("the enterprise of hazard source " + source.id() + " is missing"));
        if (!caller.sees(enterprise.regionCode(), enterprise.parkCode(), enterprise.uscc())) {
            throw new ValidationException(List.of(new FieldError("hazardSourceId", "UNKNOWN", "no hazard source " + source.id())));
        }
        if (!caller.has(Permission.REGISTRATION_APPLY)) {
            throw new SecurityException("applying needs the permission registration:apply");
        }
        if (application.kind() == RegistrationKind.CANCELLATION && source.status() == HazardSourceStatus.DEREGISTERED) {
            throw new ValidationException(List.of(new FieldError("hazardSourceId", "ALREADY_CANCELLED",
                    source.code() + " is cancelled already")));
        }
        Instant now = clock.instant();
        String id = UUID.randomUUID().toString();
        try (Connection c = dataSource.getConnection()) {
            Jdbc.inTransaction(c, () -> {
                try (PreparedStatement open = c.prepareStatement("SELECT id FROM registration_case WHERE hazard_source_id = ? "
                        + "AND origin_node IS NULL AND status NOT IN ('NOTIFIED', 'WITHDRAWN') FOR UPDATE")) {
                    open.setLong(1, source.id());
                    try (ResultSet rs = open.executeQuery()) {
                        if (rs.next()) {
                            throw new IllegalStateException("hazard source " + source.code() + " has an open application: " + rs.getString(1));
                        }
                    }
                }
                try (PreparedStatement s = c.prepareStatement("INSERT INTO registration_case (id, kind, status, enterprise_id, uscc, "
                        + "enterprise_name, region_code, park_code, hazard_source_id, hazard_source_code, hazard_source_name, grade, "
                        + "reason, statement, created_at, created_by, updated_at) VALUES (?, ?, 'DRAFT', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                    Jdbc.bind(s, java.util.Arrays.asList(id, application.kind().name(), enterprise.id(), enterprise.uscc(), enterprise.name(),
                            enterprise.regionCode(), enterprise.parkCode(), source.id(), source.code(), source.name(), source.grade(),
                            application.reason() == null ? null : application.reason().name(), statement, now, caller.username(), now));
                    s.executeUpdate();
                }
                event(c, id, null, null, RegistrationStatus.DRAFT, caller.username(), "创建" + kindText(application.kind()) + "申请", now);
                return null;
            });
        } catch (SQLException e) {
            throw Jdbc.failure("starting an application for hazard source " + source.id(), e);
        }
        audit(caller, "registration.apply", id, application.kind() + " " + enterprise.uscc() + "/" + source.code());
        replicate(id);
        return get(caller, id).orElseThrow();
    }

    @Override
    public RegistrationDocument attach(Caller caller, String id, DocumentType type, String fileName, String contentType,
            InputStream content) {
        RegistrationCase current = get(caller, id).orElseThrow(() -> new java.util.NoSuchElementException("no application " + id));
        if (type == null) {
            throw new ValidationException(List.of(new FieldError("type", "REQUIRED", "the document's type")));
        }
        if (!type.uploadable()) {
            throw new ValidationException(List.of(new FieldError("type", "NOT_UPLOADABLE", "the notice is generated by the registrar's node")));
        }
        requireEditable(caller, current);
        UploadedFile file = UploadedFile.read(fileName, contentType, content, MAX_DOCUMENT_BYTES);
        return storeDocument(current, type, file.fileName(), file.contentType(), file.content(), caller.username(), "添加材料");
    }

    /** Documents change only while the applicant holds the application (a draft, or returned for correction). */
    private static void requireEditable(Caller caller, RegistrationCase c) {
        if (!roles(caller, c).contains(RegistrationRole.APPLICANT)) {
            throw new SecurityException("only the applying enterprise changes an application's documents");
        }
        if (c.status() != RegistrationStatus.DRAFT && c.status() != RegistrationStatus.RETURNED) {
            throw new IllegalStateException("the documents of an application in status " + c.status()
                    + " cannot change (only while DRAFT or RETURNED)");
        }
    }

    private RegistrationDocument storeDocument(RegistrationCase current, DocumentType type, String name, String media, byte[] bytes,
            String actor, String what) {
        String sha256 = UploadedFile.sha256(bytes);
        Instant now = clock.instant();
        long documentId;
        try (Connection c = dataSource.getConnection()) {
            documentId = Jdbc.inTransaction(c, () -> {
                RegistrationStatus status = lockedStatus(c, current.id());
                if (status != current.status()) {
                    throw new IllegalStateException("application " + current.id() + " moved to " + status + " meanwhile");
                }
                long newId;
                try (PreparedStatement s = c.prepareStatement("INSERT INTO registration_document (case_id, type, file_name, content_type, "
                        + "size_bytes, sha256, content, uploaded_at, uploaded_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                        Statement.RETURN_GENERATED_KEYS)) {
                    s.setString(1, current.id());
                    s.setString(2, type.name());
                    s.setString(3, name);
                    s.setString(4, media);
                    s.setLong(5, bytes.length);
                    s.setString(6, sha256);
                    s.setBytes(7, bytes);
                    Jdbc.setInstant(s, 8, now);
                    s.setString(9, actor);
                    s.executeUpdate();
                    try (ResultSet keys = s.getGeneratedKeys()) {
                        keys.next();
                        newId = keys.getLong(1);
                    }
                }
                event(c, current.id(), null, status, status, actor, what + "：" + type.label() + " " + name + "（SHA-256 "
                        + sha256.substring(0, 16) + "…）", now);
                touch(c, current.id(), now);
                return newId;
            });
        } catch (SQLException e) {
            throw Jdbc.failure("storing a document of application " + current.id(), e);
        }
        audit.append(new AuditEntry.Draft(actor, null, null, null, "registration.document-add", "registration", current.id(), "OK", null,
                null, type + " " + name + " sha256=" + sha256));
        replicate(current.id());
        return new RegistrationDocument(documentId, type, name, media, bytes.length, sha256, now, actor);
    }

    @Override
    public void removeDocument(Caller caller, String id, long documentId) {
        RegistrationCase current = get(caller, id).orElseThrow(() -> new java.util.NoSuchElementException("no application " + id));
        RegistrationDocument document = current.documents().stream().filter(d -> d.id() == documentId).findFirst()
                .orElseThrow(() -> new java.util.NoSuchElementException("application " + id + " has no document " + documentId));
        requireEditable(caller, current);
        Instant now = clock.instant();
        try (Connection c = dataSource.getConnection()) {
            Jdbc.inTransaction(c, () -> {
                RegistrationStatus status = lockedStatus(c, id);
                if (status != current.status()) {
                    throw new IllegalStateException("application " + id + " moved to " + status + " meanwhile");
                }
                try (PreparedStatement s = c.prepareStatement("DELETE FROM registration_document WHERE case_id = ? AND id = ?")) {
                    s.setString(1, id);
                    s.setLong(2, documentId);
                    s.executeUpdate();
                }
                event(c, id, null, status, status, caller.username(), "删除材料：" + document.type().label() + " " + document.fileName(), now);
                touch(c, id, now);
                return null;
            });
        } catch (SQLException e) {
            throw Jdbc.failure("removing document " + documentId, e);
        }
        audit(caller, "registration.document-remove", id, document.type() + " " + document.fileName() + " sha256=" + document.sha256());
        replicate(id);
    }

    // ------------------------------------------------------------------ steps

    @Override
    public RegistrationCase act(Caller caller, String id, RegistrationAction action, String note, String registrationNumber) {
        RegistrationCase current = get(caller, id).orElseThrow(() -> new java.util.NoSuchElementException("no application " + id));
        if (action == null) {
            throw new ValidationException(List.of(new FieldError("action", "REQUIRED", "the step to take")));
        }
        RegistrationStatus to = RegistrationWorkflow.MACHINE.next(current.status(), action, roles(caller, current));
        String text = blankToNull(note);
        List<FieldError> errors = new ArrayList<>();
        if (text != null && text.length() > MAX_NOTE) {
            errors.add(new FieldError("note", "TOO_LONG", "at most " + MAX_NOTE + " characters"));
        }
        if (action == RegistrationAction.RETURN && text == null) {
            errors.add(new FieldError("note", "REQUIRED", "say what the enterprise must correct"));
        }
        if (action == RegistrationAction.SUBMIT && !current.missingDocuments().isEmpty()) {
            for (DocumentType type : current.missingDocuments()) {
                errors.add(new FieldError("documents", "MISSING_DOCUMENT", type.name() + ": " + type.label() + " is required"));
            }
        }
        String number = action == RegistrationAction.REGISTER ? blankToNull(registrationNumber) : null;
        if (number != null && (number.length() > 64 || !number.matches("[\\p{L}\\p{N}\\-_/()（）〔〕\\[\\]]+"))) {
            errors.add(new FieldError("registrationNumber", "INVALID", "letters, digits and - _ / ( ) 〔 〕, at most 64"));
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        byte[] notice = null;
        if (action == RegistrationAction.NOTIFY) {
            NoticeRenderer renderer = noticeRenderer.get();
            if (renderer == null) {
                throw new IllegalStateException("the notice cannot be generated: PDF reports are not installed (feature hazardwatch-reports)");
            }
            try {
                notice = renderer.render(current, caller.organisationName());
            } catch (IOException e) {
                throw new UncheckedIOException("generating the notice of application " + id, e);
            }
        }
        Instant now = clock.instant();
        byte[] noticePdf = notice;
        try (Connection c = dataSource.getConnection()) {
            Jdbc.inTransaction(c, () -> {
                RegistrationStatus status = lockedStatus(c, id);
                if (status != current.status()) {
                    throw new IllegalStateException("application " + id + " moved to " + status + " meanwhile; reload it");
                }
                List<Object> sets = new ArrayList<>();
                StringBuilder sql = new StringBuilder("UPDATE registration_case SET status = ?, updated_at = ?");
                sets.add(to.name());
                sets.add(now);
                String eventNote = text;
                switch (action) {
                    case SUBMIT -> {
                        sql.append(", submitted_at = ?, return_reason = NULL");
                        sets.add(now);
                    }
                    case RETURN -> {
                        sql.append(", return_reason = ?");
                        sets.add(text);
                    }
                    case REGISTER -> {
                        String given = number != null ? number : nextNumber(c, current, now);
                        sql.append(", registration_number = ?, registered_at = ?, registered_by = ?, reassessment_due = ?");
                        sets.add(given);
                        sets.add(now);
                        sets.add(caller.username());
                        sets.add(current.kind() == RegistrationKind.REGISTRATION
                                ? ZonedDateTime.ofInstant(now, CHINA).plusYears(REASSESSMENT_YEARS).toInstant() : null);
                        eventNote = "登记编号 " + given + (text == null ? "" : "；" + text);
                        setSourceStatus(c, current, now);
                    }
                    case NOTIFY -> {
                        sql.append(", notified_at = ?");
                        sets.add(now);
                    }
                    default -> {
                    }
                }
                sql.append(" WHERE id = ?");
                sets.add(id);
                try (PreparedStatement s = c.prepareStatement(sql.toString())) {
                    Jdbc.bind(s, sets);
                    s.executeUpdate();
                } catch (SQLException e) {
                    if ("23505".equals(e.getSQLState())) {
                        throw new IllegalStateException("registration number " + number + " is already given to another application");
                    }
                    throw e;
                }
                if (noticePdf != null) {
                    insertNotice(c, current, noticePdf, caller.username(), now);
                }
                event(c, id, action, status, to, caller.username(), eventNote, now);
                return null;
            });
        } catch (SQLException e) {
            throw Jdbc.failure("moving application " + id, e);
        }
        audit(caller, "registration." + action.name().toLowerCase(java.util.Locale.ROOT), id,
                current.status() + " -> " + to + (text == null ? "" : ": " + abbreviate(text)));
        RegistrationCase moved = get(caller, id).orElseThrow();
        tell(action, moved);
        replicate(id);
        return moved;
    }

    /** 登记编号: {@code <county>-<year>-<NNNN>}, cancellations {@code <county>-<year>-Z<NNNN>}, numbered per county and year. */
    private static String nextNumber(Connection c, RegistrationCase current, Instant now) throws SQLException {
        String prefix = (current.parkCode() != null ? current.parkCode() : current.regionCode()) + "-"
                + ZonedDateTime.ofInstant(now, CHINA).getYear() + "-" + (current.kind() == RegistrationKind.CANCELLATION ? "Z" : "");
        int next = 1;
        try (PreparedStatement s = c.prepareStatement("SELECT registration_number FROM registration_case WHERE registration_number LIKE ?")) {
            s.setString(1, prefix + "%");
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    String tail = rs.getString(1).substring(prefix.length());
                    if (tail.matches("\\d{1,9}")) {
                        next = Math.max(next, Integer.parseInt(tail) + 1);
                    }
                }
            }
        }
        return prefix + String.format("%04d", next);
    }

    /** A registered cancellation deregisters the source; a registration brings a deregistered one back. */
    private static void setSourceStatus(Connection c, RegistrationCase current, Instant now) throws SQLException {
        if (current.hazardSourceId() == null) {
            return;
        }
        String sql = current.kind() == RegistrationKind.CANCELLATION
                ? "UPDATE hazard_source SET status = 'DEREGISTERED', updated_at = ? WHERE id = ?"
                : "UPDATE hazard_source SET status = 'ACTIVE', updated_at = ? WHERE id = ? AND status = 'DEREGISTERED'";
        try (PreparedStatement s = c.prepareStatement(sql)) {
            Jdbc.setInstant(s, 1, now);
            s.setLong(2, current.hazardSourceId());
            s.executeUpdate();
        }
        org.hazardwatch.core.internal.hazard.HazardSourceHistory.record(c, current.hazardSourceId(), now, null);
    }

    private static void insertNotice(Connection c, RegistrationCase current, byte[] pdf, String actor, Instant now) throws SQLException {
        String name = (current.kind() == RegistrationKind.REGISTRATION ? "重大危险源登记通知书-" : "重大危险源注销通知书-")
                + current.registrationNumber() + ".pdf";
        try (PreparedStatement s = c.prepareStatement("INSERT INTO registration_document (case_id, type, file_name, content_type, "
                + "size_bytes, sha256, content, uploaded_at, uploaded_by) VALUES (?, 'NOTICE', ?, 'application/pdf', ?, ?, ?, ?, ?)")) {
            s.setString(1, current.id());
            s.setString(2, name);
            s.setLong(3, pdf.length);
            s.setString(4, UploadedFile.sha256(pdf));
            s.setBytes(5, pdf);
            Jdbc.setInstant(s, 6, now);
            s.setString(7, actor);
            s.executeUpdate();
        }
    }

    private static RegistrationStatus lockedStatus(Connection c, String id) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT status FROM registration_case WHERE id = ? FOR UPDATE")) {
            s.setString(1, id);
            try (ResultSet rs = s.executeQuery()) {
                if (!rs.next()) {
                    throw new java.util.NoSuchElementException("no application " + id);
                }
                return RegistrationStatus.valueOf(rs.getString(1));
            }
        }
    }

    private static void touch(Connection c, String id, Instant now) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("UPDATE registration_case SET updated_at = ? WHERE id = ?")) {
            Jdbc.setInstant(s, 1, now);
            s.setString(2, id);
            s.executeUpdate();
        }
    }

    private static void event(Connection c, String id, RegistrationAction action, RegistrationStatus from, RegistrationStatus to,
            String actor, String note, Instant at) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("INSERT INTO registration_event (case_id, action, from_status, to_status, actor, "
                + "note, event_at) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
            s.setString(1, id);
            s.setString(2, action == null ? null : action.name());
            s.setString(3, from == null ? null : from.name());
            s.setString(4, to.name());
            s.setString(5, actor);
            s.setString(6, note);
            Jdbc.setInstant(s, 7, at);
            s.executeUpdate();
        }
    }

    // ------------------------------------------------------------------ statistics and re-assessment

    @Override
    public RegistrationStatistics statistics(Caller caller, Instant from, Instant to) {
        // by default up to the end of today (China time), so that what happened a moment ago counts
        Instant end = to != null ? to : ZonedDateTime.ofInstant(clock.instant(), CHINA).toLocalDate().plusDays(1).atStartOfDay(CHINA).toInstant();
        Instant start = from != null ? from : ZonedDateTime.ofInstant(end, CHINA).minusMonths(11).withDayOfMonth(1).toLocalDate()
                .atStartOfDay(CHINA).toInstant();
        if (!start.isBefore(end)) {
            throw new ValidationException(List.of(new FieldError("from", "INVALID", "from must be before to")));
        }
        if (Duration.between(start, end).toDays() > 3660) {
            throw new ValidationException(List.of(new FieldError("from", "TOO_LONG", "at most ten years")));
        }
        Map<RegistrationKind, Map<RegistrationStatus, Long>> byStatus = new EnumMap<>(RegistrationKind.class);
        for (RegistrationKind kind : RegistrationKind.values()) {
            Map<RegistrationStatus, Long> counts = new EnumMap<>(RegistrationStatus.class);
            for (RegistrationStatus status : RegistrationStatus.values()) {
                counts.put(status, 0L);
            }
            byStatus.put(kind, counts);
        }
        Map<String, Long> byGrade = new LinkedHashMap<>();
        for (String g : List.of("1", "2", "3", "4", "none")) {
            byGrade.put(g, 0L);
        }
        Map<String, long[]> byRegion = new TreeMap<>();
        Map<String, long[]> byMonth = new TreeMap<>();
        for (YearMonth m = YearMonth.from(ZonedDateTime.ofInstant(start, CHINA)); !m.isAfter(YearMonth.from(ZonedDateTime.ofInstant(end, CHINA)));
                m = m.plusMonths(1)) {
            byMonth.put(m.toString(), new long[3]);
        }
        if (caller.has(Permission.REGISTRATION_VIEW)) {
            List<Object> args = new ArrayList<>();
            String sql = "SELECT kind, status, uscc, hazard_source_code, region_code, grade, submitted_at, registered_at "
                    + "FROM registration_case WHERE " + "1 = 1" + ScopeSql.onEnterprise(caller.scope(), "registration_case", args);
            // the latest registered application of each source decides whether it stands registered or cancelled
            Map<String, Object[]> standing = new HashMap<>();
            try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
                Jdbc.bind(s, args);
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        RegistrationKind kind = RegistrationKind.valueOf(rs.getString("kind"));
                        RegistrationStatus status = RegistrationStatus.valueOf(rs.getString("status"));
                        String region = rs.getString("region_code");
                        byStatus.get(kind).merge(status, 1L, Long::sum);
                        if (PENDING.contains(status)) {
                            byRegion.computeIfAbsent(region, k -> new long[3])[2]++;
                        }
                        Instant submitted = Jdbc.getInstant(rs, "submitted_at");
                        Instant registered = Jdbc.getInstant(rs, "registered_at");
                        if (submitted != null && !submitted.isBefore(start) && submitted.isBefore(end)) {
                            month(byMonth, submitted)[0]++;
                        }
                        if (registered != null && STANDING.contains(status)) {
                            if (!registered.isBefore(start) && registered.isBefore(end)) {
                                month(byMonth, registered)[kind == RegistrationKind.REGISTRATION ? 1 : 2]++;
                            }
                            int grade = rs.getInt("grade");
                            String gradeKey = rs.wasNull() ? "none" : Integer.toString(grade);
                            String key = rs.getString("uscc") + "/" + rs.getString("hazard_source_code");
                            Object[] latest = standing.get(key);
                            if (latest == null || registered.isAfter((Instant) latest[0])) {
                                standing.put(key, new Object[] { registered, kind, region, gradeKey });
                            }
                        }
                    }
                }
            } catch (SQLException e) {
                throw Jdbc.failure("counting registrations", e);
            }
            for (Object[] latest : standing.values()) {
                long[] row = byRegion.computeIfAbsent((String) latest[2], k -> new long[3]);
                if (latest[1] == RegistrationKind.REGISTRATION) {
                    row[0]++;
                    byGrade.merge((String) latest[3], 1L, Long::sum);
                } else {
                    row[1]++;
                }
            }
        }
        List<RegistrationStatistics.RegionRow> regions = new ArrayList<>();
        byRegion.forEach((code, v) -> regions.add(new RegistrationStatistics.RegionRow(code,
                registry.region(code).map(Region::name).orElse(code), v[0], v[1], v[2])));
        List<RegistrationStatistics.MonthRow> months = new ArrayList<>();
        byMonth.forEach((m, v) -> months.add(new RegistrationStatistics.MonthRow(m, v[0], v[1], v[2])));
        return new RegistrationStatistics(byStatus, byGrade, regions, months);
    }

    private static long[] month(Map<String, long[]> byMonth, Instant at) {
        return byMonth.computeIfAbsent(YearMonth.from(ZonedDateTime.ofInstant(at, CHINA)).toString(), k -> new long[3]);
    }

    @Override
    public List<DueReassessment> dueReassessments(Caller caller, int withinDays) {
        if (withinDays < 0 || withinDays > 3660) {
            throw new ValidationException(List.of(new FieldError("withinDays", "OUT_OF_RANGE", "0 to 3660 days")));
        }
        if (!caller.has(Permission.REGISTRATION_VIEW)) {
            return List.of();
        }
        Instant now = clock.instant();
        Instant horizon = now.plus(Duration.ofDays(withinDays));
        List<DueReassessment> due = new ArrayList<>();
        for (Standing s : standingRegistrations(caller)) {
            if (s.due() != null && !s.due().isAfter(horizon)) {
                due.add(new DueReassessment(s.id(), s.number(), s.sourceId(), s.code(), s.name(), s.enterpriseName(), s.uscc(),
                        s.regionCode(), LocalDate.ofInstant(s.due(), CHINA), s.due().isBefore(now)));
            }
        }
        due.sort(Comparator.comparing(DueReassessment::due));
        return due;
    }

    record Standing(String id, String number, Long sourceId, String code, String name, String enterpriseName, String uscc, String regionCode,
            String parkCode, Instant due, Instant dueRemindedAt, Instant overdueRemindedAt) {
    }

    /** Registrations that stand (no later registration or cancellation of the same source), kept at this node. */
    private List<Standing> standingRegistrations(Caller caller) {
        List<Object> args = new ArrayList<>();
        String sql = "SELECT id, kind, registration_number, hazard_source_id, hazard_source_code, hazard_source_name, enterprise_name, uscc, "
                + "region_code, park_code, reassessment_due, due_reminded_at, overdue_reminded_at FROM registration_case WHERE "
                + "1 = 1" + ScopeSql.onEnterprise(caller.scope(), "registration_case", args) + " AND origin_node IS NULL AND status IN ('REGISTERED', 'NOTIFIED') ORDER BY registered_at";
        Map<String, Standing> latest = new LinkedHashMap<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            Jdbc.bind(s, args);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    String key = rs.getString("uscc") + "/" + rs.getString("hazard_source_code");
                    if (RegistrationKind.valueOf(rs.getString("kind")) == RegistrationKind.CANCELLATION) {
                        latest.remove(key);
                        continue;
                    }
                    long sourceId = rs.getLong("hazard_source_id");
                    latest.remove(key);
                    latest.put(key, new Standing(rs.getString("id"), rs.getString("registration_number"), rs.wasNull() ? null : sourceId,
                            rs.getString("hazard_source_code"), rs.getString("hazard_source_name"), rs.getString("enterprise_name"),
                            rs.getString("uscc"), rs.getString("region_code"), rs.getString("park_code"), Jdbc.getInstant(rs, "reassessment_due"),
                            Jdbc.getInstant(rs, "due_reminded_at"), Jdbc.getInstant(rs, "overdue_reminded_at")));
                }
            }
        } catch (SQLException e) {
            throw Jdbc.failure("reading standing registrations", e);
        }
        return new ArrayList<>(latest.values());
    }

    /**
     * Tells the enterprise and its registrar once when a re-assessment falls due within {@code ahead}, and once when it is
     * overdue. Returns how many notifications went out.
     */
    public int remind(Duration ahead) {
        Instant now = clock.instant();
        int sent = 0;
        for (Standing s : standingRegistrations(Caller.system("registration-reminders"))) {
            if (s.due() == null) {
                continue;
            }
            boolean overdue = s.due().isBefore(now);
            boolean dueSoon = !overdue && !s.due().isAfter(now.plus(ahead));
            String column = overdue && s.overdueRemindedAt() == null ? "overdue_reminded_at"
                    : dueSoon && s.dueRemindedAt() == null ? "due_reminded_at" : null;
            if (column == null) {
                continue;
            }
            try (Connection c = dataSource.getConnection(); PreparedStatement mark = c.prepareStatement(
                    "UPDATE registration_case SET " + column + " = ? WHERE id = ? AND " + column + " IS NULL")) {
                Jdbc.setInstant(mark, 1, now);
                mark.setString(2, s.id());
                if (mark.executeUpdate() == 0) {
                    continue; // another node sharing the database reminded already
                }
            } catch (SQLException e) {
                throw Jdbc.failure("marking the reminder of " + s.id(), e);
            }
            String title = (overdue ? "重大危险源安全评估已逾期：" : "重大危险源安全评估即将到期：") + s.enterpriseName() + " " + s.name()
                    + "（登记编号 " + s.number() + "，到期 " + LocalDate.ofInstant(s.due(), CHINA) + "）";
            String kind = overdue ? "registration.reassessment-overdue" : "registration.reassessment-due";
            notify(kind, s.uscc(), title, null, s.id());
            notify(kind, s.parkCode() != null ? s.parkCode() : s.regionCode(), title, null, s.id());
            sent += 2;
        }
        return sent;
    }

    // ------------------------------------------------------------------ notifications

    private void tell(RegistrationAction action, RegistrationCase c) {
        String registrar = c.parkCode() != null ? c.parkCode() : c.regionCode();
        String what = c.enterpriseName() + " " + c.hazardSourceName() + "（" + c.hazardSourceCode() + "）的" + kindText(c.kind()) + "申请";
        switch (action) {
            case SUBMIT -> notify("registration.submitted", registrar, "待审核：" + what, c.statement(), c.id());
            case WITHDRAW -> notify("registration.withdrawn", registrar, "已撤回：" + what, null, c.id());
            case RETURN -> notify("registration.returned", c.uscc(), "退回补正：" + what, c.returnReason(), c.id());
            case ACCEPT -> notify("registration.accepted", c.uscc(), "已受理：" + what, null, c.id());
            case REGISTER -> notify("registration.registered", c.uscc(), "已登记：" + what + "，登记编号 " + c.registrationNumber(), null, c.id());
            case NOTIFY -> notify("registration.notified", c.uscc(), "通知书已送达：" + what + "，登记编号 " + c.registrationNumber(), null,
                    c.id());
        }
    }

    private void notify(String kind, String organisation, String title, String text, String id) {
        Gateways.send(notifiers.get(), kind, organisation, title, text, "/registrations/" + id, clock.instant());
    }

    // ------------------------------------------------------------------ replication up the levels (F3)

    /** Sends the application as it stands now to the parent node; nothing when there is none. */
    private void replicate(String id) {
        ExchangeLinks links = exchange.get();
        if (links == null || links.parentNode() == null) {
            return;
        }
        try (Connection c = dataSource.getConnection()) {
            Optional<RegistrationCase> found = load(c, id);
            if (found.isEmpty()) {
                return;
            }
            RegistrationCase r = found.get();
            ObjectNode m = JSON.valueToTree(r);
            m.remove(List.of("actions", "missingDocuments", "enterpriseId", "hazardSourceId"));
            if (r.originNode() == null) {
                m.put("originNode", links.organisationCode());
            }
            long version = r.events().stream().mapToLong(RegistrationEvent::id).max().orElse(0);
            links.sendWorkUp(KIND_REPLICA, JSON.writeValueAsString(m), "registration-" + id + "-" + version + "-" + r.updatedAt().toEpochMilli());
        } catch (SQLException | IOException | RuntimeException e) {
            // the next step sends the whole application again; the upper levels lag behind until then
            logger.warn("Application {} could not be sent to the parent node: {}", id, e.toString());
        }
    }

    @Override
    public Set<String> kinds() {
        return Set.of(KIND_REPLICA);
    }

    /**
     * Keeps an application replicated from below, read-only: the record, its documents' names and checksums (without
     * content) and its timeline, replacing what was kept. A state older than the one kept (a shorter timeline) or the same
     * again is ignored; a newer one is passed on up.
     */
    @Override
    public void receive(String fromNode, boolean fromParent, String kind, String json) throws IOException {
        if (fromParent || !KIND_REPLICA.equals(kind)) {
            throw new IOException("registration applications only come up from child nodes, not " + kind + (fromParent ? " from the parent" : ""));
        }
        RegistrationCase r;
        try {
            r = JSON.readValue(json, RegistrationCase.class);
        } catch (IOException e) {
            throw new IOException("not a registration application: " + e.getMessage(), e);
        }
        if (r.id() == null || r.id().length() > 36 || r.kind() == null || r.status() == null || r.uscc() == null
                || !r.uscc().matches("[0-9A-Z]{18}") || r.regionCode() == null || r.hazardSourceCode() == null || r.updatedAt() == null
                || r.createdAt() == null || r.createdBy() == null) {
            throw new IOException("registration application without id, kind, status, uscc, region, source code or times");
        }
        String origin = r.originNode() != null ? r.originNode() : fromNode;
        Optional<Enterprise> enterprise = registry.enterprises(null, r.uscc(), 0, 2).items().stream().filter(e -> r.uscc().equals(e.uscc()))
                .findFirst();
        Long sourceId = enterprise.flatMap(e -> hazardSources.list(new org.hazardwatch.api.hazard.HazardSourceQuery(null, e.id(), null, null), 0, 500)
                .items().stream().filter(s -> r.hazardSourceCode().equals(s.code())).map(s -> (Long) s.id()).findFirst()).orElse(null);
        try (Connection c = dataSource.getConnection()) {
            boolean newer = Jdbc.inTransaction(c, () -> {
                Instant kept = null;
                String keptOrigin = null;
                try (PreparedStatement s = c.prepareStatement("SELECT updated_at, origin_node FROM registration_case WHERE id = ? FOR UPDATE")) {
                    s.setString(1, r.id());
                    try (ResultSet rs = s.executeQuery()) {
                        if (rs.next()) {
                            kept = Jdbc.getInstant(rs, "updated_at");
                            keptOrigin = rs.getString("origin_node");
                            if (keptOrigin == null) {
                                throw new IOException("application " + r.id() + " is kept here as this node's own");
                            }
                        }
                    }
                } catch (IOException e) {
                    throw new IllegalArgumentException(e.getMessage());
                }
                if (kept != null) {
                    // the timeline only grows: it orders the states even when two steps share a millisecond
                    int keptEvents;
                    try (PreparedStatement s = c.prepareStatement("SELECT COUNT(*) FROM registration_event WHERE case_id = ?")) {
                        s.setString(1, r.id());
                        try (ResultSet rs = s.executeQuery()) {
                            rs.next();
                            keptEvents = rs.getInt(1);
                        }
                    }
                    if (keptEvents > r.events().size() || keptEvents == r.events().size() && !r.updatedAt().isAfter(kept)) {
                        return false;
                    }
                }
                for (String table : List.of("registration_event", "registration_document")) {
                    try (PreparedStatement s = c.prepareStatement("DELETE FROM " + table + " WHERE case_id = ?")) {
                        s.setString(1, r.id());
                        s.executeUpdate();
                    }
                }
                try (PreparedStatement s = c.prepareStatement("DELETE FROM registration_case WHERE id = ?")) {
                    s.setString(1, r.id());
                    s.executeUpdate();
                }
                try (PreparedStatement s = c.prepareStatement("INSERT INTO registration_case (" + CASE_COLUMNS
                        + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                    Jdbc.bind(s, java.util.Arrays.asList(r.id(), r.kind().name(), r.status().name(), enterprise.map(Enterprise::id).orElse(null),
                            r.uscc(), r.enterpriseName(), r.regionCode(), r.parkCode(), sourceId, r.hazardSourceCode(), r.hazardSourceName(),
                            r.grade(), r.reason() == null ? null : r.reason().name(), r.statement(), r.returnReason(), r.registrationNumber(),
                            r.createdAt(), r.createdBy(), r.submittedAt(), r.registeredAt(), r.registeredBy(), r.notifiedAt(), r.reassessmentDue(),
                            r.updatedAt(), origin));
                    s.executeUpdate();
                }
                for (RegistrationDocument d : r.documents()) {
                    try (PreparedStatement s = c.prepareStatement("INSERT INTO registration_document (case_id, type, file_name, content_type, "
                            + "size_bytes, sha256, content, uploaded_at, uploaded_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                        Jdbc.bind(s, java.util.Arrays.asList(r.id(), d.type().name(), d.fileName(), d.contentType(), d.size(), d.sha256(),
                                new byte[0], d.uploadedAt(), d.uploadedBy()));
                        s.executeUpdate();
                    }
                }
                for (RegistrationEvent e : r.events()) {
                    event(c, r.id(), e.action(), e.from(), e.to(), e.actor(), e.note(), e.at());
                }
                return true;
            });
            if (!newer) {
                return;
            }
        } catch (SQLException e) {
            throw Jdbc.failure("keeping application " + r.id() + " from " + fromNode, e);
        } catch (IllegalArgumentException e) {
            throw new IOException(e.getMessage(), e);
        }
        ExchangeLinks links = exchange.get();
        if (links != null && links.parentNode() != null) {
            ObjectNode m = (ObjectNode) JSON.readTree(json);
            m.put("originNode", origin);
            links.sendWorkUp(KIND_REPLICA, JSON.writeValueAsString(m), "registration-relay-" + r.id() + "-" + r.updatedAt().toEpochMilli()
                    + "-" + r.events().size());
        }
    }

    // ------------------------------------------------------------------ helpers

    private void audit(Caller caller, String action, String id, String detail) {
        audit.append(new AuditEntry.Draft(caller.username(), null, null, null, action, "registration", id, "OK", null, null, detail));
    }

    static String kindText(RegistrationKind kind) {
        return kind == RegistrationKind.REGISTRATION ? "登记" : "注销";
    }


    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    private static String abbreviate(String text) {
        return text.length() <= 300 ? text : text.substring(0, 299) + "…";
    }


}
