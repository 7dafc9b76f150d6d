package org.hazardwatch.routes.ingest;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import org.apache.camel.Exchange;
import org.apache.camel.LoggingLevel;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.hazardwatch.api.alarm.AlarmEvaluator;
import org.hazardwatch.api.model.Sample;
import org.hazardwatch.api.store.SampleStore;
import org.hazardwatch.api.store.UnknownPointException;

/**
 * The ingest pipeline.
 * <ol>
 * <li>{@code ingest-normalize}: {@value #ENTRY} (adapter callback) -> data-quality filter -> JSON -> persistent broker queue
 * {@value #QUEUE}. Adapters return as soon as the broker has the batch.</li>
 * <li>{@code ingest-store}: queue -> store samples and current values -> alarm check. The JMS consumer is transacted:
 * a batch leaves the queue only after it is stored, and a database outage is retried with back-off, so nothing queued
 * is lost.</li>
 * <li>Exception reporting: of each stored batch, the samples that tell the level above something new (see
 * {@link ExceptionReporting}) are published as JSON to the topic {@value #UPLINK_TOPIC}, persistent, where the exchange
 * link's durable subscription takes them up to the parent node (and keeps them while the link code restarts); with no
 * subscription they cost nothing. Everything stays stored here.</li>
 * </ol>
 * Malformed messages go to {@value #INVALID_QUEUE}; samples of undefined points to {@value #REJECTED_QUEUE}, both
 * with the reason in the {@value #REASON_HEADER} header, so they can be inspected and replayed.
 */
public class IngestRoutes extends RouteBuilder {

    public static final String ENTRY = "direct:ingest";
    public static final String QUEUE = "hazardwatch.samples";
    public static final String INVALID_QUEUE = "hazardwatch.samples.invalid";
    public static final String REJECTED_QUEUE = "hazardwatch.samples.rejected";
    public static final String REASON_HEADER = "HazardWatchReason";
    public static final String UPLINK_TOPIC = "hazardwatch.uplink.samples";
    static final String SAMPLES_PROPERTY = "hazardwatch.samples";

    private final SampleStore store;
    private final AlarmEvaluator alarms;
    private final String jmsComponent;
    private final DataQualityFilter quality;
    private final ExceptionReporting reporting;
    private volatile ProducerTemplate uplink;

    public IngestRoutes(SampleStore store, AlarmEvaluator alarms, String jmsComponent, DataQualityFilter quality,
            ExceptionReporting reporting) {
        this.store = store;
        this.alarms = alarms;
        this.jmsComponent = jmsComponent;
        this.quality = quality;
        this.reporting = reporting;
    }

    @Override
    public void configure() {
        onException(UnknownPointException.class).handled(true).maximumRedeliveries(0)
                .process(this::splitOffUnknownPoints)
                .to(jmsComponent + ":queue:" + REJECTED_QUEUE);

        from(ENTRY).routeId("ingest-normalize")
                .process(e -> e.getMessage().setBody(SampleCodec.encode(quality.apply(samplesOf(e)))))
                // fire-and-forget even when the caller used request-reply
                .to(jmsComponent + ":queue:" + QUEUE + "?deliveryPersistent=true&exchangePattern=InOnly");

        from(jmsComponent + ":queue:" + QUEUE + "?transacted=true&concurrentConsumers=1").routeId("ingest-store")
                .errorHandler(defaultErrorHandler().maximumRedeliveries(-1).redeliveryDelay(500).useExponentialBackOff()
                        .backOffMultiplier(2).maximumRedeliveryDelay(30_000).retryAttemptedLogLevel(LoggingLevel.WARN))
                .process(this::decode)
                .choice()
                    .when(exchangeProperty(REASON_HEADER).isNotNull())
                        .setHeader(REASON_HEADER, exchangeProperty(REASON_HEADER))
                        .log(LoggingLevel.WARN, "Malformed sample message moved to " + INVALID_QUEUE + ": ${header." + REASON_HEADER + "}")
                        .to(jmsComponent + ":queue:" + INVALID_QUEUE)
                    .otherwise()
                        .process(this::storeAndEvaluate)
                .end();
    }

    @SuppressWarnings("unchecked")
    private static List<Sample> samplesOf(Exchange exchange) {
        Object body = exchange.getMessage().getBody();
        if (body instanceof List<?> list) {
            return (List<Sample>) list;
        }
        if (body instanceof Sample sample) {
            return List.of(sample);
        }
        throw new IllegalArgumentException("expected samples, got " + (body == null ? "null" : body.getClass().getName()));
    }

    private void decode(Exchange exchange) {
        String json = exchange.getMessage().getBody(String.class);
        try {
            exchange.setProperty(SAMPLES_PROPERTY, SampleCodec.decode(json == null ? "" : json));
        } catch (IOException e) {
            exchange.setProperty(REASON_HEADER, "malformed sample batch: " + firstLine(e.getMessage()));
        }
    }

    @SuppressWarnings("unchecked")
    private void storeAndEvaluate(Exchange exchange) {
        List<Sample> samples = exchange.getProperty(SAMPLES_PROPERTY, List.class);
        store.store(samples);
        alarms.evaluate(samples);
        forwardUpstream(exchange, samples);
    }

    /** The producer the pipeline opens for forwarding upstream; without one nothing is forwarded. */
    void uplink(ProducerTemplate template) {
        this.uplink = template;
    }

    /**
     * Publishes what exception reporting selects of stored samples to {@value #UPLINK_TOPIC}. Never throws: the
     * samples are stored, and a failure here must not roll the batch back into redelivery.
     */
    private void forwardUpstream(Exchange exchange, List<Sample> stored) {
        ProducerTemplate template = uplink;
        List<Sample> selected = List.of();
        try {
            selected = reporting.select(stored);
            if (template != null && !selected.isEmpty()) {
                template.sendBody(jmsComponent + ":topic:" + UPLINK_TOPIC + "?deliveryPersistent=true&exchangePattern=InOnly",
                        SampleCodec.encode(selected));
            }
        } catch (RuntimeException e) {
            reporting.retract(selected);
            if (exchange.getContext().isStopping()) {
                log.info("{} samples not forwarded upstream: the pipeline is stopping", selected.size());
            } else {
                log.warn("{} samples not forwarded upstream", selected.size(), e);
            }
        }
    }

    /** Stores the samples of known points and moves the others, with the reason, to the rejected queue. */
    @SuppressWarnings("unchecked")
    private void splitOffUnknownPoints(Exchange exchange) {
        List<Sample> samples = exchange.getProperty(SAMPLES_PROPERTY, List.class);
        List<Sample> known = new ArrayList<>(samples);
        List<Sample> rejected = new ArrayList<>();
        List<String> unknownIds = new ArrayList<>();
        while (!known.isEmpty()) {
            try {
                store.store(known);
                alarms.evaluate(known);
                forwardUpstream(exchange, known);
                break;
            } catch (UnknownPointException e) {
                unknownIds.add(e.pointId());
                known.removeIf(sample -> {
                    if (sample.pointId().equals(e.pointId())) {
                        rejected.add(sample);
                        return true;
                    }
                    return false;
                });
            }
        }
        String reason = "unknown monitoring points " + unknownIds;
        log.warn("{} samples of {} moved to {}", rejected.size(), reason, REJECTED_QUEUE);
        exchange.getMessage().setBody(SampleCodec.encode(rejected));
        exchange.getMessage().setHeader(REASON_HEADER, reason);
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unknown reason";
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
