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
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

import javax.sql.DataSource;

import org.hazardwatch.api.auth.AuthService;
import org.hazardwatch.api.auth.AuthSession;
import org.hazardwatch.api.auth.LoginResult;
import org.hazardwatch.api.auth.LoginResult.Outcome;
import org.hazardwatch.api.auth.PasswordChangeException;
import org.hazardwatch.api.auth.PasswordChangeException.Reason;
import org.hazardwatch.api.auth.PasswordPolicy;
import org.hazardwatch.api.auth.SessionInfo;
import org.hazardwatch.api.auth.TotpEnrolment;
import org.hazardwatch.api.security.AuditEntry;
import org.hazardwatch.api.security.AuditLog;
import org.hazardwatch.core.internal.db.Jdbc;

/**
 * Accounts and bearer-token sessions in the database. Tokens are 256-bit random values; only their SHA-256 is
 * stored, so a database dump does not hand out sessions. The CSRF token of a session is derived from its token
 * ({@link #csrfOf}), so a page that cannot read the HttpOnly cookie cannot compute it either.
 */
public class JdbcAuthService implements AuthService {

    public static final String ADMIN = "admin";
    private static final SecureRandom RANDOM = new SecureRandom();
    // verified against on unknown users so that both failures cost the same time
    private static final String DUMMY_HASH = PasswordHasher.hash("not-a-password".toCharArray());
    private static final Duration TOUCH_INTERVAL = Duration.ofSeconds(60);

    private final DataSource dataSource;
    private final PasswordPolicy policy;
    private final String totpIssuer;
    private final AuditLog audit;
    private final Clock clock;

    public JdbcAuthService(DataSource dataSource, PasswordPolicy policy, String totpIssuer, AuditLog audit, Clock clock) {
        this.dataSource = dataSource;
        this.policy = policy;
        this.totpIssuer = totpIssuer;
        this.audit = audit;
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
        // generated: 16 random characters of four classes, so it passes any policy this node may have
        String password = generate ? randomToken(12) + "a1A-" : configuredPassword;
        createUser(ADMIN, password.toCharArray());
        return generate ? Optional.of(password) : Optional.empty();
    }

