package org.hazardwatch.adapter.modbus.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import org.hazardwatch.api.adapter.AdapterStatus;
import org.hazardwatch.api.model.Quality;
import org.hazardwatch.api.model.Sample;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The adapter against npm's modbus-serial (tools/test-peers), a Modbus implementation of a third party run by Node.js:
 * its TCP server on loopback, and its RTU server on a serial line made of a socat pseudo-terminal pair. The test
 * command installs the package (.ci/ensure-test-services); without Node.js, the package or socat a test is skipped
 * with a loud reason.
 */
class ModbusNodePeerTest {

    private static final Path PEERS = Path.of("../../tools/test-peers");
    private final List<Process> processes = new ArrayList<>();

    @AfterEach
    void stopPeers() throws InterruptedException {
        for (Process process : processes) {
            process.destroy();
            process.waitFor(5, TimeUnit.SECONDS);
        }
    }

    private static void requirePeers() {
        boolean installed = Files.isDirectory(PEERS.resolve("node_modules/modbus-serial"));
        if (!installed) {
            System.err.println("!!!!!!!! npm modbus-serial is not installed in tools/test-peers (run .ci/ensure-test-services):"
                    + " the Modbus peer test is SKIPPED !!!!!!!!");
        }
        Assumptions.assumeTrue(installed, "npm modbus-serial not installed in tools/test-peers");
    }

    /** Starts a process and waits for its READY line. */
    private Process start(Path directory, String... command) throws IOException {
        Process process = new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true).start();
        processes.add(process);
        BufferedReader output = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        assertEquals("READY", output.readLine(), String.join(" ", command) + " did not start");
        return process;
    }

    @Test
    void modbusTcp() throws Exception {
        requirePeers();
        int port = TestModbusDevice.freePort();
        start(PEERS, "node", "modbus-server.mjs", String.valueOf(port));
        readEverything("tcp 127.0.0.1:" + port, new Plc4xRegisterReader("modbus-tcp:tcp://127.0.0.1:" + port + "?request-timeout=1000", 1,
                1000));
    }

    @Test
    void modbusRtuOnASerialLine() throws Exception {
        requirePeers();
        boolean socat = Files.isExecutable(Path.of("/usr/bin/socat"));
        if (!socat) {
            System.err.println("!!!!!!!! no /usr/bin/socat (Debian package socat): the Modbus RTU serial test is SKIPPED !!!!!!!!");
        }
        Assumptions.assumeTrue(socat, "socat not installed");
        Path directory = Files.createTempDirectory("hw-serial");
        Path adapterSide = directory.resolve("ttyA");
        Path deviceSide = directory.resolve("ttyB");
        Process pair = new ProcessBuilder("/usr/bin/socat", "pty,raw,echo=0,link=" + adapterSide, "pty,raw,echo=0,link=" + deviceSide)
                .redirectErrorStream(true).start();
        processes.add(pair);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (!(Files.exists(adapterSide) && Files.exists(deviceSide)) && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        start(PEERS, "node", "modbus-rtu-server.mjs", deviceSide.toString(), "19200");
        readEverything("rtu " + adapterSide + " 19200 8N1", new SerialRtuRegisterReader(
                new SerialRtuRegisterReader.Line(adapterSide.toRealPath().toString(), 19200, 8, "none", 1), 1000));
    }

    /** Reads the peers' register map (tools/test-peers/modbus-map.mjs) and checks every value. */
    private static void readEverything(String endpoint, RegisterReader reader) throws Exception {
        List<Sample> received = new CopyOnWriteArrayList<>();
        String map = String.join("\n", "F_ABCD,,holding,0,float32", "F_CDAB,,holding,2,float32,CDAB", "I16,,holding,4,int16,,0.5",
                "U32,,holding,6,uint32", "F64,,holding,8,float64", "IR,,input,42,uint16,,0.1,1", "C4,,coil,4,bool",
                "C5,,coil,5,bool", "D3,,discrete,3,bool", "MISSING,,holding,150,int16");
        List<RegisterPoint> points = RegisterMap.parse(new StringReader(map), new RegisterMap.Defaults(1, 300)).points();
        ModbusAdapter adapter = new ModbusAdapter("peer", endpoint, reader, points,
                new ModbusAdapter.Settings(0, 125), received::addAll, List.of());
        adapter.start();
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            while (received.stream().map(Sample::pointId).distinct().count() < points.size() && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            Map<String, Sample> latest = new HashMap<>();
            received.forEach(s -> latest.put(s.pointId(), s));
            assertEquals(points.size(), latest.size(), "every point read: " + latest.keySet() + "; " + adapter.statusDetail());
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
            assertTrue(adapter.statusDetail().contains("unit 1 holding 150: illegal data address")
                    || adapter.statusDetail().contains("unit 1 holding 150: refused by the device with an exception"),
                    adapter.statusDetail());
        } finally {
            adapter.stop();
        }
    }
}
