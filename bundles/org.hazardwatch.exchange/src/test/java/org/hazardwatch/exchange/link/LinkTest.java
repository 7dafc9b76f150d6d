package org.hazardwatch.exchange.link;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.ServerSocket;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BooleanSupplier;

import javax.sql.DataSource;

import org.apache.activemq.ActiveMQConnectionFactory;
import org.hazardwatch.api.broker.BrokerQueues;
import org.hazardwatch.api.exchange.ExchangeCommand;
import org.hazardwatch.api.exchange.MessageLogEntry;
import org.hazardwatch.api.exchange.MessageLogQuery;
import org.hazardwatch.api.model.MonitoringPoint;
import org.hazardwatch.api.model.PointType;
import org.hazardwatch.api.model.Quality;
import org.hazardwatch.broker.internal.EmbeddedBroker;
import org.hazardwatch.core.internal.alarm.Gbt50493;
import org.hazardwatch.core.internal.alarm.JdbcAlarmDefinitions;
import org.hazardwatch.core.internal.db.JdbcPointRepository;
import org.hazardwatch.core.internal.exchange.JdbcExchangeStore;
import org.hazardwatch.core.internal.registry.JdbcRegistry;
import org.hazardwatch.core.internal.db.JdbcSampleStore;
import org.hazardwatch.core.internal.hazard.JdbcHazardSources;
import org.hazardwatch.core.internal.hazard.JdbcRegistryBatch;
import org.hazardwatch.core.internal.security.JdbcAuditLog;
import org.hazardwatch.api.hazard.Equipment;
import org.hazardwatch.api.hazard.EquipmentKind;
import org.hazardwatch.api.hazard.HazardSource;
import org.hazardwatch.api.hazard.HazardSourceQuery;
import org.hazardwatch.api.hazard.HazardUnit;
import org.hazardwatch.api.hazard.InventoryItem;
import org.hazardwatch.api.hazard.UnitKind;
import org.hazardwatch.api.registry.Enterprise;
import org.hazardwatch.api.registry.EnterpriseStatus;
import org.hazardwatch.exchange.envelope.Envelope;
import org.hazardwatch.exchange.envelope.EnvelopeCodec;
import org.hazardwatch.exchange.envelope.EnvelopeSealer;
import org.hazardwatch.exchange.envelope.Identity;
import org.hazardwatch.exchange.envelope.SmCertificates;
import org.hazardwatch.exchange.envelope.SmCrypto;
import org.hazardwatch.exchange.envelope.TestSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import jakarta.jms.DeliveryMode;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;

/**
 * Two nodes in one JVM, each with its own persistent broker and database: an enterprise sending up to its county over
 * OpenWire on loopback. The county's broker is stopped and started again to cut the link.
 */
class LinkTest {

    static final String COUNTY = "370281";
    static final String ENTERPRISE = "91370281MA3HW2026N";
    static final String STRANGER = "91370281MA3STRANGE";
    static final List<String> POINTS = List.of("T1-LT", "T1-TT", "T1-PT");

    @TempDir
    Path directory;

    X509Certificate authority;
    KeyPair authorityKeys;
    Identity countyIdentity;
    Identity enterpriseIdentity;
    MemoryLinkTrust trust;
    int countyPort;
    Node county;
    Node enterprise;

    /** One node: broker, database, link and (with a parent) the collector. */
    final class Node implements AutoCloseable {
        final String name;
        final EmbeddedBroker broker;
        final DataSource database;
        final JdbcExchangeStore store;
        final JdbcPointRepository points;
        final JdbcRegistry registry;
        final JdbcHazardSources hazardSources;
        final JdbcSampleStore samples;
        final JdbcAuditLog audit;
        final org.hazardwatch.core.internal.security.SecurityComponent.Services security;
        final org.hazardwatch.core.internal.task.JdbcTasks tasks;
        final ExchangeLink link;
        final UplinkCollector collector;
        final Thread collectorThread;

        final java.util.concurrent.atomic.AtomicReference<Identity> identity;

        Node(String name, Identity enrolled, DataSource database, String openwire, ExchangeLink.Settings settings) throws Exception {
            this.identity = new java.util.concurrent.atomic.AtomicReference<>(enrolled);
            this.name = name;
            this.database = database;
            broker = new EmbeddedBroker(name, openwire, true, directory.resolve(name + "-broker").toFile(), 256, 32);
            broker.start();
            ActiveMQConnectionFactory local = new ActiveMQConnectionFactory("vm://" + name + "?create=false&jms.prefetchPolicy.all=1");
            store = new JdbcExchangeStore(database);
            points = new JdbcPointRepository(database);
            registry = new JdbcRegistry(database, Clock.systemUTC());
            hazardSources = new JdbcHazardSources(database, Clock.systemUTC());
            samples = new JdbcSampleStore(database);
            security = org.hazardwatch.core.internal.security.SecurityComponent.create(database,
                    new org.hazardwatch.api.auth.PasswordPolicy(10, 3, 5, 15, 480, 30), "HazardWatch", Clock.systemUTC());
            org.hazardwatch.core.internal.security.SecurityComponent.bootstrap(database, security, name.equals("enterprise")
                    ? "青岛模拟化工有限公司" : "胶州市应急管理局", null);
            audit = security.audit();
            java.util.concurrent.atomic.AtomicReference<org.hazardwatch.api.exchange.ExchangeLinks> links = new java.util.concurrent.atomic.AtomicReference<>();
            tasks = new org.hazardwatch.core.internal.task.JdbcTasks(database, security.organisations(), registry, audit, links::get,
                    Clock.systemUTC());
            JdbcAlarmDefinitions definitions = new JdbcAlarmDefinitions(database, points, Gbt50493.load(), Clock.systemUTC(), Duration.ZERO);
            BrokerQueues queues = new BrokerQueues() {
                @Override
                public QueueSize size(String queue) {
                    return broker.queueSize(queue);
                }

                @Override
                public long storeBytes() {
                    return 0;
                }

                @Override
                public long storeLimitBytes() {
                    return 0;
                }
            };
            link = new ExchangeLink(local, () -> Optional.ofNullable(identity.get()), trust,
                    new ExchangeLink.Services(store, points, definitions, null, queues, registry, hazardSources,
                    new JdbcRegistryBatch(database, registry, hazardSources, Clock.systemUTC()), samples, audit,
                    kind -> tasks.kinds().contains(kind) ? tasks : null), settings, Clock.systemUTC(), null);
            links.set(new LinkAsService(link, store));
            if (settings.hasParent()) {
                collector = new UplinkCollector(local, link, store, points, registry, Duration.ofMillis(300), 1000);
                collectorThread = new Thread(collector, name + "-collector");
                collectorThread.start();
                // a topic keeps nothing for a subscription that does not exist yet
                assertTrue(collector.awaitSubscribed(Duration.ofSeconds(30)), "the collector subscribed to the uplink topic");
            } else {
                collector = null;
                collectorThread = null;
            }
        }

