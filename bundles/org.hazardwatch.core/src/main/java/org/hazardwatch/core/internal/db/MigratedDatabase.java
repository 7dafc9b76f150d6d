package org.hazardwatch.core.internal.db;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import javax.sql.DataSource;

import org.hazardwatch.api.health.Health;
import org.hazardwatch.api.health.HealthIndicator;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HazardWatch DataSource (made by pax-jdbc-config from {@code etc/org.ops4j.datasource-hazardwatch.cfg}) after
 * its schema has been migrated. The stores depend on this service, so none of them starts on an old schema.
 */
@Component(service = { MigratedDatabase.class, HealthIndicator.class })
public class MigratedDatabase implements HealthIndicator {

    private final Logger logger = LoggerFactory.getLogger(MigratedDatabase.class);
    private final DataSource dataSource;
    private final String product;

    @Activate
    public MigratedDatabase(@Reference(target = "(dataSourceName=hazardwatch)") DataSource dataSource) throws Exception {
        this.dataSource = dataSource;
        long start = System.nanoTime();
        DatabaseMigrator.migrate(dataSource);
        try (Connection c = dataSource.getConnection()) {
            product = c.getMetaData().getDatabaseProductName() + " " + c.getMetaData().getDatabaseProductVersion();
        }
        logger.info("Database schema up to date on {} ({} ms)", product, (System.nanoTime() - start) / 1_000_000);
    }

    public DataSource dataSource() {
        return dataSource;
    }

    @Override
    public String componentName() {
        return "database";
    }

    @Override
    public boolean critical() {
        return true;
    }

    @Override
    public Health check() {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.setQueryTimeout(2);
            s.execute("SELECT 1");
            return Health.up(product);
        } catch (SQLException e) {
            return Health.down(e.getMessage());
        }
    }
}
