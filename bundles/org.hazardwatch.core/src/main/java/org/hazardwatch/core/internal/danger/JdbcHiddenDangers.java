package org.hazardwatch.core.internal.danger;

import java.io.InputStream;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Supplier;

import javax.sql.DataSource;

import org.hazardwatch.api.danger.DangerAction;
import org.hazardwatch.api.danger.DangerAttachment;
import org.hazardwatch.api.danger.DangerCategory;
import org.hazardwatch.api.danger.DangerEvent;
import org.hazardwatch.api.danger.DangerLevel;
import org.hazardwatch.api.danger.DangerRole;
import org.hazardwatch.api.danger.DangerStatus;
import org.hazardwatch.api.danger.DangerWorkflow;
import org.hazardwatch.api.danger.GovernanceProject;
import org.hazardwatch.api.danger.HiddenDanger;
import org.hazardwatch.api.danger.HiddenDangerService;
import org.hazardwatch.api.danger.Inspection;
import org.hazardwatch.api.notify.Notifier;
import org.hazardwatch.api.registry.Enterprise;
import org.hazardwatch.api.registry.FieldError;
import org.hazardwatch.api.registry.Page;
import org.hazardwatch.api.registry.RegistryService;
import org.hazardwatch.api.registry.ValidationException;
import org.hazardwatch.api.security.AuditEntry;
import org.hazardwatch.api.security.AuditLog;
import org.hazardwatch.api.security.Caller;
import org.hazardwatch.api.security.DataScope;
import org.hazardwatch.api.security.OrgLevel;
import org.hazardwatch.api.security.Permission;
import org.hazardwatch.core.internal.db.Jdbc;
import org.hazardwatch.core.internal.db.ScopeSql;
import org.hazardwatch.core.internal.files.FormFields;
import org.hazardwatch.core.internal.notify.Gateways;
import org.hazardwatch.core.internal.files.UploadedFile;

/**
 * Hidden dangers, their investigations and governance projects (E1) on this node's database. Every step goes through
 * {@link DangerWorkflow} for the danger's level, is kept in its timeline, audited and told to the other side.
 */
public class JdbcHiddenDangers implements HiddenDangerService {

    static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    static final int MAX_TEXT = 4000;
    private static final Set<String> STAGES = Set.of("FINDING", "EVIDENCE", "OTHER");
    private static final Set<String> INSPECTION_KINDS = Set.of("SELF", "SUPERVISION");
    private static final String COLUMNS = "id, uscc, enterprise_name, region_code, park_code, hazard_source_code, inspection_id, level, category, "
            + "location, description, status, found_by, found_at, deadline, responsible, notice_number, notice_issued_by, rectification, "
            + "reported_by, reported_at, accepted_by, closed_at, created_at, updated_at, governance_measures, governance_funds, "
            + "governance_responsible, governance_deadline, governance_progress, governance_note, governance_updated_at, governance_updated_by";

    private final DataSource dataSource;
    private final RegistryService registry;
    private final AuditLog audit;
    private final Supplier<List<Notifier>> notifiers;
    private final Clock clock;

    public JdbcHiddenDangers(DataSource dataSource, RegistryService registry, AuditLog audit, Supplier<List<Notifier>> notifiers, Clock clock) {
        this.dataSource = dataSource;
        this.registry = registry;
        this.audit = audit;
        this.notifiers = notifiers;
        this.clock = clock;
    }

    // ------------------------------------------------------------------ who is who

    /**
     * ENTERPRISE: hidden-danger:rectify and the enterprise is the person's own (or a nationwide administrator);
     * SUPERVISOR: hidden-danger:supervise at a county or park (or a nationwide administrator); both within scope.
     */
    static Set<DangerRole> roles(Caller caller, String regionCode, String parkCode, String uscc) {
        Set<DangerRole> roles = EnumSet.noneOf(DangerRole.class);
        if (!caller.sees(regionCode, parkCode, uscc)) {
            return roles;
        }
        boolean all = caller.scope().isAll();
        if (caller.has(Permission.DANGER_RECTIFY) && (all || caller.scope().kind() == DataScope.Kind.ENTERPRISE)) {
            roles.add(DangerRole.ENTERPRISE);
        }
        if (caller.has(Permission.DANGER_SUPERVISE) && (all || caller.level() == OrgLevel.COUNTY || caller.level() == OrgLevel.PARK)) {
            roles.add(DangerRole.SUPERVISOR);
        }
        return roles;
    }

    private HiddenDanger withActions(Caller caller, HiddenDanger d) {
        List<DangerAction> actions = DangerWorkflow.of(d.level()).actions(d.status(), roles(caller, d.regionCode(), d.parkCode(), d.uscc()));
        return new HiddenDanger(d.id(), d.uscc(), d.enterpriseName(), d.regionCode(), d.parkCode(), d.hazardSourceCode(), d.inspectionId(),
                d.level(), d.category(), d.location(), d.description(), d.status(), d.foundBy(), d.foundAt(), d.deadline(), d.responsible(),
                d.noticeNumber(), d.noticeIssuedBy(), d.rectification(), d.reportedBy(), d.reportedAt(), d.acceptedBy(), d.closedAt(),
                d.createdAt(), d.updatedAt(), d.overdue(), d.governance(), d.attachments(), d.events(), actions);
    }



