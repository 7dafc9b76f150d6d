package org.hazardwatch.adapter.modbus.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import org.hazardwatch.api.adapter.AdapterStatus;
import org.hazardwatch.api.model.Quality;
import org.hazardwatch.api.model.Sample;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The adapter against npm's modbus-serial (tools/test-peers/modbus-server.mjs), a Modbus TCP slave of a third
 * implementation, run by Node.js on loopback. The test command installs it (.ci/ensure-test-services); without Node.js
 * or the package the test is skipped with a loud reason.
 */
class ModbusNodePeerTest {

    private static final Path PEERS = Path.of("../../tools/test-peers");
    private static Process server;
    private static int port;

    @BeforeAll
    static void startPeer() throws Exception {
        boolean installed = Files.isDirectory(PEERS.resolve("node_modules/modbus-serial"));
        if (!installed) {
            System.err.println("!!!!!!!! npm modbus-serial is not installed in tools/test-peers (run .ci/ensure-test-services):"
                    + " the Modbus peer test is SKIPPED !!!!!!!!");
        }
        Assumptions.assumeTrue(installed, "npm modbus-serial not installed in tools/test-peers");
        port = TestModbusDevice.freePort();
        server = new ProcessBuilder("node", "modbus-server.mjs", String.valueOf(port)).directory(PEERS.toFile())
                .redirectErrorStream(true).start();
        BufferedReader output = new BufferedReader(new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8));
        String line = output.readLine();
        assertEquals("READY", line, "the modbus-serial server did not start");
    }

    @AfterAll
    static void stopPeer() throws InterruptedException {
        if (server != null) {
            server.destroy();
            server.waitFor(5, TimeUnit.SECONDS);
        }
    }

    @Test
    void readsTypesOrdersTablesAndRefusalsFromModbusSerial() throws Exception {
        List<Sample> received = new CopyOnWriteArrayList<>();
        String map = String.join("\n", "F_ABCD,,holding,0,float32", "F_CDAB,,holding,2,float32,CDAB", "I16,,holding,4,int16,,0.5",
                "U32,,holding,6,uint32", "F64,,holding,8,float64", "IR,,input,42,uint16,,0.1,1", "C4,,coil,4,bool",
                "C5,,coil,5,bool", "D3,,discrete,3,bool", "MISSING,,holding,150,int16");
        List<RegisterPoint> points = RegisterMap.parse(new StringReader(map), new RegisterMap.Defaults(1, 200)).points();
        ModbusAdapter adapter = new ModbusAdapter("peer", "tcp 127.0.0.1:" + port,
                new Plc4xRegisterReader("modbus-tcp:tcp://127.0.0.1:" + port + "?request-timeout=1000", 1, 1000), points,
                new ModbusAdapter.Settings(0, 125), received::addAll, List.of());
        adapter.start();
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            while (received.stream().map(Sample::pointId).distinct().count() < points.size() && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            Map<String, Sample> latest = new java.util.HashMap<>();
            received.forEach(s -> latest.put(s.pointId(), s));
            assertEquals(123.456, latest.get("F_ABCD").value(), 1e-4);
            assertEquals(123.456, latest.get("F_CDAB").value(), 1e-4);
            assertEquals(-100.0, latest.get("I16").value());
            assertEquals(100000.0, latest.get("U32").value());
            assertEquals(-2.5e-3, latest.get("F64").value());
            assertEquals(5.2, latest.get("IR").value(), 1e-9);
            assertEquals(1.0, latest.get("C4").value());
            assertEquals(0.0, latest.get("C5").value());
            assertEquals(1.0, latest.get("D3").value());
            assertEquals(Quality.GOOD, latest.get("F64").quality());
            assertEquals(Quality.BAD, latest.get("MISSING").quality(), "modbus-serial answers exception 02 above register 99");
            assertEquals(AdapterStatus.DEGRADED, adapter.status());
            assertTrue(adapter.statusDetail().contains("unit 1 holding 150: illegal data address"), adapter.statusDetail());
        } finally {
            adapter.stop();
        }
    }
}
