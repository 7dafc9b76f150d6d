package org.hazardwatch.exchange.envelope;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.UUID;

import javax.sql.DataSource;

import org.h2.jdbcx.JdbcDataSource;
import org.hazardwatch.core.internal.db.DatabaseMigrator;
import org.junit.jupiter.api.Assumptions;

/** What the exchange tests share: a clock they move, and a migrated H2 or PostgreSQL database. */
public final class TestSupport {

    private TestSupport() {
    }

    public static final class MutableClock extends Clock {
        public Instant now;

        public MutableClock(Instant now) {
            this.now = now;
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }

    /** A fresh, migrated database: "h2" in memory, or "postgresql" on 127.0.0.1:5432 (the test is skipped without it). */
    public static DataSource database(String kind) throws Exception {
        DataSource dataSource;
        if (kind.equals("h2")) {
            JdbcDataSource h2 = new JdbcDataSource();
            h2.setURL("jdbc:h2:mem:exchange" + UUID.randomUUID().toString().replace("-", "") + ";DB_CLOSE_DELAY=-1");
            h2.setUser("sa");
            dataSource = h2;
        } else {
            String name = "hw_exchange_" + Long.toHexString(System.nanoTime());
            try (Connection c = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/postgres?connectTimeout=3", "postgres", "");
                    Statement s = c.createStatement()) {
                s.execute("CREATE DATABASE " + name);
            } catch (Exception e) {
                Assumptions.abort("no PostgreSQL on 127.0.0.1:5432: " + e.getMessage());
            }
            org.postgresql.ds.PGSimpleDataSource pg = new org.postgresql.ds.PGSimpleDataSource();
            pg.setUrl("jdbc:postgresql://127.0.0.1:5432/" + name);
            pg.setUser("postgres");
            dataSource = pg;
        }
        DatabaseMigrator.migrate(dataSource);
        return dataSource;
    }
}