        @Override
        public void close() throws Exception {
            if (collector != null) {
                collector.stop();
                collectorThread.join(5_000);
            }
            link.close();
            broker.stop();
        }

        /** Publishes samples as the ingest does: JSON on the uplink topic, persistent. */
        void publish(Instant from, int seconds) throws Exception {
            ActiveMQConnectionFactory factory = new ActiveMQConnectionFactory("vm://" + name + "?create=false");
            try (jakarta.jms.Connection c = factory.createConnection(); Session s = c.createSession(false, Session.AUTO_ACKNOWLEDGE)) {
                MessageProducer producer = s.createProducer(s.createTopic(UplinkCollector.UPLINK_TOPIC));
                producer.setDeliveryMode(DeliveryMode.PERSISTENT);
                for (int i = 0; i < seconds; i++) {
                    ArrayNode batch = Payloads.JSON.createArrayNode();
                    for (String point : POINTS) {
                        ObjectNode sample = batch.addObject();
                        sample.put("pointId", point).put("timestamp", from.plusSeconds(i).toString()).put("value", i)
                                .put("quality", Quality.GOOD.name()).putNull("qualityReason");
                    }
                    producer.send(s.createTextMessage(batch.toString()));
                }
            }
        }

        long count(String sql) throws Exception {
            try (Connection c = database.getConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
                rs.next();
                return rs.getLong(1);
            }
        }

        List<MessageLogEntry> log(MessageLogEntry.Status status) {
            return store.messages(new MessageLogQuery(null, null, status, null, null, null, null, 1000));
        }
    }

    @BeforeEach
    void nodes() throws Exception {
        authorityKeys = SmCrypto.newSm2KeyPair();
        Instant now = Instant.now();
        authority = SmCertificates.authority("Test authority", authorityKeys, now.minus(Duration.ofDays(6)), Duration.ofDays(30));
        trust = new MemoryLinkTrust(List.of(authority));
        countyIdentity = identity(COUNTY, "county");
        enterpriseIdentity = identity(ENTERPRISE, "enterprise");
        trust.add(countyIdentity);
        trust.add(enterpriseIdentity);
        try (ServerSocket socket = new ServerSocket(0)) {
            countyPort = socket.getLocalPort();
        }
        county = startCounty(TestSupport.database("h2"));
        DataSource enterpriseDatabase = TestSupport.database("h2");
        Enterprise plant = new JdbcRegistry(enterpriseDatabase, Clock.systemUTC()).create(new Enterprise(null, ENTERPRISE, "青岛模拟化工有限公司", COUNTY, null, null,
                "2614", org.hazardwatch.api.registry.IndustryGroup.FINE_CHEMICALS, "胶州市经济技术开发区", 120.03, 36.26, "王工", "0532-12345678", EnterpriseStatus.OPERATING, null, null));
        new JdbcHazardSources(enterpriseDatabase, Clock.systemUTC()).create(tankFarm(plant.id()), "plant-admin");
        JdbcPointRepository points = new JdbcPointRepository(enterpriseDatabase);
        for (String id : POINTS) {
            points.save(new MonitoringPoint(id, "储罐 " + id, id.endsWith("LT") ? PointType.LEVEL : id.endsWith("TT") ? PointType.TEMPERATURE
                    : PointType.PRESSURE, "m", 0, 100, null, 90.0, "罐区", ENTERPRISE, "HS-1", "T1"));
        }
        // the enterprise enrols after it started, as a new node does
        enterprise = new Node("enterprise", null, enterpriseDatabase, null, new ExchangeLink.Settings(
                "tcp://127.0.0.1:" + countyPort, COUNTY, 64L * 1024 * 1024, ExchangeLink.WhenFull.DROP_OLDEST_SAMPLES, 50));
        enterprise.identity.set(enterpriseIdentity);
        enterprise.link.startParentRoutes();
    }

    /** U1: 液氨 20 t (q/Q 2); U2: 氯 12.5 t (q/Q 2.5); 75 people nearby: a graded major hazard source. */
    static HazardSource tankFarm(long enterpriseId) {
        return new HazardSource(null, enterpriseId, null, null, "HS-1", "液氨液氯罐区", null, 75, null, null, 45, null, false, null, List.of(
                new HazardUnit("U1", "液氨储存单元", UnitKind.STORAGE, List.of(new Equipment("T101", "液氨储罐", EquipmentKind.TANK, new BigDecimal("50"))),
                        List.of(new InventoryItem("T101", "液氨", null, null, List.of(), new BigDecimal("20"))), null),
                new HazardUnit("U2", "液氯储存单元", UnitKind.STORAGE, List.of(new Equipment("T102", "液氯储罐", EquipmentKind.TANK, null)),
                        List.of(new InventoryItem("T102", "氯", null, null, List.of(), new BigDecimal("12.5"))), null)), null, null);
    }

