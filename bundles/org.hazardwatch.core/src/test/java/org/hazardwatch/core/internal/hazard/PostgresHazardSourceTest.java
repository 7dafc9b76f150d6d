package org.hazardwatch.core.internal.hazard;

import javax.sql.DataSource;

import org.hazardwatch.core.internal.TestDatabases;

class PostgresHazardSourceTest extends HazardSourceContractTest {

    @Override
    DataSource createDataSource() {
        return TestDatabases.postgres();
    }
}
