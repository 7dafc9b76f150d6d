package org.hazardwatch.core.internal.equipment;

import java.io.InputStream;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

import javax.sql.DataSource;

import org.hazardwatch.api.equipment.EquipmentInspection;
import org.hazardwatch.api.equipment.EquipmentService;
import org.hazardwatch.api.equipment.InspectedEquipment;
import org.hazardwatch.api.equipment.InspectedKind;
import org.hazardwatch.api.equipment.InspectionResult;
import org.hazardwatch.api.notify.Notifier;
import org.hazardwatch.api.registry.Enterprise;
import org.hazardwatch.api.registry.FieldError;
import org.hazardwatch.api.registry.RegistryService;
import org.hazardwatch.api.registry.ValidationException;
import org.hazardwatch.api.security.AuditEntry;
import org.hazardwatch.api.security.AuditLog;
import org.hazardwatch.api.security.Caller;
import org.hazardwatch.api.security.DataScope;
import org.hazardwatch.api.security.Permission;
import org.hazardwatch.core.internal.db.Jdbc;
import org.hazardwatch.core.internal.files.FormFields;
import org.hazardwatch.core.internal.notify.Gateways;
import org.hazardwatch.core.internal.files.UploadedFile;

/**
 * Equipment under periodic inspection (E2) on this node's database. Only the enterprise itself and its park's
 * management (and a nationwide administrator) see it: the condition is in every query.
 */
public class JdbcEquipment implements EquipmentService {

    static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    /** How long ahead of its due date a piece counts as due and is reminded of. */
    static final int DUE_AHEAD_DAYS = 30;
    private static final Set<String> STATES = Set.of("OK", "DUE", "OVERDUE", "OUT_OF_SERVICE", "RETIRED");

    private final DataSource dataSource;
    private final RegistryService registry;
    private final AuditLog audit;
    private final Supplier<List<Notifier>> notifiers;
    private final Clock clock;

    public JdbcEquipment(DataSource dataSource, RegistryService registry, AuditLog audit, Supplier<List<Notifier>> notifiers, Clock clock) {
        this.dataSource = dataSource;
        this.registry = registry;
        this.audit = audit;
        this.notifiers = notifiers;
        this.clock = clock;
    }

    /** The enterprise's own, its park's management, or everything for a nationwide administrator; never a region. */
    private static String visibleCondition(Caller caller, List<Object> args) {
        DataScope scope = caller.scope();
        if (!caller.has(Permission.EQUIPMENT_VIEW)) {
            return "1 = 0";
        }
        return switch (scope.kind()) {
            case ALL -> "1 = 1";
            case ENTERPRISE -> {
                args.add(scope.code());
                yield "e.uscc = ?";
            }
            case PARK -> {
                args.add(scope.code());
                yield "e.park_code = ?";
            }
            case REGION -> "1 = 0";
        };
    }

    /** Only the enterprise's own people (or a nationwide administrator) keep its equipment. */
    private static void requireEditor(Caller caller, String uscc) {
        boolean own = caller.scope().isAll() || caller.scope().kind() == DataScope.Kind.ENTERPRISE && caller.scope().code().equals(uscc);
        if (!caller.has(Permission.EQUIPMENT_EDIT) || !own) {
            throw new SecurityException("only the enterprise's own people with equipment:edit keep its equipment");
        }
    }

