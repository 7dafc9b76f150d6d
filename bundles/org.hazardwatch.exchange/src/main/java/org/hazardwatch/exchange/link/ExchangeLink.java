package org.hazardwatch.exchange.link;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import org.apache.activemq.ActiveMQConnectionFactory;
import org.apache.camel.ConsumerTemplate;
import org.apache.camel.Exchange;
import org.apache.camel.LoggingLevel;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.jms.JmsComponent;
import org.apache.camel.impl.DefaultCamelContext;
import org.hazardwatch.api.alarm.AlarmDefinition;
import org.hazardwatch.api.alarm.AlarmDefinitionService;
import org.hazardwatch.api.alarm.AlarmLimit;
import org.hazardwatch.api.broker.BrokerQueues;
import org.hazardwatch.api.exchange.ExchangeCommand;
import org.hazardwatch.api.exchange.ExchangeStore;
import org.hazardwatch.api.exchange.ExchangeStore.AlarmReplica;
import org.hazardwatch.api.exchange.ExchangeStore.RefusedDataException;
import org.hazardwatch.api.exchange.LinkStatus;
import org.hazardwatch.api.exchange.MessageLogEntry;
import org.hazardwatch.api.exchange.MessageLogEntry.Direction;
import org.hazardwatch.api.exchange.MessageLogEntry.Status;
import org.hazardwatch.api.exchange.WorkInbox;
import org.hazardwatch.api.hazard.HazardSourceService;
import org.hazardwatch.api.hazard.RegistryBatchWriter;
import org.hazardwatch.api.hazard.RegistryBatchWriter.SourceOfEnterprise;
import org.hazardwatch.api.live.LiveEvent;
import org.hazardwatch.api.live.LiveEventBus;
import org.hazardwatch.api.model.AlarmPriority;
import org.hazardwatch.api.model.MonitoringPoint;
import org.hazardwatch.api.model.Sample;
import org.hazardwatch.api.registry.Enterprise;
import org.hazardwatch.api.registry.FieldError;
import org.hazardwatch.api.registry.RegistryService;
import org.hazardwatch.api.registry.ValidationException;
import org.hazardwatch.api.security.AuditEntry;
import org.hazardwatch.api.security.AuditLog;
import org.hazardwatch.api.store.PointRepository;
import org.hazardwatch.api.store.SampleStore;
import org.hazardwatch.exchange.envelope.Envelope;
import org.hazardwatch.exchange.envelope.EnvelopeCodec;
import org.hazardwatch.exchange.envelope.EnvelopeOpener;
import org.hazardwatch.exchange.envelope.EnvelopeRejectedException;
import org.hazardwatch.exchange.envelope.EnvelopeSealer;
import org.hazardwatch.exchange.envelope.Identity;
import org.hazardwatch.exchange.envelope.RejectReason;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jms.connection.CachingConnectionFactory;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import jakarta.jms.ConnectionFactory;

/**
 * The node's exchange links, as Camel routes in the context {@value #CONTEXT_NAME}:
 * <ul>
 * <li>{@code exchange-up-live}: the outbox {@value #UP} (persistent, on this node's broker) to the parent's inbox.
 * Each message is sealed when it leaves (a fresh sequence number, the parent's current certificate) with the id it was
 * given when it entered the outbox, so a resend after a crash is stored once above. While the parent is unreachable,
 * messages move to the backlog.</li>
 * <li>{@code exchange-up-backlog}: the backlog {@value #BACKLOG} to the parent, in order, paced, retried with back-off
 * while the link is down; live data overtakes it. Bounded: when full, samples are dropped or refused as configured;
 * alarms, points and command answers never are.</li>
 * <li>{@code exchange-inbox}: what children put in this node's inbox {@value #INBOX}: opened (signature, certificate,
 * revocation, time, replay), stored exactly once, relayed to the parent. Refused messages go to {@value #REJECTED}
 * with the reason; database outages are retried, never dropped.</li>
 * <li>{@code exchange-down}: commands the parent put in its queue {@value #DOWN_PREFIX}{@code <this node>}: accepted
 * only when signed by the configured parent, applied here or passed down to the child the enterprise's data comes
 * from.</li>
 * </ul>
 */
public final class ExchangeLink implements AutoCloseable {

    public static final String CONTEXT_NAME = "hazardwatch-exchange";
    public static final String UP = "hazardwatch.exchange.up";
    public static final String BACKLOG = "hazardwatch.exchange.up.backlog";
    public static final String INBOX = "hazardwatch.exchange.inbox";
    public static final String REJECTED = "hazardwatch.exchange.rejected";
    /** Messages waiting for the points they refer to, moved back to the inbox every {@value #PARKED_RETRY_SECONDS} s. */
    public static final String PARKED = "hazardwatch.exchange.parked";
    static final int PARKED_RETRY_SECONDS = 10;
    public static final String DOWN_PREFIX = "hazardwatch.exchange.down.";
    /** JMS properties of outbox messages. */
    public static final String TYPE = "HWType";
    public static final String MESSAGE_ID = "HWMessageId";
    public static final String ITEMS = "HWItems";
    public static final String REASON = "HWReason";
    /** How often a parked message came back already. */
    public static final String PARKED_TIMES = "HWParked";
    static final String PARENT_ROLE = "parent";
    /** What a node accepts from its parent: commands, each signed by the parent. */
    static final Set<String> COMMAND_TYPES = Set.of(Payloads.THRESHOLD_CHANGE, Payloads.LIVE_QUERY);
    /** Most points one live query may name (the query travels as one command). */
    static final int MAX_QUERY_POINTS = 100;
    static final String CHILD_ROLE = "child";

    public enum WhenFull {
        DROP_OLDEST_SAMPLES,
        REFUSE_NEW_SAMPLES;

        public static WhenFull parse(String text) {
            return switch (text == null ? "" : text.strip().toLowerCase(java.util.Locale.ROOT)) {
                case "refuse-new-samples" -> REFUSE_NEW_SAMPLES;
                case "", "drop-oldest-samples" -> DROP_OLDEST_SAMPLES;
                default -> throw new IllegalArgumentException("backlog.when.full must be drop-oldest-samples or refuse-new-samples, not " + text);
            };
        }
    }

    /**
     * @param relayInterval a regulator node relays the first sample of each such interval of a point (0: every sample)
     * @param relayDeadbandPercent ... and a sample that moved more than this share of the point's span (0: none)
     */
    public record Settings(String parentBrokerUrl, String parentOrganisation, long backlogMaxBytes, WhenFull whenFull,
            int pacePerSecond, Duration relayInterval, double relayDeadbandPercent) {

        /** Settings that relay every sample. */
        public Settings(String parentBrokerUrl, String parentOrganisation, long backlogMaxBytes, WhenFull whenFull, int pacePerSecond) {
            this(parentBrokerUrl, parentOrganisation, backlogMaxBytes, whenFull, pacePerSecond, Duration.ZERO, 0);
        }

        public boolean hasParent() {
            return parentBrokerUrl != null && !parentBrokerUrl.isBlank() && parentOrganisation != null && !parentOrganisation.isBlank();
        }
    }

