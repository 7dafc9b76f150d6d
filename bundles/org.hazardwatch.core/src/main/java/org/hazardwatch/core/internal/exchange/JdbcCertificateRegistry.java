package org.hazardwatch.core.internal.exchange;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import javax.sql.DataSource;

import org.hazardwatch.api.exchange.CertificateRegistry;
import org.hazardwatch.api.exchange.EnrolmentToken;
import org.hazardwatch.api.exchange.NodeCertificate;
import org.hazardwatch.api.exchange.NodeStatus;
import org.hazardwatch.core.internal.db.Jdbc;

/** Certificates, enrolment tokens and heartbeats of the security centre, in the node's database. */
public class JdbcCertificateRegistry implements CertificateRegistry {

    private static final String COLUMNS = "serial, organisation_code, node_role, subject, not_before, not_after, status, revoked_at, "
            + "revocation_reason, issued_at, issued_by, pem";
    private static final String TOKEN_COLUMNS = "token_hash, organisation_code, node_role, expires_at, created_by, created_at, used_at, "
            + "certificate_serial";

    private final DataSource dataSource;

    public JdbcCertificateRegistry(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public void saveCertificate(NodeCertificate c) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement s = connection.prepareStatement("INSERT INTO node_certificate (" + COLUMNS
                        + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            s.setString(1, c.serial());
            s.setString(2, c.organisationCode());
            s.setString(3, c.role());
            s.setString(4, c.subject());
            Jdbc.setInstant(s, 5, c.notBefore());
            Jdbc.setInstant(s, 6, c.notAfter());
            s.setString(7, c.status().name());
            Jdbc.setInstant(s, 8, c.revokedAt());
            s.setString(9, c.revocationReason());
            Jdbc.setInstant(s, 10, c.issuedAt());
            s.setString(11, c.issuedBy());
            s.setString(12, c.pem());
            s.executeUpdate();
        } catch (SQLException e) {
            throw Jdbc.failure("storing certificate " + c.serial(), e);
        }
    }

    @Override
    public Optional<NodeCertificate> certificate(String serial) {
        List<NodeCertificate> found = select(" WHERE serial = ?", serial);
        return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
    }

    @Override
    public List<NodeCertificate> certificates(String organisationCode) {
        return organisationCode == null ? select("", null) : select(" WHERE organisation_code = ?", organisationCode);
    }

