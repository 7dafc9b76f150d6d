package org.hazardwatch.adapter.opcua.internal;

import static org.eclipse.milo.opcua.stack.core.types.builtin.unsigned.Unsigned.uint;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.eclipse.milo.opcua.sdk.client.OpcUaClient;
import org.eclipse.milo.opcua.sdk.client.SessionActivityListener;
import org.eclipse.milo.opcua.sdk.client.api.UaSession;
import org.eclipse.milo.opcua.sdk.client.api.identity.UsernameProvider;
import org.eclipse.milo.opcua.sdk.client.api.subscriptions.UaMonitoredItem;
import org.eclipse.milo.opcua.sdk.client.api.subscriptions.UaSubscription;
import org.eclipse.milo.opcua.stack.client.security.DefaultClientCertificateValidator;
import org.eclipse.milo.opcua.stack.core.AttributeId;
import org.eclipse.milo.opcua.stack.core.security.DefaultTrustListManager;
import org.eclipse.milo.opcua.stack.core.security.SecurityPolicy;
import org.eclipse.milo.opcua.stack.core.types.builtin.DataValue;
import org.eclipse.milo.opcua.stack.core.types.builtin.DateTime;
import org.eclipse.milo.opcua.stack.core.types.builtin.ExpandedNodeId;
import org.eclipse.milo.opcua.stack.core.types.builtin.LocalizedText;
import org.eclipse.milo.opcua.stack.core.types.builtin.NodeId;
import org.eclipse.milo.opcua.stack.core.types.builtin.QualifiedName;
import org.eclipse.milo.opcua.stack.core.types.builtin.StatusCode;
import org.eclipse.milo.opcua.stack.core.types.enumerated.MessageSecurityMode;
import org.eclipse.milo.opcua.stack.core.types.enumerated.MonitoringMode;
import org.eclipse.milo.opcua.stack.core.types.enumerated.TimestampsToReturn;
import org.eclipse.milo.opcua.stack.core.types.structured.MonitoredItemCreateRequest;
import org.eclipse.milo.opcua.stack.core.types.structured.MonitoringParameters;
import org.eclipse.milo.opcua.stack.core.types.structured.ReadValueId;
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
 * One OPC UA server connection. {@link #start()} and {@link #stop()} return at once; connecting, subscribing and
 * reconnecting happen on the adapter's own thread. Until the first connection succeeds it retries with
 * exponential back-off; afterwards Milo keeps the session alive and reconnects, and every new session (e.g. after
 * a server restart) gets a fresh subscription. Values are buffered briefly and handed to the {@link SampleSink} in
 * batches. There is no write path: the adapter never changes anything on the plant (requirement H5).
 */
public class OpcUaAdapter implements ProtocolAdapter {

    /**
     * @param securityPolicy {@code None} or {@code Basic256Sha256}
     * @param securityMode {@code Sign} or {@code SignAndEncrypt} (ignored for None)
     * @param username user name login, or empty for anonymous
     * @param pkiDir trust lists ({@code trusted/certs}; servers seen but not trusted land in {@code rejected}) and the collector's own certificate
     */
    public record Settings(String endpointUrl, double samplingIntervalMs, double publishingIntervalMs, long batchIntervalMs,
            int requestTimeoutMs, int reconnectMaxDelaySeconds, String securityPolicy, String securityMode, String username,
            String password, Path pkiDir) {

        /** An unsecured, anonymous connection. */
        public Settings(String endpointUrl, double samplingIntervalMs, double publishingIntervalMs, long batchIntervalMs,
                int requestTimeoutMs, int reconnectMaxDelaySeconds) {
            this(endpointUrl, samplingIntervalMs, publishingIntervalMs, batchIntervalMs, requestTimeoutMs,
                    reconnectMaxDelaySeconds, "None", "SignAndEncrypt", "", "", null);
        }

        boolean secured() {
            return !"None".equals(securityPolicy);
        }
    }

    private final Logger logger = LoggerFactory.getLogger(OpcUaAdapter.class);
    private final String name;
    private final Settings settings;
    private volatile Map<String, ExpandedNodeId> nodesByPoint;
    private final SampleSink sink;
    private final ScheduledExecutorService executor;
    private final ConcurrentLinkedQueue<Sample> pending = new ConcurrentLinkedQueue<>();
    private final AtomicLong received = new AtomicLong();
    private volatile Instant lastSampleAt;
    private volatile AdapterStatus status = AdapterStatus.STOPPED;
    private volatile String detail = "not started";
    private volatile boolean stopped;
    private OpcUaClient client;
    private DefaultTrustListManager trustList;
    private UaSubscription subscription;
    private long retryDelayMs = 1000;

    public OpcUaAdapter(String name, Settings settings, Map<String, ExpandedNodeId> nodesByPoint, SampleSink sink) {
        this.name = name;
        this.settings = settings;
        this.nodesByPoint = Map.copyOf(nodesByPoint);
        this.sink = sink;
        this.executor = Executors.newSingleThreadScheduledExecutor(r -> new Thread(r, "hazardwatch-opcua-" + name));
    }

    public void start() {
        setStatus(AdapterStatus.STARTING, "connecting to " + settings.endpointUrl());
        executor.execute(this::connect);
        executor.scheduleWithFixedDelay(this::flush, settings.batchIntervalMs(), settings.batchIntervalMs(), TimeUnit.MILLISECONDS);
    }

    /** Never connects: the configuration cannot work; the status says why. */
    public void refuse(String reason) {
        stopped = true;
        setStatus(AdapterStatus.OFFLINE, reason);
    }

    public void stop() {
        stopped = true;
        executor.shutdownNow();
        OpcUaClient current = client;
        if (current != null) {
            current.disconnect(); // asynchronous; the adapter does not wait for the server
        }
        flush();
        if (trustList != null) {
            try {
                trustList.close();
            } catch (java.io.IOException ignored) {
                // stopping anyway
            }
        }
        setStatus(AdapterStatus.STOPPED, "stopped");
    }

    private void connect() {
        if (stopped) {
            return;
        }
        try {
            SecurityPolicy policy = settings.secured() ? SecurityPolicy.Basic256Sha256 : SecurityPolicy.None;
            MessageSecurityMode mode = settings.secured() ? MessageSecurityMode.valueOf(settings.securityMode())
                    : MessageSecurityMode.None;
            String applicationUri = "urn:hazardwatch:collector:" + name;
            ClientKeys keys = settings.secured() ? ClientKeys.loadOrCreate(settings.pkiDir(), applicationUri) : null;
            if (settings.secured() && trustList == null) {
                trustList = new DefaultTrustListManager(settings.pkiDir().toFile());
            }
            OpcUaClient newClient = OpcUaClient.create(settings.endpointUrl(),
                    endpoints -> endpoints.stream()
                            .filter(e -> policy.getUri().equals(e.getSecurityPolicyUri()) && e.getSecurityMode() == mode)
                            .findFirst(),
                    builder -> {
                        builder.setApplicationName(LocalizedText.english("HazardWatch collector"))
                                .setApplicationUri(applicationUri)
                                .setRequestTimeout(uint(settings.requestTimeoutMs()))
                                .setConnectTimeout(uint(settings.requestTimeoutMs()))
                                .setKeepAliveInterval(uint(2000));
                        if (keys != null) {
                            builder.setKeyPair(keys.keyPair()).setCertificate(keys.certificate())
                                    .setCertificateValidator(new DefaultClientCertificateValidator(trustList));
                        }
                        if (settings.username() != null && !settings.username().isBlank()) {
                            builder.setIdentityProvider(new UsernameProvider(settings.username(), settings.password()));
                        }
                        return builder.build();
                    });
            newClient.connect().get(settings.requestTimeoutMs() * 2L, TimeUnit.MILLISECONDS);
            client = newClient;
            newClient.addSessionActivityListener(new SessionActivityListener() {
                @Override
                public void onSessionActive(UaSession session) {
                    if (!stopped) {
                        executor.execute(OpcUaAdapter.this::subscribe);
                    }
                }

                @Override
                public void onSessionInactive(UaSession session) {
                    if (!stopped) {
                        setStatus(AdapterStatus.OFFLINE, "session to " + settings.endpointUrl() + " lost; reconnecting");
                    }
                }
            });
            retryDelayMs = 1000;
            subscribe();
        } catch (Exception e) {
            String reason = rootMessage(e);
            if (settings.secured() && (reason.contains("Bad_SecurityChecksFailed") || reason.contains("Bad_CertificateUntrusted"))) {
                reason += " (trust: the server's certificate is rejected until moved from " + settings.pkiDir().resolve("rejected")
                        + " to " + settings.pkiDir().resolve("trusted/certs") + "; the server must trust "
                        + settings.pkiDir().resolve("own/collector.der") + ")";
            }
            setStatus(AdapterStatus.OFFLINE, "cannot connect to " + settings.endpointUrl() + ": " + reason
                    + "; retrying in " + retryDelayMs / 1000 + " s");

            if (!stopped) {
                executor.schedule(this::connect, retryDelayMs, TimeUnit.MILLISECONDS);
                retryDelayMs = Math.min(retryDelayMs * 2, settings.reconnectMaxDelaySeconds() * 1000L);
            }
        }
    }

    /** Creates the subscription and one monitored item per mapped point, replacing any earlier subscription. */
    private void subscribe() {
        if (stopped || client == null) {
            return;
        }
        try {
            if (subscription != null) {
                client.getSubscriptionManager().deleteSubscription(subscription.getSubscriptionId());
                subscription = null;
            }
            Map<NodeId, String> pointsByNode = new HashMap<>();
            List<String> unresolved = new ArrayList<>();
            nodesByPoint.forEach((pointId, expanded) -> {
                Optional<NodeId> node = expanded.toNodeId(client.getNamespaceTable());
                if (node.isPresent()) {
                    pointsByNode.put(node.get(), pointId);
                } else {
                    unresolved.add(pointId);
                }
            });
            UaSubscription newSubscription = client.getSubscriptionManager()
                    .createSubscription(settings.publishingIntervalMs()).get(settings.requestTimeoutMs(), TimeUnit.MILLISECONDS);
            List<MonitoredItemCreateRequest> requests = new ArrayList<>();
            long handle = 1;
            for (NodeId node : pointsByNode.keySet()) {
                ReadValueId read = new ReadValueId(node, AttributeId.Value.uid(), null, QualifiedName.NULL_VALUE);
                MonitoringParameters parameters = new MonitoringParameters(uint(handle++), settings.samplingIntervalMs(),
                        null, uint(10), true);
                requests.add(new MonitoredItemCreateRequest(read, MonitoringMode.Reporting, parameters));
            }
            List<UaMonitoredItem> items = newSubscription.createMonitoredItems(TimestampsToReturn.Both, requests,
                    (item, index) -> {
                        String pointId = pointsByNode.get(item.getReadValueId().getNodeId());
                        item.setValueConsumer(value -> onValue(pointId, value));
                    }).get(settings.requestTimeoutMs(), TimeUnit.MILLISECONDS);
            subscription = newSubscription;
            List<String> failed = new ArrayList<>(unresolved);
            for (UaMonitoredItem item : items) {
                if (item.getStatusCode().isBad()) {
                    failed.add(pointsByNode.get(item.getReadValueId().getNodeId()) + " (" + item.getStatusCode() + ")");
                }
            }
            if (failed.isEmpty()) {
                setStatus(AdapterStatus.ONLINE, "subscribed to " + items.size() + " nodes at " + settings.endpointUrl());
            } else {
                setStatus(AdapterStatus.DEGRADED, (items.size() - failed.size() + unresolved.size()) + " of "
                        + nodesByPoint.size() + " nodes subscribed at " + settings.endpointUrl() + "; failed: " + failed);
            }
        } catch (Exception e) {
            setStatus(AdapterStatus.OFFLINE, "subscribing at " + settings.endpointUrl() + " failed: " + rootMessage(e)
                    + "; retrying");
            executor.schedule(this::subscribe, Math.min(retryDelayMs, 5000), TimeUnit.MILLISECONDS);
        }
    }

    void onValue(String pointId, DataValue value) {
        if (pointId == null) {
            return;
        }
        Object raw = value.getValue() == null ? null : value.getValue().getValue();
        StatusCode code = value.getStatusCode() == null ? StatusCode.GOOD : value.getStatusCode();
        Quality quality = code.isGood() ? Quality.GOOD : code.isUncertain() ? Quality.UNCERTAIN : Quality.BAD;
        double number;
        if (raw instanceof Number n) {
            number = n.doubleValue();
        } else if (raw instanceof Boolean b) {
            number = b ? 1 : 0;
        } else {
            number = 0;
            quality = Quality.BAD;
        }
        pending.add(new Sample(pointId, timestampOf(value), number, quality));
    }

    private static Instant timestampOf(DataValue value) {
        DateTime time = value.getSourceTime() != null && value.getSourceTime().getUtcTime() > 0 ? value.getSourceTime()
                : value.getServerTime();
        return time != null && time.getUtcTime() > 0 ? time.getJavaInstant() : Instant.now();
    }

    private void flush() {
        List<Sample> batch = new ArrayList<>();
        Sample sample;
        while ((sample = pending.poll()) != null) {
            batch.add(sample);
        }
        if (batch.isEmpty()) {
            return;
        }
        try {
            sink.publish(batch);
            received.addAndGet(batch.size());
            lastSampleAt = Instant.now();
        } catch (RuntimeException e) {
            // keep them: the next flush retries
            pending.addAll(batch);
            logger.warn("Adapter {}: ingest refused {} samples: {}", name, batch.size(), e.getMessage());
        }
    }

    private void setStatus(AdapterStatus newStatus, String newDetail) {
        if (newStatus != status || !newDetail.equals(detail)) {
            logger.info("OPC UA adapter {}: {} - {}", name, newStatus, newDetail);
        }
        status = newStatus;
        detail = newDetail;
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    }

    @Override
    public String type() {
        return "opcua";
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
        return nodesByPoint.size();
    }

    @Override
    public Instant lastSampleAt() {
        return lastSampleAt;
    }

    @Override
    public List<PointAddress> mappings() {
        return nodesByPoint.entrySet().stream().map(e -> new PointAddress(e.getKey(), e.getValue().toParseableString()))
                .sorted(java.util.Comparator.comparing(PointAddress::pointId)).toList();
    }

    /** Uses a new point mapping: the subscription is rebuilt on the adapter's thread, the session stays. */
    public void replaceMapping(Map<String, ExpandedNodeId> newNodesByPoint) {
        nodesByPoint = Map.copyOf(newNodesByPoint);
        if (!stopped) {
            executor.execute(this::subscribe);
        }
    }

    @Override
    public long samplesReceived() {
        return received.get();
    }

    @Override
    public String componentName() {
        return "adapter:opcua-" + name;
    }

    @Override
    public Health check() {
        return new Health(status.health(), detail);
    }
}
