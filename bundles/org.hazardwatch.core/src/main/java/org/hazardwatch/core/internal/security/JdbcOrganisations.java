package org.hazardwatch.core.internal.security;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import javax.sql.DataSource;

import org.hazardwatch.api.registry.FieldError;
import org.hazardwatch.api.registry.ValidationException;
import org.hazardwatch.api.security.Caller;
import org.hazardwatch.api.security.DataScope;
import org.hazardwatch.api.security.Department;
import org.hazardwatch.api.security.OrgLevel;
import org.hazardwatch.api.security.Organisation;
import org.hazardwatch.api.security.OrganisationService;
import org.hazardwatch.api.security.Permission;
import org.hazardwatch.core.internal.db.Jdbc;

/**
 * Organisations and departments. A caller sees the organisations whose scope lies within theirs (and their own);
 * administrators change only organisations strictly below their own.
 */
public class JdbcOrganisations implements OrganisationService {

    private static final String SELECT = "SELECT o.id, o.parent_id, o.name, o.org_level, o.region_code, r.full_name, "
            + "e.uscc, e.name AS enterprise_name, e.park_code, o.created_at, "
            + "(SELECT COUNT(*) FROM app_user u WHERE u.organisation_id = o.id) AS users "
            + "FROM organisation o LEFT JOIN region r ON r.code = o.region_code LEFT JOIN enterprise e ON e.id = o.enterprise_id";

    private final DataSource dataSource;
    private final Clock clock;
    private final Runnable onChange;

    public JdbcOrganisations(DataSource dataSource, Clock clock, Runnable onChange) {
        this.dataSource = dataSource;
        this.clock = clock;
        this.onChange = onChange;
    }

    /** Creates the national root organisation when there is none; returns its id. */
    public long ensureRoot(String name) {
        try (Connection c = dataSource.getConnection()) {
            try (PreparedStatement s = c.prepareStatement("SELECT id FROM organisation WHERE parent_id IS NULL ORDER BY id");
                    ResultSet rs = s.executeQuery()) {
                if (rs.next()) {
                    return rs.getLong(1);
                }
            }
            return insert(c, null, name, OrgLevel.NATIONAL, null, null);
        } catch (SQLException e) {
            throw Jdbc.failure("creating the root organisation", e);
        }
    }

    @Override
    public List<Organisation> list(Caller caller) {
        List<Organisation> all = all();
        List<Organisation> visible = new ArrayList<>();
        for (Organisation o : all) {
            if (visibleTo(caller, o)) {
                visible.add(o);
            }
        }
        return visible;
    }

