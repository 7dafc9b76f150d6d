package org.hazardwatch.routes.internal;

import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;

import org.apache.camel.CamelContext;
import org.apache.camel.ServiceStatus;
import org.hazardwatch.api.alarm.AlarmEvaluator;
import org.hazardwatch.api.health.Health;
import org.hazardwatch.api.health.HealthIndicator;
import org.hazardwatch.api.ingest.SampleSink;
import org.hazardwatch.api.model.Sample;
import org.hazardwatch.api.store.SampleStore;
import org.hazardwatch.routes.ingest.IngestPipeline;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;

import jakarta.jms.ConnectionFactory;

/** Runs the ingest pipeline in Karaf and offers it to adapters as the {@link SampleSink} service. */
@Component(service = { SampleSink.class, HealthIndicator.class })
public class IngestComponent implements SampleSink, HealthIndicator {

    private final IngestPipeline pipeline;
    private final ServiceRegistration<CamelContext> contextRegistration;

    @Activate
    public IngestComponent(BundleContext bundleContext,
            @Reference(target = "(hazardwatch.broker=*)") ConnectionFactory connectionFactory,
            @Reference SampleStore store, @Reference AlarmEvaluator alarms) throws Exception {
        pipeline = new IngestPipeline(connectionFactory, store, alarms, IngestComponent.class.getClassLoader());
        Dictionary<String, Object> properties = new Hashtable<>();
        properties.put("camel.context.name", IngestPipeline.CONTEXT_NAME);
        contextRegistration = bundleContext.registerService(CamelContext.class, pipeline.context(), properties);
    }

    @Deactivate
    void deactivate() throws Exception {
        try {
            contextRegistration.unregister();
        } catch (IllegalStateException alreadyGone) {
            // unregistered by the framework while the bundle stops
        }
        pipeline.close();
    }

    @Override
    public void publish(List<Sample> samples) {
        pipeline.publish(samples);
    }

    @Override
    public String componentName() {
        return "ingest";
    }

    @Override
    public boolean critical() {
        return true;
    }

    @Override
    public Health check() {
        CamelContext context = pipeline.context();
        for (String routeId : List.of("ingest-normalize", "ingest-store")) {
            ServiceStatus status = context.getRouteController().getRouteStatus(routeId);
            if (status != ServiceStatus.Started) {
                return Health.down("route " + routeId + " is " + status);
            }
        }
        return Health.up("routes started");
    }
}
