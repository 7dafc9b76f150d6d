package org.hazardwatch.core.internal.hazard;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

import org.hazardwatch.core.internal.db.Jdbc;

/**
 * Writes the registry's history (table {@code hazard_source_history}): every state a hazard source had, keyed by
 * enterprise USCC and source code (the same at every level, unlike row ids), from when. Past-year statistics read
 * the state that was valid then. Each writer of {@code hazard_source} calls it in its own transaction.
 */
public final class HazardSourceHistory {

    /** A hazard source's identity across nodes. */
    public record Key(String uscc, String code) {
    }

    private static final String CURRENT = "SELECT e.uscc, s.code, s.major, s.status, s.grade, COALESCE(s.accident_types, s.derived_accident_types) "
            + "AS types, s.potential_deaths, e.region_code, e.park_code, e.industry_code, e.name AS enterprise_name, s.name AS source_name "
            + "FROM hazard_source s JOIN enterprise e ON e.id = s.enterprise_id WHERE s.id = ?";
    private static final String COLUMNS = "uscc, code, valid_from, standing, status, grade, accident_types, potential_deaths, region_code, "
            + "park_code, industry_code, enterprise_name, source_name";

    private HazardSourceHistory() {
    }

    /** The key a source has now, or null when there is no such source. */
    public static Key keyOf(Connection c, long sourceId) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(CURRENT)) {
            s.setLong(1, sourceId);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? new Key(rs.getString("uscc").strip(), rs.getString("code")) : null;
            }
        }
    }

    /**
     * Records the source's current state from {@code at}, unless it is the state already recorded. {@code previous}
     * is the key it had before a change that may have renamed it (the old key then ends here); null when new.
     */
    public static void record(Connection c, long sourceId, Instant at, Key previous) throws SQLException {
        List<Object> state;
        try (PreparedStatement s = c.prepareStatement(CURRENT)) {
            s.setLong(1, sourceId);
            try (ResultSet rs = s.executeQuery()) {
                if (!rs.next()) {
                    return;
                }
                String status = rs.getString("status");
                boolean standing = rs.getBoolean("major") && !"DEREGISTERED".equals(status);
                Integer grade = rs.getObject("grade") == null ? null : rs.getInt("grade");
                Integer deaths = rs.getObject("potential_deaths") == null ? null : rs.getInt("potential_deaths");
                String types = rs.getString("types");
                state = Arrays.asList(rs.getString("uscc").strip(), rs.getString("code"), at, standing, status, grade, types == null ? "" : types,
                        deaths, rs.getString("region_code"), rs.getString("park_code"), rs.getString("industry_code"),
                        rs.getString("enterprise_name"), rs.getString("source_name"));
            }
        }
        Key key = new Key((String) state.get(0), (String) state.get(1));
        if (previous != null && !previous.equals(key)) {
            end(c, previous, at);
        }
        List<Object> last = latest(c, key);
        if (last != null && sameState(last, state)) {
            return;
        }
        insert(c, state);
    }

    /** Records that the source stops being one from {@code at} (deleted, or renamed). */
    public static void end(Connection c, Key key, Instant at) throws SQLException {
        List<Object> last = latest(c, key);
        if (last == null || !(Boolean) last.get(3) && "DELETED".equals(last.get(4))) {
            return;
        }
        List<Object> gone = new java.util.ArrayList<>(last);
        gone.set(2, at);
        gone.set(3, false);
        gone.set(4, "DELETED");
        insert(c, gone);
    }

    private static List<Object> latest(Connection c, Key key) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT " + COLUMNS + " FROM hazard_source_history WHERE uscc = ? AND code = ? "
                + "ORDER BY valid_from DESC, id DESC LIMIT 1")) {
            s.setString(1, key.uscc());
            s.setString(2, key.code());
            try (ResultSet rs = s.executeQuery()) {
                if (!rs.next()) {
                    return null;
                }
                return Arrays.asList(rs.getString("uscc").strip(), rs.getString("code"), Jdbc.getInstant(rs, "valid_from"), rs.getBoolean("standing"),
                        rs.getString("status"), rs.getObject("grade") == null ? null : rs.getInt("grade"), rs.getString("accident_types"),
                        rs.getObject("potential_deaths") == null ? null : rs.getInt("potential_deaths"), rs.getString("region_code"),
                        rs.getString("park_code"), rs.getString("industry_code"), rs.getString("enterprise_name"), rs.getString("source_name"));
            }
        }
    }

    /** Equal in everything but the time. */
    private static boolean sameState(List<Object> a, List<Object> b) {
        for (int i = 0; i < a.size(); i++) {
            if (i != 2 && !Objects.equals(a.get(i), b.get(i))) {
                return false;
            }
        }
        return true;
    }

    private static void insert(Connection c, List<Object> state) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("INSERT INTO hazard_source_history (" + COLUMNS
                + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            Jdbc.bind(s, state);
            s.executeUpdate();
        }
    }
}
