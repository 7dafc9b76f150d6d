package org.hazardwatch.core.internal.security;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import javax.sql.DataSource;

import org.hazardwatch.api.security.AccessControl;
import org.hazardwatch.api.security.Account;
import org.hazardwatch.api.security.Caller;
import org.hazardwatch.api.security.Organisation;
import org.hazardwatch.api.security.Permission;
import org.hazardwatch.api.security.Role;
import org.hazardwatch.core.internal.db.Jdbc;

/**
 * Resolves callers and locates enterprises by USCC. Both are cached for a few seconds (every request resolves its
 * caller) and dropped at once on changes made through this node; changes made on a peer node show within
 * {@link #TTL}.
 */
public class CallerDirectory implements AccessControl {

    static final Duration TTL = Duration.ofSeconds(10);
    private static final Duration MISS_RELOAD = Duration.ofSeconds(2);

    private record Cached(Caller caller, Instant loadedAt) {
    }

    private record Location(String regionCode, String parkCode) {
    }

    private final DataSource dataSource;
    private final JdbcAccounts accounts;
    private final JdbcOrganisations organisations;
    private final JdbcAccessGrants grants;
    private final Clock clock;
    private final Map<String, Cached> callers = new ConcurrentHashMap<>();
    private volatile Map<String, Location> enterprises = Map.of();
    private volatile Instant enterprisesLoadedAt = Instant.EPOCH;

    public CallerDirectory(DataSource dataSource, JdbcAccounts accounts, JdbcOrganisations organisations, JdbcAccessGrants grants,
            Clock clock) {
        this.dataSource = dataSource;
        this.accounts = accounts;
        this.organisations = organisations;
        this.grants = grants;
        this.clock = clock;
    }

    @Override
    public Optional<Caller> caller(String username) {
        if (username == null) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        Cached cached = callers.get(username);
        if (cached != null && cached.loadedAt().plus(TTL).isAfter(now)) {
            return Optional.ofNullable(cached.caller());
        }
        Caller caller = load(username);
        callers.put(username, new Cached(caller, now));
        return Optional.ofNullable(caller);
    }

    private Caller load(String username) {
        Optional<Account> account = accounts.find(username);
        if (account.isEmpty() || !account.get().enabled() || account.get().organisationId() == null) {
            return null;
        }
        Optional<Organisation> organisation = organisations.find(account.get().organisationId());
        if (organisation.isEmpty()) {
            return null;
        }
        Set<Permission> permissions = EnumSet.noneOf(Permission.class);
        for (Role role : account.get().roles()) {
            permissions.addAll(role.permissions());
        }
        Organisation o = organisation.get();
        Set<String> live = o.level().needsGrantForLive() ? grants.activeRegions(username) : Set.of();
        return new Caller(username, account.get().displayName(), o.id(), o.name(), o.level(), o.scope(), permissions, live);
    }

    @Override
    public boolean sees(Caller caller, String enterpriseCode) {
        if (caller.scope().isAll()) {
            return true;
        }
        Location location = locate(enterpriseCode);
        return location != null && caller.sees(location.regionCode(), location.parkCode(), enterpriseCode);
    }

    @Override
    public boolean seesLive(Caller caller, String enterpriseCode) {
        Location location = locate(enterpriseCode);
        if (location == null) {
            // points of enterprises not in the registry: only national scope with live rights
            return caller.scope().isAll() && caller.has(Permission.MONITORING_VIEW)
                    && (!caller.level().needsGrantForLive() || caller.has(Permission.MONITORING_LIVE_ALL));
        }
        return caller.seesLive(location.regionCode(), location.parkCode(), enterpriseCode);
    }

    @Override
    public Optional<String> liveGrantUsed(Caller caller, String enterpriseCode) {
        if (!caller.level().needsGrantForLive() || !seesLive(caller, enterpriseCode)) {
            return Optional.empty();
        }
        if (caller.has(Permission.MONITORING_LIVE_ALL)) {
            return Optional.of(Permission.MONITORING_LIVE_ALL.code());
        }
        Location location = locate(enterpriseCode);
        return location == null ? Optional.empty()
                : Optional.ofNullable(caller.liveGrantFor(location.regionCode(), location.parkCode())).map(code -> "grant:" + code);
    }

    @Override
    public void invalidate() {
        callers.clear();
        enterprisesLoadedAt = Instant.EPOCH;
    }

    private Location locate(String uscc) {
        if (uscc == null) {
            return null;
        }
        Instant now = clock.instant();
        Map<String, Location> current = enterprises;
        Location location = current.get(uscc);
        boolean stale = enterprisesLoadedAt.plus(TTL.multipliedBy(3)).isBefore(now);
        boolean missReload = location == null && enterprisesLoadedAt.plus(MISS_RELOAD).isBefore(now);
        if (stale || missReload) {
            current = loadEnterprises();
            enterprises = current;
            enterprisesLoadedAt = now;
            location = current.get(uscc);
        }
        return location;
    }

    private Map<String, Location> loadEnterprises() {
        Map<String, Location> map = new HashMap<>();
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("SELECT uscc, region_code, park_code FROM enterprise");
                ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                map.put(rs.getString(1), new Location(rs.getString(2), rs.getString(3)));
            }
        } catch (SQLException e) {
            throw Jdbc.failure("locating enterprises", e);
        }
        return Map.copyOf(map);
    }
}
