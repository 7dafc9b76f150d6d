package org.hazardwatch.routes.ingest;

import java.util.List;

import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.component.jms.JmsComponent;
import org.apache.camel.impl.DefaultCamelContext;
import org.hazardwatch.api.alarm.AlarmEvaluator;
import org.hazardwatch.api.ingest.SampleSink;
import org.hazardwatch.api.model.Sample;
import org.hazardwatch.api.store.SampleStore;
import org.springframework.jms.connection.CachingConnectionFactory;

import jakarta.jms.ConnectionFactory;

/**
 * Runs {@link IngestRoutes} in its own CamelContext. Plain Java, so the same pipeline runs in Karaf, in route tests
 * and in the benchmarks.
 */
public class IngestPipeline implements SampleSink, AutoCloseable {

    public static final String CONTEXT_NAME = "hazardwatch-ingest";

    private final DefaultCamelContext context;
    private final CachingConnectionFactory connections;
    private final ProducerTemplate producer;
    private final ProducerTemplate uplink;

    /** A pipeline whose data-quality filter knows no point definitions (tests, benchmarks). */
    public IngestPipeline(ConnectionFactory connectionFactory, SampleStore store, AlarmEvaluator alarms,
            ClassLoader applicationClassLoader) throws Exception {
        this(connectionFactory, store, alarms, applicationClassLoader, DataQualityFilter.withoutPointDefinitions(),
                ExceptionReporting.everything());
    }

    public IngestPipeline(ConnectionFactory connectionFactory, SampleStore store, AlarmEvaluator alarms,
            ClassLoader applicationClassLoader, DataQualityFilter quality, ExceptionReporting reporting) throws Exception {
        context = new DefaultCamelContext();
        context.getCamelContextExtension().setName(CONTEXT_NAME);
        if (applicationClassLoader != null) {
            context.setApplicationContextClassLoader(applicationClassLoader);
        }
        // one cached JMS session for the producer side instead of a connection per send
        connections = new CachingConnectionFactory(connectionFactory);
        connections.setSessionCacheSize(4);
        context.addComponent("jms", JmsComponent.jmsComponentAutoAcknowledge(connections));
        IngestRoutes routes = new IngestRoutes(store, alarms, "jms", quality, reporting);
        context.addRoutes(routes);
        context.start();
        producer = context.createProducerTemplate();
        uplink = context.createProducerTemplate();
        routes.uplink(uplink);
    }

    @Override
    public void publish(List<Sample> samples) {
        if (!samples.isEmpty()) {
            producer.sendBody(IngestRoutes.ENTRY, List.copyOf(samples));
        }
    }

    public CamelContext context() {
        return context;
    }

    @Override
    public void close() throws Exception {
        try {
            producer.stop();
            uplink.stop();
            context.stop();
        } finally {
            connections.destroy();
        }
    }
}
