package org.hazardwatch.core.internal.hazard;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import javax.sql.DataSource;

import org.hazardwatch.api.hazard.AccidentType;
import org.hazardwatch.api.hazard.DeathTollClass;
import org.hazardwatch.api.hazard.Equipment;
import org.hazardwatch.api.hazard.EquipmentKind;
import org.hazardwatch.api.hazard.GradingOutcome;
import org.hazardwatch.api.hazard.GradingSnapshot;
import org.hazardwatch.api.hazard.HazardSource;
import org.hazardwatch.api.hazard.HazardSourceQuery;
import org.hazardwatch.api.hazard.HazardSourceService;
import org.hazardwatch.api.hazard.HazardSourceStatus;
import org.hazardwatch.api.hazard.HazardSourceSummary;
import org.hazardwatch.api.hazard.HazardUnit;
import org.hazardwatch.api.hazard.InventoryItem;
import org.hazardwatch.api.hazard.UnitKind;
import org.hazardwatch.api.model.MonitoringPoint;
import org.hazardwatch.api.registry.FieldError;
import org.hazardwatch.api.registry.Page;
import org.hazardwatch.api.registry.ValidationException;
import org.hazardwatch.core.internal.db.Jdbc;
import org.hazardwatch.core.internal.db.JdbcPointRepository;
import org.hazardwatch.core.internal.registry.JdbcRegistry;
import org.hazardwatch.grading.AccidentHazard;
import org.hazardwatch.grading.Edition;
import org.hazardwatch.grading.Gb18218Grader;
import org.hazardwatch.grading.GradingException;
import org.hazardwatch.grading.GradingResult;

/**
 * Hazard sources in the database. A source's units, equipment and inventory are replaced as a whole on every update;
 * gradings live in {@code grading_snapshot}, keyed by unit code, and are only ever added.
 */
public class JdbcHazardSources implements HazardSourceService {

    /** Why a snapshot was taken. */
    public enum Reason { CREATED, UPDATED, REGRADED, IMPORTED }

    private static final String SNAPSHOT_COLUMNS = "id, hazard_source_id, unit_code, unit_name, edition, graded_at, "
            + "graded_by, reason, major, s_exact, r_exact, grade";

    private final DataSource dataSource;
    private final Gb18218Grader grader;
    private final Clock clock;
    private final JdbcPointRepository points;

    public JdbcHazardSources(DataSource dataSource, Clock clock) {
        this.dataSource = dataSource;
        this.clock = clock;
        this.grader = Gb18218Grader.create(clock);
        this.points = new JdbcPointRepository(dataSource);
    }

    Gb18218Grader grader() {
        return grader;
    }

    // ---------------------------------------------------------------- reading

