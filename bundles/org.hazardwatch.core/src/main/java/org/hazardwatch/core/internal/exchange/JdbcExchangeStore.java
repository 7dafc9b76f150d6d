package org.hazardwatch.core.internal.exchange;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import javax.sql.DataSource;

import org.hazardwatch.api.exchange.ExchangeCommand;
import org.hazardwatch.api.exchange.ExchangeStore;
import org.hazardwatch.api.exchange.MessageLogEntry;
import org.hazardwatch.api.exchange.MessageLogQuery;
import org.hazardwatch.api.model.Alarm;
import org.hazardwatch.api.model.Sample;
import org.hazardwatch.api.store.UnknownPointException;
import org.hazardwatch.core.internal.db.Jdbc;
import org.hazardwatch.core.internal.db.JdbcAlarmStore;
import org.hazardwatch.core.internal.db.JdbcSampleStore;

/**
 * The exchange's tables. Accepting a message inserts its id into {@code exchange_seen} first, in the same transaction
 * as the data it carries: a unique violation there means a second delivery, and nothing else is written.
 */
public class JdbcExchangeStore implements ExchangeStore {

    private static final String UNIQUE_VIOLATION = "23505";
    private static final int REASON_LENGTH = 500;
    private final DataSource dataSource;

    public JdbcExchangeStore(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @FunctionalInterface
    private interface Work {
        void run(Connection c) throws SQLException;
    }

    /** Records the id and runs the work in one transaction; false (nothing written) for an id seen before. */
    private boolean acceptOnce(String sender, String messageId, Instant expires, String what, Work work) {
        try (Connection c = dataSource.getConnection()) {
            return Jdbc.inTransaction(c, () -> {
                // look first: a failed insert would abort a PostgreSQL transaction
                try (PreparedStatement s = c.prepareStatement("SELECT 1 FROM exchange_seen WHERE sender = ? AND message_id = ?")) {
                    s.setString(1, sender);
                    s.setString(2, messageId);
                    try (ResultSet rs = s.executeQuery()) {
                        if (rs.next()) {
                            return false;
                        }
                    }
                }
                try (PreparedStatement s = c.prepareStatement("INSERT INTO exchange_seen (sender, message_id, expires_at) VALUES (?, ?, ?)")) {
                    s.setString(1, sender);
                    s.setString(2, messageId);
                    Jdbc.setInstant(s, 3, expires);
                    s.executeUpdate();
                } catch (SQLException e) {
                    if (UNIQUE_VIOLATION.equals(e.getSQLState())) {
                        // accepted concurrently (the other node of a failover pair): the retry finds it seen
                        throw new org.hazardwatch.core.internal.db.StorageException("message " + messageId + " accepted concurrently", e);
                    }
                    throw e;
                }
                work.run(c);
                return true;
            });
        } catch (UnknownPointException e) {
            throw new RefusedDataException(what + ": point " + e.pointId() + " is not known here", e, true);
        } catch (SQLException e) {
            // class 22 (data exception) and 23 (integrity constraint): the data is wrong, a retry would fail again
            String state = e.getSQLState();
            if (state != null && (state.startsWith("22") || state.startsWith("23"))) {
                // 23503 (PostgreSQL) and 23506 (H2): a referenced row is missing, here the alarm's point
                throw new RefusedDataException(what + ": " + e.getMessage(), e, "23503".equals(state) || "23506".equals(state));
            }
            throw Jdbc.failure(what + " from " + sender, e);
        }
    }

    @Override
    public boolean acceptSamples(String sender, String messageId, Instant expires, List<Sample> samples) {
        Instant receivedAt = Instant.now();
        return acceptOnce(sender, messageId, expires, "storing " + samples.size() + " received samples",
                c -> JdbcSampleStore.storeIn(c, samples, receivedAt));
    }

    @Override
    public boolean acceptAlarms(String sender, String messageId, Instant expires, List<AlarmReplica> alarms) {
        return acceptOnce(sender, messageId, expires, "storing " + alarms.size() + " received alarms", c -> {
            for (AlarmReplica replica : alarms) {
                upsertReplica(c, replica);
            }
        });
    }

    private static void upsertReplica(Connection c, AlarmReplica r) throws SQLException {
        Alarm a = r.alarm();
        try (PreparedStatement update = c.prepareStatement("UPDATE alarm SET state = ?, priority = ?, trigger_value = ?, limit_value = ?, "
                + "raised_at = ?, cleared_at = ?, acknowledged_at = ?, acknowledged_by = ?, shelved_until = ?, shelve_reason = ?, "
                + "shelved_by = ?, suppressed = ?, activations = ?, closed_at = ?, origin_version = ? "
                + "WHERE origin_node = ? AND origin_alarm_id = ? AND origin_version < ?")) {
            bindState(update, 1, a);
            update.setLong(15, r.version());
            update.setString(16, r.originNode());
            update.setLong(17, r.originAlarmId());
            update.setLong(18, r.version());
            if (update.executeUpdate() == 1) {
                return;
            }
        }
        try (PreparedStatement exists = c.prepareStatement("SELECT 1 FROM alarm WHERE origin_node = ? AND origin_alarm_id = ?")) {
            exists.setString(1, r.originNode());
            exists.setLong(2, r.originAlarmId());
            try (ResultSet rs = exists.executeQuery()) {
                if (rs.next()) {
                    return; // what is stored is as new or newer
                }
            }
        }
        try (PreparedStatement insert = c.prepareStatement("INSERT INTO alarm (state, priority, trigger_value, limit_value, raised_at, "
                + "cleared_at, acknowledged_at, acknowledged_by, shelved_until, shelve_reason, shelved_by, suppressed, activations, "
                + "closed_at, origin_version, origin_node, origin_alarm_id, point_id, kind) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            bindState(insert, 1, a);
            insert.setLong(15, r.version());
            insert.setString(16, r.originNode());
            insert.setLong(17, r.originAlarmId());
            insert.setString(18, a.pointId());
            insert.setString(19, a.kind().name());
            insert.executeUpdate();
        }
    }

    /** state .. closed_at, 14 parameters from {@code first}. */
    private static void bindState(PreparedStatement s, int first, Alarm a) throws SQLException {
        s.setString(first, a.state().name());
        s.setString(first + 1, a.priority().name());
        s.setDouble(first + 2, a.value());
        s.setDouble(first + 3, a.limit());
        Jdbc.setInstant(s, first + 4, a.raisedAt());
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

    @Override
    public boolean accept(String sender, String messageId, Instant expires) {
        return acceptOnce(sender, messageId, expires, "recording message " + messageId, c -> {
        });
    }

    @Override
    public boolean seen(String sender, String messageId) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("SELECT 1 FROM exchange_seen WHERE sender = ? AND message_id = ?")) {
            s.setString(1, sender);
            s.setString(2, messageId);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next();
            }
        } catch (SQLException e) {
            throw Jdbc.failure("looking up message " + messageId, e);
        }
    }

