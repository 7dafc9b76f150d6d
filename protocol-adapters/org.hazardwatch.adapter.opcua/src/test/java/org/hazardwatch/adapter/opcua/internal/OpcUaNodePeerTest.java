package org.hazardwatch.adapter.opcua.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import org.eclipse.milo.opcua.stack.core.types.builtin.ExpandedNodeId;
import org.hazardwatch.api.adapter.AdapterStatus;
import org.hazardwatch.api.model.Quality;
import org.hazardwatch.api.model.Sample;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The adapter against node-opcua (tools/test-peers/opcua-server.mjs), an OPC UA server of another implementation run
 * by Node.js on loopback: values, status codes mapped to quality, and reconnecting and subscribing again after the
 * server restarts. The test command installs the package (.ci/ensure-test-services); without it the test is skipped
 * with a loud reason.
 */
class OpcUaNodePeerTest {

    private static final Path PEERS = Path.of("../../tools/test-peers");
    private final List<Sample> received = new CopyOnWriteArrayList<>();
    private Process server;
    private OpcUaAdapter adapter;

    @AfterEach
    void stop() throws InterruptedException {
        if (adapter != null) {
            adapter.stop();
        }
        stopServer();
    }

    private void startServer(int port) throws IOException {
        server = new ProcessBuilder("node", "opcua-server.mjs", String.valueOf(port)).directory(PEERS.toFile())
                .redirectErrorStream(true).start();
        BufferedReader output = new BufferedReader(new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8));
        String line;
        while ((line = output.readLine()) != null && !line.equals("READY")) {
            // node-opcua prints warnings about the Node.js version first
        }
        assertEquals("READY", line, "the node-opcua server did not start");
        Thread drain = new Thread(() -> {
            try {
                output.transferTo(java.io.Writer.nullWriter());
            } catch (IOException ignored) {
                // the server went away
            }
        });
        drain.setDaemon(true);
        drain.start();
    }

    private void stopServer() throws InterruptedException {
        if (server != null) {
            server.destroy();
            server.waitFor(10, TimeUnit.SECONDS);
            server = null;
        }
    }

    private Sample latest(String pointId) {
        Sample found = null;
        for (Sample sample : received) {
            if (sample.pointId().equals(pointId)) {
                found = sample;
            }
        }
        return found;
    }

    @Test
    void valuesQualityAndResubscribingAfterARestart() throws Exception {
        boolean installed = Files.isDirectory(PEERS.resolve("node_modules/node-opcua-server"));
        if (!installed) {
            System.err.println("!!!!!!!! node-opcua is not installed in tools/test-peers (run .ci/ensure-test-services):"
                    + " the OPC UA peer test is SKIPPED !!!!!!!!");
        }
        Assumptions.assumeTrue(installed, "node-opcua not installed in tools/test-peers");
        int port = OpcUaAdapterTest.freePort();
        startServer(port);
        Map<String, ExpandedNodeId> mapping = new LinkedHashMap<>();
        for (String tag : List.of("LT101", "PT101", "TT101", "AT101")) {
            mapping.put("P-" + tag, ExpandedNodeId.parse("nsu=urn:hazardwatch:peer;s=" + tag));
        }
        adapter = new OpcUaAdapter("peer", new OpcUaAdapter.Settings("opc.tcp://127.0.0.1:" + port + "/peer", 200, 200, 50, 3000,
                2), mapping, received::addAll);
        adapter.start();
        OpcUaAdapterTest.await(Duration.ofSeconds(30), "all four read",
                () -> mapping.keySet().stream().allMatch(p -> latest(p) != null));
        assertEquals(AdapterStatus.ONLINE, adapter.status(), adapter.statusDetail());
        assertEquals(Quality.GOOD, latest("P-LT101").quality());
        assertTrue(latest("P-LT101").value() >= 8 && latest("P-LT101").value() <= 9, latest("P-LT101").toString());
        assertEquals(1.25, latest("P-PT101").value(), "a Float node reads as its double value");
        assertEquals(Quality.BAD, latest("P-TT101").quality(), "BadSensorFailure");
        assertEquals(Quality.UNCERTAIN, latest("P-AT101").quality(), "UncertainLastUsableValue");

        stopServer();
        OpcUaAdapterTest.await(Duration.ofSeconds(30), "the lost server noticed", () -> adapter.status() != AdapterStatus.ONLINE);
        Instant restarted = Instant.now();
        startServer(port);
        OpcUaAdapterTest.await(Duration.ofSeconds(60), "readings of the restarted server",
                () -> received.stream().anyMatch(s -> s.pointId().equals("P-LT101") && s.timestamp().isAfter(restarted)));
        OpcUaAdapterTest.await(Duration.ofSeconds(10), "ONLINE again", () -> adapter.status() == AdapterStatus.ONLINE);
    }
}
