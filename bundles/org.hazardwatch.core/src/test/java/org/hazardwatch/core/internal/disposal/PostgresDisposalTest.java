package org.hazardwatch.core.internal.disposal;

import javax.sql.DataSource;

import org.hazardwatch.core.internal.TestDatabases;

class PostgresDisposalTest extends DisposalContractTest {

    @Override
    DataSource createDataSource() {
        return TestDatabases.postgres();
    }
}
