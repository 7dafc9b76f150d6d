package org.hazardwatch.core.internal.security;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import javax.sql.DataSource;

import org.hazardwatch.api.registry.FieldError;
import org.hazardwatch.api.registry.ValidationException;
import org.hazardwatch.api.security.AccessGrant;
import org.hazardwatch.api.security.AccessGrant.Status;
import org.hazardwatch.api.security.AccessGrantService;
import org.hazardwatch.api.security.Caller;
import org.hazardwatch.api.security.DeclaredIncident;
import org.hazardwatch.api.security.OrgLevel;
import org.hazardwatch.api.security.Permission;
import org.hazardwatch.core.internal.db.Jdbc;

/**
 * Authorised upper-level access (C3). Requests name a county or park; the county side (an approver whose scope holds
 * that region, at county or park level) decides. While the county or park has an open declared incident, requests for
 * it are granted at once by policy, recorded with the incident. Every step is in the audit log (the REST layer writes
 * it), and every use of a grant too.
 */
public class JdbcAccessGrants implements AccessGrantService {

    private static final String SELECT = "SELECT g.id, g.requester, o.name AS org_name, g.region_code, r.full_name, g.reason, "
            + "g.hours, g.status, g.incident_id, g.decided_by, g.decided_at, g.decision_note, g.requested_at, g.valid_until "
            + "FROM access_grant g JOIN region r ON r.code = g.region_code LEFT JOIN organisation o ON o.id = g.requester_org_id";

    private final DataSource dataSource;
    private final Clock clock;
    private final Runnable onChange;

    public JdbcAccessGrants(DataSource dataSource, Clock clock, Runnable onChange) {
        this.dataSource = dataSource;
        this.clock = clock;
        this.onChange = onChange;
    }

