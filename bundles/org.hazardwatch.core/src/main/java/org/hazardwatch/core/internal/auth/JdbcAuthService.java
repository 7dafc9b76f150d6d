package org.hazardwatch.core.internal.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;

import javax.sql.DataSource;

import org.hazardwatch.api.auth.AuthService;
import org.hazardwatch.api.auth.AuthSession;
import org.hazardwatch.api.auth.PasswordChangeException;
import org.hazardwatch.api.auth.PasswordChangeException.Reason;
import org.hazardwatch.core.internal.db.Jdbc;

/**
 * Accounts and bearer-token sessions in the database. Tokens are 256-bit random values; only their SHA-256 is
 * stored, so a database dump does not hand out sessions.
 */
public class JdbcAuthService implements AuthService {

    public static final String ADMIN = "admin";
    private static final SecureRandom RANDOM = new SecureRandom();
    // verified against on unknown users so that both failures cost the same time
    private static final String DUMMY_HASH = PasswordHasher.hash("not-a-password".toCharArray());

    private final DataSource dataSource;
    private final Duration sessionTtl;
    private final Clock clock;

    public JdbcAuthService(DataSource dataSource, Duration sessionTtl, Clock clock) {
        this.dataSource = dataSource;
        this.sessionTtl = sessionTtl;
        this.clock = clock;
    }

    /**
     * Creates the {@value #ADMIN} account when no account exists yet.
     *
     * @param configuredPassword the password to give it, or null/blank to generate one
     * @return the generated password, or empty when the account existed or the password was configured
     */
    public Optional<String> ensureAdmin(String configuredPassword) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("SELECT COUNT(*) FROM app_user");
                ResultSet rs = s.executeQuery()) {
            rs.next();
            if (rs.getLong(1) > 0) {
                return Optional.empty();
            }
        } catch (SQLException e) {
            throw Jdbc.failure("checking accounts", e);
        }
        boolean generate = configuredPassword == null || configuredPassword.isBlank();
        String password = generate ? randomToken(12) : configuredPassword;
        createUser(ADMIN, password.toCharArray());
        return generate ? Optional.of(password) : Optional.empty();
    }

    public void createUser(String username, char[] password) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement(
                        "INSERT INTO app_user (username, password_hash, created_at) VALUES (?, ?, ?)")) {
            s.setString(1, username);
            s.setString(2, PasswordHasher.hash(password));
            Jdbc.setInstant(s, 3, clock.instant());
            s.executeUpdate();
        } catch (SQLException e) {
            throw Jdbc.failure("creating user " + username, e);
        }
    }

    @Override
    public Optional<AuthSession> login(String username, char[] password) {
        if (username == null || password == null || username.length() > 64) {
            return Optional.empty();
        }
        String stored = storedHash(username);
        boolean matches = PasswordHasher.verify(password, stored == null ? DUMMY_HASH : stored);
        if (stored == null || !matches) {
            return Optional.empty();
        }
        String token = randomToken(32);
        Instant now = clock.instant();
        Instant expiresAt = now.plus(sessionTtl);
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement(
                        "INSERT INTO auth_session (token_hash, username, created_at, expires_at) VALUES (?, ?, ?, ?)")) {
            s.setString(1, sha256(token));
            s.setString(2, username);
            Jdbc.setInstant(s, 3, now);
            Jdbc.setInstant(s, 4, expiresAt);
            s.executeUpdate();
        } catch (SQLException e) {
            throw Jdbc.failure("creating session for " + username, e);
        }
        return Optional.of(new AuthSession(token, username, expiresAt));
    }

    @Override
    public Optional<AuthSession> validate(String token) {
        if (token == null || token.isEmpty() || token.length() > 128) {
            return Optional.empty();
        }
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement(
                        "SELECT username, expires_at FROM auth_session WHERE token_hash = ? AND expires_at > ?")) {
            s.setString(1, sha256(token));
            Jdbc.setInstant(s, 2, clock.instant());
            try (ResultSet rs = s.executeQuery()) {
                return rs.next()
                        ? Optional.of(new AuthSession(token, rs.getString("username"), Jdbc.getInstant(rs, "expires_at")))
                        : Optional.empty();
            }
        } catch (SQLException e) {
            throw Jdbc.failure("validating a session", e);
        }
    }

    @Override
    public void logout(String token) {
        if (token == null) {
            return;
        }
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("DELETE FROM auth_session WHERE token_hash = ? OR expires_at <= ?")) {
            s.setString(1, sha256(token));
            Jdbc.setInstant(s, 2, clock.instant());
            s.executeUpdate();
        } catch (SQLException e) {
            throw Jdbc.failure("logout", e);
        }
    }

    /** Minimum length of a new password; the full password policy comes with the user model. */
    public static final int MIN_PASSWORD_LENGTH = 10;

    @Override
    public void changePassword(String username, char[] currentPassword, char[] newPassword) {
        String stored = storedHash(username);
        if (stored == null || currentPassword == null || !PasswordHasher.verify(currentPassword, stored)) {
            throw new PasswordChangeException(Reason.CURRENT_PASSWORD_WRONG, "the current password is wrong");
        }
        String next = newPassword == null ? "" : new String(newPassword);
        if (next.length() < MIN_PASSWORD_LENGTH) {
            throw new PasswordChangeException(Reason.PASSWORD_TOO_SHORT,
                    "the new password needs at least " + MIN_PASSWORD_LENGTH + " characters");
        }
        if (next.toLowerCase(java.util.Locale.ROOT).contains(username.toLowerCase(java.util.Locale.ROOT))) {
            throw new PasswordChangeException(Reason.PASSWORD_CONTAINS_USERNAME, "the new password must not contain the user name");
        }
        if (PasswordHasher.verify(newPassword, stored)) {
            throw new PasswordChangeException(Reason.PASSWORD_UNCHANGED, "the new password must differ from the current one");
        }
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement update = c.prepareStatement("UPDATE app_user SET password_hash = ? WHERE username = ?");
                    PreparedStatement sessions = c.prepareStatement("DELETE FROM auth_session WHERE username = ?")) {
                update.setString(1, PasswordHasher.hash(newPassword));
                update.setString(2, username);
                update.executeUpdate();
                sessions.setString(1, username);
                sessions.executeUpdate();
                c.commit();
            } catch (SQLException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw Jdbc.failure("changing the password of " + username, e);
        }
    }

    private String storedHash(String username) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("SELECT password_hash FROM app_user WHERE username = ?")) {
            s.setString(1, username);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        } catch (SQLException e) {
            throw Jdbc.failure("reading the account " + username, e);
        }
    }

    private static String randomToken(int bytes) {
        byte[] raw = new byte[bytes];
        RANDOM.nextBytes(raw);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
    }

    static String sha256(String value) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
