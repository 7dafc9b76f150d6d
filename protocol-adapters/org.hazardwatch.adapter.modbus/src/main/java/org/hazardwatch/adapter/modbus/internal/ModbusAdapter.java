package org.hazardwatch.adapter.modbus.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.hazardwatch.adapter.modbus.internal.ReadPlan.PollGroup;
import org.hazardwatch.adapter.modbus.internal.RegisterReader.BlockData;
import org.hazardwatch.api.adapter.AdapterStatus;
import org.hazardwatch.api.adapter.PointAddress;
import org.hazardwatch.api.adapter.ProtocolAdapter;
import org.hazardwatch.api.health.Health;
import org.hazardwatch.api.ingest.SampleSink;
import org.hazardwatch.api.model.Quality;
import org.hazardwatch.api.model.Sample;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Polls a register map from one Modbus device or gateway. Each poll group (one unit, one period) runs on the adapter's
 * single thread, so requests never overlap on the line, which Modbus RTU requires and small TCP devices prefer. A lost
 * connection is reopened with a growing pause (1 s up to 30 s); a block the device refuses with an exception code
 * yields BAD samples for its points, so the data-quality filter raises instrument faults for exactly those points.
 */
public class ModbusAdapter implements ProtocolAdapter {

    /** Options of a running instance, apart from the connection. */
    public record Settings(int maxGap, int maxRegistersPerRequest) {
    }

    private static final long MAX_RECONNECT_PAUSE_MS = 30_000;

    private final Logger logger = LoggerFactory.getLogger(ModbusAdapter.class);
    private final String name;
    private final String endpoint;
    private final RegisterReader reader;
    private final Settings settings;
    private final SampleSink sink;
    private final List<String> configurationProblems;
    private final ScheduledExecutorService executor;
    private final List<ScheduledFuture<?>> polls = new ArrayList<>();
    private final Map<String, String> refusedBlocks = new ConcurrentHashMap<>();
    private final AtomicLong received = new AtomicLong();
    private volatile List<RegisterPoint> points;
    private volatile List<PollGroup> groups = List.of();
    private volatile Instant lastSampleAt;
    private volatile AdapterStatus status = AdapterStatus.STOPPED;
    private volatile String detail = "not started";
    private long reconnectPauseMs = 1000;
    private long nextConnectAttemptNanos = System.nanoTime();

    /**
     * @param endpoint where the device is, for status lines ({@code tcp 10.1.2.3:502}, {@code rtu /dev/ttyS0 9600 8N1})
     * @param configurationProblems problems found in the configuration; when there are any the adapter stays OFFLINE
     */
    public ModbusAdapter(String name, String endpoint, RegisterReader reader, List<RegisterPoint> points, Settings settings,
            SampleSink sink, List<String> configurationProblems) {
        this.name = name;
        this.endpoint = endpoint;
        this.reader = reader;
        this.points = List.copyOf(points);
        this.settings = settings;
        this.sink = sink;
        this.configurationProblems = List.copyOf(configurationProblems);
        this.executor = Executors.newSingleThreadScheduledExecutor(r -> new Thread(r, "hazardwatch-modbus-" + name));
    }

    public synchronized void start() {
        if (!configurationProblems.isEmpty()) {
            setStatus(AdapterStatus.OFFLINE, "configuration invalid: " + String.join("; ", configurationProblems));
            return;
        }
        setStatus(AdapterStatus.STARTING, "connecting to " + endpoint);
        schedule();
    }