    // ------------------------------------------------------------------ reading

    @Override
    public Page<HiddenDanger> search(Caller caller, Query query, int page, int size) {
        if (!caller.has(Permission.DANGER_VIEW)) {
            return new Page<>(0, page, size, List.of());
        }
        Query q = query == null ? new Query(null, null, null, null, null, null) : query;
        List<Object> args = new ArrayList<>();
        StringBuilder where = new StringBuilder(" WHERE ").append("1 = 1" + ScopeSql.onEnterprise(caller.scope(), "hidden_danger", args));
        if (q.status() != null) {
            where.append(" AND status = ?");
            args.add(q.status().name());
        }
        if (q.level() != null) {
            where.append(" AND level = ?");
            args.add(q.level().name());
        }
        if (q.uscc() != null && !q.uscc().isBlank()) {
            where.append(" AND uscc = ?");
            args.add(q.uscc().strip());
        }
        if (q.regionCode() != null && !q.regionCode().isBlank()) {
            where.append(" AND (region_code LIKE ? OR park_code = ?)");
            args.add(q.regionCode().strip() + "%");
            args.add(q.regionCode().strip());
        }
        if (q.inspectionId() != null) {
            where.append(" AND inspection_id = ?");
            args.add(q.inspectionId());
        }
        if (Boolean.TRUE.equals(q.overdue())) {
            where.append(" AND status IN ('FOUND', 'RECTIFYING') AND deadline < ?");
            args.add(clock.instant());
        }
        try (Connection c = dataSource.getConnection()) {
            return Jdbc.page(c, COLUMNS, "hidden_danger" + where, args, "updated_at DESC, id", page, size,
                    rs -> withActions(caller, row(rs, List.of(), List.of())));
        } catch (SQLException e) {
            throw Jdbc.failure("searching hidden dangers", e);
        }
    }

