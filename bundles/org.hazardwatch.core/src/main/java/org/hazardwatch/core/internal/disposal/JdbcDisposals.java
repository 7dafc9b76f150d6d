package org.hazardwatch.core.internal.disposal;

import java.io.InputStream;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.function.Function;

import javax.sql.DataSource;

import org.hazardwatch.api.disposal.Disposal;
import org.hazardwatch.api.disposal.DisposalAttachment;
import org.hazardwatch.api.disposal.DisposalService;
import org.hazardwatch.api.disposal.DisposalStatus;
import org.hazardwatch.api.disposal.DisposalStep;
import org.hazardwatch.api.disposal.EmergencyPlan;
import org.hazardwatch.api.model.Alarm;
import org.hazardwatch.api.model.MonitoringPoint;
import org.hazardwatch.api.registry.FieldError;
import org.hazardwatch.api.registry.Page;
import org.hazardwatch.api.registry.ValidationException;
import org.hazardwatch.core.internal.db.Jdbc;
import org.hazardwatch.core.internal.files.UploadedFile;
import org.hazardwatch.core.internal.db.ScopeSql;
import org.hazardwatch.api.security.DataScope;

/**
 * Disposal records, their steps and attachments, and emergency plans in the database. Each move checks the current
 * status inside its transaction (a row lock with {@code SELECT ... FOR UPDATE}), so two people moving the same
 * disposal at once cannot both succeed.
 */
public class JdbcDisposals implements DisposalService {

    private static final String COLUMNS = "id, alarm_id, point_id, enterprise_code, hazard_source_code, status, assignee, "
            + "deadline, plan_id, conclusion, false_alarm, created_at, created_by, closed_at";
    private static final String PLAN_COLUMNS = "id, enterprise_code, hazard_source_code, title, plan_level, steps, "
            + "document_ref, updated_at, updated_by";

    private final DataSource dataSource;
    private final Function<Long, Optional<Alarm>> alarms;
    private final Function<String, Optional<MonitoringPoint>> points;
    private final Clock clock;

    public JdbcDisposals(DataSource dataSource, Function<Long, Optional<Alarm>> alarms,
            Function<String, Optional<MonitoringPoint>> points, Clock clock) {
        this.dataSource = dataSource;
        this.alarms = alarms;
        this.points = points;
        this.clock = clock;
    }

    @FunctionalInterface
    private interface Work<T> {
        T run(Connection c) throws SQLException;
    }

    private <T> T inTransaction(String what, Work<T> work) {
        try (Connection c = dataSource.getConnection()) {
            return Jdbc.inTransaction(c, () -> work.run(c));
        } catch (SQLException e) {
            throw Jdbc.failure(what, e);
        }
    }

    @Override
    public Disposal open(long alarmId, String user) {
        Alarm alarm = alarms.apply(alarmId).orElseThrow(() -> new NoSuchElementException("no alarm " + alarmId));
        MonitoringPoint point = points.apply(alarm.pointId())
                .orElseThrow(() -> new NoSuchElementException("the alarm's point " + alarm.pointId() + " no longer exists"));
        Optional<Disposal> existing = ofAlarm(alarmId);
        if (existing.isPresent()) {
            return existing.get();
        }
        Instant now = clock.instant();
        long id;
        try {
            id = inTransaction("opening the disposal of alarm " + alarmId, c -> {
                long newId;
                try (PreparedStatement s = c.prepareStatement("INSERT INTO alarm_disposal (alarm_id, point_id, enterprise_code, "
                        + "hazard_source_code, status, created_at, created_by) VALUES (?, ?, ?, ?, ?, ?, ?)",
                        Statement.RETURN_GENERATED_KEYS)) {
                    s.setLong(1, alarmId);
                    s.setString(2, point.id());
                    s.setString(3, point.enterpriseCode());
                    s.setString(4, point.hazardSourceCode());
                    s.setString(5, DisposalStatus.VIEWED.name());
                    Jdbc.setInstant(s, 6, now);
                    s.setString(7, user);
                    s.executeUpdate();
                    try (ResultSet keys = s.getGeneratedKeys()) {
                        keys.next();
                        newId = keys.getLong(1);
                    }
                }
                step(c, newId, null, DisposalStatus.VIEWED, now, user, "opened from alarm " + alarmId + " (" + alarm.pointId()
                        + " " + alarm.kind() + ")", null, null);
                return newId;
            });
        } catch (org.hazardwatch.core.internal.db.StorageException e) {
            // opened by somebody else at the same moment: the unique alarm_id kept one
            return ofAlarm(alarmId).orElseThrow(() -> e);
        }
        return get(id).orElseThrow();
    }

