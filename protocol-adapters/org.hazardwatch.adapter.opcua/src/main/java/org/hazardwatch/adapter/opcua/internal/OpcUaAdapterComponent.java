package org.hazardwatch.adapter.opcua.internal;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.hazardwatch.api.adapter.AdapterInstances;
import org.hazardwatch.api.adapter.ForwardingProtocolAdapter;
import org.hazardwatch.api.adapter.CertificateTrust;
import org.hazardwatch.api.adapter.MappingFileWatcher;
import org.hazardwatch.api.adapter.MappingReload;
import org.hazardwatch.api.adapter.ProtocolAdapter;
import org.hazardwatch.api.health.HealthIndicator;
import org.hazardwatch.api.ingest.SampleSink;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** One OPC UA adapter instance per factory configuration {@code org.hazardwatch.adapter.opcua-<name>}. */
@Component(service = { ProtocolAdapter.class, HealthIndicator.class, CertificateTrust.class },
        configurationPid = "org.hazardwatch.adapter.opcua",
        configurationPolicy = ConfigurationPolicy.REQUIRE)
@Designate(ocd = OpcUaAdapterConfig.class, factory = true)
public class OpcUaAdapterComponent extends ForwardingProtocolAdapter implements CertificateTrust {

    private final Logger logger = LoggerFactory.getLogger(OpcUaAdapterComponent.class);
    private final OpcUaAdapter adapter;
    private final Path mappingFile;
    private final TrustStore trustStore;
    private final Path pki;
    private final MappingFileWatcher watcher;

    @Activate
    public OpcUaAdapterComponent(BundleContext context, OpcUaAdapterConfig config, Map<String, Object> properties,
            @Reference SampleSink sink)
            throws Exception {
        String name = instanceName(config.name(), properties);
        List<String> problems = problems(config);
        mappingFile = Path.of(config.mapping_file() == null ? "" : config.mapping_file());
        PointMapping mapping = problems.isEmpty() ? readMapping(name) : new PointMapping(Map.of(), List.of());
        pki = config.pki_dir() == null || config.pki_dir().isBlank()
                ? context.getDataFile("pki/opcua-" + name).toPath() : Path.of(config.pki_dir());
        trustStore = new TrustStore(pki);
        adapter = new OpcUaAdapter(name, new OpcUaAdapter.Settings(config.endpoint_url(), config.sampling_interval_ms(),
                config.publishing_interval_ms(), config.batch_interval_ms(), config.request_timeout_ms(),
                config.reconnect_max_delay_s(), config.security_policy(), config.security_mode(), config.username(),
                config.password(), pki), mapping.nodesByPoint(), sink);
        if (problems.isEmpty()) {
            adapter.start();
        } else {
            // the instance stays visible (hazardwatch:adapters, /api/adapters) with what to fix, instead of vanishing
            adapter.refuse("configuration invalid: " + String.join("; ", problems));
        }
        // integrators edit the mapping file in place: a changed file is applied without a restart
        watcher = new MappingFileWatcher(mappingFile, "opcua-" + name, this::reloadMappings, logger::info);
    }

    /** What is wrong with a configuration, in words an integrator can act on; empty when it is usable. */
    static List<String> problems(OpcUaAdapterConfig config) {
        List<String> problems = new ArrayList<>();
        String url = config.endpoint_url();
        if (url == null || !url.matches("opc\\.tcp://[^/\\s:]+(:\\d{1,5})?(/\\S*)?")) {
            problems.add("endpoint.url must be an opc.tcp://host:port/path URL, not '" + url + "'");
        }
        if (config.mapping_file() == null || config.mapping_file().isBlank()) {
            problems.add("mapping.file is required");
        } else if (!Files.isReadable(Path.of(config.mapping_file()))) {
            problems.add("mapping.file " + config.mapping_file() + " does not exist or cannot be read");
        }
        if (!(config.sampling_interval_ms() >= 50)) {
            problems.add("sampling.interval.ms must be at least 50");
        }
        if (!(config.publishing_interval_ms() >= 50)) {
            problems.add("publishing.interval.ms must be at least 50");
        }
        if (config.batch_interval_ms() < 10) {
            problems.add("batch.interval.ms must be at least 10");
        }
        if (config.request_timeout_ms() < 500) {
            problems.add("request.timeout.ms must be at least 500");
        }
        if (config.reconnect_max_delay_s() < 1) {
            problems.add("reconnect.max.delay.s must be at least 1");
        }
        if (!List.of("None", "Basic256Sha256").contains(config.security_policy())) {
            problems.add("security.policy must be None or Basic256Sha256, not '" + config.security_policy() + "'");
        }
        if (!List.of("Sign", "SignAndEncrypt").contains(config.security_mode())) {
            problems.add("security.mode must be Sign or SignAndEncrypt, not '" + config.security_mode() + "'");
        }
        if ((config.username() == null || config.username().isBlank()) && config.password() != null && !config.password().isEmpty()) {
            problems.add("password is set but username is empty");
        }
        return problems;
    }

    private PointMapping readMapping(String name) throws IOException {
        PointMapping mapping;
        try (Reader reader = Files.newBufferedReader(mappingFile, StandardCharsets.UTF_8)) {
            mapping = PointMapping.parse(reader);
        }
        mapping.errors().forEach(error -> logger.warn("OPC UA adapter {}: {}: {}", name, mappingFile, error));
        return mapping;
    }

    @Override
    public synchronized MappingReload reloadMappings() {
        try {
            PointMapping mapping = readMapping(adapter.instanceName());
            adapter.replaceMapping(mapping.nodesByPoint());
            return new MappingReload(mappingFile.toString(), mapping.nodesByPoint().size(), mapping.errors());
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the mapping file " + mappingFile + ": " + e.getMessage(), e);
        }
    }

    static String instanceName(String configured, Map<String, Object> properties) {
        return AdapterInstances.instanceName("org.hazardwatch.adapter.opcua", configured, properties);
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
    public List<Certificate> certificates() {
        return trustStore.list();
    }

    @Override
    public String ownCertificateFile() {
        Path own = pki.resolve("own/collector.der");
        return java.nio.file.Files.exists(own) ? own.toString() : null;
    }

    @Override
    public void trustRejected(String file) {
        trustStore.trust(file);
        logger.info("OPC UA adapter {}: certificate {} trusted by an operator", adapter.instanceName(), file);
    }
}
