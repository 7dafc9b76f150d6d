package org.hazardwatch.core.internal.db;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import javax.sql.DataSource;

import org.hazardwatch.api.alarm.AlarmEvent;
import org.hazardwatch.api.alarm.AlarmEventType;
import org.hazardwatch.api.alarm.AlarmQuery;
import org.hazardwatch.api.model.Alarm;
import org.hazardwatch.api.model.AlarmKind;
import org.hazardwatch.api.model.AlarmPriority;
import org.hazardwatch.api.model.AlarmState;
import org.hazardwatch.api.registry.Page;
import org.hazardwatch.api.store.AlarmStore;

public class JdbcAlarmStore implements AlarmStore {

    /** The columns {@link #map} reads. */
    public static final String COLUMNS = "id, point_id, kind, state, priority, trigger_value, limit_value, raised_at, "
            + "cleared_at, acknowledged_at, acknowledged_by, shelved_until, shelve_reason, shelved_by, suppressed, "
            + "activations, closed_at";
    private static final String EVENT_COLUMNS = "id, alarm_id, point_id, kind, priority, event_type, state, event_at, "
            + "actor, note, event_value, annunciated";

    /** Which open occurrence a point tile shows: active first, then the most urgent, then the newest. */
    private static final Comparator<Alarm> TILE_ORDER = Comparator.<Alarm, Boolean>comparing(a -> !a.state().isActive())
            .thenComparing(Alarm::priority).thenComparing(Alarm::raisedAt, Comparator.reverseOrder());

    private final DataSource dataSource;