    @Override
    public boolean revoke(String serial, String reason, Instant at) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement s = connection.prepareStatement("UPDATE node_certificate SET status = 'REVOKED', revoked_at = ?, "
                        + "revocation_reason = ? WHERE serial = ? AND status <> 'REVOKED'")) {
            Jdbc.setInstant(s, 1, at);
            s.setString(2, reason);
            s.setString(3, serial);
            return s.executeUpdate() == 1;
        } catch (SQLException e) {
            throw Jdbc.failure("revoking certificate " + serial, e);
        }
    }

    @Override
    public List<NodeCertificate> revoked() {
        return select(" WHERE status = 'REVOKED'", null);
    }

    private List<NodeCertificate> select(String where, String arg) {
        List<NodeCertificate> found = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
                PreparedStatement s = connection.prepareStatement("SELECT " + COLUMNS + " FROM node_certificate" + where
                        + " ORDER BY issued_at DESC, serial")) {
            if (arg != null) {
                s.setString(1, arg);
            }
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    found.add(new NodeCertificate(rs.getString("serial"), rs.getString("organisation_code"), rs.getString("node_role"),
                            rs.getString("subject"), Jdbc.getInstant(rs, "not_before"), Jdbc.getInstant(rs, "not_after"),
                            NodeCertificate.Status.valueOf(rs.getString("status")), Jdbc.getInstant(rs, "revoked_at"),
                            rs.getString("revocation_reason"), Jdbc.getInstant(rs, "issued_at"), rs.getString("issued_by"), rs.getString("pem")));
                }
            }
        } catch (SQLException e) {
            throw Jdbc.failure("reading certificates", e);
        }
        return found;
    }

    @Override
    public void saveToken(String tokenHash, EnrolmentToken token) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement s = connection.prepareStatement("INSERT INTO enrolment_token (" + TOKEN_COLUMNS
                        + ") VALUES (?, ?, ?, ?, ?, ?, NULL, NULL)")) {
            s.setString(1, tokenHash);
            s.setString(2, token.organisationCode());
            s.setString(3, token.role());
            Jdbc.setInstant(s, 4, token.expiresAt());
            s.setString(5, token.createdBy());
            Jdbc.setInstant(s, 6, token.createdAt());
            s.executeUpdate();
        } catch (SQLException e) {
            throw Jdbc.failure("storing an enrolment token", e);
        }
    }

    @Override
    public Optional<EnrolmentToken> useToken(String tokenHash, Instant now, String certificateSerial) {
        try (Connection connection = dataSource.getConnection()) {
            return Jdbc.inTransaction(connection, () -> {
                try (PreparedStatement update = connection.prepareStatement("UPDATE enrolment_token SET used_at = ?, certificate_serial = ? "
                        + "WHERE token_hash = ? AND used_at IS NULL AND expires_at > ?")) {
                    Jdbc.setInstant(update, 1, now);
                    update.setString(2, certificateSerial);
                    update.setString(3, tokenHash);
                    Jdbc.setInstant(update, 4, now);
                    if (update.executeUpdate() != 1) {
                        return Optional.<EnrolmentToken>empty();
                    }
                }
                try (PreparedStatement s = connection.prepareStatement("SELECT " + TOKEN_COLUMNS + " FROM enrolment_token WHERE token_hash = ?")) {
                    s.setString(1, tokenHash);
                    try (ResultSet rs = s.executeQuery()) {
                        return rs.next() ? Optional.of(token(rs)) : Optional.<EnrolmentToken>empty();
                    }
                }
            });
        } catch (SQLException e) {
            throw Jdbc.failure("using an enrolment token", e);
        }
    }

    @Override
    public Optional<EnrolmentToken> token(String tokenHash) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement s = connection.prepareStatement("SELECT " + TOKEN_COLUMNS + " FROM enrolment_token WHERE token_hash = ?")) {
            s.setString(1, tokenHash);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? Optional.of(token(rs)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw Jdbc.failure("reading an enrolment token", e);
        }
    }

    @Override
    public List<EnrolmentToken> tokens() {
        List<EnrolmentToken> tokens = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
                PreparedStatement s = connection.prepareStatement("SELECT " + TOKEN_COLUMNS + " FROM enrolment_token ORDER BY created_at DESC");
                ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                tokens.add(token(rs));
            }
        } catch (SQLException e) {
            throw Jdbc.failure("listing enrolment tokens", e);
        }
        return tokens;
    }

    private static EnrolmentToken token(ResultSet rs) throws SQLException {
        return new EnrolmentToken(rs.getString("token_hash").substring(0, 12), rs.getString("organisation_code"), rs.getString("node_role"),
                Jdbc.getInstant(rs, "expires_at"), rs.getString("created_by"), Jdbc.getInstant(rs, "created_at"),
                Jdbc.getInstant(rs, "used_at"), rs.getString("certificate_serial"));
    }

    @Override
    public void heartbeat(String organisationCode, String certificateSerial, String address, Instant at) {
        try (Connection connection = dataSource.getConnection()) {
            Jdbc.inTransaction(connection, () -> {
                try (PreparedStatement update = connection.prepareStatement(
                        "UPDATE node_heartbeat SET certificate_serial = ?, address = ?, seen_at = ? WHERE organisation_code = ?")) {
                    update.setString(1, certificateSerial);
                    update.setString(2, address);
                    Jdbc.setInstant(update, 3, at);
                    update.setString(4, organisationCode);
                    if (update.executeUpdate() == 1) {
                        return null;
                    }
                }
                try (PreparedStatement insert = connection.prepareStatement(
                        "INSERT INTO node_heartbeat (organisation_code, certificate_serial, address, seen_at) VALUES (?, ?, ?, ?)")) {
                    insert.setString(1, organisationCode);
                    insert.setString(2, certificateSerial);
                    insert.setString(3, address);
                    Jdbc.setInstant(insert, 4, at);
                    insert.executeUpdate();
                }
                return null;
            });
        } catch (SQLException e) {
            throw Jdbc.failure("recording the heartbeat of " + organisationCode, e);
        }
    }

    @Override
    public List<NodeStatus> nodes(Instant now, Duration onlineWithin) {
        Map<String, NodeStatus> nodes = new java.util.TreeMap<>();
        // newest first: the first certificate met per organisation is its current one
        for (NodeCertificate c : select(" WHERE status = 'ACTIVE'", null)) {
            nodes.putIfAbsent(c.organisationCode(), new NodeStatus(c.organisationCode(), c.role(), c.serial(), c.notAfter(), null, null, false));
        }
        try (Connection connection = dataSource.getConnection();
                PreparedStatement s = connection.prepareStatement("SELECT organisation_code, certificate_serial, address, seen_at FROM node_heartbeat");
                ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                NodeStatus known = nodes.get(rs.getString(1));
                Instant seen = Jdbc.getInstant(rs, "seen_at");
                if (known != null) {
                    nodes.put(known.organisationCode(), new NodeStatus(known.organisationCode(), known.role(), known.certificateSerial(),
                            known.certificateNotAfter(), seen, rs.getString("address"), seen.plus(onlineWithin).isAfter(now)));
                }
            }
        } catch (SQLException e) {
            throw Jdbc.failure("listing nodes", e);
        }
        return new ArrayList<>(nodes.values());
    }
}
