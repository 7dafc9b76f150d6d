package org.hazardwatch.adapter.opcua.internal;

import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.hazardwatch.api.adapter.AdapterStatus;
import org.hazardwatch.api.adapter.ProtocolAdapter;
import org.hazardwatch.api.health.Health;
import org.hazardwatch.api.health.HealthIndicator;
import org.hazardwatch.api.ingest.SampleSink;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** One OPC UA adapter instance per factory configuration {@code org.hazardwatch.adapter.opcua-<name>}. */
@Component(service = { ProtocolAdapter.class, HealthIndicator.class }, configurationPid = "org.hazardwatch.adapter.opcua",
        configurationPolicy = ConfigurationPolicy.REQUIRE)
@Designate(ocd = OpcUaAdapterConfig.class, factory = true)
public class OpcUaAdapterComponent implements ProtocolAdapter {

    private final Logger logger = LoggerFactory.getLogger(OpcUaAdapterComponent.class);
    private final OpcUaAdapter adapter;

    @Activate
    public OpcUaAdapterComponent(OpcUaAdapterConfig config, Map<String, Object> properties, @Reference SampleSink sink)
            throws Exception {
        String name = instanceName(config.name(), properties);
        Path mappingFile = Path.of(config.mapping_file());
        PointMapping mapping;
        try (Reader reader = Files.newBufferedReader(mappingFile, StandardCharsets.UTF_8)) {
            mapping = PointMapping.parse(reader);
        }
        mapping.errors().forEach(error -> logger.warn("OPC UA adapter {}: {}: {}", name, mappingFile, error));
        adapter = new OpcUaAdapter(name, new OpcUaAdapter.Settings(config.endpoint_url(), config.sampling_interval_ms(),
                config.publishing_interval_ms(), config.batch_interval_ms(), config.request_timeout_ms(),
                config.reconnect_max_delay_s()), mapping.nodesByPoint(), sink);
        adapter.start();
    }

    /** The configured name, else the part after the dash of {@code org.hazardwatch.adapter.opcua-<name>.cfg}. */
    static String instanceName(String configured, Map<String, Object> properties) {
        if (configured != null && !configured.isBlank()) {
            return configured;
        }
        Object file = properties.get("felix.fileinstall.filename");
        if (file != null) {
            String text = file.toString();
            int dash = text.lastIndexOf("org.hazardwatch.adapter.opcua-");
            if (dash >= 0) {
                String rest = text.substring(dash + "org.hazardwatch.adapter.opcua-".length());
                return rest.endsWith(".cfg") ? rest.substring(0, rest.length() - 4) : rest;
            }
        }
        // Karaf names factory configurations <factoryPid>~<name> before fileinstall writes the .cfg file
        String pid = String.valueOf(properties.getOrDefault("service.pid", "opcua"));
        int tilde = pid.lastIndexOf('~');
        return tilde >= 0 ? pid.substring(tilde + 1) : pid;
    }

    @Deactivate
    void deactivate() {
        adapter.stop();
    }

    @Override
    public String type() {
        return adapter.type();
    }

    @Override
    public String instanceName() {
        return adapter.instanceName();
    }

    @Override
    public AdapterStatus status() {
        return adapter.status();
    }

    @Override
    public String statusDetail() {
        return adapter.statusDetail();
    }

    @Override
    public int mappedPoints() {
        return adapter.mappedPoints();
    }

    @Override
    public long samplesReceived() {
        return adapter.samplesReceived();
    }

    @Override
    public String componentName() {
        return adapter.componentName();
    }

    @Override
    public Health check() {
        return adapter.check();
    }
}
