package org.hazardwatch.core.internal.security;

import java.io.IOException;
import java.io.Writer;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import javax.sql.DataSource;

import org.bouncycastle.crypto.digests.SM3Digest;
import org.hazardwatch.api.registry.Page;
import org.hazardwatch.api.security.AuditEntry;
import org.hazardwatch.api.security.AuditLog;
import org.hazardwatch.api.security.AuditQuery;
import org.hazardwatch.api.security.AuditVerification;
import org.hazardwatch.api.security.Caller;
import org.hazardwatch.api.security.DataScope;
import org.hazardwatch.core.internal.db.Jdbc;

/**
 * The audit log as an SM3 hash chain (GB/T 32905, Bouncy Castle). Each entry's hash covers the previous entry's hash
 * and every field of the entry, length-prefixed so no two different entries hash the same input. A one-row head
 * records the last position and hash; appends lock it ({@code SELECT ... FOR UPDATE}), so nodes sharing the database
 * append one at a time and the chain has no forks. Changing any field, deleting any entry (the last ones included, by
 * the head) or re-ordering entries is found by {@link #verify()}.
 */
public class JdbcAuditLog implements AuditLog {

    static final String GENESIS = "0".repeat(64);
    private static final String COLUMNS = "seq, logged_at, actor, organisation, actor_region, client_ip, action, target_type, "
            + "target_id, outcome, before_state, after_state, detail, prev_hash, entry_hash";
    private static final int MAX_STATE = 20_000;

    private final DataSource dataSource;
    private final Clock clock;

    public JdbcAuditLog(DataSource dataSource, Clock clock) {
        this.dataSource = dataSource;
        this.clock = clock;
    }

