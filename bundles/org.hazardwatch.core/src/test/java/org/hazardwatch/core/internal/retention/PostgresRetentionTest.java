package org.hazardwatch.core.internal.retention;

import javax.sql.DataSource;

import org.hazardwatch.core.internal.TestDatabases;

class PostgresRetentionTest extends RetentionContractTest {

    @Override
    DataSource createDataSource() {
        return TestDatabases.postgres();
    }
}
