package org.hazardwatch.routes.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import org.h2.jdbcx.JdbcDataSource;
import org.hazardwatch.api.model.AlarmKind;
import org.hazardwatch.api.model.CurrentValue;
import org.hazardwatch.api.model.MonitoringPoint;
import org.hazardwatch.api.model.PointType;
import org.hazardwatch.api.model.Quality;
import org.hazardwatch.api.model.QualityReason;
import org.hazardwatch.api.model.Sample;
import org.hazardwatch.api.store.SampleStore;
import org.hazardwatch.broker.internal.EmbeddedBroker;
import org.hazardwatch.core.internal.alarm.AlarmEngine;
import org.hazardwatch.core.internal.alarm.AlarmModule;
import org.hazardwatch.core.internal.db.DatabaseMigrator;
import org.hazardwatch.core.internal.db.JdbcAlarmStore;
import org.hazardwatch.core.internal.db.JdbcPointRepository;
import org.hazardwatch.core.internal.db.JdbcSampleStore;
import org.hazardwatch.core.internal.db.StorageException;
import org.hazardwatch.routes.Await;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import jakarta.jms.Connection;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;

/** The ingest routes with a real broker and a real (H2) database. */
class IngestPipelineTest {

    static final Instant T0 = Instant.parse("2026-11-29T08:00:00Z");

    @TempDir
    Path brokerDir;

    EmbeddedBroker broker;
    DataSource dataSource;
    JdbcSampleStore samples;
    JdbcAlarmStore alarms;
    AlarmEngine engine;
    IngestPipeline pipeline;
    JdbcPointRepository points;
    final AtomicInteger storageFailuresToInject = new AtomicInteger();

    @BeforeEach
    void start() throws Exception {
        broker = new EmbeddedBroker("ingest-test", "", false, brokerDir.toFile(), 256, 32);
        broker.start();
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:ingest" + System.nanoTime() + ";DB_CLOSE_DELAY=-1");
        dataSource = h2;
        DatabaseMigrator.migrate(dataSource);
        points = new JdbcPointRepository(dataSource);
        points.save(new MonitoringPoint("T1-LT", "1号储罐液位", PointType.LEVEL, "m", 0, 12, 1.0, 10.5, "罐区A", "E1", "HS1"));
        points.save(new MonitoringPoint("GAS-1", "可燃气体探测器1", PointType.COMBUSTIBLE_GAS, "%LEL", 0, 100, null, 25.0, "罐区A", "E1", "HS1"));
        samples = new JdbcSampleStore(dataSource);
        alarms = new JdbcAlarmStore(dataSource);
        engine = AlarmModule.create(dataSource, points, java.time.Clock.systemUTC(), Duration.ZERO, event -> { }).engine();
        SampleStore flakyStore = new SampleStore() {
            @Override
            public void store(Collection<Sample> batch) {
                if (storageFailuresToInject.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                    throw new StorageException("injected database outage", null);
                }
                samples.store(batch);
            }

            @Override
            public List<Sample> history(String pointId, Instant from, Instant to, int limit) {
                return samples.history(pointId, from, to, limit);
            }

            @Override
            public Map<String, CurrentValue> currentValues() {
                return samples.currentValues();
            }
        };
        pipeline = new IngestPipeline(broker.connectionFactory(), flakyStore,
                engine, null);
    }

    @AfterEach
    void stop() throws Exception {
        pipeline.close();
        broker.stop();
    }

    private List<Sample> stored(String pointId) {
        return samples.history(pointId, T0.minusSeconds(3600), T0.plusSeconds(3600), 1000);
    }