    Identity identity(String organisation, String role) {
        KeyPair keys = SmCrypto.newSm2KeyPair();
        X509Certificate certificate = SmCertificates.issue(authority, authorityKeys.getPrivate(), keys.getPublic(), organisation, role,
                Instant.now().minus(Duration.ofDays(5)), Duration.ofDays(10));
        return new Identity(organisation, keys.getPrivate(), certificate);
    }

    Node startCounty(DataSource database) throws Exception {
        return new Node("county", countyIdentity, database, "tcp://127.0.0.1:" + countyPort,
                new ExchangeLink.Settings("", "", 64L * 1024 * 1024, ExchangeLink.WhenFull.DROP_OLDEST_SAMPLES, 50));
    }

    @AfterEach
    void stop() throws Exception {
        if (enterprise != null) {
            enterprise.close();
        }
        if (county != null) {
            county.close();
        }
    }

    static void await(String what, Duration timeout, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (condition.getAsBoolean()) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("timed out waiting for " + what);
    }

    static BooleanSupplier counted(Node node, String sql, long expected) {
        return () -> {
            try {
                return node.count(sql) == expected;
            } catch (Exception e) {
                return false;
            }
        };
    }

    static final String RECEIVED = "SELECT COUNT(*) FROM sample WHERE point_id LIKE '" + ENTERPRISE + ":%'";
    static final String DISTINCT = "SELECT COUNT(*) FROM (SELECT DISTINCT point_id, sample_time FROM sample) d";

    @Test
    void samplesCrossTheLinkOnceEachAndTheBacklogDrainsInOrderAfterAnOutage() throws Exception {
        Instant start = Instant.parse("2026-11-30T00:00:00Z");
        enterprise.publish(start, 40);
        await("the first 120 samples at the county", Duration.ofSeconds(30), counted(county, RECEIVED, 120));
        assertEquals(3, county.count("SELECT COUNT(*) FROM monitoring_point WHERE enterprise_code = '" + ENTERPRISE + "' AND id LIKE '"
                + ENTERPRISE + ":%'"), "the points arrived (qualified with the enterprise) before their samples");
        assertEquals(Optional.of(ENTERPRISE), county.store.routeOf(ENTERPRISE), "the county knows the enterprise's data comes through it");
        Enterprise registered = county.registry.enterprises(null, ENTERPRISE, 0, 5).items().get(0);
        assertEquals("青岛模拟化工有限公司", registered.name(), "the enterprise's registration came up with its points");
        assertEquals(COUNTY, registered.regionCode());
        // so did its major hazard source, graded again at the county from the same inventory
        HazardSource atPlant = enterprise.hazardSources.get(enterprise.hazardSources.list(new HazardSourceQuery(null, null, null, null), 0, 5)
                .items().get(0).id()).orElseThrow();
        var copies = county.hazardSources.list(new HazardSourceQuery(null, registered.id(), null, null), 0, 5).items();
        assertEquals(1, copies.size(), "the hazard source is in the county's registry");
        HazardSource atCounty = county.hazardSources.get(copies.get(0).id()).orElseThrow();
        assertEquals("液氨液氯罐区", atCounty.name());
        assertEquals(List.of("U1", "U2"), atCounty.units().stream().map(HazardUnit::code).toList());
        assertEquals(new BigDecimal("12.5"), atCounty.units().get(1).inventory().get(0).tonnes().stripTrailingZeros());
        assertNotNull(atPlant.grade(), "the plant's source is a graded major hazard source");
        assertEquals(atPlant.grade(), atCounty.grade(), "graded alike at both levels");
        assertEquals(atPlant.units().get(0).grading().r(), atCounty.units().get(0).grading().r());

        // cut the link: the county goes away; the enterprise keeps collecting
        DataSource countyDatabase = county.database;
        county.close();
        county = null;
        enterprise.publish(start.plusSeconds(40), 60);
        await("the enterprise's backlog", Duration.ofSeconds(30), () -> !enterprise.log(MessageLogEntry.Status.BACKLOG).isEmpty()
                && enterprise.broker.queueSize(ExchangeLink.UP).messages() == 0);
        Thread.sleep(1_000); // let the collector's last batches reach the backlog
        long backlogged = enterprise.broker.queueSize(ExchangeLink.BACKLOG).messages();
        assertTrue(backlogged > 0, "messages wait in the backlog on disk while the parent is down");

        // the county returns (same database, same broker store): everything arrives once
        county = startCounty(countyDatabase);
        await("all 300 samples at the county", Duration.ofSeconds(60), counted(county, RECEIVED, 300));
        Thread.sleep(1_500); // nothing more may come
        assertEquals(300, county.count(RECEIVED), "every sample once");
        assertEquals(county.count("SELECT COUNT(*) FROM sample"), county.count(DISTINCT), "no sample stored twice");
        assertEquals(0, enterprise.broker.queueSize(ExchangeLink.BACKLOG).messages(), "the backlog is empty");

        // the backlog was sent in the order it was kept
        List<String> keptOrder = new ArrayList<>();
        for (MessageLogEntry e : enterprise.log(MessageLogEntry.Status.BACKLOG)) {
            keptOrder.add(0, e.messageId());
        }
        List<String> sentOrder = new ArrayList<>();
        for (MessageLogEntry e : enterprise.log(MessageLogEntry.Status.SENT)) {
            if (keptOrder.contains(e.messageId())) {
                sentOrder.add(0, e.messageId());
            }
        }
        assertEquals(keptOrder, sentOrder, "backlog messages leave in the order they were kept");
    }

