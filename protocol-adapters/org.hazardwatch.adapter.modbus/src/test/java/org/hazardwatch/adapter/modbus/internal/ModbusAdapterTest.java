package org.hazardwatch.adapter.modbus.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;

import org.hazardwatch.api.adapter.AdapterStatus;
import org.hazardwatch.api.ingest.SampleSink;
import org.hazardwatch.api.model.Quality;
import org.hazardwatch.api.model.Sample;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The adapter with PLC4X against a Modbus device of another implementation (digitalpetri) on loopback. */
class ModbusAdapterTest {

    private final List<Sample> received = new CopyOnWriteArrayList<>();
    private final SampleSink sink = received::addAll;
    private TestModbusDevice device;
    private ModbusAdapter adapter;

    @AfterEach
    void tearDown() throws Exception {
        if (adapter != null) {
            adapter.stop();
        }
        if (device != null) {
            device.close();
        }
    }

    private static List<RegisterPoint> map(String... rows) throws IOException {
        RegisterMap map = RegisterMap.parse(new StringReader(String.join("\n", rows)), new RegisterMap.Defaults(1, 200));
        assertEquals(List.of(), map.errors());
        return map.points();
    }

    private ModbusAdapter adapter(String transport, int port, List<RegisterPoint> points) {
        String url = ("tcp".equals(transport) ? "modbus-tcp:tcp://" : "modbus-rtu:tcp://") + "127.0.0.1:" + port
                + "?request-timeout=1000";
        return new ModbusAdapter("test", transport + " 127.0.0.1:" + port, new Plc4xRegisterReader(url, 1, 1000), points,
                new ModbusAdapter.Settings(0, 125), sink, List.of());
    }

    private Sample latest(String pointId) {
        List<Sample> of = received.stream().filter(s -> s.pointId().equals(pointId)).toList();
        return of.isEmpty() ? null : of.get(of.size() - 1);
    }

