package org.hazardwatch.core.internal.exchange;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;

import javax.sql.DataSource;

import org.hazardwatch.api.exchange.SeenMessages;
import org.hazardwatch.core.internal.db.Jdbc;

/**
 * Seen message ids in the database. The primary key (sender, id) decides: the insert of a second delivery fails with
 * a unique violation (SQLSTATE 23505 in PostgreSQL and H2), which is the answer "seen before", atomically across nodes.
 */
public class JdbcSeenMessages implements SeenMessages {

    private static final String UNIQUE_VIOLATION = "23505";
    private final DataSource dataSource;

    public JdbcSeenMessages(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public boolean firstTime(String sender, String messageId, Instant expires) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("INSERT INTO exchange_seen (sender, message_id, expires_at) VALUES (?, ?, ?)")) {
            s.setString(1, sender);
            s.setString(2, messageId);
            Jdbc.setInstant(s, 3, expires);
            s.executeUpdate();
            return true;
        } catch (SQLException e) {
            if (UNIQUE_VIOLATION.equals(e.getSQLState())) {
                return false;
            }
            throw Jdbc.failure("recording message " + messageId + " of " + sender, e);
        }
    }

    @Override
    public int forgetExpired(Instant now) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("DELETE FROM exchange_seen WHERE expires_at <= ?")) {
            Jdbc.setInstant(s, 1, now);
            return s.executeUpdate();
        } catch (SQLException e) {
            throw Jdbc.failure("forgetting expired message ids", e);
        }
    }
}