    @Test
    void tamperedReplayedForeignAndUnknownMessagesAreRefusedWithTheirReasonAndStoreNothing() throws Exception {
        enterprise.publish(Instant.parse("2026-11-30T00:00:00Z"), 5);
        await("the first samples", Duration.ofSeconds(30), counted(county, RECEIVED, 15));
        EnvelopeSealer sealer = new EnvelopeSealer(enterpriseIdentity, Clock.systemUTC(), EnvelopeSealer.DEFAULT_LIFETIME);
        byte[] samples = Payloads.compress(Payloads.samples(List.of(new org.hazardwatch.api.model.Sample(ENTERPRISE + ":T1-LT",
                Instant.parse("2026-11-30T01:00:00Z"), 5, Quality.GOOD))));
        Envelope good = sealer.seal("samples", samples, COUNTY, countyIdentity.certificate(), 900);
        // tampered: a byte of the ciphertext changed after signing
        byte[] ct = good.ct().clone();
        ct[0] ^= 1;
        Envelope tampered = new Envelope(good.version(), java.util.UUID.randomUUID().toString(), good.type(), good.from(), good.to(),
                good.senderCert(), good.receiverCert(), good.created(), good.expires(), good.seq(), good.key(), good.iv(), ct, good.mac(),
                good.sig());
        // a sender the authority never certified
        Identity stranger = new Identity(STRANGER, SmCrypto.newSm2KeyPair().getPrivate(), enterpriseIdentity.certificate());
        Envelope foreign = new EnvelopeSealer(stranger, Clock.systemUTC(), EnvelopeSealer.DEFAULT_LIFETIME).seal("samples", samples, COUNTY,
                countyIdentity.certificate(), 1);
        // expired: sealed long ago with a short life
        Envelope expired = new EnvelopeSealer(enterpriseIdentity, Clock.fixed(Instant.now().minus(Duration.ofDays(4)), java.time.ZoneOffset.UTC),
                EnvelopeSealer.DEFAULT_LIFETIME).seal("samples", samples, COUNTY, countyIdentity.certificate(), 901);
        send(county, EnvelopeCodec.toJson(good));
        send(county, EnvelopeCodec.toJson(good)); // replayed
        send(county, EnvelopeCodec.toJson(tampered));
        send(county, EnvelopeCodec.toJson(foreign));
        send(county, EnvelopeCodec.toJson(expired));
        send(county, "this is not an envelope");
        send(county, "{\"v\": 2}");
        await("seven verdicts", Duration.ofSeconds(30), () -> county.log(MessageLogEntry.Status.REJECTED).size() == 6);
        List<String> reasons = county.log(MessageLogEntry.Status.REJECTED).stream().map(MessageLogEntry::reason).toList();
        for (String expected : List.of("REPLAYED", "BAD_SIGNATURE", "SENDER_MISMATCH", "EXPIRED", "MALFORMED", "UNSUPPORTED_VERSION")) {
            assertTrue(reasons.stream().anyMatch(r -> r.startsWith(expected)), expected + " among " + reasons);
        }
        assertEquals(16, county.count(RECEIVED), "only the good message stored its sample");
        assertEquals(6, county.broker.queueSize(ExchangeLink.REJECTED).messages(), "refused messages are kept for inspection");

        // the sender itself sealing the same message anew (it crashed before it knew it was sent) is a duplicate, not a replay
        Envelope sealedAgain = new EnvelopeSealer(enterpriseIdentity, Clock.offset(Clock.systemUTC(), Duration.ofSeconds(2)),
                EnvelopeSealer.DEFAULT_LIFETIME).seal(good.id(), "samples", samples, COUNTY, countyIdentity.certificate(), 903);
        send(county, EnvelopeCodec.toJson(sealedAgain));
        await("the message sealed anew logged as a duplicate", Duration.ofSeconds(30), () -> county.log(MessageLogEntry.Status.DUPLICATE).stream()
                .anyMatch(e -> e.messageId().equals(good.id()) && e.reason().contains("sealed anew")));
        assertEquals(6, county.log(MessageLogEntry.Status.REJECTED).size(), "not refused");
        assertEquals(16, county.count(RECEIVED), "and not stored again");

        // after revocation, the enterprise's next message is refused too
        trust.revoke(enterpriseIdentity.serial());
        send(county, EnvelopeCodec.toJson(sealer.seal("samples", samples, COUNTY, countyIdentity.certificate(), 902)));
        await("the revoked sender's message refused", Duration.ofSeconds(30), () -> county.log(MessageLogEntry.Status.REJECTED).stream()
                .anyMatch(e -> e.reason().startsWith("CERTIFICATE_REVOKED")));
    }

