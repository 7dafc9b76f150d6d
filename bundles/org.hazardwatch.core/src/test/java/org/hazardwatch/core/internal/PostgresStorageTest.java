package org.hazardwatch.core.internal;

import javax.sql.DataSource;

class PostgresStorageTest extends StorageContractTest {

    @Override
    DataSource createDataSource() {
        return TestDatabases.postgres();
    }
}