    @Override
    public Optional<Disposal> get(long id) {
        List<Disposal> found = select("SELECT " + COLUMNS + " FROM alarm_disposal WHERE id = ?", id);
        return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
    }

    @Override
    public Optional<Disposal> ofAlarm(long alarmId) {
        List<Disposal> found = select("SELECT " + COLUMNS + " FROM alarm_disposal WHERE alarm_id = ?", alarmId);
        return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
    }

    @Override
    public Page<Disposal> list(DisposalStatus status, String enterpriseCode, DataScope scope, Instant overdueAt, int page, int size) {
        StringBuilder where = new StringBuilder(" WHERE 1 = 1");
        List<Object> args = new ArrayList<>();
        where.append(ScopeSql.onEnterpriseCode(scope, "enterprise_code", args));
        if (status != null) {
            where.append(" AND status = ?");
            args.add(status.name());
        }
        if (enterpriseCode != null) {
            where.append(" AND enterprise_code = ?");
            args.add(enterpriseCode);
        }
        if (overdueAt != null) {
            where.append(" AND status <> ? AND deadline < ?");
            args.add(DisposalStatus.CLOSED.name());
            args.add(overdueAt);
        }
        long total;
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("SELECT COUNT(*) FROM alarm_disposal" + where)) {
            Jdbc.bind(s, args);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                total = rs.getLong(1);
            }
        } catch (SQLException e) {
            throw Jdbc.failure("counting disposals", e);
        }
        args.add(size);
        args.add((long) page * size);
        return new Page<>(total, page, size, select("SELECT " + COLUMNS + " FROM alarm_disposal" + where
                + " ORDER BY created_at DESC, id DESC LIMIT ? OFFSET ?", args.toArray()));
    }

    @Override
    public Disposal verify(long id, String assignee, Instant deadline, String note, String user) {
        List<FieldError> errors = new ArrayList<>();
        requireAssignment(errors, assignee, deadline);
        requireLength(errors, "note", note, 4000);
        throwIfAny(errors);
        return move(id, DisposalStatus.VERIFYING, user, note, assignee.strip(), deadline, c -> { });
    }

    @Override
    public Disposal dispose(long id, long planId, String assignee, Instant deadline, String note, String user) {
        List<FieldError> errors = new ArrayList<>();
        requireAssignment(errors, assignee, deadline);
        requireLength(errors, "note", note, 4000);
        Disposal disposal = get(id).orElseThrow(() -> new NoSuchElementException("no disposal " + id));
        Optional<EmergencyPlan> plan = plan(planId);
        if (plan.isEmpty()) {
            errors.add(new FieldError("planId", "UNKNOWN", "no emergency plan " + planId));
        } else if (!plan.get().enterpriseCode().equals(disposal.enterpriseCode())) {
            errors.add(new FieldError("planId", "OTHER_ENTERPRISE", "plan " + planId + " belongs to another enterprise"));
        }
        throwIfAny(errors);
        return move(id, DisposalStatus.DISPOSING, user, note, assignee.strip(), deadline, c -> {
            try (PreparedStatement s = c.prepareStatement("UPDATE alarm_disposal SET plan_id = ? WHERE id = ?")) {
                s.setLong(1, planId);
                s.setLong(2, id);
                s.executeUpdate();
            }
        });
    }

    @Override
    public Disposal close(long id, String conclusion, boolean falseAlarm, String user) {
        List<FieldError> errors = new ArrayList<>();
        if (conclusion == null || conclusion.isBlank()) {
            errors.add(new FieldError("conclusion", "REQUIRED", "say what it was and what was done"));
        }
        requireLength(errors, "conclusion", conclusion, 4000);
        throwIfAny(errors);
        Disposal current = get(id).orElseThrow(() -> new NoSuchElementException("no disposal " + id));
        if (current.status() == DisposalStatus.VERIFYING && !falseAlarm) {
            throw new IllegalStateException("disposal " + id + " is being verified: close it as a false alarm, or dispose of "
                    + "it by an emergency plan first");
        }
        Instant now = clock.instant();
        return move(id, DisposalStatus.CLOSED, user, conclusion.strip(), null, null, c -> {
            try (PreparedStatement s = c.prepareStatement("UPDATE alarm_disposal SET conclusion = ?, false_alarm = ?, "
                    + "closed_at = ?, deadline = NULL WHERE id = ?")) {
                s.setString(1, conclusion.strip());
                s.setBoolean(2, falseAlarm);
                Jdbc.setInstant(s, 3, now);
                s.setLong(4, id);
                s.executeUpdate();
            }
        });
    }

    @Override
    public Disposal note(long id, String note, String user) {
        List<FieldError> errors = new ArrayList<>();
        if (note == null || note.isBlank()) {
            errors.add(new FieldError("note", "REQUIRED", "is empty"));
        }
        requireLength(errors, "note", note, 4000);
        throwIfAny(errors);
        inTransaction("adding a note to disposal " + id, c -> {
            DisposalStatus status = lockedStatus(c, id);
            if (status == DisposalStatus.CLOSED) {
                throw new IllegalStateException("disposal " + id + " is closed");
            }
            step(c, id, status, status, clock.instant(), user, note.strip(), null, null);
            return null;
        });
        return get(id).orElseThrow();
    }

    @FunctionalInterface
    private interface Extra {
        void apply(Connection c) throws SQLException;
    }

    private Disposal move(long id, DisposalStatus to, String user, String note, String assignee, Instant deadline, Extra extra) {
        inTransaction("moving disposal " + id + " to " + to, c -> {
            DisposalStatus from = lockedStatus(c, id);
            if (!from.next().contains(to)) {
                throw new IllegalStateException("disposal " + id + " is " + from + (from.next().isEmpty() ? " and stays so"
                        : ": it can move to " + from.next() + ", not " + to));
            }
            try (PreparedStatement s = c.prepareStatement("UPDATE alarm_disposal SET status = ?, assignee = ?, deadline = ? "
                    + "WHERE id = ?")) {
                s.setString(1, to.name());
                s.setString(2, assignee);
                Jdbc.setInstant(s, 3, deadline);
                s.setLong(4, id);
                s.executeUpdate();
            }
            extra.apply(c);
            step(c, id, from, to, clock.instant(), user, note == null || note.isBlank() ? null : note.strip(), assignee, deadline);
            return null;
        });
        return get(id).orElseThrow();
    }

    private static DisposalStatus lockedStatus(Connection c, long id) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT status FROM alarm_disposal WHERE id = ? FOR UPDATE")) {
            s.setLong(1, id);
            try (ResultSet rs = s.executeQuery()) {
                if (!rs.next()) {
                    throw new NoSuchElementException("no disposal " + id);
                }
                return DisposalStatus.valueOf(rs.getString(1));
            }
        }
    }

    private static void step(Connection c, long disposalId, DisposalStatus from, DisposalStatus to, Instant at, String actor,
            String note, String assignee, Instant deadline) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("INSERT INTO alarm_disposal_step (disposal_id, from_status, to_status, "
                + "step_at, actor, note, assignee, deadline) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
            s.setLong(1, disposalId);
            s.setString(2, from == null ? null : from.name());
            s.setString(3, to.name());
            Jdbc.setInstant(s, 4, at);
            s.setString(5, actor);
            s.setString(6, note);
            s.setString(7, assignee);
            Jdbc.setInstant(s, 8, deadline);
            s.executeUpdate();
        }
    }

    @Override
    public DisposalAttachment attach(long id, String fileName, String contentType, InputStream content, String user) {
        UploadedFile file = UploadedFile.read(fileName, contentType, content, MAX_ATTACHMENT_BYTES);
        String name = file.fileName();
        String type = file.contentType();
        byte[] bytes = file.content();
        String sha256 = file.sha256();
        Instant now = clock.instant();
        long attachmentId = inTransaction("attaching a file to disposal " + id, c -> {
            if (lockedStatus(c, id) == DisposalStatus.CLOSED) {
                throw new IllegalStateException("disposal " + id + " is closed");
            }
            try (PreparedStatement s = c.prepareStatement("INSERT INTO alarm_disposal_attachment (disposal_id, file_name, "
                    + "content_type, size_bytes, sha256, content, uploaded_at, uploaded_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                    Statement.RETURN_GENERATED_KEYS)) {
                s.setLong(1, id);
                s.setString(2, name);
                s.setString(3, type);
                s.setLong(4, bytes.length);
                s.setString(5, sha256);
                s.setBytes(6, bytes);
                Jdbc.setInstant(s, 7, now);
                s.setString(8, user);
                s.executeUpdate();
                try (ResultSet keys = s.getGeneratedKeys()) {
                    keys.next();
                    return keys.getLong(1);
                }
            }
        });
        return new DisposalAttachment(attachmentId, id, name, type, bytes.length, sha256, now, user);
    }



    @Override
    public Optional<byte[]> attachmentContent(long disposalId, long attachmentId) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                "SELECT content FROM alarm_disposal_attachment WHERE disposal_id = ? AND id = ?")) {
            s.setLong(1, disposalId);
            s.setLong(2, attachmentId);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? Optional.of(rs.getBytes(1)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw Jdbc.failure("reading attachment " + attachmentId, e);
        }
    }

    // ------------------------------------------------------------------ emergency plans

    @Override
    public List<EmergencyPlan> plans(String enterpriseCode, String hazardSourceCode) {
        StringBuilder sql = new StringBuilder("SELECT " + PLAN_COLUMNS + " FROM emergency_plan WHERE 1 = 1");
        List<Object> args = new ArrayList<>();
        if (enterpriseCode != null) {
            sql.append(" AND enterprise_code = ?");
            args.add(enterpriseCode);
        }
        if (hazardSourceCode != null) {
            // a source's plans and the enterprise-wide ones apply to it
            sql.append(" AND (hazard_source_code = ? OR hazard_source_code IS NULL)");
            args.add(hazardSourceCode);
        }
        sql.append(" ORDER BY enterprise_code, hazard_source_code, title, id");
        return selectPlans(sql.toString(), args.toArray());
    }

    @Override
    public Optional<EmergencyPlan> plan(long id) {
        List<EmergencyPlan> found = selectPlans("SELECT " + PLAN_COLUMNS + " FROM emergency_plan WHERE id = ?", id);
        return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
    }

    @Override
    public EmergencyPlan savePlan(EmergencyPlan plan, String user) {
        List<FieldError> errors = new ArrayList<>();
        if (plan.enterpriseCode() == null || plan.enterpriseCode().isBlank()) {
            errors.add(new FieldError("enterpriseCode", "REQUIRED", "is required"));
        }
        if (plan.title() == null || plan.title().isBlank()) {
            errors.add(new FieldError("title", "REQUIRED", "is required"));
        }
        if (plan.level() == null) {
            errors.add(new FieldError("level", "REQUIRED", "COMPREHENSIVE, SPECIAL or ON_SITE"));
        }
        if (plan.steps() == null || plan.steps().isBlank()) {
            errors.add(new FieldError("steps", "REQUIRED", "list the response steps, one per line"));
        }
        requireLength(errors, "title", plan.title(), 200);
        requireLength(errors, "steps", plan.steps(), 8000);
        requireLength(errors, "documentRef", plan.documentRef(), 500);
        requireLength(errors, "hazardSourceCode", plan.hazardSourceCode(), 64);
        throwIfAny(errors);
        Instant now = clock.instant();
        long id = inTransaction("saving emergency plan " + plan.title(), c -> {
            String sql = plan.id() == null
                    ? "INSERT INTO emergency_plan (enterprise_code, hazard_source_code, title, plan_level, steps, document_ref, "
                            + "updated_at, updated_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"
                    : "UPDATE emergency_plan SET enterprise_code = ?, hazard_source_code = ?, title = ?, plan_level = ?, "
                            + "steps = ?, document_ref = ?, updated_at = ?, updated_by = ? WHERE id = ?";
            try (PreparedStatement s = c.prepareStatement(sql, Statement.RETURN_GENERATED_KEYS)) {
                s.setString(1, plan.enterpriseCode().strip());
                s.setString(2, plan.hazardSourceCode() == null || plan.hazardSourceCode().isBlank() ? null : plan.hazardSourceCode().strip());
                s.setString(3, plan.title().strip());
                s.setString(4, plan.level().name());
                s.setString(5, plan.steps().strip());
                s.setString(6, plan.documentRef() == null || plan.documentRef().isBlank() ? null : plan.documentRef().strip());
                Jdbc.setInstant(s, 7, now);
                s.setString(8, user);
                if (plan.id() != null) {
                    s.setLong(9, plan.id());
                    if (s.executeUpdate() != 1) {
                        throw new NoSuchElementException("no emergency plan " + plan.id());
                    }
                    return plan.id();
                }
                s.executeUpdate();
                try (ResultSet keys = s.getGeneratedKeys()) {
                    keys.next();
                    return keys.getLong(1);
                }
            }
        });
        return plan(id).orElseThrow();
    }

    @Override
    public boolean deletePlan(long id) {
        return inTransaction("deleting emergency plan " + id, c -> {
            try (PreparedStatement used = c.prepareStatement("SELECT COUNT(*) FROM alarm_disposal WHERE plan_id = ?")) {
                used.setLong(1, id);
                try (ResultSet rs = used.executeQuery()) {
                    rs.next();
                    if (rs.getLong(1) > 0) {
                        throw new IllegalStateException("emergency plan " + id + " was used by " + rs.getLong(1)
                                + " disposals; it stays for their record");
                    }
                }
            }
            try (PreparedStatement s = c.prepareStatement("DELETE FROM emergency_plan WHERE id = ?")) {
                s.setLong(1, id);
                return s.executeUpdate() == 1;
            }
        });
    }

    // ------------------------------------------------------------------ helpers

    private static void requireAssignment(List<FieldError> errors, String assignee, Instant deadline) {
        if (assignee == null || assignee.isBlank()) {
            errors.add(new FieldError("assignee", "REQUIRED", "who is to do it"));
        } else if (assignee.strip().length() > 64) {
            errors.add(new FieldError("assignee", "TOO_LONG", "at most 64 characters"));
        }
        if (deadline == null) {
            errors.add(new FieldError("deadline", "REQUIRED", "by when"));
        }
    }

    private static void requireLength(List<FieldError> errors, String field, String value, int max) {
        if (value != null && value.length() > max) {
            errors.add(new FieldError(field, "TOO_LONG", "at most " + max + " characters"));
        }
    }

    private static void throwIfAny(List<FieldError> errors) {
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
    }

    private List<Disposal> select(String sql, Object... args) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            Jdbc.bind(s, List.of(args));
            List<Disposal> found = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    long id = rs.getLong("id");
                    long planId = rs.getLong("plan_id");
                    Long plan = rs.wasNull() ? null : planId;
                    found.add(new Disposal(id, rs.getLong("alarm_id"), rs.getString("point_id"), rs.getString("enterprise_code"),
                            rs.getString("hazard_source_code"), DisposalStatus.valueOf(rs.getString("status")),
                            rs.getString("assignee"), Jdbc.getInstant(rs, "deadline"), plan, rs.getString("conclusion"),
                            rs.getBoolean("false_alarm"), Jdbc.getInstant(rs, "created_at"), rs.getString("created_by"),
                            Jdbc.getInstant(rs, "closed_at"), steps(c, id), attachments(c, id)));
                }
            }
            return found;
        } catch (SQLException e) {
            throw Jdbc.failure("reading disposals", e);
        }
    }

    private static List<DisposalStep> steps(Connection c, long id) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT id, from_status, to_status, step_at, actor, note, assignee, deadline "
                + "FROM alarm_disposal_step WHERE disposal_id = ? ORDER BY id")) {
            s.setLong(1, id);
            List<DisposalStep> steps = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    String from = rs.getString("from_status");
                    steps.add(new DisposalStep(rs.getLong("id"), from == null ? null : DisposalStatus.valueOf(from),
                            DisposalStatus.valueOf(rs.getString("to_status")), Jdbc.getInstant(rs, "step_at"),
                            rs.getString("actor"), rs.getString("note"), rs.getString("assignee"), Jdbc.getInstant(rs, "deadline")));
                }
            }
            return steps;
        }
    }

    private static List<DisposalAttachment> attachments(Connection c, long id) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT id, file_name, content_type, size_bytes, sha256, uploaded_at, "
                + "uploaded_by FROM alarm_disposal_attachment WHERE disposal_id = ? ORDER BY id")) {
            s.setLong(1, id);
            List<DisposalAttachment> attachments = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    attachments.add(new DisposalAttachment(rs.getLong("id"), id, rs.getString("file_name"),
                            rs.getString("content_type"), rs.getLong("size_bytes"), rs.getString("sha256"),
                            Jdbc.getInstant(rs, "uploaded_at"), rs.getString("uploaded_by")));
                }
            }
            return attachments;
        }
    }

    private List<EmergencyPlan> selectPlans(String sql, Object... args) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            Jdbc.bind(s, List.of(args));
            List<EmergencyPlan> plans = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    plans.add(new EmergencyPlan(rs.getLong("id"), rs.getString("enterprise_code"), rs.getString("hazard_source_code"),
                            rs.getString("title"), EmergencyPlan.PlanLevel.valueOf(rs.getString("plan_level")), rs.getString("steps"),
                            rs.getString("document_ref"), Jdbc.getInstant(rs, "updated_at"), rs.getString("updated_by")));
                }
            }
            return plans;
        } catch (SQLException e) {
            throw Jdbc.failure("reading emergency plans", e);
        }
    }

}