    @Test
    void aThresholdChangeGoesDownSignedIsAppliedAtTheEnterpriseAndAnsweredBackUp() throws Exception {
        enterprise.publish(Instant.parse("2026-11-30T00:00:00Z"), 3);
        await("the points at the county", Duration.ofSeconds(30), counted(county, RECEIVED, 9));
        ExchangeCommand sent = county.link.sendThresholdChange(ENTERPRISE + ":T1-LT",
                Payloads.JSON.readTree("{\"high\": 85.5, \"highHigh\": 95}"), "试运行调整", "county-lead");
        await("the answer", Duration.ofSeconds(30), () -> county.store.command(sent.id())
                .map(c -> c.status() != ExchangeCommand.Status.SENT).orElse(false));
        ExchangeCommand answered = county.store.command(sent.id()).orElseThrow();
        assertEquals(ExchangeCommand.Status.APPLIED, answered.status(), answered.detail());
        var definition = new JdbcAlarmDefinitions(enterprise.database, enterprise.points, Gbt50493.load(), Clock.systemUTC(), Duration.ZERO)
                .definition("T1-LT").orElseThrow();
        assertEquals(85.5, definition.high().value(), 1e-9);
        assertEquals(95, definition.highHigh().value(), 1e-9);
        assertTrue(definition.updatedBy().startsWith("exchange:" + COUNTY + "/county-lead"), definition.updatedBy());

        // a command signed by a node that is not the enterprise's parent is refused
        Identity impostor = identity("370200", "city");
        trust.add(impostor);
        ObjectNode command = Payloads.JSON.createObjectNode();
        command.put("commandId", "x-1").put("origin", "370200").put("enterprise", ENTERPRISE).put("pointId", ENTERPRISE + ":T1-LT")
                .put("reason", "不该生效").put("requestedBy", "impostor").put("requestedAt", Instant.now().toString());
        command.putObject("limits").put("high", 1.0);
        Envelope forged = new EnvelopeSealer(impostor, Clock.systemUTC(), EnvelopeSealer.DEFAULT_LIFETIME).seal(Payloads.THRESHOLD_CHANGE,
                Payloads.compress(command), ENTERPRISE, enterpriseIdentity.certificate(), 1);
        send(county, ExchangeLink.DOWN_PREFIX + ENTERPRISE, EnvelopeCodec.toJson(forged));
        await("the forged command refused", Duration.ofSeconds(30), () -> enterprise.log(MessageLogEntry.Status.REJECTED).stream()
                .anyMatch(e -> e.reason().startsWith("SENDER_MISMATCH")));
        assertEquals(85.5, new JdbcAlarmDefinitions(enterprise.database, enterprise.points, Gbt50493.load(), Clock.systemUTC(), Duration.ZERO)
                .definition("T1-LT").orElseThrow().high().value(), 1e-9, "the forged command changed nothing");
        assertFalse(enterprise.store.command("x-1").isPresent());
        assertNotNull(sent.id());
    }

    @Test
    void aLiveQueryGoesDownSignedAndComesBackWithTheEnterprisesCurrentValuesAuditedWhereTheyWereRead() throws Exception {
        enterprise.publish(Instant.parse("2026-11-30T00:00:00Z"), 2);
        await("the points at the county", Duration.ofSeconds(30), counted(county, RECEIVED, 6));
        // what the plant's instruments read now (its ingest keeps current_value); exception reporting may not have sent it
        Instant readAt = Instant.now().minusSeconds(2);
        enterprise.samples.store(List.of(new org.hazardwatch.api.model.Sample("T1-LT", readAt, 7.25, Quality.GOOD),
                new org.hazardwatch.api.model.Sample("T1-TT", readAt, 31.5, Quality.GOOD)));

        ExchangeCommand query = county.link.sendLiveQuery(ENTERPRISE, List.of(), "值班调阅：T1 罐区液位异常", "county-duty");
        await("the answer", Duration.ofSeconds(30), () -> county.store.command(query.id())
                .map(c -> c.status() != ExchangeCommand.Status.SENT).orElse(false));
        ExchangeCommand answered = county.store.command(query.id()).orElseThrow();
        assertEquals(ExchangeCommand.Status.ANSWERED, answered.status(), answered.detail());
        var values = Payloads.JSON.readTree(answered.result()).get("values");
        assertEquals(3, values.size(), "every point of the enterprise, read or not: " + values);
        java.util.Map<String, com.fasterxml.jackson.databind.JsonNode> byPoint = new java.util.HashMap<>();
        values.forEach(v -> byPoint.put(v.get("pointId").asText(), v));
        assertEquals(7.25, byPoint.get(ENTERPRISE + ":T1-LT").get("value").asDouble(), 1e-9);
        assertEquals(31.5, byPoint.get(ENTERPRISE + ":T1-TT").get("value").asDouble(), 1e-9);
        assertTrue(byPoint.get(ENTERPRISE + ":T1-PT").get("value").isNull(), "a point without a reading says so");
        assertEquals("储罐 T1-LT", byPoint.get(ENTERPRISE + ":T1-LT").get("name").asText());
        // the plant's audit log names who above read its live data, and why
        var entries = enterprise.audit.search(org.hazardwatch.api.security.Caller.system("test"), new org.hazardwatch.api.security.AuditQuery(
                null, null, null, "exchange.live-query.answered", null, null, null), 0, 10).items();
        assertEquals(1, entries.size());
        assertEquals(COUNTY + "/county-duty", entries.get(0).actor());
        assertTrue(entries.get(0).detail().contains("值班调阅"), entries.get(0).detail());

        // chosen points only; and points the plant does not have are answered as such, not silently
        ExchangeCommand one = county.link.sendLiveQuery(ENTERPRISE, List.of(ENTERPRISE + ":T1-TT"), "复核温度", "county-duty");
        ExchangeCommand none = county.link.sendLiveQuery(ENTERPRISE, List.of(ENTERPRISE + ":NO-SUCH"), "复核", "county-duty");
        await("both answers", Duration.ofSeconds(30), () -> county.store.command(one.id()).map(c -> c.status() != ExchangeCommand.Status.SENT)
                .orElse(false) && county.store.command(none.id()).map(c -> c.status() != ExchangeCommand.Status.SENT).orElse(false));
        assertEquals(1, Payloads.JSON.readTree(county.store.command(one.id()).orElseThrow().result()).get("values").size());
        ExchangeCommand refused = county.store.command(none.id()).orElseThrow();
        assertEquals(ExchangeCommand.Status.REFUSED, refused.status());
        assertTrue(refused.detail().contains("none of the points"), refused.detail());

        // bad requests are refused before anything is sent
        var foreign = org.junit.jupiter.api.Assertions.assertThrows(org.hazardwatch.api.registry.ValidationException.class,
                () -> county.link.sendLiveQuery(ENTERPRISE, List.of(STRANGER + ":T1-LT"), "x", "county-duty"));
        assertEquals("pointIds[0]", foreign.fieldErrors().get(0).field());
        var unreachable = org.junit.jupiter.api.Assertions.assertThrows(org.hazardwatch.api.registry.ValidationException.class,
                () -> county.link.sendLiveQuery(STRANGER, List.of(), "x", "county-duty"));
        assertEquals("unreachable", unreachable.fieldErrors().get(0).code());
        var noReason = org.junit.jupiter.api.Assertions.assertThrows(org.hazardwatch.api.registry.ValidationException.class,
                () -> county.link.sendLiveQuery(ENTERPRISE, List.of(), " ", "county-duty"));
        assertEquals("reason", noReason.fieldErrors().get(0).field());
    }

