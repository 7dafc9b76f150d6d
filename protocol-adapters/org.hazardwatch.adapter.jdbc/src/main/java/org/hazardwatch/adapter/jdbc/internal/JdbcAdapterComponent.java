package org.hazardwatch.adapter.jdbc.internal;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Driver;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import org.hazardwatch.api.adapter.AdapterInstances;
import org.hazardwatch.api.adapter.ForwardingProtocolAdapter;
import org.hazardwatch.api.adapter.MappingFileWatcher;
import org.hazardwatch.api.adapter.MappingReload;
import org.hazardwatch.api.adapter.ProtocolAdapter;
import org.hazardwatch.api.health.HealthIndicator;
import org.hazardwatch.api.ingest.SampleSink;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.jdbc.DataSourceFactory;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One JDBC source adapter instance per factory configuration {@code org.hazardwatch.adapter.jdbc-<name>}. The driver
 * comes from the {@link DataSourceFactory} services the H2 and PostgreSQL driver bundles register.
 */
@Component(service = { ProtocolAdapter.class, HealthIndicator.class }, configurationPid = "org.hazardwatch.adapter.jdbc",
        configurationPolicy = ConfigurationPolicy.REQUIRE)
@Designate(ocd = JdbcAdapterConfig.class, factory = true)
public class JdbcAdapterComponent extends ForwardingProtocolAdapter {

    private final Logger logger = LoggerFactory.getLogger(JdbcAdapterComponent.class);
    private final JdbcSourceAdapter adapter;
    private final Path mappingFile;
    private final MappingFileWatcher watcher;

    @Activate
    public JdbcAdapterComponent(BundleContext context, JdbcAdapterConfig config, Map<String, Object> properties,
            @Reference SampleSink sink,
            @Reference(service = DataSourceFactory.class, cardinality = ReferenceCardinality.MULTIPLE)
            List<ServiceReference<DataSourceFactory>> drivers) throws IOException {
        String name = AdapterInstances.instanceName("org.hazardwatch.adapter.jdbc", config.name(), properties);
        mappingFile = Path.of(config.mapping_file());
        TagMapping mapping = readMapping(name);
        Driver driver = driverFor(context, drivers, config.url());
        Properties credentials = new Properties();
        credentials.setProperty("user", config.user());
        credentials.setProperty("password", config.password());
        JdbcSourceAdapter.Connector connector = () -> {
            if (driver == null) {
                throw new SQLException("no JDBC driver installed for " + config.url());
            }
            return driver.connect(config.url(), credentials);
        };
        adapter = new JdbcSourceAdapter(name, new JdbcSourceAdapter.Settings(config.table(), config.watermark_column(),
                config.tag_column(), config.value_column(), config.time_column(), config.quality_column(),
                config.poll_interval_ms(), config.batch_size()), connector, mapping.pointByTag(),
                context.getDataFile("watermark-" + name).toPath(), sink);
        adapter.start();
        // integrators edit the mapping file in place: a changed file is applied without a restart
        watcher = new MappingFileWatcher(mappingFile, "jdbc-" + name, this::reloadMappings, logger::info);
    }

    /** The driver of the URL's database, from the DataSourceFactory services; null when none fits. */
    static Driver driverFor(BundleContext context, List<ServiceReference<DataSourceFactory>> drivers, String url) {
        String wanted = url == null ? "" : url.startsWith("jdbc:postgresql:") ? "org.postgresql.Driver"
                : url.startsWith("jdbc:h2:") ? "org.h2.Driver" : "";
        for (ServiceReference<DataSourceFactory> reference : drivers) {
            if (wanted.equals(reference.getProperty(DataSourceFactory.OSGI_JDBC_DRIVER_CLASS))) {
                try {
                    return context.getService(reference).createDriver(null);
                } catch (SQLException e) {
                    return null;
                }
            }
        }
        return null;
    }

    private TagMapping readMapping(String name) throws IOException {
        TagMapping mapping;
        try (Reader reader = Files.newBufferedReader(mappingFile, StandardCharsets.UTF_8)) {
            mapping = TagMapping.parse(reader);
        }
        mapping.errors().forEach(error -> logger.warn("JDBC adapter {}: {}: {}", name, mappingFile, error));
        return mapping;
    }

    @Override
    protected ProtocolAdapter delegate() {
        return adapter;
    }

    @Deactivate
    void deactivate() {
        watcher.close();
        adapter.stop();
    }

    @Override
    public MappingReload reloadMappings() {
        try {
            TagMapping mapping = readMapping(adapter.instanceName());
            adapter.replaceMapping(mapping.pointByTag());
            return new MappingReload(mappingFile.toString(), mapping.pointByTag().size(), mapping.errors());
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the mapping file " + mappingFile + ": " + e.getMessage(), e);
        }
    }
}