    /**
     * What the link needs of the node. All but {@code store} and {@code points} may be null: the link then does without
     * (no registry copies, no live values, no threshold changes, ...).
     */
    public record Services(ExchangeStore store, PointRepository points, AlarmDefinitionService definitions, LiveEventBus live,
            BrokerQueues queues, RegistryService registry, HazardSourceService hazardSources, RegistryBatchWriter registryWriter,
            SampleStore samples, AuditLog audit, java.util.function.Function<String, WorkInbox> work) {

        public Services(ExchangeStore store, PointRepository points, AlarmDefinitionService definitions, LiveEventBus live,
                BrokerQueues queues, RegistryService registry) {
            this(store, points, definitions, live, queues, registry, null, null, null, null, null);
        }

        public Services(ExchangeStore store, PointRepository points, AlarmDefinitionService definitions, LiveEventBus live,
                BrokerQueues queues, RegistryService registry, HazardSourceService hazardSources, RegistryBatchWriter registryWriter,
                SampleStore samples, AuditLog audit) {
            this(store, points, definitions, live, queues, registry, hazardSources, registryWriter, samples, audit, null);
        }
    }

    private final Logger logger = LoggerFactory.getLogger(ExchangeLink.class);
    private final Supplier<Optional<Identity>> identity;
    private final LinkTrust directory;
    private final Services services;
    private final Settings settings;
    private final Clock clock;
    private final DefaultCamelContext context;
    private final CachingConnectionFactory localConnections;
    private final CachingConnectionFactory parentConnections;
    private final ProducerTemplate producer;
    private final ConsumerTemplate consumer;
    private final Map<String, LinkCounters> links = new ConcurrentHashMap<>();
    private final Map<String, AtomicLong> sequences = new ConcurrentHashMap<>();
    private final Set<String> routedEnterprises = ConcurrentHashMap.newKeySet();
    private final Map<String, Optional<MonitoringPoint>> relayedPoints = new ConcurrentHashMap<>();
    private final RelayedSamples relayedSamples;
    private volatile Supplier<Optional<Identity>> previousIdentity = Optional::empty;
    private volatile boolean parentRoutesStarted;
    private volatile long nextBacklogSendNanos;

