package ${package}.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;

import org.hazardwatch.api.adapter.AdapterStatus;
import org.hazardwatch.api.model.Quality;
import org.hazardwatch.api.model.Sample;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.sun.net.httpserver.HttpServer;

/** The adapter against a real device stand-in on loopback: the JDK's HTTP server answering tag=value lines. */
class ${adapterClass}AdapterTest {

    private final List<Sample> received = new CopyOnWriteArrayList<>();
    private HttpServer device;
    private ${adapterClass}Adapter adapter;
    private volatile String page = "LT101=8.25\nTT101=not-a-number\nOTHER=1\n";

    @AfterEach
    void tearDown() {
        if (adapter != null) {
            adapter.stop();
        }
        if (device != null) {
            device.stop(0);
        }
    }

    private void startDevice() throws Exception {
        device = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        device.createContext("/values", exchange -> {
            byte[] body = page.getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        device.start();
    }

    private static void await(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting until " + what);
            }
            Thread.sleep(20);
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
    void readsMappedValuesAndMarksUnreadableOnesBad() throws Exception {
        startDevice();
        String url = "http://127.0.0.1:" + device.getAddress().getPort() + "/values";
        adapter = new ${adapterClass}Adapter("test", new ${adapterClass}Adapter.Settings(url, 100, 1000),
                Map.of("LT101", "A-T101-LT", "TT101", "A-T101-TT"), received::addAll, List.of());
        adapter.start();
        await("both points read", () -> latest("A-T101-LT") != null && latest("A-T101-TT") != null);
        assertEquals(8.25, latest("A-T101-LT").value());
        assertEquals(Quality.GOOD, latest("A-T101-LT").quality());
        assertEquals(Quality.BAD, latest("A-T101-TT").quality(), "not a number: stored as BAD");
        assertEquals(AdapterStatus.DEGRADED, adapter.status());
        page = "LT101=9\n";
        await("a missing tag degrades", () -> adapter.statusDetail().contains("1 mapped tags are not in its answer"));
        page = "LT101=9\nTT101=21.5\n";
        await("online", () -> adapter.status() == AdapterStatus.ONLINE);
        assertEquals("adapter:${adapterType}-test", adapter.componentName());
    }

    @Test
    void aDeviceThatIsGoneIsOfflineWithTheReason() throws Exception {
        startDevice();
        String url = "http://127.0.0.1:" + device.getAddress().getPort() + "/values";
        device.stop(0);
        device = null;
        adapter = new ${adapterClass}Adapter("test", new ${adapterClass}Adapter.Settings(url, 100, 500), Map.of("LT101", "P"),
                received::addAll, List.of());
        adapter.start();
        await("offline", () -> adapter.status() == AdapterStatus.OFFLINE);
        assertTrue(adapter.statusDetail().startsWith("reading " + url + " failed"), adapter.statusDetail());
        assertTrue(received.isEmpty());
    }

    @Test
    void badOptionsAreNamed() {
        List<String> problems = ${adapterClass}AdapterComponent.problems("ftp://device", "", 10, 50);
        assertEquals(List.of("url must be an http:// or https:// URL, not 'ftp://device'", "mapping.file is required",
                "poll.interval.ms must be at least 100", "request.timeout.ms must be at least 100"), problems);
        adapter = new ${adapterClass}Adapter("test", new ${adapterClass}Adapter.Settings("ftp://device", 10, 50), Map.of(),
                received::addAll, problems);
        adapter.start();
        assertEquals(AdapterStatus.OFFLINE, adapter.status());
        assertTrue(adapter.statusDetail().startsWith("configuration invalid: url must be"));
    }
}
