package org.hazardwatch.benchmarks;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

import javax.sql.DataSource;

import org.apache.commons.dbcp2.BasicDataSource;
import org.eclipse.milo.opcua.stack.core.types.builtin.ExpandedNodeId;
import org.hazardwatch.adapter.opcua.internal.OpcUaAdapter;
import org.hazardwatch.api.alarm.AlarmDefinition;
import org.hazardwatch.api.alarm.AlarmLimit;
import org.hazardwatch.api.alarm.AlarmMode;
import org.hazardwatch.api.live.LiveEvent;
import org.hazardwatch.api.live.LiveEventBus;
import org.hazardwatch.api.model.Alarm;
import org.hazardwatch.api.model.AlarmPriority;
import org.hazardwatch.api.model.MonitoringPoint;
import org.hazardwatch.api.model.PointType;
import org.hazardwatch.api.model.Quality;
import org.hazardwatch.api.model.Sample;
import org.hazardwatch.broker.internal.EmbeddedBroker;
import org.hazardwatch.core.internal.alarm.AlarmEngine;
import org.hazardwatch.core.internal.alarm.AlarmModule;
import org.hazardwatch.core.internal.db.DatabaseMigrator;
import org.hazardwatch.core.internal.db.JdbcPointRepository;
import org.hazardwatch.core.internal.db.JdbcSampleStore;
import org.hazardwatch.core.internal.live.InMemoryLiveEventBus;
import org.hazardwatch.routes.ingest.IngestPipeline;
import org.hazardwatch.simulator.internal.SimPoint;
import org.hazardwatch.simulator.internal.SimulatorServer;

/**
 * The alarm engine: (1) evaluations per second over many points, each sample run through the five process alarms of
 * its point (deadband, delays, rate window, trend), with the transitions it causes written to the database; (2)
 * latency from a value change at an OPC UA server to the alarm event a web client's stream receives, through the
 * production adapter, broker queue, stores, engine and live event bus.
 */
public final class AlarmBenchmark {

    public static void main(String[] args) throws Exception {
        int points = Integer.parseInt(IngestThroughputBenchmark.option(args, "--points", "100000"));
        int rounds = Integer.parseInt(IngestThroughputBenchmark.option(args, "--rounds", "10"));
        int cycles = Integer.parseInt(IngestThroughputBenchmark.option(args, "--latency-cycles", "40"));
        String database = IngestThroughputBenchmark.option(args, "--database", "h2");
        String throughput = evaluations(points, rounds, database);
        List<String> latency = new ArrayList<>();
        for (double interval : new double[] { 1000, 100 }) {
            latency.add(latency(cycles, interval, database));
        }
        System.out.println();
        System.out.println("| points | samples evaluated | evaluations/s | transitions written | engine heap MB per 1,000 points |");
        System.out.println("|---|---|---|---|---|");
        System.out.println(throughput);
        System.out.println();
        System.out.println("| OPC UA sampling / publishing | cycles | p50 ms | p99 ms | max ms |");
        System.out.println("|---|---|---|---|---|");
        latency.forEach(System.out::println);
    }