    /** The node's exchange as the task service sees it (in Karaf, LinkComponent). */
    record LinkAsService(ExchangeLink link, JdbcExchangeStore store) implements org.hazardwatch.api.exchange.ExchangeLinks {
        @Override
        public String organisationCode() {
            return link.organisationCode().orElse(null);
        }

        @Override
        public List<org.hazardwatch.api.exchange.LinkStatus> links() {
            return link.links();
        }

        @Override
        public ExchangeCommand sendThresholdChange(String pointId, String limits, String reason, String requestedBy) {
            throw new UnsupportedOperationException();
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
            link.sendWorkDown(childNode, kind, read(json), messageId);
        }

        @Override
        public void sendWorkUp(String kind, String json, String messageId) {
            link.sendWorkUp(kind, read(json), messageId);
        }

        @Override
        public String parentNode() {
            return link.settings().hasParent() ? link.settings().parentOrganisation() : null;
        }

        private static com.fasterxml.jackson.databind.JsonNode read(String json) {
            try {
                return Payloads.JSON.readTree(json);
            } catch (Exception e) {
                throw new IllegalArgumentException(e);
            }
        }
    }

    /** E4 across nodes: the county issues a task to the plant's node; the plant reports; the county returns, then accepts. */
    @Test
    void aTaskGoesDownToThePlantsNodeAndItsReportComesBackUp() throws Exception {
        enterprise.publish(Instant.parse("2026-11-30T00:00:00Z"), 2);
        await("the plant's points at the county", Duration.ofSeconds(30), counted(county, RECEIVED, 6));
        org.hazardwatch.api.security.Organisation countyOrg = county.security.organisations().list(
                org.hazardwatch.api.security.Caller.system("t")).get(0);
        java.util.Set<org.hazardwatch.api.security.Permission> lead = java.util.EnumSet.of(org.hazardwatch.api.security.Permission.TASK_VIEW,
                org.hazardwatch.api.security.Permission.TASK_ISSUE, org.hazardwatch.api.security.Permission.TASK_REPORT);
        var countyLead = new org.hazardwatch.api.security.Caller("county-lead", "县局", countyOrg.id(), countyOrg.name(),
                org.hazardwatch.api.security.OrgLevel.COUNTY, org.hazardwatch.api.security.DataScope.region(COUNTY), lead, java.util.Set.of());
        var plantSafety = new org.hazardwatch.api.security.Caller("plant-safety", "安全员", null, "青岛模拟化工有限公司",
                org.hazardwatch.api.security.OrgLevel.ENTERPRISE, org.hazardwatch.api.security.DataScope.enterprise(ENTERPRISE), lead, java.util.Set.of());
        var assignees = county.tasks.assignees(countyLead);
        assertTrue(assignees.stream().anyMatch(a -> a.code().equals(ENTERPRISE) && a.node()), "the plant's node is below: " + assignees);

        var issued = county.tasks.issue(countyLead, new org.hazardwatch.api.task.TaskService.TaskDraft("节前安全检查", "请自查罐区并上报。",
                Instant.now().plus(Duration.ofDays(2)), List.of(ENTERPRISE)));
        await("the task at the plant", Duration.ofSeconds(30), () -> !enterprise.tasks.inbox(plantSafety, 10).isEmpty());
        var atPlant = enterprise.tasks.inbox(plantSafety, 10).get(0);
        assertEquals(issued.id(), atPlant.id(), "the same task id at both nodes");
        assertEquals(COUNTY, atPlant.fromNode());
        assertEquals(List.of(org.hazardwatch.api.task.TaskAction.RECEIVE, org.hazardwatch.api.task.TaskAction.REPORT),
                atPlant.assignments().get(0).actions());

        enterprise.tasks.act(plantSafety, issued.id(), ENTERPRISE, org.hazardwatch.api.task.TaskAction.REPORT, "罐区自查完成，无异常。");
        await("the report at the county", Duration.ofSeconds(30), () -> county.tasks.get(countyLead, issued.id()).orElseThrow().assignments().get(0)
                .status() == org.hazardwatch.api.task.AssignmentStatus.REPORTED);
        var reported = county.tasks.get(countyLead, issued.id()).orElseThrow().assignments().get(0);
        assertEquals("罐区自查完成，无异常。", reported.report());
        assertEquals(List.of(org.hazardwatch.api.task.TaskAction.ACCEPT, org.hazardwatch.api.task.TaskAction.RETURN,
                org.hazardwatch.api.task.TaskAction.CANCEL), reported.actions());

        county.tasks.act(countyLead, issued.id(), ENTERPRISE, org.hazardwatch.api.task.TaskAction.RETURN, "请附检查记录");
        await("returned at the plant", Duration.ofSeconds(30), () -> enterprise.tasks.get(plantSafety, issued.id()).orElseThrow().assignments().get(0)
                .status() == org.hazardwatch.api.task.AssignmentStatus.RETURNED);
        byte[] record = "罐区检查记录 第 1-3 页".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        var file = enterprise.tasks.attach(plantSafety, issued.id(), ENTERPRISE, "检查记录.txt", "text/plain; charset=UTF-8",
                new java.io.ByteArrayInputStream(record));
        enterprise.tasks.act(plantSafety, issued.id(), ENTERPRISE, org.hazardwatch.api.task.TaskAction.REPORT, "已附检查记录 3 页。");
        await("reported again", Duration.ofSeconds(30), () -> "已附检查记录 3 页。".equals(county.tasks.get(countyLead, issued.id()).orElseThrow()
                .assignments().get(0).report()));
        // the file came up with the report, content and checksum intact
        var atCounty = county.tasks.attachments(countyLead, issued.id());
        assertEquals(1, atCounty.size());
        assertEquals(file.sha256(), atCounty.get(0).sha256());
        assertEquals("检查记录.txt", atCounty.get(0).fileName());
        assertTrue(java.util.Arrays.equals(record, county.tasks.attachment(countyLead, issued.id(), atCounty.get(0).id()).orElseThrow().content()));
        county.tasks.act(countyLead, issued.id(), ENTERPRISE, org.hazardwatch.api.task.TaskAction.ACCEPT, null);
        await("accepted at the plant", Duration.ofSeconds(30), () -> enterprise.tasks.get(plantSafety, issued.id()).orElseThrow().assignments().get(0)
                .status() == org.hazardwatch.api.task.AssignmentStatus.ACCEPTED);
        assertEquals(List.of("ISSUED", "REPORTED", "RETURNED", "RETURNED", "REPORTED", "ACCEPTED"),
                enterprise.tasks.history(plantSafety, issued.id()).stream().map(e -> e.to().name()).toList(), "the same timeline at the plant");
        assertEquals(enterprise.tasks.history(plantSafety, issued.id()).stream().map(e -> e.to().name()).toList(),
                county.tasks.history(countyLead, issued.id()).stream().map(e -> e.to().name()).toList());
        // the plant cannot decide on its own report, whatever it sends
        assertThrows(org.hazardwatch.api.workflow.WorkflowException.class, () -> enterprise.tasks.act(plantSafety, issued.id(), ENTERPRISE,
                org.hazardwatch.api.task.TaskAction.ACCEPT, null));
        assertTrue(county.log(MessageLogEntry.Status.REJECTED).isEmpty(), "nothing refused: " + county.log(MessageLogEntry.Status.REJECTED));
    }

