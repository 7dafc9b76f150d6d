package org.hazardwatch.core.internal;

import javax.sql.DataSource;

class H2StorageTest extends StorageContractTest {

    @Override
    DataSource createDataSource() {
        return TestDatabases.h2();
    }
}