    @Test
    void publishedSamplesAreStoredAndRaiseAlarms() {
        pipeline.publish(List.of(new Sample("T1-LT", T0, 5.0, Quality.GOOD), new Sample("GAS-1", T0, 3.0, Quality.GOOD)));
        pipeline.publish(List.of(new Sample("GAS-1", T0.plusSeconds(1), 31.5, Quality.GOOD)));
        Await.until(Duration.ofSeconds(10), "3 samples stored", () -> stored("T1-LT").size() + stored("GAS-1").size() == 3);
        Await.until(Duration.ofSeconds(10), "gas alarm", () -> alarms.activeByPoint().containsKey("GAS-1"));
        assertEquals(AlarmKind.HIGH, alarms.activeByPoint().get("GAS-1").kind());
        assertEquals(31.5, samples.currentValues().get("GAS-1").value());
        assertTrue(!alarms.activeByPoint().containsKey("T1-LT"));
    }

    /** Exception reporting: all is stored, only news goes to the uplink topic. */
    @Test
    void onlyNewsIsForwardedUpstream() throws Exception {
        pipeline.close();
        pipeline = new IngestPipeline(broker.connectionFactory(), samples, engine,
                null, DataQualityFilter.withoutPointDefinitions(),
                new ExceptionReporting(points::findById, new ExceptionReporting.Settings(0.01, Duration.ofMinutes(5))));
        try (Connection connection = broker.connectionFactory().createConnection()) {
            connection.start();
            Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
            MessageConsumer uplink = session.createConsumer(session.createTopic(IngestRoutes.UPLINK_TOPIC));
            // T1-LT spans 0..12 m: a 1 % deadband is 0.12 m
            pipeline.publish(List.of(new Sample("T1-LT", T0, 5.00, Quality.GOOD),
                    new Sample("T1-LT", T0.plusSeconds(1), 5.05, Quality.GOOD),
                    new Sample("T1-LT", T0.plusSeconds(2), 5.10, Quality.GOOD),
                    new Sample("T1-LT", T0.plusSeconds(3), 5.20, Quality.GOOD),
                    new Sample("T1-LT", T0.plusSeconds(4), 5.21, Quality.UNCERTAIN),
                    new Sample("T1-LT", T0.plusSeconds(400), 5.21, Quality.UNCERTAIN)));
            Await.until(Duration.ofSeconds(10), "6 samples stored", () -> stored("T1-LT").size() == 6);
            List<Sample> forwarded = new java.util.ArrayList<>();
            Message message;
            while ((message = uplink.receive(2000)) != null) {
                forwarded.addAll(SampleCodec.decode(((jakarta.jms.TextMessage) message).getText()));
            }
            assertEquals(List.of(5.00, 5.20, 5.21, 5.21), forwarded.stream().map(Sample::value).toList(),
                    "first, out of the deadband, quality change, heartbeat after 5 minutes");
        }
    }

    @Test
    void nonFiniteDeviceValuesAreKeptAsBadSamples() {
        pipeline.publish(List.of(new Sample("GAS-1", T0, Double.NaN, Quality.GOOD),
                new Sample("GAS-1", T0.plusSeconds(1), Double.POSITIVE_INFINITY, Quality.GOOD)));
        Await.until(Duration.ofSeconds(10), "2 samples stored", () -> stored("GAS-1").size() == 2);
        assertTrue(stored("GAS-1").stream().allMatch(s -> s.quality() == Quality.BAD));
        Await.until(Duration.ofSeconds(10), "instrument fault", () -> alarms.activeByPoint().containsKey("GAS-1"));
        assertTrue(alarms.open().stream().allMatch(a -> a.kind() == AlarmKind.FAULT),
                "bad values raise no process alarm, an instrument fault instead");
        assertTrue(stored("GAS-1").stream().allMatch(s -> s.qualityReason() == QualityReason.NOT_A_NUMBER));
    }

