package org.hazardwatch.core.internal.security;

import javax.sql.DataSource;

import org.hazardwatch.core.internal.TestDatabases;

class H2SecurityTest extends SecurityContractTest {

    @Override
    DataSource createDataSource() {
        return TestDatabases.h2();
    }
}
