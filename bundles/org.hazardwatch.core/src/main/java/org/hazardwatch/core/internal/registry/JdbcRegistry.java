package org.hazardwatch.core.internal.registry;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import javax.sql.DataSource;

import org.hazardwatch.api.registry.Enterprise;
import org.hazardwatch.api.registry.EnterpriseStatus;
import org.hazardwatch.api.registry.FieldError;
import org.hazardwatch.api.registry.Industry;
import org.hazardwatch.api.registry.IndustryGroup;
import org.hazardwatch.api.registry.Page;
import org.hazardwatch.api.registry.Region;
import org.hazardwatch.api.registry.RegionLevel;
import org.hazardwatch.api.registry.RegionSummary;
import org.hazardwatch.api.registry.RegistryService;
import org.hazardwatch.api.registry.ValidationException;
import org.hazardwatch.core.internal.db.Jdbc;

/** Regions and enterprises in the database. A region's subtree is every code that starts with its code. */
public class JdbcRegistry implements RegistryService {

    private static final String ENTERPRISE_COLUMNS = "e.id, e.uscc, e.name, e.region_code, r.full_name AS region_name, "
            + "e.park_code, e.industry_code, e.industry_group, e.address, e.longitude, e.latitude, e.contact_name, "
            + "e.contact_phone, e.status, e.created_at, e.updated_at";

    private final DataSource dataSource;
    private final Clock clock;
    private final IndustryCatalog industries;

    public JdbcRegistry(DataSource dataSource, Clock clock) {
        this.dataSource = dataSource;
        this.clock = clock;
        this.industries = IndustryCatalog.load();
    }

    @Override
    public List<Industry> industries() {
        return industries.all();
    }

