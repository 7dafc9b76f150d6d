package org.hazardwatch.core.internal.registry;

import javax.sql.DataSource;

import org.hazardwatch.core.internal.TestDatabases;

class H2RegistryTest extends RegistryContractTest {

    @Override
    DataSource createDataSource() {
        return TestDatabases.h2();
    }
}
