package org.hazardwatch.core.internal.danger;

import javax.sql.DataSource;

import org.hazardwatch.core.internal.TestDatabases;

/** The same on PostgreSQL, the production database. */
class PostgresHiddenDangersTest extends JdbcHiddenDangersTest {

    @Override
    DataSource database() {
        return TestDatabases.postgres();
    }
}
