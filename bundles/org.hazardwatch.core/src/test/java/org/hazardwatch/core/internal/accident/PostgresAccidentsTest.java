package org.hazardwatch.core.internal.accident;

import javax.sql.DataSource;

import org.hazardwatch.core.internal.TestDatabases;

/** The same on PostgreSQL, the production database. */
class PostgresAccidentsTest extends JdbcAccidentsTest {

    @Override
    DataSource database() {
        return TestDatabases.postgres();
    }
}
