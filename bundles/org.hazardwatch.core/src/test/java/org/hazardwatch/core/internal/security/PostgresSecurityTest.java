package org.hazardwatch.core.internal.security;

import javax.sql.DataSource;

import org.hazardwatch.core.internal.TestDatabases;

class PostgresSecurityTest extends SecurityContractTest {

    @Override
    DataSource createDataSource() {
        return TestDatabases.postgres();
    }
}
