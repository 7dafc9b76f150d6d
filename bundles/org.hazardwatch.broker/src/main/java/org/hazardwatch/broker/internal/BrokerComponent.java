package org.hazardwatch.broker.internal;

import java.io.File;
import java.util.Dictionary;
import java.util.Hashtable;

import org.hazardwatch.api.broker.BrokerQueues;
import org.hazardwatch.api.health.Health;
import org.hazardwatch.api.health.HealthIndicator;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import jakarta.jms.ConnectionFactory;

/**
 * Starts the node's broker and registers a {@code jakarta.jms.ConnectionFactory} service
 * ({@code hazardwatch.broker=<name>}) once it accepts connections, so JMS users never see a half-started broker.
 */
@Component(service = { HealthIndicator.class, BrokerQueues.class }, immediate = true, configurationPid = "org.hazardwatch.broker",
        configurationPolicy = ConfigurationPolicy.OPTIONAL)
@Designate(ocd = BrokerConfig.class)
public class BrokerComponent implements HealthIndicator, BrokerQueues {

    private final Logger logger = LoggerFactory.getLogger(BrokerComponent.class);
    private final EmbeddedBroker broker;
    private final ServiceRegistration<ConnectionFactory> registration;

    @Activate
    public BrokerComponent(BundleContext context, BrokerConfig config) throws Exception {
        File dataDir = new File(System.getProperty("karaf.data", "data"), "activemq");
        long start = System.nanoTime();
        broker = new EmbeddedBroker(config.name(), config.openwire_url(), config.persistent(), dataDir,
                config.store_limit_mb(), config.memory_limit_mb());
        broker.start();
        logger.info("Broker {} started in {} ms (store {}, openwire {})", config.name(),
                (System.nanoTime() - start) / 1_000_000, config.persistent() ? dataDir : "memory",
                config.openwire_url().isBlank() ? "off" : config.openwire_url());
        Dictionary<String, Object> properties = new Hashtable<>();
        properties.put("hazardwatch.broker", config.name());
        registration = context.registerService(ConnectionFactory.class, broker.connectionFactory(), properties);
    }

    @Deactivate
    void deactivate() throws Exception {
        try {
            registration.unregister();
        } catch (IllegalStateException alreadyGone) {
            // bundle stopping unregisters it first
        }
        broker.stop();
    }

    @Override
    public QueueSize size(String queue) {
        return broker.queueSize(queue);
    }

    @Override
    public long storeBytes() {
        return broker.service().getSystemUsage().getStoreUsage().getUsage();
    }

    @Override
    public long storeLimitBytes() {
        return broker.service().getSystemUsage().getStoreUsage().getLimit();
    }

    @Override
    public String componentName() {
        return "broker";
    }

    @Override
    public boolean critical() {
        return true;
    }

    @Override
    public Health check() {
        return broker.isStarted() ? Health.up("ActiveMQ " + broker.service().getBrokerName()) : Health.down("broker stopped");
    }
}