    @Override
    public AuditEntry append(AuditEntry.Draft draft) {
        // microseconds: what PostgreSQL keeps, so the hash of a read-back entry is the hash written
        Instant at = clock.instant().truncatedTo(ChronoUnit.MICROS);
        try (Connection c = dataSource.getConnection()) {
            return Jdbc.inTransaction(c, () -> {
                String organisation = cut(draft.organisation(), 200);
                String actorRegion = cut(draft.actorRegion(), 24);
                if (organisation == null && actorRegion == null) {
                    String[] resolved = resolveActor(c, draft.actor());
                    organisation = resolved[0];
                    actorRegion = resolved[1];
                }
                long seq;
                String prev;
                try (PreparedStatement head = c.prepareStatement("SELECT seq, entry_hash FROM audit_head WHERE id = 1 FOR UPDATE");
                        ResultSet rs = head.executeQuery()) {
                    if (!rs.next()) {
                        throw new SQLException("audit_head row is missing: the audit log cannot be appended to");
                    }
                    seq = rs.getLong(1) + 1;
                    prev = rs.getString(2).strip();
                }
                AuditEntry entry = new AuditEntry(seq, at, nonNull(cut(draft.actor(), 64)), organisation, actorRegion,
                        cut(draft.clientIp(), 64), nonNull(cut(draft.action(), 64)), cut(draft.targetType(), 40),
                        cut(draft.targetId(), 200), draft.outcome() == null ? "OK" : cut(draft.outcome(), 16),
                        cut(draft.before(), MAX_STATE), cut(draft.after(), MAX_STATE), cut(draft.detail(), 1000), prev, null);
                String hash = hash(entry);
                try (PreparedStatement insert = c.prepareStatement("INSERT INTO audit_log (" + COLUMNS
                        + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
                        PreparedStatement head = c.prepareStatement("UPDATE audit_head SET seq = ?, entry_hash = ? WHERE id = 1")) {
                    insert.setLong(1, seq);
                    Jdbc.setInstant(insert, 2, at);
                    insert.setString(3, entry.actor());
                    insert.setString(4, entry.organisation());
                    insert.setString(5, entry.actorRegion());
                    insert.setString(6, entry.clientIp());
                    insert.setString(7, entry.action());
                    insert.setString(8, entry.targetType());
                    insert.setString(9, entry.targetId());
                    insert.setString(10, entry.outcome());
                    insert.setString(11, entry.before());
                    insert.setString(12, entry.after());
                    insert.setString(13, entry.detail());
                    insert.setString(14, prev);
                    insert.setString(15, hash);
                    insert.executeUpdate();
                    head.setLong(1, seq);
                    head.setString(2, hash);
                    head.executeUpdate();
                }
                return withHash(entry, hash);
            });
        } catch (SQLException e) {
            throw Jdbc.failure("appending to the audit log", e);
        }
    }

    /** Organisation name and region (or enterprise USCC) of an account, for scoping auditors. */
    private static String[] resolveActor(Connection c, String username) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT o.name, o.org_level, o.region_code, e.uscc FROM app_user u "
                + "JOIN organisation o ON o.id = u.organisation_id LEFT JOIN enterprise e ON e.id = o.enterprise_id "
                + "WHERE u.username = ?")) {
            s.setString(1, username);
            try (ResultSet rs = s.executeQuery()) {
                if (!rs.next()) {
                    return new String[] {null, null};
                }
                String level = rs.getString(2);
                String region = "ENTERPRISE".equals(level) ? rs.getString(4) : "NATIONAL".equals(level) ? "" : rs.getString(3);
                return new String[] {rs.getString(1), region};
            }
        }
    }

    @Override
    public Page<AuditEntry> search(Caller caller, AuditQuery query, int page, int size) {
        List<Object> args = new ArrayList<>();
        String where = where(caller, query, args);
        try (Connection c = dataSource.getConnection()) {
            long total;
            try (PreparedStatement count = c.prepareStatement("SELECT COUNT(*) FROM audit_log" + where)) {
                Jdbc.bind(count, args);
                try (ResultSet rs = count.executeQuery()) {
                    rs.next();
                    total = rs.getLong(1);
                }
            }
            List<AuditEntry> items = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement(
                    "SELECT " + COLUMNS + " FROM audit_log" + where + " ORDER BY seq DESC LIMIT ? OFFSET ?")) {
                List<Object> paged = new ArrayList<>(args);
                paged.add(size);
                paged.add((long) page * size);
                Jdbc.bind(s, paged);
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        items.add(read(rs));
                    }
                }
            }
            return new Page<>(total, page, size, items);
        } catch (SQLException e) {
            throw Jdbc.failure("searching the audit log", e);
        }
    }

    @Override
    public long export(Caller caller, AuditQuery query, Writer out) throws IOException {
        List<Object> args = new ArrayList<>();
        String where = where(caller, query, args);
        out.write("\uFEFFseq,time,actor,organisation,client_ip,action,target_type,target_id,outcome,before,after,detail,"
                + "prev_hash,hash\r\n");
        long rows = 0;
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("SELECT " + COLUMNS + " FROM audit_log" + where + " ORDER BY seq")) {
            s.setFetchSize(500);
            Jdbc.bind(s, args);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    AuditEntry e = read(rs);
                    out.write(String.join(",", Long.toString(e.seq()), e.at().toString(), csv(e.actor()), csv(e.organisation()),
                            csv(e.clientIp()), csv(e.action()), csv(e.targetType()), csv(e.targetId()), csv(e.outcome()),
                            csv(e.before()), csv(e.after()), csv(e.detail()), e.prevHash(), e.hash()));
                    out.write("\r\n");
                    rows++;
                }
            }
        } catch (SQLException e) {
            throw Jdbc.failure("exporting the audit log", e);
        }
        out.flush();
        return rows;
    }

    @Override
    public AuditVerification verify() {
        Instant now = clock.instant();
        try (Connection c = dataSource.getConnection()) {
            long headSeq;
            String headHash;
            try (PreparedStatement head = c.prepareStatement("SELECT seq, entry_hash FROM audit_head WHERE id = 1");
                    ResultSet rs = head.executeQuery()) {
                if (!rs.next()) {
                    return new AuditVerification(false, 0, 0, null, "HEAD_MISMATCH", "the head row is missing", now);
                }
                headSeq = rs.getLong(1);
                headHash = rs.getString(2).strip();
            }
            long expectedSeq = 1;
            String prev = GENESIS;
            long checked = 0;
            // autocommit off so PostgreSQL streams the rows with the fetch size instead of loading them all
            c.setAutoCommit(false);
            try (PreparedStatement s = c.prepareStatement("SELECT " + COLUMNS + " FROM audit_log ORDER BY seq")) {
                s.setFetchSize(1000);
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        AuditEntry entry = read(rs);
                        checked++;
                        if (entry.seq() != expectedSeq) {
                            return broken(checked, headSeq, expectedSeq, "MISSING", "entry " + expectedSeq
                                    + (entry.seq() > expectedSeq ? " to " + (entry.seq() - 1) + " are" : " is") + " missing", now);
                        }
                        if (!prev.equals(entry.prevHash())) {
                            return broken(checked, headSeq, entry.seq(), "MISSING",
                                    "entry " + entry.seq() + " does not link to the entry before it", now);
                        }
                        if (!hash(entry).equals(entry.hash())) {
                            return broken(checked, headSeq, entry.seq(), "CHANGED",
                                    "entry " + entry.seq() + " was changed after it was written", now);
                        }
                        prev = entry.hash();
                        expectedSeq++;
                    }
                }
            } finally {
                c.rollback();
                c.setAutoCommit(true);
            }
            long last = expectedSeq - 1;
            if (last != headSeq || !prev.equals(headHash)) {
                return broken(checked, headSeq, last + 1, "HEAD_MISMATCH", "the chain ends at entry " + last
                        + " but the head records entry " + headSeq + ": entries at the end were deleted or the head altered", now);
            }
            return new AuditVerification(true, checked, headSeq, null, null, null, now);
        } catch (SQLException e) {
            throw Jdbc.failure("verifying the audit log", e);
        }
    }

    private static AuditVerification broken(long checked, long headSeq, long at, String problem, String detail, Instant now) {
        return new AuditVerification(false, checked, headSeq, at, problem, detail, now);
    }

    private static String where(Caller caller, AuditQuery query, List<Object> args) {
        StringBuilder where = new StringBuilder(" WHERE 1 = 1");
        DataScope scope = caller.scope();
        switch (scope.kind()) {
            case ALL -> {
            }
            // an auditor of a region reads what the people of its region did
            case REGION, PARK, ENTERPRISE -> {
                where.append(" AND actor_region LIKE ?");
                args.add(scope.code() + "%");
            }
        }
        if (query != null) {
            if (query.from() != null) {
                where.append(" AND logged_at >= ?");
                args.add(query.from());
            }
            if (query.to() != null) {
                where.append(" AND logged_at < ?");
                args.add(query.to());
            }
            if (query.actor() != null && !query.actor().isBlank()) {
                where.append(" AND actor = ?");
                args.add(query.actor().strip());
            }
            if (query.action() != null && !query.action().isBlank()) {
                where.append(" AND action LIKE ?");
                args.add(query.action().strip().replace("*", "%"));
            }
            if (query.targetType() != null && !query.targetType().isBlank()) {
                where.append(" AND target_type = ?");
                args.add(query.targetType().strip());
            }
            if (query.outcome() != null && !query.outcome().isBlank()) {
                where.append(" AND outcome = ?");
                args.add(query.outcome().strip());
            }
            if (query.text() != null && !query.text().isBlank()) {
                where.append(" AND (target_id LIKE ? OR detail LIKE ?)");
                String like = "%" + query.text().strip().replace("%", "").replace("_", "") + "%";
                args.add(like);
                args.add(like);
            }
        }
        return where.toString();
    }

    private static AuditEntry read(ResultSet rs) throws SQLException {
        return new AuditEntry(rs.getLong("seq"), Jdbc.getInstant(rs, "logged_at"), rs.getString("actor"),
                rs.getString("organisation"), rs.getString("actor_region"), rs.getString("client_ip"), rs.getString("action"),
                rs.getString("target_type"), rs.getString("target_id"), rs.getString("outcome"), rs.getString("before_state"),
                rs.getString("after_state"), rs.getString("detail"), rs.getString("prev_hash").strip(),
                rs.getString("entry_hash").strip());
    }

    /** SM3 over the previous hash and every field, each length-prefixed (null and empty differ). */
    static String hash(AuditEntry e) {
        SM3Digest digest = new SM3Digest();
        for (String field : new String[] {e.prevHash(), Long.toString(e.seq()), e.at().toString(), e.actor(), e.organisation(),
                e.actorRegion(), e.clientIp(), e.action(), e.targetType(), e.targetId(), e.outcome(), e.before(), e.after(),
                e.detail()}) {
            if (field == null) {
                digest.update(ByteBuffer.allocate(4).putInt(-1).array(), 0, 4);
            } else {
                byte[] bytes = field.getBytes(StandardCharsets.UTF_8);
                digest.update(ByteBuffer.allocate(4).putInt(bytes.length).array(), 0, 4);
                digest.update(bytes, 0, bytes.length);
            }
        }
        byte[] out = new byte[digest.getDigestSize()];
        digest.doFinal(out, 0);
        return HexFormat.of().formatHex(out);
    }

    private static AuditEntry withHash(AuditEntry e, String hash) {
        return new AuditEntry(e.seq(), e.at(), e.actor(), e.organisation(), e.actorRegion(), e.clientIp(), e.action(),
                e.targetType(), e.targetId(), e.outcome(), e.before(), e.after(), e.detail(), e.prevHash(), hash);
    }

    private static String cut(String value, int max) {
        if (value == null) {
            return null;
        }
        // control characters other than tab/newline would only hide things from people reading the log
        String clean = value.replaceAll("[\\p{Cntrl}&&[^\\t\\n\\r]]", "?");
        return clean.length() <= max ? clean : clean.substring(0, max - 1) + "…";
    }

    private static String nonNull(String value) {
        return value == null ? "?" : value;
    }

    private static String csv(String value) {
        if (value == null) {
            return "";
        }
        // a leading = + - @ would run as a formula in a spreadsheet
        String safe = !value.isEmpty() && "=+-@".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
        return "\"" + safe.replace("\"", "\"\"") + "\"";
    }
}