    @Override
    public List<RegionSummary> children(String parentCode) {
        record Child(String code, String name, RegionLevel level, String parentCode, boolean hasChildren) {
        }
        List<Child> children = new ArrayList<>();
        String sql = "SELECT r.code, r.name, r.level, r.parent_code, "
                + "(SELECT COUNT(*) FROM region c WHERE c.parent_code = r.code) AS children "
                + "FROM region r WHERE " + (parentCode == null ? "r.parent_code IS NULL" : "r.parent_code = ?") + " ORDER BY r.code";
        try (Connection c = dataSource.getConnection()) {
            try (PreparedStatement s = c.prepareStatement(sql)) {
                if (parentCode != null) {
                    s.setString(1, parentCode);
                }
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        children.add(new Child(rs.getString("code"), rs.getString("name"), RegionLevel.valueOf(rs.getString("level")),
                                rs.getString("parent_code"), rs.getLong("children") > 0));
                    }
                }
            }
            // one grouped count per kind of child instead of a count per child
            Map<String, Counts> byPrefix = new HashMap<>();
            Map<String, Counts> byPark = new HashMap<>();
            int length = children.stream().filter(ch -> ch.level() != RegionLevel.PARK).mapToInt(ch -> ch.code().length())
                    .findFirst().orElse(0);
            // enterprises and hazard sources are counted by two grouped queries: one joined count with DISTINCT
            // took three times as long on 50,000 enterprises
            if (length > 0) {
                String prefix = "SUBSTRING(e.region_code, 1, " + length + ")";
                String like = parentCode == null ? "%" : escapeLike(parentCode) + "%";
                Map<String, long[]> enterprises = groupedCounts(c, "SELECT " + prefix + ", COUNT(*), 0 FROM enterprise e "
                        + "WHERE e.region_code LIKE ? GROUP BY " + prefix, like);
                Map<String, long[]> sources = groupedCounts(c, "SELECT " + prefix + ", COUNT(*), "
                        + "COUNT(CASE WHEN hs.major THEN 1 END) FROM hazard_source hs JOIN enterprise e ON e.id = hs.enterprise_id "
                        + "WHERE e.region_code LIKE ? GROUP BY " + prefix, like);
                merge(byPrefix, enterprises, sources);
            }
            if (children.stream().anyMatch(ch -> ch.level() == RegionLevel.PARK)) {
                Map<String, long[]> enterprises = groupedCounts(c, "SELECT e.park_code, COUNT(*), 0 FROM enterprise e "
                        + "WHERE e.region_code = ? AND e.park_code IS NOT NULL GROUP BY e.park_code", parentCode);
                Map<String, long[]> sources = groupedCounts(c, "SELECT e.park_code, COUNT(*), COUNT(CASE WHEN hs.major THEN 1 END) "
                        + "FROM hazard_source hs JOIN enterprise e ON e.id = hs.enterprise_id "
                        + "WHERE e.region_code = ? AND e.park_code IS NOT NULL GROUP BY e.park_code", parentCode);
                merge(byPark, enterprises, sources);
            }
            List<RegionSummary> result = new ArrayList<>();
            Counts none = new Counts(0, 0, 0);
            for (Child ch : children) {
                Counts count = ch.level() == RegionLevel.PARK ? byPark.getOrDefault(ch.code(), none)
                        : byPrefix.getOrDefault(ch.code(), none);
                result.add(new RegionSummary(ch.code(), ch.name(), ch.level(), ch.parentCode(), count.enterprises(),
                        count.sources(), count.major(), ch.hasChildren()));
            }
            return result;
        } catch (SQLException e) {
            throw Jdbc.failure("listing regions under " + parentCode, e);
        }
    }

    private record Counts(long enterprises, long sources, long major) {
    }

    /** Key → {count, second count} of a grouped query with one string parameter. */
    private static Map<String, long[]> groupedCounts(Connection c, String sql, String parameter) throws SQLException {
        Map<String, long[]> counts = new HashMap<>();
        try (PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, parameter);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    counts.put(rs.getString(1), new long[] { rs.getLong(2), rs.getLong(3) });
                }
            }
        }
        return counts;
    }

    private static void merge(Map<String, Counts> target, Map<String, long[]> enterprises, Map<String, long[]> sources) {
        enterprises.forEach((key, e) -> {
            long[] hs = sources.getOrDefault(key, new long[2]);
            target.put(key, new Counts(e[0], hs[0], hs[1]));
        });
    }

    @Override
    public Optional<Region> region(String code) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("SELECT code, name, level, parent_code, full_name FROM region WHERE code = ?")) {
            s.setString(1, code);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? Optional.of(new Region(rs.getString("code"), rs.getString("name"),
                        RegionLevel.valueOf(rs.getString("level")), rs.getString("parent_code"), rs.getString("full_name")))
                        : Optional.empty();
            }
        } catch (SQLException e) {
            throw Jdbc.failure("reading region " + code, e);
        }
    }

    @Override
    public List<Region> path(String code) {
        List<Region> path = new ArrayList<>();
        Optional<Region> current = region(code);
        while (current.isPresent() && path.size() < 8) {
            path.add(current.get());
            current = current.get().parentCode() == null ? Optional.empty() : region(current.get().parentCode());
        }
        Collections.reverse(path);
        return path;
    }

    @Override
    public synchronized Region createPark(String countyCode, String name) {
        List<FieldError> errors = new ArrayList<>();
        Optional<Region> county = countyCode == null ? Optional.empty() : region(countyCode);
        if (county.isEmpty() || county.get().level() != RegionLevel.COUNTY) {
            errors.add(new FieldError("countyCode", "UNKNOWN_REGION", "'" + countyCode + "' is not a county-level region code"));
        }
        String parkName = name == null ? "" : name.strip();
        if (parkName.isEmpty()) {
            errors.add(new FieldError("name", "REQUIRED", "is required"));
        } else if (parkName.length() > 100) {
            errors.add(new FieldError("name", "TOO_LONG", "may have at most 100 characters"));
        }
        List<Region> parks = county.isEmpty() ? List.of() : parksOf(countyCode);
        if (parks.stream().anyMatch(p -> p.name().equals(parkName))) {
            errors.add(new FieldError("name", "DUPLICATE", "this county already has a park of that name"));
        }
        if (parks.size() >= 99) {
            errors.add(new FieldError("countyCode", "OUT_OF_RANGE", "a county can have at most 99 parks"));
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        int next = parks.stream().mapToInt(p -> Integer.parseInt(p.code().substring(p.code().length() - 2))).max().orElse(0) + 1;
        Region park = new Region(countyCode + "P" + String.format(Locale.ROOT, "%02d", next), parkName, RegionLevel.PARK, countyCode,
                county.get().fullName() + parkName);
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement(
                        "INSERT INTO region (code, name, level, parent_code, full_name) VALUES (?, ?, ?, ?, ?)")) {
            s.setString(1, park.code());
            s.setString(2, park.name());
            s.setString(3, park.level().name());
            s.setString(4, park.parentCode());
            s.setString(5, park.fullName());
            s.executeUpdate();
            return park;
        } catch (SQLException e) {
            throw Jdbc.failure("adding park " + parkName, e);
        }
    }

    private List<Region> parksOf(String countyCode) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement(
                        "SELECT code, name, level, parent_code, full_name FROM region WHERE parent_code = ? AND level = 'PARK'")) {
            s.setString(1, countyCode);
            try (ResultSet rs = s.executeQuery()) {
                List<Region> parks = new ArrayList<>();
                while (rs.next()) {
                    parks.add(new Region(rs.getString("code"), rs.getString("name"), RegionLevel.PARK,
                            rs.getString("parent_code"), rs.getString("full_name")));
                }
                return parks;
            }
        } catch (SQLException e) {
            throw Jdbc.failure("listing the parks of " + countyCode, e);
        }
    }

    @Override
    public Optional<Enterprise> enterprise(long id) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("SELECT " + ENTERPRISE_COLUMNS
                        + " FROM enterprise e JOIN region r ON r.code = e.region_code WHERE e.id = ?")) {
            s.setLong(1, id);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? Optional.of(map(rs)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw Jdbc.failure("reading enterprise " + id, e);
        }
    }

    @Override
    public Page<Enterprise> enterprises(org.hazardwatch.api.security.DataScope scope, String regionCode, String text, int page,
            int size) {
        StringBuilder where = new StringBuilder(" WHERE 1 = 1");
        List<String> parameters = new ArrayList<>();
        List<Object> scopeArgs = new ArrayList<>();
        where.append(org.hazardwatch.core.internal.db.ScopeSql.onEnterprise(scope, "e", scopeArgs));
        scopeArgs.forEach(a -> parameters.add((String) a));
        if (regionCode != null) {
            // a park's enterprises also sit in its county, so county and wider subtrees need only the code prefix
            if (region(regionCode).map(r -> r.level() == RegionLevel.PARK).orElse(false)) {
                where.append(" AND e.park_code = ?");
                parameters.add(regionCode);
            } else {
                where.append(" AND e.region_code LIKE ?");
                parameters.add(escapeLike(regionCode) + "%");
            }
        }
        if (text != null && !text.isBlank()) {
            where.append(" AND (LOWER(e.name) LIKE ? OR e.uscc LIKE ?)");
            String pattern = "%" + escapeLike(text.strip().toLowerCase(Locale.ROOT)) + "%";
            parameters.add(pattern);
            parameters.add("%" + escapeLike(text.strip().toUpperCase(Locale.ROOT)) + "%");
        }
        String from = " FROM enterprise e JOIN region r ON r.code = e.region_code" + where;
        try (Connection c = dataSource.getConnection()) {
            long total;
            try (PreparedStatement s = c.prepareStatement("SELECT COUNT(*)" + from)) {
                bind(s, parameters);
                try (ResultSet rs = s.executeQuery()) {
                    rs.next();
                    total = rs.getLong(1);
                }
            }
            List<Enterprise> items = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement("SELECT " + ENTERPRISE_COLUMNS + from
                    + " ORDER BY e.name, e.id LIMIT ? OFFSET ?")) {
                int next = bind(s, parameters);
                s.setInt(next, size);
                s.setLong(next + 1, (long) page * size);
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        items.add(map(rs));
                    }
                }
            }
            return new Page<>(total, page, size, items);
        } catch (SQLException e) {
            throw Jdbc.failure("searching enterprises", e);
        }
    }

    @Override
    public Enterprise create(Enterprise input) {
        Enterprise enterprise = normalized(input);
        List<FieldError> errors = validate(enterprise);
        if (errors.isEmpty() && usccTaken(enterprise.uscc(), null)) {
            errors.add(new FieldError("uscc", "USCC_DUPLICATE", "an enterprise with this code is already registered"));
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        try (Connection c = dataSource.getConnection()) {
            return enterprise(insert(c, enterprise, clock.instant())).orElseThrow();
        } catch (SQLException e) {
            if ("23505".equals(e.getSQLState())) { // registered by another writer since the check above
                throw new ValidationException(List.of(new FieldError("uscc", "USCC_DUPLICATE",
                        "an enterprise with this code is already registered")));
            }
            throw Jdbc.failure("registering enterprise " + enterprise.uscc(), e);
        }
    }

    @Override
    public Optional<Enterprise> update(long id, Enterprise input) {
        if (enterprise(id).isEmpty()) {
            return Optional.empty();
        }
        Enterprise enterprise = normalized(input);
        List<FieldError> errors = validate(enterprise);
        if (errors.isEmpty() && usccTaken(enterprise.uscc(), id)) {
            errors.add(new FieldError("uscc", "USCC_DUPLICATE", "an enterprise with this code is already registered"));
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        try (Connection c = dataSource.getConnection()) {
            update(c, id, enterprise, clock.instant());
            return enterprise(id);
        } catch (SQLException e) {
            throw Jdbc.failure("updating enterprise " + id, e);
        }
    }

    /** Checks a normalised enterprise (not the uniqueness of its USCC). */
    public List<FieldError> validate(Enterprise normalized) {
        return EnterpriseValidator.validate(normalized, this::region, industries);
    }

    /** Inserts a valid, normalised enterprise on the caller's connection; returns its id. */
    public static long insert(Connection c, Enterprise enterprise, Instant now) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("INSERT INTO enterprise (uscc, name, region_code, park_code, "
                + "industry_code, industry_group, address, longitude, latitude, contact_name, contact_phone, status, "
                + "created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                Statement.RETURN_GENERATED_KEYS)) {
            bindEnterprise(s, enterprise);
            Jdbc.setInstant(s, 13, now);
            Jdbc.setInstant(s, 14, now);
            s.executeUpdate();
            try (ResultSet keys = s.getGeneratedKeys()) {
                keys.next();
                return keys.getLong(1);
            }
        }
    }

    /** Replaces an enterprise's data on the caller's connection. */
    public static void update(Connection c, long id, Enterprise enterprise, Instant now) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("UPDATE enterprise SET uscc = ?, name = ?, region_code = ?, "
                + "park_code = ?, industry_code = ?, industry_group = ?, address = ?, longitude = ?, latitude = ?, "
                + "contact_name = ?, contact_phone = ?, status = ?, updated_at = ? WHERE id = ?")) {
            bindEnterprise(s, enterprise);
            Jdbc.setInstant(s, 13, now);
            s.setLong(14, id);
            s.executeUpdate();
        }
    }

    /** The id of the enterprise with this USCC, or null. */
    public static Long idByUscc(Connection c, String uscc) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT id FROM enterprise WHERE uscc = ?")) {
            s.setString(1, uscc);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? rs.getLong(1) : null;
            }
        }
    }

    /** Trims text, uppercases the code, defaults the status to OPERATING. */
    public static Enterprise normalized(Enterprise e) {
        return new Enterprise(null, trim(e.uscc() == null ? null : e.uscc().toUpperCase(Locale.ROOT)), trim(e.name()),
                trim(e.regionCode()), null, trim(e.parkCode()), trim(e.industryCode()), e.industryGroup(), trim(e.address()),
                e.longitude(), e.latitude(), trim(e.contactName()), trim(e.contactPhone()),
                e.status() == null ? EnterpriseStatus.OPERATING : e.status(), null, null);
    }

    private static String trim(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private boolean usccTaken(String uscc, Long exceptId) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("SELECT id FROM enterprise WHERE uscc = ?")) {
            s.setString(1, uscc);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() && (exceptId == null || rs.getLong(1) != exceptId);
            }
        } catch (SQLException e) {
            throw Jdbc.failure("checking code " + uscc, e);
        }
    }

    private static void bindEnterprise(PreparedStatement s, Enterprise e) throws SQLException {
        s.setString(1, e.uscc());
        s.setString(2, e.name());
        s.setString(3, e.regionCode());
        s.setString(4, e.parkCode());
        s.setString(5, e.industryCode());
        s.setString(6, e.industryGroup().name());
        s.setString(7, e.address());
        Jdbc.setNullableDouble(s, 8, e.longitude());
        Jdbc.setNullableDouble(s, 9, e.latitude());
        s.setString(10, e.contactName());
        s.setString(11, e.contactPhone());
        s.setString(12, e.status().name());
    }

    private static int bind(PreparedStatement s, List<String> parameters) throws SQLException {
        int i = 1;
        for (String parameter : parameters) {
            s.setString(i++, parameter);
        }
        return i;
    }

    /** LIKE patterns treat % and _ as wildcards; the default escape character is a backslash on H2 and PostgreSQL. */
    public static String escapeLike(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    private static Enterprise map(ResultSet rs) throws SQLException {
        return new Enterprise(rs.getLong("id"), rs.getString("uscc"), rs.getString("name"), rs.getString("region_code"),
                rs.getString("region_name"), rs.getString("park_code"), rs.getString("industry_code"),
                IndustryGroup.valueOf(rs.getString("industry_group")), rs.getString("address"),
                Jdbc.getNullableDouble(rs, "longitude"), Jdbc.getNullableDouble(rs, "latitude"), rs.getString("contact_name"),
                rs.getString("contact_phone"), EnterpriseStatus.valueOf(rs.getString("status")),
                Jdbc.getInstant(rs, "created_at"), Jdbc.getInstant(rs, "updated_at"));
    }
}
