package org.hazardwatch.exchange.link;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.hazardwatch.api.exchange.ExchangeStore;
import org.hazardwatch.api.exchange.ExchangeStore.AlarmChange;
import org.hazardwatch.api.exchange.ExchangeStore.AlarmReplica;
import org.hazardwatch.api.model.Alarm;
import org.hazardwatch.api.model.MonitoringPoint;
import org.hazardwatch.api.model.Quality;
import org.hazardwatch.api.model.QualityReason;
import org.hazardwatch.api.model.Sample;
import org.hazardwatch.api.hazard.HazardSourceQuery;
import org.hazardwatch.api.hazard.HazardSourceService;
import org.hazardwatch.api.hazard.RegistryBatchWriter.SourceOfEnterprise;
import org.hazardwatch.api.registry.Enterprise;
import org.hazardwatch.api.registry.RegistryService;
import org.hazardwatch.api.store.PointRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.databind.JsonNode;

import jakarta.jms.BytesMessage;
import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import jakarta.jms.Topic;

/**
 * What this node sends up of its own data: the point catalogue (at start and when it changes, and always before the
 * first sample or alarm of a point), the samples exception reporting selects (from the ingest's topic, through a
 * durable subscription, so samples published while the link code is down wait for it), and every change of its alarms
 * (from the alarm journal, after a saved position). Points and ids are qualified with the enterprise code.
 * <p>
 * The samples are batched inside one JMS transaction on this node's broker: received from the subscription, put in
 * the outbox, committed together. A crash before the commit gives the samples back to the subscription; after it,
 * they are in the outbox on disk. Nothing acknowledged is lost.
 */
public final class UplinkCollector implements Runnable {

    public static final String UPLINK_TOPIC = "hazardwatch.uplink.samples";
    static final String CLIENT_ID = "hazardwatch-exchange-uplink";
    static final String SUBSCRIPTION = "exchange-uplink";
    static final String ALARM_CURSOR = "uplink.alarm-event";
    static final String POINTS_CURSOR = "uplink.points";

    private final Logger logger = LoggerFactory.getLogger(UplinkCollector.class);
    private final ConnectionFactory localBroker;
    private final ExchangeLink link;
    private final ExchangeStore store;
    private final PointRepository points;
    private final RegistryService registry;
    private final Duration batchWindow;
    private final int batchMax;
    private final Set<String> pointsSent = ConcurrentHashMap.newKeySet();
    private volatile Map<String, MonitoringPoint> pointsById = Map.of();
    private volatile boolean running = true;
    private volatile Connection connection;
    private volatile long samplesSent;
    private final java.util.concurrent.CountDownLatch subscribed = new java.util.concurrent.CountDownLatch(1);

    public UplinkCollector(ConnectionFactory localBroker, ExchangeLink link, ExchangeStore store, PointRepository points,
            RegistryService registry, Duration batchWindow, int batchMax) {
        this.localBroker = localBroker;
        this.link = link;
        this.store = store;
        this.points = points;
        this.registry = registry;
        this.batchWindow = batchWindow;
        this.batchMax = batchMax;
    }

    /** Removes the durable subscription of a node that no longer has a parent, so the broker stops keeping samples for it. */
    public static void unsubscribe(ConnectionFactory localBroker) {
        try (Connection c = localBroker.createConnection()) {
            c.setClientID(CLIENT_ID);
            try (Session session = c.createSession(false, Session.AUTO_ACKNOWLEDGE)) {
                session.unsubscribe(SUBSCRIPTION);
            }
        } catch (JMSException | RuntimeException noSubscription) {
            // there was none
        }
    }

