package org.hazardwatch.adapter.opcua.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.lang.reflect.Method;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;

import org.eclipse.milo.opcua.stack.core.types.builtin.ExpandedNodeId;
import org.hazardwatch.api.adapter.AdapterStatus;
import org.hazardwatch.api.adapter.ProtocolAdapter;
import org.hazardwatch.api.health.HealthStatus;
import org.hazardwatch.api.ingest.SampleSink;
import org.hazardwatch.api.model.Quality;
import org.hazardwatch.api.model.Sample;
import org.hazardwatch.simulator.internal.SimulatorServer;
import org.hazardwatch.simulator.internal.TankFarm;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The adapter against a real Milo OPC UA server on loopback. */
class OpcUaAdapterTest {

    @TempDir
    Path pki;

    final List<Sample> received = new CopyOnWriteArrayList<>();
    final SampleSink sink = received::addAll;
    SimulatorServer server;
    OpcUaAdapter adapter;

    static int freePort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    static void await(Duration timeout, String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out after " + timeout + " waiting for " + what);
            }
            Thread.sleep(50);
        }
    }

    @AfterEach
    void cleanUp() throws Exception {
        if (adapter != null) {
            adapter.stop();
        }
        if (server != null) {
            server.stop();
        }
    }

    private OpcUaAdapter adapter(int port, Map<String, ExpandedNodeId> mapping) {
        return new OpcUaAdapter("test", new OpcUaAdapter.Settings("opc.tcp://127.0.0.1:" + port + "/hazardwatch", 100, 100, 50,
                3000, 2), mapping, sink);
    }

    static Map<String, ExpandedNodeId> mapping(String... pointIds) {
        java.util.LinkedHashMap<String, ExpandedNodeId> map = new java.util.LinkedHashMap<>();
        for (String id : pointIds) {
            map.put(id, ExpandedNodeId.parse("nsu=urn:hazardwatch:simulator;s=" + id));
        }
        return map;
    }

    private boolean receivedValue(String pointId, double value) {
        return received.stream().anyMatch(s -> s.pointId().equals(pointId) && s.value() == value && s.quality() == Quality.GOOD);
    }

    @Test
    void subscribedValuesReachTheSink() throws Exception {
        int port = freePort();
        server = new SimulatorServer("127.0.0.1", port, "/hazardwatch", pki, TankFarm.points());
        server.start();
        adapter = adapter(port, mapping("A-T101-LT", "B-GT201"));
        adapter.start();
        await(Duration.ofSeconds(15), "ONLINE", () -> adapter.status() == AdapterStatus.ONLINE);
        server.update(Map.of("A-T101-LT", 7.75, "B-GT201", 31.0));
        await(Duration.ofSeconds(10), "forced values", () -> receivedValue("A-T101-LT", 7.75) && receivedValue("B-GT201", 31.0));
        assertEquals(HealthStatus.UP, adapter.check().status());
        assertEquals("adapter:opcua-test", adapter.componentName());
        assertTrue(adapter.samplesReceived() >= 2);
    }

    @Test
    void unknownNodesDegradeTheAdapterButTheRestFlows() throws Exception {
        int port = freePort();
        server = new SimulatorServer("127.0.0.1", port, "/hazardwatch", pki, TankFarm.points());
        server.start();
        adapter = adapter(port, mapping("A-T101-LT", "NO-SUCH-NODE"));
        adapter.start();
        await(Duration.ofSeconds(15), "DEGRADED", () -> adapter.status() == AdapterStatus.DEGRADED);
        assertTrue(adapter.statusDetail().contains("NO-SUCH-NODE"), adapter.statusDetail());
        server.update(Map.of("A-T101-LT", 6.5));
        await(Duration.ofSeconds(10), "value of the good node", () -> receivedValue("A-T101-LT", 6.5));
    }

    @Test
    void waitsForAnAbsentServerAndResumesAfterAServerRestart() throws Exception {
        int port = freePort();
        adapter = adapter(port, mapping("A-T102-PT"));
        adapter.start();
        await(Duration.ofSeconds(10), "OFFLINE", () -> adapter.status() == AdapterStatus.OFFLINE);
        assertTrue(adapter.statusDetail().startsWith("cannot connect to opc.tcp://127.0.0.1:" + port), adapter.statusDetail());
        assertEquals(HealthStatus.DOWN, adapter.check().status());

        server = new SimulatorServer("127.0.0.1", port, "/hazardwatch", pki, TankFarm.points());
        server.start();
        server.update(Map.of("A-T102-PT", 0.71));
        await(Duration.ofSeconds(20), "first value", () -> receivedValue("A-T102-PT", 0.71));

        server.stop();
        await(Duration.ofSeconds(20), "OFFLINE after server stop", () -> adapter.status() == AdapterStatus.OFFLINE);
        server = new SimulatorServer("127.0.0.1", port, "/hazardwatch", pki, TankFarm.points());
        server.start();
        server.update(Map.of("A-T102-PT", 0.93));
        await(Duration.ofSeconds(40), "value after restart", () -> receivedValue("A-T102-PT", 0.93));
        assertEquals(AdapterStatus.ONLINE, adapter.status());
    }

    @Test
    void aNewMappingIsAppliedWithoutARestart() throws Exception {
        int port = freePort();
        server = new SimulatorServer("127.0.0.1", port, "/hazardwatch", pki, TankFarm.points());
        server.start();
        adapter = adapter(port, mapping("A-T101-LT"));
        adapter.start();
        await(Duration.ofSeconds(15), "ONLINE", () -> adapter.status() == AdapterStatus.ONLINE);
        adapter.replaceMapping(mapping("A-T101-LT", "B-GT202"));
        await(Duration.ofSeconds(15), "subscribed to 2 nodes", () -> adapter.statusDetail().contains("subscribed to 2 nodes"));
        server.update(Map.of("B-GT202", 12.5));
        await(Duration.ofSeconds(10), "value of the newly mapped node", () -> receivedValue("B-GT202", 12.5));
        assertEquals(List.of("A-T101-LT", "B-GT202"), adapter.mappings().stream().map(a -> a.pointId()).toList());
        assertTrue(adapter.mappings().get(1).address().contains("B-GT202"), adapter.mappings().toString());
        assertTrue(adapter.lastSampleAt() != null);
    }

    @Test
    void browsingShowsNodeIdsToMapAndCurrentValues() throws Exception {
        int port = freePort();
        server = new SimulatorServer("127.0.0.1", port, "/hazardwatch", pki, TankFarm.points());
        server.start();
        server.update(Map.of("A-T101-LT", 7.25));
        List<AddressSpaceBrowser.BrowsedNode> nodes = AddressSpaceBrowser.browse("opc.tcp://127.0.0.1:" + port + "/hazardwatch",
                null, 4, 5000);
        AddressSpaceBrowser.BrowsedNode level = nodes.stream().filter(n -> n.nodeId().endsWith("s=A-T101-LT")).findFirst()
                .orElseThrow(() -> new AssertionError("A-T101-LT not found in " + nodes));
        assertEquals("nsu=urn:hazardwatch:simulator;s=A-T101-LT", level.nodeId(), "the form the mapping files use");
        assertEquals("7.25", level.value());
        assertEquals("Good", level.status());
        // what the browse shows maps straight into an adapter
        adapter = adapter(port, Map.of("A-T101-LT", ExpandedNodeId.parse(level.nodeId())));
        adapter.start();
        await(Duration.ofSeconds(15), "ONLINE", () -> adapter.status() == AdapterStatus.ONLINE);
    }

    static OpcUaAdapterConfig config(String url, String mappingFile, double samplingMs) {
        return new OpcUaAdapterConfig() {
            @Override
            public Class<? extends java.lang.annotation.Annotation> annotationType() {
                return OpcUaAdapterConfig.class;
            }

            @Override
            public String name() {
                return "";
            }

            @Override
            public String endpoint_url() {
                return url;
            }

            @Override
            public String mapping_file() {
                return mappingFile;
            }

            @Override
            public double sampling_interval_ms() {
                return samplingMs;
            }

            @Override
            public double publishing_interval_ms() {
                return 1000;
            }

            @Override
            public long batch_interval_ms() {
                return 200;
            }

            @Override
            public int request_timeout_ms() {
                return 5000;
            }

            @Override
            public int reconnect_max_delay_s() {
                return 30;
            }

            @Override
            public String security_policy() {
                return "None";
            }

            @Override
            public String security_mode() {
                return "SignAndEncrypt";
            }

            @Override
            public String username() {
                return "";
            }

            @Override
            public String password() {
                return "";
            }

            @Override
            public String pki_dir() {
                return "";
            }
        };
    }

    static int moveAll(java.nio.file.Path from, java.nio.file.Path to) throws Exception {
        if (!java.nio.file.Files.isDirectory(from)) {
            return 0;
        }
        java.nio.file.Files.createDirectories(to);
        int moved = 0;
        try (var files = java.nio.file.Files.list(from)) {
            for (java.nio.file.Path file : files.toList()) {
                java.nio.file.Files.move(file, to.resolve(file.getFileName()));
                moved++;
            }
        }
        return moved;
    }

    static int count(java.nio.file.Path dir) {
        String[] names = dir.toFile().list();
        return names == null ? 0 : names.length;
    }

    @Test
    void basic256Sha256NeedsBothCertificatesTrustedAndTheRightPassword() throws Exception {
        int port = freePort();
        java.nio.file.Path serverPki = pki.resolve("server");
        java.nio.file.Path clientPki = pki.resolve("client");
        server = new SimulatorServer("127.0.0.1", port, "/hazardwatch", serverPki, TankFarm.points(), "collector", "s3cret-Pass");
        server.start();
        adapter = new OpcUaAdapter("secure", new OpcUaAdapter.Settings("opc.tcp://127.0.0.1:" + port + "/hazardwatch", 100, 100,
                50, 3000, 1, "Basic256Sha256", "SignAndEncrypt", "collector", "s3cret-Pass", clientPki), mapping("A-T101-LT"), sink);
        adapter.start();
        // neither side knows the other's certificate: the connection is refused and the certificates are set aside
        await(Duration.ofSeconds(20), "a certificate set aside for an operator",
                () -> count(serverPki.resolve("rejected")) + count(clientPki.resolve("rejected")) > 0);
        await(Duration.ofSeconds(20), "OFFLINE with the trust hint", () -> adapter.status() == AdapterStatus.OFFLINE
                && adapter.statusDetail().contains("Bad_SecurityChecksFailed") && adapter.statusDetail().contains("trust"));
        assertTrue(java.nio.file.Files.exists(clientPki.resolve("own/collector.der")), "the collector's certificate for the server");
        // the operators trust what was set aside, on both sides, until an encrypted, logged-in session runs
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        int trusted = 0;
        while (adapter.status() != AdapterStatus.ONLINE && System.nanoTime() < deadline) {
            trusted += moveAll(serverPki.resolve("rejected"), serverPki.resolve("trusted/certs"));
            trusted += moveAll(clientPki.resolve("rejected"), clientPki.resolve("trusted/certs"));
            Thread.sleep(200);
        }
        assertEquals(AdapterStatus.ONLINE, adapter.status(), adapter.statusDetail());
        assertEquals(2, trusted, "one certificate trusted on each side");
        server.update(Map.of("A-T101-LT", 4.5));
        await(Duration.ofSeconds(10), "a value over the secured session", () -> receivedValue("A-T101-LT", 4.5));
        adapter.stop();

        OpcUaAdapter wrongPassword = new OpcUaAdapter("secure", new OpcUaAdapter.Settings("opc.tcp://127.0.0.1:" + port
                + "/hazardwatch", 100, 100, 50, 3000, 1, "Basic256Sha256", "SignAndEncrypt", "collector", "wrong", clientPki),
                mapping("A-T101-LT"), sink);
        adapter = wrongPassword;
        wrongPassword.start();
        await(Duration.ofSeconds(20), "refused login", () -> wrongPassword.statusDetail().contains("Bad_UserAccessDenied")
                || wrongPassword.statusDetail().contains("Bad_IdentityTokenRejected")
                || wrongPassword.statusDetail().contains("Bad_IdentityTokenInvalid"));
        assertEquals(AdapterStatus.OFFLINE, wrongPassword.status());
    }

    @Test
    void aConfigurationThatCannotWorkIsNamedOptionByOption() throws Exception {
        java.nio.file.Path mapping = pki.resolve("mapping.csv");
        java.nio.file.Files.writeString(mapping, "pointId,nodeId\n");
        assertEquals(List.of(), OpcUaAdapterComponent.problems(config("opc.tcp://10.0.0.5:4840/plant", mapping.toString(), 1000)));
        List<String> problems = OpcUaAdapterComponent.problems(config("http://10.0.0.5/plant", pki.resolve("none.csv").toString(), 10));
        assertEquals(3, problems.size(), problems.toString());
        assertTrue(problems.get(0).startsWith("endpoint.url must be an opc.tcp://"), problems.toString());
        assertTrue(problems.get(1).contains("does not exist"), problems.toString());
        assertTrue(problems.get(2).startsWith("sampling.interval.ms"), problems.toString());

        adapter = adapter(4840, Map.of());
        adapter.refuse("configuration invalid: " + problems.get(0));
        assertEquals(AdapterStatus.OFFLINE, adapter.status());
        assertTrue(adapter.statusDetail().startsWith("configuration invalid: endpoint.url"));
    }

    @Test
    void operatorsSeeRejectedCertificatesAndTrustThemByFileName() throws Exception {
        java.nio.file.Path dir = pki.resolve("trust");
        java.nio.file.Files.createDirectories(dir.resolve("rejected"));
        ClientKeys someone = ClientKeys.loadOrCreate(pki.resolve("someone"), "urn:someone");
        java.nio.file.Files.write(dir.resolve("rejected/someone.der"), someone.certificate().getEncoded());
        TrustStore store = new TrustStore(dir);
        assertEquals(1, store.list().size());
        assertEquals(false, store.list().get(0).trusted());
        assertTrue(store.list().get(0).subject().contains("HazardWatch collector"), store.list().toString());
        assertEquals(40, store.list().get(0).sha1().length());
        store.trust("someone.der");
        assertEquals(true, store.list().get(0).trusted());
        assertTrue(java.nio.file.Files.exists(dir.resolve("trusted/certs/someone.der")));
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, () -> store.trust("someone.der"));
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, () -> store.trust("../own/collector.p12"));
    }

    @Test
    void theAdapterHasNoWritePathToThePlant() {
        for (Class<?> type : List.of(ProtocolAdapter.class, OpcUaAdapter.class, OpcUaAdapterComponent.class)) {
            for (Method method : type.getMethods()) {
                String lower = method.getName().toLowerCase(Locale.ROOT);
                assertTrue(!lower.contains("write") && !lower.contains("call"), type.getSimpleName() + "." + method.getName());
            }
        }
    }

    @Test
    void mappingFilesReportBadRows() throws Exception {
        PointMapping mapping = PointMapping.parse(new StringReader("""
                # comment
                pointId,nodeId
                A-T101-LT,nsu=urn:hazardwatch:simulator;s=A-T101-LT
                A-T101-TT,ns=2;i=17
                broken
                X,not a node id ;;
                A-T101-LT,ns=2;s=again
                """));
        assertEquals(2, mapping.nodesByPoint().size());
        assertEquals(3, mapping.errors().size(), mapping.errors().toString());
        assertTrue(mapping.errors().get(0).startsWith("line 5: expected"));
        assertTrue(mapping.errors().get(2).contains("mapped twice"));
    }

    @Test
    void instanceNamesComeFromTheConfigFileName() {
        assertEquals("plant1", OpcUaAdapterComponent.instanceName("", Map.of("felix.fileinstall.filename",
                "file:/opt/hw/etc/org.hazardwatch.adapter.opcua-plant1.cfg")));
        assertEquals("explicit", OpcUaAdapterComponent.instanceName("explicit", Map.of()));
        assertEquals("simulator", OpcUaAdapterComponent.instanceName("", Map.of("service.pid",
                "org.hazardwatch.adapter.opcua~simulator")));
        assertTrue(Arrays.asList(AdapterStatus.values()).contains(AdapterStatus.DEGRADED));
    }
}