    public ExchangeLink(ConnectionFactory localBroker, Supplier<Optional<Identity>> identity, LinkTrust directory,
            Services services, Settings settings, Clock clock, ClassLoader applicationClassLoader) throws Exception {
        this.identity = identity;
        this.directory = directory;
        this.services = services;
        this.settings = settings;
        this.clock = clock;
        // spans change rarely; a point edited later keeps its old span here until the node restarts
        this.relayedSamples = new RelayedSamples(settings.relayInterval(), settings.relayDeadbandPercent(),
                id -> relayedPoints.computeIfAbsent(id, services.points()::findById).orElse(null));
        context = new DefaultCamelContext();
        context.getCamelContextExtension().setName(CONTEXT_NAME);
        if (applicationClassLoader != null) {
            context.setApplicationContextClassLoader(applicationClassLoader);
        }
        // consumers hold one session and consumer each on the plain factory (a caching factory would keep consumers that
        // DMLC let go, each holding a prefetched message nobody reads); producers share cached sessions
        context.addComponent("local", listeners(localBroker));
        localConnections = new CachingConnectionFactory(localBroker);
        localConnections.setSessionCacheSize(4);
        localConnections.setCacheConsumers(false);
        context.addComponent("localSend", JmsComponent.jmsComponentAutoAcknowledge(localConnections));
        if (settings.hasParent()) {
            ActiveMQConnectionFactory parent = new ActiveMQConnectionFactory(parentUrl(settings.parentBrokerUrl()));
            // a parent that stops reading must not block this node's threads for ever
            parent.setSendTimeout(15_000);
            parent.setWatchTopicAdvisories(false);
            parent.getPrefetchPolicy().setQueuePrefetch(1);
            context.addComponent("parent", listeners(parent));
            parentConnections = new CachingConnectionFactory(parent);
            parentConnections.setSessionCacheSize(2);
            parentConnections.setCacheConsumers(false);
            parentConnections.setReconnectOnException(true);
            context.addComponent("parentSend", JmsComponent.jmsComponentAutoAcknowledge(parentConnections));
            links.put(settings.parentOrganisation(), new LinkCounters(settings.parentOrganisation(), PARENT_ROLE, settings.parentBrokerUrl()));
        } else {
            parentConnections = null;
        }
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("local:queue:" + INBOX + "?transacted=true&concurrentConsumers=1").routeId("exchange-inbox")
                        .errorHandler(defaultErrorHandler().maximumRedeliveries(-1).redeliveryDelay(1000).useExponentialBackOff()
                                .maximumRedeliveryDelay(30_000).retryAttemptedLogLevel(LoggingLevel.WARN))
                        .process(ExchangeLink.this::receiveFromChild);
                from("timer:exchange-parked?period=" + PARKED_RETRY_SECONDS * 1000 + "&delay=" + PARKED_RETRY_SECONDS * 1000)
                        .routeId("exchange-parked-retry")
                        .process(exchange -> retryParked());
                if (settings.hasParent()) {
                    from("local:queue:" + UP + "?transacted=true&concurrentConsumers=1").routeId("exchange-up-live")
                            .errorHandler(defaultErrorHandler().maximumRedeliveries(-1).redeliveryDelay(1000).useExponentialBackOff()
                                    .maximumRedeliveryDelay(10_000).retryAttemptedLogLevel(LoggingLevel.DEBUG))
                            .process(ExchangeLink.this::forwardLive);
                    from("local:queue:" + BACKLOG + "?transacted=true&concurrentConsumers=1").routeId("exchange-up-backlog")
                            .errorHandler(defaultErrorHandler().maximumRedeliveries(-1).redeliveryDelay(1000).useExponentialBackOff()
                                    .maximumRedeliveryDelay(10_000).retryAttemptedLogLevel(LoggingLevel.DEBUG))
                            .process(ExchangeLink.this::forwardBacklog);
                }
            }
        });
        context.start();
        producer = context.createProducerTemplate();
        consumer = context.createConsumerTemplate();
    }

    private static JmsComponent listeners(ConnectionFactory factory) {
        JmsComponent component = JmsComponent.jmsComponentAutoAcknowledge(factory);
        component.getConfiguration().setCacheLevelName("CACHE_CONSUMER");
        return component;
    }

    /** Connect quickly and give up on a dead parent instead of waiting for the operating system's timeout. */
    private static String parentUrl(String url) {
        if (url.startsWith("tcp://") && !url.contains("connectionTimeout")) {
            return url + (url.contains("?") ? "&" : "?") + "connectionTimeout=5000";
        }
        return url;
    }

    public DefaultCamelContext context() {
        return context;
    }

    public Settings settings() {
        return settings;
    }

    Services services() {
        return services;
    }

    public Optional<String> organisationCode() {
        return identity.get().map(Identity::organisationCode);
    }

    /**
     * Starts the route that takes commands from the parent, once this node knows its own organisation code (after it
     * enrolled). Idempotent.
     */
    public synchronized void startParentRoutes() throws Exception {
        if (parentRoutesStarted || !settings.hasParent()) {
            return;
        }
        Optional<String> own = organisationCode();
        if (own.isEmpty()) {
            return;
        }
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("parent:queue:" + DOWN_PREFIX + own.get() + "?transacted=true&concurrentConsumers=1&recoveryInterval=5000")
                        .routeId("exchange-down")
                        .errorHandler(defaultErrorHandler().maximumRedeliveries(-1).redeliveryDelay(1000).useExponentialBackOff()
                                .maximumRedeliveryDelay(30_000).retryAttemptedLogLevel(LoggingLevel.WARN))
                        .process(ExchangeLink.this::receiveFromParent);
            }
        });
        parentRoutesStarted = true;
    }

    // ------------------------------------------------------------------ upward

    /**
     * Puts a payload in the outbox to the parent (on disk). Relays give a derived id, so that relaying the same
     * message again is stored once above; everything else a new one.
     */
    public void enqueueUp(String type, byte[] payload, int items, String messageId) {
        if (!settings.hasParent()) {
            return;
        }
        Map<String, Object> headers = new HashMap<>();
        headers.put(TYPE, type);
        headers.put(MESSAGE_ID, messageId == null ? UUID.randomUUID().toString() : messageId);
        headers.put(ITEMS, items);
        producer.sendBodyAndHeaders("localSend:queue:" + UP + "?deliveryPersistent=true&exchangePattern=InOnly&jmsMessageType=Bytes",
                payload, headers);
    }

    private void forwardLive(Exchange exchange) {
        Outgoing message = outgoing(exchange);
        LinkCounters link = links.get(settings.parentOrganisation());
        if (link.downSince != null && link.lastAttempt != null && link.lastAttempt.plusSeconds(5).isAfter(clock.instant())) {
            // the parent failed a moment ago: do not pay a connection attempt for every message
            toBacklog(message, link.lastError);
            return;
        }
        try {
            send(message);
        } catch (Exception e) {
            toBacklog(message, e.getMessage());
        }
    }

    private void forwardBacklog(Exchange exchange) throws Exception {
        Outgoing message = outgoing(exchange);
        long pause = nextBacklogSendNanos - System.nanoTime();
        if (pause > 0) {
            Thread.sleep(pause / 1_000_000, (int) (pause % 1_000_000));
        }
        nextBacklogSendNanos = System.nanoTime() + 1_000_000_000L / Math.max(1, settings.pacePerSecond());
        LinkCounters link = links.get(settings.parentOrganisation());
        if (link.downSince != null && link.lastAttempt != null && link.lastAttempt.plusSeconds(2).isAfter(clock.instant())) {
            throw new IOException("the parent is unreachable: " + link.lastError);
        }
        send(message); // failures retry in place with back-off: the backlog keeps its order
    }

    private record Outgoing(String type, String id, byte[] payload, int items) {
    }

    private static Outgoing outgoing(Exchange exchange) {
        var in = exchange.getMessage();
        return new Outgoing(in.getHeader(TYPE, String.class), in.getHeader(MESSAGE_ID, String.class), in.getBody(byte[].class),
                in.getHeader(ITEMS, 0, Integer.class));
    }

    /** Seals for the parent and hands it to the parent's broker; marks the link up or down. */
    private void send(Outgoing message) throws Exception {
        String parent = settings.parentOrganisation();
        LinkCounters link = links.get(parent);
        link.lastAttempt = clock.instant();
        try {
            Identity own = identity.get().orElseThrow(() -> new IOException("this node has not enrolled (hazardwatch:enrol)"));
            X509Certificate certificate = directory.certificateOf(parent);
            long seq = sequence(parent).incrementAndGet();
            Envelope envelope = new EnvelopeSealer(own, clock, EnvelopeSealer.DEFAULT_LIFETIME).seal(message.id(), message.type(),
                    message.payload(), parent, certificate, seq);
            String json = EnvelopeCodec.toJson(envelope);
            producer.sendBody("parentSend:queue:" + INBOX + "?deliveryPersistent=true&exchangePattern=InOnly", json);
            link.up(clock.instant());
            log(Direction.OUT, parent, envelope, Status.SENT, null, json.length(), message.items());
        } catch (Exception e) {
            link.down(clock.instant(), rootMessage(e));
            throw e;
        }
    }

    private AtomicLong sequence(String neighbour) {
        return sequences.computeIfAbsent(neighbour, n -> new AtomicLong(services.store().lastSequence(n, Direction.OUT)));
    }

    private void toBacklog(Outgoing message, String why) {
        LinkCounters link = links.get(settings.parentOrganisation());
        boolean sample = Payloads.SAMPLES.equals(message.type());
        if (sample && services.queues() != null && services.queues().size(BACKLOG).bytes() + message.payload().length > settings.backlogMaxBytes()) {
            if (settings.whenFull() == WhenFull.REFUSE_NEW_SAMPLES) {
                link.dropped.incrementAndGet();
                logLocal(settings.parentOrganisation(), message, Status.DROPPED, "the backlog is full (" + settings.backlogMaxBytes()
                        + " bytes): new samples refused");
                return;
            }
            dropOldestSamples(message.payload().length);
        }
        Map<String, Object> headers = new HashMap<>();
        headers.put(TYPE, message.type());
        headers.put(MESSAGE_ID, message.id());
        headers.put(ITEMS, message.items());
        producer.sendBodyAndHeaders("localSend:queue:" + BACKLOG + "?deliveryPersistent=true&exchangePattern=InOnly&jmsMessageType=Bytes",
                message.payload(), headers);
        logLocal(settings.parentOrganisation(), message, Status.BACKLOG, why);
    }

    /** Makes room for {@code needed} bytes by taking the oldest sample messages out of the backlog. */
    private void dropOldestSamples(long needed) {
        LinkCounters link = links.get(settings.parentOrganisation());
        long target = settings.backlogMaxBytes() - needed;
        int dropped = 0;
        while (services.queues().size(BACKLOG).bytes() > target) {
            Exchange oldest = consumer.receive("local:queue:" + BACKLOG + "?selector=RAW(" + TYPE + " = 'samples')", 1_000);
            if (oldest == null) {
                break; // only alarms, points and answers left: they stay
            }
            Outgoing message = outgoing(oldest);
            link.dropped.incrementAndGet();
            logLocal(settings.parentOrganisation(), message, Status.DROPPED, "the backlog is full (" + settings.backlogMaxBytes()
                    + " bytes): oldest samples dropped");
            dropped++;
        }
        if (dropped > 0) {
            logger.warn("Backlog to {} full: dropped its {} oldest sample messages", settings.parentOrganisation(), dropped);
        }
    }

    // ------------------------------------------------------------------ from children

    private void receiveFromChild(Exchange exchange) {
        String text = exchange.getMessage().getBody(String.class);
        boolean redelivered = Boolean.TRUE.equals(exchange.getMessage().getHeader("JMSRedelivered", Boolean.class));
        Envelope envelope;
        try {
            envelope = EnvelopeCodec.fromJson(text == null ? "" : text);
        } catch (EnvelopeRejectedException e) {
            reject(exchange, null, "?", e.reason(), e.getMessage(), text);
            return;
        }
        LinkCounters link = links.computeIfAbsent(envelope.from(), from -> new LinkCounters(from, CHILD_ROLE, null));
        EnvelopeOpener.Opened opened;
        try {
            opened = opener(envelope).open(envelope);
        } catch (EnvelopeRejectedException e) {
            if (e.reason() == RejectReason.REPLAYED && redelivered) {
                // this broker delivers again what was stored before a crash: store nothing, but relay again (same id above)
                log(Direction.IN, envelope.from(), envelope, Status.DUPLICATE, "redelivered after a restart", text.length(), 0);
                relayAgain(envelope);
                return;
            }
            if (e.reason() == RejectReason.REPLAYED && sealedAgain(envelope)) {
                log(Direction.IN, envelope.from(), envelope, Status.DUPLICATE, "sent again by " + envelope.from() + " (sealed anew after a restart)",
                        text.length(), 0);
                return;
            }
            link.rejected.incrementAndGet();
            reject(exchange, envelope, envelope.from(), e.reason(), e.getMessage(), text);
            return;
        }
        try {
            int items = handleFromChild(opened);
            link.received(clock.instant());
            log(Direction.IN, envelope.from(), envelope, items < 0 ? Status.DUPLICATE : Status.ACCEPTED,
                    items < 0 ? "delivered before" : null, text.length(), Math.max(items, 0));
        } catch (RefusedDataException e) {
            if (e.unknownPoint()) {
                park(envelope, text, e.getMessage(), exchange.getMessage().getHeader(PARKED_TIMES, 0, Integer.class));
            } else {
                link.rejected.incrementAndGet();
                reject(exchange, envelope, envelope.from(), RejectReason.MALFORMED, rootMessage(e), text);
            }
        } catch (IOException | IllegalArgumentException e) {
            link.rejected.incrementAndGet();
            reject(exchange, envelope, envelope.from(), RejectReason.MALFORMED, rootMessage(e), text);
        }
    }

    /**
     * Keeps a message whose points are not defined here yet: after an outage the sender's live data goes first, and the
     * points message it refers to may still be in the sender's backlog. Nothing of it was stored; it is opened again
     * (all checks) when it comes back, and an expired one is then refused.
     */
    private void park(Envelope envelope, String text, String why, int times) {
        if (times == 0) {
            log(Direction.IN, envelope.from(), envelope, Status.PARKED, why, text.length(), 0);
        }
        producer.sendBodyAndHeader("localSend:queue:" + PARKED + "?deliveryPersistent=true&exchangePattern=InOnly", text,
                PARKED_TIMES, times + 1);
    }

    /** Moves parked messages back into the inbox, behind what arrived meanwhile (the points, usually). */
    private void retryParked() {
        long waiting = services.queues() == null ? 1 : services.queues().size(PARKED).messages();
        for (long i = 0; i < waiting; i++) {
            // a fresh consumer gets its first message a moment later: receiveNoWait would see none
            Exchange parked = consumer.receive("local:queue:" + PARKED, 1_000);
            if (parked == null) {
                return;
            }
            producer.sendBodyAndHeader("localSend:queue:" + INBOX + "?deliveryPersistent=true&exchangePattern=InOnly",
                    parked.getMessage().getBody(String.class), PARKED_TIMES, parked.getMessage().getHeader(PARKED_TIMES, 1, Integer.class));
        }
    }

    /** Stores what a child sent and relays it up; answers the number of items, or -1 for a message stored before. */
    private int handleFromChild(EnvelopeOpener.Opened opened) throws IOException {
        Envelope e = opened.envelope();
        JsonNode payload = Payloads.decompress(opened.payload());
        int items;
        switch (e.type()) {
            case Payloads.SAMPLES -> {
                List<Sample> samples = Payloads.samples(payload);
                requireOwnData(e.from(), samples.stream().map(Sample::pointId).toList());
                if (!services.store().acceptSamples(e.from(), e.id(), e.expires(), samples)) {
                    return -1;
                }
                publishLatest(samples);
                if (relayedSamples.thinsOut()) {
                    // the level above gets fewer samples than this one: stored here in full, thinned on the way up
                    List<Sample> relayed = relayedSamples.select(samples);
                    if (!relayed.isEmpty()) {
                        enqueueUp(e.type(), Payloads.compress(Payloads.samples(relayed)), relayed.size(), relayId(e));
                    }
                    return samples.size();
                }
                items = samples.size();
            }
            case Payloads.ALARMS -> {
                List<AlarmReplica> alarms = Payloads.alarms(payload);
                requireOwnData(e.from(), alarms.stream().map(a -> a.alarm().pointId()).toList());
                if (!services.store().acceptAlarms(e.from(), e.id(), e.expires(), alarms)) {
                    return -1;
                }
                items = alarms.size();
            }
            case Payloads.POINTS -> {
                List<MonitoringPoint> points = Payloads.points(payload);
                for (MonitoringPoint point : points) {
                    if (!point.id().startsWith(point.enterpriseCode() + ":")) {
                        throw new IOException("point " + point.id() + " is not qualified with its enterprise " + point.enterpriseCode());
                    }
                    requireOwnEnterprise(e.from(), point.enterpriseCode());
                }
                List<Enterprise> enterprises = Payloads.enterprises(payload);
                for (Enterprise enterprise : enterprises) {
                    requireOwnEnterprise(e.from(), enterprise.uscc());
                }
                List<SourceOfEnterprise> sources = Payloads.hazardSources(payload);
                for (SourceOfEnterprise source : sources) {
                    requireOwnEnterprise(e.from(), source.enterpriseUscc());
                }
                if (!services.store().accept(e.from(), e.id(), e.expires())) {
                    return -1;
                }
                enterprises.forEach(this::register);
                registerHazardSources(e.from(), sources);
                for (MonitoringPoint point : points) {
                    services.points().save(point);
                    if (routedEnterprises.add(point.enterpriseCode() + "@" + e.from())) {
                        services.store().route(point.enterpriseCode(), e.from(), clock.instant());
                    }
                }
                items = points.size();
            }
            case Payloads.WORK -> {
                // addressed to this node: not relayed
                return receiveWork(e, opened, false);
            }
            case Payloads.COMMAND_RESULT -> {
                if (!services.store().accept(e.from(), e.id(), e.expires())) {
                    return -1;
                }
                String commandId = Payloads.text(payload, "commandId");
                ExchangeCommand.Status status = ExchangeCommand.Status.valueOf(Payloads.text(payload, "status"));
                JsonNode data = payload.get("result");
                services.store().answerCommand(commandId, status, payload.path("detail").asText(null),
                        data == null || data.isNull() ? null : data.toString(), clock.instant());
                logger.info("Command {} answered {} by {}: {}", commandId, status, payload.path("enterprise").asText(), payload.path("detail").asText(""));
                if (organisationCode().map(own -> own.equals(payload.path("origin").asText())).orElse(false)) {
                    return 1; // it has come home
                }
                items = 1;
            }
            default -> throw new IOException("message type '" + e.type() + "' is not accepted from a lower node");
        }
        relayUp(e, opened.payload(), items);
        return items;
    }

    /**
     * Keeps a lower node's enterprise in this node's registry, so that this node's regulators see its data within their
     * region. A park this node does not know is left out; data the registry refuses is logged, not fatal: the points
     * still count.
     */
    private void register(Enterprise received) {
        RegistryService registry = services.registry();
        if (registry == null) {
            return;
        }
        String park = received.parkCode() != null && registry.region(received.parkCode()).isPresent() ? received.parkCode() : null;
        Optional<Enterprise> known = registry.enterprises(null, received.uscc(), 0, 5).items().stream()
                .filter(x -> x.uscc().equals(received.uscc())).findFirst();
        Enterprise wanted = new Enterprise(known.map(Enterprise::id).orElse(null), received.uscc(), received.name(), received.regionCode(), null,
                park, received.industryCode(), received.industryGroup(), received.address(), received.longitude(), received.latitude(),
                received.contactName(), received.contactPhone(), received.status(), null, null);
        try {
            if (known.isEmpty()) {
                registry.create(wanted);
            } else if (!same(known.get(), wanted)) {
                registry.update(known.get().id(), wanted);
            }
        } catch (ValidationException ex) {
            logger.warn("Enterprise {} from below not registered here: {}", received.uscc(), ex.fieldErrors());
        }
    }

    /**
     * Keeps a lower node's major hazard sources in this node's registry (matched by enterprise and code, graded here
     * from their inventories), so the upper levels' registry, grading statistics and map show them. Writing the same
     * sources again changes nothing, so a message delivered twice does no harm.
     */
    private void registerHazardSources(String from, List<SourceOfEnterprise> sources) {
        RegistryBatchWriter writer = services.registryWriter();
        if (writer == null || sources.isEmpty()) {
            return;
        }
        RegistryBatchWriter.Outcome outcome = writer.write(List.of(), sources, false, "exchange:" + from);
        if (outcome.hasErrors()) {
            // the points and enterprises still count; the sources wait for a corrected catalogue
            logger.warn("Hazard sources from {} not registered here: {}", from, outcome.sourceErrors());
        }
    }

    private static boolean same(Enterprise a, Enterprise b) {
        return java.util.Objects.equals(a.name(), b.name()) && java.util.Objects.equals(a.regionCode(), b.regionCode())
                && java.util.Objects.equals(a.parkCode(), b.parkCode()) && java.util.Objects.equals(a.industryCode(), b.industryCode())
                && java.util.Objects.equals(a.address(), b.address()) && java.util.Objects.equals(a.longitude(), b.longitude())
                && java.util.Objects.equals(a.latitude(), b.latitude()) && java.util.Objects.equals(a.contactName(), b.contactName())
                && java.util.Objects.equals(a.contactPhone(), b.contactPhone()) && a.status() == b.status();
    }

    private void relayUp(Envelope e, byte[] payload, int items) {
        enqueueUp(e.type(), payload, items, relayId(e));
    }

    private static String relayId(Envelope e) {
        return derivedId(e.from() + "|" + e.id());
    }

    /**
     * A message id that is the same each time it is made from the same origin: a message made again (a relay or an
     * answer repeated after a crash) is then stored once by the receiver.
     */
    private static String derivedId(String origin) {
        return UUID.nameUUIDFromBytes(origin.getBytes(StandardCharsets.UTF_8)).toString();
    }

    private void relayAgain(Envelope envelope) {
        // the payload is needed again: open without the replay check (the message was verified when first accepted)
        if (!settings.hasParent()) {
            return;
        }
        try {
            EnvelopeOpener.Opened opened = new EnvelopeOpener(receiverOf(envelope), directory, (sender, id, expires) -> true, clock,
                    EnvelopeOpener.DEFAULT_SKEW).open(envelope);
            relayUp(envelope, opened.payload(), 0);
        } catch (RuntimeException e) {
            logger.warn("Message {} of {} could not be relayed again: {}", envelope.id(), envelope.from(), e.getMessage());
        }
    }

    /** An enterprise node reports only its own points; nodes above it report those of the enterprises below them. */
    private static void requireOwnData(String sender, List<String> pointIds) throws IOException {
        for (String pointId : pointIds) {
            if (pointId.indexOf(':') <= 0) {
                throw new IOException("point id " + pointId + " is not qualified with its enterprise code");
            }
            requireOwnEnterprise(sender, pointId.substring(0, pointId.indexOf(':')));
        }
    }

    private static void requireOwnEnterprise(String sender, String enterpriseCode) throws IOException {
        if (isEnterpriseCode(sender) && !sender.equals(enterpriseCode)) {
            throw new IOException("enterprise " + sender + " sent data of enterprise " + enterpriseCode);
        }
    }

    /** A unified social credit code (18 characters), as opposed to a region code of a regulator node. */
    static boolean isEnterpriseCode(String organisationCode) {
        return organisationCode.length() == 18 && !organisationCode.chars().allMatch(Character::isDigit);
    }

    private void publishLatest(List<Sample> samples) {
        LiveEventBus live = services.live();
        if (live == null) {
            return;
        }
        Map<String, Sample> latest = new LinkedHashMap<>();
        for (Sample sample : samples) {
            latest.merge(sample.pointId(), sample, (a, b) -> b.timestamp().isBefore(a.timestamp()) ? a : b);
        }
        latest.values().forEach(sample -> live.publish(new LiveEvent(LiveEvent.SAMPLE, sample.pointId(), sample)));
    }

    /**
     * Where the node's identity before its last certificate renewal is kept: messages sealed to the old certificate
     * (by a neighbour that has not fetched the new one yet, or before the renewal) are opened with the old key.
     */
    public void keepOpeningWith(Supplier<Optional<Identity>> previous) {
        this.previousIdentity = previous;
    }

    /** The identity an envelope was sealed to: the current one, or the one before the last renewal. */
    private Identity receiverOf(Envelope envelope) {
        Identity current = ownIdentity();
        if (current.serial().equals(envelope.receiverCert())) {
            return current;
        }
        return previousIdentity.get().filter(previous -> previous.serial().equals(envelope.receiverCert())).orElse(current);
    }

    /**
     * Whether a message refused as a replay is one its sender sealed anew: a sender that crashed after sending and before
     * it knew sends the message again, with its id but a new seal (only the sender's key can make one, and the opener
     * checked it before the replay). A replay of the captured envelope carries the old seal's time.
     */
    private boolean sealedAgain(Envelope envelope) {
        return services.store().acceptedSealedAt(envelope.from(), envelope.id()).map(first -> envelope.created().isAfter(first)).orElse(false);
    }

    private EnvelopeOpener opener(Envelope envelope) {
        return new EnvelopeOpener(receiverOf(envelope), directory,
                (sender, id, expires) -> !services.store().seen(sender, id), clock, EnvelopeOpener.DEFAULT_SKEW);
    }

    private Identity ownIdentity() {
        return identity.get().orElseThrow(() -> new EnvelopeRejectedException(RejectReason.WRONG_RECEIVER,
                "this node has not enrolled, so it cannot open messages"));
    }

    private void reject(Exchange exchange, Envelope envelope, String from, RejectReason reason, String why, String text) {
        String detail = why.startsWith(reason + ": ") ? why.substring(reason.name().length() + 2) : why;
        logger.warn("Exchange message refused ({}): {}", reason, detail);
        if (envelope != null) {
            log(Direction.IN, from, envelope, Status.REJECTED, reason + ": " + detail, text == null ? 0 : text.length(), 0);
        } else {
            services.store().log(new MessageLogEntry(0, clock.instant(), Direction.IN, from, "?", "?", 0, null, Status.REJECTED,
                    reason + ": " + detail, text == null ? 0 : text.length(), 0));
        }
        // kept with the reason, for inspection: a refused message is evidence, not rubbish
        producer.sendBodyAndHeader("localSend:queue:" + REJECTED + "?deliveryPersistent=true&exchangePattern=InOnly", text == null ? "" : text,
                REASON, reason + ": " + detail);
    }

    // ------------------------------------------------------------------ from the parent

    private void receiveFromParent(Exchange exchange) {
        String text = exchange.getMessage().getBody(String.class);
        String parent = settings.parentOrganisation();
        LinkCounters link = links.get(parent);
        Envelope envelope;
        try {
            envelope = EnvelopeCodec.fromJson(text == null ? "" : text);
        } catch (EnvelopeRejectedException e) {
            reject(exchange, null, parent, e.reason(), e.getMessage(), text);
            return;
        }
        if (!parent.equals(envelope.from())) {
            link.rejected.incrementAndGet();
            reject(exchange, envelope, envelope.from(), RejectReason.SENDER_MISMATCH,
                    "commands are accepted from the parent node " + parent + " only, this one is signed by " + envelope.from(), text);
            return;
        }
        EnvelopeOpener.Opened opened;
        try {
            opened = opener(envelope).open(envelope);
        } catch (EnvelopeRejectedException e) {
            if (e.reason() == RejectReason.REPLAYED && (Boolean.TRUE.equals(exchange.getMessage().getHeader("JMSRedelivered", Boolean.class))
                    || sealedAgain(envelope))) {
                log(Direction.IN, parent, envelope, Status.DUPLICATE, "delivered again", text.length(), 0);
                return;
            }
            link.rejected.incrementAndGet();
            reject(exchange, envelope, parent, e.reason(), e.getMessage(), text);
            return;
        }
        try {
            if (Payloads.WORK.equals(envelope.type())) {
                int items = receiveWork(envelope, opened, true);
                link.received(clock.instant());
                log(Direction.IN, parent, envelope, items < 0 ? Status.DUPLICATE : Status.ACCEPTED, items < 0 ? "delivered before" : null,
                        text.length(), Math.max(items, 0));
                return;
            }
            if (!COMMAND_TYPES.contains(envelope.type())) {
                throw new IOException("message type '" + envelope.type() + "' is not accepted from the parent node");
            }
            if (!services.store().accept(envelope.from(), envelope.id(), envelope.expires())) {
                log(Direction.IN, parent, envelope, Status.DUPLICATE, "delivered before", text.length(), 0);
                return;
            }
            link.received(clock.instant());
            log(Direction.IN, parent, envelope, Status.ACCEPTED, null, text.length(), 1);
            handleCommand(envelope.type(), Payloads.decompress(opened.payload()));
        } catch (RefusedDataException | IOException | IllegalArgumentException e) {
            link.rejected.incrementAndGet();
            reject(exchange, envelope, parent, RejectReason.MALFORMED, rootMessage(e), text);
        }
    }

    /**
     * Carries out a command for an enterprise whose instruments this node reads (a threshold change, a live query), or
     * passes it down towards the node that reads them.
     */
    private void handleCommand(String type, JsonNode command) throws IOException {
        String commandId = Payloads.text(command, "commandId");
        String enterprise = Payloads.text(command, "enterprise");
        String pointId = Payloads.THRESHOLD_CHANGE.equals(type) ? Payloads.text(command, "pointId") : null;
        services.store().saveCommand(new ExchangeCommand(commandId, type, enterprise, pointId, command.toString(),
                command.path("requestedBy").asText("?"), Instant.parse(Payloads.text(command, "requestedAt")), ExchangeCommand.Status.SENT,
                null, null));
        // where the enterprise's data comes through a lower node, the command goes down there, even when this node has
        // a point of the same id (a copy of a plant's catalogue)
        Optional<String> child = services.store().routeOf(enterprise);
        if (child.isPresent()) {
            sendDown(child.get(), type, Payloads.compress(command), commandId);
            return;
        }
        if (Payloads.LIVE_QUERY.equals(type)) {
            answerLiveQuery(command, enterprise);
            return;
        }
        Optional<MonitoringPoint> local = localPoint(pointId, enterprise);
        if (local.isEmpty()) {
            answer(command, ExchangeCommand.Status.REFUSED, "point " + pointId + " of enterprise " + enterprise + " is not known at "
                    + organisationCode().orElse("?"));
            return;
        }
        try {
            AlarmDefinition applied = applyThresholds(local.get().id(), command);
            answer(command, ExchangeCommand.Status.APPLIED, "limits of " + local.get().id() + " now low-low " + value(applied.lowLow())
                    + ", low " + value(applied.low()) + ", high " + value(applied.high()) + ", high-high " + value(applied.highHigh()));
        } catch (ValidationException | IllegalArgumentException | java.util.NoSuchElementException e) {
            answer(command, ExchangeCommand.Status.REFUSED, rootMessage(e));
        }
    }

    /**
     * Answers a live query with the current values of the enterprise's points read at this node, and records in this
     * node's audit log who above read them (C3: the county sees who looked at its plants' live data).
     */
    private void answerLiveQuery(JsonNode command, String enterprise) {
        String own = organisationCode().orElse("?");
        SampleStore samples = services.samples();
        if (samples == null) {
            answer(command, ExchangeCommand.Status.REFUSED, "current values cannot be read at node " + own, null);
            return;
        }
        Set<String> wanted = new java.util.HashSet<>();
        command.path("pointIds").forEach(id -> wanted.add(id.asText()));
        String prefix = enterprise + ":";
        List<MonitoringPoint> points = services.points().findAll().stream()
                .filter(p -> enterprise.equals(p.enterpriseCode()) && !p.id().startsWith(prefix))
                .filter(p -> wanted.isEmpty() || wanted.contains(Payloads.qualified(enterprise, p.id())))
                .sorted(java.util.Comparator.comparing(MonitoringPoint::id)).limit(Payloads.MAX_LIVE_VALUES).toList();
        if (points.isEmpty()) {
            answer(command, ExchangeCommand.Status.REFUSED, (wanted.isEmpty() ? "no points of enterprise " + enterprise
                    : "none of the points asked for") + " are read at node " + own, null);
            return;
        }
        JsonNode values = Payloads.currentValues(enterprise, points, samples.currentValues(), clock.instant());
        AuditLog audit = services.audit();
        if (audit != null) {
            String requester = command.path("origin").asText("?") + "/" + command.path("requestedBy").asText("?");
            // filed under this node's own code, so the auditors of this node's region (or enterprise) read it
            audit.append(new AuditEntry.Draft(requester, "node " + command.path("origin").asText("?"), own, "exchange", "exchange.live-query.answered",
                    "enterprise", enterprise, "OK", null, null, points.size() + " current values; reason: " + command.path("reason").asText("")));
        }
        answer(command, ExchangeCommand.Status.ANSWERED, points.size() + " current values of " + enterprise + " read at " + own, values);
    }

    private static String value(AlarmLimit limit) {
        return limit == null ? "none" : String.valueOf(limit.value());
    }

    /** The local point a qualified id names: the id without the enterprise prefix, or the id itself. */
    private Optional<MonitoringPoint> localPoint(String qualifiedId, String enterprise) {
        String prefix = enterprise + ":";
        if (qualifiedId.startsWith(prefix)) {
            Optional<MonitoringPoint> unqualified = services.points().findById(qualifiedId.substring(prefix.length()))
                    .filter(p -> enterprise.equals(p.enterpriseCode()));
            if (unqualified.isPresent()) {
                return unqualified;
            }
        }
        // a qualified id held here is a copy of a lower node's point, not one of ours
        return services.points().findById(qualifiedId).filter(p -> enterprise.equals(p.enterpriseCode()) && !p.id().startsWith(prefix));
    }

    private AlarmDefinition applyThresholds(String pointId, JsonNode command) {
        AlarmDefinitionService definitions = services.definitions();
        if (definitions == null) {
            throw new IllegalArgumentException("alarm settings cannot be changed on this node");
        }
        AlarmDefinition current = definitions.definition(pointId).orElseThrow(() -> new java.util.NoSuchElementException("no point " + pointId));
        JsonNode limits = command.path("limits");
        AlarmDefinition changed = new AlarmDefinition(pointId, limit(limits, "lowLow", current.lowLow(), AlarmPriority.HIGH),
                limit(limits, "low", current.low(), AlarmPriority.MEDIUM), limit(limits, "high", current.high(), AlarmPriority.MEDIUM),
                limit(limits, "highHigh", current.highHigh(), AlarmPriority.HIGH), current.rateOfChange(), current.rateWindow(),
                current.deadband(), current.delayOn(), current.delayOff(), current.mode(), current.modeReason(), current.substance(),
                current.updatedAt(), current.updatedBy());
        String by = "exchange:" + command.path("origin").asText("?") + "/" + command.path("requestedBy").asText("?");
        definitions.save(changed, by.length() > 64 ? by.substring(0, 64) : by, command.path("reason").asText("threshold change from above"));
        return definitions.definition(pointId).orElse(changed);
    }

    /** The limit the command sets (a number, or null to remove it), or the current one when it names none. */
    private static AlarmLimit limit(JsonNode limits, String name, AlarmLimit current, AlarmPriority defaultPriority) {
        if (!limits.has(name)) {
            return current;
        }
        JsonNode value = limits.get(name);
        if (value.isNull()) {
            return null;
        }
        if (!value.isNumber() || !Double.isFinite(value.asDouble())) {
            throw new IllegalArgumentException("limit " + name + " must be a number or null");
        }
        return new AlarmLimit(value.asDouble(), current == null ? defaultPriority : current.priority());
    }

    private void answer(JsonNode command, ExchangeCommand.Status status, String detail) {
        answer(command, status, detail, null);
    }

    /** Records the answer here and sends it up towards the command's origin, with what was read ({@code data}, may be null). */
    private void answer(JsonNode command, ExchangeCommand.Status status, String detail, JsonNode data) {
        String commandId = command.path("commandId").asText();
        services.store().answerCommand(commandId, status, detail, data == null ? null : data.toString(), clock.instant());
        logger.info("Command {} {}: {}", commandId, status, detail);
        ObjectNode result = Payloads.JSON.createObjectNode();
        result.put("commandId", commandId).put("status", status.name()).put("detail", detail)
                .put("enterprise", command.path("enterprise").asText()).put("origin", command.path("origin").asText())
                .put("answeredBy", organisationCode().orElse("?"));
        if (data != null) {
            result.set("result", data);
        }
        enqueueUp(Payloads.COMMAND_RESULT, Payloads.compress(result), 1, derivedId("answer|" + commandId));
    }

    // ------------------------------------------------------------------ downward

    /**
     * Sends a threshold change down from this node (requirement I4): signed here, passed hop by hop to the enterprise.
     */
    public ExchangeCommand sendThresholdChange(String pointId, JsonNode limits, String reason, String requestedBy) {
        List<FieldError> errors = new ArrayList<>();
        if (pointId == null || pointId.isBlank()) {
            errors.add(new FieldError("pointId", "required", "the point is required"));
        }
        if (limits == null || !limits.isObject() || limits.isEmpty()) {
            errors.add(new FieldError("limits", "required", "give at least one of lowLow, low, high, highHigh"));
        } else {
            limits.fieldNames().forEachRemaining(name -> {
                JsonNode value = limits.get(name);
                if (!Set.of("lowLow", "low", "high", "highHigh").contains(name)) {
                    errors.add(new FieldError("limits." + name, "unknown", "only lowLow, low, high and highHigh can be changed"));
                } else if (!value.isNull() && (!value.isNumber() || !Double.isFinite(value.asDouble()))) {
                    errors.add(new FieldError("limits." + name, "number", "a number, or null to remove the limit"));
                }
            });
        }
        if (reason == null || reason.isBlank()) {
            errors.add(new FieldError("reason", "required", "say why the limits change"));
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        MonitoringPoint point = services.points().findById(pointId)
                .orElseThrow(() -> new ValidationException(List.of(new FieldError("pointId", "unknown", "no point " + pointId + " here"))));
        String enterprise = point.enterpriseCode();
        String child = services.store().routeOf(enterprise).orElseThrow(() -> new ValidationException(List.of(new FieldError("pointId",
                "unreachable", "the data of enterprise " + enterprise + " does not come through a lower node"))));
        if (!point.id().startsWith(enterprise + ":")) {
            throw new ValidationException(List.of(new FieldError("pointId", "local", "point " + pointId
                    + " is read by this node: change its alarm settings here")));
        }
        String own = organisationCode().orElseThrow(() -> new ValidationException(List.of(new FieldError("node", "not-enrolled",
                "this node has not enrolled at the security centre"))));
        Instant now = clock.instant();
        String commandId = UUID.randomUUID().toString();
        ObjectNode command = Payloads.JSON.createObjectNode();
        command.put("commandId", commandId).put("origin", own).put("enterprise", enterprise).put("pointId", pointId)
                .put("reason", reason.strip()).put("requestedBy", requestedBy).put("requestedAt", now.toString());
        command.set("limits", limits);
        ExchangeCommand saved = new ExchangeCommand(commandId, Payloads.THRESHOLD_CHANGE, enterprise, pointId, command.toString(), requestedBy,
                now, ExchangeCommand.Status.SENT, null, null);
        services.store().saveCommand(saved);
        try {
            sendDown(child, Payloads.THRESHOLD_CHANGE, Payloads.compress(command), commandId);
        } catch (IOException e) {
            services.store().answerCommand(commandId, ExchangeCommand.Status.REFUSED, "not sent: " + e.getMessage(), now);
            throw new ValidationException(List.of(new FieldError("pointId", "unreachable", "cannot send to " + child + ": " + e.getMessage())));
        }
        return saved;
    }

    /**
     * Sends a live query down from this node (C3): signed here, passed hop by hop to the node that reads the
     * enterprise's instruments, which answers with their current values.
     */
    public ExchangeCommand sendLiveQuery(String enterpriseCode, List<String> pointIds, String reason, String requestedBy) {
        List<FieldError> errors = new ArrayList<>();
        if (enterpriseCode == null || enterpriseCode.isBlank()) {
            errors.add(new FieldError("enterprise", "required", "the enterprise (its unified social credit code) is required"));
        }
        List<String> points = pointIds == null ? List.of() : pointIds;
        if (points.size() > MAX_QUERY_POINTS) {
            errors.add(new FieldError("pointIds", "too-many", "at most " + MAX_QUERY_POINTS + " points, or none for all of them"));
        }
        for (int i = 0; i < points.size() && errors.isEmpty(); i++) {
            String id = points.get(i);
            if (id == null || !id.startsWith(enterpriseCode + ":") || id.length() > 64) {
                errors.add(new FieldError("pointIds[" + i + "]", "foreign", "a point of enterprise " + enterpriseCode + " (" + enterpriseCode
                        + ":<id>)"));
            }
        }
        if (reason == null || reason.isBlank()) {
            errors.add(new FieldError("reason", "required", "say why the live data is needed"));
        } else if (reason.length() > 500) {
            errors.add(new FieldError("reason", "too-long", "at most 500 characters"));
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        String child = services.store().routeOf(enterpriseCode).orElseThrow(() -> new ValidationException(List.of(new FieldError("enterprise",
                "unreachable", "the data of enterprise " + enterpriseCode + " does not come through a lower node"))));
        String own = organisationCode().orElseThrow(() -> new ValidationException(List.of(new FieldError("node", "not-enrolled",
                "this node has not enrolled at the security centre"))));
        Instant now = clock.instant();
        String commandId = UUID.randomUUID().toString();
        ObjectNode command = Payloads.JSON.createObjectNode();
        command.put("commandId", commandId).put("origin", own).put("enterprise", enterpriseCode).put("reason", reason.strip())
                .put("requestedBy", requestedBy).put("requestedAt", now.toString());
        points.forEach(command.putArray("pointIds")::add);
        ExchangeCommand saved = new ExchangeCommand(commandId, Payloads.LIVE_QUERY, enterpriseCode, null, command.toString(), requestedBy, now,
                ExchangeCommand.Status.SENT, null, null);
        services.store().saveCommand(saved);
        try {
            sendDown(child, Payloads.LIVE_QUERY, Payloads.compress(command), commandId);
        } catch (IOException e) {
            services.store().answerCommand(commandId, ExchangeCommand.Status.REFUSED, "not sent: " + e.getMessage(), now);
            throw new ValidationException(List.of(new FieldError("enterprise", "unreachable", "cannot send to " + child + ": " + e.getMessage())));
        }
        return saved;
    }

    /**
     * Hands a work message to the node's inbox for its kind, then records it as seen: a crash in between delivers it
     * again, so inboxes are idempotent. Answers 1, or -1 for a message handled before.
     */
    private int receiveWork(Envelope e, EnvelopeOpener.Opened opened, boolean fromParent) throws IOException {
        if (services.store().seen(e.from(), e.id())) {
            return -1;
        }
        JsonNode payload = Payloads.decompress(opened.payload());
        String kind = Payloads.text(payload, "kind");
        JsonNode body = payload.get("body");
        if (body == null || !body.isObject()) {
            throw new IOException("a work message needs a 'body' object");
        }
        WorkInbox inbox = services.work() == null ? null : services.work().apply(kind);
        if (inbox == null) {
            throw new IOException("no inbox for work messages of kind '" + kind + "' at this node");
        }
        inbox.receive(e.from(), fromParent, kind, body.toString());
        services.store().accept(e.from(), e.id(), e.expires());
        return 1;
    }

    /** Sends a work message down to a child node (signed here), where its WorkInbox for the kind takes it. */
    public void sendWorkDown(String child, String kind, JsonNode body, String messageId) {
        if (!services.store().childNodes().contains(child)) {
            throw new ValidationException(List.of(new FieldError("node", "unknown", "no lower node " + child + " sends through this node")));
        }
        ObjectNode payload = Payloads.JSON.createObjectNode();
        payload.put("kind", kind).set("body", body);
        try {
            sendDown(child, Payloads.WORK, Payloads.compress(payload), "work|" + messageId);
        } catch (IOException | RuntimeException e) {
            throw new ValidationException(List.of(new FieldError("node", "unreachable", "cannot send to " + child + ": " + rootMessage(e))));
        }
    }

    /** Sends a work message up to the parent, through the outbox (kept on disk while the link is down). */
    public void sendWorkUp(String kind, JsonNode body, String messageId) {
        ObjectNode payload = Payloads.JSON.createObjectNode();
        payload.put("kind", kind).set("body", body);
        enqueueUp(Payloads.WORK, Payloads.compress(payload), 1, derivedId("work-up|" + messageId));
    }

    /** Seals for a child and puts it in the child's queue on this node's broker, where the child fetches it. */
    private void sendDown(String child, String type, byte[] payload, String commandId) throws IOException {
        Identity own = ownIdentity();
        X509Certificate certificate = directory.certificateOf(child);
        long seq = sequence(child).incrementAndGet();
        Envelope envelope = new EnvelopeSealer(own, clock, EnvelopeSealer.DEFAULT_LIFETIME).seal(
                derivedId(own.organisationCode() + "|down|" + commandId),
                type, payload, child, certificate, seq);
        String json = EnvelopeCodec.toJson(envelope);
        producer.sendBody("localSend:queue:" + DOWN_PREFIX + child + "?deliveryPersistent=true&exchangePattern=InOnly", json);
        LinkCounters link = links.computeIfAbsent(child, c -> new LinkCounters(c, CHILD_ROLE, null));
        link.sent.incrementAndGet();
        link.lastSent = clock.instant();
        log(Direction.OUT, child, envelope, Status.QUEUED, null, json.length(), 1);
    }

    // ------------------------------------------------------------------ status

    public List<LinkStatus> links() {
        List<LinkStatus> statuses = new ArrayList<>();
        for (LinkCounters link : links.values()) {
            long backlogMessages = 0;
            long backlogBytes = 0;
            long outbox = 0;
            if (PARENT_ROLE.equals(link.role) && services.queues() != null) {
                BrokerQueues.QueueSize backlog = services.queues().size(BACKLOG);
                backlogMessages = backlog.messages();
                backlogBytes = backlog.bytes();
                outbox = services.queues().size(UP).messages();
            } else if (services.queues() != null) {
                BrokerQueues.QueueSize down = services.queues().size(DOWN_PREFIX + link.neighbour);
                outbox = down.messages();
            }
            boolean connected = PARENT_ROLE.equals(link.role) ? link.downSince == null && link.lastSent != null
                    : link.lastReceived != null && link.lastReceived.isAfter(clock.instant().minus(Duration.ofMinutes(5)));
            statuses.add(new LinkStatus(link.neighbour, link.role, link.address, connected, backlogMessages, backlogBytes, outbox,
                    link.lastSent, link.lastReceived, link.sent.get(), link.received.get(), link.rejected.get(), link.dropped.get(),
                    link.lastError, link.downSince));
        }
        statuses.sort(java.util.Comparator.comparing((LinkStatus s) -> !PARENT_ROLE.equals(s.role())).thenComparing(LinkStatus::neighbour));
        return statuses;
    }

    private void log(Direction direction, String neighbour, Envelope e, Status status, String reason, int size, int items) {
        if (direction == Direction.OUT && status == Status.SENT) {
            LinkCounters link = links.get(neighbour);
            if (link != null) {
                link.sent.incrementAndGet();
            }
        }
        try {
            services.store().log(new MessageLogEntry(0, clock.instant(), direction, neighbour, e.id(), e.type(), e.seq(), e.created(), status,
                    reason, size, items));
        } catch (RuntimeException ex) {
            logger.warn("Message {} not logged: {}", e.id(), ex.getMessage());
        }
    }

    private void logLocal(String neighbour, Outgoing message, Status status, String reason) {
        try {
            services.store().log(new MessageLogEntry(0, clock.instant(), Direction.OUT, neighbour, message.id(), message.type(), 0, null,
                    status, reason, message.payload().length, message.items()));
        } catch (RuntimeException ex) {
            logger.warn("Message {} not logged: {}", message.id(), ex.getMessage());
        }
    }

    static String rootMessage(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        String message = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
        return cause == e ? message : e.getMessage() + " (" + message + ")";
    }

    @Override
    public void close() throws Exception {
        try {
            producer.stop();
            consumer.stop();
            context.stop();
        } finally {
            localConnections.destroy();
            if (parentConnections != null) {
                parentConnections.destroy();
            }
        }
    }

    /** Counters of one link since the node started. */
    static final class LinkCounters {
        final String neighbour;
        final String role;
        final String address;
        final AtomicLong sent = new AtomicLong();
        final AtomicLong received = new AtomicLong();
        final AtomicLong rejected = new AtomicLong();
        final AtomicLong dropped = new AtomicLong();
        volatile Instant lastSent;
        volatile Instant lastReceived;
        volatile Instant lastAttempt;
        volatile Instant downSince;
        volatile String lastError;

        LinkCounters(String neighbour, String role, String address) {
            this.neighbour = neighbour;
            this.role = role;
            this.address = address;
        }

        void up(Instant at) {
            lastSent = at;
            downSince = null;
            lastError = null;
        }

        void down(Instant at, String error) {
            if (downSince == null) {
                downSince = at;
            }
            lastError = error;
        }

        void received(Instant at) {
            received.incrementAndGet();
            lastReceived = at;
        }
    }
}
