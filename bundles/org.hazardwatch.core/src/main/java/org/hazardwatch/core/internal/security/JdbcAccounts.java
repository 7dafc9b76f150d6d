package org.hazardwatch.core.internal.security;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import org.hazardwatch.api.registry.FieldError;
import org.hazardwatch.api.registry.Page;
import org.hazardwatch.api.registry.ValidationException;
import org.hazardwatch.api.security.Account;
import org.hazardwatch.api.security.AccountDraft;
import org.hazardwatch.api.security.AccountService;
import org.hazardwatch.api.security.Caller;
import org.hazardwatch.api.security.OrgLevel;
import org.hazardwatch.api.security.Organisation;
import org.hazardwatch.api.security.Permission;
import org.hazardwatch.api.security.Role;
import org.hazardwatch.core.internal.auth.JdbcAuthService;
import org.hazardwatch.core.internal.db.Jdbc;

/**
 * Accounts and roles. An administrator sees and changes accounts of organisations within their scope, hands out only
 * roles whose permissions they hold, and cannot change their own roles or disable themselves. Roles themselves are
 * node-wide, so only administrators with national scope create, change or delete them.
 */
public class JdbcAccounts implements AccountService {

    private static final String USER_COLUMNS = "u.username, u.display_name, u.organisation_id, o.name AS org_name, o.org_level, "
            + "u.department_id, d.name AS dept_name, u.phone, u.email, u.enabled, u.totp_enabled, u.must_change_password, "
            + "u.locked_until, u.failed_logins, u.last_login_at, u.last_login_ip, u.created_at";
    private static final String USER_FROM = " FROM app_user u LEFT JOIN organisation o ON o.id = u.organisation_id "
            + "LEFT JOIN department d ON d.id = u.department_id";

    private final DataSource dataSource;
    private final JdbcOrganisations organisations;
    private final JdbcAuthService auth;
    private final Clock clock;
    private final Runnable onChange;

    public JdbcAccounts(DataSource dataSource, JdbcOrganisations organisations, JdbcAuthService auth, Clock clock,
            Runnable onChange) {
        this.dataSource = dataSource;
        this.organisations = organisations;
        this.auth = auth;
        this.clock = clock;
        this.onChange = onChange;
    }

    /** Creates or updates the built-in roles; returns their ids by code. */
    public Map<String, Long> syncBuiltInRoles() {
        Map<String, Long> ids = new HashMap<>();
        try (Connection c = dataSource.getConnection()) {
            Jdbc.inTransaction(c, () -> {
                for (BuiltInRoles.Definition role : BuiltInRoles.ALL) {
                    Long id = null;
                    try (PreparedStatement s = c.prepareStatement("SELECT id FROM app_role WHERE code = ?")) {
                        s.setString(1, role.code());
                        try (ResultSet rs = s.executeQuery()) {
                            if (rs.next()) {
                                id = rs.getLong(1);
                            }
                        }
                    }
                    if (id == null) {
                        try (PreparedStatement s = c.prepareStatement("INSERT INTO app_role (code, name, description) VALUES (?, ?, ?)",
                                Statement.RETURN_GENERATED_KEYS)) {
                            s.setString(1, role.code());
                            s.setString(2, role.name());
                            s.setString(3, role.description());
                            s.executeUpdate();
                            try (ResultSet keys = s.getGeneratedKeys()) {
                                keys.next();
                                id = keys.getLong(1);
                            }
                        }
                    } else {
                        try (PreparedStatement s = c.prepareStatement("UPDATE app_role SET name = ?, description = ? WHERE id = ?")) {
                            s.setString(1, role.name());
                            s.setString(2, role.description());
                            s.setLong(3, id);
                            s.executeUpdate();
                        }
                    }
                    writePermissions(c, id, role.permissions());
                    ids.put(role.code(), id);
                }
                return null;
            });
        } catch (SQLException e) {
            throw Jdbc.failure("creating the built-in roles", e);
        }
        onChange.run();
        return ids;
    }

