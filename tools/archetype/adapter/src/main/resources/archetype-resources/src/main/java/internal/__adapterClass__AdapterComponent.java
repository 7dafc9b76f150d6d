package ${package}.internal;

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
import org.hazardwatch.api.adapter.MappingFileWatcher;
import org.hazardwatch.api.adapter.MappingReload;
import org.hazardwatch.api.adapter.ProtocolAdapter;
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

/** One ${adapterType} adapter instance per factory configuration {@code org.hazardwatch.adapter.${adapterType}-<name>}. */
@Component(service = { ProtocolAdapter.class, HealthIndicator.class }, configurationPid = "org.hazardwatch.adapter.${adapterType}",
        configurationPolicy = ConfigurationPolicy.REQUIRE)
@Designate(ocd = ${adapterClass}AdapterConfig.class, factory = true)
public class ${adapterClass}AdapterComponent extends ForwardingProtocolAdapter {

    private final Logger logger = LoggerFactory.getLogger(${adapterClass}AdapterComponent.class);
    private final ${adapterClass}Adapter adapter;
    private final Path mappingFile;
    private final MappingFileWatcher watcher;

    @Activate
    public ${adapterClass}AdapterComponent(${adapterClass}AdapterConfig config, Map<String, Object> properties,
            @Reference SampleSink sink) throws IOException {
        String name = AdapterInstances.instanceName("org.hazardwatch.adapter.${adapterType}", config.name(), properties);
        List<String> problems = new ArrayList<>();
        long pollIntervalMs = number(config::poll_interval_ms, "poll.interval.ms", problems);
        long requestTimeoutMs = number(config::request_timeout_ms, "request.timeout.ms", problems);
        problems.addAll(problems(config.url(), config.mapping_file(), pollIntervalMs, requestTimeoutMs));
        mappingFile = Path.of(config.mapping_file());
        TagMapping mapping = problems.isEmpty() ? readMapping(name) : new TagMapping(Map.of(), List.of());
        adapter = new ${adapterClass}Adapter(name, new ${adapterClass}Adapter.Settings(config.url(), pollIntervalMs, requestTimeoutMs),
                mapping.pointByTag(), sink, problems);
        adapter.start();
        watcher = new MappingFileWatcher(mappingFile, "${adapterType}-" + name, this::reloadMappings, logger::info);
    }

    /** A number option that is not a number (an unresolved placeholder, a typo) becomes a problem, not a crash. */
    private static long number(java.util.function.LongSupplier option, String name, List<String> problems) {
        try {
            return option.getAsLong();
        } catch (RuntimeException e) {
            problems.add(name + " must be a number (" + e.getMessage() + ")");
            return 1000;
        }
    }

    /** What is wrong with the options, in words an integrator can act on; empty when they are usable. */
    static List<String> problems(String url, String mappingFile, long pollIntervalMs, long requestTimeoutMs) {
        List<String> problems = new ArrayList<>();
        if (url == null || !url.matches("https?://[^\\s/]+(/\\S*)?")) {
            problems.add("url must be an http:// or https:// URL, not '" + url + "'");
        }
        if (mappingFile == null || mappingFile.isBlank()) {
            problems.add("mapping.file is required");
        } else if (!Files.isReadable(Path.of(mappingFile))) {
            problems.add("mapping.file " + mappingFile + " does not exist or cannot be read");
        }
        if (pollIntervalMs < 100) {
            problems.add("poll.interval.ms must be at least 100");
        }
        if (requestTimeoutMs < 100) {
            problems.add("request.timeout.ms must be at least 100");
        }
        return problems;
    }

    private TagMapping readMapping(String name) throws IOException {
        TagMapping mapping;
        try (Reader reader = Files.newBufferedReader(mappingFile, StandardCharsets.UTF_8)) {
            mapping = TagMapping.parse(reader);
        }
        mapping.errors().forEach(error -> logger.warn("${adapterClass} adapter {}: {}: {}", name, mappingFile, error));
        return mapping;
    }

    @Override
    public synchronized MappingReload reloadMappings() {
        try {
            TagMapping mapping = readMapping(adapter.instanceName());
            adapter.replaceMapping(mapping.pointByTag());
            return new MappingReload(mappingFile.toString(), mapping.pointByTag().size(), mapping.errors());
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the mapping file " + mappingFile + ": " + e.getMessage(), e);
        }
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
}