    /** Region codes of the grants a user holds now. */
    public Set<String> activeRegions(String username) {
        Set<String> regions = new TreeSet<>();
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement(
                        "SELECT region_code FROM access_grant WHERE requester = ? AND status = 'GRANTED' AND valid_until > ?")) {
            s.setString(1, username);
            Jdbc.setInstant(s, 2, clock.instant());
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    regions.add(rs.getString(1));
                }
            }
        } catch (SQLException e) {
            throw Jdbc.failure("reading the grants of " + username, e);
        }
        return regions;
    }

    /** Whether the caller decides requests for this region: an approver at county or park level whose scope holds it. */
    static boolean decides(Caller caller, String regionCode) {
        return caller.has(Permission.ACCESS_APPROVE) && (caller.level() == OrgLevel.COUNTY || caller.level() == OrgLevel.PARK)
                && caller.scope().coversRegion(regionCode)
                || caller.has(Permission.ACCESS_APPROVE) && caller.scope().isAll() && caller.organisationId() == null;
    }

    @Override
    public List<AccessGrant> list(Caller caller, Status status) {
        List<AccessGrant> visible = new ArrayList<>();
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement(SELECT + " ORDER BY g.requested_at DESC, g.id DESC");
                ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                AccessGrant grant = read(rs);
                if ((grant.requester().equals(caller.username()) || decides(caller, grant.regionCode()))
                        && (status == null || grant.status() == status)) {
                    visible.add(grant);
                }
            }
        } catch (SQLException e) {
            throw Jdbc.failure("listing access grants", e);
        }
        return visible;
    }

    @Override
    public Optional<AccessGrant> get(Caller caller, long id) {
        return find(id).filter(g -> g.requester().equals(caller.username()) || decides(caller, g.regionCode()));
    }

    private Optional<AccessGrant> find(long id) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(SELECT + " WHERE g.id = ?")) {
            s.setLong(1, id);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? Optional.of(read(rs)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw Jdbc.failure("reading access grant " + id, e);
        }
    }

    @Override
    public AccessGrant request(Caller caller, String regionCode, String reason, int hours) {
        if (!caller.has(Permission.ACCESS_REQUEST)) {
            throw new SecurityException("requesting access needs " + Permission.ACCESS_REQUEST.code());
        }
        if (!caller.level().needsGrantForLive()) {
            throw new IllegalStateException("your organisation sees the live data of its own region without a request");
        }
        List<FieldError> errors = new ArrayList<>();
        String region = regionCode == null ? "" : regionCode.strip();
        String level = regionLevel(region);
        if (region.isEmpty()) {
            errors.add(new FieldError("regionCode", "REQUIRED", "is required"));
        } else if (level == null || !caller.scope().coversRegion(region)) {
            errors.add(new FieldError("regionCode", "UNKNOWN", "no such region in your scope"));
        } else if (!level.equals("COUNTY") && !level.equals("PARK")) {
            errors.add(new FieldError("regionCode", "NOT_COUNTY", "access is granted per county or chemical park"));
        }
        String why = reason == null ? "" : reason.strip();
        if (why.length() < 4) {
            errors.add(new FieldError("reason", why.isEmpty() ? "REQUIRED" : "TOO_SHORT", "say why (at least 4 characters)"));
        } else if (why.length() > 500) {
            errors.add(new FieldError("reason", "TOO_LONG", "must be at most 500 characters"));
        }
        if (hours < 1 || hours > MAX_HOURS) {
            errors.add(new FieldError("hours", "OUT_OF_RANGE", "must be 1-" + MAX_HOURS));
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        Instant now = clock.instant();
        Optional<DeclaredIncident> incident = openIncidentCovering(region);
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("INSERT INTO access_grant (requester, requester_org_id, region_code, "
                        + "reason, hours, status, incident_id, decided_by, decided_at, decision_note, requested_at, valid_until) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", Statement.RETURN_GENERATED_KEYS)) {
            s.setString(1, caller.username());
            s.setObject(2, caller.organisationId(), java.sql.Types.BIGINT);
            s.setString(3, region);
            s.setString(4, why);
            s.setInt(5, hours);
            s.setString(6, incident.isPresent() ? Status.GRANTED.name() : Status.PENDING.name());
            s.setObject(7, incident.map(DeclaredIncident::id).orElse(null), java.sql.Types.BIGINT);
            s.setString(8, incident.isPresent() ? "policy" : null);
            Jdbc.setInstant(s, 9, incident.isPresent() ? now : null);
            s.setString(10, incident.map(i -> "granted by policy: declared incident \"" + i.title() + "\"").orElse(null));
            Jdbc.setInstant(s, 11, now);
            Jdbc.setInstant(s, 12, incident.isPresent() ? now.plus(Duration.ofHours(hours)) : null);
            s.executeUpdate();
            try (ResultSet keys = s.getGeneratedKeys()) {
                keys.next();
                long id = keys.getLong(1);
                onChange.run();
                return find(id).orElseThrow();
            }
        } catch (SQLException e) {
            throw Jdbc.failure("requesting access", e);
        }
    }

    @Override
    public AccessGrant decide(Caller caller, long id, boolean grant, Integer hours, String note) {
        AccessGrant existing = decidable(caller, id);
        if (existing.status() != Status.PENDING) {
            throw new IllegalStateException("request " + id + " is " + existing.status() + ", not pending");
        }
        int granted = hours == null ? existing.hours() : hours;
        if (grant && (granted < 1 || granted > existing.hours())) {
            throw new ValidationException(List.of(new FieldError("hours", "OUT_OF_RANGE", "must be 1-" + existing.hours())));
        }
        Instant now = clock.instant();
        update(id, grant ? Status.GRANTED : Status.DENIED, caller.username(), now, note, grant ? now.plus(Duration.ofHours(granted)) : null,
                grant ? granted : existing.hours());
        return find(id).orElseThrow();
    }

    @Override
    public AccessGrant revoke(Caller caller, long id, String note) {
        AccessGrant existing = find(id).orElseThrow(() -> new NoSuchElementException("no access request " + id));
        boolean own = existing.requester().equals(caller.username());
        if (!own && !decides(caller, existing.regionCode())) {
            throw new NoSuchElementException("no access request " + id);
        }
        if (!existing.activeAt(clock.instant()) && existing.status() != Status.PENDING) {
            throw new IllegalStateException("request " + id + " is " + existing.status() + ": nothing to end");
        }
        update(id, Status.REVOKED, caller.username(), clock.instant(), note, clock.instant(), existing.hours());
        return find(id).orElseThrow();
    }

    private AccessGrant decidable(Caller caller, long id) {
        AccessGrant existing = get(caller, id).orElseThrow(() -> new NoSuchElementException("no access request " + id));
        if (!decides(caller, existing.regionCode())) {
            throw new SecurityException("request " + id + " is decided by the county or park it names");
        }
        return existing;
    }

    private void update(long id, Status status, String by, Instant at, String note, Instant validUntil, int hours) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("UPDATE access_grant SET status = ?, decided_by = ?, decided_at = ?, "
                        + "decision_note = ?, valid_until = ?, hours = ? WHERE id = ?")) {
            s.setString(1, status.name());
            s.setString(2, by);
            Jdbc.setInstant(s, 3, at);
            s.setString(4, note == null || note.isBlank() ? null : note.strip().substring(0, Math.min(500, note.strip().length())));
            Jdbc.setInstant(s, 5, validUntil);
            s.setInt(6, hours);
            s.setLong(7, id);
            s.executeUpdate();
        } catch (SQLException e) {
            throw Jdbc.failure("deciding access request " + id, e);
        }
        onChange.run();
    }

    // ---- incidents

    @Override
    public List<DeclaredIncident> incidents(Caller caller, boolean openOnly) {
        List<DeclaredIncident> incidents = new ArrayList<>();
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("SELECT i.id, i.region_code, r.full_name, i.title, i.declared_by, "
                        + "i.declared_at, i.ended_by, i.ended_at FROM declared_incident i JOIN region r ON r.code = i.region_code"
                        + (openOnly ? " WHERE i.ended_at IS NULL" : "") + " ORDER BY i.declared_at DESC");
                ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                DeclaredIncident incident = readIncident(rs);
                if (caller.scope().coversRegion(incident.regionCode())) {
                    incidents.add(incident);
                }
            }
        } catch (SQLException e) {
            throw Jdbc.failure("listing incidents", e);
        }
        return incidents;
    }

    @Override
    public DeclaredIncident declare(Caller caller, String regionCode, String title) {
        String region = regionCode == null ? "" : regionCode.strip();
        List<FieldError> errors = new ArrayList<>();
        String level = regionLevel(region);
        if (level == null || !("COUNTY".equals(level) || "PARK".equals(level))) {
            errors.add(new FieldError("regionCode", region.isEmpty() ? "REQUIRED" : "NOT_COUNTY", "a county or park is required"));
        } else if (!decides(caller, region)) {
            throw new SecurityException("incidents are declared by the county or park concerned");
        }
        String clean = title == null ? "" : title.strip();
        if (clean.isEmpty() || clean.length() > 200) {
            errors.add(new FieldError("title", clean.isEmpty() ? "REQUIRED" : "TOO_LONG", "1-200 characters"));
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("INSERT INTO declared_incident (region_code, title, declared_by, declared_at) "
                        + "VALUES (?, ?, ?, ?)", Statement.RETURN_GENERATED_KEYS)) {
            s.setString(1, region);
            s.setString(2, clean);
            s.setString(3, caller.username());
            Jdbc.setInstant(s, 4, clock.instant());
            s.executeUpdate();
            try (ResultSet keys = s.getGeneratedKeys()) {
                keys.next();
                long id = keys.getLong(1);
                return incidents(caller, false).stream().filter(i -> i.id() == id).findFirst().orElseThrow();
            }
        } catch (SQLException e) {
            throw Jdbc.failure("declaring an incident", e);
        }
    }

    @Override
    public DeclaredIncident end(Caller caller, long id) {
        DeclaredIncident incident = incidents(caller, false).stream().filter(i -> i.id() == id).findFirst()
                .orElseThrow(() -> new NoSuchElementException("no incident " + id));
        if (!decides(caller, incident.regionCode())) {
            throw new SecurityException("incidents are ended by the county or park concerned");
        }
        if (!incident.open()) {
            throw new IllegalStateException("incident " + id + " has ended already");
        }
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("UPDATE declared_incident SET ended_by = ?, ended_at = ? WHERE id = ?")) {
            s.setString(1, caller.username());
            Jdbc.setInstant(s, 2, clock.instant());
            s.setLong(3, id);
            s.executeUpdate();
        } catch (SQLException e) {
            throw Jdbc.failure("ending incident " + id, e);
        }
        return incidents(caller, false).stream().filter(i -> i.id() == id).findFirst().orElseThrow();
    }

    /** An open incident of the region itself, of the county a park lies in, or of a park in the county asked for. */
    private Optional<DeclaredIncident> openIncidentCovering(String region) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("SELECT i.id, i.region_code, r.full_name, i.title, i.declared_by, "
                        + "i.declared_at, i.ended_by, i.ended_at FROM declared_incident i JOIN region r ON r.code = i.region_code "
                        + "WHERE i.ended_at IS NULL AND (i.region_code = ? OR i.region_code = ?) ORDER BY i.declared_at")) {
            s.setString(1, region);
            s.setString(2, region.length() > 6 ? region.substring(0, 6) : region);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? Optional.of(readIncident(rs)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw Jdbc.failure("looking for declared incidents", e);
        }
    }

    private String regionLevel(String code) {
        if (code == null || code.isEmpty()) {
            return null;
        }
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("SELECT level FROM region WHERE code = ?")) {
            s.setString(1, code);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        } catch (SQLException e) {
            throw Jdbc.failure("reading region " + code, e);
        }
    }

    private AccessGrant read(ResultSet rs) throws SQLException {
        long incident = rs.getLong("incident_id");
        Long incidentId = rs.wasNull() ? null : incident;
        Status status = Status.valueOf(rs.getString("status"));
        Instant validUntil = Jdbc.getInstant(rs, "valid_until");
        if (status == Status.GRANTED && validUntil != null && !validUntil.isAfter(clock.instant())) {
            status = Status.EXPIRED;
        }
        return new AccessGrant(rs.getLong("id"), rs.getString("requester"), rs.getString("org_name"), rs.getString("region_code"),
                rs.getString("full_name"), rs.getString("reason"), rs.getInt("hours"), status, incidentId, rs.getString("decided_by"),
                Jdbc.getInstant(rs, "decided_at"), rs.getString("decision_note"), Jdbc.getInstant(rs, "requested_at"), validUntil);
    }

    private static DeclaredIncident readIncident(ResultSet rs) throws SQLException {
        return new DeclaredIncident(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                Jdbc.getInstant(rs, "declared_at"), rs.getString(7), Jdbc.getInstant(rs, "ended_at"));
    }
}