    /** Every organisation, parents before children. */
    List<Organisation> all() {
        Map<Long, List<Department>> departments = departments();
        List<Organisation> rows = new ArrayList<>();
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement(SELECT + " ORDER BY o.id");
                ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                rows.add(read(rs, departments));
            }
        } catch (SQLException e) {
            throw Jdbc.failure("listing organisations", e);
        }
        return parentsFirst(rows);
    }

    static List<Organisation> parentsFirst(List<Organisation> rows) {
        Map<Long, List<Organisation>> children = new HashMap<>();
        List<Organisation> roots = new ArrayList<>();
        java.util.Set<Long> ids = new java.util.HashSet<>();
        rows.forEach(o -> ids.add(o.id()));
        for (Organisation o : rows) {
            if (o.parentId() == null || !ids.contains(o.parentId())) {
                roots.add(o);
            } else {
                children.computeIfAbsent(o.parentId(), k -> new ArrayList<>()).add(o);
            }
        }
        List<Organisation> ordered = new ArrayList<>();
        java.util.Deque<Organisation> stack = new java.util.ArrayDeque<>();
        roots.sort(Comparator.comparing(Organisation::name));
        for (int i = roots.size() - 1; i >= 0; i--) {
            stack.push(roots.get(i));
        }
        while (!stack.isEmpty()) {
            Organisation o = stack.pop();
            ordered.add(o);
            List<Organisation> kids = new ArrayList<>(children.getOrDefault(o.id(), List.of()));
            kids.sort(Comparator.comparing((Organisation k) -> k.regionCode() == null ? "" : k.regionCode()).thenComparing(Organisation::name));
            for (int i = kids.size() - 1; i >= 0; i--) {
                stack.push(kids.get(i));
            }
        }
        return ordered;
    }

    /** A caller sees their own organisation and every organisation whose scope lies within theirs. */
    static boolean visibleTo(Caller caller, Organisation o) {
        return o.id().equals(caller.organisationId()) || o.within(caller.scope());
    }

    @Override
    public Optional<Organisation> get(Caller caller, long id) {
        return find(id).filter(o -> visibleTo(caller, o));
    }

    Optional<Organisation> find(long id) {
        Map<Long, List<Department>> departments = departments();
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(SELECT + " WHERE o.id = ?")) {
            s.setLong(1, id);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? Optional.of(read(rs, departments)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw Jdbc.failure("reading organisation " + id, e);
        }
    }

    /** Whether the caller may administer (change, add to, delete) this organisation. */
    static boolean administers(Caller caller, Organisation o) {
        if (!caller.has(Permission.USER_ADMINISTER)) {
            return false;
        }
        if (caller.scope().isAll()) {
            return true;
        }
        return o.within(caller.scope());
    }

    @Override
    public Organisation create(Caller caller, Organisation draft) {
        List<FieldError> errors = new ArrayList<>();
        String name = draft.name() == null ? "" : draft.name().strip();
        if (name.isEmpty()) {
            errors.add(new FieldError("name", "REQUIRED", "is required"));
        } else if (name.length() > 200) {
            errors.add(new FieldError("name", "TOO_LONG", "must be at most 200 characters"));
        }
        if (draft.level() == null) {
            errors.add(new FieldError("level", "REQUIRED", "is required"));
        }
        Optional<Organisation> parent = draft.parentId() == null ? Optional.empty() : get(caller, draft.parentId());
        if (parent.isEmpty()) {
            errors.add(new FieldError("parentId", draft.parentId() == null ? "REQUIRED" : "UNKNOWN",
                    draft.parentId() == null ? "is required" : "no such organisation"));
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        Organisation p = parent.get();
        if (!administers(caller, p)) {
            throw new SecurityException("organisation " + p.id() + " is outside what you administer");
        }
        if (!p.level().mayParent(draft.level())) {
            throw new ValidationException(List.of(new FieldError("level", "NOT_UNDER_PARENT",
                    draft.level() + " cannot sit under " + p.level())));
        }
        String regionCode = draft.regionCode() == null ? null : draft.regionCode().strip();
        Long enterpriseId = null;
        try (Connection c = dataSource.getConnection()) {
            if (draft.level() == OrgLevel.ENTERPRISE) {
                String uscc = draft.enterpriseUscc() == null ? "" : draft.enterpriseUscc().strip().toUpperCase(java.util.Locale.ROOT);
                try (PreparedStatement s = c.prepareStatement("SELECT id, region_code, park_code FROM enterprise WHERE uscc = ?")) {
                    s.setString(1, uscc);
                    try (ResultSet rs = s.executeQuery()) {
                        if (!rs.next()) {
                            throw new ValidationException(List.of(new FieldError("enterpriseUscc", uscc.isEmpty() ? "REQUIRED" : "UNKNOWN",
                                    uscc.isEmpty() ? "is required" : "no registered enterprise has this code")));
                        }
                        enterpriseId = rs.getLong(1);
                        regionCode = rs.getString(2);
                        if (!p.scope().coversEnterprise(rs.getString(2), rs.getString(3), uscc)) {
                            throw new ValidationException(List.of(new FieldError("enterpriseUscc", "OUTSIDE_PARENT",
                                    "the enterprise is not in the parent organisation's region")));
                        }
                    }
                }
            } else {
                String level = regionLevel(c, regionCode);
                if (level == null) {
                    throw new ValidationException(List.of(new FieldError("regionCode", regionCode == null ? "REQUIRED" : "UNKNOWN",
                            regionCode == null ? "is required" : "no such region")));
                }
                if (!level.equals(draft.level().name())) {
                    throw new ValidationException(List.of(new FieldError("regionCode", "WRONG_LEVEL",
                            "is a " + level.toLowerCase(java.util.Locale.ROOT) + ", not a " + draft.level().name().toLowerCase(java.util.Locale.ROOT))));
                }
                if (!p.scope().coversRegion(regionCode)) {
                    throw new ValidationException(List.of(new FieldError("regionCode", "OUTSIDE_PARENT",
                            "is not within the parent organisation's region")));
                }
            }
            long id = insert(c, p.id(), name, draft.level(), regionCode, enterpriseId);
            onChange.run();
            return find(id).orElseThrow();
        } catch (SQLException e) {
            throw Jdbc.failure("creating an organisation", e);
        }
    }

    private static String regionLevel(Connection c, String code) throws SQLException {
        if (code == null || code.isEmpty()) {
            return null;
        }
        try (PreparedStatement s = c.prepareStatement("SELECT level FROM region WHERE code = ?")) {
            s.setString(1, code);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }

    private long insert(Connection c, Long parentId, String name, OrgLevel level, String regionCode, Long enterpriseId)
            throws SQLException {
        try (PreparedStatement s = c.prepareStatement("INSERT INTO organisation (parent_id, name, org_level, region_code, "
                + "enterprise_id, created_at) VALUES (?, ?, ?, ?, ?, ?)", Statement.RETURN_GENERATED_KEYS)) {
            s.setObject(1, parentId, java.sql.Types.BIGINT);
            s.setString(2, name);
            s.setString(3, level.name());
            s.setString(4, regionCode);
            s.setObject(5, enterpriseId, java.sql.Types.BIGINT);
            Jdbc.setInstant(s, 6, clock.instant());
            s.executeUpdate();
            try (ResultSet keys = s.getGeneratedKeys()) {
                keys.next();
                return keys.getLong(1);
            }
        }
    }

    @Override
    public Optional<Organisation> rename(Caller caller, long id, String name) {
        Optional<Organisation> existing = get(caller, id);
        if (existing.isEmpty()) {
            return Optional.empty();
        }
        requireAdministers(caller, existing.get());
        String clean = name == null ? "" : name.strip();
        if (clean.isEmpty() || clean.length() > 200) {
            throw new ValidationException(List.of(new FieldError("name", clean.isEmpty() ? "REQUIRED" : "TOO_LONG",
                    clean.isEmpty() ? "is required" : "must be at most 200 characters")));
        }
        execute("UPDATE organisation SET name = ? WHERE id = ?", clean, id);
        onChange.run();
        return find(id);
    }

    @Override
    public boolean delete(Caller caller, long id) {
        Optional<Organisation> existing = get(caller, id);
        if (existing.isEmpty()) {
            return false;
        }
        Organisation o = existing.get();
        requireAdministers(caller, o);
        if (o.parentId() == null) {
            throw new IllegalStateException("the national root organisation cannot be deleted");
        }
        if (o.id().equals(caller.organisationId())) {
            throw new IllegalStateException("you cannot delete your own organisation");
        }
        if (o.userCount() > 0 || !o.departments().isEmpty() || count("SELECT COUNT(*) FROM organisation WHERE parent_id = ?", id) > 0) {
            throw new IllegalStateException("organisation " + o.name() + " still has accounts, departments or organisations below it");
        }
        if (count("SELECT COUNT(*) FROM access_grant WHERE requester_org_id = ?", id) > 0) {
            throw new IllegalStateException("organisation " + o.name() + " has authorised-access records, which are kept");
        }
        execute("DELETE FROM organisation WHERE id = ?", id);
        onChange.run();
        return true;
    }

    @Override
    public Department addDepartment(Caller caller, long organisationId, String name) {
        Organisation o = get(caller, organisationId).orElseThrow(() -> new java.util.NoSuchElementException("no organisation " + organisationId));
        requireAdministers(caller, o);
        String clean = name == null ? "" : name.strip();
        if (clean.isEmpty() || clean.length() > 100) {
            throw new ValidationException(List.of(new FieldError("name", clean.isEmpty() ? "REQUIRED" : "TOO_LONG",
                    clean.isEmpty() ? "is required" : "must be at most 100 characters")));
        }
        if (o.departments().stream().anyMatch(d -> d.name().equals(clean))) {
            throw new ValidationException(List.of(new FieldError("name", "DUPLICATE", "this organisation already has this department")));
        }
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("INSERT INTO department (organisation_id, name) VALUES (?, ?)",
                        Statement.RETURN_GENERATED_KEYS)) {
            s.setLong(1, organisationId);
            s.setString(2, clean);
            s.executeUpdate();
            try (ResultSet keys = s.getGeneratedKeys()) {
                keys.next();
                return new Department(keys.getLong(1), organisationId, clean);
            }
        } catch (SQLException e) {
            throw Jdbc.failure("adding a department", e);
        }
    }

    @Override
    public boolean deleteDepartment(Caller caller, long organisationId, long departmentId) {
        Organisation o = get(caller, organisationId).orElseThrow(() -> new java.util.NoSuchElementException("no organisation " + organisationId));
        requireAdministers(caller, o);
        if (o.departments().stream().noneMatch(d -> d.id() == departmentId)) {
            return false;
        }
        if (count("SELECT COUNT(*) FROM app_user WHERE department_id = ?", departmentId) > 0) {
            throw new IllegalStateException("accounts still belong to this department");
        }
        execute("DELETE FROM department WHERE id = ?", departmentId);
        return true;
    }

    private static void requireAdministers(Caller caller, Organisation o) {
        if (!administers(caller, o)) {
            throw new SecurityException("organisation " + o.id() + " is outside what you administer");
        }
    }

    private Map<Long, List<Department>> departments() {
        Map<Long, List<Department>> byOrg = new HashMap<>();
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("SELECT id, organisation_id, name FROM department ORDER BY name");
                ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                byOrg.computeIfAbsent(rs.getLong(2), k -> new ArrayList<>()).add(new Department(rs.getLong(1), rs.getLong(2), rs.getString(3)));
            }
        } catch (SQLException e) {
            throw Jdbc.failure("listing departments", e);
        }
        return byOrg;
    }

    private static Organisation read(ResultSet rs, Map<Long, List<Department>> departments) throws SQLException {
        long parent = rs.getLong("parent_id");
        Long parentId = rs.wasNull() ? null : parent;
        OrgLevel level = OrgLevel.valueOf(rs.getString("org_level"));
        long id = rs.getLong("id");
        Instant created = Jdbc.getInstant(rs, "created_at");
        return new Organisation(id, parentId, rs.getString("name"), level, rs.getString("region_code"), rs.getString("full_name"),
                rs.getString("uscc"), rs.getString("enterprise_name"), rs.getString("park_code"), departments.getOrDefault(id, List.of()), rs.getInt("users"),
                created);
    }

    private long count(String sql, long id) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setLong(1, id);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw Jdbc.failure("counting", e);
        }
    }

    private void execute(String sql, Object... args) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            Jdbc.bind(s, List.of(args));
            s.executeUpdate();
        } catch (SQLException e) {
            throw Jdbc.failure("changing an organisation", e);
        }
    }
}
