package org.hazardwatch.exchange.link;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.apache.activemq.ActiveMQConnectionFactory;
import org.apache.camel.CamelContext;
import org.hazardwatch.api.alarm.AlarmDefinitionService;
import org.hazardwatch.api.broker.BrokerQueues;
import org.hazardwatch.api.exchange.ExchangeCommand;
import org.hazardwatch.api.exchange.ExchangeLinks;
import org.hazardwatch.api.exchange.WorkInbox;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.hazardwatch.api.hazard.HazardSourceService;
import org.hazardwatch.api.hazard.RegistryBatchWriter;
import org.hazardwatch.api.security.AuditLog;
import org.hazardwatch.api.store.SampleStore;
import org.hazardwatch.api.exchange.ExchangeStore;
import org.hazardwatch.api.exchange.LinkStatus;
import org.hazardwatch.api.exchange.SeenMessages;
import org.hazardwatch.api.health.Health;
import org.hazardwatch.api.health.HealthIndicator;
import org.hazardwatch.api.health.HealthStatus;
import org.hazardwatch.api.live.LiveEventBus;
import org.hazardwatch.api.registry.FieldError;
import org.hazardwatch.api.registry.RegistryService;
import org.hazardwatch.api.registry.ValidationException;
import org.hazardwatch.api.store.PointRepository;
import org.hazardwatch.exchange.envelope.Identity;
import org.hazardwatch.exchange.node.NodeExchangeComponent;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.databind.JsonNode;

import jakarta.jms.ConnectionFactory;

/**
 * Runs the exchange links in Karaf (PID {@code org.hazardwatch.exchange.link}): the routes of {@link ExchangeLink},
 * the {@link UplinkCollector} of this node's own data, and the housekeeping of the message log and of the seen message
 * ids. A configuration change restarts it; what is in the outbox and backlog is on the broker's disk and stays.
 */
@Component(service = { ExchangeLinks.class, HealthIndicator.class }, immediate = true, configurationPid = "org.hazardwatch.exchange.link",
        configurationPolicy = ConfigurationPolicy.OPTIONAL)
public class LinkComponent implements ExchangeLinks, HealthIndicator {

    /** A parent unreachable this long makes the node's health degraded. */
    static final Duration DOWN_WARNING = Duration.ofMinutes(5);

