package org.hazardwatch.core.internal.registration;

import javax.sql.DataSource;

import org.hazardwatch.core.internal.TestDatabases;

/** The same on PostgreSQL, the production database. */
class PostgresRegistrationsTest extends JdbcRegistrationsTest {

    @Override
    DataSource database() {
        return TestDatabases.postgres();
    }
}