    @Override
    public Page<HazardSourceSummary> list(HazardSourceQuery query, int page, int size) {
        HazardSourceQuery q = query == null ? new HazardSourceQuery(null, null, null, null) : query;
        StringBuilder where = new StringBuilder(" WHERE 1 = 1");
        List<Object> parameters = new ArrayList<>();
        where.append(org.hazardwatch.core.internal.db.ScopeSql.onEnterprise(q.scope(), "e", parameters));
        if (q.regionCode() != null && !q.regionCode().isBlank()) {
            String region = q.regionCode().strip();
            if (region.contains("P")) { // a chemical park: county code, "P", number
                where.append(" AND e.park_code = ?");
                parameters.add(region);
            } else {
                where.append(" AND e.region_code LIKE ?");
                parameters.add(JdbcRegistry.escapeLike(region) + "%");
            }
        }
        if (q.enterpriseId() != null) {
            where.append(" AND hs.enterprise_id = ?");
            parameters.add(q.enterpriseId());
        }
        if (q.grade() != null) {
            where.append(" AND hs.grade = ?");
            parameters.add(q.grade());
        }
        if (q.text() != null && !q.text().isBlank()) {
            where.append(" AND (LOWER(hs.name) LIKE ? OR LOWER(hs.code) LIKE ? OR LOWER(e.name) LIKE ?)");
            String pattern = "%" + JdbcRegistry.escapeLike(q.text().strip().toLowerCase(Locale.ROOT)) + "%";
            parameters.add(pattern);
            parameters.add(pattern);
            parameters.add(pattern);
        }
        String from = " FROM hazard_source hs JOIN enterprise e ON e.id = hs.enterprise_id" + where;
        try (Connection c = dataSource.getConnection()) {
            long total;
            try (PreparedStatement s = c.prepareStatement("SELECT COUNT(*)" + from)) {
                bind(s, parameters);
                try (ResultSet rs = s.executeQuery()) {
                    rs.next();
                    total = rs.getLong(1);
                }
            }
            List<HazardSourceSummary> items = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement("SELECT hs.id, hs.enterprise_id, e.name AS enterprise_name, "
                    + "e.region_code, hs.code, hs.name, hs.status, hs.major, hs.grade, hs.accident_types, "
                    + "hs.derived_accident_types, hs.potential_deaths, hs.updated_at, "
                    + "(SELECT COUNT(*) FROM hazard_unit u WHERE u.hazard_source_id = hs.id) AS unit_count" + from
                    + " ORDER BY e.name, e.id, hs.code LIMIT ? OFFSET ?")) {
                int next = bind(s, parameters);
                s.setInt(next, size);
                s.setLong(next + 1, (long) page * size);
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        items.add(new HazardSourceSummary(rs.getLong("id"), rs.getLong("enterprise_id"),
                                rs.getString("enterprise_name"), rs.getString("region_code"), rs.getString("code"),
                                rs.getString("name"), HazardSourceStatus.valueOf(rs.getString("status")),
                                rs.getBoolean("major"), nullableInt(rs, "grade"), rs.getInt("unit_count"),
                                effectiveAccidentTypes(rs), DeathTollClass.of(nullableInt(rs, "potential_deaths")),
                                Jdbc.getInstant(rs, "updated_at")));
                    }
                }
            }
            return new Page<>(total, page, size, items);
        } catch (SQLException e) {
            throw Jdbc.failure("listing hazard sources", e);
        }
    }

    @Override
    public Optional<HazardSource> get(long id) {
        try (Connection c = dataSource.getConnection()) {
            return read(c, id);
        } catch (SQLException e) {
            throw Jdbc.failure("reading hazard source " + id, e);
        }
    }

    Optional<HazardSource> read(Connection c, long id) throws SQLException {
        HazardSource head;
        try (PreparedStatement s = c.prepareStatement("SELECT hs.*, e.name AS enterprise_name, e.region_code "
                + "FROM hazard_source hs JOIN enterprise e ON e.id = hs.enterprise_id WHERE hs.id = ?")) {
            s.setLong(1, id);
            try (ResultSet rs = s.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                Integer deaths = nullableInt(rs, "potential_deaths");
                head = new HazardSource(id, rs.getLong("enterprise_id"), rs.getString("enterprise_name"),
                        rs.getString("region_code"), rs.getString("code"), rs.getString("name"),
                        HazardSourceStatus.valueOf(rs.getString("status")), rs.getInt("exposed_people"),
                        effectiveAccidentTypes(rs), types(rs.getString("derived_accident_types")), deaths,
                        DeathTollClass.of(deaths), rs.getBoolean("major"), nullableInt(rs, "grade"), List.of(),
                        Jdbc.getInstant(rs, "created_at"), Jdbc.getInstant(rs, "updated_at"),
                        rs.getString("accident_types") != null);
            }
        }
        record UnitRow(long id, String code, String name, UnitKind kind) {
        }
        List<UnitRow> unitRows = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement(
                "SELECT id, code, name, kind FROM hazard_unit WHERE hazard_source_id = ? ORDER BY position")) {
            s.setLong(1, id);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    unitRows.add(new UnitRow(rs.getLong("id"), rs.getString("code"), rs.getString("name"),
                            UnitKind.valueOf(rs.getString("kind"))));
                }
            }
        }
        Map<Long, List<Equipment>> equipment = new HashMap<>();
        try (PreparedStatement s = c.prepareStatement("SELECT q.unit_id, q.code, q.name, q.kind, q.design_capacity "
                + "FROM equipment q JOIN hazard_unit u ON u.id = q.unit_id WHERE u.hazard_source_id = ? ORDER BY q.position")) {
            s.setLong(1, id);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    BigDecimal capacity = rs.getBigDecimal("design_capacity");
                    equipment.computeIfAbsent(rs.getLong("unit_id"), k -> new ArrayList<>())
                            .add(new Equipment(rs.getString("code"), rs.getString("name"),
                                    EquipmentKind.valueOf(rs.getString("kind")),
                                    capacity == null ? null : capacity.stripTrailingZeros()));
                }
            }
        }
        Map<Long, List<InventoryItem>> inventory = new HashMap<>();
        try (PreparedStatement s = c.prepareStatement("SELECT i.unit_id, i.equipment_code, i.substance, i.cas, "
                + "i.table_row, i.hazard_categories, i.tonnes FROM inventory_item i JOIN hazard_unit u ON u.id = i.unit_id "
                + "WHERE u.hazard_source_id = ? ORDER BY i.position")) {
            s.setLong(1, id);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    String categories = rs.getString("hazard_categories");
                    inventory.computeIfAbsent(rs.getLong("unit_id"), k -> new ArrayList<>())
                            .add(new InventoryItem(rs.getString("equipment_code"), rs.getString("substance"),
                                    rs.getString("cas"), nullableInt(rs, "table_row"),
                                    categories == null || categories.isEmpty() ? List.of()
                                            : Arrays.asList(categories.split(",")),
                                    rs.getBigDecimal("tonnes").stripTrailingZeros()));
                }
            }
        }
        Map<String, GradingOutcome> latest = latestOutcomes(c, id);
        List<HazardUnit> units = new ArrayList<>();
        for (UnitRow u : unitRows) {
            units.add(new HazardUnit(u.code(), u.name(), u.kind(), equipment.getOrDefault(u.id(), List.of()),
                    inventory.getOrDefault(u.id(), List.of()), latest.get(u.code())));
        }
        return Optional.of(new HazardSource(head.id(), head.enterpriseId(), head.enterpriseName(), head.regionCode(),
                head.code(), head.name(), head.status(), head.exposedPeople(), head.accidentTypes(),
                head.derivedAccidentTypes(), head.potentialDeaths(), head.deathTollClass(), head.major(), head.grade(),
                units, head.createdAt(), head.updatedAt(), head.accidentTypesEdited()));
    }

    /** The latest GB 18218-2018 snapshot of each unit code of a source. */
    private static Map<String, GradingOutcome> latestOutcomes(Connection c, long sourceId) throws SQLException {
        Map<String, GradingOutcome> latest = new LinkedHashMap<>();
        try (PreparedStatement s = c.prepareStatement("SELECT " + SNAPSHOT_COLUMNS + " FROM grading_snapshot "
                + "WHERE hazard_source_id = ? AND edition = ? ORDER BY graded_at DESC, id DESC")) {
            s.setLong(1, sourceId);
            s.setString(2, Edition.GB18218_2018.code());
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    latest.putIfAbsent(rs.getString("unit_code"), new GradingOutcome(rs.getLong("id"),
                            rs.getString("edition"), Jdbc.getInstant(rs, "graded_at"), rs.getString("s_exact"),
                            rs.getBoolean("major"), rs.getString("r_exact"), nullableInt(rs, "grade")));
                }
            }
        }
        return latest;
    }

    @Override
    public List<GradingSnapshot> gradings(long sourceId) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("SELECT " + SNAPSHOT_COLUMNS
                        + " FROM grading_snapshot WHERE hazard_source_id = ? ORDER BY graded_at DESC, id DESC")) {
            s.setLong(1, sourceId);
            List<GradingSnapshot> snapshots = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    snapshots.add(snapshot(rs, null));
                }
            }
            return snapshots;
        } catch (SQLException e) {
            throw Jdbc.failure("reading the gradings of hazard source " + sourceId, e);
        }
    }

    @Override
    public Optional<GradingSnapshot> grading(long snapshotId) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("SELECT " + SNAPSHOT_COLUMNS
                        + ", result_json FROM grading_snapshot WHERE id = ?")) {
            s.setLong(1, snapshotId);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? Optional.of(snapshot(rs, rs.getString("result_json"))) : Optional.empty();
            }
        } catch (SQLException e) {
            throw Jdbc.failure("reading grading " + snapshotId, e);
        }
    }

    @Override
    public List<MonitoringPoint> points(long sourceId) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("SELECT e.uscc, hs.code FROM hazard_source hs "
                        + "JOIN enterprise e ON e.id = hs.enterprise_id WHERE hs.id = ?")) {
            s.setLong(1, sourceId);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? points.findByHazardSource(rs.getString(1), rs.getString(2)) : List.of();
            }
        } catch (SQLException e) {
            throw Jdbc.failure("listing the points of hazard source " + sourceId, e);
        }
    }

    // ---------------------------------------------------------------- writing

    @Override
    public HazardSource create(HazardSource input, String actor) {
        HazardSource source = HazardSourceValidator.normalized(input);
        try (Connection c = dataSource.getConnection()) {
            long id = Jdbc.inTransaction(c, () -> {
                HazardSourceValidator.Checked checked = checkWithEnterprise(c, source, null);
                if (!checked.errors().isEmpty()) {
                    throw new ValidationException(checked.errors());
                }
                return insert(c, checked, source.enterpriseId(), actor, Reason.CREATED);
            });
            return read(c, id).orElseThrow();
        } catch (SQLException e) {
            throw duplicateOr(e, "registering hazard source " + source.code());
        }
    }

    @Override
    public Optional<HazardSource> update(long id, HazardSource input, String actor) {
        HazardSource source = HazardSourceValidator.normalized(input);
        try (Connection c = dataSource.getConnection()) {
            boolean found = Jdbc.inTransaction(c, () -> {
                // the row lock serialises concurrent replaces of one source (editor and import, say)
                try (PreparedStatement lock = c.prepareStatement("SELECT id FROM hazard_source WHERE id = ? FOR UPDATE")) {
                    lock.setLong(1, id);
                    try (ResultSet rs = lock.executeQuery()) {
                        if (!rs.next()) {
                            return false;
                        }
                    }
                }
                HazardSourceValidator.Checked checked = checkWithEnterprise(c, source, id);
                if (!checked.errors().isEmpty()) {
                    throw new ValidationException(checked.errors());
                }
                replace(c, id, checked, source.enterpriseId(), actor, Reason.UPDATED);
                return true;
            });
            return found ? read(c, id) : Optional.empty();
        } catch (SQLException e) {
            throw duplicateOr(e, "updating hazard source " + id);
        }
    }

    /**
     * A unique-constraint violation (SQLState 23505 on H2 and PostgreSQL) lost a race with another writer of the same
     * code: a 400 naming the code, not a storage failure.
     */
    static RuntimeException duplicateOr(SQLException e, String action) {
        if ("23505".equals(e.getSQLState())) {
            return new ValidationException(List.of(new FieldError("code", "DUPLICATE",
                    "another hazard source or unit with this code was stored at the same moment")));
        }
        return Jdbc.failure(action, e);
    }

    @Override
    public boolean delete(long id) {
        try (Connection c = dataSource.getConnection()) {
            return Jdbc.inTransaction(c, () -> {
                HazardSourceHistory.Key key = HazardSourceHistory.keyOf(c, id);
                try (PreparedStatement s = c.prepareStatement("DELETE FROM hazard_source WHERE id = ?")) {
                    s.setLong(1, id);
                    if (s.executeUpdate() == 0) {
                        return false;
                    }
                }
                if (key != null) {
                    HazardSourceHistory.end(c, key, clock.instant());
                }
                return true;
            });
        } catch (SQLException e) {
            throw Jdbc.failure("deleting hazard source " + id, e);
        }
    }

    @Override
    public Optional<List<GradingSnapshot>> regrade(long sourceId, String editionCode, String actor) {
        Edition edition;
        try {
            edition = Edition.fromCode(editionCode);
        } catch (GradingException e) {
            throw new ValidationException(List.of(new FieldError("edition", "INVALID_VALUE", "must be 2018 or 2009")));
        }
        try (Connection c = dataSource.getConnection()) {
            Optional<HazardSource> found = read(c, sourceId);
            if (found.isEmpty()) {
                return Optional.empty();
            }
            HazardSource source = found.get();
            List<GradingResult> results = new ArrayList<>();
            List<FieldError> errors = new ArrayList<>();
            for (int u = 0; u < source.units().size(); u++) {
                HazardUnit unit = source.units().get(u);
                try {
                    GradingResult current = grader.grade(
                            HazardSourceValidator.request(unit, source.exposedPeople(), Edition.GB18218_2018));
                    // 2009 re-grading goes through the 2018 result so Table 1 rows are carried over between editions
                    results.add(edition == Edition.GB18218_2018 ? current : grader.regrade(current, edition));
                } catch (GradingException e) {
                    errors.add(HazardSourceValidator.gradingError("units[" + u + "]", e));
                }
            }
            if (!errors.isEmpty()) {
                throw new ValidationException(errors);
            }
            List<Long> ids = Jdbc.inTransaction(c, () -> {
                List<Long> added = new ArrayList<>();
                for (int u = 0; u < results.size(); u++) {
                    added.add(insertSnapshot(c, sourceId, source.units().get(u), results.get(u), actor, Reason.REGRADED));
                }
                if (edition == Edition.GB18218_2018) {
                    updateSummary(c, sourceId, results);
                    HazardSourceHistory.record(c, sourceId, clock.instant(), null);
                }
                return added;
            });
            List<GradingSnapshot> snapshots = new ArrayList<>();
            for (Long snapshotId : ids) {
                GradingSnapshot full = grading(snapshotId).orElseThrow();
                snapshots.add(withoutJson(full));
            }
            return Optional.of(snapshots);
        } catch (SQLException e) {
            throw Jdbc.failure("re-grading hazard source " + sourceId, e);
        }
    }

    /** Validation including the enterprise and the uniqueness of the code within it. */
    HazardSourceValidator.Checked checkWithEnterprise(Connection c, HazardSource source, Long exceptId) throws SQLException {
        HazardSourceValidator.Checked checked = HazardSourceValidator.check(source, grader);
        List<FieldError> errors = new ArrayList<>(checked.errors());
        if (source.enterpriseId() == null) {
            errors.add(new FieldError("enterpriseId", "REQUIRED", "is required"));
        } else if (!exists(c, "SELECT 1 FROM enterprise WHERE id = ?", source.enterpriseId())) {
            errors.add(new FieldError("enterpriseId", "UNKNOWN_ENTERPRISE", "no enterprise has id " + source.enterpriseId()));
        } else if (source.code() != null) {
            Long other = sourceIdByCode(c, source.enterpriseId(), source.code());
            if (other != null && !other.equals(exceptId)) {
                errors.add(new FieldError("code", "DUPLICATE", "this enterprise already has a hazard source " + source.code()));
            }
        }
        return errors.size() == checked.errors().size() ? checked
                : new HazardSourceValidator.Checked(source, List.of(), errors);
    }

    static Long sourceIdByCode(Connection c, long enterpriseId, String code) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT id FROM hazard_source WHERE enterprise_id = ? AND code = ?")) {
            s.setLong(1, enterpriseId);
            s.setString(2, code);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? rs.getLong(1) : null;
            }
        }
    }

    /** Inserts a checked source on the caller's connection and transaction; returns its id. */
    long insert(Connection c, HazardSourceValidator.Checked checked, long enterpriseId, String actor, Reason reason)
            throws SQLException {
        HazardSource s = checked.source();
        Instant now = clock.instant();
        long id;
        try (PreparedStatement st = c.prepareStatement("INSERT INTO hazard_source (enterprise_id, code, name, status, "
                + "exposed_people, accident_types, derived_accident_types, potential_deaths, major, grade, created_at, "
                + "updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", Statement.RETURN_GENERATED_KEYS)) {
            st.setLong(1, enterpriseId);
            bindHead(st, 2, s, checked.gradings());
            Jdbc.setInstant(st, 11, now);
            Jdbc.setInstant(st, 12, now);
            st.executeUpdate();
            try (ResultSet keys = st.getGeneratedKeys()) {
                keys.next();
                id = keys.getLong(1);
            }
        }
        insertUnits(c, id, s.units());
        snapshotChanged(c, id, s.units(), checked.gradings(), actor, reason);
        HazardSourceHistory.record(c, id, now, null);
        return id;
    }

    /** Replaces a source's data on the caller's connection and transaction. */
    void replace(Connection c, long id, HazardSourceValidator.Checked checked, long enterpriseId, String actor,
            Reason reason) throws SQLException {
        HazardSource s = checked.source();
        HazardSourceHistory.Key before = HazardSourceHistory.keyOf(c, id);
        Instant now = clock.instant();
        try (PreparedStatement st = c.prepareStatement("UPDATE hazard_source SET enterprise_id = ?, code = ?, name = ?, "
                + "status = ?, exposed_people = ?, accident_types = ?, derived_accident_types = ?, potential_deaths = ?, "
                + "major = ?, grade = ?, updated_at = ? WHERE id = ?")) {
            st.setLong(1, enterpriseId);
            bindHead(st, 2, s, checked.gradings());
            Jdbc.setInstant(st, 11, now);
            st.setLong(12, id);
            st.executeUpdate();
        }
        try (PreparedStatement st = c.prepareStatement("DELETE FROM hazard_unit WHERE hazard_source_id = ?")) {
            st.setLong(1, id);
            st.executeUpdate();
        }
        insertUnits(c, id, s.units());
        snapshotChanged(c, id, s.units(), checked.gradings(), actor, reason);
        HazardSourceHistory.record(c, id, now, before);
    }

    private void bindHead(PreparedStatement st, int first, HazardSource s, List<GradingResult> gradings)
            throws SQLException {
        st.setString(first, s.code());
        st.setString(first + 1, s.name());
        st.setString(first + 2, s.status().name());
        st.setInt(first + 3, s.exposedPeople());
        st.setString(first + 4, s.accidentTypes() == null ? null : join(s.accidentTypes()));
        st.setString(first + 5, join(derivedAccidentTypes(gradings)));
        if (s.potentialDeaths() == null) {
            st.setNull(first + 6, Types.INTEGER);
        } else {
            st.setInt(first + 6, s.potentialDeaths());
        }
        st.setBoolean(first + 7, gradings.stream().anyMatch(GradingResult::major));
        Integer grade = highestGrade(gradings);
        if (grade == null) {
            st.setNull(first + 8, Types.INTEGER);
        } else {
            st.setInt(first + 8, grade);
        }
    }

    private static Integer highestGrade(List<GradingResult> gradings) {
        return gradings.stream().map(GradingResult::grade).filter(g -> g != null).min(Integer::compare).orElse(null);
    }

    private void updateSummary(Connection c, long id, List<GradingResult> gradings) throws SQLException {
        try (PreparedStatement st = c.prepareStatement(
                "UPDATE hazard_source SET major = ?, grade = ?, derived_accident_types = ? WHERE id = ?")) {
            st.setBoolean(1, gradings.stream().anyMatch(GradingResult::major));
            Integer grade = highestGrade(gradings);
            if (grade == null) {
                st.setNull(2, Types.INTEGER);
            } else {
                st.setInt(2, grade);
            }
            st.setString(3, join(derivedAccidentTypes(gradings)));
            st.setLong(4, id);
            st.executeUpdate();
        }
    }

    List<AccidentType> derivedAccidentTypes(List<GradingResult> gradings) {
        Set<AccidentHazard> hazards = EnumSet.noneOf(AccidentHazard.class);
        for (GradingResult g : gradings) {
            hazards.addAll(grader.accidentHazards(g));
        }
        return hazards.stream().map(h -> AccidentType.valueOf(h.name())).toList();
    }

    private static void insertUnits(Connection c, long sourceId, List<HazardUnit> units) throws SQLException {
        try (PreparedStatement unitInsert = c.prepareStatement("INSERT INTO hazard_unit (hazard_source_id, position, code, "
                + "name, kind) VALUES (?, ?, ?, ?, ?)", Statement.RETURN_GENERATED_KEYS);
                PreparedStatement equipmentInsert = c.prepareStatement("INSERT INTO equipment (unit_id, position, code, "
                        + "name, kind, design_capacity) VALUES (?, ?, ?, ?, ?, ?)");
                PreparedStatement inventoryInsert = c.prepareStatement("INSERT INTO inventory_item (unit_id, position, "
                        + "equipment_code, substance, cas, table_row, hazard_categories, tonnes) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (int u = 0; u < units.size(); u++) {
                HazardUnit unit = units.get(u);
                unitInsert.setLong(1, sourceId);
                unitInsert.setInt(2, u);
                unitInsert.setString(3, unit.code());
                unitInsert.setString(4, unit.name());
                unitInsert.setString(5, unit.kind().name());
                unitInsert.executeUpdate();
                long unitId;
                try (ResultSet keys = unitInsert.getGeneratedKeys()) {
                    keys.next();
                    unitId = keys.getLong(1);
                }
                for (int e = 0; e < unit.equipment().size(); e++) {
                    Equipment eq = unit.equipment().get(e);
                    equipmentInsert.setLong(1, unitId);
                    equipmentInsert.setInt(2, e);
                    equipmentInsert.setString(3, eq.code());
                    equipmentInsert.setString(4, eq.name());
                    equipmentInsert.setString(5, eq.kind().name());
                    equipmentInsert.setBigDecimal(6, eq.designCapacity());
                    equipmentInsert.addBatch();
                }
                for (int i = 0; i < unit.inventory().size(); i++) {
                    InventoryItem item = unit.inventory().get(i);
                    inventoryInsert.setLong(1, unitId);
                    inventoryInsert.setInt(2, i);
                    inventoryInsert.setString(3, item.equipmentCode());
                    inventoryInsert.setString(4, item.substance());
                    inventoryInsert.setString(5, item.cas());
                    if (item.tableRow() == null) {
                        inventoryInsert.setNull(6, Types.INTEGER);
                    } else {
                        inventoryInsert.setInt(6, item.tableRow());
                    }
                    inventoryInsert.setString(7, item.hazardCategories().isEmpty() ? null : String.join(",", item.hazardCategories()));
                    inventoryInsert.setBigDecimal(8, item.tonnes());
                    inventoryInsert.addBatch();
                }
            }
            equipmentInsert.executeBatch();
            inventoryInsert.executeBatch();
        }
    }

    /** Adds a snapshot for each unit whose graded inputs differ from its latest 2018 snapshot. */
    private void snapshotChanged(Connection c, long sourceId, List<HazardUnit> units, List<GradingResult> gradings,
            String actor, Reason reason) throws SQLException {
        Map<String, String> latestKeys = new HashMap<>();
        try (PreparedStatement s = c.prepareStatement("SELECT unit_code, inputs_key FROM grading_snapshot "
                + "WHERE hazard_source_id = ? AND edition = ? ORDER BY graded_at DESC, id DESC")) {
            s.setLong(1, sourceId);
            s.setString(2, Edition.GB18218_2018.code());
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    latestKeys.putIfAbsent(rs.getString(1), rs.getString(2));
                }
            }
        }
        for (int u = 0; u < units.size(); u++) {
            if (!inputsKey(units.get(u), gradings.get(u)).equals(latestKeys.get(units.get(u).code()))) {
                insertSnapshot(c, sourceId, units.get(u), gradings.get(u), actor, reason);
            }
        }
    }

    private long insertSnapshot(Connection c, long sourceId, HazardUnit unit, GradingResult result, String actor,
            Reason reason) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("INSERT INTO grading_snapshot (hazard_source_id, unit_code, "
                + "unit_name, edition, graded_at, graded_by, reason, inputs_key, major, s_exact, r_exact, grade, "
                + "result_json) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", Statement.RETURN_GENERATED_KEYS)) {
            s.setLong(1, sourceId);
            s.setString(2, unit.code());
            s.setString(3, unit.name());
            s.setString(4, result.edition().code());
            Jdbc.setInstant(s, 5, result.gradedAt());
            s.setString(6, actor == null || actor.isBlank() ? "system" : actor);
            s.setString(7, reason.name());
            s.setString(8, inputsKey(unit, result));
            s.setBoolean(9, result.major());
            s.setString(10, result.sExact());
            s.setString(11, result.rExact());
            if (result.grade() == null) {
                s.setNull(12, Types.INTEGER);
            } else {
                s.setInt(12, result.grade());
            }
            s.setString(13, GradingJson.write(result));
            s.executeUpdate();
            try (ResultSet keys = s.getGeneratedKeys()) {
                keys.next();
                return keys.getLong(1);
            }
        }
    }

    /** SHA-256 of what a grading depends on: edition, unit name, people, each entry and the table data revision. */
    private static String inputsKey(HazardUnit unit, GradingResult result) {
        StringBuilder b = new StringBuilder(result.edition().code()).append('|').append(result.tableData()).append('|')
                .append(unit.name()).append('|').append(result.exposedPeople());
        for (var e : result.request().substances()) {
            b.append('|').append(e.name()).append(';').append(e.cas()).append(';').append(e.tableRow()).append(';')
                    .append(String.join(",", e.hazardCategories())).append(';')
                    .append(e.tonnes() == null ? "" : e.tonnes().stripTrailingZeros().toPlainString());
        }
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    // ---------------------------------------------------------------- helpers

    private static boolean exists(Connection c, String sql, long id) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            s.setLong(1, id);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next();
            }
        }
    }

    private static GradingSnapshot snapshot(ResultSet rs, String json) throws SQLException {
        return new GradingSnapshot(rs.getLong("id"), rs.getLong("hazard_source_id"), rs.getString("unit_code"),
                rs.getString("unit_name"), rs.getString("edition"), Jdbc.getInstant(rs, "graded_at"),
                rs.getString("graded_by"), rs.getString("reason"), rs.getBoolean("major"), rs.getString("s_exact"),
                rs.getString("r_exact"), nullableInt(rs, "grade"), json);
    }

    private static GradingSnapshot withoutJson(GradingSnapshot g) {
        return new GradingSnapshot(g.id(), g.hazardSourceId(), g.unitCode(), g.unitName(), g.edition(), g.gradedAt(),
                g.gradedBy(), g.reason(), g.major(), g.s(), g.r(), g.grade(), null);
    }

    private static List<AccidentType> effectiveAccidentTypes(ResultSet rs) throws SQLException {
        String edited = rs.getString("accident_types");
        return types(edited != null ? edited : rs.getString("derived_accident_types"));
    }

    private static List<AccidentType> types(String list) {
        if (list == null || list.isEmpty()) {
            return List.of();
        }
        return Arrays.stream(list.split(",")).map(AccidentType::valueOf).toList();
    }

    private static String join(List<AccidentType> types) {
        return String.join(",", types.stream().map(Enum::name).toList());
    }

    private static Integer nullableInt(ResultSet rs, String column) throws SQLException {
        int value = rs.getInt(column);
        return rs.wasNull() ? null : value;
    }

    private static int bind(PreparedStatement s, List<Object> parameters) throws SQLException {
        int i = 1;
        for (Object p : parameters) {
            if (p instanceof Long l) {
                s.setLong(i++, l);
            } else if (p instanceof Integer n) {
                s.setInt(i++, n);
            } else {
                s.setString(i++, (String) p);
            }
        }
        return i;
    }
}
