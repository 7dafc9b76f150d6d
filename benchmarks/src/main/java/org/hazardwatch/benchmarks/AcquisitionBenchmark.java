package org.hazardwatch.benchmarks;

import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import javax.sql.DataSource;

import org.apache.commons.dbcp2.BasicDataSource;
import org.eclipse.milo.opcua.stack.core.types.builtin.ExpandedNodeId;
import org.hazardwatch.adapter.modbus.internal.ModbusAdapter;
import org.hazardwatch.adapter.modbus.internal.Plc4xRegisterReader;
import org.hazardwatch.adapter.modbus.internal.RegisterMap;
import org.hazardwatch.adapter.opcua.internal.OpcUaAdapter;
import org.hazardwatch.api.ingest.SampleSink;
import org.hazardwatch.api.model.MonitoringPoint;
import org.hazardwatch.api.model.PointType;
import org.hazardwatch.broker.internal.EmbeddedBroker;
import org.hazardwatch.core.internal.alarm.AlarmModule;
import org.hazardwatch.core.internal.db.DatabaseMigrator;
import org.hazardwatch.core.internal.db.JdbcPointRepository;
import org.hazardwatch.core.internal.db.JdbcSampleStore;
import org.hazardwatch.routes.ingest.IngestPipeline;
import org.hazardwatch.simulator.internal.SimPoint;
import org.hazardwatch.simulator.internal.SimulatorServer;

import com.digitalpetri.modbus.pdu.ReadHoldingRegistersRequest;
import com.digitalpetri.modbus.pdu.ReadHoldingRegistersResponse;
import com.digitalpetri.modbus.server.ModbusRequestContext;
import com.digitalpetri.modbus.server.ModbusServices;
import com.digitalpetri.modbus.server.ModbusTcpServer;
import com.digitalpetri.modbus.tcp.server.NettyTcpServerTransport;

/**
 * Samples per second from a device through the production adapter, the data-quality filter, the broker queue and the
 * stores, with every value changing each cycle: Modbus polling of many registers (digitalpetri's Modbus server on
 * loopback) and many subscribed OPC UA items (the simulator's Milo server on loopback). Also the heap the adapter
 * keeps per 1,000 points.
 */
public final class AcquisitionBenchmark {

    record Result(String protocol, int points, double offeredPerSecond, double readPerSecond, double storedPerSecond,
            long backlog, double heapMbPer1000) {
    }

    public static void main(String[] args) throws Exception {
        int registers = Integer.parseInt(IngestThroughputBenchmark.option(args, "--modbus-registers", "5000"));
        int items = Integer.parseInt(IngestThroughputBenchmark.option(args, "--opcua-items", "10000"));
        int seconds = Integer.parseInt(IngestThroughputBenchmark.option(args, "--seconds", "30"));
        String database = IngestThroughputBenchmark.option(args, "--database", "h2");
        List<Result> results = new ArrayList<>();
        results.add(run("Modbus TCP", registers, seconds, database));
        results.add(run("OPC UA", items, seconds, database));
        System.out.println();
        System.out.println("| protocol | points | offered samples/s | read by the adapter /s | stored /s | in flight at the end | adapter heap MB per 1,000 points |");
        System.out.println("|---|---|---|---|---|---|---|");
        for (Result r : results) {
            System.out.printf(Locale.ROOT, "| %s | %,d | %,.0f | %,.0f | %,.0f | %,d | %.1f |%n", r.protocol(), r.points(),
                    r.offeredPerSecond(), r.readPerSecond(), r.storedPerSecond(), r.backlog(), r.heapMbPer1000());
        }
    }

    static Result run(String protocol, int count, int seconds, String database) throws Exception {
        Path work = Files.createTempDirectory("hw-acq");
        DataSource dataSource = IngestThroughputBenchmark.dataSource(database, work);
        DatabaseMigrator.migrate(dataSource);
        JdbcPointRepository points = new JdbcPointRepository(dataSource);
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String id = String.format(Locale.ROOT, "ACQ-%05d", i);
            ids.add(id);
            points.save(new MonitoringPoint(id, "采集测点" + i, PointType.PRESSURE, "MPa", 0, 10, null, 9.5, "BENCH", "E", null));
        }
        EmbeddedBroker broker = new EmbeddedBroker("acq", "", true, work.resolve("broker").toFile(), 4096, 256);
        broker.start();
        IngestPipeline pipeline = new IngestPipeline(broker.connectionFactory(), new JdbcSampleStore(dataSource),
                AlarmModule.create(dataSource, points, java.time.Clock.systemUTC(), Duration.ofSeconds(10), event -> { }).engine(), null);
        AtomicLong read = new AtomicLong();
        SampleSink sink = samples -> {
            read.addAndGet(samples.size());
            pipeline.publish(samples);
        };
        int port;
        try (var socket = new java.net.ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        Source source = protocol.startsWith("Modbus") ? modbusSource(port) : opcUaSource(port, ids, work);
        try {
            // memory: the adapter alone, with a sink that only counts, after the source is up
            long heapBefore = usedHeapAfterGc();
            AtomicLong counted = new AtomicLong();
            Runnable probe = source.startAdapter(ids, samples -> counted.addAndGet(samples.size()));
            Thread.sleep(10_000);
            long heapWithAdapter = usedHeapAfterGc();
            probe.run();
            // throughput: adapter -> data-quality filter -> broker queue -> stores
            Runnable stopAdapter = source.startAdapter(ids, sink);
            try {
                Thread.sleep(10_000); // connect, subscribe, reach a steady state
                long readStart = read.get();
                long storedStart = IngestThroughputBenchmark.count(dataSource);
                long start = System.nanoTime();
                Thread.sleep(seconds * 1000L);
                double elapsed = (System.nanoTime() - start) / 1e9;
                long readNow = read.get();
                long storedNow = IngestThroughputBenchmark.count(dataSource);
                Result result = new Result(protocol, count, count, (readNow - readStart) / elapsed,
                        (storedNow - storedStart) / elapsed, readNow - storedNow,
                        (heapWithAdapter - heapBefore) / 1024.0 / 1024.0 / count * 1000);
                System.out.printf(Locale.ROOT, "%s, %d points: read %.0f/s, stored %.0f/s%n", protocol, count,
                        result.readPerSecond(), result.storedPerSecond());
                return result;
            } finally {
                stopAdapter.run();
            }
        } finally {
            source.close();
            pipeline.close();
            broker.stop();
            ((BasicDataSource) dataSource).close();
            IngestThroughputBenchmark.deleteRecursively(work);
        }
    }

