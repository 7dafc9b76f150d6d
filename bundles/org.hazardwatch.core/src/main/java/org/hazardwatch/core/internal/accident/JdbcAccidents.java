package org.hazardwatch.core.internal.accident;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;

import javax.sql.DataSource;

import org.hazardwatch.api.accident.Accident;
import org.hazardwatch.api.accident.AccidentKind;
import org.hazardwatch.api.accident.AccidentService;
import org.hazardwatch.api.exchange.ExchangeLinks;
import org.hazardwatch.api.exchange.WorkInbox;
import org.hazardwatch.api.registry.FieldError;
import org.hazardwatch.api.registry.Page;
import org.hazardwatch.api.registry.UnifiedSocialCreditCode;
import org.hazardwatch.api.registry.ValidationException;
import org.hazardwatch.api.security.AuditEntry;
import org.hazardwatch.api.security.AuditLog;
import org.hazardwatch.api.security.Caller;
import org.hazardwatch.api.security.DataScope;
import org.hazardwatch.api.security.Permission;
import org.hazardwatch.core.internal.db.Jdbc;
import org.hazardwatch.core.internal.files.FormFields;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The accident register on this node's database. Records entered here are sent to the parent node (kind
 * {@value #KIND_REPLICA}, in batches) after every change; records from children are kept read-only and passed on up.
 */
public class JdbcAccidents implements AccidentService, WorkInbox {

    static final String KIND_REPLICA = "accidents";
    static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    /** The register starts with the People's Republic; earlier dates are typing mistakes. */
    static final Instant EARLIEST = LocalDate.of(1949, 10, 1).atStartOfDay(CHINA).toInstant();
    static final int MAX_PEOPLE = 100_000;
    static final BigDecimal MAX_LOSS = new BigDecimal("999999999999.99");
    static final int MAX_IMPORT_ROWS = 50_000;
    /** Accidents per replication message: a large historical import goes up in a few hundred messages, not thousands. */
    static final int BATCH = 200;

    private static final Logger logger = LoggerFactory.getLogger(JdbcAccidents.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String COLUMNS = "id, occurred_at, uscc, enterprise_name, region_code, park_code, industry_code, hazard_source_code, "
            + "kind, deaths, injuries, direct_loss_wan, description, source_document, voided_at, void_reason, recorded_by, recorded_at, "
            + "updated_by, updated_at, revision, origin_node, dedup_key";
    /** The same, qualified with the alias {@code a} for queries that add the scope condition. */
    private static final String ALIASED_COLUMNS = COLUMNS.replaceAll("(^|, )", "$1a.");

    private final DataSource dataSource;
    private final AuditLog audit;
    private final Supplier<ExchangeLinks> exchange;
    private final Clock clock;

    public JdbcAccidents(DataSource dataSource, AuditLog audit, Supplier<ExchangeLinks> exchange, Clock clock) {
        this.dataSource = dataSource;
        this.audit = audit;
        this.exchange = exchange;
        this.clock = clock;
    }

    // ------------------------------------------------------------------ scope

    /** The accidents a caller sees (alias {@code a}). */
    static String visibleCondition(Caller caller, List<Object> args) {
        if (!caller.has(Permission.ACCIDENT_VIEW)) {
            return "1 = 0";
        }
        DataScope scope = caller.scope();
        return switch (scope.kind()) {
            case ALL -> "1 = 1";
            case REGION -> {
                args.add(scope.code() + "%");
                yield "a.region_code LIKE ?";
            }
            case PARK -> {
                args.add(scope.code());
                yield "a.park_code = ?";
            }
            case ENTERPRISE -> {
                args.add(scope.code());
                yield "a.uscc = ?";
            }
        };
    }

    // ------------------------------------------------------------------ reading

    @Override
    public Page<Accident> search(Caller caller, Query query, int page, int size) {
        Query q = query == null ? new Query(null, null, null, null, null, null, false) : query;
        List<Object> args = new ArrayList<>();
        StringBuilder where = new StringBuilder("accident a WHERE ").append(visibleCondition(caller, args));
        if (q.regionCode() != null && !q.regionCode().isBlank()) {
            String code = q.regionCode().strip();
            if (code.contains("P")) {
                where.append(" AND a.park_code = ?");
                args.add(code);
            } else {
                where.append(" AND a.region_code LIKE ?");
                args.add(code + "%");
            }
        }
        if (q.from() != null) {
            where.append(" AND a.occurred_at >= ?");
            args.add(q.from());
        }
        if (q.to() != null) {
            where.append(" AND a.occurred_at < ?");
            args.add(q.to());
        }
        if (q.kind() != null) {
            where.append(" AND a.kind = ?");
            args.add(q.kind().name());
        }
        if (q.uscc() != null && !q.uscc().isBlank()) {
            where.append(" AND a.uscc = ?");
            args.add(q.uscc().strip());
        }
        if (q.text() != null && !q.text().isBlank()) {
            where.append(" AND (LOWER(a.enterprise_name) LIKE ? OR LOWER(a.description) LIKE ?)");
            String like = "%" + q.text().strip().toLowerCase(java.util.Locale.ROOT).replace("%", "").replace("_", "") + "%";
            args.add(like);
            args.add(like);
        }
        if (!q.includeVoided()) {
            where.append(" AND a.voided_at IS NULL");
        }
        try (Connection c = dataSource.getConnection()) {
            return Jdbc.page(c, ALIASED_COLUMNS, where.toString(), args, "a.occurred_at DESC, a.id", page, size,
                    JdbcAccidents::row);
        } catch (SQLException e) {
            throw Jdbc.failure("listing accidents", e);
        }
    }

    static Accident row(ResultSet rs) throws SQLException {
        Instant voidedAt = Jdbc.getInstant(rs, "voided_at");
        return new Accident(rs.getString("id"), Jdbc.getInstant(rs, "occurred_at"), trimmed(rs.getString("uscc")), rs.getString("enterprise_name"),
                rs.getString("region_code"), rs.getString("park_code"), rs.getString("industry_code"), rs.getString("hazard_source_code"),
                AccidentKind.valueOf(rs.getString("kind")), rs.getInt("deaths"), rs.getInt("injuries"), rs.getBigDecimal("direct_loss_wan"),
                rs.getString("description"), rs.getString("source_document"), voidedAt != null, voidedAt, rs.getString("void_reason"),
                rs.getString("recorded_by"), Jdbc.getInstant(rs, "recorded_at"), rs.getString("updated_by"), Jdbc.getInstant(rs, "updated_at"),
                rs.getInt("revision"), rs.getString("origin_node"));
    }

    private static String trimmed(String value) {
        return value == null ? null : value.strip();
    }

    @Override
    public Optional<Accident> get(Caller caller, String id) {
        List<Object> args = new ArrayList<>();
        String sql = "SELECT " + ALIASED_COLUMNS + " FROM accident a WHERE " + visibleCondition(caller, args) + " AND a.id = ?";
        args.add(id);
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            Jdbc.bind(s, args);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? Optional.of(row(rs)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw Jdbc.failure("reading accident " + id, e);
        }
    }

    @Override
    public Optional<Precursors> precedingAlarms(Caller caller, String id, int windowHours) {
        if (windowHours < 1 || windowHours > MAX_WINDOW_HOURS) {
            throw new ValidationException(List.of(new FieldError("hours", "OUT_OF_RANGE", "1 to " + MAX_WINDOW_HOURS + " hours")));
        }
        Optional<Accident> found = get(caller, id);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        Accident accident = found.get();
        Map<String, Long> byKind = new java.util.LinkedHashMap<>();
        for (org.hazardwatch.api.model.AlarmKind k : org.hazardwatch.api.model.AlarmKind.values()) {
            byKind.put(k.name(), 0L);
        }
        Map<String, Long> byType = new java.util.LinkedHashMap<>();
        for (org.hazardwatch.api.model.PointType t : org.hazardwatch.api.model.PointType.values()) {
            byType.put(t.name(), 0L);
        }
        List<PrecedingAlarm> alarms = new ArrayList<>();
        long total = 0;
        long instrument = 0;
        Long longest = null;
        Long shortest = null;
        if (accident.uscc() != null) {
            Instant from = accident.occurredAt().minus(windowHours, ChronoUnit.HOURS);
            // the enterprise's points first, then each point's alarms in the window by the (point, raised_at) index
            try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement("SELECT a.id, a.point_id, p.name, p.point_type, "
                    + "p.hazard_source_code, a.kind, a.raised_at FROM monitoring_point p JOIN alarm a ON a.point_id = p.id WHERE p.enterprise_code = ? "
                    + "AND a.raised_at >= ? AND a.raised_at <= ? ORDER BY a.raised_at, a.id")) {
                Jdbc.bind(s, Arrays.asList(accident.uscc(), from, accident.occurredAt()));
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        org.hazardwatch.api.model.AlarmKind kind = org.hazardwatch.api.model.AlarmKind.valueOf(rs.getString("kind"));
                        String type = rs.getString("point_type") == null ? "OTHER" : rs.getString("point_type");
                        Instant raised = Jdbc.getInstant(rs, "raised_at");
                        long lead = java.time.Duration.between(raised, accident.occurredAt()).toMinutes();
                        total++;
                        if (kind == org.hazardwatch.api.model.AlarmKind.FAULT) {
                            instrument++;
                        }
                        byKind.merge(kind.name(), 1L, Long::sum);
                        byType.merge(type, 1L, Long::sum);
                        longest = longest == null ? lead : Math.max(longest, lead);
                        shortest = shortest == null ? lead : Math.min(shortest, lead);
                        if (alarms.size() < 1000) {
                            String source = rs.getString("hazard_source_code");
                            alarms.add(new PrecedingAlarm(rs.getLong("id"), rs.getString("point_id"), rs.getString("name"), type, source,
                                    source != null && source.equals(accident.hazardSourceCode()), kind.name(), kind.category().name(), raised, lead));
                        }
                    }
                }
            } catch (SQLException e) {
                throw Jdbc.failure("reading the alarms before accident " + id, e);
            }
        }
        return Optional.of(new Precursors(id, windowHours, total, total - instrument, instrument, byKind, byType, longest, shortest, alarms));
    }

    // ------------------------------------------------------------------ checking input

    /** A draft checked and completed from the registry, ready to store. */
    record Checked(Instant occurredAt, String uscc, String enterpriseName, String regionCode, String parkCode, String industryCode,
            String hazardSourceCode, AccidentKind kind, int deaths, int injuries, BigDecimal directLossWan, String description,
            String sourceDocument) {

        /** Same enterprise, same minute, same type: the same accident. */
        String dedupKey() {
            String who = uscc != null ? uscc : enterpriseName + "|" + regionCode;
            return sha256(who + "|" + occurredAt.truncatedTo(ChronoUnit.MINUTES) + "|" + kind.name());
        }
    }

    private static void requireEditor(Caller caller) {
        if (!caller.has(Permission.ACCIDENT_EDIT)) {
            throw new SecurityException("recording accidents needs accident:edit");
        }
    }

    /** Checks a draft, collecting every problem; the enterprise is looked up in the registry on {@code c}. */
    Checked check(Connection c, Caller caller, Draft d, List<FieldError> errors) throws SQLException {
        if (d == null) {
            errors.add(new FieldError("", "REQUIRED", "an accident is required"));
            return null;
        }
        Instant occurredAt = d.occurredAt();
        if (occurredAt == null) {
            errors.add(new FieldError("occurredAt", "REQUIRED", "required"));
        } else if (occurredAt.isAfter(clock.instant().plus(5, ChronoUnit.MINUTES))) {
            errors.add(new FieldError("occurredAt", "IN_FUTURE", "an accident that has not happened yet cannot be registered"));
        } else if (occurredAt.isBefore(EARLIEST)) {
            errors.add(new FieldError("occurredAt", "TOO_EARLY", "not before 1949-10-01"));
        }
        String uscc = d.uscc() == null || d.uscc().isBlank() ? null : d.uscc().strip().toUpperCase(java.util.Locale.ROOT);
        String name = FormFields.text(d.enterpriseName(), "enterpriseName", 200, false, errors);
        String region = d.regionCode() == null || d.regionCode().isBlank() ? null : d.regionCode().strip();
        String park = null;
        String industry = d.industryCode() == null || d.industryCode().isBlank() ? null : d.industryCode().strip();
        boolean registered = false;
        if (uscc != null && !UnifiedSocialCreditCode.isValid(uscc)) {
            errors.add(new FieldError("uscc", "INVALID", "not a valid unified social credit code (GB 32100-2015)"));
            uscc = null;
        } else if (uscc != null) {
            try (PreparedStatement s = c.prepareStatement("SELECT name, region_code, park_code, industry_code FROM enterprise WHERE uscc = ?")) {
                s.setString(1, uscc);
                try (ResultSet rs = s.executeQuery()) {
                    if (rs.next()) {
                        registered = true;
                        name = rs.getString("name");
                        region = rs.getString("region_code");
                        park = rs.getString("park_code");
                        industry = rs.getString("industry_code");
                    }
                }
            }
        }
        if (!registered) {
            if (name == null) {
                errors.add(new FieldError("enterpriseName", "REQUIRED", "required for an enterprise that is not registered"));
            }
            if (region == null) {
                errors.add(new FieldError("regionCode", "REQUIRED", "the county, for an enterprise that is not registered"));
            } else if (!isCounty(c, region)) {
                errors.add(new FieldError("regionCode", "UNKNOWN_REGION", "not a county of GB/T 2260: " + region));
                region = null;
            }
            if (industry != null && !industry.matches("[A-Z]?[0-9]{2,4}")) {
                errors.add(new FieldError("industryCode", "INVALID", "a GB/T 4754 code, e.g. 2614"));
            }
        }
        // an enterprise outside the scope is reported like an unknown one, so guessing reveals nothing
        if (region != null && !caller.sees(region, park, uscc)) {
            errors.add(uscc != null ? new FieldError("uscc", "UNKNOWN", "no enterprise " + uscc + " in your scope")
                    : new FieldError("regionCode", "OUTSIDE_SCOPE", "the county " + region + " is outside your scope"));
        }
        String source = FormFields.text(d.hazardSourceCode(), "hazardSourceCode", 32, false, errors);
        if (source != null && registered && !hazardSourceExists(c, uscc, source)) {
            errors.add(new FieldError("hazardSourceCode", "UNKNOWN_HAZARD_SOURCE", "the enterprise has no hazard source " + source));
        }
        if (d.kind() == null) {
            errors.add(new FieldError("kind", "REQUIRED", "one of FIRE, EXPLOSION, POISONING, LEAK, OTHER"));
        }
        int deaths = people(d.deaths(), "deaths", errors);
        int injuries = people(d.injuries(), "injuries", errors);
        BigDecimal loss = d.directLossWan();
        if (loss != null) {
            if (loss.signum() < 0) {
                errors.add(new FieldError("directLossWan", "NEGATIVE", "cannot be negative"));
            } else if (loss.compareTo(MAX_LOSS) > 0) {
                errors.add(new FieldError("directLossWan", "TOO_LARGE", "at most " + MAX_LOSS.toPlainString() + " (10,000 yuan)"));
            } else {
                loss = loss.setScale(2, RoundingMode.HALF_UP);
            }
        }
        String description = FormFields.text(d.description(), "description", 4000, true, errors);
        String document = FormFields.text(d.sourceDocument(), "sourceDocument", 500, false, errors);
        if (!errors.isEmpty()) {
            return null;
        }
        return new Checked(occurredAt, uscc, name, region, park, industry, source, d.kind(), deaths, injuries, loss, description, document);
    }

    private static int people(Integer value, String field, List<FieldError> errors) {
        if (value == null) {
            errors.add(new FieldError(field, "REQUIRED", "required (0 when none)"));
            return 0;
        }
        if (value < 0) {
            errors.add(new FieldError(field, "NEGATIVE", "cannot be negative"));
        } else if (value > MAX_PEOPLE) {
            errors.add(new FieldError(field, "TOO_LARGE", "at most " + MAX_PEOPLE));
        }
        return value;
    }

    private static boolean isCounty(Connection c, String code) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT 1 FROM region WHERE code = ? AND level = 'COUNTY'")) {
            s.setString(1, code);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next();
            }
        }
    }

    private static boolean hazardSourceExists(Connection c, String uscc, String code) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(
                "SELECT 1 FROM hazard_source h JOIN enterprise e ON e.id = h.enterprise_id WHERE e.uscc = ? AND h.code = ?")) {
            s.setString(1, uscc);
            s.setString(2, code);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next();
            }
        }
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String existingWithKey(Connection c, String key) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT id FROM accident WHERE dedup_key = ?")) {
            s.setString(1, key);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }

    // ------------------------------------------------------------------ writing

    @Override
    public Accident record(Caller caller, Draft draft) {
        requireEditor(caller);
        String id = UUID.randomUUID().toString();
        try (Connection c = dataSource.getConnection()) {
            Jdbc.inTransaction(c, () -> {
                List<FieldError> errors = new ArrayList<>();
                Checked checked = check(c, caller, draft, errors);
                if (checked != null && existingWithKey(c, checked.dedupKey()) != null) {
                    errors.add(new FieldError("occurredAt", "DUPLICATE", "this enterprise's " + checked.kind().label()
                            + " accident at this time is already registered"));
                }
                if (!errors.isEmpty()) {
                    throw new ValidationException(errors);
                }
                insert(c, id, checked, caller.username());
                return null;
            });
        } catch (SQLException e) {
            throw duplicateOr(e, "registering an accident");
        }
        audit(caller, "accident.record", id, null);
        replicate(List.of(id));
        return get(Caller.system("accidents"), id).orElseThrow();
    }

    private static RuntimeException duplicateOr(SQLException e, String action) {
        if ("23505".equals(e.getSQLState())) {
            return new ValidationException(List.of(new FieldError("occurredAt", "DUPLICATE", "the same accident was registered at the same moment")));
        }
        return Jdbc.failure(action, e);
    }

    private void insert(Connection c, String id, Checked k, String actor) throws SQLException {
        Instant now = clock.instant();
        try (PreparedStatement s = c.prepareStatement("INSERT INTO accident (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, "
                + "?, ?, ?, ?, ?, ?, ?)")) {
            Jdbc.bind(s, Arrays.asList(id, k.occurredAt(), k.uscc(), k.enterpriseName(), k.regionCode(), k.parkCode(), k.industryCode(),
                    k.hazardSourceCode(), k.kind().name(), k.deaths(), k.injuries(), k.directLossWan(), k.description(), k.sourceDocument(), null,
                    null, actor, now, actor, now, 1, null, k.dedupKey()));
            s.executeUpdate();
        }
    }

    /** The record, locked for a change here; refused when it is not this node's own or is voided. */
    private Accident lockOwn(Connection c, Caller caller, String id) throws SQLException {
        List<Object> args = new ArrayList<>();
        String sql = "SELECT " + ALIASED_COLUMNS + " FROM accident a WHERE " + visibleCondition(caller, args)
                + " AND a.id = ? FOR UPDATE";
        args.add(id);
        try (PreparedStatement s = c.prepareStatement(sql)) {
            Jdbc.bind(s, args);
            try (ResultSet rs = s.executeQuery()) {
                if (!rs.next()) {
                    throw new java.util.NoSuchElementException("no accident " + id);
                }
                Accident a = row(rs);
                if (!a.local()) {
                    throw new ValidationException(List.of(new FieldError("id", "NOT_LOCAL",
                            "this record was entered at " + a.originNode() + " and is changed there")));
                }
                if (a.voided()) {
                    throw new ValidationException(List.of(new FieldError("id", "VOIDED", "a voided record is not changed")));
                }
                if (caller.scope().kind() == DataScope.Kind.ENTERPRISE && !caller.scope().code().equals(a.uscc())) {
                    throw new SecurityException("an enterprise changes only its own accidents");
                }
                return a;
            }
        }
    }

    @Override
    public Accident update(Caller caller, String id, Draft draft) {
        requireEditor(caller);
        try (Connection c = dataSource.getConnection()) {
            Jdbc.inTransaction(c, () -> {
                Accident before = lockOwn(c, caller, id);
                List<FieldError> errors = new ArrayList<>();
                Checked k = check(c, caller, draft, errors);
                if (k != null) {
                    String other = existingWithKey(c, k.dedupKey());
                    if (other != null && !other.equals(id)) {
                        errors.add(new FieldError("occurredAt", "DUPLICATE", "another record holds this enterprise's accident at this time"));
                    }
                }
                if (!errors.isEmpty()) {
                    throw new ValidationException(errors);
                }
                try (PreparedStatement s = c.prepareStatement("UPDATE accident SET occurred_at = ?, uscc = ?, enterprise_name = ?, region_code = ?, "
                        + "park_code = ?, industry_code = ?, hazard_source_code = ?, kind = ?, deaths = ?, injuries = ?, direct_loss_wan = ?, "
                        + "description = ?, source_document = ?, updated_by = ?, updated_at = ?, revision = ?, dedup_key = ? WHERE id = ?")) {
                    Jdbc.bind(s, Arrays.asList(k.occurredAt(), k.uscc(), k.enterpriseName(), k.regionCode(), k.parkCode(), k.industryCode(),
                            k.hazardSourceCode(), k.kind().name(), k.deaths(), k.injuries(), k.directLossWan(), k.description(),
                            k.sourceDocument(), caller.username(), clock.instant(), before.revision() + 1, k.dedupKey(), id));
                    s.executeUpdate();
                }
                return null;
            });
        } catch (SQLException e) {
            throw duplicateOr(e, "correcting accident " + id);
        }
        audit(caller, "accident.update", id, null);
        replicate(List.of(id));
        return get(caller, id).orElseThrow();
    }

    @Override
    public Accident voidRecord(Caller caller, String id, String reason) {
        requireEditor(caller);
        List<FieldError> errors = new ArrayList<>();
        String why = FormFields.text(reason, "reason", 500, true, errors);
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        try (Connection c = dataSource.getConnection()) {
            Jdbc.inTransaction(c, () -> {
                Accident before = lockOwn(c, caller, id);
                Instant now = clock.instant();
                // the dedup key is freed, so the accident can be entered again correctly
                try (PreparedStatement s = c.prepareStatement("UPDATE accident SET voided_at = ?, void_reason = ?, updated_by = ?, updated_at = ?, "
                        + "revision = ?, dedup_key = ? WHERE id = ?")) {
                    Jdbc.bind(s, Arrays.asList(now, why, caller.username(), now, before.revision() + 1, "void:" + id, id));
                    s.executeUpdate();
                }
                return null;
            });
        } catch (SQLException e) {
            throw Jdbc.failure("voiding accident " + id, e);
        }
        audit(caller, "accident.void", id, why);
        replicate(List.of(id));
        return get(caller, id).orElseThrow();
    }

    @Override
    public ImportResult importAll(Caller caller, List<NumberedDraft> rows, boolean dryRun) {
        requireEditor(caller);
        if (rows.size() > MAX_IMPORT_ROWS) {
            throw new ValidationException(List.of(new FieldError("file", "TOO_MANY_ROWS", "at most " + MAX_IMPORT_ROWS + " rows per file")));
        }
        List<RowError> errors = new ArrayList<>();
        List<String> created = new ArrayList<>();
        int[] duplicates = { 0 };
        try (Connection c = dataSource.getConnection()) {
            Jdbc.inTransaction(c, () -> {
                Map<String, Integer> inFile = new HashMap<>();
                List<Checked> toStore = new ArrayList<>();
                for (NumberedDraft row : rows) {
                    List<FieldError> rowErrors = new ArrayList<>();
                    Checked k = check(c, caller, row.draft(), rowErrors);
                    rowErrors.forEach(e -> errors.add(new RowError(row.row(), e)));
                    if (k == null) {
                        continue;
                    }
                    Integer earlier = inFile.putIfAbsent(k.dedupKey(), row.row());
                    if (earlier != null) {
                        errors.add(new RowError(row.row(), new FieldError("occurredAt", "DUPLICATE", "the same accident as row " + earlier)));
                    } else if (existingWithKey(c, k.dedupKey()) != null) {
                        duplicates[0]++;
                    } else {
                        toStore.add(k);
                    }
                }
                if (!errors.isEmpty() || dryRun) {
                    return null;
                }
                for (Checked k : toStore) {
                    String id = UUID.randomUUID().toString();
                    insert(c, id, k, caller.username());
                    created.add(id);
                }
                return null;
            });
        } catch (SQLException e) {
            throw duplicateOr(e, "importing accidents");
        }
        int wouldCreate = errors.isEmpty() ? (dryRun ? rows.size() - duplicates[0] : created.size()) : 0;
        if (!created.isEmpty()) {
            audit(caller, "accident.import", null, created.size() + " accidents imported, " + duplicates[0] + " already registered");
            replicate(created);
        }
        return new ImportResult(dryRun, rows.size(), wouldCreate, duplicates[0], errors);
    }

    private void audit(Caller caller, String action, String id, String detail) {
        audit.append(new AuditEntry.Draft(caller.username(), null, null, null, action, "accident", id, "OK", null, null, detail));
    }

    // ------------------------------------------------------------------ replication up the levels

    /** Sends the records as they stand now to the parent node; nothing when there is none. */
    void replicate(List<String> ids) {
        ExchangeLinks links = exchange.get();
        if (links == null || links.parentNode() == null || ids.isEmpty()) {
            return;
        }
        for (int from = 0; from < ids.size(); from += BATCH) {
            List<String> batch = ids.subList(from, Math.min(ids.size(), from + BATCH));
            try (Connection c = dataSource.getConnection()) {
                List<Accident> accidents = new ArrayList<>();
                for (String id : batch) {
                    try (PreparedStatement s = c.prepareStatement("SELECT " + COLUMNS + " FROM accident WHERE id = ?")) {
                        s.setString(1, id);
                        try (ResultSet rs = s.executeQuery()) {
                            if (rs.next()) {
                                accidents.add(row(rs));
                            }
                        }
                    }
                }
                send(links, accidents, links.organisationCode(), "accidents-");
            } catch (SQLException | IOException | RuntimeException e) {
                // the next change sends the record again; the upper levels lag behind until then
                logger.warn("{} accidents could not be sent to the parent node: {}", batch.size(), e.toString());
            }
        }
    }

    private static void send(ExchangeLinks links, List<Accident> accidents, String thisNode, String idPrefix) throws IOException {
        if (accidents.isEmpty()) {
            return;
        }
        ObjectNode message = JSON.createObjectNode();
        ArrayNode items = message.putArray("accidents");
        StringBuilder identity = new StringBuilder();
        for (Accident a : accidents) {
            items.add(toJson(a, a.originNode() != null ? a.originNode() : thisNode));
            identity.append(a.id()).append('@').append(a.revision()).append(';');
        }
        links.sendWorkUp(KIND_REPLICA, JSON.writeValueAsString(message), idPrefix + sha256(identity.toString()).substring(0, 32));
    }

    static ObjectNode toJson(Accident a, String origin) {
        ObjectNode o = JSON.createObjectNode();
        o.put("id", a.id()).put("occurredAt", a.occurredAt().toString()).put("uscc", a.uscc()).put("enterpriseName", a.enterpriseName());
        o.put("regionCode", a.regionCode()).put("parkCode", a.parkCode()).put("industryCode", a.industryCode());
        o.put("hazardSourceCode", a.hazardSourceCode()).put("kind", a.kind().name()).put("deaths", a.deaths()).put("injuries", a.injuries());
        o.put("directLossWan", a.directLossWan()).put("description", a.description()).put("sourceDocument", a.sourceDocument());
        o.put("voidedAt", a.voidedAt() == null ? null : a.voidedAt().toString()).put("voidReason", a.voidReason());
        o.put("recordedBy", a.recordedBy()).put("recordedAt", a.recordedAt().toString()).put("updatedBy", a.updatedBy());
        o.put("updatedAt", a.updatedAt().toString()).put("revision", a.revision()).put("originNode", origin);
        return o;
    }

    static Accident fromJson(JsonNode o) throws IOException {
        try {
            String id = required(o, "id");
            if (id.length() > 36) {
                throw new IOException("id longer than 36 characters");
            }
            AccidentKind kind = AccidentKind.valueOf(required(o, "kind"));
            String uscc = text(o, "uscc");
            if (uscc != null && !uscc.matches("[0-9A-Z]{18}")) {
                throw new IOException("bad uscc " + uscc);
            }
            String region = required(o, "regionCode");
            if (!region.matches("[0-9]{6}")) {
                throw new IOException("bad county code " + region);
            }
            int deaths = o.path("deaths").asInt(-1);
            int injuries = o.path("injuries").asInt(-1);
            if (deaths < 0 || injuries < 0 || deaths > MAX_PEOPLE || injuries > MAX_PEOPLE) {
                throw new IOException("deaths and injuries must be 0 to " + MAX_PEOPLE);
            }
            int revision = o.path("revision").asInt(0);
            if (revision < 1) {
                throw new IOException("revision must be 1 or more");
            }
            BigDecimal loss = o.hasNonNull("directLossWan") ? o.get("directLossWan").decimalValue().setScale(2, RoundingMode.HALF_UP) : null;
            if (loss != null && (loss.signum() < 0 || loss.compareTo(MAX_LOSS) > 0)) {
                throw new IOException("direct loss out of range: " + loss);
            }
            Instant voidedAt = text(o, "voidedAt") == null ? null : Instant.parse(text(o, "voidedAt"));
            return new Accident(id, Instant.parse(required(o, "occurredAt")), uscc, limit(required(o, "enterpriseName"), 200), region,
                    limit(text(o, "parkCode"), 12), limit(text(o, "industryCode"), 8), limit(text(o, "hazardSourceCode"), 32), kind, deaths,
                    injuries, loss, limit(required(o, "description"), 4000), limit(text(o, "sourceDocument"), 500), voidedAt != null, voidedAt,
                    limit(text(o, "voidReason"), 500), limit(required(o, "recordedBy"), 200), Instant.parse(required(o, "recordedAt")),
                    limit(required(o, "updatedBy"), 200), Instant.parse(required(o, "updatedAt")), revision, limit(required(o, "originNode"), 64));
        } catch (IllegalArgumentException | java.time.DateTimeException e) {
            throw new IOException("bad accident " + o.path("id").asText() + ": " + e.getMessage(), e);
        }
    }

    private static String text(JsonNode o, String field) {
        JsonNode v = o.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }

    private static String required(JsonNode o, String field) throws IOException {
        String v = text(o, field);
        if (v == null || v.isBlank()) {
            throw new IOException("accident without " + field);
        }
        return v;
    }

    private static String limit(String value, int max) throws IOException {
        if (value != null && value.length() > max) {
            throw new IOException("a field is longer than " + max + " characters");
        }
        return value;
    }

    @Override
    public Set<String> kinds() {
        return Set.of(KIND_REPLICA);
    }

    /**
     * Keeps accidents replicated from below, read-only, replacing an older revision; the same or an older one again is
     * ignored, as is a copy of an accident this node already holds under another id (entered here by hand as well). The
     * whole message is refused when any accident in it is malformed; the accepted ones are passed on up.
     */
    @Override
    public void receive(String fromNode, boolean fromParent, String kind, String json) throws IOException {
        if (fromParent || !KIND_REPLICA.equals(kind)) {
            throw new IOException("accidents only come up from child nodes, not " + kind + (fromParent ? " from the parent" : ""));
        }
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (IOException e) {
            throw new IOException("not an accident message: " + e.getMessage(), e);
        }
        JsonNode items = root == null ? null : root.get("accidents");
        if (items == null || !items.isArray() || items.isEmpty() || items.size() > BATCH) {
            throw new IOException("an accident message holds 1 to " + BATCH + " accidents in \"accidents\"");
        }
        List<Accident> incoming = new ArrayList<>();
        for (JsonNode o : items) {
            incoming.add(fromJson(o));
        }
        List<Accident> accepted = new ArrayList<>();
        try (Connection c = dataSource.getConnection()) {
            Jdbc.inTransaction(c, () -> {
                for (Accident a : incoming) {
                    if (keep(c, a, fromNode)) {
                        accepted.add(a);
                    }
                }
                return null;
            });
        } catch (SQLException e) {
            throw Jdbc.failure("keeping accidents from " + fromNode, e);
        }
        ExchangeLinks links = exchange.get();
        if (links != null && links.parentNode() != null) {
            send(links, accepted, fromNode, "accidents-relay-");
        }
    }

    private boolean keep(Connection c, Accident a, String fromNode) throws SQLException {
        String key = a.voided() ? "void:" + a.id() : new Checked(a.occurredAt(), a.uscc(), a.enterpriseName(), a.regionCode(), a.parkCode(),
                a.industryCode(), a.hazardSourceCode(), a.kind(), a.deaths(), a.injuries(), a.directLossWan(), a.description(),
                a.sourceDocument()).dedupKey();
        try (PreparedStatement s = c.prepareStatement("SELECT revision, origin_node FROM accident WHERE id = ? FOR UPDATE")) {
            s.setString(1, a.id());
            try (ResultSet rs = s.executeQuery()) {
                if (rs.next()) {
                    if (rs.getString("origin_node") == null) {
                        logger.warn("Accident {} from {} is kept here as this node's own; the copy is ignored", a.id(), fromNode);
                        return false;
                    }
                    if (rs.getInt("revision") >= a.revision()) {
                        return false;
                    }
                }
            }
        }
        String other = existingWithKey(c, key);
        if (other != null && !other.equals(a.id())) {
            logger.warn("Accident {} from {} is the same accident as {} kept here; the copy is ignored", a.id(), fromNode, other);
            return false;
        }
        try (PreparedStatement s = c.prepareStatement("DELETE FROM accident WHERE id = ?")) {
            s.setString(1, a.id());
            s.executeUpdate();
        }
        try (PreparedStatement s = c.prepareStatement("INSERT INTO accident (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, "
                + "?, ?, ?, ?, ?, ?, ?)")) {
            Jdbc.bind(s, Arrays.asList(a.id(), a.occurredAt(), a.uscc(), a.enterpriseName(), a.regionCode(), a.parkCode(), a.industryCode(),
                    a.hazardSourceCode(), a.kind().name(), a.deaths(), a.injuries(), a.directLossWan(), a.description(), a.sourceDocument(),
                    a.voidedAt(), a.voidReason(), a.recordedBy(), a.recordedAt(), a.updatedBy(), a.updatedAt(), a.revision(), a.originNode(), key));
            s.executeUpdate();
        }
        return true;
    }
}