    /**
     * Waits until the durable subscription exists. Samples published to the topic before a node's very first
     * subscription are not kept for the uplink (they are still stored locally); from then on the broker keeps them.
     */
    public boolean awaitSubscribed(java.time.Duration timeout) throws InterruptedException {
        return subscribed.await(timeout.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
    }

    public long samplesSent() {
        return samplesSent;
    }

    /** The sample loop; runs until {@link #stop}. */
    @Override
    public void run() {
        // samples are collected from the start, enrolled or not: they wait in the outbox and backlog until the node can
        // seal them for its parent
        while (running) {
            try {
                collectSamples();
            } catch (Exception e) {
                if (running) {
                    logger.warn("Sample uplink: {}; retrying in 5 s", ExchangeLink.rootMessage(e));
                    sleep(5_000);
                }
            } finally {
                closeConnection();
            }
        }
    }

    private void collectSamples() throws Exception {
        connection = localBroker.createConnection();
        connection.setClientID(CLIENT_ID);
        connection.start();
        Session session = connection.createSession(true, Session.SESSION_TRANSACTED);
        Topic topic = session.createTopic(UPLINK_TOPIC);
        MessageConsumer subscriber = session.createDurableSubscriber(topic, SUBSCRIPTION);
        subscribed.countDown();
        MessageProducer outbox = session.createProducer(session.createQueue(ExchangeLink.UP));
        outbox.setDeliveryMode(jakarta.jms.DeliveryMode.PERSISTENT);
        while (running) {
            List<Sample> batch = new ArrayList<>();
            long deadline = System.currentTimeMillis() + batchWindow.toMillis();
            while (running && batch.size() < batchMax) {
                long wait = deadline - System.currentTimeMillis();
                if (wait <= 0) {
                    break;
                }
                Message message = subscriber.receive(wait);
                if (message == null) {
                    break;
                }
                if (message instanceof TextMessage text) {
                    batch.addAll(decode(text.getText()));
                }
            }
            if (batch.isEmpty()) {
                session.commit(); // acknowledges messages that carried nothing
                continue;
            }
            List<Sample> qualified = qualify(batch);
            if (qualified.stream().anyMatch(sample -> !pointsSent.contains(sample.pointId()))) {
                sendPoints(session, outbox, allLocalPoints());
            }
            if (!qualified.isEmpty()) {
                BytesMessage message = session.createBytesMessage();
                message.writeBytes(Payloads.compress(Payloads.samples(qualified)));
                message.setStringProperty(ExchangeLink.TYPE, Payloads.SAMPLES);
                message.setStringProperty(ExchangeLink.MESSAGE_ID, UUID.randomUUID().toString());
                message.setIntProperty(ExchangeLink.ITEMS, qualified.size());
                outbox.send(message);
            }
            session.commit();
            samplesSent += qualified.size();
        }
    }

    /** Samples as the ingest publishes them: a JSON array of {pointId, timestamp, value, quality, qualityReason}. */
    private List<Sample> decode(String json) {
        List<Sample> samples = new ArrayList<>();
        try {
            for (JsonNode node : Payloads.JSON.readTree(json)) {
                samples.add(new Sample(node.path("pointId").asText(), Instant.parse(node.path("timestamp").asText()),
                        node.path("value").asDouble(), Quality.valueOf(node.path("quality").asText()),
                        node.hasNonNull("qualityReason") ? QualityReason.valueOf(node.get("qualityReason").asText()) : null));
            }
        } catch (Exception e) {
            logger.warn("An uplink sample message could not be read and is skipped: {}", e.getMessage());
        }
        return samples;
    }

    private List<Sample> qualify(List<Sample> samples) {
        List<Sample> qualified = new ArrayList<>(samples.size());
        for (Sample sample : samples) {
            MonitoringPoint point = point(sample.pointId());
            if (point == null) {
                continue; // deleted since it was stored
            }
            String id = Payloads.qualified(point.enterpriseCode(), point.id());
            if (id.length() <= 64) {
                qualified.add(new Sample(id, sample.timestamp(), sample.value(), sample.quality(), sample.qualityReason()));
            }
        }
        return qualified;
    }

    private MonitoringPoint point(String id) {
        MonitoringPoint point = pointsById.get(id);
        if (point == null) {
            reloadPoints();
            point = pointsById.get(id);
        }
        return point;
    }

    private void reloadPoints() {
        Map<String, MonitoringPoint> byId = new HashMap<>();
        points.findAll().forEach(p -> byId.put(p.id(), p));
        pointsById = byId;
    }

    /** This node's own points, qualified; received copies of lower nodes' points are relayed when they arrive. */
    List<MonitoringPoint> allLocalPoints() {
        reloadPoints();
        List<MonitoringPoint> local = new ArrayList<>();
        for (MonitoringPoint p : pointsById.values()) {
            if (p.id().startsWith(p.enterpriseCode() + ":")) {
                continue;
            }
            String id = Payloads.qualified(p.enterpriseCode(), p.id());
            if (id.length() > 64) {
                logger.warn("Point {} of {} is not sent up: its qualified id would exceed 64 characters", p.id(), p.enterpriseCode());
                continue;
            }
            local.add(new MonitoringPoint(id, p.name(), p.type(), p.unit(), p.rangeLow(), p.rangeHigh(), p.alarmLow(), p.alarmHigh(),
                    p.area(), p.enterpriseCode(), p.hazardSourceCode(), p.equipmentCode()));
        }
        local.sort(java.util.Comparator.comparing(MonitoringPoint::id));
        return local;
    }

    private void sendPoints(Session session, MessageProducer outbox, List<MonitoringPoint> local) throws JMSException {
        BytesMessage message = session.createBytesMessage();
        byte[] payload = catalogue(local);
        message.writeBytes(payload);
        message.setStringProperty(ExchangeLink.TYPE, Payloads.POINTS);
        message.setStringProperty(ExchangeLink.MESSAGE_ID, UUID.randomUUID().toString());
        message.setIntProperty(ExchangeLink.ITEMS, local.size());
        outbox.send(message);
        local.forEach(p -> pointsSent.add(p.id()));
        store.saveCursor(POINTS_CURSOR, local.size(), digest(payload));
        logger.info("Point catalogue ({} points) put in the outbox ahead of the first samples of its points", local.size());
    }

    /**
     * Sends the point catalogue when it changed since it was last sent (checked every minute), and once after each
     * start, so that a parent that lost it gets it again.
     */
    public synchronized void sendPointsIfChanged(boolean force) {
        List<MonitoringPoint> local = allLocalPoints();
        byte[] payload = catalogue(local);
        String digest = digest(payload);
        if (!force && store.cursorText(POINTS_CURSOR).map(digest::equals).orElse(false)) {
            return;
        }
        link.enqueueUp(Payloads.POINTS, payload, local.size(), null);
        local.forEach(p -> pointsSent.add(p.id()));
        store.saveCursor(POINTS_CURSOR, local.size(), digest);
        logger.info("Point catalogue ({} points) put in the outbox ({})", local.size(), force ? "sent after each start" : "it changed");
    }

    /** Sends every change of this node's alarms after the saved journal position; called every few seconds. */
    public synchronized void sendAlarmChanges() {
        String own = link.organisationCode().orElse(null);
        if (own == null) {
            return;
        }
        long after = store.cursor(ALARM_CURSOR);
        while (true) {
            List<AlarmChange> changes = store.alarmChangesAfter(after, 500);
            if (changes.isEmpty()) {
                return;
            }
            List<AlarmReplica> replicas = new ArrayList<>();
            boolean pointsMissing = false;
            for (AlarmChange change : changes) {
                Alarm a = change.alarm();
                MonitoringPoint point = point(a.pointId());
                if (point == null) {
                    continue;
                }
                String id = Payloads.qualified(point.enterpriseCode(), point.id());
                pointsMissing |= !pointsSent.contains(id);
                replicas.add(new AlarmReplica(own, a.id(), change.eventId(), new Alarm(0, id, a.kind(), a.state(), a.priority(), a.value(),
                        a.limit(), a.raisedAt(), a.clearedAt(), a.acknowledgedAt(), a.acknowledgedBy(), a.shelvedUntil(), a.shelveReason(),
                        a.shelvedBy(), a.suppressed(), a.activations(), a.closedAt())));
            }
            if (pointsMissing) {
                sendPointsIfChanged(true);
            }
            long last = changes.get(changes.size() - 1).eventId();
            if (!replicas.isEmpty()) {
                link.enqueueUp(Payloads.ALARMS, Payloads.compress(Payloads.alarms(replicas)), replicas.size(), null);
            }
            store.saveCursor(ALARM_CURSOR, last, null);
            after = last;
        }
    }

    /** The points payload: the points and the registration data of their enterprises (as far as this node has it). */
    /** The major hazard sources of these enterprises, in full (units, equipment, inventories). */
    private List<SourceOfEnterprise> hazardSourcesOf(List<Enterprise> enterprises) {
        HazardSourceService sources = link.services().hazardSources();
        List<SourceOfEnterprise> found = new ArrayList<>();
        if (sources == null) {
            return found;
        }
        for (Enterprise enterprise : enterprises) {
            int page = 0;
            while (true) {
                var summaries = sources.list(new HazardSourceQuery(null, enterprise.id(), null, null), page, 200);
                summaries.items().forEach(summary -> sources.get(summary.id()).ifPresent(s -> found.add(new SourceOfEnterprise(enterprise.uscc(), s))));
                if ((long) (page + 1) * 200 >= summaries.total()) {
                    break;
                }
                page++;
            }
        }
        return found;
    }

    private byte[] catalogue(List<MonitoringPoint> local) {
        JsonNode root = Payloads.points(local);
        List<Enterprise> enterprises = new ArrayList<>();
        if (registry != null) {
            java.util.Set<String> codes = new java.util.TreeSet<>();
            local.forEach(p -> codes.add(p.enterpriseCode()));
            for (String code : codes) {
                registry.enterprises(null, code, 0, 5).items().stream().filter(e -> e.uscc().equals(code)).findFirst()
                        .ifPresent(enterprises::add);
            }
        }
        Payloads.addEnterprises(root, enterprises);
        Payloads.addHazardSources(root, hazardSourcesOf(enterprises));
        return Payloads.compress(root);
    }

    private static String digest(byte[] payload) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(payload));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public void stop() {
        running = false;
        closeConnection();
    }

    private void closeConnection() {
        Connection c = connection;
        connection = null;
        if (c != null) {
            try {
                c.close();
            } catch (JMSException | RuntimeException ignored) {
                // closing anyway
            }
        }
    }

    private void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }
}
