package org.hazardwatch.core.internal.equipment;

import javax.sql.DataSource;

import org.hazardwatch.core.internal.TestDatabases;

/** The same on PostgreSQL, the production database. */
class PostgresEquipmentTest extends JdbcEquipmentTest {

    @Override
    DataSource database() {
        return TestDatabases.postgres();
    }
}