    private static void await(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting until " + what);
            }
            Thread.sleep(50);
        }
    }

    private static int[] float32(float value, RegisterOrder order) {
        int bits = Float.floatToIntBits(value);
        int high = bits >>> 16;
        int low = bits & 0xFFFF;
        return switch (order) {
            case ABCD -> new int[] { high, low };
            case CDAB -> new int[] { low, high };
            case BADC -> new int[] { swap(high), swap(low) };
            case DCBA -> new int[] { swap(low), swap(high) };
        };
    }

    private static int swap(int word) {
        return ((word & 0xFF) << 8) | (word >>> 8);
    }

    @Test
    void readsEveryTypeOrderTableAndUnitFromAnotherImplementation() throws Exception {
        device = TestModbusDevice.start(TestModbusDevice.freePort(), false, 1, 2);
        device.holding(1, 0, float32(21.5f, RegisterOrder.ABCD));
        device.holding(1, 2, float32(-3.25f, RegisterOrder.CDAB));
        device.holding(1, 4, float32(0.75f, RegisterOrder.BADC));
        device.holding(1, 6, float32(1234.5f, RegisterOrder.DCBA));
        device.holding(1, 8, 0xFF38); // int16 -200, x0.1
        device.holding(1, 9, 65000);
        long doubleBits = Double.doubleToLongBits(1.0e6 + 0.125);
        device.holding(1, 10, (int) (doubleBits >>> 48) & 0xFFFF, (int) (doubleBits >>> 32) & 0xFFFF,
                (int) (doubleBits >>> 16) & 0xFFFF, (int) doubleBits & 0xFFFF);
        device.input(1, 20, 0x0001, 0x86A0); // uint32 100000
        device.input(1, 22, 0xFFFF, 0xFFF6); // int32 -10
        device.coil(1, 5, true);
        device.holding(2, 0, 2400); // a second unit behind the same connection, as behind a gateway
        adapter = adapter("tcp", device.port(), map(
                "F_ABCD,,holding,0,float32,ABCD", "F_CDAB,,holding,2,float32,CDAB", "F_BADC,,holding,4,float32,BADC",
                "F_DCBA,,holding,6,float32,DCBA", "I16,,holding,8,int16,,0.1", "U16,,holding,9,uint16",
                "F64,,holding,10,float64", "U32,,input,20,uint32", "I32,,input,22,int32", "ALARM,,coil,5,bool",
                "OFF,,coil,6,bool", "U2,2,holding,0,uint16,,0.01,-4"));
        adapter.start();
        await("all points read", () -> Stream.of("F_ABCD", "U2", "ALARM").allMatch(p -> latest(p) != null));
        Map<String, Double> expected = Map.ofEntries(Map.entry("F_ABCD", 21.5), Map.entry("F_CDAB", -3.25),
                Map.entry("F_BADC", 0.75), Map.entry("F_DCBA", 1234.5), Map.entry("I16", -20.0), Map.entry("U16", 65000.0),
                Map.entry("F64", 1.0e6 + 0.125), Map.entry("U32", 100000.0), Map.entry("I32", -10.0),
                Map.entry("ALARM", 1.0), Map.entry("OFF", 0.0), Map.entry("U2", 20.0));
        expected.forEach((point, value) -> {
            assertEquals(value, latest(point).value(), 1e-9, point);
            assertEquals(Quality.GOOD, latest(point).quality(), point);
        });
        assertEquals(AdapterStatus.ONLINE, adapter.status(), adapter.statusDetail());
        assertTrue(adapter.statusDetail().contains("12 points in 4 requests"), adapter.statusDetail());
        assertEquals(12, adapter.mappings().size());
        assertEquals("unit 1 holding 2 float32 CDAB @200ms",
                adapter.mappings().stream().filter(m -> m.pointId().equals("F_CDAB")).findFirst().orElseThrow().address());
    }

    @Test
    void registersTheDeviceRefusesGiveBadSamplesForExactlyTheirPoints() throws Exception {
        device = TestModbusDevice.start(TestModbusDevice.freePort(), false, 1);
        device.holding(1, 0, 500);
        adapter = adapter("tcp", device.port(), map("OK,,holding,0,int16", "GONE,,holding," + (TestModbusDevice.SIZE - 1)
                + ",float32", "NOUNIT,9,holding,0,int16"));
        adapter.start();
        await("a bad sample for the missing registers", () -> latest("GONE") != null && latest("OK") != null);
        assertEquals(Quality.BAD, latest("GONE").quality());
        assertTrue(Double.isNaN(latest("GONE").value()));
        assertEquals(Quality.GOOD, latest("OK").quality());
        assertEquals(500, latest("OK").value());
        await("degraded", () -> adapter.status() == AdapterStatus.DEGRADED);
        assertTrue(adapter.statusDetail().contains("refused"), adapter.statusDetail());
    }

    @Test
    void reconnectsAfterTheDeviceRestartsAndReportsWhyItWasOffline() throws Exception {
        int port = TestModbusDevice.freePort();
        device = TestModbusDevice.start(port, false, 1);
        device.holding(1, 0, 100);
        adapter = adapter("tcp", port, map("P,,holding,0,int16"));
        adapter.start();
        await("online", () -> adapter.status() == AdapterStatus.ONLINE);
        device.stop();
        await("offline", () -> adapter.status() == AdapterStatus.OFFLINE);
        assertTrue(adapter.statusDetail().contains("127.0.0.1:" + port), adapter.statusDetail());
        device.holding(1, 0, 222);
        device.start();
        await("values after the restart", () -> latest("P") != null && latest("P").value() == 222);
        await("online again", () -> adapter.status() == AdapterStatus.ONLINE);
    }

    @Test
    void rtuFramesThroughASerialDeviceServer() throws Exception {
        device = TestModbusDevice.start(TestModbusDevice.freePort(), true, 7);
        device.input(7, 3, float32(42.25f, RegisterOrder.CDAB));
        adapter = adapter("rtu-over-tcp", device.port(), map("GT,7,input,3,float32,CDAB"));
        adapter.start();
        await("read over RTU framing", () -> latest("GT") != null);
        assertEquals(42.25, latest("GT").value());
        assertEquals(Quality.GOOD, latest("GT").quality());
    }

    @Test
    void aChangedMapAppliesWithoutRestart() throws Exception {
        device = TestModbusDevice.start(TestModbusDevice.freePort(), false, 1);
        device.holding(1, 0, 1, 2);
        adapter = adapter("tcp", device.port(), map("A,,holding,0,int16"));
        adapter.start();
        await("A read", () -> latest("A") != null);
        adapter.replacePoints(map("B,,holding,1,int16"));
        received.clear();
        await("B read", () -> latest("B") != null);
        Thread.sleep(500);
        assertFalse(received.stream().anyMatch(s -> s.pointId().equals("A")), "A is no longer polled");
        assertEquals(2, latest("B").value());
    }

    @Test
    void anUnreachableDeviceIsOfflineWithTheReason() throws Exception {
        int closedPort = TestModbusDevice.freePort();
        adapter = adapter("tcp", closedPort, map("P,,holding,0,int16"));
        adapter.start();
        await("offline", () -> adapter.status() == AdapterStatus.OFFLINE);
        assertTrue(adapter.statusDetail().startsWith("cannot connect to tcp 127.0.0.1:" + closedPort), adapter.statusDetail());
        assertTrue(received.isEmpty());
    }

    @Test
    void theProbeShowsEveryReadingOfARange() throws Exception {
        device = TestModbusDevice.start(TestModbusDevice.freePort(), false, 3);
        device.holding(3, 10, float32(-3.25f, RegisterOrder.CDAB));
        List<RegisterProbe.Row> rows = RegisterProbe.read("modbus-tcp:tcp://127.0.0.1:" + device.port(), 3, ModbusTable.HOLDING,
                10, 3, 1000);
        assertEquals(3, rows.size());
        assertEquals("-3.25000", rows.get(0).float32Cdab(), "the word-swapped float reads right only as CDAB");
        assertEquals("0x0000", rows.get(0).raw());
        assertEquals("", rows.get(2).float32Abcd(), "no pair at the end of the range");
        IllegalStateException refused = org.junit.jupiter.api.Assertions.assertThrows(IllegalStateException.class,
                () -> RegisterProbe.read("modbus-tcp:tcp://127.0.0.1:" + device.port(), 3, ModbusTable.HOLDING,
                        TestModbusDevice.SIZE - 1, 2, 1000));
        assertTrue(refused.getMessage().contains("illegal data address"), refused.getMessage());
    }

    /** Requirement H5: the bundle's code never builds a write request, though PLC4X offers one. */
    @Test
    void theAdapterNeverWrites() throws IOException {
        try (Stream<Path> classes = Files.walk(Path.of("target/classes/org/hazardwatch/adapter/modbus"))) {
            for (Path file : classes.filter(f -> f.toString().endsWith(".class")).toList()) {
                String text = new String(Files.readAllBytes(file), java.nio.charset.StandardCharsets.ISO_8859_1);
                assertFalse(text.contains("writeRequestBuilder") || text.contains("PlcWriteRequest"), file + " writes");
            }
        }
    }
}