    private final Logger logger = LoggerFactory.getLogger(LinkComponent.class);
    private final NodeExchangeComponent node;
    private final ExchangeLink link;
    private final UplinkCollector collector;
    private final Thread collectorThread;
    private final ActiveMQConnectionFactory localBroker;
    private final ExchangeStore store;
    private final SeenMessages seen;
    private final int logDays;
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "hazardwatch-exchange-link");
        thread.setDaemon(true);
        return thread;
    });
    private final ServiceRegistration<CamelContext> contextRegistration;

    /** The inboxes of work messages (tasks, ...), as the bundles that take them come and go. */
    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    private volatile List<WorkInbox> workInboxes = new java.util.concurrent.CopyOnWriteArrayList<>();

    @Activate
    public LinkComponent(BundleContext bundleContext, LinkConfig config,
            @Reference(target = "(hazardwatch.broker=*)") ConnectionFactory brokerService,
            @Reference NodeExchangeComponent node, @Reference ExchangeStore store, @Reference PointRepository points,
            @Reference AlarmDefinitionService definitions, @Reference LiveEventBus live, @Reference BrokerQueues queues,
            @Reference SeenMessages seen, @Reference RegistryService registry, @Reference HazardSourceService hazardSources,
            @Reference RegistryBatchWriter registryWriter, @Reference SampleStore samples, @Reference AuditLog audit) throws Exception {
        this.node = node;
        this.store = store;
        this.seen = seen;
        this.logDays = Math.max(1, config.message_log_days());
        // an own factory on the same in-JVM broker, prefetching one message: the backlog's consumer then holds at most
        // one message, and the oldest samples can be taken out of a full backlog by a second consumer
        String brokerName = brokerName(bundleContext);
        localBroker = new ActiveMQConnectionFactory("vm://" + brokerName + "?create=false&jms.prefetchPolicy.all=1");
        localBroker.setWatchTopicAdvisories(false);
        ExchangeLink.Settings settings = new ExchangeLink.Settings(config.parent_broker_url().strip(), config.parent_organisation().strip(),
                Math.max(1, config.backlog_max_mb()) * 1024L * 1024L, ExchangeLink.WhenFull.parse(config.backlog_when_full()),
                Math.max(1, config.backlog_pace_per_second()), Duration.ofSeconds(Math.max(0, config.relay_samples_interval_seconds())),
                Math.max(0, config.relay_samples_deadband_percent()));
        PeerDirectory directory = new PeerDirectory(node.node(), Clock.systemUTC());
        link = new ExchangeLink(localBroker, () -> node.node().identity(), directory,
                new ExchangeLink.Services(store, points, definitions, live, queues, registry, hazardSources, registryWriter, samples, audit,
                        kind -> workInboxes.stream().filter(inbox -> inbox.kinds().contains(kind)).findFirst().orElse(null)), settings, Clock.systemUTC(),
                LinkComponent.class.getClassLoader());
        link.keepOpeningWith(() -> node.node().previousIdentity());
        Dictionary<String, Object> properties = new Hashtable<>();
        properties.put("camel.context.name", ExchangeLink.CONTEXT_NAME);
        contextRegistration = bundleContext.registerService(CamelContext.class, link.context(), properties);
        if (settings.hasParent()) {
            collector = new UplinkCollector(localBroker, link, store, points, registry, Duration.ofSeconds(Math.max(1, config.samples_batch_seconds())),
                    Math.max(100, config.samples_batch_max()));
            collectorThread = new Thread(collector, "hazardwatch-exchange-samples");
            collectorThread.setDaemon(true);
            collectorThread.start();
            scheduler.schedule(() -> safely("points", () -> collector.sendPointsIfChanged(true)), 2, TimeUnit.SECONDS);
            scheduler.scheduleWithFixedDelay(() -> safely("points", () -> collector.sendPointsIfChanged(false)), 60, 60, TimeUnit.SECONDS);
            scheduler.scheduleWithFixedDelay(() -> safely("alarms", collector::sendAlarmChanges), 3, 2, TimeUnit.SECONDS);
            scheduler.scheduleWithFixedDelay(() -> safely("commands", link::startParentRoutes), 1, 5, TimeUnit.SECONDS);
            logger.info("Exchange link to {} at {}", settings.parentOrganisation(), settings.parentBrokerUrl());
        } else {
            collector = null;
            collectorThread = null;
            UplinkCollector.unsubscribe(localBroker);
            logger.info("Exchange link: no parent configured; this node receives from the nodes below it");
        }
        scheduler.scheduleWithFixedDelay(() -> safely("housekeeping", this::housekeeping), 10, 3600, TimeUnit.SECONDS);
    }

    private static String brokerName(BundleContext context) throws org.osgi.framework.InvalidSyntaxException {
        var references = context.getServiceReferences(ConnectionFactory.class.getName(), "(hazardwatch.broker=*)");
        return references != null && references.length > 0 ? String.valueOf(references[0].getProperty("hazardwatch.broker")) : "hazardwatch";
    }

    private interface Task {
        void run() throws Exception;
    }

    private void safely(String what, Task task) {
        try {
            task.run();
        } catch (Exception e) {
            logger.warn("Exchange link ({}): {}", what, ExchangeLink.rootMessage(e));
        }
    }

    private void housekeeping() {
        Instant now = Instant.now();
        int messages = store.forgetMessagesBefore(now.minus(Duration.ofDays(logDays)));
        int ids = seen.forgetExpired(now);
        if (messages + ids > 0) {
            logger.info("Exchange housekeeping: {} message log entries older than {} days and {} expired message ids removed",
                    messages, logDays, ids);
        }
    }

    @Override
    public String organisationCode() {
        return node.node().identity().map(Identity::organisationCode).orElse(null);
    }

    @Override
    public List<LinkStatus> links() {
        return link.links();
    }

    @Override
    public ExchangeCommand sendThresholdChange(String pointId, String limits, String reason, String requestedBy) {
        JsonNode parsed;
        try {
            parsed = limits == null ? null : Payloads.JSON.readTree(limits);
        } catch (Exception e) {
            throw new ValidationException(List.of(new FieldError("limits", "json", "not a JSON object: " + e.getMessage())));
        }
        return link.sendThresholdChange(pointId, parsed, reason, requestedBy);
    }

    @Override
    public ExchangeCommand sendLiveQuery(String enterpriseCode, List<String> pointIds, String reason, String requestedBy) {
        return link.sendLiveQuery(enterpriseCode, pointIds, reason, requestedBy);
    }

    @Override
    public List<String> childNodes() {
        return store.childNodes();
    }

    @Override
    public void sendWorkDown(String childNode, String kind, String json, String messageId) {
        link.sendWorkDown(childNode, kind, parse(json), messageId);
    }

    @Override
    public void sendWorkUp(String kind, String json, String messageId) {
        link.sendWorkUp(kind, parse(json), messageId);
    }

    @Override
    public String parentNode() {
        return link.settings().hasParent() ? link.settings().parentOrganisation() : null;
    }

    private static JsonNode parse(String json) {
        try {
            return Payloads.JSON.readTree(json);
        } catch (Exception e) {
            throw new IllegalArgumentException("a work message must be a JSON object: " + e.getMessage(), e);
        }
    }

    public ExchangeLink link() {
        return link;
    }

    @Override
    public String componentName() {
        return "exchange-link";
    }

    @Override
    public Health check() {
        if (organisationCode() == null) {
            return link.settings().hasParent() ? new Health(HealthStatus.DEGRADED, "not enrolled at the security centre: nothing is sent up")
                    : Health.up("not enrolled; no parent configured");
        }
        if (!link.settings().hasParent()) {
            return Health.up("receiving from the nodes below; no parent configured");
        }
        LinkStatus parent = link.links().get(0);
        String detail = "parent " + parent.neighbour() + " at " + parent.address() + ": " + (parent.connected() ? "connected" : "not connected")
                + ", backlog " + parent.backlogMessages() + " messages (" + parent.backlogBytes() / 1024 + " KiB), " + parent.sent() + " sent"
                + (collector == null ? "" : ", " + collector.samplesSent() + " samples collected")
                + (parent.lastError() == null ? "" : "; last error: " + parent.lastError());
        if (parent.downSince() != null && parent.downSince().isBefore(Instant.now().minus(DOWN_WARNING))) {
            return new Health(HealthStatus.DEGRADED, detail + " (down since " + parent.downSince() + ")");
        }
        return Health.up(detail);
    }

    @Deactivate
    void deactivate() throws Exception {
        scheduler.shutdownNow();
        if (collector != null) {
            collector.stop();
            collectorThread.join(5_000);
        }
        try {
            contextRegistration.unregister();
        } catch (IllegalStateException alreadyGone) {
            // the bundle is stopping
        }
        link.close();
    }
}