    @Test
    void aCountyStoresEverySampleButRelaysOnlyTheFirstOfEachIntervalToTheCity() throws Exception {
        Identity cityIdentity = identity("370200", "city");
        trust.add(cityIdentity);
        int cityPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            cityPort = socket.getLocalPort();
        }
        Node city = new Node("city", cityIdentity, TestSupport.database("h2"), "tcp://127.0.0.1:" + cityPort,
                new ExchangeLink.Settings("", "", 64L * 1024 * 1024, ExchangeLink.WhenFull.DROP_OLDEST_SAMPLES, 50));
        try {
            DataSource countyDatabase = county.database;
            county.close();
            county = new Node("county", countyIdentity, countyDatabase, "tcp://127.0.0.1:" + countyPort, new ExchangeLink.Settings(
                    "tcp://127.0.0.1:" + cityPort, "370200", 64L * 1024 * 1024, ExchangeLink.WhenFull.DROP_OLDEST_SAMPLES, 50,
                    Duration.ofSeconds(10), 0));
            county.link.startParentRoutes();
            enterprise.publish(Instant.parse("2026-11-30T00:00:00Z"), 40);
            await("all 120 samples at the county", Duration.ofSeconds(30), counted(county, RECEIVED, 120));
            // 40 s of 3 points: 4 intervals of 10 s each, the first sample of each goes up
            await("12 samples at the city", Duration.ofSeconds(60), counted(city, RECEIVED, 12));
            Thread.sleep(1_500);
            assertEquals(12, city.count(RECEIVED), "nothing more went up");
            assertEquals(4, city.count("SELECT COUNT(*) FROM sample WHERE point_id = '" + ENTERPRISE + ":T1-LT' AND sample_value IN (0, 10, 20, 30)"),
                    "the first of each interval: seconds 0, 10, 20 and 30");
            assertEquals(3, city.count("SELECT COUNT(*) FROM monitoring_point WHERE id LIKE '" + ENTERPRISE + ":%'"), "the points went up whole");
        } finally {
            city.close();
        }
    }

    @Test
    void messagesSealedToTheCertificateBeforeARenewalStillOpenWithTheOldKey() throws Exception {
        enterprise.publish(Instant.parse("2026-11-30T00:00:00Z"), 2);
        await("the first samples", Duration.ofSeconds(30), counted(county, RECEIVED, 6));
        // the county renews its certificate; the enterprise still seals to the one it fetched before
        county.identity.set(identity(COUNTY, "county"));
        EnvelopeSealer sealer = new EnvelopeSealer(enterpriseIdentity, Clock.systemUTC(), EnvelopeSealer.DEFAULT_LIFETIME);
        send(county, EnvelopeCodec.toJson(sealer.seal("samples", sample("2026-11-30T04:00:00Z"), COUNTY, countyIdentity.certificate(), 800)));
        await("refused without the old key", Duration.ofSeconds(30), () -> county.log(MessageLogEntry.Status.REJECTED).stream()
                .anyMatch(e -> e.reason().startsWith("WRONG_RECEIVER")));
        // with the key kept from before the renewal, such messages open, and those sealed to the new certificate too
        county.link.keepOpeningWith(() -> Optional.of(countyIdentity));
        send(county, EnvelopeCodec.toJson(sealer.seal("samples", sample("2026-11-30T04:00:01Z"), COUNTY, countyIdentity.certificate(), 801)));
        send(county, EnvelopeCodec.toJson(sealer.seal("samples", sample("2026-11-30T04:00:02Z"), COUNTY, county.identity.get().certificate(), 802)));
        await("both stored", Duration.ofSeconds(30), counted(county, RECEIVED, 8));
        assertEquals(1, county.log(MessageLogEntry.Status.REJECTED).size(), "only the message before the old key was kept");
    }

    static byte[] sample(String time) {
        return Payloads.compress(Payloads.samples(List.of(new org.hazardwatch.api.model.Sample(ENTERPRISE + ":T1-LT", Instant.parse(time), 1.0,
                Quality.GOOD))));
    }

    @Test
    void samplesWhosePointsAreStillBehindThemWaitForThemAndAreStoredOnce() throws Exception {
        enterprise.publish(Instant.parse("2026-11-30T00:00:00Z"), 2);
        await("the first samples", Duration.ofSeconds(30), counted(county, RECEIVED, 6));
        EnvelopeSealer sealer = new EnvelopeSealer(enterpriseIdentity, Clock.systemUTC(), EnvelopeSealer.DEFAULT_LIFETIME);
        String newPoint = ENTERPRISE + ":T2-LT";
        // live data first: the samples of a new point arrive before the points message that defines it
        send(county, EnvelopeCodec.toJson(sealer.seal("samples", Payloads.compress(Payloads.samples(List.of(new org.hazardwatch.api.model.Sample(
                newPoint, Instant.parse("2026-11-30T02:00:00Z"), 3.5, Quality.GOOD)))), COUNTY, countyIdentity.certificate(), 700)));
        await("the samples parked", Duration.ofSeconds(30), () -> !county.log(MessageLogEntry.Status.PARKED).isEmpty());
        assertEquals(0, county.count("SELECT COUNT(*) FROM sample WHERE point_id = '" + newPoint + "'"));
        send(county, EnvelopeCodec.toJson(sealer.seal("points", Payloads.compress(Payloads.points(List.of(new MonitoringPoint(newPoint,
                "储罐 T2", PointType.LEVEL, "m", 0, 20, null, 18.0, "罐区", ENTERPRISE, "HS-1", "T2")))), COUNTY, countyIdentity.certificate(), 701)));
        await("the parked samples stored once their point arrived", Duration.ofSeconds(40),
                counted(county, "SELECT COUNT(*) FROM sample WHERE point_id = '" + newPoint + "'", 1));
        assertTrue(county.log(MessageLogEntry.Status.REJECTED).isEmpty(), "nothing was refused");
        assertEquals(0, county.broker.queueSize(ExchangeLink.PARKED).messages());
    }

    @Test
    void aFullBacklogDropsTheOldestSamplesButNeverThePoints() throws Exception {
        county.close(); // the parent is down from the start
        county = null;
        DataSource database = enterprise.database;
        enterprise.close();
        long bound = 4_000;
        enterprise = new Node("enterprise", enterpriseIdentity, database, null, new ExchangeLink.Settings("tcp://127.0.0.1:" + countyPort,
                COUNTY, bound, ExchangeLink.WhenFull.DROP_OLDEST_SAMPLES, 50));
        for (int round = 0; round < 8; round++) {
            enterprise.publish(Instant.parse("2026-11-30T03:00:00Z").plusSeconds(round * 10L), 10);
            Thread.sleep(400); // a batch per round
        }
        await("samples dropped from the full backlog", Duration.ofSeconds(30), () -> !enterprise.log(MessageLogEntry.Status.DROPPED).isEmpty());
        Thread.sleep(1_000);
        assertTrue(enterprise.log(MessageLogEntry.Status.DROPPED).stream().allMatch(e -> e.type().equals("samples")
                && e.reason().contains("oldest samples dropped")), "only samples are dropped, with the reason");
        List<String> dropped = enterprise.log(MessageLogEntry.Status.DROPPED).stream().map(MessageLogEntry::messageId).toList();
        assertTrue(enterprise.log(MessageLogEntry.Status.BACKLOG).stream().filter(e -> e.type().equals("points"))
                .noneMatch(e -> dropped.contains(e.messageId())), "the points message stays");
        long kept = enterprise.broker.queueSize(ExchangeLink.BACKLOG).bytes();
        assertTrue(kept <= bound + 2_000, "the backlog stays near its bound: " + kept + " bytes");
        assertTrue(enterprise.link.links().get(0).dropped() > 0, "the link counts its drops");
    }

    static void send(Node node, String text) throws Exception {
        send(node, ExchangeLink.INBOX, text);
    }

    static void send(Node node, String queue, String text) throws Exception {
        ActiveMQConnectionFactory factory = new ActiveMQConnectionFactory("vm://" + node.name + "?create=false");
        try (jakarta.jms.Connection c = factory.createConnection(); Session s = c.createSession(false, Session.AUTO_ACKNOWLEDGE)) {
            s.createProducer(s.createQueue(queue)).send(s.createTextMessage(text));
        }
    }
}
