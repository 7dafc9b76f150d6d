package org.hazardwatch.core.internal.analytics;

import javax.sql.DataSource;

import org.hazardwatch.core.internal.TestDatabases;

/** The same on PostgreSQL, the production database. */
class PostgresOneMapTest extends JdbcOneMapTest {

    @Override
    DataSource database() {
        return TestDatabases.postgres();
    }
}
