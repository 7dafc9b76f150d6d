package org.hazardwatch.core.internal;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

import javax.sql.DataSource;

import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Assumptions;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * Databases for storage tests: a fresh in-memory H2, and a fresh database on the PostgreSQL at
 * 127.0.0.1:5432 (user postgres, override with HAZARDWATCH_TEST_PG_HOST/PORT/USER). When no PostgreSQL answers the
 * PostgreSQL tests are skipped, with a loud message.
 */
public final class TestDatabases {

    private TestDatabases() {
    }

    public static DataSource h2() {
        JdbcDataSource ds = new JdbcDataSource();
        ds.setURL("jdbc:h2:mem:hw" + UUID.randomUUID().toString().replace("-", "") + ";DB_CLOSE_DELAY=-1");
        ds.setUser("sa");
        return ds;
    }

    public static String pgHost() {
        return System.getenv().getOrDefault("HAZARDWATCH_TEST_PG_HOST", "127.0.0.1");
    }

    public static int pgPort() {
        return Integer.parseInt(System.getenv().getOrDefault("HAZARDWATCH_TEST_PG_PORT", "5432"));
    }

    public static String pgUser() {
        return System.getenv().getOrDefault("HAZARDWATCH_TEST_PG_USER", "postgres");
    }

    /** Creates a new empty database and returns a DataSource for it; aborts the test when PostgreSQL is absent. */
    public static DataSource postgres() {
        String name = "hw_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        String admin = "jdbc:postgresql://" + pgHost() + ":" + pgPort() + "/postgres?connectTimeout=3";
        try (Connection c = DriverManager.getConnection(admin, pgUser(), ""); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            String message = "PostgreSQL at " + pgHost() + ":" + pgPort() + " does not answer (" + e.getMessage()
                    + "): SKIPPING the PostgreSQL storage tests";
            System.err.println("\n!!!!!!!! " + message + " !!!!!!!!\n");
            Assumptions.abort(message);
        }
        PGSimpleDataSource ds = new PGSimpleDataSource();
        ds.setServerNames(new String[] { pgHost() });
        ds.setPortNumbers(new int[] { pgPort() });
        ds.setDatabaseName(name);
        ds.setUser(pgUser());
        return ds;
    }
}
