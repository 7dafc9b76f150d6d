package org.hazardwatch.core.internal.db;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import javax.sql.DataSource;

import org.hazardwatch.api.model.Alarm;
import org.hazardwatch.api.model.AlarmKind;
import org.hazardwatch.api.model.AlarmPriority;
import org.hazardwatch.api.model.AlarmState;
import org.hazardwatch.api.store.AlarmStore;

public class JdbcAlarmStore implements AlarmStore {

    private static final String COLUMNS = "id, point_id, kind, state, priority, trigger_value, limit_value, raised_at, cleared_at";

    private final DataSource dataSource;

    public JdbcAlarmStore(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public List<Alarm> list(AlarmState state, String pointId, int limit) {
        StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM alarm WHERE 1 = 1");
        if (state != null) {
            sql.append(" AND state = ?");
        }
        if (pointId != null) {
            sql.append(" AND point_id = ?");
        }
        sql.append(" ORDER BY raised_at DESC, id DESC LIMIT ?");
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql.toString())) {
            int i = 1;
            if (state != null) {
                s.setString(i++, state.name());
            }
            if (pointId != null) {
                s.setString(i++, pointId);
            }
            s.setInt(i, limit);
            try (ResultSet rs = s.executeQuery()) {
                List<Alarm> alarms = new ArrayList<>();
                while (rs.next()) {
                    alarms.add(map(rs));
                }
                return alarms;
            }
        } catch (SQLException e) {
            throw Jdbc.failure("listing alarms", e);
        }
    }

    @Override
    public Optional<Alarm> findActive(String pointId) {
        List<Alarm> active = list(AlarmState.ACTIVE, pointId, 1);
        return active.isEmpty() ? Optional.empty() : Optional.of(active.get(0));
    }

    @Override
    public Map<String, Alarm> activeByPoint() {
        Map<String, Alarm> active = new HashMap<>();
        // newest first, so a point with several active rows (should not happen) maps to its newest
        for (Alarm alarm : list(AlarmState.ACTIVE, null, Integer.MAX_VALUE)) {
            active.putIfAbsent(alarm.pointId(), alarm);
        }
        return active;
    }

    @Override
    public Alarm raise(String pointId, AlarmKind kind, AlarmPriority priority, double value, double limit, Instant at) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("INSERT INTO alarm (point_id, kind, state, priority, trigger_value, "
                        + "limit_value, raised_at) VALUES (?, ?, ?, ?, ?, ?, ?)", Statement.RETURN_GENERATED_KEYS)) {
            s.setString(1, pointId);
            s.setString(2, kind.name());
            s.setString(3, AlarmState.ACTIVE.name());
            s.setString(4, priority.name());
            s.setDouble(5, value);
            s.setDouble(6, limit);
            Jdbc.setInstant(s, 7, at);
            s.executeUpdate();
            try (ResultSet keys = s.getGeneratedKeys()) {
                keys.next();
                return new Alarm(keys.getLong(1), pointId, kind, AlarmState.ACTIVE, priority, value, limit, at, null);
            }
        } catch (SQLException e) {
            throw Jdbc.failure("raising alarm for " + pointId, e);
        }
    }

    @Override
    public void clear(long alarmId, Instant at) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("UPDATE alarm SET state = ?, cleared_at = ? WHERE id = ? AND state = ?")) {
            s.setString(1, AlarmState.CLEARED.name());
            Jdbc.setInstant(s, 2, at);
            s.setLong(3, alarmId);
            s.setString(4, AlarmState.ACTIVE.name());
            s.executeUpdate();
        } catch (SQLException e) {
            throw Jdbc.failure("clearing alarm " + alarmId, e);
        }
    }

    private static Alarm map(ResultSet rs) throws SQLException {
        return new Alarm(rs.getLong("id"), rs.getString("point_id"), AlarmKind.valueOf(rs.getString("kind")),
                AlarmState.valueOf(rs.getString("state")), AlarmPriority.valueOf(rs.getString("priority")),
                rs.getDouble("trigger_value"), rs.getDouble("limit_value"), Jdbc.getInstant(rs, "raised_at"),
                Jdbc.getInstant(rs, "cleared_at"));
    }
}
