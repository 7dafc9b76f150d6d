package org.hazardwatch.adapter.modbus.internal;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
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

/** One Modbus adapter instance per factory configuration {@code org.hazardwatch.adapter.modbus-<name>}. */
@Component(service = { ProtocolAdapter.class, HealthIndicator.class }, configurationPid = "org.hazardwatch.adapter.modbus",
        configurationPolicy = ConfigurationPolicy.REQUIRE)
@Designate(ocd = ModbusAdapterConfig.class, factory = true)
public class ModbusAdapterComponent extends ForwardingProtocolAdapter {

    private final Logger logger = LoggerFactory.getLogger(ModbusAdapterComponent.class);
    private final ModbusAdapter adapter;
    private final Path mappingFile;
    private final RegisterMap.Defaults defaults;
    private final MappingFileWatcher watcher;

    @Activate
    public ModbusAdapterComponent(ModbusAdapterConfig config, Map<String, Object> properties, @Reference SampleSink sink)
            throws IOException {
        String name = AdapterInstances.instanceName("org.hazardwatch.adapter.modbus", config.name(), properties);
        List<String> problems = problems(config);
        mappingFile = Path.of(config.mapping_file() == null ? "" : config.mapping_file());
        defaults = new RegisterMap.Defaults(config.unit_id(), config.poll_interval_ms());
        RegisterMap map = problems.isEmpty() ? readMap(name) : new RegisterMap(List.of(), List.of());
        adapter = new ModbusAdapter(name, endpoint(config),
                new Plc4xRegisterReader(problems.isEmpty() ? connectionString(config) : "", config.unit_id(),
                        config.request_timeout_ms()),
                map.points(), new ModbusAdapter.Settings(config.max_gap(), config.max_registers_per_request()), sink, problems);
        adapter.start();
        // integrators edit the register map in place: a changed file is applied without a restart
        watcher = new MappingFileWatcher(mappingFile, "modbus-" + name, this::reloadMappings, logger::info);
    }

    /** What is wrong with a configuration, in words an integrator can act on; empty when it is usable. */
    static List<String> problems(ModbusAdapterConfig config) {
        List<String> problems = new ArrayList<>();
        String transport = config.transport() == null ? "" : config.transport();
        switch (transport) {
            case "tcp", "rtu-over-tcp" -> {
                if (config.host() == null || !config.host().matches("[A-Za-z0-9.\\-]{1,253}|\\[[0-9A-Fa-f:.]+]")) {
                    problems.add("host must be a host name or IP address, not '" + config.host() + "'");
                }
                if (config.port() < 1 || config.port() > 65535) {
                    problems.add("port must be from 1 to 65535");
                }
            }
            case "rtu" -> {
                if (config.serial_port() == null || !config.serial_port().matches("[A-Za-z0-9/._\\-]{1,128}")) {
                    problems.add("serial.port must name a serial port (e.g. /dev/ttyUSB0 or COM3), not '"
                            + config.serial_port() + "'");
                }
                if (config.baud_rate() < 300 || config.baud_rate() > 921_600) {
                    problems.add("baud.rate must be from 300 to 921600");
                }
                if (config.data_bits() < 7 || config.data_bits() > 8) {
                    problems.add("data.bits must be 7 or 8");
                }
                if (config.stop_bits() < 1 || config.stop_bits() > 2) {
                    problems.add("stop.bits must be 1 or 2");
                }
                if (!List.of("none", "even", "odd").contains(config.parity())) {
                    problems.add("parity must be none, even or odd, not '" + config.parity() + "'");
                }
            }
            default -> problems.add("transport must be tcp, rtu or rtu-over-tcp, not '" + transport + "'");
        }
        if (config.unit_id() < 0 || config.unit_id() > 255) {
            problems.add("unit.id must be from 0 to 255");
        }
        if (config.poll_interval_ms() < 100) {
            problems.add("poll.interval.ms must be at least 100");
        }
        if (config.request_timeout_ms() < 100) {
            problems.add("request.timeout.ms must be at least 100");
        }
        if (config.max_gap() < 0 || config.max_gap() > 100) {
            problems.add("max.gap must be from 0 to 100");
        }
        if (config.max_registers_per_request() < 1 || config.max_registers_per_request() > 125) {
            problems.add("max.registers.per.request must be from 1 to 125");
        }
        if (config.mapping_file() == null || config.mapping_file().isBlank()) {
            problems.add("mapping.file is required");
        } else if (!Files.isReadable(Path.of(config.mapping_file()))) {
            problems.add("mapping.file " + config.mapping_file() + " does not exist or cannot be read");
        }
        return problems;
    }

    /** The PLC4X connection URL of a valid configuration, without the unit (the reader adds it). */
    static String connectionString(ModbusAdapterConfig config) {
        String common = "request-timeout=" + config.request_timeout_ms();
        return switch (config.transport()) {
            case "tcp" -> "modbus-tcp:tcp://" + config.host() + ":" + config.port() + "?" + common;
            case "rtu-over-tcp" -> "modbus-rtu:tcp://" + config.host() + ":" + config.port() + "?" + common;
            default -> "modbus-rtu:serial://" + config.serial_port() + "?serial.baud-rate=" + config.baud_rate()
                    + "&serial.num-data-bits=" + config.data_bits() + "&serial.num-stop-bits=" + config.stop_bits()
                    + "&serial.parity=" + config.parity().toUpperCase(Locale.ROOT) + "_PARITY&" + common;
        };
    }

    /** The device's address as status lines show it. */
    static String endpoint(ModbusAdapterConfig config) {
        return switch (String.valueOf(config.transport())) {
            case "rtu" -> "rtu " + config.serial_port() + " " + config.baud_rate() + " " + config.data_bits()
                    + Character.toUpperCase(String.valueOf(config.parity()).charAt(0)) + config.stop_bits();
            case "rtu-over-tcp" -> "rtu-over-tcp " + config.host() + ":" + config.port();
            default -> "tcp " + config.host() + ":" + config.port();
        };
    }

    private RegisterMap readMap(String name) throws IOException {
        RegisterMap map;
        try (Reader reader = Files.newBufferedReader(mappingFile, StandardCharsets.UTF_8)) {
            map = RegisterMap.parse(reader, defaults);
        }
        map.errors().forEach(error -> logger.warn("Modbus adapter {}: {}: {}", name, mappingFile, error));
        return map;
    }

    @Override
    public synchronized MappingReload reloadMappings() {
        try {
            RegisterMap map = readMap(adapter.instanceName());
            adapter.replacePoints(map.points());
            return new MappingReload(mappingFile.toString(), map.points().size(), map.errors());
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the register map " + mappingFile + ": " + e.getMessage(), e);
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
