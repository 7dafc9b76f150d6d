package org.hazardwatch.core.internal.registry;

import javax.sql.DataSource;

import org.hazardwatch.core.internal.TestDatabases;

class PostgresRegistryTest extends RegistryContractTest {

    @Override
    DataSource createDataSource() {
        return TestDatabases.postgres();
    }
}
