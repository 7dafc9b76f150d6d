package org.hazardwatch.core.internal.db;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/** Small JDBC helpers shared by the stores; the column types are the same on H2 and PostgreSQL. */
public final class Jdbc {

    private Jdbc() {
    }

    public static void setInstant(PreparedStatement statement, int index, Instant instant) throws SQLException {
        if (instant == null) {
            statement.setNull(index, Types.TIMESTAMP_WITH_TIMEZONE);
        } else {
            statement.setObject(index, OffsetDateTime.ofInstant(instant, ZoneOffset.UTC));
        }
    }

    public static Instant getInstant(ResultSet resultSet, String column) throws SQLException {
        OffsetDateTime value = resultSet.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    public static void setNullableDouble(PreparedStatement statement, int index, Double value) throws SQLException {
        if (value == null) {
            statement.setNull(index, Types.DOUBLE);
        } else {
            statement.setDouble(index, value);
        }
    }

    public static Double getNullableDouble(ResultSet resultSet, String column) throws SQLException {
        double value = resultSet.getDouble(column);
        return resultSet.wasNull() ? null : value;
    }

    /** Work on a connection that may fail with SQLException. */
    @FunctionalInterface
    public interface SqlWork<T> {
        T run() throws SQLException;
    }

    /** Runs {@code work} in one transaction on {@code c}: committed when it returns, rolled back when it throws. */
    public static <T> T inTransaction(Connection c, SqlWork<T> work) throws SQLException {
        boolean autoCommit = c.getAutoCommit();
        c.setAutoCommit(false);
        try {
            T result = work.run();
            c.commit();
            return result;
        } catch (SQLException | RuntimeException e) {
            c.rollback();
            throw e;
        } finally {
            c.setAutoCommit(autoCommit);
        }
    }

    /** Binds positional arguments; instants as timestamps with time zone. */
    public static void bind(PreparedStatement statement, java.util.List<Object> args) throws SQLException {
        for (int i = 0; i < args.size(); i++) {
            Object arg = args.get(i);
            if (arg instanceof Instant instant) {
                setInstant(statement, i + 1, instant);
            } else {
                statement.setObject(i + 1, arg);
            }
        }
    }

    /** Wraps a checked SQL failure with what was being done. */
    public static StorageException failure(String action, SQLException cause) {
        return new StorageException(action + " failed: " + cause.getMessage(), cause);
    }

    /** Maps the current row of a result set. */
    @FunctionalInterface
    public interface RowMapper<T> {
        T map(ResultSet rs) throws SQLException;
    }

    /**
     * One page of a query and the total: {@code SELECT COUNT(*) FROM <fromWhere>}, then
     * {@code SELECT <columns> FROM <fromWhere> ORDER BY <order> LIMIT size OFFSET page * size}.
     */
    public static <T> org.hazardwatch.api.registry.Page<T> page(Connection c, String columns, String fromWhere, java.util.List<Object> args,
            String order, int page, int size, RowMapper<T> mapper) throws SQLException {
        long total;
        try (PreparedStatement s = c.prepareStatement("SELECT COUNT(*) FROM " + fromWhere)) {
            bind(s, args);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                total = rs.getLong(1);
            }
        }
        java.util.List<Object> pageArgs = new java.util.ArrayList<>(args);
        pageArgs.add(size);
        pageArgs.add((long) page * size);
        java.util.List<T> items = new java.util.ArrayList<>();
        try (PreparedStatement s = c.prepareStatement("SELECT " + columns + " FROM " + fromWhere + " ORDER BY " + order + " LIMIT ? OFFSET ?")) {
            bind(s, pageArgs);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    items.add(mapper.map(rs));
                }
            }
        }
        return new org.hazardwatch.api.registry.Page<>(total, page, size, items);
    }
}