    static String evaluations(int count, int rounds, String database) throws Exception {
        Path work = Files.createTempDirectory("hw-alarm");
        DataSource dataSource = IngestThroughputBenchmark.dataSource(database, work);
        try {
            DatabaseMigrator.migrate(dataSource);
            List<String> ids = new ArrayList<>(count);
            try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement("INSERT INTO monitoring_point "
                    + "(id, name, point_type, unit, range_low, range_high, alarm_low, alarm_high, area, enterprise_code, updated_at) "
                    + "VALUES (?, ?, ?, ?, 0, 10, 1.0, 9.0, 'BENCH', 'E', CURRENT_TIMESTAMP)")) {
                c.setAutoCommit(false);
                for (int i = 0; i < count; i++) {
                    String id = String.format(Locale.ROOT, "ALM-%06d", i);
                    ids.add(id);
                    s.setString(1, id);
                    s.setString(2, "报警测点" + i);
                    PointType type = PointType.values()[i % 4];
                    s.setString(3, type.name());
                    s.setString(4, "u");
                    s.addBatch();
                    if (i % 1000 == 999) {
                        s.executeBatch();
                    }
                }
                s.executeBatch();
                c.commit();
            }
            JdbcPointRepository repository = new JdbcPointRepository(dataSource);
            long heapBefore = AcquisitionBenchmark.usedHeapAfterGc();
            AlarmEngine engine = AlarmModule.create(dataSource, repository, Clock.systemUTC(), Duration.ofMinutes(10), e -> { }).engine();
            Random random = new Random(42);
            Instant t = Instant.now().minus(Duration.ofHours(1));
            long evaluated = 0;
            long nanos = 0;
            for (int round = 0; round <= rounds; round++) {
                t = t.plusSeconds(10); // a poll every 10 s, so the 15-60 s delays of the defaults elapse within the run
                List<Sample> batch = new ArrayList<>(1000);
                long start = System.nanoTime();
                for (int i = 0; i < count; i++) {
                    // mostly normal values; one point in 200 stays beyond its high limit from round 2 on (so it
                    // activates once its delay-on, up to 60 s, has passed), and one sample in a thousand spikes past
                    // the limit for a single poll (which the delay-on filters out)
                    boolean excursion = i % 200 == 0 && round >= 2;
                    double value = excursion || random.nextInt(1000) == 0 ? 9.5 : 3 + random.nextDouble() * 4;
                    batch.add(new Sample(ids.get(i), t, value, Quality.GOOD));
                    if (batch.size() == 1000) {
                        engine.evaluate(batch);
                        batch = new ArrayList<>(1000);
                    }
                }
                engine.evaluate(batch);
                if (round > 0) { // round 0 warms up (and loads the caches)
                    nanos += System.nanoTime() - start;
                    evaluated += count;
                }
            }
            long heapWithEngine = AcquisitionBenchmark.usedHeapAfterGc();
            long transitions = IngestThroughputBenchmark.countRows(dataSource, "alarm_event");
            String row = String.format(Locale.ROOT, "| %,d | %,d | %,.0f | %,d | %.2f |", count, evaluated, evaluated / (nanos / 1e9),
                    transitions, (heapWithEngine - heapBefore) / 1024.0 / 1024.0 / count * 1000);
            System.out.println(row);
            if (engine.hashCode() == 0) {
                System.out.println(); // keeps the engine reachable until the heap was measured
            }
            return row;
        } finally {
            ((BasicDataSource) dataSource).close();
            IngestThroughputBenchmark.deleteRecursively(work);
        }
    }

    static String latency(int cycles, double intervalMs, String database) throws Exception {
        Path work = Files.createTempDirectory("hw-alarm-latency");
        DataSource dataSource = IngestThroughputBenchmark.dataSource(database, work);
        DatabaseMigrator.migrate(dataSource);
        JdbcPointRepository points = new JdbcPointRepository(dataSource);
        String id = "LAT-GAS";
        points.save(new MonitoringPoint(id, "可燃气体检测器", PointType.COMBUSTIBLE_GAS, "%LEL", 0, 100, null, 25.0, "BENCH", "E", null));
        InMemoryLiveEventBus bus = new InMemoryLiveEventBus();
        AlarmModule module = AlarmModule.create(dataSource, points, Clock.systemUTC(), Duration.ofSeconds(10), bus::publish);
        // no delay-off, so that the alarm returns as soon as the value does and the next cycle can activate it again
        module.definitions().save(new AlarmDefinition(id, null, null, new AlarmLimit(25, AlarmPriority.HIGH), null, null,
                Duration.ofSeconds(60), 0, Duration.ZERO, Duration.ZERO, AlarmMode.IN_SERVICE, null, null, null, null), "bench", null);
        EmbeddedBroker broker = new EmbeddedBroker("lat", "", true, work.resolve("broker").toFile(), 4096, 256);
        broker.start();
        IngestPipeline pipeline = new IngestPipeline(broker.connectionFactory(), new JdbcSampleStore(dataSource), module.engine(), null);
        int port;
        try (var socket = new java.net.ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        SimulatorServer server = new SimulatorServer("127.0.0.1", port, "/bench", work.resolve("pki"),
                List.of(new SimPoint(id, id, "COMBUSTIBLE_GAS", "%LEL", 0, 100, null, 25.0, "BENCH", 5, 0, 0, 600)));
        server.start();
        server.update(Map.of(id, 5.0));
        OpcUaAdapter adapter = new OpcUaAdapter("bench", new OpcUaAdapter.Settings("opc.tcp://127.0.0.1:" + port + "/bench",
                intervalMs, intervalMs, 50, 10000, 5), Map.of(id, ExpandedNodeId.parse("nsu=urn:hazardwatch:simulator;s=" + id)),
                pipeline::publish);
        adapter.start();
        LiveEventBus.Subscription stream = bus.subscribe(10_000);
        long[] millis = new long[cycles];
        try {
            Thread.sleep(5000);
            double low = 5;
            for (int cycle = 0; cycle < cycles; cycle++) {
                low = low == 5 ? 5.5 : 5; // the next normal value differs, so the subscription reports it
                server.update(Map.of(id, low));
                if (cycle > 0) {
                    awaitState(stream, id, false, 30_000);
                }
                Thread.sleep(200 + (long) (Math.random() * intervalMs)); // change at a random moment of the interval
                long start = System.nanoTime();
                server.update(Map.of(id, 40.0 + cycle % 2));
                awaitState(stream, id, true, 30_000);
                millis[cycle] = (System.nanoTime() - start) / 1_000_000;
            }
        } finally {
            stream.close();
            adapter.stop();
            server.stop();
            pipeline.close();
            broker.stop();
            ((BasicDataSource) dataSource).close();
            IngestThroughputBenchmark.deleteRecursively(work);
        }
        Arrays.sort(millis);
        String row = String.format(Locale.ROOT, "| %.0f ms / %.0f ms | %d | %d | %d | %d |", intervalMs, intervalMs, cycles,
                millis[(int) Math.floor(0.5 * (cycles - 1))], millis[(int) Math.ceil(0.99 * (cycles - 1))], millis[cycles - 1]);
        System.out.println(row);
        return row;
    }

    /** Waits for the alarm event of {@code pointId} that is (or is not) active. */
    private static void awaitState(LiveEventBus.Subscription stream, String pointId, boolean active, long timeoutMs)
            throws InterruptedException {
        long deadline = System.currentTimeMillis() + timeoutMs;
        while (System.currentTimeMillis() < deadline) {
            LiveEvent event = stream.next(Duration.ofMillis(100));
            if (event != null && event.topic().equals(LiveEvent.ALARM) && pointId.equals(event.pointId())
                    && ((Alarm) event.data()).state().isActive() == active) {
                return;
            }
        }
        throw new IllegalStateException("no " + (active ? "activation" : "return") + " of " + pointId + " within " + timeoutMs + " ms");
    }

}
