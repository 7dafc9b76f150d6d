package org.hazardwatch.simulator.internal;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.hazardwatch.api.health.Health;
import org.hazardwatch.api.health.HealthIndicator;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Runs the simulated tank farm while the hazardwatch-simulator feature is installed. */
@Component(service = { SimulatorComponent.class, HealthIndicator.class }, immediate = true,
        configurationPid = "org.hazardwatch.simulator", configurationPolicy = ConfigurationPolicy.OPTIONAL)
@Designate(ocd = SimulatorConfig.class)
public class SimulatorComponent implements HealthIndicator {

    private final Logger logger = LoggerFactory.getLogger(SimulatorComponent.class);
    private final PlantSimulator plant;
    private final SimulatorServer server;
    private final SimulatorModbusSlave modbus;
    private final ScheduledExecutorService ticker;
    private final long startNanos = System.nanoTime();
    private volatile Map<String, Double> lastValues = Map.of();

    @Activate
    public SimulatorComponent(SimulatorConfig config) throws Exception {
        plant = new PlantSimulator(TankFarm.points(), config.seed(), config.excursion_every_seconds());
        Path pki = Path.of(System.getProperty("karaf.data", "data"), "hazardwatch", "simulator-pki");
        server = new SimulatorServer(config.bind_address(), config.port(), config.path(), pki, plant.points(), config.username(),
                config.password());
        server.start();
        modbus = new SimulatorModbusSlave(config.bind_address(), config.modbus_port(), plant.points());
        double tickSeconds = config.tick_ms() / 1000.0;
        tick(tickSeconds); // the first values, before anyone can read the slave
        try {
            modbus.start();
        } catch (Exception e) {
            // DS never deactivates a component whose constructor failed: release the OPC UA port here
            server.stop();
            throw new IllegalStateException("the simulator's Modbus slave cannot listen on " + config.bind_address() + ":"
                    + config.modbus_port() + ": " + e.getMessage(), e);
        }
        ticker = Executors.newSingleThreadScheduledExecutor(r -> new Thread(r, "hazardwatch-simulator"));
        ticker.scheduleAtFixedRate(() -> {
            try {
                tick(tickSeconds);
            } catch (RuntimeException e) {
                logger.warn("Simulator tick failed", e);
            }
        }, config.tick_ms(), config.tick_ms(), TimeUnit.MILLISECONDS);
        logger.info("Simulated tank farm serving {} points at {} and {}", plant.points().size(), server.endpointUrl(),
                modbus.address());
    }

    private void tick(double tickSeconds) {
        lastValues = plant.tick((System.nanoTime() - startNanos) / 1e9, tickSeconds);
        server.update(lastValues);
        modbus.update(lastValues);
    }

    @Deactivate
    void deactivate() throws Exception {
        ticker.shutdownNow();
        try {
            modbus.stop();
        } finally {
            server.stop();
        }
    }

    public PlantSimulator plant() {
        return plant;
    }

    public Map<String, Double> lastValues() {
        return lastValues;
    }

    public String endpointUrl() {
        return server.endpointUrl();
    }

    @Override
    public String componentName() {
        return "simulator";
    }

    @Override
    public Health check() {
        return Health.up(plant.points().size() + " points at " + server.endpointUrl() + " and " + modbus.address());
    }
}
