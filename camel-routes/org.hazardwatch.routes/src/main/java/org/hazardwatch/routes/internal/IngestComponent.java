package org.hazardwatch.routes.internal;

import java.time.Clock;
import java.time.Duration;
import java.util.Dictionary;
import java.util.HashMap;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.apache.camel.CamelContext;
import org.apache.camel.ServiceStatus;
import org.hazardwatch.api.alarm.AlarmEvaluator;
import org.hazardwatch.api.health.Health;
import org.hazardwatch.api.health.HealthIndicator;
import org.hazardwatch.api.ingest.SampleSink;
import org.hazardwatch.api.model.MonitoringPoint;
import org.hazardwatch.api.model.Sample;
import org.hazardwatch.api.store.PointRepository;
import org.hazardwatch.api.store.SampleStore;
import org.hazardwatch.routes.ingest.DataQualityFilter;
import org.hazardwatch.routes.ingest.ExceptionReporting;
import org.hazardwatch.routes.ingest.IngestPipeline;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;

import jakarta.jms.ConnectionFactory;

/** Runs the ingest pipeline in Karaf and offers it to adapters as the {@link SampleSink} service. */
@Component(service = { SampleSink.class, HealthIndicator.class },
        configurationPid = { "org.hazardwatch.quality", "org.hazardwatch.uplink" })
// two PIDs, so no @Designate (bnd allows one); each configuration type names its PID in @ObjectClassDefinition
public class IngestComponent implements SampleSink, HealthIndicator {

    /** Point definitions are re-read at most this often; the catalogue changes rarely. */
    private static final long POINTS_TTL_MS = 10_000;

    private final IngestPipeline pipeline;
    private final DataQualityFilter quality;
    private final ExceptionReporting reporting;
    private final PointRepository pointRepository;
    private volatile Map<String, MonitoringPoint> points = Map.of();
    private volatile long pointsReadAt;
    private final ServiceRegistration<CamelContext> contextRegistration;

    @Activate
    public IngestComponent(BundleContext bundleContext,
            @Reference(target = "(hazardwatch.broker=*)") ConnectionFactory connectionFactory,
            @Reference SampleStore store, @Reference AlarmEvaluator alarms, @Reference PointRepository pointRepository,
            DataQualityConfig config, UplinkConfig uplink) throws Exception {
        this.pointRepository = pointRepository;
        this.quality = new DataQualityFilter(this::point, new DataQualityFilter.Settings(config.spike_fraction_per_second(),
                Duration.ofMinutes(config.frozen_minutes()), Duration.ofSeconds(config.max_future_seconds()),
                Duration.ofHours(config.max_past_hours())), Clock.systemUTC());
        this.reporting = new ExceptionReporting(this::point, new ExceptionReporting.Settings(
                Math.max(0, uplink.deadband_percent()) / 100, Duration.ofSeconds(Math.max(1, uplink.max_silence_seconds()))));
        pipeline = new IngestPipeline(connectionFactory, store, alarms, IngestComponent.class.getClassLoader(), quality,
                reporting);
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

    private Optional<MonitoringPoint> point(String id) {
        long now = System.currentTimeMillis();
        if (now - pointsReadAt > POINTS_TTL_MS) {
            Map<String, MonitoringPoint> byId = new HashMap<>();
            pointRepository.findAll().forEach(p -> byId.put(p.id(), p));
            points = byId;
            pointsReadAt = now;
        }
        return Optional.ofNullable(points.get(id));
    }

    /** What the data-quality filter has seen since start. */
    public DataQualityFilter.Stats qualityStats() {
        return quality.stats();
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
        DataQualityFilter.Stats stats = quality.stats();
        ExceptionReporting.Stats upstream = reporting.stats();
        return Health.up("routes started; data quality: " + stats.seen() + " samples, " + stats.duplicates()
                + " duplicates dropped" + (stats.byReason().isEmpty() ? "" : ", flagged " + new java.util.TreeMap<>(stats.byReason()))
                + String.format(java.util.Locale.ROOT, "; exception reporting: %d of %d stored samples forwarded upstream (%.1f %%)",
                        upstream.forwarded(), upstream.seen(), upstream.forwardedShare() * 100));
    }
}