    /** A device on loopback and how to start an adapter instance that reads it. */
    interface Source extends AutoCloseable {
        Runnable startAdapter(List<String> ids, SampleSink sink) throws Exception;
    }

    /** digitalpetri's Modbus TCP server: every holding register changes with every request. */
    static Source modbusSource(int port) throws Exception {
        int[] tick = { 0 };
        ModbusTcpServer server = ModbusTcpServer.create(NettyTcpServerTransport.create(c -> c.setBindAddress("127.0.0.1")
                .setPort(port)), new ModbusServices() {
                    @Override
                    public ReadHoldingRegistersResponse readHoldingRegisters(ModbusRequestContext context, int unitId,
                            ReadHoldingRegistersRequest request) {
                        byte[] bytes = new byte[request.quantity() * 2];
                        int value = 100 + (tick[0]++ % 500); // within the range, never frozen
                        for (int i = 0; i < request.quantity(); i++) {
                            bytes[2 * i] = (byte) (value >> 8);
                            bytes[2 * i + 1] = (byte) value;
                        }
                        return new ReadHoldingRegistersResponse(bytes);
                    }
                });
        server.start();
        return new Source() {
            @Override
            public Runnable startAdapter(List<String> ids, SampleSink sink) throws Exception {
                StringBuilder map = new StringBuilder();
                for (int i = 0; i < ids.size(); i++) {
                    map.append(ids.get(i)).append(",1,holding,").append(i).append(",uint16,,0.01,,1000\n");
                }
                ModbusAdapter adapter = new ModbusAdapter("bench", "tcp 127.0.0.1:" + port,
                        new Plc4xRegisterReader("modbus-tcp:tcp://127.0.0.1:" + port + "?request-timeout=3000", 1, 3000),
                        RegisterMap.parse(new StringReader(map.toString()), new RegisterMap.Defaults(1, 1000)).points(),
                        new ModbusAdapter.Settings(0, 125), sink, List.of());
                adapter.start();
                return adapter::stop;
            }

            @Override
            public void close() throws Exception {
                server.stop();
            }
        };
    }

    /** The simulator's Milo server with one variable per point, subscribed with 1 s sampling. */
    static Source opcUaSource(int port, List<String> ids, Path work) throws Exception {
        List<SimPoint> simulated = new ArrayList<>();
        for (String id : ids) {
            simulated.add(new SimPoint(id, id, "PRESSURE", "MPa", 0, 10, null, 9.5, "BENCH", 5, 0.1, 1, 600));
        }
        SimulatorServer server = new SimulatorServer("127.0.0.1", port, "/bench", work.resolve("server-pki"), simulated);
        server.start();
        int[] tick = { 0 };
        java.util.concurrent.ScheduledExecutorService ticker = java.util.concurrent.Executors.newSingleThreadScheduledExecutor();
        // every value changes four times a second, so each 1 s sample of the subscription sees a new value (sampling a
        // value that changes exactly as often as it is sampled misses the changes that fall between two samples)
        ticker.scheduleAtFixedRate(() -> {
            Map<String, Double> values = new HashMap<>();
            double value = 1 + (tick[0]++ % 500) / 100.0;
            ids.forEach(id -> values.put(id, value));
            server.update(values);
        }, 0, 250, java.util.concurrent.TimeUnit.MILLISECONDS);
        return new Source() {
            @Override
            public Runnable startAdapter(List<String> points, SampleSink sink) {
                Map<String, ExpandedNodeId> nodes = new HashMap<>();
                points.forEach(id -> nodes.put(id, ExpandedNodeId.parse("nsu=urn:hazardwatch:simulator;s=" + id)));
                OpcUaAdapter adapter = new OpcUaAdapter("bench", new OpcUaAdapter.Settings(
                        "opc.tcp://127.0.0.1:" + port + "/bench", 1000, 1000, 200, 10000, 5), nodes, sink);
                adapter.start();
                return adapter::stop;
            }

            @Override
            public void close() throws Exception {
                ticker.shutdownNow();
                server.stop();
            }
        };
    }

    /**
     * Heap in use after a full collection: what the run keeps, not its garbage. For OPC UA it includes the in-process
     * server's per-subscription state (its address space is there before the baseline).
     */
    static long usedHeapAfterGc() throws InterruptedException {
        Runtime runtime = Runtime.getRuntime();
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(200);
        }
        return runtime.totalMemory() - runtime.freeMemory();
    }
}