    @Test
    void malformedMessagesAreSetAsideAndTheQueueKeepsFlowing() throws Exception {
        try (Connection connection = broker.connectionFactory().createConnection()) {
            connection.start();
            Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
            MessageProducer producer = session.createProducer(session.createQueue(IngestRoutes.QUEUE));
            producer.send(session.createTextMessage("{not json"));
            producer.send(session.createTextMessage("[{\"pointId\":\"T1-LT\",\"value\":1.0}]"));
            pipeline.publish(List.of(new Sample("T1-LT", T0, 4.0, Quality.GOOD)));
            MessageConsumer invalid = session.createConsumer(session.createQueue(IngestRoutes.INVALID_QUEUE));
            TextMessage first = (TextMessage) invalid.receive(10_000);
            TextMessage second = (TextMessage) invalid.receive(10_000);
            assertNotNull(first, "malformed JSON kept on the invalid queue");
            assertNotNull(second, "sample without timestamp kept on the invalid queue");
            assertEquals("{not json", first.getText());
            assertTrue(first.getStringProperty(IngestRoutes.REASON_HEADER).startsWith("malformed sample batch"),
                    first.getStringProperty(IngestRoutes.REASON_HEADER));
        }
        Await.until(Duration.ofSeconds(10), "good sample stored after bad ones", () -> stored("T1-LT").size() == 1);
    }

    @Test
    void samplesOfUnknownPointsAreRejectedWithoutLosingTheRest() throws Exception {
        pipeline.publish(List.of(new Sample("T1-LT", T0, 4.0, Quality.GOOD), new Sample("NOPE", T0, 1.0, Quality.GOOD)));
        Await.until(Duration.ofSeconds(10), "known sample stored", () -> stored("T1-LT").size() == 1);
        try (Connection connection = broker.connectionFactory().createConnection()) {
            connection.start();
            Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
            Message rejected = session.createConsumer(session.createQueue(IngestRoutes.REJECTED_QUEUE)).receive(10_000);
            assertNotNull(rejected);
            assertEquals("unknown monitoring points [NOPE]", rejected.getStringProperty(IngestRoutes.REASON_HEADER));
            assertTrue(((TextMessage) rejected).getText().contains("\"pointId\":\"NOPE\""));
        }
    }

    /** Operators stop and start routes from the shell: what arrived meanwhile is stored once the route is back. */
    @Test
    void batchesQueuedWhileTheStoreRouteIsStoppedAreStoredWhenItStartsAgain() throws Exception {
        pipeline.publish(List.of(new Sample("T1-LT", T0, 1.0, Quality.GOOD)));
        Await.until(Duration.ofSeconds(10), "the first sample stored", () -> stored("T1-LT").size() == 1);
        pipeline.context().getRouteController().stopRoute("ingest-store");
        for (int i = 1; i <= 5; i++) {
            pipeline.publish(List.of(new Sample("T1-LT", T0.plusSeconds(i), 1.0 + i, Quality.GOOD)));
        }
        Thread.sleep(500);
        assertEquals(1, stored("T1-LT").size(), "nothing stored while the route is stopped");
        pipeline.context().getRouteController().startRoute("ingest-store");
        Await.until(Duration.ofSeconds(20), "the 5 queued batches stored", () -> stored("T1-LT").size() == 6);
        pipeline.context().getRouteController().stopRoute("ingest-store");
        pipeline.context().getRouteController().startRoute("ingest-store");
        pipeline.publish(List.of(new Sample("T1-LT", T0.plusSeconds(10), 9.0, Quality.GOOD)));
        Await.until(Duration.ofSeconds(20), "a batch after a second restart stored", () -> stored("T1-LT").size() == 7);
    }

    @Test
    void aDatabaseOutageIsRetriedUntilTheBatchIsStored() {
        storageFailuresToInject.set(3);
        pipeline.publish(List.of(new Sample("T1-LT", T0, 6.0, Quality.GOOD)));
        Await.until(Duration.ofSeconds(20), "stored after the outage", () -> stored("T1-LT").size() == 1);
        assertEquals(0, storageFailuresToInject.get(), "every injected failure was hit");
    }
}