    @Override
    public List<AlarmChange> alarmChangesAfter(long eventId, int limit) {
        // one change per alarm: its state now, versioned with its newest journal entry
        String sql = "SELECT m.last_event, " + prefixed("a.", JdbcAlarmStore.COLUMNS) + " FROM alarm a JOIN "
                + "(SELECT alarm_id, MAX(id) AS last_event FROM alarm_event WHERE id > ? GROUP BY alarm_id) m ON m.alarm_id = a.id "
                + "WHERE a.origin_node IS NULL ORDER BY m.last_event LIMIT ?";
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setLong(1, eventId);
            s.setInt(2, limit);
            try (ResultSet rs = s.executeQuery()) {
                List<AlarmChange> changes = new ArrayList<>();
                while (rs.next()) {
                    changes.add(new AlarmChange(rs.getLong("last_event"), JdbcAlarmStore.map(rs)));
                }
                return changes;
            }
        } catch (SQLException e) {
            throw Jdbc.failure("reading alarm changes", e);
        }
    }

    private static String prefixed(String prefix, String columns) {
        StringBuilder out = new StringBuilder();
        for (String column : columns.split(",")) {
            out.append(out.length() == 0 ? "" : ", ").append(prefix).append(column.strip());
        }
        return out.toString();
    }

    @Override
    public long lastAlarmEventId() {
        return queryLong("SELECT COALESCE(MAX(id), 0) FROM alarm_event");
    }

    @Override
    public long cursor(String name) {
        return queryLong("SELECT COALESCE(MAX(position), 0) FROM exchange_cursor WHERE name = ?", name);
    }

    @Override
    public Optional<String> cursorText(String name) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("SELECT text_value FROM exchange_cursor WHERE name = ?")) {
            s.setString(1, name);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? Optional.ofNullable(rs.getString(1)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw Jdbc.failure("reading cursor " + name, e);
        }
    }

    @Override
    public void saveCursor(String name, long position, String text) {
        try (Connection c = dataSource.getConnection()) {
            Jdbc.inTransaction(c, () -> {
                try (PreparedStatement update = c.prepareStatement("UPDATE exchange_cursor SET position = ?, text_value = ? WHERE name = ?")) {
                    update.setLong(1, position);
                    update.setString(2, text);
                    update.setString(3, name);
                    if (update.executeUpdate() == 1) {
                        return null;
                    }
                }
                try (PreparedStatement insert = c.prepareStatement("INSERT INTO exchange_cursor (name, position, text_value) VALUES (?, ?, ?)")) {
                    insert.setString(1, name);
                    insert.setLong(2, position);
                    insert.setString(3, text);
                    insert.executeUpdate();
                }
                return null;
            });
        } catch (SQLException e) {
            throw Jdbc.failure("saving cursor " + name, e);
        }
    }

    @Override
    public void route(String enterpriseCode, String viaNode, Instant at) {
        try (Connection c = dataSource.getConnection()) {
            Jdbc.inTransaction(c, () -> {
                try (PreparedStatement update = c.prepareStatement("UPDATE exchange_route SET via_node = ?, updated_at = ? WHERE enterprise_code = ?")) {
                    update.setString(1, viaNode);
                    Jdbc.setInstant(update, 2, at);
                    update.setString(3, enterpriseCode);
                    if (update.executeUpdate() == 1) {
                        return null;
                    }
                }
                try (PreparedStatement insert = c.prepareStatement("INSERT INTO exchange_route (enterprise_code, via_node, updated_at) VALUES (?, ?, ?)")) {
                    insert.setString(1, enterpriseCode);
                    insert.setString(2, viaNode);
                    Jdbc.setInstant(insert, 3, at);
                    insert.executeUpdate();
                }
                return null;
            });
        } catch (SQLException e) {
            throw Jdbc.failure("saving the route to " + enterpriseCode, e);
        }
    }

    @Override
    public List<String> childNodes() {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("SELECT DISTINCT via_node FROM exchange_route ORDER BY via_node");
                ResultSet rs = s.executeQuery()) {
            List<String> children = new ArrayList<>();
            while (rs.next()) {
                children.add(rs.getString(1));
            }
            return children;
        } catch (SQLException e) {
            throw Jdbc.failure("reading the lower nodes", e);
        }
    }

    @Override
    public Optional<String> routeOf(String enterpriseCode) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("SELECT via_node FROM exchange_route WHERE enterprise_code = ?")) {
            s.setString(1, enterpriseCode);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw Jdbc.failure("reading the route to " + enterpriseCode, e);
        }
    }

    @Override
    public void log(MessageLogEntry e) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("INSERT INTO exchange_message (logged_at, direction, neighbour, message_id, "
                        + "message_type, seq, created_at, status, reason, size_bytes, item_count) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            Jdbc.setInstant(s, 1, e.loggedAt());
            s.setString(2, e.direction().name());
            s.setString(3, e.neighbour());
            s.setString(4, e.messageId());
            s.setString(5, e.type());
            s.setLong(6, e.seq());
            Jdbc.setInstant(s, 7, e.created());
            s.setString(8, e.status().name());
            s.setString(9, e.reason() == null || e.reason().length() <= REASON_LENGTH ? e.reason() : e.reason().substring(0, REASON_LENGTH));
            s.setInt(10, e.sizeBytes());
            s.setInt(11, e.items());
            s.executeUpdate();
        } catch (SQLException ex) {
            throw Jdbc.failure("logging message " + e.messageId(), ex);
        }
    }

    @Override
    public List<MessageLogEntry> messages(MessageLogQuery q) {
        StringBuilder where = new StringBuilder(" WHERE 1 = 1");
        List<Object> args = new ArrayList<>();
        if (q.neighbour() != null) {
            where.append(" AND neighbour = ?");
            args.add(q.neighbour());
        }
        if (q.direction() != null) {
            where.append(" AND direction = ?");
            args.add(q.direction().name());
        }
        if (q.status() != null) {
            where.append(" AND status = ?");
            args.add(q.status().name());
        }
        if (q.type() != null) {
            where.append(" AND message_type = ?");
            args.add(q.type());
        }
        if (q.from() != null) {
            where.append(" AND logged_at >= ?");
            args.add(q.from());
        }
        if (q.to() != null) {
            where.append(" AND logged_at < ?");
            args.add(q.to());
        }
        if (q.before() != null) {
            where.append(" AND id < ?");
            args.add(q.before());
        }
        args.add(q.limit());
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("SELECT * FROM exchange_message" + where + " ORDER BY id DESC LIMIT ?")) {
            Jdbc.bind(s, args);
            try (ResultSet rs = s.executeQuery()) {
                List<MessageLogEntry> entries = new ArrayList<>();
                while (rs.next()) {
                    entries.add(new MessageLogEntry(rs.getLong("id"), Jdbc.getInstant(rs, "logged_at"),
                            MessageLogEntry.Direction.valueOf(rs.getString("direction")), rs.getString("neighbour"), rs.getString("message_id"),
                            rs.getString("message_type"), rs.getLong("seq"), Jdbc.getInstant(rs, "created_at"),
                            MessageLogEntry.Status.valueOf(rs.getString("status")), rs.getString("reason"), rs.getInt("size_bytes"),
                            rs.getInt("item_count")));
                }
                return entries;
            }
        } catch (SQLException e) {
            throw Jdbc.failure("reading the message log", e);
        }
    }

    @Override
    public Optional<Instant> acceptedSealedAt(String neighbour, String messageId) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("SELECT MIN(created_at) AS first_sealed FROM exchange_message WHERE message_id = ? AND neighbour = ? "
                        + "AND direction = 'IN' AND status = 'ACCEPTED'")) {
            s.setString(1, messageId);
            s.setString(2, neighbour);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? Optional.ofNullable(Jdbc.getInstant(rs, "first_sealed")) : Optional.empty();
            }
        } catch (SQLException e) {
            throw Jdbc.failure("reading the log of message " + messageId, e);
        }
    }

    @Override
    public long lastSequence(String neighbour, MessageLogEntry.Direction direction) {
        return queryLong("SELECT COALESCE(MAX(seq), 0) FROM exchange_message WHERE neighbour = ? AND direction = ?", neighbour, direction.name());
    }

    @Override
    public int forgetMessagesBefore(Instant before) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement("DELETE FROM exchange_message WHERE logged_at < ?")) {
            Jdbc.setInstant(s, 1, before);
            return s.executeUpdate();
        } catch (SQLException e) {
            throw Jdbc.failure("trimming the message log", e);
        }
    }

    @Override
    public void saveCommand(ExchangeCommand x) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("INSERT INTO exchange_command (id, command_type, enterprise_code, point_id, body, "
                        + "requested_by, requested_at, status, detail, answered_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            s.setString(1, x.id());
            s.setString(2, x.type());
            s.setString(3, x.enterpriseCode());
            s.setString(4, x.pointId());
            s.setString(5, x.body());
            s.setString(6, x.requestedBy());
            Jdbc.setInstant(s, 7, x.requestedAt());
            s.setString(8, x.status().name());
            s.setString(9, x.detail());
            Jdbc.setInstant(s, 10, x.answeredAt());
            s.executeUpdate();
        } catch (SQLException e) {
            if (UNIQUE_VIOLATION.equals(e.getSQLState())) {
                return; // the same command passing this node again
            }
            throw Jdbc.failure("saving command " + x.id(), e);
        }
    }

    @Override
    public boolean answerCommand(String commandId, ExchangeCommand.Status status, String detail, String result, Instant at) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("UPDATE exchange_command SET status = ?, detail = ?, answered_at = ?, result = ? WHERE id = ?")) {
            s.setString(1, status.name());
            s.setString(2, detail == null || detail.length() <= REASON_LENGTH ? detail : detail.substring(0, REASON_LENGTH));
            Jdbc.setInstant(s, 3, at);
            s.setString(4, result);
            s.setString(5, commandId);
            return s.executeUpdate() == 1;
        } catch (SQLException e) {
            throw Jdbc.failure("answering command " + commandId, e);
        }
    }

    @Override
    public Optional<ExchangeCommand> command(String commandId) {
        List<ExchangeCommand> found = commands("SELECT * FROM exchange_command WHERE id = ?", commandId);
        return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
    }

    @Override
    public List<ExchangeCommand> commands(int limit) {
        // the list leaves out results (a live query's can be large): one command's result is read with command(id)
        return commands("SELECT id, command_type, enterprise_code, point_id, body, requested_by, requested_at, status, detail, answered_at, "
                + "CAST(NULL AS VARCHAR(1)) AS result FROM exchange_command ORDER BY requested_at DESC LIMIT ?", limit);
    }

    private List<ExchangeCommand> commands(String sql, Object... args) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            Jdbc.bind(s, List.of(args));
            try (ResultSet rs = s.executeQuery()) {
                List<ExchangeCommand> commands = new ArrayList<>();
                while (rs.next()) {
                    commands.add(new ExchangeCommand(rs.getString("id"), rs.getString("command_type"), rs.getString("enterprise_code"),
                            rs.getString("point_id"), rs.getString("body"), rs.getString("requested_by"), Jdbc.getInstant(rs, "requested_at"),
                            ExchangeCommand.Status.valueOf(rs.getString("status")), rs.getString("detail"), Jdbc.getInstant(rs, "answered_at"),
                            rs.getString("result")));
                }
                return commands;
            }
        } catch (SQLException e) {
            throw Jdbc.failure("reading commands", e);
        }
    }

    private long queryLong(String sql, Object... args) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            Jdbc.bind(s, List.of(args));
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw Jdbc.failure("reading the exchange tables", e);
        }
    }
}
