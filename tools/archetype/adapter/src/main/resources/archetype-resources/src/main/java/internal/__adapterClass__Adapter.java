package ${package}.internal;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

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
 * Polls a ${adapterType} device on the adapter's own thread and hands the mapped readings to HazardWatch. The protocol
 * lives in {@link #readDevice()}: replace it with your device's; status, mapping, counting and reconnecting stay.
 * Read-only by design (requirement H5): nothing here sends anything that changes the device.
 */
public class ${adapterClass}Adapter implements ProtocolAdapter {

    public record Settings(String url, long pollIntervalMs, long requestTimeoutMs) {
    }

    private final Logger logger = LoggerFactory.getLogger(${adapterClass}Adapter.class);
    private final String name;
    private final Settings settings;
    private final SampleSink sink;
    private final List<String> configurationProblems;
    private final ScheduledExecutorService executor;
    private final HttpClient http;
    private final AtomicLong received = new AtomicLong();
    private volatile Map<String, String> pointByTag;
    private volatile Instant lastSampleAt;
    private volatile AdapterStatus status = AdapterStatus.STOPPED;
    private volatile String detail = "not started";

    public ${adapterClass}Adapter(String name, Settings settings, Map<String, String> pointByTag, SampleSink sink,
            List<String> configurationProblems) {
        this.name = name;
        this.settings = settings;
        this.pointByTag = Map.copyOf(pointByTag);
        this.sink = sink;
        this.configurationProblems = List.copyOf(configurationProblems);
        this.executor = Executors.newSingleThreadScheduledExecutor(r -> new Thread(r, "hazardwatch-${adapterType}-" + name));
        this.http = HttpClient.newBuilder().connectTimeout(Duration.ofMillis(settings.requestTimeoutMs())).build();
    }

    public void start() {
        if (!configurationProblems.isEmpty()) {
            setStatus(AdapterStatus.OFFLINE, "configuration invalid: " + String.join("; ", configurationProblems));
            return;
        }
        setStatus(AdapterStatus.STARTING, "connecting to " + settings.url());
        executor.scheduleWithFixedDelay(this::pollSafely, 0, settings.pollIntervalMs(), TimeUnit.MILLISECONDS);
    }

    public void stop() {
        executor.shutdownNow();
        try {
            executor.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        setStatus(AdapterStatus.STOPPED, "stopped");
    }

    public void replaceMapping(Map<String, String> newPointByTag) {
        pointByTag = Map.copyOf(newPointByTag);
    }

    private void pollSafely() {
        try {
            poll();
        } catch (IOException e) {
            setStatus(AdapterStatus.OFFLINE, "reading " + settings.url() + " failed: " + e.getMessage() + "; retrying");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            setStatus(AdapterStatus.DEGRADED, "poll failed: " + e.getMessage());
        }
    }

    void poll() throws IOException, InterruptedException {
        Map<String, String> device = readDevice();
        Instant now = Instant.now();
        List<Sample> samples = new ArrayList<>();
        int unreadable = 0;
        int missing = 0;
        for (Map.Entry<String, String> mapped : pointByTag.entrySet()) {
            String text = device.get(mapped.getKey());
            if (text == null) {
                missing++;
                continue;
            }
            try {
                samples.add(new Sample(mapped.getValue(), now, Double.parseDouble(text.strip()), Quality.GOOD));
            } catch (NumberFormatException e) {
                // the device sent something that is not a number: stored as BAD, raising an instrument fault
                samples.add(new Sample(mapped.getValue(), now, Double.NaN, Quality.BAD));
                unreadable++;
            }
        }
        // the status first, so whoever sees the samples sees the status they came with
        if (unreadable > 0 || missing > 0) {
            setStatus(AdapterStatus.DEGRADED, unreadable + " readings of " + settings.url() + " are not numbers, "
                    + missing + " mapped tags are not in its answer");
        } else {
            setStatus(AdapterStatus.ONLINE, "reading " + pointByTag.size() + " points from " + settings.url());
        }
        if (!samples.isEmpty()) {
            sink.publish(samples);
            received.addAndGet(samples.size());
            lastSampleAt = now;
        }
    }

    /** The device's protocol: here one GET answered by {@code tag=value} lines. Replace with yours. */
    Map<String, String> readDevice() throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(settings.url()))
                .timeout(Duration.ofMillis(settings.requestTimeoutMs())).GET().build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IOException("HTTP " + response.statusCode());
        }
        Map<String, String> values = new LinkedHashMap<>();
        for (String line : response.body().split("\\R")) {
            int equals = line.indexOf('=');
            if (equals > 0) {
                values.put(line.substring(0, equals).strip(), line.substring(equals + 1));
            }
        }
        return values;
    }

    private void setStatus(AdapterStatus newStatus, String newDetail) {
        if (newStatus != status) {
            logger.info("${adapterClass} adapter {}: {} - {}", name, newStatus, newDetail);
        }
        status = newStatus;
        detail = newDetail;
    }

    @Override
    public String type() {
        return "${adapterType}";
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
        return pointByTag.size();
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
        return pointByTag.entrySet().stream().map(e -> new PointAddress(e.getValue(), e.getKey()))
                .sorted(Comparator.comparing(PointAddress::pointId)).toList();
    }

    @Override
    public String componentName() {
        return "adapter:${adapterType}-" + name;
    }

    @Override
    public Health check() {
        return new Health(status.health(), detail);
    }
}
