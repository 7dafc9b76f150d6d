package org.hazardwatch.core.internal.retention;

import javax.sql.DataSource;

import org.hazardwatch.core.internal.TestDatabases;

class H2RetentionTest extends RetentionContractTest {

    @Override
    DataSource createDataSource() {
        return TestDatabases.h2();
    }
}