    private LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), CHINA);
    }

    // ------------------------------------------------------------------ reading

    @Override
    public List<InspectedEquipment> list(Caller caller, String uscc, InspectedKind kind, String state, int limit) {
        String wanted = state == null || state.isBlank() ? null : state.strip().toUpperCase(Locale.ROOT);
        if (wanted != null && !STATES.contains(wanted)) {
            throw new ValidationException(List.of(new FieldError("state", "INVALID", "one of " + STATES)));
        }
        List<Object> args = new ArrayList<>();
        StringBuilder sql = new StringBuilder(SELECT).append(" WHERE ").append(visibleCondition(caller, args));
        if (uscc != null && !uscc.isBlank()) {
            sql.append(" AND e.uscc = ?");
            args.add(uscc.strip());
        }
        if (kind != null) {
            sql.append(" AND e.kind = ?");
            args.add(kind.name());
        }
        sql.append(" ORDER BY e.next_due, e.tag");
        List<InspectedEquipment> items = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql.toString())) {
            Jdbc.bind(s, args);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next() && items.size() < limit) {
                    InspectedEquipment e = row(rs, List.of());
                    if (wanted == null ? !e.retired() : wanted.equals(e.state())) {
                        items.add(e);
                    }
                }
            }
            return items;
        } catch (SQLException e) {
            throw Jdbc.failure("listing equipment", e);
        }
    }

    private static final String SELECT = "SELECT e.id, e.uscc, e.enterprise_name, e.park_code, e.tag, e.name, e.kind, e.hazard_source_code, "
            + "e.registration_code, e.interval_months, e.next_due, e.retired_at, (SELECT i.result FROM equipment_inspection i WHERE "
            + "i.equipment_id = e.id ORDER BY i.inspected_on DESC, i.id DESC LIMIT 1) AS last_result FROM inspected_equipment e";

    private InspectedEquipment row(ResultSet rs, List<EquipmentInspection> records) throws SQLException {
        LocalDate due = rs.getObject("next_due", LocalDate.class);
        boolean retired = Jdbc.getInstant(rs, "retired_at") != null;
        String last = rs.getString("last_result");
        String state;
        if (retired) {
            state = "RETIRED";
        } else if ("FAIL".equals(last)) {
            state = "OUT_OF_SERVICE";
        } else if (due.isBefore(today())) {
            state = "OVERDUE";
        } else if (!due.isAfter(today().plusDays(DUE_AHEAD_DAYS))) {
            state = "DUE";
        } else {
            state = "OK";
        }
        return new InspectedEquipment(rs.getLong("id"), rs.getString("uscc"), rs.getString("enterprise_name"), rs.getString("park_code"),
                rs.getString("tag"), rs.getString("name"), InspectedKind.valueOf(rs.getString("kind")), rs.getString("hazard_source_code"),
                rs.getString("registration_code"), rs.getInt("interval_months"), due, retired, state, records);
    }

    @Override
    public Optional<InspectedEquipment> get(Caller caller, long id) {
        List<Object> args = new ArrayList<>();
        String sql = SELECT + " WHERE " + visibleCondition(caller, args) + " AND e.id = ?";
        args.add(id);
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            Jdbc.bind(s, args);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? Optional.of(row(rs, records(c, id))) : Optional.empty();
            }
        } catch (SQLException e) {
            throw Jdbc.failure("reading equipment " + id, e);
        }
    }

    private static List<EquipmentInspection> records(Connection c, long id) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT id, inspected_on, agency, result, certificate_number, valid_until, note, "
                + "certificate_file_name, certificate_sha256, recorded_by, recorded_at FROM equipment_inspection WHERE equipment_id = ? "
                + "ORDER BY inspected_on DESC, id DESC")) {
            s.setLong(1, id);
            List<EquipmentInspection> list = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    list.add(new EquipmentInspection(rs.getLong("id"), rs.getObject("inspected_on", LocalDate.class), rs.getString("agency"),
                            InspectionResult.valueOf(rs.getString("result")), rs.getString("certificate_number"),
                            rs.getObject("valid_until", LocalDate.class), rs.getString("note"), rs.getString("certificate_file_name"),
                            rs.getString("certificate_sha256"), rs.getString("recorded_by"), Jdbc.getInstant(rs, "recorded_at")));
                }
            }
            return list;
        }
    }

    @Override
    public Summary summary(Caller caller) {
        long ok = 0;
        long due = 0;
        long overdue = 0;
        long out = 0;
        for (InspectedEquipment e : list(caller, null, null, null, Integer.MAX_VALUE)) {
            switch (e.state()) {
                case "OK" -> ok++;
                case "DUE" -> due++;
                case "OVERDUE" -> overdue++;
                case "OUT_OF_SERVICE" -> out++;
                default -> {
                }
            }
        }
        return new Summary(ok + due + overdue + out, ok, due, overdue, out);
    }

    // ------------------------------------------------------------------ changing

    @Override
    public InspectedEquipment register(Caller caller, EquipmentDraft draft) {
        if (draft == null) {
            throw new ValidationException(List.of(new FieldError("uscc", "REQUIRED", "uscc, tag, name, kind")));
        }
        List<FieldError> errors = new ArrayList<>();
        String tag = FormFields.text(draft.tag(), "tag", 64, true, errors);
        if (tag != null && !tag.matches("[\\p{L}\\p{N}\\-_/.]+")) {
            errors.add(new FieldError("tag", "INVALID", "letters, digits and - _ / ."));
        }
        String name = FormFields.text(draft.name(), "name", 200, true, errors);
        String source = FormFields.text(draft.hazardSourceCode(), "hazardSourceCode", 32, false, errors);
        String registration = FormFields.text(draft.registrationCode(), "registrationCode", 64, false, errors);
        if (draft.kind() == null) {
            errors.add(new FieldError("kind", "REQUIRED", "what kind of equipment"));
        }
        int interval = draft.intervalMonths() != null ? draft.intervalMonths() : draft.kind() == null ? 12 : draft.kind().defaultIntervalMonths();
        if (interval < 1 || interval > 120) {
            errors.add(new FieldError("intervalMonths", "OUT_OF_RANGE", "1 to 120 months"));
        } else if (draft.kind() != null && interval > draft.kind().defaultIntervalMonths()) {
            errors.add(new FieldError("intervalMonths", "LONGER_THAN_RULE", "at most " + draft.kind().defaultIntervalMonths()
                    + " months for " + draft.kind()));
        }
        Enterprise enterprise = FormFields.enterpriseInScope(registry, caller, draft.uscc(), "uscc", errors);
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        Enterprise e = enterprise;
        requireEditor(caller, e.uscc());
        LocalDate due = draft.firstDue() != null ? draft.firstDue() : today();
        long id;
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement("INSERT INTO inspected_equipment (uscc, "
                + "enterprise_name, park_code, tag, name, kind, hazard_source_code, registration_code, interval_months, next_due, created_by, "
                + "created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", Statement.RETURN_GENERATED_KEYS)) {
            Jdbc.bind(s, Arrays.asList(e.uscc(), e.name(), e.parkCode(), tag, name, draft.kind().name(), source, registration, interval, due,
                    caller.username(), clock.instant()));
            s.executeUpdate();
            try (ResultSet keys = s.getGeneratedKeys()) {
                keys.next();
                id = keys.getLong(1);
            }
        } catch (SQLException ex) {
            if ("23505".equals(ex.getSQLState())) {
                throw new ValidationException(List.of(new FieldError("tag", "DUPLICATE", e.name() + " has equipment " + tag + " already")));
            }
            throw Jdbc.failure("registering equipment " + tag, ex);
        }
        audit(caller, "equipment.register", id, e.uscc() + " " + tag + " " + draft.kind() + " every " + interval + " months");
        return get(caller, id).orElseThrow();
    }

    @Override
    public InspectedEquipment retire(Caller caller, long id, String reason) {
        InspectedEquipment current = get(caller, id).orElseThrow(() -> new NoSuchElementException("no equipment " + id));
        requireEditor(caller, current.uscc());
        List<FieldError> errors = new ArrayList<>();
        String why = FormFields.text(reason, "reason", 500, true, errors);
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        if (current.retired()) {
            throw new IllegalStateException("equipment " + current.tag() + " is retired already");
        }
        update("UPDATE inspected_equipment SET retired_at = ?, retired_reason = ? WHERE id = ?", Arrays.asList(clock.instant(), why, id));
        audit(caller, "equipment.retire", id, current.tag() + ": " + why);
        return get(caller, id).orElseThrow();
    }

    @Override
    public InspectedEquipment recordInspection(Caller caller, long id, InspectionDraft draft) {
        InspectedEquipment current = get(caller, id).orElseThrow(() -> new NoSuchElementException("no equipment " + id));
        requireEditor(caller, current.uscc());
        if (current.retired()) {
            throw new IllegalStateException("equipment " + current.tag() + " is retired");
        }
        InspectionDraft d = draft == null ? new InspectionDraft(null, null, null, null, null, null) : draft;
        List<FieldError> errors = new ArrayList<>();
        String agency = FormFields.text(d.agency(), "agency", 200, true, errors);
        String number = FormFields.text(d.certificateNumber(), "certificateNumber", 64, false, errors);
        String note = FormFields.text(d.note(), "note", 2000, false, errors);
        if (d.inspectedOn() == null) {
            errors.add(new FieldError("inspectedOn", "REQUIRED", "the day of the inspection"));
        } else if (d.inspectedOn().isAfter(today())) {
            errors.add(new FieldError("inspectedOn", "IN_FUTURE", "an inspection is recorded once done"));
        }
        if (d.result() == null) {
            errors.add(new FieldError("result", "REQUIRED", "PASS, CONDITIONAL or FAIL"));
        }
        if (d.result() == InspectionResult.FAIL && note == null) {
            errors.add(new FieldError("note", "REQUIRED", "what failed"));
        }
        if (d.result() == InspectionResult.FAIL && d.validUntil() != null && !d.validUntil().equals(d.inspectedOn())) {
            errors.add(new FieldError("validUntil", "NOT_VALID_AFTER_FAIL", "a failed piece is due again at once: leave validUntil empty"));
        }
        LocalDate validUntil = d.validUntil();
        if (validUntil == null && d.inspectedOn() != null) {
            validUntil = d.result() == InspectionResult.FAIL ? d.inspectedOn() : d.inspectedOn().plusMonths(current.intervalMonths());
        }
        if (validUntil != null && d.inspectedOn() != null && (validUntil.isBefore(d.inspectedOn())
                || validUntil.isAfter(d.inspectedOn().plusMonths(current.intervalMonths())))) {
            errors.add(new FieldError("validUntil", "OUT_OF_RANGE", "between the inspection and " + current.intervalMonths() + " months after it"));
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        LocalDate next = validUntil;
        try (Connection c = dataSource.getConnection()) {
            Jdbc.inTransaction(c, () -> {
                try (PreparedStatement s = c.prepareStatement("INSERT INTO equipment_inspection (equipment_id, inspected_on, agency, result, "
                        + "certificate_number, valid_until, note, recorded_by, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                    Jdbc.bind(s, Arrays.asList(id, d.inspectedOn(), agency, d.result().name(), number, next, note, caller.username(), clock.instant()));
                    s.executeUpdate();
                }
                // the latest inspection sets the next due date
                try (PreparedStatement s = c.prepareStatement("UPDATE inspected_equipment SET next_due = (SELECT valid_until FROM equipment_inspection "
                        + "WHERE equipment_id = ? ORDER BY inspected_on DESC, id DESC LIMIT 1) WHERE id = ?")) {
                    s.setLong(1, id);
                    s.setLong(2, id);
                    s.executeUpdate();
                }
                return null;
            });
        } catch (SQLException e) {
            throw Jdbc.failure("recording an inspection of " + current.tag(), e);
        }
        audit(caller, "equipment.inspection", id, current.tag() + " " + d.inspectedOn() + " " + d.result() + " until " + next
                + (number == null ? "" : ", certificate " + number));
        InspectedEquipment after = get(caller, id).orElseThrow();
        if (d.result() == InspectionResult.FAIL) {
            String text = "设备检验不合格，停止使用：" + current.enterpriseName() + " " + current.tag() + " " + current.name();
            notify("equipment.failed", current.uscc(), text, note, id);
            if (current.parkCode() != null) {
                notify("equipment.failed", current.parkCode(), text, note, id);
            }
        }
        return after;
    }

    @Override
    public EquipmentInspection attachCertificate(Caller caller, long id, long inspectionId, String fileName, String contentType, InputStream content) {
        InspectedEquipment current = get(caller, id).orElseThrow(() -> new NoSuchElementException("no equipment " + id));
        requireEditor(caller, current.uscc());
        EquipmentInspection record = current.records().stream().filter(r -> r.id() == inspectionId).findFirst()
                .orElseThrow(() -> new NoSuchElementException("equipment " + id + " has no inspection " + inspectionId));
        if (record.certificateSha256() != null) {
            throw new IllegalStateException("inspection " + inspectionId + " has its certificate already (SHA-256 " + record.certificateSha256() + ")");
        }
        UploadedFile file = UploadedFile.read(fileName, contentType, content, MAX_CERTIFICATE_BYTES);
        update("UPDATE equipment_inspection SET certificate_file_name = ?, certificate_content_type = ?, certificate_sha256 = ?, certificate = ? "
                + "WHERE id = ? AND equipment_id = ? AND certificate_sha256 IS NULL", Arrays.asList(file.fileName(), file.contentType(), file.sha256(),
                        file.content(), inspectionId, id));
        audit(caller, "equipment.certificate", id, current.tag() + " inspection " + inspectionId + " " + file.fileName() + " sha256=" + file.sha256());
        return get(caller, id).orElseThrow().records().stream().filter(r -> r.id() == inspectionId).findFirst().orElseThrow();
    }

    @Override
    public Optional<Certificate> certificate(Caller caller, long id, long inspectionId) {
        if (get(caller, id).isEmpty()) {
            return Optional.empty();
        }
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement("SELECT certificate_file_name, "
                + "certificate_content_type, certificate_sha256, certificate FROM equipment_inspection WHERE id = ? AND equipment_id = ? "
                + "AND certificate IS NOT NULL")) {
            s.setLong(1, inspectionId);
            s.setLong(2, id);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? Optional.of(new Certificate(rs.getString(1), rs.getString(2), rs.getString(3), rs.getBytes(4))) : Optional.empty();
            }
        } catch (SQLException e) {
            throw Jdbc.failure("reading a certificate of equipment " + id, e);
        }
    }

    // ------------------------------------------------------------------ reminders

    /**
     * Tells the enterprise (and its park) once per due date when a piece falls due within {@value #DUE_AHEAD_DAYS}
     * days, and once when it is overdue; not for one out of service after a failed inspection (that was told when it
     * failed). Returns how many notifications went out.
     */
    public int remind() {
        LocalDate today = today();
        int sent = 0;
        List<Object[]> rows = new ArrayList<>();
        try (Connection c = dataSource.getConnection()) {
            try (PreparedStatement s = c.prepareStatement("SELECT id, uscc, enterprise_name, park_code, tag, name, next_due, due_reminded_for, "
                    + "overdue_reminded_for FROM inspected_equipment e WHERE retired_at IS NULL AND next_due <= ? AND COALESCE((SELECT i.result "
                    + "FROM equipment_inspection i WHERE i.equipment_id = e.id ORDER BY i.inspected_on DESC, i.id DESC LIMIT 1), 'NONE') <> 'FAIL'")) {
                s.setObject(1, today.plusDays(DUE_AHEAD_DAYS));
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        rows.add(new Object[] { rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6),
                                rs.getObject(7, LocalDate.class), rs.getObject(8, LocalDate.class), rs.getObject(9, LocalDate.class) });
                    }
                }
            }
            for (Object[] r : rows) {
                LocalDate due = (LocalDate) r[6];
                boolean overdue = due.isBefore(today);
                String column = overdue ? "overdue_reminded_for" : "due_reminded_for";
                if (due.equals(overdue ? r[8] : r[7])) {
                    continue;
                }
                try (PreparedStatement mark = c.prepareStatement("UPDATE inspected_equipment SET " + column + " = ? WHERE id = ? AND ("
                        + column + " IS NULL OR " + column + " <> ?)")) {
                    mark.setObject(1, due);
                    mark.setLong(2, (Long) r[0]);
                    mark.setObject(3, due);
                    if (mark.executeUpdate() == 0) {
                        continue;
                    }
                }
                String title = (overdue ? "设备检验已逾期：" : "设备检验即将到期：") + r[2] + " " + r[4] + " " + r[5] + "（到期 " + due + "）";
                String kind = overdue ? "equipment.overdue" : "equipment.due";
                notify(kind, (String) r[1], title, null, (Long) r[0]);
                sent++;
                if (r[3] != null) {
                    notify(kind, (String) r[3], title, null, (Long) r[0]);
                    sent++;
                }
            }
            return sent;
        } catch (SQLException e) {
            throw Jdbc.failure("reminding of equipment inspections", e);
        }
    }

    // ------------------------------------------------------------------ helpers

    private void update(String sql, List<Object> args) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            Jdbc.bind(s, args);
            s.executeUpdate();
        } catch (SQLException e) {
            throw Jdbc.failure("changing equipment", e);
        }
    }


    private void audit(Caller caller, String action, long id, String detail) {
        audit.append(new AuditEntry.Draft(caller.username(), null, null, null, action, "equipment", Long.toString(id), "OK", null, null, detail));
    }

    private void notify(String kind, String organisation, String title, String text, long id) {
        Gateways.send(notifiers.get(), kind, organisation, title, text, "/equipment/" + id, clock.instant());
    }
}