    public JdbcAlarmStore(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public Page<Alarm> search(AlarmQuery query) {
        StringBuilder where = new StringBuilder(" WHERE 1 = 1");
        List<Object> args = new ArrayList<>();
        if (query.pointId() != null) {
            where.append(" AND point_id = ?");
            args.add(query.pointId());
        }
        if (!query.pointIds().isEmpty()) {
            where.append(" AND point_id IN (").append(placeholders(query.pointIds().size())).append(')');
            args.addAll(query.pointIds());
        }
        if (!query.states().isEmpty()) {
            where.append(" AND state IN (").append(placeholders(query.states().size())).append(')');
            query.states().forEach(state -> args.add(state.name()));
        }
        if (!query.kinds().isEmpty()) {
            where.append(" AND kind IN (").append(placeholders(query.kinds().size())).append(')');
            query.kinds().forEach(kind -> args.add(kind.name()));
        }
        if (query.category() != null) {
            where.append(query.category() == org.hazardwatch.api.model.AlarmCategory.INSTRUMENT ? " AND kind = ?" : " AND kind <> ?");
            args.add(AlarmKind.FAULT.name());
        }
        if (query.priority() != null) {
            where.append(" AND priority = ?");
            args.add(query.priority().name());
        }
        if (query.from() != null) {
            where.append(" AND raised_at >= ?");
            args.add(query.from());
        }
        if (query.to() != null) {
            where.append(" AND raised_at < ?");
            args.add(query.to());
        }
        try (Connection c = dataSource.getConnection()) {
            long total;
            try (PreparedStatement s = c.prepareStatement("SELECT COUNT(*) FROM alarm" + where)) {
                Jdbc.bind(s, args);
                try (ResultSet rs = s.executeQuery()) {
                    rs.next();
                    total = rs.getLong(1);
                }
            }
            List<Alarm> items = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement("SELECT " + COLUMNS + " FROM alarm" + where
                    + " ORDER BY raised_at DESC, id DESC LIMIT ? OFFSET ?")) {
                Jdbc.bind(s, args);
                s.setInt(args.size() + 1, query.size());
                s.setLong(args.size() + 2, (long) query.page() * query.size());
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        items.add(map(rs));
                    }
                }
            }
            return new Page<>(total, query.page(), query.size(), items);
        } catch (SQLException e) {
            throw Jdbc.failure("searching alarms", e);
        }
    }

    @Override
    public Optional<Alarm> find(long alarmId) {
        List<Alarm> found = select("SELECT " + COLUMNS + " FROM alarm WHERE id = ?", alarmId);
        return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
    }

    @Override
    public List<Alarm> open() {
        return select("SELECT " + COLUMNS + " FROM alarm WHERE state <> ? ORDER BY raised_at, id", AlarmState.NORMAL.name());
    }

    @Override
    public List<Alarm> openOwn() {
        // copies of lower nodes' alarms, and alarms local systems reported, are not this node's engine's to manage
        return select("SELECT " + COLUMNS + " FROM alarm WHERE state <> ? AND origin_node IS NULL AND source_system IS NULL "
                + "ORDER BY raised_at, id",
                AlarmState.NORMAL.name());
    }

    @Override
    public Map<String, Alarm> activeByPoint() {
        Map<String, Alarm> shown = new HashMap<>();
        for (Alarm alarm : open()) {
            shown.merge(alarm.pointId(), alarm, (a, b) -> TILE_ORDER.compare(a, b) <= 0 ? a : b);
        }
        return shown;
    }

    @Override
    public Alarm record(Alarm alarm, AlarmEvent event) {
        try (Connection c = dataSource.getConnection()) {
            return Jdbc.inTransaction(c, () -> {
                Alarm stored = alarm.id() == 0 ? insert(c, alarm) : update(c, alarm);
                insertEvent(c, stored.id(), event);
                return stored;
            });
        } catch (SQLException e) {
            throw Jdbc.failure("recording alarm " + event.type() + " of " + alarm.pointId(), e);
        }
    }

    private static Alarm insert(Connection c, Alarm a) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("INSERT INTO alarm (point_id, kind, state, priority, trigger_value, "
                + "limit_value, raised_at, cleared_at, acknowledged_at, acknowledged_by, shelved_until, shelve_reason, "
                + "shelved_by, suppressed, activations, closed_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                Statement.RETURN_GENERATED_KEYS)) {
            s.setString(1, a.pointId());
            s.setString(2, a.kind().name());
            bindMutable(s, 3, a);
            Jdbc.setInstant(s, 7, a.raisedAt());
            s.executeUpdate();
            try (ResultSet keys = s.getGeneratedKeys()) {
                keys.next();
                return a.withId(keys.getLong(1));
            }
        }
    }

    private static Alarm update(Connection c, Alarm a) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("UPDATE alarm SET state = ?, priority = ?, trigger_value = ?, "
                + "limit_value = ?, raised_at = ?, cleared_at = ?, acknowledged_at = ?, acknowledged_by = ?, "
                + "shelved_until = ?, shelve_reason = ?, shelved_by = ?, suppressed = ?, activations = ?, closed_at = ? "
                + "WHERE id = ?")) {
            bindMutable(s, 1, a);
            Jdbc.setInstant(s, 5, a.raisedAt());
            s.setLong(15, a.id());
            if (s.executeUpdate() != 1) {
                throw new SQLException("alarm " + a.id() + " does not exist");
            }
            return a;
        }
    }

    /** Binds state .. closed_at from {@code first} on, leaving position first + 4 (raised_at) to the caller. */
    private static void bindMutable(PreparedStatement s, int first, Alarm a) throws SQLException {
        s.setString(first, a.state().name());
        s.setString(first + 1, a.priority().name());
        s.setDouble(first + 2, a.value());
        s.setDouble(first + 3, a.limit());
        Jdbc.setInstant(s, first + 5, a.clearedAt());
        Jdbc.setInstant(s, first + 6, a.acknowledgedAt());
        s.setString(first + 7, a.acknowledgedBy());
        Jdbc.setInstant(s, first + 8, a.shelvedUntil());
        s.setString(first + 9, a.shelveReason());
        s.setString(first + 10, a.shelvedBy());
        s.setBoolean(first + 11, a.suppressed());
        s.setInt(first + 12, a.activations());
        Jdbc.setInstant(s, first + 13, a.closedAt());
    }

    private static void insertEvent(Connection c, long alarmId, AlarmEvent e) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("INSERT INTO alarm_event (alarm_id, point_id, kind, priority, "
                + "event_type, state, event_at, actor, note, event_value, annunciated) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            s.setLong(1, alarmId);
            s.setString(2, e.pointId());
            s.setString(3, e.kind().name());
            s.setString(4, e.priority().name());
            s.setString(5, e.type().name());
            s.setString(6, e.state().name());
            Jdbc.setInstant(s, 7, e.at());
            s.setString(8, e.actor());
            s.setString(9, e.comment());
            Jdbc.setNullableDouble(s, 10, e.value());
            s.setBoolean(11, e.annunciated());
            s.executeUpdate();
        }
    }

    @Override
    public List<AlarmEvent> history(long alarmId) {
        return selectEvents("SELECT " + EVENT_COLUMNS + " FROM alarm_event WHERE alarm_id = ? ORDER BY id", alarmId);
    }

    @Override
    public List<AlarmEvent> events(Instant from, Instant to) {
        return selectEvents("SELECT " + EVENT_COLUMNS + " FROM alarm_event WHERE event_at >= ? AND event_at < ? "
                + "ORDER BY event_at, id", from, to);
    }

    @Override
    public void shelve(String pointId, AlarmKind kind, Instant until, String reason, String user) {
        try (Connection c = dataSource.getConnection()) {
            try (PreparedStatement s = c.prepareStatement("DELETE FROM alarm_shelf WHERE point_id = ? AND kind = ?")) {
                s.setString(1, pointId);
                s.setString(2, kind.name());
                s.executeUpdate();
            }
            if (until != null) {
                try (PreparedStatement s = c.prepareStatement("INSERT INTO alarm_shelf (point_id, kind, shelved_until, "
                        + "reason, shelved_by) VALUES (?, ?, ?, ?, ?)")) {
                    s.setString(1, pointId);
                    s.setString(2, kind.name());
                    Jdbc.setInstant(s, 3, until);
                    s.setString(4, reason);
                    s.setString(5, user);
                    s.executeUpdate();
                }
            }
        } catch (SQLException e) {
            throw Jdbc.failure("shelving " + kind + " of " + pointId, e);
        }
    }

    @Override
    public Map<String, Map<AlarmKind, Shelving>> shelvings() {
        Map<String, Map<AlarmKind, Shelving>> shelvings = new HashMap<>();
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT point_id, kind, shelved_until, reason, shelved_by FROM alarm_shelf")) {
            while (rs.next()) {
                Shelving shelving = new Shelving(rs.getString(1), AlarmKind.valueOf(rs.getString(2)),
                        Jdbc.getInstant(rs, "shelved_until"), rs.getString(4), rs.getString(5));
                shelvings.computeIfAbsent(shelving.pointId(), id -> new EnumMap<>(AlarmKind.class)).put(shelving.kind(), shelving);
            }
        } catch (SQLException e) {
            throw Jdbc.failure("reading shelved alarms", e);
        }
        return shelvings;
    }

    private List<Alarm> select(String sql, Object... args) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            Jdbc.bind(s, List.of(args));
            try (ResultSet rs = s.executeQuery()) {
                List<Alarm> alarms = new ArrayList<>();
                while (rs.next()) {
                    alarms.add(map(rs));
                }
                return alarms;
            }
        } catch (SQLException e) {
            throw Jdbc.failure("reading alarms", e);
        }
    }

    private List<AlarmEvent> selectEvents(String sql, Object... args) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            Jdbc.bind(s, List.of(args));
            try (ResultSet rs = s.executeQuery()) {
                List<AlarmEvent> events = new ArrayList<>();
                while (rs.next()) {
                    events.add(new AlarmEvent(rs.getLong("id"), rs.getLong("alarm_id"), rs.getString("point_id"),
                            AlarmKind.valueOf(rs.getString("kind")), AlarmPriority.valueOf(rs.getString("priority")),
                            AlarmEventType.valueOf(rs.getString("event_type")), AlarmState.valueOf(rs.getString("state")),
                            Jdbc.getInstant(rs, "event_at"), rs.getString("actor"), rs.getString("note"),
                            Jdbc.getNullableDouble(rs, "event_value"), rs.getBoolean("annunciated")));
                }
                return events;
            }
        } catch (SQLException e) {
            throw Jdbc.failure("reading the alarm journal", e);
        }
    }

    @Override
    public java.util.Optional<Alarm> openFromSystem(String system, String pointId, AlarmKind kind) {
        List<Alarm> open = select("SELECT " + COLUMNS + " FROM alarm WHERE source_system = ? AND point_id = ? AND kind = ? AND state <> ? "
                + "ORDER BY id DESC", system, pointId, kind.name(), AlarmState.NORMAL.name());
        return open.isEmpty() ? java.util.Optional.empty() : java.util.Optional.of(open.get(0));
    }

    @Override
    public Alarm recordFromSystem(String system, Alarm alarm, AlarmEvent event) {
        try (Connection c = dataSource.getConnection()) {
            return Jdbc.inTransaction(c, () -> {
                Alarm stored;
                if (alarm.id() == 0) {
                    stored = insert(c, alarm);
                    try (PreparedStatement s = c.prepareStatement("UPDATE alarm SET source_system = ? WHERE id = ?")) {
                        s.setString(1, system);
                        s.setLong(2, stored.id());
                        s.executeUpdate();
                    }
                } else {
                    stored = update(c, alarm);
                }
                insertEvent(c, stored.id(), event);
                return stored;
            });
        } catch (SQLException e) {
            throw Jdbc.failure("recording alarm " + event.type() + " of " + alarm.pointId() + " from " + system, e);
        }
    }

    @Override
    public java.util.Optional<String> sourceSystemOf(long alarmId) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("SELECT source_system FROM alarm WHERE id = ?")) {
            s.setLong(1, alarmId);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? java.util.Optional.ofNullable(rs.getString(1)) : java.util.Optional.empty();
            }
        } catch (SQLException e) {
            throw Jdbc.failure("reading the source of alarm " + alarmId, e);
        }
    }

    @Override
    public java.util.Optional<String> originOf(long alarmId) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("SELECT origin_node FROM alarm WHERE id = ?")) {
            s.setLong(1, alarmId);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? java.util.Optional.ofNullable(rs.getString(1)) : java.util.Optional.empty();
            }
        } catch (SQLException e) {
            throw Jdbc.failure("reading the origin of alarm " + alarmId, e);
        }
    }

    private static String placeholders(int count) {
        return String.join(", ", java.util.Collections.nCopies(count, "?"));
    }

    public static Alarm map(ResultSet rs) throws SQLException {
        return new Alarm(rs.getLong("id"), rs.getString("point_id"), AlarmKind.valueOf(rs.getString("kind")),
                AlarmState.valueOf(rs.getString("state")), AlarmPriority.valueOf(rs.getString("priority")),
                rs.getDouble("trigger_value"), rs.getDouble("limit_value"), Jdbc.getInstant(rs, "raised_at"),
                Jdbc.getInstant(rs, "cleared_at"), Jdbc.getInstant(rs, "acknowledged_at"), rs.getString("acknowledged_by"),
                Jdbc.getInstant(rs, "shelved_until"), rs.getString("shelve_reason"), rs.getString("shelved_by"),
                rs.getBoolean("suppressed"), rs.getInt("activations"), Jdbc.getInstant(rs, "closed_at"));
    }
}