    public void stop() {
        executor.shutdownNow();
        try {
            executor.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        reader.close();
        setStatus(AdapterStatus.STOPPED, "stopped");
    }

    /**
     * Replaces the register map; polling restarts with the new plan on the same connection. The switch runs on the
     * adapter's thread, between two polls, so no poll of the old plan can report into the new one.
     */
    public synchronized void replacePoints(List<RegisterPoint> newPoints) {
        points = List.copyOf(newPoints);
        if (configurationProblems.isEmpty() && !executor.isShutdown()) {
            executor.execute(() -> {
                synchronized (this) {
                    polls.forEach(poll -> poll.cancel(false));
                    polls.clear();
                    refusedBlocks.clear();
                    schedule();
                }
            });
        }
    }

    private void schedule() {
        groups = ReadPlan.plan(points, settings.maxGap(), settings.maxRegistersPerRequest());
        for (PollGroup group : groups) {
            polls.add(executor.scheduleAtFixedRate(() -> pollSafely(group), 0, group.intervalMs(), TimeUnit.MILLISECONDS));
        }
        if (groups.isEmpty()) {
            setStatus(AdapterStatus.DEGRADED, "no points mapped; nothing to read from " + endpoint);
        }
    }

    private void pollSafely(PollGroup group) {
        try {
            poll(group);
        } catch (RuntimeException | LinkageError e) {
            // a repeating task that throws is never run again: report and keep polling
            logger.warn("Modbus adapter {}: poll failed", name, e);
            setStatus(AdapterStatus.DEGRADED, "poll failed: " + e.getMessage());
        }
    }

    /** Reads one group and hands its samples to the sink; runs on the adapter's thread. */
    void poll(PollGroup group) {
        if (!reader.isConnected()) {
            if (System.nanoTime() < nextConnectAttemptNanos) {
                return;
            }
            try {
                reader.connect();
                reconnectPauseMs = 1000;
                logger.info("Modbus adapter {}: connected to {}", name, endpoint);
            } catch (Exception e) {
                connectionLost("cannot connect to " + endpoint + ": " + message(e));
                return;
            }
        }
        List<BlockData> data;
        try {
            data = reader.read(group.blocks());
        } catch (Exception e) {
            connectionLost("reading from " + endpoint + " failed: " + message(e));
            return;
        }
        Instant now = Instant.now();
        List<Sample> samples = new ArrayList<>(group.points());
        for (int i = 0; i < data.size(); i++) {
            ReadBlock block = group.blocks().get(i);
            BlockData result = data.get(i);
            if (result.ok()) {
                refusedBlocks.remove(block.describe());
            } else {
                refusedBlocks.put(block.describe(), result.error());
            }
            for (RegisterPoint point : block.points()) {
                samples.add(result.ok()
                        ? new Sample(point.pointId(), now, point.engineering(
                                point.type().decode(result.values(), point.address() - block.start(), point.order())), Quality.GOOD)
                        : new Sample(point.pointId(), now, Double.NaN, Quality.BAD));
            }
        }
        updateStatus(); // before handing over, so whoever sees the samples sees the status they came with
        if (!samples.isEmpty()) {
            try {
                sink.publish(samples);
            } catch (RuntimeException e) {
                setStatus(AdapterStatus.DEGRADED, "ingest refused the samples: " + e.getMessage());
                return;
            }
            received.addAndGet(samples.size());
            lastSampleAt = now;
        }
    }

    private void updateStatus() {
        int requests = groups.stream().mapToInt(g -> g.blocks().size()).sum();
        String reading = "reading " + points.size() + " points in " + requests + " requests from " + endpoint;
        if (refusedBlocks.isEmpty()) {
            setStatus(AdapterStatus.ONLINE, reading);
        } else {
            Map.Entry<String, String> first = refusedBlocks.entrySet().iterator().next();
            setStatus(AdapterStatus.DEGRADED, reading + "; " + refusedBlocks.size() + " refused, e.g. " + first.getKey() + ": "
                    + first.getValue());
        }
    }

    private void connectionLost(String why) {
        reader.close();
        nextConnectAttemptNanos = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(reconnectPauseMs);
        setStatus(AdapterStatus.OFFLINE, why + "; retrying in " + reconnectPauseMs / 1000 + " s");
        reconnectPauseMs = Math.min(reconnectPauseMs * 2, MAX_RECONNECT_PAUSE_MS);
    }

    private static String message(Exception e) {
        Throwable t = e;
        while (t.getCause() != null && t.getMessage() == null) {
            t = t.getCause();
        }
        return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    }

    private void setStatus(AdapterStatus newStatus, String newDetail) {
        if (newStatus != status) {
            logger.info("Modbus adapter {}: {} - {}", name, newStatus, newDetail);
        }
        status = newStatus;
        detail = newDetail;
    }

    @Override
    public String type() {
        return "modbus";
    }

    @Override
    public String instanceName() {
        return name;
    }

    @Override
    public AdapterStatus status() {
        return status;
    }

    @Override
    public String statusDetail() {
        return detail;
    }

    @Override
    public int mappedPoints() {
        return points.size();
    }

    @Override
    public long samplesReceived() {
        return received.get();
    }

    @Override
    public Instant lastSampleAt() {
        return lastSampleAt;
    }

    @Override
    public List<PointAddress> mappings() {
        return points.stream().map(p -> new PointAddress(p.pointId(), p.describe()))
                .sorted(Comparator.comparing(PointAddress::pointId)).toList();
    }

    @Override
    public String componentName() {
        return "adapter:modbus-" + name;
    }

    @Override
    public Health check() {
        return new Health(status.health(), detail);
    }
}
