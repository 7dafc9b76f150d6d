package org.hazardwatch.adapter.modbus.internal;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

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

    /** The configuration's values, read once; a number option that is not a number becomes a problem, not a crash. */
    public record Options(String transport, String host, int port, String serialPort, int baudRate, int dataBits, String parity,
            int stopBits, int unitId, long pollIntervalMs, int requestTimeoutMs, int maxGap, int maxRegistersPerRequest,
            String mappingFile) {

        static Options read(ModbusAdapterConfig config, List<String> problems) {
            return new Options(config.transport(), config.host(), number(config::port, "port", 502, problems),
                    config.serial_port(), number(config::baud_rate, "baud.rate", 9600, problems),
                    number(config::data_bits, "data.bits", 8, problems), config.parity(),
                    number(config::stop_bits, "stop.bits", 1, problems), number(config::unit_id, "unit.id", 1, problems),
                    number(config::poll_interval_ms, "poll.interval.ms", 1000L, problems),
                    number(config::request_timeout_ms, "request.timeout.ms", 2000, problems),
                    number(config::max_gap, "max.gap", 0, problems),
                    number(config::max_registers_per_request, "max.registers.per.request", 125, problems), config.mapping_file());
        }

        private static <T> T number(Supplier<T> option, String name, T fallback, List<String> problems) {
            try {
                return option.get();
            } catch (RuntimeException e) {
                problems.add(name + " must be a number (" + e.getMessage() + ")");
                return fallback;
            }
        }
    }

    @Activate
    public ModbusAdapterComponent(ModbusAdapterConfig configuration, Map<String, Object> properties, @Reference SampleSink sink)
            throws IOException {
        String name = AdapterInstances.instanceName("org.hazardwatch.adapter.modbus", configuration.name(), properties);
        List<String> problems = new ArrayList<>();
        Options config = Options.read(configuration, problems);
        problems.addAll(problems(config));
        mappingFile = Path.of(config.mappingFile() == null ? "" : config.mappingFile());
        defaults = new RegisterMap.Defaults(config.unitId(), config.pollIntervalMs());
        RegisterMap map = problems.isEmpty() ? readMap(name) : new RegisterMap(List.of(), List.of());
        adapter = new ModbusAdapter(name, endpoint(config),
                reader(config, problems.isEmpty()),
                map.points(), new ModbusAdapter.Settings(config.maxGap(), config.maxRegistersPerRequest()), sink, problems);
        adapter.start();
        // integrators edit the register map in place: a changed file is applied without a restart
        watcher = new MappingFileWatcher(mappingFile, "modbus-" + name, this::reloadMappings, logger::info);
    }

    /** What is wrong with the transport and the device's address (shared with hazardwatch:modbus-read). */
    public static List<String> endpointProblems(Options config) {
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
                if (config.serialPort() == null || !config.serialPort().matches("[A-Za-z0-9/._\\-]{1,128}")) {
                    problems.add("serial.port must name a serial port (e.g. /dev/ttyUSB0 or COM3), not '"
                            + config.serialPort() + "'");
                }
                if (config.baudRate() < 300 || config.baudRate() > 921_600) {
                    problems.add("baud.rate must be from 300 to 921600");
                }
                if (config.dataBits() < 7 || config.dataBits() > 8) {
                    problems.add("data.bits must be 7 or 8");
                }
                if (config.stopBits() < 1 || config.stopBits() > 2) {
                    problems.add("stop.bits must be 1 or 2");
                }
                if (!List.of("none", "even", "odd").contains(config.parity())) {
                    problems.add("parity must be none, even or odd, not '" + config.parity() + "'");
                }
            }
            default -> problems.add("transport must be tcp, rtu or rtu-over-tcp, not '" + transport + "'");
        }
        return problems;
    }

    /** What is wrong with a configuration, in words an integrator can act on; empty when it is usable. */
    static List<String> problems(Options config) {
        List<String> problems = endpointProblems(config);
        if (config.unitId() < 0 || config.unitId() > 255) {
            problems.add("unit.id must be from 0 to 255");
        }
        if (config.pollIntervalMs() < 100) {
            problems.add("poll.interval.ms must be at least 100");
        }
        if (config.requestTimeoutMs() < 100) {
            problems.add("request.timeout.ms must be at least 100");
        }
        if (config.maxGap() < 0 || config.maxGap() > 100) {
            problems.add("max.gap must be from 0 to 100");
        }
        if (config.maxRegistersPerRequest() < 1 || config.maxRegistersPerRequest() > 125) {
            problems.add("max.registers.per.request must be from 1 to 125");
        }
        if (config.mappingFile() == null || config.mappingFile().isBlank()) {
            problems.add("mapping.file is required");
        } else if (!Files.isReadable(Path.of(config.mappingFile()))) {
            problems.add("mapping.file " + config.mappingFile() + " does not exist or cannot be read");
        }
        return problems;
    }

    /** The reader of a configuration: PLC4X for TCP and RTU over TCP, digitalpetri's RTU client on a local serial line. */
    static RegisterReader reader(Options config, boolean valid) {
        if ("rtu".equals(config.transport())) {
            return new SerialRtuRegisterReader(new SerialRtuRegisterReader.Line(config.serialPort(), config.baudRate(),
                    config.dataBits(), config.parity(), config.stopBits()), config.requestTimeoutMs());
        }
        return new Plc4xRegisterReader(valid ? connectionString(config) : "", config.unitId(), config.requestTimeoutMs());
    }

    /** The PLC4X connection URL of a valid TCP or RTU-over-TCP configuration, without the unit (the reader adds it). */
    public static String connectionString(Options config) {
        String protocol = "rtu-over-tcp".equals(config.transport()) ? "modbus-rtu" : "modbus-tcp";
        return protocol + ":tcp://" + config.host() + ":" + config.port() + "?request-timeout=" + config.requestTimeoutMs();
    }

    /** The device's address as status lines show it. */
    static String endpoint(Options config) {
        return switch (String.valueOf(config.transport())) {
            case "rtu" -> "rtu " + config.serialPort() + " " + config.baudRate() + " " + config.dataBits()
                    + Character.toUpperCase(String.valueOf(config.parity()).charAt(0)) + config.stopBits();
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