    @Override
    public Optional<HiddenDanger> get(Caller caller, String id) {
        if (!caller.has(Permission.DANGER_VIEW) || id == null || id.length() > 36) {
            return Optional.empty();
        }
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement("SELECT " + COLUMNS
                + " FROM hidden_danger WHERE id = ?")) {
            s.setString(1, id);
            try (ResultSet rs = s.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                HiddenDanger d = row(rs, attachments(c, id), events(c, id));
                return caller.sees(d.regionCode(), d.parkCode(), d.uscc()) ? Optional.of(withActions(caller, d)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw Jdbc.failure("reading hidden danger " + id, e);
        }
    }

    @Override
    public List<HiddenDanger> todo(Caller caller) {
        if (!caller.has(Permission.DANGER_VIEW)) {
            return List.of();
        }
        List<Object> args = new ArrayList<>();
        String sql = "SELECT " + COLUMNS + " FROM hidden_danger WHERE " + "1 = 1" + ScopeSql.onEnterprise(caller.scope(), "hidden_danger", args) + " AND status <> 'CLOSED'";
        List<HiddenDanger> items = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            Jdbc.bind(s, args);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    HiddenDanger d = withActions(caller, row(rs, List.of(), List.of()));
                    if (!d.actions().isEmpty()) {
                        items.add(d);
                    }
                }
            }
        } catch (SQLException e) {
            throw Jdbc.failure("reading the hidden-danger to-do list", e);
        }
        items.sort(java.util.Comparator.comparing((HiddenDanger d) -> !d.overdue())
                .thenComparing(d -> d.deadline() == null ? Instant.MAX : d.deadline()));
        return items;
    }

    private HiddenDanger row(ResultSet rs, List<DangerAttachment> attachments, List<DangerEvent> events) throws SQLException {
        long inspection = rs.getLong("inspection_id");
        Long inspectionId = rs.wasNull() ? null : inspection;
        DangerStatus status = DangerStatus.valueOf(rs.getString("status"));
        Instant deadline = Jdbc.getInstant(rs, "deadline");
        boolean overdue = deadline != null && (status == DangerStatus.FOUND || status == DangerStatus.RECTIFYING)
                && clock.instant().isAfter(deadline);
        GovernanceProject governance = null;
        if (rs.getString("governance_measures") != null) {
            governance = new GovernanceProject(rs.getString("governance_measures"), rs.getBigDecimal("governance_funds"),
                    rs.getString("governance_responsible"), Jdbc.getInstant(rs, "governance_deadline"), rs.getInt("governance_progress"),
                    rs.getString("governance_note"), Jdbc.getInstant(rs, "governance_updated_at"), rs.getString("governance_updated_by"));
        }
        return new HiddenDanger(rs.getString("id"), rs.getString("uscc"), rs.getString("enterprise_name"), rs.getString("region_code"),
                rs.getString("park_code"), rs.getString("hazard_source_code"), inspectionId, DangerLevel.valueOf(rs.getString("level")),
                DangerCategory.valueOf(rs.getString("category")), rs.getString("location"), rs.getString("description"), status,
                rs.getString("found_by"), Jdbc.getInstant(rs, "found_at"), deadline, rs.getString("responsible"), rs.getString("notice_number"),
                rs.getString("notice_issued_by"), rs.getString("rectification"), rs.getString("reported_by"), Jdbc.getInstant(rs, "reported_at"),
                rs.getString("accepted_by"), Jdbc.getInstant(rs, "closed_at"), Jdbc.getInstant(rs, "created_at"), Jdbc.getInstant(rs, "updated_at"),
                overdue, governance, attachments, events, List.of());
    }

    private static List<DangerAttachment> attachments(Connection c, String id) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT id, stage, file_name, content_type, size_bytes, sha256, uploaded_at, uploaded_by "
                + "FROM hidden_danger_attachment WHERE danger_id = ? ORDER BY id")) {
            s.setString(1, id);
            List<DangerAttachment> list = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    list.add(new DangerAttachment(rs.getLong("id"), rs.getString("stage"), rs.getString("file_name"), rs.getString("content_type"),
                            rs.getLong("size_bytes"), rs.getString("sha256"), Jdbc.getInstant(rs, "uploaded_at"), rs.getString("uploaded_by")));
                }
            }
            return list;
        }
    }

    private static List<DangerEvent> events(Connection c, String id) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT id, action, from_status, to_status, actor, note, event_at FROM hidden_danger_event "
                + "WHERE danger_id = ? ORDER BY event_at, id")) {
            s.setString(1, id);
            List<DangerEvent> list = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    String action = rs.getString("action");
                    String from = rs.getString("from_status");
                    list.add(new DangerEvent(rs.getLong("id"), action == null ? null : DangerAction.valueOf(action),
                            from == null ? null : DangerStatus.valueOf(from), DangerStatus.valueOf(rs.getString("to_status")), rs.getString("actor"),
                            rs.getString("note"), Jdbc.getInstant(rs, "event_at")));
                }
            }
            return list;
        }
    }

    @Override
    public Optional<AttachmentContent> attachment(Caller caller, String id, long attachmentId) {
        Optional<DangerAttachment> meta = get(caller, id).flatMap(d -> d.attachments().stream().filter(a -> a.id() == attachmentId).findFirst());
        if (meta.isEmpty()) {
            return Optional.empty();
        }
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                "SELECT content FROM hidden_danger_attachment WHERE danger_id = ? AND id = ?")) {
            s.setString(1, id);
            s.setLong(2, attachmentId);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? Optional.of(new AttachmentContent(meta.get(), rs.getBytes(1))) : Optional.empty();
            }
        } catch (SQLException e) {
            throw Jdbc.failure("reading attachment " + attachmentId, e);
        }
    }

    // ------------------------------------------------------------------ recording and steps

    @Override
    public HiddenDanger record(Caller caller, DangerDraft draft) {
        if (!caller.has(Permission.DANGER_RECTIFY) && !caller.has(Permission.DANGER_SUPERVISE)) {
            throw new SecurityException("recording hidden dangers needs hidden-danger:rectify or hidden-danger:supervise");
        }
        List<FieldError> errors = new ArrayList<>();
        if (draft == null) {
            throw new ValidationException(List.of(new FieldError("uscc", "REQUIRED", "the enterprise, level, category, location, description")));
        }
        if (draft.level() == null) {
            errors.add(new FieldError("level", "REQUIRED", "GENERAL or MAJOR"));
        }
        if (draft.category() == null) {
            errors.add(new FieldError("category", "REQUIRED", "what kind of hidden danger"));
        }
        String location = FormFields.text(draft.location(), "location", 200, true, errors);
        String description = FormFields.text(draft.description(), "description", MAX_TEXT, true, errors);
        String sourceCode = FormFields.text(draft.hazardSourceCode(), "hazardSourceCode", 32, false, errors);
        Instant now = clock.instant();
        Instant foundAt = draft.foundAt() == null ? now : draft.foundAt();
        if (foundAt.isAfter(now.plusSeconds(300))) {
            errors.add(new FieldError("foundAt", "IN_FUTURE", "a hidden danger is recorded once found"));
        }
        Enterprise enterprise = FormFields.enterpriseInScope(registry, caller, draft.uscc(), "uscc", errors);
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        String id = UUID.randomUUID().toString();
        Enterprise e = enterprise;
        try (Connection c = dataSource.getConnection()) {
            Jdbc.inTransaction(c, () -> {
                if (draft.inspectionId() != null) {
                    try (PreparedStatement s = c.prepareStatement("SELECT uscc FROM danger_inspection WHERE id = ?")) {
                        s.setLong(1, draft.inspectionId());
                        try (ResultSet rs = s.executeQuery()) {
                            if (!rs.next() || !rs.getString(1).equals(e.uscc())) {
                                throw new ValidationException(List.of(new FieldError("inspectionId", "UNKNOWN",
                                        "no investigation " + draft.inspectionId() + " of " + e.uscc())));
                            }
                        }
                    }
                }
                try (PreparedStatement s = c.prepareStatement("INSERT INTO hidden_danger (id, uscc, enterprise_name, region_code, park_code, "
                        + "hazard_source_code, inspection_id, level, category, location, description, status, found_by, found_at, created_at, "
                        + "updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'FOUND', ?, ?, ?, ?)")) {
                    Jdbc.bind(s, Arrays.asList(id, e.uscc(), e.name(), e.regionCode(), e.parkCode(), sourceCode, draft.inspectionId(),
                            draft.level().name(), draft.category().name(), location, description, caller.username(), foundAt, now, now));
                    s.executeUpdate();
                }
                event(c, id, null, null, DangerStatus.FOUND, caller.username(), (draft.level() == DangerLevel.MAJOR ? "登记重大隐患：" : "登记一般隐患：")
                        + location, now);
                return null;
            });
        } catch (SQLException ex) {
            throw Jdbc.failure("recording a hidden danger of " + e.uscc(), ex);
        }
        audit(caller, "hidden-danger.record", id, draft.level() + " " + e.uscc() + " " + location);
        HiddenDanger recorded = get(caller, id).orElseThrow();
        String supervisor = e.parkCode() != null ? e.parkCode() : e.regionCode();
        if (draft.level() == DangerLevel.MAJOR) {
            notify("hidden-danger.major-found", supervisor, "发现重大隐患：" + e.name() + " " + location, description, id);
        }
        if (caller.scope().kind() != DataScope.Kind.ENTERPRISE) {
            notify("hidden-danger.found", e.uscc(), "检查发现隐患：" + location, description, id);
        }
        return recorded;
    }

    @Override
    public HiddenDanger act(Caller caller, String id, DangerAction action, Step step) {
        HiddenDanger current = get(caller, id).orElseThrow(() -> new NoSuchElementException("no hidden danger " + id));
        if (action == null) {
            throw new ValidationException(List.of(new FieldError("action", "REQUIRED", "the step to take")));
        }
        Set<DangerRole> roles = roles(caller, current.regionCode(), current.parkCode(), current.uscc());
        DangerStatus to = DangerWorkflow.of(current.level()).next(current.status(), action, roles);
        Step s = step == null ? new Step(null, null, null, null) : step;
        List<FieldError> errors = new ArrayList<>();
        String note = FormFields.text(s.note(), "note", MAX_TEXT, false, errors);
        String responsible = null;
        String noticeNumber = null;
        // from the county or park an arrangement is a rectification notice
        boolean asSupervisor = roles.contains(DangerRole.SUPERVISOR);
        Instant now = clock.instant();
        switch (action) {
            case ASSIGN -> {
                responsible = FormFields.text(s.responsible(), "responsible", 100, true, errors);
                if (s.deadline() == null) {
                    errors.add(new FieldError("deadline", "REQUIRED", "by when it must be rectified"));
                } else if (!s.deadline().isAfter(now)) {
                    errors.add(new FieldError("deadline", "IN_PAST", "a deadline still to come"));
                }
                noticeNumber = FormFields.text(s.noticeNumber(), "noticeNumber", 64, false, errors);
                if (current.level() == DangerLevel.MAJOR && noticeNumber == null) {
                    errors.add(new FieldError("noticeNumber", "REQUIRED", "a major hidden danger is put under a numbered rectification notice"));
                }
            }
            case REPORT -> {
                if (note == null) {
                    errors.add(new FieldError("note", "REQUIRED", "what was done to rectify it"));
                }
                if (current.attachments().stream().noneMatch(a -> a.stage().equals("EVIDENCE"))) {
                    errors.add(new FieldError("attachments", "EVIDENCE_REQUIRED", "attach a photo or document of the rectification first"));
                }
                if (current.level() == DangerLevel.MAJOR && (current.governance() == null || current.governance().progressPercent() < 100)) {
                    errors.add(new FieldError("governance", "NOT_COMPLETE", "a major hidden danger's governance project must be at 100 %"));
                }
            }
            case REJECT -> {
                if (note == null) {
                    errors.add(new FieldError("note", "REQUIRED", "why the rectification is not accepted"));
                }
            }
            default -> {
            }
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        String responsibleValue = responsible;
        String noticeValue = noticeNumber;
        try (Connection c = dataSource.getConnection()) {
            Jdbc.inTransaction(c, () -> {
                DangerStatus locked = lockedStatus(c, id);
                if (locked != current.status()) {
                    throw new IllegalStateException("hidden danger " + id + " moved to " + locked + " meanwhile; reload it");
                }
                List<Object> args = new ArrayList<>(List.of(to.name()));
                args.add(now);
                StringBuilder sql = new StringBuilder("UPDATE hidden_danger SET status = ?, updated_at = ?");
                String eventNote = note;
                switch (action) {
                    case ASSIGN -> {
                        sql.append(", responsible = ?, deadline = ?, notice_number = ?, notice_issued_by = ?");
                        args.addAll(Arrays.asList(responsibleValue, s.deadline(), noticeValue, asSupervisor ? caller.organisationName() : null));
                        eventNote = (asSupervisor ? "下达整改通知" + (noticeValue == null ? "" : " " + noticeValue) : "安排整改") + "，责任人 "
                                + responsibleValue + "，期限 " + ZonedDateTime.ofInstant(s.deadline(), CHINA).toLocalDate() + (note == null ? "" : "；" + note);
                    }
                    case REPORT -> {
                        sql.append(", rectification = ?, reported_by = ?, reported_at = ?");
                        args.addAll(Arrays.asList(note, caller.username(), now));
                    }
                    case ACCEPT -> {
                        sql.append(", accepted_by = ?, closed_at = ?");
                        args.addAll(Arrays.asList(caller.username(), now));
                    }
                    default -> {
                    }
                }
                sql.append(" WHERE id = ?");
                args.add(id);
                try (PreparedStatement u = c.prepareStatement(sql.toString())) {
                    Jdbc.bind(u, args);
                    u.executeUpdate();
                }
                event(c, id, action, locked, to, caller.username(), eventNote, now);
                return null;
            });
        } catch (SQLException e) {
            throw Jdbc.failure("moving hidden danger " + id, e);
        }
        audit(caller, "hidden-danger." + action.name().toLowerCase(java.util.Locale.ROOT), id, current.status() + " -> " + to
                + (note == null ? "" : ": " + (note.length() > 300 ? note.substring(0, 299) + "…" : note)));
        HiddenDanger moved = get(caller, id).orElseThrow();
        String supervisor = moved.parkCode() != null ? moved.parkCode() : moved.regionCode();
        String what = moved.enterpriseName() + " " + moved.location();
        switch (action) {
            case ASSIGN -> notify("hidden-danger.assigned", moved.uscc(), (asSupervisor ? "整改通知：" : "隐患整改安排：") + what, note, id);
            case REPORT -> notify("hidden-danger.reported", moved.level() == DangerLevel.MAJOR ? supervisor : moved.uscc(), "隐患整改待验收：" + what,
                    note, id);
            case ACCEPT -> notify("hidden-danger.closed", moved.uscc(), "隐患已验收销号：" + what, note, id);
            case REJECT -> notify("hidden-danger.rejected", moved.uscc(), "隐患整改未通过验收：" + what, note, id);
        }
        return moved;
    }

    @Override
    public HiddenDanger plan(Caller caller, String id, String measures, BigDecimal funds, String responsible, Instant deadline) {
        HiddenDanger current = get(caller, id).orElseThrow(() -> new NoSuchElementException("no hidden danger " + id));
        requireGovernanceEditable(caller, current);
        List<FieldError> errors = new ArrayList<>();
        String m = FormFields.text(measures, "measures", MAX_TEXT, true, errors);
        String r = FormFields.text(responsible, "responsible", 100, true, errors);
        if (funds == null) {
            errors.add(new FieldError("funds", "REQUIRED", "the funds set aside, in 10,000 yuan"));
        } else if (funds.signum() < 0 || funds.scale() > 2 || funds.precision() - funds.scale() > 12) {
            errors.add(new FieldError("funds", "INVALID", "0 or more, at most two decimals"));
        }
        if (deadline == null) {
            errors.add(new FieldError("deadline", "REQUIRED", "by when the project completes"));
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        Instant now = clock.instant();
        updateGovernance(caller, current, "UPDATE hidden_danger SET governance_measures = ?, governance_funds = ?, governance_responsible = ?, "
                + "governance_deadline = ?, governance_progress = COALESCE(governance_progress, 0), governance_updated_at = ?, "
                + "governance_updated_by = ?, updated_at = ? WHERE id = ?", Arrays.asList(m, funds, r, deadline, now, caller.username(), now, id),
                "治理方案：" + m + "；资金 " + funds.toPlainString() + " 万元；责任人 " + r + "；完成期限 "
                        + ZonedDateTime.ofInstant(deadline, CHINA).toLocalDate(), now);
        audit(caller, "hidden-danger.plan", id, "funds " + funds.toPlainString() + ", responsible " + r);
        return get(caller, id).orElseThrow();
    }

    @Override
    public HiddenDanger progress(Caller caller, String id, int percent, String note) {
        HiddenDanger current = get(caller, id).orElseThrow(() -> new NoSuchElementException("no hidden danger " + id));
        requireGovernanceEditable(caller, current);
        List<FieldError> errors = new ArrayList<>();
        if (current.governance() == null) {
            errors.add(new FieldError("governance", "MISSING", "set the governance project first"));
        } else if (percent < current.governance().progressPercent() || percent > 100) {
            errors.add(new FieldError("percent", "OUT_OF_RANGE", "from " + current.governance().progressPercent() + " (so far) to 100"));
        }
        String n = FormFields.text(note, "note", 2000, false, errors);
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        Instant now = clock.instant();
        updateGovernance(caller, current, "UPDATE hidden_danger SET governance_progress = ?, governance_note = ?, governance_updated_at = ?, "
                + "governance_updated_by = ?, updated_at = ? WHERE id = ?", Arrays.asList(percent, n, now, caller.username(), now, id),
                "治理进度 " + percent + "%" + (n == null ? "" : "：" + n), now);
        audit(caller, "hidden-danger.progress", id, percent + "%");
        return get(caller, id).orElseThrow();
    }

    /** A major hidden danger's project, set or advanced by the enterprise or its supervisor until it is accepted. */
    private static void requireGovernanceEditable(Caller caller, HiddenDanger d) {
        if (d.level() != DangerLevel.MAJOR) {
            throw new IllegalStateException("only a major hidden danger has a governance project");
        }
        if (d.status() == DangerStatus.CLOSED || d.status() == DangerStatus.AWAITING_ACCEPTANCE) {
            throw new IllegalStateException("the governance project of a hidden danger in status " + d.status() + " is fixed");
        }
        if (roles(caller, d.regionCode(), d.parkCode(), d.uscc()).isEmpty()) {
            throw new SecurityException("only the enterprise or its supervisor keeps the governance project");
        }
    }

    private void updateGovernance(Caller caller, HiddenDanger current, String sql, List<Object> args, String note, Instant now) {
        try (Connection c = dataSource.getConnection()) {
            Jdbc.inTransaction(c, () -> {
                DangerStatus locked = lockedStatus(c, current.id());
                if (locked != current.status()) {
                    throw new IllegalStateException("hidden danger " + current.id() + " moved to " + locked + " meanwhile; reload it");
                }
                try (PreparedStatement s = c.prepareStatement(sql)) {
                    Jdbc.bind(s, args);
                    s.executeUpdate();
                }
                event(c, current.id(), null, locked, locked, caller.username(), note, now);
                return null;
            });
        } catch (SQLException e) {
            throw Jdbc.failure("keeping the governance project of " + current.id(), e);
        }
    }

    @Override
    public DangerAttachment attach(Caller caller, String id, String stage, String fileName, String contentType, InputStream content) {
        HiddenDanger current = get(caller, id).orElseThrow(() -> new NoSuchElementException("no hidden danger " + id));
        String st = stage == null ? "" : stage.strip().toUpperCase(java.util.Locale.ROOT);
        if (!STAGES.contains(st)) {
            throw new ValidationException(List.of(new FieldError("stage", "INVALID", "FINDING, EVIDENCE or OTHER")));
        }
        if (roles(caller, current.regionCode(), current.parkCode(), current.uscc()).isEmpty()) {
            throw new SecurityException("only the enterprise or its supervisor adds files to a hidden danger");
        }
        if (current.status() == DangerStatus.CLOSED || current.status() == DangerStatus.AWAITING_ACCEPTANCE && st.equals("EVIDENCE")) {
            throw new IllegalStateException("a hidden danger in status " + current.status() + " takes no more " + st.toLowerCase() + " files");
        }
        UploadedFile file = UploadedFile.read(fileName, contentType, content, MAX_ATTACHMENT_BYTES);
        Instant now = clock.instant();
        long attachmentId;
        try (Connection c = dataSource.getConnection()) {
            attachmentId = Jdbc.inTransaction(c, () -> {
                DangerStatus locked = lockedStatus(c, id);
                long newId;
                try (PreparedStatement s = c.prepareStatement("INSERT INTO hidden_danger_attachment (danger_id, stage, file_name, content_type, "
                        + "size_bytes, sha256, content, uploaded_at, uploaded_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", Statement.RETURN_GENERATED_KEYS)) {
                    Jdbc.bind(s, Arrays.asList(id, st, file.fileName(), file.contentType(), (long) file.content().length, file.sha256(), file.content(),
                            now, caller.username()));
                    s.executeUpdate();
                    try (ResultSet keys = s.getGeneratedKeys()) {
                        keys.next();
                        newId = keys.getLong(1);
                    }
                }
                event(c, id, null, locked, locked, caller.username(), (st.equals("EVIDENCE") ? "整改证据：" : st.equals("FINDING") ? "隐患照片：" : "附件：")
                        + file.fileName() + "（SHA-256 " + file.sha256().substring(0, 16) + "…）", now);
                return newId;
            });
        } catch (SQLException e) {
            throw Jdbc.failure("attaching a file to hidden danger " + id, e);
        }
        audit(caller, "hidden-danger.attach", id, st + " " + file.fileName() + " sha256=" + file.sha256());
        return new DangerAttachment(attachmentId, st, file.fileName(), file.contentType(), file.content().length, file.sha256(), now, caller.username());
    }

    private static DangerStatus lockedStatus(Connection c, String id) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT status FROM hidden_danger WHERE id = ? FOR UPDATE")) {
            s.setString(1, id);
            try (ResultSet rs = s.executeQuery()) {
                if (!rs.next()) {
                    throw new NoSuchElementException("no hidden danger " + id);
                }
                return DangerStatus.valueOf(rs.getString(1));
            }
        }
    }

    private static void event(Connection c, String id, DangerAction action, DangerStatus from, DangerStatus to, String actor, String note,
            Instant at) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("INSERT INTO hidden_danger_event (danger_id, action, from_status, to_status, actor, note, "
                + "event_at) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
            Jdbc.bind(s, Arrays.asList(id, action == null ? null : action.name(), from == null ? null : from.name(), to.name(), actor, note, at));
            s.executeUpdate();
        }
    }

    // ------------------------------------------------------------------ statistics and reminders

    @Override
    public Statistics statistics(Caller caller, Instant from, Instant to) {
        Instant end = to != null ? to : ZonedDateTime.ofInstant(clock.instant(), CHINA).toLocalDate().plusDays(1).atStartOfDay(CHINA).toInstant();
        Instant start = from != null ? from : ZonedDateTime.ofInstant(end, CHINA).minusMonths(1).toInstant();
        if (!start.isBefore(end)) {
            throw new ValidationException(List.of(new FieldError("from", "INVALID", "from must be before to")));
        }
        Map<DangerLevel, Long> openByLevel = new EnumMap<>(DangerLevel.class);
        Arrays.stream(DangerLevel.values()).forEach(l -> openByLevel.put(l, 0L));
        Map<DangerCategory, Long> openByCategory = new EnumMap<>(DangerCategory.class);
        Arrays.stream(DangerCategory.values()).forEach(k -> openByCategory.put(k, 0L));
        Map<String, long[]> regions = new TreeMap<>();
        long overdue = 0;
        long closed = 0;
        if (caller.has(Permission.DANGER_VIEW)) {
            List<Object> args = new ArrayList<>();
            String sql = "SELECT region_code, level, category, status, deadline, closed_at FROM hidden_danger WHERE " + "1 = 1" + ScopeSql.onEnterprise(caller.scope(), "hidden_danger", args);
            Instant now = clock.instant();
            try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
                Jdbc.bind(s, args);
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        long[] row = regions.computeIfAbsent(rs.getString("region_code"), k -> new long[4]);
                        DangerStatus status = DangerStatus.valueOf(rs.getString("status"));
                        if (status == DangerStatus.CLOSED) {
                            Instant at = Jdbc.getInstant(rs, "closed_at");
                            if (at != null && !at.isBefore(start) && at.isBefore(end)) {
                                closed++;
                                row[3]++;
                            }
                            continue;
                        }
                        DangerLevel level = DangerLevel.valueOf(rs.getString("level"));
                        openByLevel.merge(level, 1L, Long::sum);
                        openByCategory.merge(DangerCategory.valueOf(rs.getString("category")), 1L, Long::sum);
                        row[0]++;
                        if (level == DangerLevel.MAJOR) {
                            row[1]++;
                        }
                        Instant deadline = Jdbc.getInstant(rs, "deadline");
                        if (deadline != null && status != DangerStatus.AWAITING_ACCEPTANCE && now.isAfter(deadline)) {
                            overdue++;
                            row[2]++;
                        }
                    }
                }
            } catch (SQLException e) {
                throw Jdbc.failure("counting hidden dangers", e);
            }
        }
        List<Statistics.RegionRow> byRegion = new ArrayList<>();
        regions.forEach((code, v) -> byRegion.add(new Statistics.RegionRow(code, v[0], v[1], v[2], v[3])));
        return new Statistics(openByLevel, overdue, closed, openByCategory, byRegion);
    }

    /** Tells the enterprise (and for a major one its supervisor) once when a rectification is overdue; returns how many. */
    public int remindOverdue() {
        Instant now = clock.instant();
        List<String[]> due = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement("SELECT id, uscc, enterprise_name, location, "
                + "level, region_code, park_code FROM hidden_danger WHERE status IN ('FOUND', 'RECTIFYING') AND deadline < ? "
                + "AND overdue_reminded_at IS NULL")) {
            Jdbc.setInstant(s, 1, now);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    due.add(new String[] { rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6),
                            rs.getString(7) });
                }
            }
            int sent = 0;
            for (String[] d : due) {
                try (PreparedStatement mark = c.prepareStatement("UPDATE hidden_danger SET overdue_reminded_at = ? WHERE id = ? "
                        + "AND overdue_reminded_at IS NULL")) {
                    Jdbc.setInstant(mark, 1, now);
                    mark.setString(2, d[0]);
                    if (mark.executeUpdate() == 0) {
                        continue;
                    }
                }
                String title = "隐患整改已超期：" + d[2] + " " + d[3];
                notify("hidden-danger.overdue", d[1], title, null, d[0]);
                sent++;
                if ("MAJOR".equals(d[4])) {
                    notify("hidden-danger.overdue", d[6] != null ? d[6] : d[5], title, null, d[0]);
                    sent++;
                }
            }
            return sent;
        } catch (SQLException e) {
            throw Jdbc.failure("reminding of overdue rectifications", e);
        }
    }

    // ------------------------------------------------------------------ investigations

    @Override
    public List<Inspection> inspections(Caller caller, String uscc, String status, int limit) {
        return inspections(caller, uscc, status, null, limit);
    }

    /** The caller's investigations; {@code id} non-null: only that one. */
    private List<Inspection> inspections(Caller caller, String uscc, String status, Long id, int limit) {
        if (!caller.has(Permission.DANGER_VIEW)) {
            return List.of();
        }
        List<Object> args = new ArrayList<>();
        StringBuilder sql = new StringBuilder("SELECT i.id, i.uscc, i.enterprise_name, i.region_code, i.kind, i.title, i.checklist, i.inspector, "
                + "i.planned_at, i.status, i.done_at, i.result, i.created_by, i.created_at, (SELECT COUNT(*) FROM hidden_danger d "
                + "WHERE d.inspection_id = i.id) AS dangers FROM danger_inspection i WHERE ").append("1 = 1" + ScopeSql.onEnterprise(caller.scope(), "i", args));
        if (uscc != null && !uscc.isBlank()) {
            sql.append(" AND i.uscc = ?");
            args.add(uscc.strip());
        }
        if (status != null && !status.isBlank()) {
            sql.append(" AND i.status = ?");
            args.add(status.strip().toUpperCase(java.util.Locale.ROOT));
        }
        if (id != null) {
            sql.append(" AND i.id = ?");
            args.add(id);
        }
        sql.append(" ORDER BY i.planned_at DESC, i.id DESC LIMIT ?");
        args.add(limit);
        List<Inspection> list = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql.toString())) {
            Jdbc.bind(s, args);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    list.add(inspection(rs));
                }
            }
            return list;
        } catch (SQLException e) {
            throw Jdbc.failure("reading investigations", e);
        }
    }

    private static Inspection inspection(ResultSet rs) throws SQLException {
        String checklist = rs.getString("checklist");
        return new Inspection(rs.getLong("id"), rs.getString("uscc"), rs.getString("enterprise_name"), rs.getString("region_code"),
                rs.getString("kind"), rs.getString("title"), checklist == null || checklist.isEmpty() ? List.of() : List.of(checklist.split("\n")),
                rs.getString("inspector"), Jdbc.getInstant(rs, "planned_at"), rs.getString("status"), Jdbc.getInstant(rs, "done_at"),
                rs.getString("result"), rs.getInt("dangers"), rs.getString("created_by"), Jdbc.getInstant(rs, "created_at"));
    }

    @Override
    public Inspection planInspection(Caller caller, InspectionDraft draft) {
        if (draft == null) {
            throw new ValidationException(List.of(new FieldError("uscc", "REQUIRED", "enterprise, kind, title, inspector, plannedAt")));
        }
        List<FieldError> errors = new ArrayList<>();
        String kind = draft.kind() == null ? null : draft.kind().strip().toUpperCase(java.util.Locale.ROOT);
        if (kind == null || !INSPECTION_KINDS.contains(kind)) {
            errors.add(new FieldError("kind", "INVALID", "SELF (企业自查) or SUPERVISION (监管检查)"));
        } else if (kind.equals("SELF") ? !caller.has(Permission.DANGER_RECTIFY) : !caller.has(Permission.DANGER_SUPERVISE)) {
            throw new SecurityException(kind.equals("SELF") ? "a self-investigation needs hidden-danger:rectify"
                    : "a supervision investigation needs hidden-danger:supervise");
        }
        String title = FormFields.text(draft.title(), "title", 200, true, errors);
        String inspector = FormFields.text(draft.inspector(), "inspector", 200, true, errors);
        List<String> items = draft.checklist() == null ? List.of() : draft.checklist().stream().filter(i -> i != null && !i.isBlank())
                .map(i -> i.strip().replace('\n', ' ')).toList();
        if (items.size() > 200 || items.stream().anyMatch(i -> i.length() > 500)) {
            errors.add(new FieldError("checklist", "TOO_LONG", "at most 200 items of 500 characters"));
        }
        if (draft.plannedAt() == null) {
            errors.add(new FieldError("plannedAt", "REQUIRED", "when the investigation takes place"));
        }
        Enterprise enterprise = FormFields.enterpriseInScope(registry, caller, draft.uscc(), "uscc", errors);
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        Instant now = clock.instant();
        long id;
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement("INSERT INTO danger_inspection (uscc, "
                + "enterprise_name, region_code, park_code, kind, title, checklist, inspector, planned_at, status, created_by, created_at) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'PLANNED', ?, ?)", Statement.RETURN_GENERATED_KEYS)) {
            Jdbc.bind(s, Arrays.asList(enterprise.uscc(), enterprise.name(), enterprise.regionCode(), enterprise.parkCode(), kind, title,
                    String.join("\n", items), inspector, draft.plannedAt(), caller.username(), now));
            s.executeUpdate();
            try (ResultSet keys = s.getGeneratedKeys()) {
                keys.next();
                id = keys.getLong(1);
            }
        } catch (SQLException e) {
            throw Jdbc.failure("planning an investigation", e);
        }
        audit(caller, "hidden-danger.inspection-plan", Long.toString(id), kind + " " + enterprise.uscc() + " " + title);
        if (kind.equals("SUPERVISION")) {
            notify("hidden-danger.inspection-planned", enterprise.uscc(), "监管检查计划：" + title + "（"
                    + ZonedDateTime.ofInstant(draft.plannedAt(), CHINA).toLocalDate() + "）", null, null);
        }
        return inspection(caller, id);
    }

    private Inspection inspection(Caller caller, long id) {
        return inspections(caller, null, null, id, 1).stream().findFirst()
                .orElseThrow(() -> new NoSuchElementException("no investigation " + id));
    }

    @Override
    public Inspection completeInspection(Caller caller, long id, String result) {
        Inspection current = inspection(caller, id);
        if (!(current.kind().equals("SELF") ? caller.has(Permission.DANGER_RECTIFY) : caller.has(Permission.DANGER_SUPERVISE))) {
            throw new SecurityException("only who may plan it completes an investigation");
        }
        List<FieldError> errors = new ArrayList<>();
        String text = FormFields.text(result, "result", MAX_TEXT, true, errors);
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement("UPDATE danger_inspection SET status = 'DONE', "
                + "done_at = ?, result = ? WHERE id = ? AND status = 'PLANNED'")) {
            Jdbc.bind(s, Arrays.asList(clock.instant(), text, id));
            if (s.executeUpdate() == 0) {
                throw new IllegalStateException("investigation " + id + " is done already");
            }
        } catch (SQLException e) {
            throw Jdbc.failure("completing investigation " + id, e);
        }
        audit(caller, "hidden-danger.inspection-done", Long.toString(id), text.length() > 300 ? text.substring(0, 299) + "…" : text);
        return inspection(caller, id);
    }

    // ------------------------------------------------------------------ helpers


    private void audit(Caller caller, String action, String id, String detail) {
        audit.append(new AuditEntry.Draft(caller.username(), null, null, null, action, "hidden-danger", id, "OK", null, null, detail));
    }

    private void notify(String kind, String organisation, String title, String text, String id) {
        Gateways.send(notifiers.get(), kind, organisation, title, text, id == null ? "/hidden-dangers" : "/hidden-dangers/" + id, clock.instant());
    }
}