    /** Puts accounts without an organisation (from before organisations existed) in the root with the given roles. */
    public int adoptOrphans(long rootId, List<Long> roleIds) {
        try (Connection c = dataSource.getConnection()) {
            return Jdbc.inTransaction(c, () -> {
                List<String> orphans = new ArrayList<>();
                try (PreparedStatement s = c.prepareStatement("SELECT username FROM app_user WHERE organisation_id IS NULL");
                        ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        orphans.add(rs.getString(1));
                    }
                }
                for (String username : orphans) {
                    try (PreparedStatement s = c.prepareStatement("UPDATE app_user SET organisation_id = ? WHERE username = ?")) {
                        s.setLong(1, rootId);
                        s.setString(2, username);
                        s.executeUpdate();
                    }
                    writeRoles(c, username, roleIds);
                }
                if (!orphans.isEmpty()) {
                    onChange.run();
                }
                return orphans.size();
            });
        } catch (SQLException e) {
            throw Jdbc.failure("placing accounts in the root organisation", e);
        }
    }

    // ---- accounts

    private Set<Long> visibleOrganisations(Caller caller) {
        return organisations.list(caller).stream().map(Organisation::id).collect(Collectors.toSet());
    }

    @Override
    public Page<Account> accounts(Caller caller, Long organisationId, String text, int page, int size) {
        Set<Long> visible = visibleOrganisations(caller);
        if (organisationId != null) {
            visible = visible.contains(organisationId) ? Set.of(organisationId) : Set.of();
        }
        if (visible.isEmpty()) {
            return new Page<>(0, page, size, List.of());
        }
        StringBuilder where = new StringBuilder(" WHERE u.organisation_id IN (")
                .append(visible.stream().map(id -> "?").collect(Collectors.joining(","))).append(")");
        List<Object> args = new ArrayList<>(visible);
        if (text != null && !text.isBlank()) {
            where.append(" AND (LOWER(u.username) LIKE ? OR LOWER(u.display_name) LIKE ?)");
            String like = "%" + text.strip().toLowerCase(java.util.Locale.ROOT).replace("%", "").replace("_", "") + "%";
            args.add(like);
            args.add(like);
        }
        try (Connection c = dataSource.getConnection()) {
            long total;
            try (PreparedStatement s = c.prepareStatement("SELECT COUNT(*)" + USER_FROM + where)) {
                Jdbc.bind(s, args);
                try (ResultSet rs = s.executeQuery()) {
                    rs.next();
                    total = rs.getLong(1);
                }
            }
            List<Object> paged = new ArrayList<>(args);
            paged.add(size);
            paged.add((long) page * size);
            List<Account> items = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement("SELECT " + USER_COLUMNS + USER_FROM + where
                    + " ORDER BY u.username LIMIT ? OFFSET ?")) {
                Jdbc.bind(s, paged);
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        items.add(readAccount(rs, List.of()));
                    }
                }
            }
            Map<String, List<Role>> roles = rolesOf(c, items.stream().map(Account::username).toList());
            return new Page<>(total, page, size, items.stream().map(a -> withRoles(a, roles.getOrDefault(a.username(), List.of()))).toList());
        } catch (SQLException e) {
            throw Jdbc.failure("listing accounts", e);
        }
    }

    @Override
    public Optional<Account> account(Caller caller, String username) {
        return find(username).filter(a -> a.organisationId() == null ? caller.scope().isAll()
                : visibleOrganisations(caller).contains(a.organisationId()));
    }

    /** An account by name regardless of scope (resolving callers). */
    public Optional<Account> find(String username) {
        if (username == null) {
            return Optional.empty();
        }
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("SELECT " + USER_COLUMNS + USER_FROM + " WHERE u.username = ?")) {
            s.setString(1, username);
            try (ResultSet rs = s.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                Account account = readAccount(rs, List.of());
                return Optional.of(withRoles(account, rolesOf(c, List.of(username)).getOrDefault(username, List.of())));
            }
        } catch (SQLException e) {
            throw Jdbc.failure("reading account " + username, e);
        }
    }

    @Override
    public Account create(Caller caller, AccountDraft draft) {
        List<FieldError> errors = new ArrayList<>();
        String username = draft.username() == null ? "" : draft.username().strip();
        if (username.isEmpty()) {
            errors.add(new FieldError("username", "REQUIRED", "is required"));
        } else if (!username.matches("[A-Za-z0-9_.@-]{3,64}")) {
            errors.add(new FieldError("username", "INVALID", "3-64 characters of A-Z a-z 0-9 _ . @ -"));
        } else if (find(username).isPresent()) {
            errors.add(new FieldError("username", "DUPLICATE", "is taken"));
        }
        if (draft.password() == null || draft.password().isEmpty()) {
            errors.add(new FieldError("password", "REQUIRED", "is required"));
        } else {
            try {
                auth.checkPolicy(username, draft.password().toCharArray());
            } catch (org.hazardwatch.api.auth.PasswordChangeException refused) {
                errors.add(new FieldError("password", refused.reason().name(), refused.getMessage()));
            }
        }
        Organisation organisation = checkDraft(caller, draft, errors, null);
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        try (Connection c = dataSource.getConnection()) {
            Jdbc.inTransaction(c, () -> {
                try (PreparedStatement s = c.prepareStatement("INSERT INTO app_user (username, password_hash, created_at, "
                        + "display_name, organisation_id, department_id, phone, email, enabled, must_change_password) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, TRUE)")) {
                    s.setString(1, username);
                    s.setString(2, "!");
                    Jdbc.setInstant(s, 3, clock.instant());
                    bindProfile(s, 4, draft, organisation);
                    s.setBoolean(9, draft.enabled() == null || draft.enabled());
                    s.executeUpdate();
                }
                writeRoles(c, username, roleIds(draft));
                return null;
            });
        } catch (SQLException e) {
            throw Jdbc.failure("creating account " + username, e);
        }
        auth.setPassword(username, draft.password().toCharArray(), true);
        onChange.run();
        return find(username).orElseThrow();
    }

    @Override
    public Optional<Account> update(Caller caller, String username, AccountDraft draft) {
        Optional<Account> existing = account(caller, username);
        if (existing.isEmpty()) {
            return Optional.empty();
        }
        requireAdministers(caller, existing.get());
        boolean self = username.equals(caller.username());
        List<FieldError> errors = new ArrayList<>();
        Organisation organisation = checkDraft(caller, draft, errors, existing.get());
        List<Long> newRoles = roleIds(draft);
        if (self && !new java.util.HashSet<>(newRoles).equals(existing.get().roles().stream().map(Role::id).collect(Collectors.toSet()))) {
            errors.add(new FieldError("roleIds", "OWN_ROLES", "you cannot change your own roles"));
        }
        if (self && Boolean.FALSE.equals(draft.enabled())) {
            errors.add(new FieldError("enabled", "OWN_ACCOUNT", "you cannot disable your own account"));
        }
        if (self && !organisation.id().equals(existing.get().organisationId())) {
            errors.add(new FieldError("organisationId", "OWN_ACCOUNT", "you cannot move your own account"));
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        boolean disabling = Boolean.FALSE.equals(draft.enabled()) && existing.get().enabled();
        try (Connection c = dataSource.getConnection()) {
            Jdbc.inTransaction(c, () -> {
                try (PreparedStatement s = c.prepareStatement("UPDATE app_user SET display_name = ?, organisation_id = ?, "
                        + "department_id = ?, phone = ?, email = ?, enabled = ? WHERE username = ?")) {
                    bindProfile(s, 1, draft, organisation);
                    s.setBoolean(6, draft.enabled() == null ? existing.get().enabled() : draft.enabled());
                    s.setString(7, username);
                    s.executeUpdate();
                }
                writeRoles(c, username, newRoles);
                return null;
            });
        } catch (SQLException e) {
            throw Jdbc.failure("changing account " + username, e);
        }
        if (disabling) {
            auth.logoutAll(username);
        }
        onChange.run();
        return find(username);
    }

    /** Validates organisation, department, profile fields and roles of a draft; returns the organisation. */
    private Organisation checkDraft(Caller caller, AccountDraft draft, List<FieldError> errors, Account existing) {
        Organisation organisation = null;
        if (draft.organisationId() == null) {
            errors.add(new FieldError("organisationId", "REQUIRED", "is required"));
        } else {
            organisation = organisations.get(caller, draft.organisationId()).orElse(null);
            if (organisation == null) {
                errors.add(new FieldError("organisationId", "UNKNOWN", "no such organisation"));
            } else if (!JdbcOrganisations.administers(caller, organisation)) {
                errors.add(new FieldError("organisationId", "OUTSIDE_SCOPE", "is outside what you administer"));
            } else if (draft.departmentId() != null && organisation.departments().stream().noneMatch(d -> d.id().equals(draft.departmentId()))) {
                errors.add(new FieldError("departmentId", "UNKNOWN", "is not a department of this organisation"));
            }
        }
        String displayName = draft.displayName() == null ? "" : draft.displayName().strip();
        if (displayName.isEmpty()) {
            errors.add(new FieldError("displayName", "REQUIRED", "is required"));
        } else if (displayName.length() > 100) {
            errors.add(new FieldError("displayName", "TOO_LONG", "must be at most 100 characters"));
        }
        if (draft.phone() != null && !draft.phone().isBlank() && !draft.phone().strip().matches("[0-9+() -]{5,40}")) {
            errors.add(new FieldError("phone", "INVALID", "digits, spaces and + ( ) - only"));
        }
        if (draft.email() != null && !draft.email().isBlank()
                && (draft.email().strip().length() > 200 || !draft.email().strip().matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+"))) {
            errors.add(new FieldError("email", "INVALID", "is not an e-mail address"));
        }
        Map<Long, Role> roles = new HashMap<>();
        roles(caller).forEach(r -> roles.put(r.id(), r));
        Set<Long> alreadyHeld = existing == null ? Set.of() : existing.roles().stream().map(Role::id).collect(Collectors.toSet());
        for (Long id : roleIds(draft)) {
            Role role = roles.get(id);
            if (role == null) {
                errors.add(new FieldError("roleIds", "UNKNOWN", "no role " + id));
            } else if (!alreadyHeld.contains(id) && !caller.permissions().containsAll(role.permissions())) {
                errors.add(new FieldError("roleIds", "BEYOND_OWN", "role " + role.name() + " has permissions you do not hold"));
            }
        }
        return organisation;
    }

    private static List<Long> roleIds(AccountDraft draft) {
        return draft.roleIds() == null ? List.of() : draft.roleIds().stream().filter(java.util.Objects::nonNull).distinct().toList();
    }

    private static void bindProfile(PreparedStatement s, int first, AccountDraft draft, Organisation organisation) throws SQLException {
        s.setString(first, draft.displayName().strip());
        s.setLong(first + 1, organisation.id());
        s.setObject(first + 2, draft.departmentId(), java.sql.Types.BIGINT);
        s.setString(first + 3, blankToNull(draft.phone()));
        s.setString(first + 4, blankToNull(draft.email()));
    }

    private void requireAdministers(Caller caller, Account account) {
        Organisation o = account.organisationId() == null ? null : organisations.find(account.organisationId()).orElse(null);
        if (o == null ? !caller.scope().isAll() || !caller.has(Permission.USER_ADMINISTER) : !JdbcOrganisations.administers(caller, o)) {
            throw new SecurityException("account " + account.username() + " is outside what you administer");
        }
    }

    @Override
    public Optional<Account> unlock(Caller caller, String username) {
        return adminAction(caller, username, () -> execute("UPDATE app_user SET failed_logins = 0, locked_until = NULL WHERE username = ?", username));
    }

    @Override
    public Optional<Account> resetPassword(Caller caller, String username, char[] password) {
        Optional<Account> account = account(caller, username);
        if (account.isEmpty()) {
            return account;
        }
        requireAdministers(caller, account.get());
        try {
            auth.checkPolicy(username, password);
        } catch (org.hazardwatch.api.auth.PasswordChangeException refused) {
            throw new ValidationException(List.of(new FieldError("password", refused.reason().name(), refused.getMessage())));
        }
        auth.setPassword(username, password, true);
        return find(username);
    }

    @Override
    public Optional<Account> resetTotp(Caller caller, String username) {
        return adminAction(caller, username, () -> auth.clearTotp(username));
    }

    @Override
    public boolean endSessions(Caller caller, String username) {
        return adminAction(caller, username, () -> auth.logoutAll(username)).isPresent();
    }

    private Optional<Account> adminAction(Caller caller, String username, Runnable action) {
        Optional<Account> account = account(caller, username);
        if (account.isEmpty()) {
            return account;
        }
        requireAdministers(caller, account.get());
        action.run();
        onChange.run();
        return find(username);
    }

    // ---- roles

    @Override
    public List<Role> roles(Caller caller) {
        try (Connection c = dataSource.getConnection()) {
            return new ArrayList<>(readRoles(c, null).values());
        } catch (SQLException e) {
            throw Jdbc.failure("listing roles", e);
        }
    }

    @Override
    public Optional<Role> role(Caller caller, long id) {
        try (Connection c = dataSource.getConnection()) {
            return Optional.ofNullable(readRoles(c, id).get(id));
        } catch (SQLException e) {
            throw Jdbc.failure("reading role " + id, e);
        }
    }

    @Override
    public Role createRole(Caller caller, Role role) {
        requireRoleAdministrator(caller);
        validateRole(caller, role, null);
        try (Connection c = dataSource.getConnection()) {
            long id = Jdbc.inTransaction(c, () -> {
                try (PreparedStatement s = c.prepareStatement("INSERT INTO app_role (code, name, description) VALUES (NULL, ?, ?)",
                        Statement.RETURN_GENERATED_KEYS)) {
                    s.setString(1, role.name().strip());
                    s.setString(2, blankToNull(role.description()));
                    s.executeUpdate();
                    try (ResultSet keys = s.getGeneratedKeys()) {
                        keys.next();
                        long created = keys.getLong(1);
                        writePermissions(c, created, role.permissions());
                        return created;
                    }
                }
            });
            onChange.run();
            return role(caller, id).orElseThrow();
        } catch (SQLException e) {
            throw Jdbc.failure("creating a role", e);
        }
    }

    @Override
    public Optional<Role> updateRole(Caller caller, long id, Role role) {
        Optional<Role> existing = role(caller, id);
        if (existing.isEmpty()) {
            return existing;
        }
        requireRoleAdministrator(caller);
        if (existing.get().builtIn()) {
            throw new IllegalStateException("built-in role " + existing.get().name() + " cannot be changed");
        }
        validateRole(caller, role, id);
        try (Connection c = dataSource.getConnection()) {
            Jdbc.inTransaction(c, () -> {
                try (PreparedStatement s = c.prepareStatement("UPDATE app_role SET name = ?, description = ? WHERE id = ?")) {
                    s.setString(1, role.name().strip());
                    s.setString(2, blankToNull(role.description()));
                    s.setLong(3, id);
                    s.executeUpdate();
                }
                writePermissions(c, id, role.permissions());
                return null;
            });
        } catch (SQLException e) {
            throw Jdbc.failure("changing role " + id, e);
        }
        onChange.run();
        return role(caller, id);
    }

    @Override
    public boolean deleteRole(Caller caller, long id) {
        Optional<Role> existing = role(caller, id);
        if (existing.isEmpty()) {
            return false;
        }
        requireRoleAdministrator(caller);
        if (existing.get().builtIn()) {
            throw new IllegalStateException("built-in role " + existing.get().name() + " cannot be deleted");
        }
        if (existing.get().userCount() > 0) {
            throw new IllegalStateException("role " + existing.get().name() + " is held by " + existing.get().userCount() + " accounts");
        }
        execute("DELETE FROM app_role WHERE id = ?", id);
        onChange.run();
        return true;
    }

    private static void requireRoleAdministrator(Caller caller) {
        if (!caller.has(Permission.USER_ADMINISTER) || !caller.scope().isAll()) {
            throw new SecurityException("roles are node-wide: only administrators with national scope change them");
        }
    }

    private void validateRole(Caller caller, Role role, Long id) {
        List<FieldError> errors = new ArrayList<>();
        String name = role.name() == null ? "" : role.name().strip();
        if (name.isEmpty()) {
            errors.add(new FieldError("name", "REQUIRED", "is required"));
        } else if (name.length() > 100) {
            errors.add(new FieldError("name", "TOO_LONG", "must be at most 100 characters"));
        } else if (roles(caller).stream().anyMatch(r -> r.name().equals(name) && !r.id().equals(id))) {
            errors.add(new FieldError("name", "DUPLICATE", "another role has this name"));
        }
        if (role.description() != null && role.description().length() > 300) {
            errors.add(new FieldError("description", "TOO_LONG", "must be at most 300 characters"));
        }
        if (role.permissions().isEmpty()) {
            errors.add(new FieldError("permissions", "REQUIRED", "choose at least one permission"));
        } else if (!caller.permissions().containsAll(role.permissions())) {
            EnumSet<Permission> beyond = EnumSet.copyOf(role.permissions());
            beyond.removeAll(caller.permissions());
            errors.add(new FieldError("permissions", "BEYOND_OWN", "you do not hold "
                    + beyond.stream().map(Permission::code).collect(Collectors.joining(", "))));
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
    }

    private static Map<Long, Role> readRoles(Connection c, Long only) throws SQLException {
        Map<Long, Set<Permission>> permissions = new HashMap<>();
        try (PreparedStatement s = c.prepareStatement("SELECT role_id, permission FROM role_permission"
                + (only == null ? "" : " WHERE role_id = ?"))) {
            if (only != null) {
                s.setLong(1, only);
            }
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    long roleId = rs.getLong(1);
                    Permission.ofCode(rs.getString(2))
                            .ifPresent(p -> permissions.computeIfAbsent(roleId, k -> EnumSet.noneOf(Permission.class)).add(p));
                }
            }
        }
        Map<Long, Role> roles = new LinkedHashMap<>();
        try (PreparedStatement s = c.prepareStatement("SELECT r.id, r.code, r.name, r.description, "
                + "(SELECT COUNT(*) FROM user_role ur WHERE ur.role_id = r.id) AS users FROM app_role r"
                + (only == null ? "" : " WHERE r.id = ?") + " ORDER BY CASE WHEN r.code IS NULL THEN 1 ELSE 0 END, r.id")) {
            if (only != null) {
                s.setLong(1, only);
            }
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    long id = rs.getLong("id");
                    roles.put(id, new Role(id, rs.getString("code"), rs.getString("name"), rs.getString("description"),
                            permissions.getOrDefault(id, Set.of()), rs.getInt("users")));
                }
            }
        }
        return roles;
    }

    private static Map<String, List<Role>> rolesOf(Connection c, List<String> usernames) throws SQLException {
        Map<String, List<Role>> byUser = new HashMap<>();
        if (usernames.isEmpty()) {
            return byUser;
        }
        Map<Long, Role> roles = readRoles(c, null);
        try (PreparedStatement s = c.prepareStatement("SELECT username, role_id FROM user_role WHERE username IN ("
                + usernames.stream().map(u -> "?").collect(Collectors.joining(",")) + ") ORDER BY role_id")) {
            Jdbc.bind(s, new ArrayList<>(usernames));
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    Role role = roles.get(rs.getLong(2));
                    if (role != null) {
                        byUser.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(role);
                    }
                }
            }
        }
        return byUser;
    }

    private static void writePermissions(Connection c, long roleId, Set<Permission> permissions) throws SQLException {
        try (PreparedStatement delete = c.prepareStatement("DELETE FROM role_permission WHERE role_id = ?")) {
            delete.setLong(1, roleId);
            delete.executeUpdate();
        }
        try (PreparedStatement insert = c.prepareStatement("INSERT INTO role_permission (role_id, permission) VALUES (?, ?)")) {
            for (Permission p : permissions) {
                insert.setLong(1, roleId);
                insert.setString(2, p.code());
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    private static void writeRoles(Connection c, String username, List<Long> roleIds) throws SQLException {
        try (PreparedStatement delete = c.prepareStatement("DELETE FROM user_role WHERE username = ?")) {
            delete.setString(1, username);
            delete.executeUpdate();
        }
        try (PreparedStatement insert = c.prepareStatement("INSERT INTO user_role (username, role_id) VALUES (?, ?)")) {
            for (Long id : roleIds) {
                insert.setString(1, username);
                insert.setLong(2, id);
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    private static Account readAccount(ResultSet rs, List<Role> roles) throws SQLException {
        long org = rs.getLong("organisation_id");
        Long orgId = rs.wasNull() ? null : org;
        long dept = rs.getLong("department_id");
        Long deptId = rs.wasNull() ? null : dept;
        String level = rs.getString("org_level");
        return new Account(rs.getString("username"), rs.getString("display_name"), orgId, rs.getString("org_name"),
                level == null ? null : OrgLevel.valueOf(level), deptId, rs.getString("dept_name"), rs.getString("phone"),
                rs.getString("email"), rs.getBoolean("enabled"), roles, rs.getBoolean("totp_enabled"),
                rs.getBoolean("must_change_password"), Jdbc.getInstant(rs, "locked_until"), rs.getInt("failed_logins"),
                Jdbc.getInstant(rs, "last_login_at"), rs.getString("last_login_ip"), Jdbc.getInstant(rs, "created_at"));
    }

    private static Account withRoles(Account a, List<Role> roles) {
        return new Account(a.username(), a.displayName(), a.organisationId(), a.organisationName(), a.level(), a.departmentId(),
                a.departmentName(), a.phone(), a.email(), a.enabled(), roles, a.totpEnabled(), a.mustChangePassword(),
                a.lockedUntil(), a.failedLogins(), a.lastLoginAt(), a.lastLoginIp(), a.createdAt());
    }

    private void execute(String sql, Object... args) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            Jdbc.bind(s, List.of(args));
            s.executeUpdate();
        } catch (SQLException e) {
            throw Jdbc.failure("changing an account", e);
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
