package org.hazardwatch.core.internal.db;

import java.sql.Connection;
import java.util.HashMap;
import java.util.Map;

import javax.sql.DataSource;

import liquibase.Contexts;
import liquibase.LabelExpression;
import liquibase.Liquibase;
import liquibase.Scope;
import liquibase.database.Database;
import liquibase.database.DatabaseFactory;
import liquibase.database.jvm.JdbcConnection;
import liquibase.resource.ClassLoaderResourceAccessor;
import liquibase.ui.LoggerUIService;

/**
 * Creates and upgrades the HazardWatch schema with the Liquibase change log {@value #CHANGELOG}. Liquibase is
 * embedded in this bundle; it is run with this bundle's class loader as thread context and scope class loader so
 * that its service lookups find its own jars inside OSGi.
 */
public final class DatabaseMigrator {

    public static final String CHANGELOG = "db/changelog.xml";

    private DatabaseMigrator() {
    }

    public static void migrate(DataSource dataSource) throws Exception {
        ClassLoader bundleLoader = DatabaseMigrator.class.getClassLoader();
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(bundleLoader);
        try (Connection connection = dataSource.getConnection()) {
            ClassLoaderResourceAccessor resources = new ClassLoaderResourceAccessor(bundleLoader);
            Map<String, Object> scope = new HashMap<>();
            scope.put(Scope.Attr.classLoader.name(), bundleLoader);
            scope.put(Scope.Attr.resourceAccessor.name(), resources);
            // progress to the log, not to the console of a foreground Karaf
            scope.put(Scope.Attr.ui.name(), new LoggerUIService());
            // the plant network is closed: no usage analytics, no banner
            scope.put("liquibase.analytics.enabled", Boolean.FALSE);
            scope.put("liquibase.showBanner", Boolean.FALSE);
            Scope.child(scope, () -> {
                Database database = DatabaseFactory.getInstance()
                        .findCorrectDatabaseImplementation(new JdbcConnection(connection));
                try (Liquibase liquibase = new Liquibase(CHANGELOG, resources, database)) {
                    liquibase.update(new Contexts(), new LabelExpression());
                }
            });
        } finally {
            thread.setContextClassLoader(previous);
        }
    }
}