    public void createUser(String username, char[] password) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("INSERT INTO app_user (username, password_hash, created_at, "
                        + "password_changed_at, display_name) VALUES (?, ?, ?, ?, ?)")) {
            s.setString(1, username);
            s.setString(2, PasswordHasher.hash(password));
            Jdbc.setInstant(s, 3, clock.instant());
            Jdbc.setInstant(s, 4, clock.instant());
            s.setString(5, username);
            s.executeUpdate();
        } catch (SQLException e) {
            throw Jdbc.failure("creating user " + username, e);
        }
    }

    @Override
    public PasswordPolicy policy() {
        return policy;
    }

    private record Stored(String hash, boolean enabled, int failures, Instant lockedUntil, boolean totpEnabled,
            String totpSecret, Long totpLastStep, boolean mustChange) {
    }

    @Override
    public LoginResult login(String username, char[] password, String totpCode, String clientIp, String userAgent) {
        if (username == null || password == null || username.isBlank() || username.length() > 64 || password.length > 1024) {
            return LoginResult.failed(Outcome.BAD_CREDENTIALS);
        }
        Instant now = clock.instant();
        Stored stored = stored(username);
        if (stored == null) {
            PasswordHasher.verify(password, DUMMY_HASH);
            record(username, clientIp, "auth.login-failed", "DENIED", "unknown user");
            return LoginResult.failed(Outcome.BAD_CREDENTIALS);
        }
        if (stored.lockedUntil() != null && stored.lockedUntil().isAfter(now)) {
            record(username, clientIp, "auth.login-failed", "DENIED", "account locked until " + stored.lockedUntil());
            return new LoginResult(Outcome.LOCKED, null, stored.lockedUntil());
        }
        if (!PasswordHasher.verify(password, stored.hash())) {
            return failure(username, stored, clientIp, now, "wrong password", Outcome.BAD_CREDENTIALS);
        }
        if (!stored.enabled()) {
            record(username, clientIp, "auth.login-failed", "DENIED", "account disabled");
            return LoginResult.failed(Outcome.DISABLED);
        }
        Long totpStep = null;
        if (stored.totpEnabled()) {
            if (totpCode == null || totpCode.isBlank()) {
                return LoginResult.failed(Outcome.TOTP_REQUIRED);
            }
            OptionalLong step = Totp.verify(stored.totpSecret(), totpCode, now, stored.totpLastStep());
            if (step.isEmpty()) {
                return failure(username, stored, clientIp, now, "wrong second-factor code", Outcome.TOTP_WRONG);
            }
            totpStep = step.getAsLong();
        }
        String token = randomToken(32);
        Instant expiresAt = now.plus(Duration.ofMinutes(policy.sessionMinutes()));
        try (Connection c = dataSource.getConnection()) {
            Long step = totpStep;
            Jdbc.inTransaction(c, () -> {
                try (PreparedStatement user = c.prepareStatement("UPDATE app_user SET failed_logins = 0, locked_until = NULL, "
                        + "last_login_at = ?, last_login_ip = ?, totp_last_step = COALESCE(?, totp_last_step)"
                        + (PasswordHasher.needsRehash(stored.hash()) ? ", password_hash = ?" : "") + " WHERE username = ?");
                        PreparedStatement session = c.prepareStatement("INSERT INTO auth_session (token_hash, username, "
                                + "created_at, expires_at, last_seen_at, client_ip, user_agent, must_change_password) "
                                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
                    int i = 1;
                    Jdbc.setInstant(user, i++, now);
                    user.setString(i++, truncate(clientIp, 64));
                    user.setObject(i++, step, java.sql.Types.BIGINT);
                    if (PasswordHasher.needsRehash(stored.hash())) {
                        user.setString(i++, PasswordHasher.hash(password));
                    }
                    user.setString(i, username);
                    user.executeUpdate();
                    session.setString(1, sha256(token));
                    session.setString(2, username);
                    Jdbc.setInstant(session, 3, now);
                    Jdbc.setInstant(session, 4, expiresAt);
                    Jdbc.setInstant(session, 5, now);
                    session.setString(6, truncate(clientIp, 64));
                    session.setString(7, truncate(userAgent, 200));
                    session.setBoolean(8, stored.mustChange());
                    session.executeUpdate();
                }
                return null;
            });
        } catch (SQLException e) {
            throw Jdbc.failure("creating session for " + username, e);
        }
        record(username, clientIp, "auth.login", "OK", stored.mustChange() ? "one-time password: must change it" : null);
        return new LoginResult(Outcome.OK, new AuthSession(token, csrfOf(token), username, expiresAt, stored.mustChange()), null);
    }

    /** Counts a failure and locks the account when the policy's limit is reached. */
    private LoginResult failure(String username, Stored stored, String clientIp, Instant now, String why, Outcome outcome) {
        int failures = stored.failures() + 1;
        Instant lockedUntil = failures >= policy.maxFailures() ? now.plus(Duration.ofMinutes(policy.lockMinutes())) : null;
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement(
                        "UPDATE app_user SET failed_logins = ?, locked_until = ? WHERE username = ?")) {
            s.setInt(1, lockedUntil == null ? failures : 0);
            Jdbc.setInstant(s, 2, lockedUntil);
            s.setString(3, username);
            s.executeUpdate();
        } catch (SQLException e) {
            throw Jdbc.failure("counting a failed login of " + username, e);
        }
        record(username, clientIp, "auth.login-failed", "DENIED", why + " (" + failures + " in a row)");
        if (lockedUntil != null) {
            record(username, clientIp, "auth.locked", "OK", "locked until " + lockedUntil + " after " + failures + " failures");
            return new LoginResult(Outcome.LOCKED, null, lockedUntil);
        }
        return LoginResult.failed(outcome);
    }

    @Override
    public Optional<AuthSession> validate(String token) {
        if (token == null || token.isEmpty() || token.length() > 128) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        String hash = sha256(token);
        try (Connection c = dataSource.getConnection()) {
            AuthSession session;
            Instant lastSeen;
            try (PreparedStatement s = c.prepareStatement("SELECT s.username, s.expires_at, s.last_seen_at, "
                    + "s.must_change_password FROM auth_session s JOIN app_user u ON u.username = s.username "
                    + "WHERE s.token_hash = ? AND s.expires_at > ? AND u.enabled = TRUE")) {
                s.setString(1, hash);
                Jdbc.setInstant(s, 2, now);
                try (ResultSet rs = s.executeQuery()) {
                    if (!rs.next()) {
                        return Optional.empty();
                    }
                    lastSeen = Jdbc.getInstant(rs, "last_seen_at");
                    session = new AuthSession(token, csrfOf(token), rs.getString("username"), Jdbc.getInstant(rs, "expires_at"),
                            rs.getBoolean("must_change_password"));
                }
            }
            if (policy.idleMinutes() > 0 && lastSeen != null
                    && lastSeen.plus(Duration.ofMinutes(policy.idleMinutes())).isBefore(now)) {
                try (PreparedStatement delete = c.prepareStatement("DELETE FROM auth_session WHERE token_hash = ?")) {
                    delete.setString(1, hash);
                    delete.executeUpdate();
                }
                return Optional.empty();
            }
            if (lastSeen == null || lastSeen.plus(TOUCH_INTERVAL).isBefore(now)) {
                try (PreparedStatement touch = c.prepareStatement("UPDATE auth_session SET last_seen_at = ? WHERE token_hash = ?")) {
                    Jdbc.setInstant(touch, 1, now);
                    touch.setString(2, hash);
                    touch.executeUpdate();
                }
            }
            return Optional.of(session);
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

    @Override
    public int logoutAll(String username) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("DELETE FROM auth_session WHERE username = ?")) {
            s.setString(1, username);
            return s.executeUpdate();
        } catch (SQLException e) {
            throw Jdbc.failure("ending the sessions of " + username, e);
        }
    }

    @Override
    public List<SessionInfo> sessions(String username, String currentToken) {
        String current = currentToken == null ? "" : sha256(currentToken);
        List<SessionInfo> sessions = new ArrayList<>();
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("SELECT token_hash, created_at, last_seen_at, expires_at, client_ip, "
                        + "user_agent FROM auth_session WHERE username = ? AND expires_at > ? ORDER BY created_at DESC")) {
            s.setString(1, username);
            Jdbc.setInstant(s, 2, clock.instant());
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    String hash = rs.getString("token_hash");
                    sessions.add(new SessionInfo(hash.substring(0, 12), Jdbc.getInstant(rs, "created_at"),
                            Jdbc.getInstant(rs, "last_seen_at"), Jdbc.getInstant(rs, "expires_at"), rs.getString("client_ip"),
                            rs.getString("user_agent"), hash.equals(current)));
                }
            }
        } catch (SQLException e) {
            throw Jdbc.failure("listing the sessions of " + username, e);
        }
        return sessions;
    }

    @Override
    public void changePassword(String username, char[] currentPassword, char[] newPassword) {
        Stored stored = stored(username);
        if (stored == null || currentPassword == null || !PasswordHasher.verify(currentPassword, stored.hash())) {
            throw new PasswordChangeException(Reason.CURRENT_PASSWORD_WRONG, "the current password is wrong");
        }
        PasswordRules.check(policy, username, newPassword);
        if (PasswordHasher.verify(newPassword, stored.hash())) {
            throw new PasswordChangeException(Reason.PASSWORD_UNCHANGED, "the new password must differ from the current one");
        }
        setPassword(username, newPassword, false);
        record(username, null, "auth.password", "OK", "password changed; every session ended");
    }

    /** Stores a new password hash and ends the user's sessions; {@code oneTime} makes the user change it at login. */
    public void setPassword(String username, char[] password, boolean oneTime) {
        try (Connection c = dataSource.getConnection()) {
            Jdbc.inTransaction(c, () -> {
                try (PreparedStatement update = c.prepareStatement("UPDATE app_user SET password_hash = ?, "
                        + "must_change_password = ?, password_changed_at = ?, failed_logins = 0, locked_until = NULL "
                        + "WHERE username = ?");
                        PreparedStatement sessions = c.prepareStatement("DELETE FROM auth_session WHERE username = ?")) {
                    update.setString(1, PasswordHasher.hash(password));
                    update.setBoolean(2, oneTime);
                    Jdbc.setInstant(update, 3, clock.instant());
                    update.setString(4, username);
                    update.executeUpdate();
                    sessions.setString(1, username);
                    sessions.executeUpdate();
                }
                return null;
            });
        } catch (SQLException e) {
            throw Jdbc.failure("setting the password of " + username, e);
        }
    }

    /** Checks a password an administrator gives out against the policy (it must still be changed at first login). */
    public void checkPolicy(String username, char[] password) {
        PasswordRules.check(policy, username, password);
    }

    @Override
    public TotpEnrolment beginTotp(String username) {
        Stored stored = stored(username);
        if (stored != null && stored.totpEnabled()) {
            // otherwise a borrowed session could replace the owner's second factor with its own
            throw new IllegalStateException("a second factor is active: turn it off with a current code before enrolling again");
        }
        String secret = Totp.newSecret();
        update("UPDATE app_user SET totp_pending = ? WHERE username = ?", secret, username);
        return new TotpEnrolment(secret, Totp.uri(totpIssuer, username, secret));
    }

    @Override
    public boolean confirmTotp(String username, String code) {
        String pending = single("SELECT totp_pending FROM app_user WHERE username = ?", username);
        OptionalLong step = Totp.verify(pending, code, clock.instant(), null);
        if (step.isEmpty()) {
            return false;
        }
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("UPDATE app_user SET totp_secret = totp_pending, totp_pending = NULL, "
                        + "totp_enabled = TRUE, totp_last_step = ? WHERE username = ?")) {
            s.setLong(1, step.getAsLong());
            s.setString(2, username);
            s.executeUpdate();
        } catch (SQLException e) {
            throw Jdbc.failure("enabling the second factor of " + username, e);
        }
        return true;
    }

    @Override
    public boolean disableTotp(String username, String code) {
        Stored stored = stored(username);
        if (stored == null || !stored.totpEnabled()
                || Totp.verify(stored.totpSecret(), code, clock.instant(), stored.totpLastStep()).isEmpty()) {
            return false;
        }
        clearTotp(username);
        return true;
    }

    /** Turns the second factor off without a code (an administrator's reset after a lost phone). */
    public void clearTotp(String username) {
        update("UPDATE app_user SET totp_enabled = FALSE, totp_secret = NULL, totp_pending = NULL, totp_last_step = NULL "
                + "WHERE username = ?", username);
    }

    private Stored stored(String username) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("SELECT password_hash, enabled, failed_logins, locked_until, "
                        + "totp_enabled, totp_secret, totp_last_step, must_change_password FROM app_user WHERE username = ?")) {
            s.setString(1, username);
            try (ResultSet rs = s.executeQuery()) {
                if (!rs.next()) {
                    return null;
                }
                long step = rs.getLong("totp_last_step");
                Long lastStep = rs.wasNull() ? null : step;
                return new Stored(rs.getString("password_hash"), rs.getBoolean("enabled"), rs.getInt("failed_logins"),
                        Jdbc.getInstant(rs, "locked_until"), rs.getBoolean("totp_enabled"), rs.getString("totp_secret"),
                        lastStep, rs.getBoolean("must_change_password"));
            }
        } catch (SQLException e) {
            throw Jdbc.failure("reading the account " + username, e);
        }
    }

    private void update(String sql, String... args) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                s.setString(i + 1, args[i]);
            }
            s.executeUpdate();
        } catch (SQLException e) {
            throw Jdbc.failure("updating an account", e);
        }
    }

    private String single(String sql, String arg) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, arg);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        } catch (SQLException e) {
            throw Jdbc.failure("reading an account", e);
        }
    }

    private void record(String username, String clientIp, String action, String outcome, String detail) {
        if (audit != null) {
            audit.append(new AuditEntry.Draft(truncate(username, 64), null, null, clientIp, action, "account", username, outcome,
                    null, null, detail));
        }
    }

    private static String truncate(String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max);
    }

    private static String randomToken(int bytes) {
        byte[] raw = new byte[bytes];
        RANDOM.nextBytes(raw);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
    }

    /** The CSRF token of a session: only who knows the session token can compute it. */
    public static String csrfOf(String token) {
        return sha256("csrf|" + token).substring(0, 43);
    }

    static String sha256(String value) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
