package org.hazardwatch.broker.internal;

import java.io.File;

import org.apache.activemq.ActiveMQConnectionFactory;
import org.apache.activemq.broker.BrokerService;
import org.apache.activemq.store.kahadb.KahaDBPersistenceAdapter;

/** Builds and runs the ActiveMQ broker; plain Java so that benchmarks and tests can start one without OSGi. */
public final class EmbeddedBroker {

    private final BrokerService broker;
    private final String name;

    public EmbeddedBroker(String name, String openwireUrl, boolean persistent, File dataDirectory, long storeLimitMb,
            long memoryLimitMb) throws Exception {
        this.name = name;
        broker = new BrokerService();
        broker.setBrokerName(name);
        broker.setUseJmx(false);
        broker.setUseShutdownHook(false);
        broker.setAdvisorySupport(false);
        broker.setPersistent(persistent);
        broker.setDataDirectoryFile(dataDirectory);
        if (persistent) {
            KahaDBPersistenceAdapter kahaDb = new KahaDBPersistenceAdapter();
            kahaDb.setDirectory(new File(dataDirectory, "kahadb"));
            broker.setPersistenceAdapter(kahaDb);
        }
        broker.getSystemUsage().getStoreUsage().setLimit(storeLimitMb * 1024 * 1024);
        broker.getSystemUsage().getTempUsage().setLimit(Math.max(64, storeLimitMb / 4) * 1024 * 1024);
        broker.getSystemUsage().getMemoryUsage().setLimit(memoryLimitMb * 1024 * 1024);
        if (openwireUrl != null && !openwireUrl.isBlank()) {
            broker.addConnector(openwireUrl);
        }
    }

    public void start() throws Exception {
        broker.start();
        if (!broker.waitUntilStarted(30_000)) {
            throw new IllegalStateException("broker " + name + " did not start within 30 s");
        }
    }

    public void stop() throws Exception {
        broker.stop();
        broker.waitUntilStopped();
    }

    public boolean isStarted() {
        return broker.isStarted() && !broker.isStopping();
    }

    /** A connection factory for clients in this JVM; never creates a second broker. */
    public ActiveMQConnectionFactory connectionFactory() {
        ActiveMQConnectionFactory factory = new ActiveMQConnectionFactory("vm://" + name + "?create=false");
        factory.setTrustedPackages(java.util.List.of("org.hazardwatch"));
        return factory;
    }

    /** Pending messages of a queue and their size in the store; zeros when the queue does not exist yet. */
    public org.hazardwatch.api.broker.BrokerQueues.QueueSize queueSize(String queue) {
        try {
            org.apache.activemq.broker.region.Destination destination = broker.getDestination(
                    new org.apache.activemq.command.ActiveMQQueue(queue));
            if (destination == null) {
                return new org.hazardwatch.api.broker.BrokerQueues.QueueSize(0, 0);
            }
            long bytes = destination.getMessageStore() == null ? 0 : destination.getMessageStore().getMessageSize();
            return new org.hazardwatch.api.broker.BrokerQueues.QueueSize(
                    destination.getDestinationStatistics().getMessages().getCount(), bytes);
        } catch (Exception e) {
            throw new IllegalStateException("cannot read the size of queue " + queue, e);
        }
    }

    public BrokerService service() {
        return broker;
    }
}
