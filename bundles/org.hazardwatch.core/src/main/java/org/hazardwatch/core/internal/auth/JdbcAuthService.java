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
        String stored = null;
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("SELECT password_hash FROM app_user WHERE username = ?")) {
            s.setString(1, username);
            try (ResultSet rs = s.executeQuery()) {
                if (rs.next()) {
                    stored = rs.getString(1);
                }
            }
        } catch (SQLException e) {
            throw Jdbc.failure("login of " + username, e);
        }
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
