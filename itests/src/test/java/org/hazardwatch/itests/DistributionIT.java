package org.hazardwatch.itests;

import static org.hazardwatch.itests.HazardWatchInstance.await;
import static org.hazardwatch.itests.HazardWatchInstance.unchecked;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The default edition (county, simulator on, H2) end to end: the simulated plant's OPC UA server -> adapter ->
 * Camel route -> broker queue -> database -> REST -> web page, plus the shell commands, hot swap of the adapter
 * feature and hot deployment of route files.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DistributionIT {

    static final String GAS = "B-GT201";
    static final String ENTERPRISE = "91370281MA3HW2026N";
    HazardWatchInstance hw;

    @BeforeAll
    void boot() throws Exception {
        hw = new HazardWatchInstance("county", Map.of("HAZARDWATCH_LEVEL", "county", "HAZARDWATCH_SIMULATOR", "true"));
        long millis = hw.start();
        System.out.println("[measure] boot until /api/health answers: " + millis + " ms (./hazardwatch start, first start)");
    }

    @AfterAll
    void stop() throws Exception {
        if (hw != null) {
            hw.close();
        }
    }

    JsonNode point(String id) throws Exception {
        for (JsonNode point : hw.getJson("/api/points")) {
            if (point.get("id").asText().equals(id)) {
                return point;
            }
        }
        throw new AssertionError("no point " + id);
    }

    private static JsonNode adapter(JsonNode adapters, String type) {
        for (JsonNode adapter : adapters) {
            if (adapter.get("type").asText().equals(type)) {
                return adapter;
            }
        }
        throw new AssertionError("no " + type + " adapter in " + adapters);
    }

    @Test
    @Order(1)
    void healthReportsEveryComponentUp() throws Exception {
        await(Duration.ofSeconds(90), "adapter and simulator up", unchecked(() -> {
            JsonNode health = HazardWatchInstance.JSON.readTree(hw.request("GET", "/api/health", null, false).body());
            return "UP".equals(health.get("status").asText())
                    && health.path("components").path("adapter:opcua-simulator").path("status").asText().equals("UP")
                    && health.path("components").path("adapter:modbus-simulator").path("status").asText().equals("UP");
        }));
        HttpResponse<String> response = hw.request("GET", "/api/health", null, false);
        assertEquals(200, response.statusCode());
        JsonNode components = HazardWatchInstance.JSON.readTree(response.body()).get("components");
        for (String component : new String[] { "database", "broker", "ingest", "simulator", "adapter:opcua-simulator",
                "adapter:modbus-simulator" }) {
            assertEquals("UP", components.path(component).path("status").asText(), component + " in " + components);
        }
        assertTrue(components.get("database").get("detail").asText().startsWith("H2"));
        assertTrue(components.get("failover").get("detail").asText().startsWith("standalone"), "no standby configured");
    }

    @Test
    @Order(2)
    void theApiNeedsALoginAndAnswersBadInputWithJsonErrors() throws Exception {
        HttpResponse<String> anonymous = hw.request("GET", "/api/points", null, false);
        assertEquals(401, anonymous.statusCode());
        assertEquals("login required", HazardWatchInstance.JSON.readTree(anonymous.body()).get("message").asText());
        HttpResponse<String> wrong = hw.request("POST", "/api/auth/login", "{\"username\":\"admin\",\"password\":\"nope\"}", false);
        assertEquals(401, wrong.statusCode());
        assertEquals("wrong username or password", HazardWatchInstance.JSON.readTree(wrong.body()).get("message").asText());
        HttpResponse<String> malformed = hw.request("POST", "/api/auth/login", "{\"username\": ", false);
        assertEquals(400, malformed.statusCode(), malformed.body());
        assertTrue(HazardWatchInstance.JSON.readTree(malformed.body()).get("message").asText().startsWith("malformed JSON"));
        HttpResponse<String> missing = hw.request("POST", "/api/auth/login", "{\"username\":\"admin\"}", false);
        assertEquals(400, missing.statusCode());
        HttpResponse<String> forged = hw.request("GET", "/api/alarms", null, false);
        assertEquals(401, forged.statusCode());

        HttpResponse<String> badTime = hw.request("GET", "/api/points/" + GAS + "/history?from=yesterday", null, true);
        assertEquals(400, badTime.statusCode());
        assertFalse(badTime.body().contains("Exception"), badTime.body());
        assertTrue(badTime.body().contains("ISO-8601"));
        assertEquals(404, hw.request("GET", "/api/points/NO-SUCH-POINT", null, true).statusCode());
        assertEquals(400, hw.request("GET", "/api/alarms?state=MAYBE", null, true).statusCode());
        assertEquals(400, hw.request("GET", "/api/alarms?size=-5", null, true).statusCode());
        assertEquals(400, hw.request("GET", "/api/alarms?kind=HIGH,SIDEWAYS", null, true).statusCode());
        assertEquals(404, hw.request("GET", "/api/alarms/987654", null, true).statusCode());
        assertEquals(404, hw.request("POST", "/api/alarms/987654/ack", "{}", true).statusCode());
        assertEquals(400, hw.request("POST", "/api/alarms/ack", "{\"ids\":[]}", true).statusCode());
        assertEquals(400, hw.request("GET", "/api/live?topics=gossip", null, true).statusCode());
        assertEquals(401, hw.request("GET", "/api/live", null, false).statusCode());
        assertEquals(404, hw.request("GET", "/api/nothing-here", null, true).statusCode());
        assertEquals("no-store", hw.request("GET", "/api/points", null, true).headers().firstValue("Cache-Control").orElse(""));

        HttpResponse<String> me = hw.request("GET", "/api/auth/me", null, true);
        assertEquals("admin", HazardWatchInstance.JSON.readTree(me.body()).get("username").asText());
        JsonNode openapi = HazardWatchInstance.JSON.readTree(hw.request("GET", "/api/openapi.json", null, false).body());
        assertEquals("3.0.3", openapi.get("openapi").asText());
        assertTrue(openapi.get("paths").has("/points/{id}/history"));
    }

    @Test
    @Order(3)
    void simulatorValuesArriveAndKeepChanging() throws Exception {
        await(Duration.ofSeconds(30), "values for all 16 points", unchecked(() -> {
            JsonNode points = hw.getJson("/api/points");
            if (points.size() != 16) {
                return false;
            }
            for (JsonNode point : points) {
                if (point.get("value").isNull() || !"GOOD".equals(point.get("quality").asText())) {
                    return false;
                }
            }
            return true;
        }));
        JsonNode first = point("A-T101-LT");
        assertEquals("m", first.get("unit").asText());
        assertEquals("T101液氨储罐液位", first.get("name").asText());
        Instant firstTime = Instant.parse(first.get("timestamp").asText());
        await(Duration.ofSeconds(15), "a newer sample", unchecked(() ->
                Instant.parse(point("A-T101-LT").get("timestamp").asText()).isAfter(firstTime)));
        JsonNode history = hw.getJson("/api/points/A-T101-LT/history");
        assertTrue(history.get("samples").size() >= 2, history.toString());
        assertEquals("m", history.get("unit").asText());
    }

    JsonNode openAlarm(String pointId, String kind) throws Exception {
        for (JsonNode alarm : hw.getJson("/api/alarms?state=OPEN&pointId=" + pointId).get("items")) {
            if (alarm.get("kind").asText().equals(kind)) {
                return alarm;
            }
        }
        return null;
    }

    /**
     * A gas detector over both levels raises its first-level (HIGH) and second-level (HIGH_HIGH) alarms, pushed live
     * over server-sent events; operators acknowledge them through REST and the shell, attributed; releasing returns
     * them to normal (after the 15 s delay-off of gas detectors) and the journal shows each step.
     */
    @Test
    @Order(4)
    void aForcedExcursionRaisesBothGasAlarmsLiveAndOperatorsAcknowledgeThem() throws Exception {
        java.util.concurrent.BlockingQueue<String> pushed = new java.util.concurrent.LinkedBlockingQueue<>();
        java.net.http.HttpClient client = java.net.http.HttpClient.newHttpClient();
        java.net.http.HttpRequest live = java.net.http.HttpRequest.newBuilder(java.net.URI.create(hw.url("/api/live?topics=alarm")))
                .header("Authorization", "Bearer " + hw.token()).build();
        HttpResponse<java.io.InputStream> stream = client.send(live, HttpResponse.BodyHandlers.ofInputStream());
        assertEquals(200, stream.statusCode());
        assertTrue(stream.headers().firstValue("Content-Type").orElse("").startsWith("text/event-stream"));
        Thread reader = new Thread(() -> {
            try (java.io.BufferedReader lines = new java.io.BufferedReader(
                    new java.io.InputStreamReader(stream.body(), StandardCharsets.UTF_8))) {
                for (String line; (line = lines.readLine()) != null;) {
                    pushed.add(line);
                }
            } catch (java.io.IOException closed) {
                // the test closed the stream
            }
        }, "live-stream-reader");
        reader.setDaemon(true);
        reader.start();
        try {
            await(Duration.ofSeconds(10), "the live stream says hello", () -> pushed.contains("event: hello"));
            long forcedAt = System.nanoTime();
            String output = hw.shell("hazardwatch:sim-set " + GAS + " 57.5");
            assertTrue(output.contains("forced to 57.5 %LEL"), output);
            long[] pushedAfter = { -1 };
            await(Duration.ofSeconds(20), "the alarm pushed live", () -> {
                for (String line; (line = pushed.poll()) != null;) {
                    if (line.startsWith("data: ") && line.contains("\"pointId\":\"" + GAS + "\"")
                            && line.contains("\"kind\":\"HIGH_HIGH\"")) {
                        pushedAfter[0] = (System.nanoTime() - forcedAt) / 1_000_000;
                        return true;
                    }
                }
                return false;
            });
            System.out.println("[measure] forced value to alarm event on the live stream: " + pushedAfter[0] + " ms");
        } finally {
            stream.body().close();
        }
        await(Duration.ofSeconds(20), "both gas alarms open", unchecked(() -> openAlarm(GAS, "HIGH") != null
                && openAlarm(GAS, "HIGH_HIGH") != null));
        JsonNode high = openAlarm(GAS, "HIGH");
        JsonNode highHigh = openAlarm(GAS, "HIGH_HIGH");
        assertEquals("UNACKED_ACTIVE", high.get("state").asText());
        assertEquals(57.5, high.get("value").asDouble());
        assertEquals(25.0, high.get("limit").asDouble(), "first level 25 %LEL");
        assertEquals(50.0, highHigh.get("limit").asDouble(), "second level 50 %LEL");
        assertEquals("HIGH", highHigh.get("priority").asText());
        assertEquals("PROCESS", high.get("category").asText());
        assertTrue(high.get("annunciated").asBoolean());
        assertFalse(high.get("pointName").asText().isBlank());
        assertEquals("UNACKED_ACTIVE", point(GAS).get("alarmState").asText());
        assertTrue(hw.shell("hazardwatch:read " + GAS).contains("HIGH_HIGH HIGH UNACKED_ACTIVE"));
        assertTrue(hw.shell("hazardwatch:alarms --point " + GAS).contains("HIGH_HIGH"));
        JsonNode risk = hw.getJson("/api/early-warning/risks/" + ENTERPRISE);
        assertEquals("RED", risk.get("level").asText(), "first and second gas level active: " + risk);
        assertEquals("HS-B", risk.get("hazardSources").get(0).get("code").asText());
        assertEquals("alarm.critical", risk.get("hazardSources").get(0).get("reasons").get(0).get("factor").asText());
        assertTrue(hw.shell("hazardwatch:risk").contains("RED"));

        HttpResponse<String> acked = hw.request("POST", "/api/alarms/" + high.get("id").asLong() + "/ack",
                "{\"comment\":\"检查现场，确认泄漏\"}", true);
        assertEquals(200, acked.statusCode(), acked.body());
        JsonNode ackedHigh = HazardWatchInstance.JSON.readTree(acked.body());
        assertEquals("ACKED_ACTIVE", ackedHigh.get("state").asText());
        assertEquals("admin", ackedHigh.get("acknowledgedBy").asText());
        HttpResponse<String> twice = hw.request("POST", "/api/alarms/" + high.get("id").asLong() + "/ack", "{}", true);
        assertEquals(409, twice.statusCode());
        assertTrue(twice.body().contains("already acknowledged"), twice.body());
        assertEquals(400, hw.request("POST", "/api/alarms/" + highHigh.get("id").asLong() + "/shelve",
                "{\"minutes\":30,\"reason\":\" \"}", true).statusCode(), "shelving needs a reason");
        assertEquals(400, hw.request("POST", "/api/alarms/" + highHigh.get("id").asLong() + "/shelve",
                "{\"minutes\":20000,\"reason\":\"test\"}", true).statusCode(), "at most 7 days");
        String shellAck = hw.shell("hazardwatch:ack -c \"seen on site\" " + highHigh.get("id").asLong());
        assertTrue(shellAck.contains("ACKED_ACTIVE"), shellAck);

        assertTrue(hw.shell("hazardwatch:sim-set " + GAS + " auto").contains("released"));
        await(Duration.ofSeconds(45), "both alarms over after the delay-off", unchecked(() -> openAlarm(GAS, "HIGH") == null
                && openAlarm(GAS, "HIGH_HIGH") == null));
        JsonNode detail = hw.getJson("/api/alarms/" + highHigh.get("id").asLong());
        assertEquals("NORMAL", detail.get("alarm").get("state").asText());
        assertFalse(detail.get("alarm").get("clearedAt").isNull());
        java.util.List<String> journal = new java.util.ArrayList<>();
        detail.get("history").forEach(e -> journal.add(e.get("type").asText() + " by " + e.get("actor").asText()));
        assertEquals(3, journal.size(), journal.toString());
        assertEquals("ACTIVATED by system", journal.get(0));
        assertTrue(journal.get(1).startsWith("ACKNOWLEDGED by shell:"), journal.toString());
        assertEquals("RETURNED by system", journal.get(2));
        assertEquals("seen on site", detail.get("history").get(1).get("comment").asText());

        HttpResponse<byte[]> export = hw.requestBytes("GET", "/api/alarms/export?format=xlsx&pointId=" + GAS, null, null);
        assertEquals(200, export.statusCode());
        assertEquals('P', (char) export.body()[0], "an .xlsx is a ZIP file");
        HttpResponse<String> csv = hw.request("GET", "/api/alarms/export?format=csv&pointId=" + GAS, null, true);
        assertEquals(200, csv.statusCode());
        assertTrue(csv.body().contains("HIGH_HIGH") && csv.body().contains("报警时间"), csv.body());
        assertTrue(hw.failingShell("hazardwatch:ack " + highHigh.get("id").asLong()).contains("is over"));
        assertTrue(hw.failingShell("hazardwatch:sim-set NOPE 1").contains("The simulator has no point 'NOPE'"));
        assertTrue(hw.failingShell("hazardwatch:sim-set " + GAS + " lots").contains("is not a number"));
    }

    /** Alarm settings per point: read, changed with a GB/T 50493 finding reported, each change recorded, reset. */
    @Test
    @Order(5)
    void alarmSettingsAreCheckedAgainstGbt50493AndEveryChangeIsRecorded() throws Exception {
        JsonNode defaults = hw.getJson("/api/points/" + GAS + "/alarm-definition");
        assertEquals(25.0, defaults.get("settings").get("high").get("value").asDouble());
        assertTrue(defaults.get("settings").get("isDefault").asBoolean());
        assertEquals(0, defaults.get("findings").size(), defaults.toString());
        com.fasterxml.jackson.databind.node.ObjectNode settings = (com.fasterxml.jackson.databind.node.ObjectNode) defaults.get("settings");
        ((com.fasterxml.jackson.databind.node.ObjectNode) settings.get("high")).put("value", 30.0);
        settings.put("reason", "县级调整阈值");
        HttpResponse<String> saved = hw.request("PUT", "/api/points/" + GAS + "/alarm-definition", settings.toString(), true);
        assertEquals(200, saved.statusCode(), saved.body());
        JsonNode findings = HazardWatchInstance.JSON.readTree(saved.body()).get("findings");
        assertEquals("GBT50493-5.5.2-COMBUSTIBLE-FIRST", findings.get(0).get("code").asText(), findings.toString());
        assertEquals("VIOLATION", findings.get(0).get("severity").asText());
        JsonNode change = hw.getJson("/api/alarm-definitions/changes?pointId=" + GAS).get(0);
        assertEquals("high", change.get("field").asText());
        assertEquals("25", change.get("oldValue").asText());
        assertEquals("30", change.get("newValue").asText());
        assertEquals("admin", change.get("changedBy").asText());
        assertEquals("县级调整阈值", change.get("reason").asText());
        assertTrue(hw.shell("hazardwatch:alarm-settings --check-all").contains(GAS));

        settings.put("deadband", -1);
        ((com.fasterxml.jackson.databind.node.ObjectNode) settings.get("high")).put("value", 60.0);
        HttpResponse<String> refused = hw.request("PUT", "/api/points/" + GAS + "/alarm-definition", settings.toString(), true);
        assertEquals(400, refused.statusCode(), refused.body());
        java.util.Set<String> fields = new java.util.TreeSet<>();
        HazardWatchInstance.JSON.readTree(refused.body()).get("fieldErrors").forEach(e -> fields.add(e.get("field").asText()));
        assertEquals(java.util.Set.of("deadband", "highHigh"), fields, refused.body());
        assertEquals(400, hw.request("PUT", "/api/points/" + GAS + "/alarm-definition", "{\"mode\":\"SOMETIMES\"}", true).statusCode());
        assertEquals(404, hw.request("GET", "/api/points/NOPE/alarm-definition", null, true).statusCode());

        JsonNode reset = HazardWatchInstance.JSON.readTree(hw.request("DELETE", "/api/points/" + GAS
                + "/alarm-definition?reason=restore", null, true).body());
        assertTrue(reset.get("settings").get("isDefault").asBoolean());
        String shown = hw.shell("hazardwatch:alarm-settings " + GAS);
        assertTrue(shown.contains("built-in defaults") && shown.contains("restore"), shown);
        assertTrue(hw.getJson("/api/alarm-definitions/gases").size() >= 30);
    }

    @Test
    @Order(4)
    void anImpossibleReadingIsAnInstrumentFaultNotAProcessAlarm() throws Exception {
        String point = "A-T102-TT"; // range -40..60 °C, high limit 38
        assertTrue(hw.shell("hazardwatch:sim-set " + point + " 500").contains("forced"));
        await(Duration.ofSeconds(20), "instrument fault on " + point, unchecked(() -> {
            JsonNode alarms = hw.getJson("/api/alarms?state=UNACKED_ACTIVE,ACKED_ACTIVE&pointId=" + point).get("items");
            return alarms.size() == 1 && alarms.get(0).get("kind").asText().equals("FAULT");
        }));
        JsonNode fault = hw.getJson("/api/alarms?state=UNACKED_ACTIVE&pointId=" + point).get("items").get(0);
        assertEquals(60.0, fault.get("limit").asDouble());
        assertEquals("INSTRUMENT", fault.get("category").asText());
        JsonNode history = hw.getJson("/api/points/" + point + "/history?from=" + Instant.now().minusSeconds(60));
        boolean flagged = false;
        for (JsonNode sample : history.get("samples")) {
            flagged |= sample.get("value").asDouble() == 500.0 && sample.get("quality").asText().equals("BAD")
                    && sample.get("qualityReason").asText().equals("OUT_OF_RANGE");
        }
        assertTrue(flagged, "the reading is stored, marked BAD OUT_OF_RANGE: " + history);
        assertTrue(hw.shell("hazardwatch:sim-set " + point + " auto").contains("released"));
        await(Duration.ofSeconds(20), "fault returned by good readings", unchecked(() ->
                hw.getJson("/api/alarms?state=UNACKED_ACTIVE,ACKED_ACTIVE&pointId=" + point).get("total").asInt() == 0));
        assertEquals(0, hw.getJson("/api/alarms?state=OPEN&category=PROCESS&pointId=" + point).get("total").asInt(),
                "no process alarm from the impossible reading");
        String status = hw.shell("hazardwatch:status");
        assertTrue(status.contains("data quality"), "the ingest health shows the filter's counts");
        assertTrue(status.contains("forwarded upstream"), "and what exception reporting forwards: " + status);
    }

    @Test
    @Order(5)
    void adaptersReportTheirStateAndPickUpAnEditedMapping() throws Exception {
        JsonNode adapters = hw.getJson("/api/adapters");
        assertEquals(2, adapters.size(), adapters.toString());
        JsonNode opcua = adapter(adapters, "opcua");
        assertEquals("simulator", opcua.get("name").asText());
        assertEquals("ONLINE", opcua.get("status").asText());
        assertEquals(12, opcua.get("mappedPoints").asInt());
        assertFalse(opcua.get("lastSampleAt").isNull());
        assertEquals(12, hw.getJson("/api/adapters/opcua/simulator/mappings").size());
        assertEquals(404, hw.request("GET", "/api/adapters/opcua/nope/mappings", null, true).statusCode());
        // the gas detectors come from the simulated gas-detection controller over Modbus TCP
        JsonNode modbus = adapter(adapters, "modbus");
        assertEquals("ONLINE", modbus.get("status").asText(), modbus.toString());
        assertEquals(4, modbus.get("mappedPoints").asInt());
        assertTrue(modbus.get("samplesReceived").asLong() > 0, modbus.toString());
        assertTrue(hw.getJson("/api/adapters/modbus/simulator/mappings").toString()
                .contains("unit 1 holding 114 int16 x0.1 @1000ms"));
        assertTrue(hw.shell("hazardwatch:adapters --mappings modbus/simulator").contains("unit 1 input 12 float32 CDAB"));
        assertEquals("GOOD", point(GAS).get("quality").asText(), "read over Modbus: " + point(GAS));
        String probed = hw.shell("hazardwatch:modbus-read 127.0.0.1:" + hw.modbusPort + " input 12 2");
        assertTrue(probed.contains("float32 CDAB") && probed.contains("0x"), probed);
        assertTrue(hw.failingShell("hazardwatch:modbus-read plc-without-port holding 0").contains("must be host:port"));
        assertTrue(hw.failingShell("hazardwatch:modbus-read 127.0.0.1:" + hw.modbusPort + " holding 0 2")
                .contains("illegal data address"), "the simulator has no holding register 0");

        // an integrator edits the mapping file: the adapter applies it without a restart
        Path mapping = hw.home.resolve("etc/hazardwatch/opcua-simulator-mapping.csv");
        String original = Files.readString(mapping, StandardCharsets.UTF_8);
        String edited = original.lines().filter(l -> !l.startsWith("B-T202-PT,")).collect(java.util.stream.Collectors.joining("\n"))
                + "\nbroken row without a node\n";
        Files.writeString(mapping, edited, StandardCharsets.UTF_8);
        try {
            await(Duration.ofSeconds(20), "11 points mapped after the edit",
                    unchecked(() -> adapter(hw.getJson("/api/adapters"), "opcua").get("mappedPoints").asInt() == 11));
            String listed = hw.shell("hazardwatch:adapters");
            assertTrue(listed.contains("simulator") && listed.contains("ONLINE"), listed);
        } finally {
            Files.writeString(mapping, original, StandardCharsets.UTF_8);
        }
        HttpResponse<String> reloaded = hw.request("POST", "/api/adapters/opcua/simulator/mappings/reload", null, true);
        assertEquals(200, reloaded.statusCode(), reloaded.body());
        assertEquals(12, HazardWatchInstance.JSON.readTree(reloaded.body()).get("points").asInt());
        assertTrue(hw.shell("hazardwatch:adapters --mappings opcua/simulator").contains("B-T202-PT"));
        // a configuration that cannot work stays visible with what to fix
        Path broken = hw.home.resolve("etc/org.hazardwatch.adapter.opcua-broken.cfg");
        Files.writeString(broken, "endpoint.url = http://10.0.0.5/plant\nmapping.file = /nowhere.csv\n", StandardCharsets.UTF_8);
        try {
            await(Duration.ofSeconds(20), "the broken instance is listed", unchecked(() -> {
                for (JsonNode a : hw.getJson("/api/adapters")) {
                    if (a.get("name").asText().equals("broken")) {
                        return a.get("status").asText().equals("OFFLINE")
                                && a.get("detail").asText().startsWith("configuration invalid: endpoint.url");
                    }
                }
                return false;
            }));
        } finally {
            Files.delete(broken);
        }
        await(Duration.ofSeconds(20), "the broken instance is gone", unchecked(() -> hw.getJson("/api/adapters").size() == 2));
        JsonNode certificates = hw.getJson("/api/adapters/opcua/simulator/certificates");
        assertTrue(certificates.get("ownCertificateFile").isNull(), "security None: no own certificate " + certificates);
        assertEquals(0, certificates.get("certificates").size());
        assertEquals(400, hw.request("POST", "/api/adapters/opcua/simulator/certificates/nope.der/trust", null, true).statusCode());
        assertTrue(hw.shell("hazardwatch:opcua-trust simulator").contains("no own certificate yet"));
        String browsed = hw.shell("hazardwatch:opcua-browse --depth 3 opc.tcp://127.0.0.1:" + hw.opcuaPort + "/hazardwatch");
        assertTrue(browsed.contains("nsu=urn:hazardwatch:simulator;s=A-T101-LT"), browsed);
        assertTrue(hw.failingShell("hazardwatch:opcua-browse http://example.org").contains("must be an opc.tcp:// URL"));
        await(Duration.ofSeconds(20), "ONLINE with 12 points again", unchecked(() -> {
            JsonNode a = adapter(hw.getJson("/api/adapters"), "opcua");
            return a.get("mappedPoints").asInt() == 12 && a.get("status").asText().equals("ONLINE");
        }));
    }

    @Test
    @Order(5)
    void shellCommandsShowTheNode() throws Exception {
        String status = hw.shell("hazardwatch:status");
        assertTrue(status.contains("Edition:   hazardwatch-county"), status);
        assertTrue(status.matches("(?s).*database\\s+\\|\\s+UP.*"), status);
        String points = hw.shell("hazardwatch:points --area 罐区B（汽油）");
        assertTrue(points.contains("B-T201-LT") && !points.contains("A-T101-LT"), points);
        String routes = hw.shell("hazardwatch:routes");
        assertTrue(routes.matches("(?s).*ingest-store\\s+\\|\\s+Started.*"), routes);
        assertTrue(hw.failingShell("hazardwatch:read NOPE").contains("No monitoring point 'NOPE'"));
    }

    @Test
    @Order(5)
    void gradingWorksOverRestAndTheShell() throws Exception {
        // 氯: Q = 5 t, beta = 4; 60 people -> alpha 1.5; S = 12.5/5 = 2.5; R = 1.5 x 4 x 2.5 = 15 -> grade 3
        HttpResponse<String> graded = hw.request("POST", "/api/grading/gb18218",
                "{\"exposedPeople\":60,\"substances\":[{\"name\":\"氯\",\"cas\":\"7782-50-5\",\"tonnes\":12.5}]}", true);
        assertEquals(200, graded.statusCode(), graded.body());
        JsonNode result = HazardWatchInstance.JSON.readTree(graded.body());
        assertTrue(result.get("major").asBoolean());
        assertEquals("2.5", result.get("sExact").asText());
        assertEquals("15", result.get("rExact").asText());
        assertEquals(3, result.get("grade").asInt());
        assertEquals(5, result.get("lines").get(0).get("Q").asInt());
        HttpResponse<String> unknown = hw.request("POST", "/api/grading/gb18218",
                "{\"exposedPeople\":0,\"substances\":[{\"name\":\"氯\",\"tonnes\":1},{\"name\":\"不存在的物质\",\"tonnes\":1}]}", true);
        assertEquals(400, unknown.statusCode());
        JsonNode error = HazardWatchInstance.JSON.readTree(unknown.body());
        assertEquals("UNKNOWN_SUBSTANCE", error.get("code").asText());
        assertTrue(error.get("message").asText().startsWith("substances[1]"), error.toString());
        String working = hw.shell("hazardwatch:grade --people 60 氯=12.5");
        assertTrue(working.contains("R = ") && working.contains("15"), working);
    }

    @Test
    @Order(5)
    void enterprisesAreRegisteredInTheDivisionTree() throws Exception {
        JsonNode provinces = hw.getJson("/api/regions");
        assertEquals(31, provinces.size());
        JsonNode county = hw.getJson("/api/regions/370281");
        assertEquals("胶州市", county.get("name").asText());
        assertEquals("山东省", county.get("path").get(0).get("name").asText());
        // a constructed, valid code (check character Y: the weighted sum is 30 mod 31)
        String enterprise = "{\"uscc\":\"91310000MA1FL000DY\",\"name\":\"胶州精细化工有限公司\",\"regionCode\":\"370281\","
                + "\"industryCode\":\"2614\",\"industryGroup\":\"FINE_CHEMICALS\",\"longitude\":120.03,\"latitude\":36.26}";
        HttpResponse<String> created = hw.request("POST", "/api/enterprises", enterprise, true);
        assertEquals(201, created.statusCode(), created.body());
        long id = HazardWatchInstance.JSON.readTree(created.body()).get("id").asLong();
        assertEquals("山东省青岛市胶州市", hw.getJson("/api/enterprises/" + id).get("regionName").asText());
        // the simulator's operator and the demo registry sit in the tree as well
        assertEquals(1, hw.getJson("/api/enterprises?q=91370281MA3HW2026N").get("total").asInt());
        assertEquals(1, hw.getJson("/api/enterprises?region=37&q=胶州精细化工").get("total").asInt());
        assertEquals(0, hw.getJson("/api/enterprises?region=11&q=胶州精细化工").get("total").asInt());
        assertEquals(404, hw.request("GET", "/api/enterprises?region=99", null, true).statusCode());

        HttpResponse<String> park = hw.request("POST", "/api/regions/370281/parks", "{\"name\":\"胶州经济技术开发区化工园\"}", true);
        assertEquals(201, park.statusCode(), park.body());
        assertEquals("370281P01", HazardWatchInstance.JSON.readTree(park.body()).get("code").asText());
        assertEquals("PARK", hw.getJson("/api/regions?parent=370281").get(0).get("level").asText());

        String listed = hw.shell("hazardwatch:enterprises --region 370281 胶州精细化工");
        assertTrue(listed.contains("胶州精细化工有限公司") && listed.contains("1 enterprises in 370281"), listed);
        assertTrue(hw.failingShell("hazardwatch:enterprises --region 99").contains("No region '99'"));

        HttpResponse<String> duplicate = hw.request("POST", "/api/enterprises", enterprise, true);
        assertEquals(400, duplicate.statusCode());
        JsonNode error = HazardWatchInstance.JSON.readTree(duplicate.body());
        assertEquals("VALIDATION", error.get("code").asText());
        assertEquals("USCC_DUPLICATE", error.get("fieldErrors").get(0).get("code").asText());
        HttpResponse<String> invalid = hw.request("POST", "/api/enterprises",
                "{\"uscc\":\"91310000MA1FL000D1\",\"regionCode\":\"3702\",\"industryGroup\":\"OTHER\"}", true);
        JsonNode fields = HazardWatchInstance.JSON.readTree(invalid.body()).get("fieldErrors");
        assertEquals(400, invalid.statusCode());
        assertEquals("[\"uscc:USCC_CHECK\",\"name:REQUIRED\",\"regionCode:UNKNOWN_REGION\"]",
                HazardWatchInstance.JSON.writeValueAsString(java.util.stream.StreamSupport.stream(fields.spliterator(), false)
                        .map(f -> f.get("field").asText() + ":" + f.get("code").asText()).toList()));
    }

    JsonNode simulatedTankFarm() throws Exception {
        await(Duration.ofSeconds(90), "the demo registry is loaded",
                unchecked(() -> hw.getJson("/api/hazard-sources?size=1").get("total").asInt() >= 300));
        JsonNode byName = hw.getJson("/api/hazard-sources?region=370281&size=100");
        for (JsonNode item : byName.get("items")) {
            if (item.get("code").asText().equals("HS-A") && item.get("enterpriseName").asText().contains("模拟")) {
                return hw.getJson("/api/hazard-sources/" + item.get("id").asLong());
            }
        }
        throw new AssertionError("no HS-A of the simulated plant's operator in " + byName);
    }

    @Test
    @Order(5)
    void hazardSourcesAreGradedWithTheWorkingKept() throws Exception {
        JsonNode tankFarm = simulatedTankFarm();
        long id = tankFarm.get("id").asLong();
        assertTrue(tankFarm.get("major").asBoolean(), tankFarm.toString());
        int grade = tankFarm.get("grade").asInt();
        assertTrue(grade >= 1 && grade <= 4, tankFarm.toString());
        assertTrue(tankFarm.get("accidentTypes").toString().contains("POISONING"), tankFarm.toString());
        JsonNode unit = tankFarm.get("units").get(0);
        assertTrue(unit.get("equipment").toString().contains("T101"), unit.toString());
        long snapshot = unit.get("grading").get("snapshotId").asLong();

        JsonNode working = hw.getJson("/api/gradings/" + snapshot);
        assertEquals(unit.get("grading").get("s").asText(), working.get("result").get("sExact").asText());
        JsonNode line = working.get("result").get("lines").get(0);
        assertTrue(line.get("qSource").asText().startsWith("GB 18218-2018 表1"), line.toString());
        assertTrue(line.has("Q") && line.has("beta") && working.get("result").has("alphaSource"), working.toString());

        // every point of the simulated plant's tank area A sits on its equipment, with the national type code
        JsonNode points = hw.getJson("/api/hazard-sources/" + id + "/points");
        assertEquals(8, points.size(), points.toString());
        java.util.Set<String> codes = new java.util.TreeSet<>();
        points.forEach(p -> codes.add(p.get("nationalCode").asText()));
        assertEquals(java.util.Set.of("WD", "YL", "YW", "YDQT"), codes);
        await(Duration.ofSeconds(30), "current values on the hazard source's points", unchecked(() -> {
            for (JsonNode p : hw.getJson("/api/hazard-sources/" + id + "/points")) {
                if (p.get("value").isNull()) {
                    return false;
                }
            }
            return true;
        }));

        int before = hw.getJson("/api/hazard-sources/" + id + "/gradings").size();
        HttpResponse<String> regraded = hw.request("POST", "/api/hazard-sources/" + id + "/gradings?edition=2009", null, true);
        assertEquals(200, regraded.statusCode(), regraded.body());
        assertEquals("2009", HazardWatchInstance.JSON.readTree(regraded.body()).get(0).get("edition").asText());
        assertEquals(before + tankFarm.get("units").size(), hw.getJson("/api/hazard-sources/" + id + "/gradings").size());
        assertEquals(grade, hw.getJson("/api/hazard-sources/" + id).get("grade").asInt(), "the current grade stays the 2018 one");

        String invalid = "{\"enterpriseId\":" + tankFarm.get("enterpriseId").asLong() + ",\"code\":\"HS-NEW\",\"name\":\"新罐区\","
                + "\"exposedPeople\":10,\"units\":[{\"code\":\"U1\",\"name\":\"单元\",\"kind\":\"STORAGE\","
                + "\"inventory\":[{\"substance\":\"氯\"},{\"substance\":\"不存在的物质\",\"tonnes\":3}]}]}";
        HttpResponse<String> refused = hw.request("POST", "/api/hazard-sources", invalid, true);
        assertEquals(400, refused.statusCode(), refused.body());
        String fields = HazardWatchInstance.JSON.readTree(refused.body()).get("fieldErrors").toString();
        assertTrue(fields.contains("units[0].inventory[0].tonnes"), fields);
        assertEquals(404, hw.request("GET", "/api/hazard-sources/987654321", null, true).statusCode());
        assertEquals(400, hw.request("GET", "/api/hazard-sources?grade=7", null, true).statusCode());

        long major = 0;
        long sources = 0;
        for (JsonNode province : hw.getJson("/api/regions")) {
            major += province.get("majorHazardSourceCount").asLong();
            sources += province.get("hazardSourceCount").asLong();
        }
        assertEquals(hw.getJson("/api/hazard-sources?size=1").get("total").asLong(), sources);
        assertTrue(major > 0 && major <= sources);
        assertTrue(hw.getJson("/api/industries").size() > 50);

        String listed = hw.shell("hazardwatch:hazard-sources --region 370281 罐区A");
        assertTrue(listed.contains("HS-A"), listed);
        assertTrue(hw.shell("hazardwatch:demo-data --enterprises 20 --dry-run").contains("validated (dry run): 20 enterprises"));
    }

    @Test
    @Order(5)
    void theRegistryImportsAndExportsExcelAndCsvInsideKaraf() throws Exception {
        simulatedTankFarm();
        HttpResponse<byte[]> exported = hw.requestBytes("GET", "/api/registry/export?format=xlsx&region=370281", null, null);
        assertEquals(200, exported.statusCode(), new String(exported.body(), StandardCharsets.UTF_8));
        assertTrue(exported.headers().firstValue("Content-Disposition").orElse("").contains(".xlsx"));
        try (var workbook = org.apache.poi.ss.usermodel.WorkbookFactory.create(new java.io.ByteArrayInputStream(exported.body()))) {
            assertEquals(3, workbook.getNumberOfSheets());
            assertTrue(workbook.getSheet("enterprises").getLastRowNum() >= 1);
            assertTrue(workbook.getSheet("inventory").getLastRowNum() >= 2);
        }
        HttpResponse<byte[]> dryRun = hw.requestBytes("POST", "/api/registry/import?format=xlsx&dryRun=true", exported.body(),
                "application/octet-stream");
        JsonNode report = HazardWatchInstance.JSON.readTree(dryRun.body());
        assertEquals(200, dryRun.statusCode(), report.toString());
        assertFalse(report.get("applied").asBoolean());
        assertEquals(0, report.get("errors").size());

        long enterprisesBefore = hw.getJson("/api/enterprises?size=1").get("total").asLong();
        String badCsv = "统一社会信用代码,企业名称,行政区划代码,行业类别\n"
                + "91370281MA1FL00011,好企业,370281,OTHER\n"
                + "91370281MA1FL0001X,,379999,OTHER\n";
        HttpResponse<byte[]> refused = hw.requestBytes("POST", "/api/registry/import?format=csv&sheet=enterprises",
                badCsv.getBytes(StandardCharsets.UTF_8), "text/csv");
        JsonNode errors = HazardWatchInstance.JSON.readTree(refused.body());
        assertEquals(422, refused.statusCode(), errors.toString());
        assertFalse(errors.get("applied").asBoolean());
        assertTrue(errors.get("errors").toString().contains("\"row\":3"), errors.toString());
        assertEquals(enterprisesBefore, hw.getJson("/api/enterprises?size=1").get("total").asLong(), "nothing imported");

        HttpResponse<byte[]> garbage = hw.requestBytes("POST", "/api/registry/import?format=xlsx", "not a workbook".getBytes(),
                "application/octet-stream");
        assertEquals(400, garbage.statusCode());
        assertTrue(new String(garbage.body(), StandardCharsets.UTF_8).contains("xlsx"));
        HttpResponse<byte[]> template = hw.requestBytes("GET", "/api/registry/template?format=csv&sheet=inventory", null, null);
        assertTrue(new String(template.body(), StandardCharsets.UTF_8).contains("设计最大量(t)(tonnes)"));

        Path file = hw.home.resolve("registry-370281.xlsx");
        assertTrue(hw.shell("hazardwatch:registry-export --region 370281 " + file).contains("wrote"));
        assertTrue(Files.size(file) > 4000);
        String imported = hw.shell("hazardwatch:registry-import --dry-run " + file);
        assertTrue(imported.contains("no errors"), imported);
    }

    @Test
    @Order(6)
    void theOpcUaAdapterFeatureHotSwaps() throws Exception {
        hw.shell("feature:uninstall hazardwatch-adapter-opcua");
        await(Duration.ofSeconds(30), "adapter gone from health", unchecked(() -> !HazardWatchInstance.JSON
                .readTree(hw.request("GET", "/api/health", null, false).body()).get("components").has("adapter:opcua-simulator")));
        Thread.sleep(3000); // let in-flight batches land
        Instant stalled = Instant.parse(point("A-T101-LT").get("timestamp").asText());
        Thread.sleep(3000);
        assertEquals(stalled, Instant.parse(point("A-T101-LT").get("timestamp").asText()), "no data without the adapter");

        hw.shell("feature:install hazardwatch-adapter-opcua");
        await(Duration.ofSeconds(60), "data resumes after reinstall", unchecked(() ->
                Instant.parse(point("A-T101-LT").get("timestamp").asText()).isAfter(stalled)));
        assertTrue(hw.shell("feature:list -i").contains("hazardwatch-adapter-opcua"));
        assertFalse(hw.log().contains("(hazardwatch-ingest) is shutting down"),
                "swapping the adapter must not refresh (restart) the core bundles");
    }

    /**
     * An alarm is disposed of through REST: opened, verified on site, disposed by an emergency plan with a photo,
     * closed; the PDF report carries it in Chinese. KPIs, risk, and retention answer for the plant.
     */
    @Test
    @Order(6)
    void anAlarmIsDisposedOfByAPlanAndTheReportIsAPdfInChinese() throws Exception {
        JsonNode alarm = hw.getJson("/api/alarms?pointId=" + GAS + "&kind=HIGH_HIGH").get("items").get(0);
        long alarmId = alarm.get("id").asLong();
        HttpResponse<String> plan = hw.request("POST", "/api/emergency-plans", "{\"enterpriseCode\":\"" + ENTERPRISE
                + "\",\"hazardSourceCode\":\"HS-B\",\"title\":\"汽油罐区泄漏现场处置方案\",\"level\":\"ON_SITE\","
                + "\"steps\":\"1. 切断泄漏源\\n2. 启动消防喷淋\"}", true);
        assertEquals(201, plan.statusCode(), plan.body());
        long planId = HazardWatchInstance.JSON.readTree(plan.body()).get("id").asLong();
        assertEquals(400, hw.request("POST", "/api/emergency-plans", "{\"title\":\" \"}", true).statusCode());

        HttpResponse<String> opened = hw.request("POST", "/api/disposals", "{\"alarmId\":" + alarmId + "}", true);
        assertEquals(201, opened.statusCode(), opened.body());
        long id = HazardWatchInstance.JSON.readTree(opened.body()).get("id").asLong();
        assertEquals(200, hw.request("POST", "/api/disposals", "{\"alarmId\":" + alarmId + "}", true).statusCode(), "one per alarm");
        assertEquals(id, hw.getJson("/api/alarms/" + alarmId + "/disposal").get("id").asLong());
        HttpResponse<String> skipped = hw.request("POST", "/api/disposals/" + id + "/close", "{\"conclusion\":\"x\"}", true);
        assertEquals(409, skipped.statusCode(), skipped.body());
        HttpResponse<String> invalid = hw.request("POST", "/api/disposals/" + id + "/verify", "{\"assignee\":\" \"}", true);
        assertEquals(400, invalid.statusCode());
        assertTrue(invalid.body().contains("deadline"), invalid.body());
        String deadline = Instant.now().plus(Duration.ofMinutes(30)).toString();
        assertEquals(200, hw.request("POST", "/api/disposals/" + id + "/verify", "{\"assignee\":\"王工\",\"deadline\":\""
                + deadline + "\",\"note\":\"请立即到罐区B核实\"}", true).statusCode());
        assertEquals(200, hw.request("POST", "/api/disposals/" + id + "/dispose", "{\"planId\":" + planId
                + ",\"assignee\":\"应急小组\",\"deadline\":\"" + deadline + "\",\"note\":\"确认法兰泄漏\"}", true).statusCode());
        byte[] photo = { (byte) 0xFF, (byte) 0xD8, (byte) 0xFF, 0, 1, 2, 3 };
        HttpResponse<byte[]> uploaded = hw.requestBytes("POST", "/api/disposals/" + id + "/attachments?fileName="
                + java.net.URLEncoder.encode("现场照片.jpg", StandardCharsets.UTF_8), photo, "image/jpeg");
        assertEquals(201, uploaded.statusCode(), new String(uploaded.body(), StandardCharsets.UTF_8));
        long attachmentId = HazardWatchInstance.JSON.readTree(uploaded.body()).get("id").asLong();
        HttpResponse<byte[]> download = hw.requestBytes("GET", "/api/disposals/" + id + "/attachments/" + attachmentId, null, null);
        assertTrue(java.util.Arrays.equals(photo, download.body()), "the file comes back unchanged");
        HttpResponse<String> closed = hw.request("POST", "/api/disposals/" + id + "/close",
                "{\"conclusion\":\"法兰垫片老化泄漏，已更换\",\"falseAlarm\":false}", true);
        assertEquals(200, closed.statusCode(), closed.body());
        assertEquals("CLOSED", HazardWatchInstance.JSON.readTree(closed.body()).get("status").asText());
        assertEquals(409, hw.request("DELETE", "/api/emergency-plans/" + planId, null, true).statusCode(), "used plans stay");

        HttpResponse<byte[]> pdf = hw.requestBytes("GET", "/api/disposals/" + id + "/report.pdf", null, null);
        assertEquals(200, pdf.statusCode());
        assertEquals("application/pdf", pdf.headers().firstValue("Content-Type").orElse(""));
        try (org.apache.pdfbox.pdmodel.PDDocument document = org.apache.pdfbox.Loader.loadPDF(pdf.body())) {
            String text = new org.apache.pdfbox.text.PDFTextStripper().getText(document);
            for (String expected : new String[] { "报警处置报告", "罐区B可燃气体检测器GT201", "高高报", "汽油罐区泄漏现场处置方案",
                    "法兰垫片老化泄漏，已更换", "现场照片.jpg" }) {
                assertTrue(text.contains(expected), "'" + expected + "' in the report:\n" + text);
            }
        }
        assertEquals(404, hw.request("GET", "/api/disposals/987654/report.pdf", null, true).statusCode());
        assertTrue(hw.shell("hazardwatch:disposals --all").contains(GAS));

        JsonNode kpis = hw.getJson("/api/alarm-kpis?groupBy=enterprise");
        JsonNode plant = null;
        for (JsonNode k : kpis) {
            plant = k.get("code").asText().equals(ENTERPRISE) ? k : plant;
        }
        assertNotNull(plant, kpis.toString());
        assertTrue(plant.get("annunciated").asLong() >= 2, "the two gas alarms at least: " + plant);
        assertTrue(plant.get("badActors").size() >= 2);
        assertEquals(400, hw.request("GET", "/api/alarm-kpis?groupBy=planet", null, true).statusCode());
        assertTrue(hw.shell("hazardwatch:alarm-kpis").contains(ENTERPRISE));
        assertTrue(hw.getJson("/api/alarm-kpis?groupBy=county").size() >= 1);

    }

    /**
     * Retention aggregates the minutes that are complete (a minute is aggregated once the next one has passed too, for
     * samples arriving a little late), so this runs late in the test and waits for the first such minute.
     */
    @Test
    @Order(10)
    void retentionAggregatesCompleteMinutes() throws Exception {
        await(Duration.ofSeconds(150), "a complete minute aggregated", unchecked(() -> {
            HttpResponse<String> run = hw.request("POST", "/api/retention/run", null, true);
            assertEquals(200, run.statusCode(), run.body());
            assertTrue(run.body().contains("aggregated"), run.body());
            JsonNode trend = hw.getJson("/api/points/" + GAS + "/trend?resolution=minute&from="
                    + Instant.now().minus(Duration.ofHours(1)));
            boolean aggregated = trend.get("buckets").size() >= 1 && trend.get("buckets").get(0).get("count").asInt() > 0;
            if (!aggregated) {
                Thread.sleep(5000); // the next minute completes at its end: no need to ask four times a second
            }
            return aggregated;
        }));
        assertEquals(30, hw.getJson("/api/retention").get("rawSampleDays").asInt());
        assertTrue(hw.shell("hazardwatch:retention").contains("sample_minute"));
        assertEquals(400, hw.request("GET", "/api/points/" + GAS + "/trend?resolution=weekly", null, true).statusCode());
        assertEquals(404, hw.request("GET", "/api/points/NOPE/trend", null, true).statusCode());
    }

    /**
     * An operator sees an alarm arrive on the console through the live stream, hears it (the console says so), and
     * acknowledges it in Chromium.
     */
    @Test
    @Order(9)
    void anOperatorAcknowledgesALiveAlarmInChromium() throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(Path.of("/usr/bin/chromium")),
                "!!!!!!!! /usr/bin/chromium is missing: SKIPPING the browser test (./.ci/ensure-test-services installs it as root) !!!!!!!!");
        Path frontend = hw.root.resolve("webapp/frontend");
        ProcessBuilder builder = new ProcessBuilder("node", "e2e/alarm-console.mjs").directory(frontend.toFile())
                .redirectErrorStream(true);
        builder.environment().putAll(Map.of("HW_URL", hw.url("/"), "HW_USER", "admin", "HW_PASSWORD",
                HazardWatchInstance.ADMIN_PASSWORD, "HW_ALARM_POINT", GAS, "HW_SCREENSHOT_DIR",
                hw.root.resolve("itests/target").toString()));
        Process process = builder.start();
        StringBuilder output = new StringBuilder();
        try (java.io.BufferedReader lines = new java.io.BufferedReader(new java.io.InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8))) {
            boolean forced = false;
            for (String line; (line = lines.readLine()) != null;) {
                output.append(line).append('\n');
                if (!forced && line.contains("[alarm-console] READY")) {
                    assertTrue(hw.shell("hazardwatch:sim-set " + GAS + " 61").contains("forced"));
                    forced = true;
                }
            }
        } finally {
            hw.shell("hazardwatch:sim-set " + GAS + " auto");
        }
        assertTrue(process.waitFor(180, TimeUnit.SECONDS), "browser test finished");
        System.out.println(output);
        assertEquals(0, process.exitValue(), output.toString());
        assertTrue(output.toString().contains(" 0 failed"), output.toString());
    }

    @Test
    @Order(7)
    void routeFilesDeployReportErrorsAndUndeploy() throws Exception {
        Path routes = hw.home.resolve("routes");
        Files.writeString(routes.resolve("itest.yaml"), """
                - route:
                    id: itest-heartbeat
                    from:
                      uri: timer:itest?period=200
                      steps:
                        - to: log:itest?level=DEBUG
                """, StandardCharsets.UTF_8);
        Files.writeString(routes.resolve("broken.xml"), "<routes><route", StandardCharsets.UTF_8);
        await(Duration.ofSeconds(20), "file route running with exchanges", unchecked(() -> {
            for (JsonNode route : hw.getJson("/api/routes").get("routes")) {
                if (route.get("id").asText().equals("itest-heartbeat")) {
                    return route.get("status").asText().equals("Started") && route.get("exchangesTotal").asLong() > 0
                            && route.get("source").asText().equals("routes/itest.yaml");
                }
            }
            return false;
        }));
        JsonNode files = hw.getJson("/api/routes").get("files");
        boolean brokenReported = false;
        for (JsonNode file : files) {
            if (file.get("file").asText().equals("broken.xml")) {
                brokenReported = !file.get("error").isNull();
            }
        }
        assertTrue(brokenReported, files.toString());
        assertTrue(hw.shell("hazardwatch:routes").contains("Route file broken.xml FAILED"));
        assertTrue(hw.shell("hazardwatch:routes").contains("itest-heartbeat"));

        Files.delete(routes.resolve("itest.yaml"));
        Files.delete(routes.resolve("broken.xml"));
        await(Duration.ofSeconds(20), "file route removed", unchecked(() ->
                !hw.getJson("/api/routes").toString().contains("itest-heartbeat")));
    }

    @Test
    @Order(8)
    void theWebAppIsServedWithSafeHeaders() throws Exception {
        HttpResponse<String> index = hw.request("GET", "/", null, false);
        assertEquals(200, index.statusCode());
        assertTrue(index.body().contains("<div id=\"app\">"), index.body());
        assertTrue(index.headers().firstValue("Content-Security-Policy").orElse("").contains("default-src 'self'"));
        assertEquals("nosniff", index.headers().firstValue("X-Content-Type-Options").orElse(""));
        java.util.regex.Matcher script = java.util.regex.Pattern.compile("src=\"\\.?/?(assets/[^\"]+\\.js)\"").matcher(index.body());
        assertTrue(script.find(), index.body());
        HttpResponse<String> asset = hw.request("GET", "/" + script.group(1), null, false);
        assertEquals(200, asset.statusCode());
        assertTrue(asset.headers().firstValue("Content-Type").orElse("").startsWith("text/javascript"));
        assertEquals(404, hw.request("GET", "/assets/../META-INF/MANIFEST.MF", null, false).statusCode());
        assertEquals(404, hw.request("GET", "/no-such-file.js", null, false).statusCode());
    }

    @Test
    @Order(9)
    void aPersonLogsInAndSeesALiveValueInChromium() throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(Path.of("/usr/bin/chromium")),
                "!!!!!!!! /usr/bin/chromium is missing: SKIPPING the browser test (./.ci/ensure-test-services installs it as root) !!!!!!!!");
        Path frontend = hw.root.resolve("webapp/frontend");
        Path screenshot = hw.root.resolve("itests/target/live-page.png");
        ProcessBuilder builder = new ProcessBuilder("node", "e2e/live-value.mjs").directory(frontend.toFile()).redirectErrorStream(true);
        builder.environment().putAll(Map.of("HW_URL", hw.url("/"), "HW_USER", "admin", "HW_PASSWORD",
                HazardWatchInstance.ADMIN_PASSWORD, "HW_POINT", "A-T101-LT", "HW_SCREENSHOT", screenshot.toString()));
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(120, TimeUnit.SECONDS), "browser test finished");
        System.out.println(output);
        assertEquals(0, process.exitValue(), output);
        assertTrue(output.contains("1 passed, 0 failed"), output);
        assertTrue(Files.size(screenshot) > 10_000, "screenshot written");
    }

    @Test
    @Order(9)
    void aRegulatorFollowsAGradingAndSeesImportErrorsInChromium() throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(Path.of("/usr/bin/chromium")),
                "!!!!!!!! /usr/bin/chromium is missing: SKIPPING the browser test (./.ci/ensure-test-services installs it as root) !!!!!!!!");
        simulatedTankFarm();
        Path frontend = hw.root.resolve("webapp/frontend");
        Path badCsv = hw.root.resolve("itests/target/bad-enterprises.csv");
        Files.writeString(badCsv, "统一社会信用代码,企业名称,行政区划代码,行业类别\n91370281MA1FL0001X,,379999,OTHER\n",
                StandardCharsets.UTF_8);
        ProcessBuilder builder = new ProcessBuilder("node", "e2e/registry-pages.mjs").directory(frontend.toFile())
                .redirectErrorStream(true);
        builder.environment().putAll(Map.of("HW_URL", hw.url("/"), "HW_USER", "admin", "HW_PASSWORD",
                HazardWatchInstance.ADMIN_PASSWORD, "HW_SOURCE_QUERY", "罐区A", "HW_SOURCE_CODE", "HS-A", "HW_REGION", "370281",
                "HW_BAD_CSV", badCsv.toString(), "HW_SCREENSHOT_DIR", hw.root.resolve("itests/target").toString()));
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(300, TimeUnit.SECONDS), "browser test finished");
        System.out.println(output);
        assertEquals(0, process.exitValue(), output);
        assertTrue(output.contains("15 passed, 0 failed"), output);
    }

    /**
     * A major hazard source is registered through REST (F1): the draft refuses to go in without its five documents, the
     * documents come back byte for byte with their SHA-256, the county returns it, accepts the corrected one, registers
     * it with a number and notifies; the notice is a PDF in Chinese. The shell lists it with its timeline.
     */
    @Test
    @Order(8)
    void aHazardSourceIsRegisteredAndTheNoticeIsAPdfInChinese() throws Exception {
        simulatedTankFarm();
        long sourceId = -1;
        for (JsonNode item : hw.getJson("/api/hazard-sources?region=370281&size=100").get("items")) {
            if (item.get("code").asText().equals("HS-B") && item.get("enterpriseName").asText().contains("模拟")) {
                sourceId = item.get("id").asLong();
            }
        }
        assertTrue(sourceId > 0, "HS-B of the simulated plant");
        HttpResponse<String> bad = hw.request("POST", "/api/registrations", "{\"kind\":\"CANCELLATION\",\"hazardSourceId\":" + sourceId + "}", true);
        assertEquals(400, bad.statusCode(), bad.body());
        assertTrue(bad.body().contains("reason"), bad.body());
        HttpResponse<String> created = hw.request("POST", "/api/registrations", "{\"kind\":\"REGISTRATION\",\"hazardSourceId\":" + sourceId
                + ",\"statement\":\"汽油罐区申请登记\"}", true);
        assertEquals(201, created.statusCode(), created.body());
        String id = HazardWatchInstance.JSON.readTree(created.body()).get("id").asText();
        HttpResponse<String> early = hw.request("POST", "/api/registrations/" + id + "/actions/submit", "{}", true);
        assertEquals(400, early.statusCode(), early.body());
        assertEquals(5, early.body().split("MISSING_DOCUMENT", -1).length - 1, early.body());
        String sha = null;
        long documentId = -1;
        for (String type : new String[] { "IDENTIFICATION_REPORT", "SAFETY_EVALUATION", "MONITORING_MEASURES", "EMERGENCY_PLAN", "MANAGEMENT_RULES" }) {
            byte[] content = ("材料 " + type).getBytes(StandardCharsets.UTF_8);
            HttpResponse<byte[]> uploaded = hw.requestBytes("POST", "/api/registrations/" + id + "/documents?type=" + type + "&fileName="
                    + java.net.URLEncoder.encode(type + "说明.txt", StandardCharsets.UTF_8), content, "text/plain");
            assertEquals(201, uploaded.statusCode(), new String(uploaded.body(), StandardCharsets.UTF_8));
            JsonNode document = HazardWatchInstance.JSON.readTree(uploaded.body());
            assertEquals(java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(content)),
                    document.get("sha256").asText());
            sha = document.get("sha256").asText();
            documentId = document.get("id").asLong();
        }
        HttpResponse<byte[]> back = hw.requestBytes("GET", "/api/registrations/" + id + "/documents/" + documentId, null, null);
        assertEquals(sha, back.headers().firstValue("X-Content-SHA256").orElse(""));
        assertEquals("材料 MANAGEMENT_RULES", new String(back.body(), StandardCharsets.UTF_8));
        assertEquals(400, hw.requestBytes("POST", "/api/registrations/" + id + "/documents?type=NOTICE&fileName=x.pdf", new byte[] { 1 },
                "application/pdf").statusCode(), "the notice is not uploaded");

        assertEquals(200, hw.request("POST", "/api/registrations/" + id + "/actions/submit", "{}", true).statusCode());
        assertEquals(409, hw.request("POST", "/api/registrations/" + id + "/actions/register", "{}", true).statusCode(), "accept first");
        assertEquals(400, hw.request("POST", "/api/registrations/" + id + "/actions/return", "{\"note\":\"\"}", true).statusCode());
        assertEquals(200, hw.request("POST", "/api/registrations/" + id + "/actions/return", "{\"note\":\"应急预案未备案\"}", true).statusCode());
        assertEquals(400, hw.requestBytes("POST", "/api/registrations/" + id + "/documents?type=OTHER&fileName=x.txt", new byte[0], "text/plain")
                .statusCode(), "an empty file is refused");
        assertEquals(201, hw.requestBytes("POST", "/api/registrations/" + id + "/documents?type=EMERGENCY_PLAN&fileName="
                + java.net.URLEncoder.encode("应急预案备案表.pdf", StandardCharsets.UTF_8), "%PDF-1.4 备案".getBytes(StandardCharsets.UTF_8),
                "application/pdf").statusCode());
        for (String step : new String[] { "submit", "accept", "register", "notify" }) {
            HttpResponse<String> moved = hw.request("POST", "/api/registrations/" + id + "/actions/" + step, "{}", true);
            assertEquals(200, moved.statusCode(), step + ": " + moved.body());
        }
        JsonNode notified = hw.getJson("/api/registrations/" + id);
        assertEquals("NOTIFIED", notified.get("status").asText());
        String number = notified.get("registrationNumber").asText();
        assertTrue(number.matches("370281-20\\d\\d-\\d{4}"), number);
        JsonNode notice = null;
        for (JsonNode d : notified.get("documents")) {
            if (d.get("type").asText().equals("NOTICE")) {
                notice = d;
            }
        }
        assertTrue(notice != null, notified.toString());
        HttpResponse<byte[]> pdf = hw.requestBytes("GET", "/api/registrations/" + id + "/documents/" + notice.get("id").asLong(), null, null);
        assertEquals("application/pdf", pdf.headers().firstValue("Content-Type").orElse(""));
        try (org.apache.pdfbox.pdmodel.PDDocument document = org.apache.pdfbox.Loader.loadPDF(pdf.body())) {
            String text = new org.apache.pdfbox.text.PDFTextStripper().getText(document);
            for (String expected : new String[] { "重大危险源登记通知书", number, "HS-B", "已予登记", "应急预案备案表.pdf", sha }) {
                assertTrue(text.contains(expected), "'" + expected + "' in the notice:\n" + text);
            }
        }
        assertEquals(404, hw.request("GET", "/api/registrations/no-such-id", null, true).statusCode());
        JsonNode statistics = hw.getJson("/api/registrations/statistics");
        assertTrue(statistics.get("byStatus").get("REGISTRATION").get("NOTIFIED").asLong() >= 1, statistics.toString());
        assertTrue(hw.getJson("/api/audit?action=registration.notify").toString().contains(id));
        String shell = hw.shell("hazardwatch:registrations " + id);
        assertTrue(shell.contains(number) && shell.contains("NOTIFY") && shell.contains(sha), shell);
        assertTrue(hw.shell("hazardwatch:registrations --stats").contains("NOTIFIED"));
    }

    /**
     * A major hidden danger through REST (E1): found during a supervision investigation, put under a rectification
     * notice, governed to 100 %, reported with evidence and accepted; it cannot close before. The shell shows it.
     */
    @Test
    @Order(8)
    void aMajorHiddenDangerIsRectifiedUnderNoticeAndClosedOnlyByAcceptance() throws Exception {
        HttpResponse<String> planned = hw.request("POST", "/api/hidden-dangers/inspections", "{\"uscc\":\"" + ENTERPRISE
                + "\",\"kind\":\"SUPERVISION\",\"title\":\"冬季专项检查\",\"checklist\":[\"重大危险源监测监控\",\"紧急切断\"],"
                + "\"inspector\":\"县应急局 张科\",\"plannedAt\":\"" + Instant.now() + "\"}", true);
        assertEquals(201, planned.statusCode(), planned.body());
        long inspection = HazardWatchInstance.JSON.readTree(planned.body()).get("id").asLong();
        HttpResponse<String> invalid = hw.request("POST", "/api/hidden-dangers", "{\"uscc\":\"" + ENTERPRISE + "\",\"level\":\"MAJOR\"}", true);
        assertEquals(400, invalid.statusCode());
        assertTrue(invalid.body().contains("category") && invalid.body().contains("location"), invalid.body());
        HttpResponse<String> recorded = hw.request("POST", "/api/hidden-dangers", "{\"uscc\":\"" + ENTERPRISE + "\",\"hazardSourceCode\":\"HS-A\","
                + "\"inspectionId\":" + inspection + ",\"level\":\"MAJOR\",\"category\":\"PROCESS\",\"location\":\"罐区A T101\","
                + "\"description\":\"高液位联锁未投用\"}", true);
        assertEquals(201, recorded.statusCode(), recorded.body());
        String id = HazardWatchInstance.JSON.readTree(recorded.body()).get("id").asText();
        String deadline = Instant.now().plus(Duration.ofDays(30)).toString();
        assertEquals(400, hw.request("POST", "/api/hidden-dangers/" + id + "/actions/assign", "{\"responsible\":\"李总\",\"deadline\":\""
                + deadline + "\"}", true).statusCode(), "a major one needs a numbered notice");
        assertEquals(200, hw.request("POST", "/api/hidden-dangers/" + id + "/actions/assign", "{\"responsible\":\"李总\",\"deadline\":\""
                + deadline + "\",\"noticeNumber\":\"胶应急隐改〔2026〕12号\"}", true).statusCode());
        assertEquals(409, hw.request("POST", "/api/hidden-dangers/" + id + "/actions/accept", "{}", true).statusCode(), "not before a report");
        assertEquals(201, hw.requestBytes("POST", "/api/hidden-dangers/" + id + "/attachments?stage=EVIDENCE&fileName=%E6%95%B4%E6%94%B9.jpg",
                new byte[] { (byte) 0xFF, (byte) 0xD8, 7 }, "image/jpeg").statusCode());
        HttpResponse<String> early = hw.request("POST", "/api/hidden-dangers/" + id + "/actions/report", "{\"note\":\"已整改\"}", true);
        assertEquals(400, early.statusCode());
        assertTrue(early.body().contains("NOT_COMPLETE"), early.body());
        assertEquals(200, hw.request("POST", "/api/hidden-dangers/" + id + "/governance", "{\"measures\":\"投用高液位联锁\",\"funds\":3.5,"
                + "\"responsible\":\"李总\",\"deadline\":\"" + deadline + "\"}", true).statusCode());
        assertEquals(200, hw.request("POST", "/api/hidden-dangers/" + id + "/governance/progress", "{\"percent\":100,\"note\":\"联锁测试合格\"}", true)
                .statusCode());
        assertEquals(200, hw.request("POST", "/api/hidden-dangers/" + id + "/actions/report", "{\"note\":\"联锁已投用\"}", true).statusCode());
        HttpResponse<String> closed = hw.request("POST", "/api/hidden-dangers/" + id + "/actions/accept", "{\"note\":\"现场验收合格\"}", true);
        assertEquals(200, closed.statusCode(), closed.body());
        JsonNode danger = HazardWatchInstance.JSON.readTree(closed.body());
        assertEquals("CLOSED", danger.get("status").asText());
        assertEquals(100, danger.get("governance").get("progressPercent").asInt());
        assertTrue(hw.getJson("/api/hidden-dangers/inspections?uscc=" + ENTERPRISE).toString().contains("\"dangerCount\":1"));
        assertTrue(hw.getJson("/api/audit?action=hidden-danger.accept").toString().contains(id));
        String shell = hw.shell("hazardwatch:hidden-dangers " + id);
        assertTrue(shell.contains("CLOSED") && shell.contains("胶应急隐改〔2026〕12号") && shell.contains("ACCEPT"), shell);
    }

    /**
     * Equipment inspection through REST (E2): a safety valve of the plant is registered, inspected with a certificate
     * that comes back with its checksum, and the next due date follows; a failed vessel is out of service.
     */
    @Test
    @Order(8)
    void equipmentIsInspectedAndItsCertificateKept() throws Exception {
        HttpResponse<String> longer = hw.request("POST", "/api/equipment", "{\"uscc\":\"" + ENTERPRISE + "\",\"tag\":\"PSV-101A\","
                + "\"name\":\"T101 安全阀\",\"kind\":\"SAFETY_VALVE\",\"intervalMonths\":24}", true);
        assertEquals(400, longer.statusCode());
        assertTrue(longer.body().contains("LONGER_THAN_RULE"), longer.body());
        HttpResponse<String> created = hw.request("POST", "/api/equipment", "{\"uscc\":\"" + ENTERPRISE + "\",\"tag\":\"PSV-101A\","
                + "\"name\":\"T101 安全阀\",\"kind\":\"SAFETY_VALVE\",\"hazardSourceCode\":\"HS-A\"}", true);
        assertEquals(201, created.statusCode(), created.body());
        JsonNode valve = HazardWatchInstance.JSON.readTree(created.body());
        assertEquals("DUE", valve.get("state").asText(), "never inspected here: due at once");
        long id = valve.get("id").asLong();
        java.time.LocalDate today = java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai"));
        HttpResponse<String> inspected = hw.request("POST", "/api/equipment/" + id + "/inspections", "{\"inspectedOn\":\"" + today
                + "\",\"agency\":\"青岛市特种设备检验研究院\",\"result\":\"PASS\",\"certificateNumber\":\"QD-AQF-2026-0815\"}", true);
        assertEquals(200, inspected.statusCode(), inspected.body());
        JsonNode after = HazardWatchInstance.JSON.readTree(inspected.body());
        assertEquals(today.plusMonths(12).toString(), after.get("nextDue").asText());
        assertEquals("OK", after.get("state").asText());
        long record = after.get("records").get(0).get("id").asLong();
        byte[] pdf = "%PDF-1.4 校验报告".getBytes(StandardCharsets.UTF_8);
        HttpResponse<byte[]> certified = hw.requestBytes("POST", "/api/equipment/" + id + "/inspections/" + record + "/certificate?fileName=report.pdf",
                pdf, "application/pdf");
        assertEquals(200, certified.statusCode(), new String(certified.body(), StandardCharsets.UTF_8));
        HttpResponse<byte[]> back = hw.requestBytes("GET", "/api/equipment/" + id + "/inspections/" + record + "/certificate", null, null);
        assertTrue(java.util.Arrays.equals(pdf, back.body()));
        assertEquals(java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(pdf)),
                back.headers().firstValue("X-Content-SHA256").orElse(""));
        assertEquals(409, hw.requestBytes("POST", "/api/equipment/" + id + "/inspections/" + record + "/certificate?fileName=again.pdf", pdf,
                "application/pdf").statusCode(), "kept once");
        assertEquals(1, hw.getJson("/api/equipment/summary").get("ok").asInt());
        String shell = hw.shell("hazardwatch:equipment");
        assertTrue(shell.contains("PSV-101A") && shell.contains("OK"), shell);
    }

    /**
     * The accident register and the hazard source analysis through REST and the shell (issue 8): an accident of the
     * plant is registered, refused again as a duplicate, corrected, exported and recognised when the export is imported
     * again; the analysis counts what the registry lists as standing major hazard sources, drills down to the county
     * and exports a workbook.
     */
    @Test
    @Order(8)
    void accidentsAreRegisteredAndTheRegistryIsAnalysed() throws Exception {
        String at = java.time.LocalDateTime.now(java.time.ZoneId.of("Asia/Shanghai")).minusDays(3).withSecond(0).withNano(0).toString();
        String body = "{\"occurredAt\":\"" + at + "\",\"uscc\":\"" + ENTERPRISE + "\",\"hazardSourceCode\":\"HS-A\",\"kind\":\"LEAK\","
                + "\"deaths\":0,\"injuries\":1,\"directLossWan\":12.5,\"description\":\"T101 法兰泄漏\",\"sourceDocument\":\"企业事故报告\"}";
        HttpResponse<String> created = hw.request("POST", "/api/accidents", body, true);
        assertEquals(201, created.statusCode(), created.body());
        JsonNode accident = HazardWatchInstance.JSON.readTree(created.body());
        assertEquals("370281", accident.get("regionCode").asText(), "the county comes from the registry");
        assertTrue(accident.get("local").asBoolean(), "entered here: " + accident);
        assertEquals("UNDER_10", accident.get("deathTollClass").asText());
        HttpResponse<String> again = hw.request("POST", "/api/accidents", body, true);
        assertEquals(400, again.statusCode());
        assertTrue(again.body().contains("DUPLICATE"), again.body());
        HttpResponse<String> malformed = hw.request("POST", "/api/accidents", "{\"occurredAt\":", true);
        assertEquals(400, malformed.statusCode(), "a broken body is a clear error: " + malformed.body());
        HttpResponse<String> hostile = hw.request("POST", "/api/accidents", "{\"occurredAt\":\"2020-01-01T00:00\",\"enterpriseName\":\"x\","
                + "\"regionCode\":\"370281' OR 1=1 --\",\"kind\":\"FIRE\",\"deaths\":0,\"injuries\":0,\"description\":\"x\"}", true);
        assertEquals(400, hostile.statusCode());
        assertTrue(hostile.body().contains("UNKNOWN_REGION"), hostile.body());
        HttpResponse<String> corrected = hw.request("PUT", "/api/accidents/" + accident.get("id").asText(), body.replace("\"injuries\":1",
                "\"injuries\":2"), true);
        assertEquals(200, corrected.statusCode(), corrected.body());
        assertEquals(2, HazardWatchInstance.JSON.readTree(corrected.body()).get("revision").asInt());

        HttpResponse<byte[]> exported = hw.requestBytes("GET", "/api/accidents/export?uscc=" + ENTERPRISE, null, null);
        assertEquals(200, exported.statusCode());
        assertEquals("PK", new String(exported.body(), 0, 2, StandardCharsets.ISO_8859_1), "an .xlsx");
        HttpResponse<byte[]> reimported = hw.requestBytes("POST", "/api/accidents/import?dryRun=true", exported.body(),
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        JsonNode result = HazardWatchInstance.JSON.readTree(reimported.body());
        assertEquals(200, reimported.statusCode(), result.toString());
        assertEquals(0, result.get("created").asInt(), result.toString());
        assertTrue(result.get("duplicates").asInt() >= 1, "the exported accident is recognised: " + result);
        HttpResponse<byte[]> notAWorkbook = hw.requestBytes("POST", "/api/accidents/import", "日期,类型".getBytes(StandardCharsets.UTF_8), "text/csv");
        assertEquals(400, notAWorkbook.statusCode(), new String(notAWorkbook.body(), StandardCharsets.UTF_8));
        assertEquals(200, hw.requestBytes("GET", "/api/accidents/template", null, null).statusCode());
        String shell = hw.shell("hazardwatch:accidents");
        assertTrue(shell.contains("泄漏") && shell.contains(accident.get("id").asText()), shell);

        long standing = 0;
        for (JsonNode s : hw.getJson("/api/hazard-sources?size=500").get("items")) {
            if (s.get("major").asBoolean() && !"DEREGISTERED".equals(s.get("status").asText())) {
                standing++;
            }
        }
        assertTrue(standing > 0, "the simulated plant has major hazard sources");
        JsonNode nation = hw.getJson("/api/analytics/hazard-sources");
        assertEquals(standing, nation.get("total").get("total").asLong(), nation.toString());
        assertEquals("PROVINCE", nation.get("childLevel").asText());
        assertTrue(nation.get("total").get("accidents").asLong() >= 1 || !at.startsWith(String.valueOf(java.time.Year.now().getValue())),
                "this year's accident is counted");
        JsonNode county = hw.getJson("/api/analytics/hazard-sources?region=370281");
        assertEquals("ENTERPRISE", county.get("childLevel").asText());
        assertEquals(ENTERPRISE, county.get("children").get(0).get("code").asText());
        assertEquals(3, hw.getJson("/api/analytics/hazard-sources/trend?from=" + (java.time.Year.now().getValue() - 2)).size());
        assertEquals(400, hw.request("GET", "/api/analytics/hazard-sources?region=abc", null, true).statusCode());
        HttpResponse<byte[]> workbook = hw.requestBytes("GET", "/api/analytics/hazard-sources/export?region=37", null, null);
        assertEquals(200, workbook.statusCode());
        assertEquals("PK", new String(workbook.body(), 0, 2, StandardCharsets.ISO_8859_1));
        String analysis = hw.shell("hazardwatch:hazard-analysis 3702");
        long inQingdao = hw.getJson("/api/analytics/hazard-sources?region=370200").get("total").get("total").asLong();
        assertTrue(analysis.contains("胶州市") && analysis.contains(inQingdao + " major hazard sources"), analysis);

        // the alarms raised earlier (a gas excursion, an instrument fault) are counted apart in the alarm analysis
        JsonNode[] alarms = new JsonNode[1];
        HazardWatchInstance.await(Duration.ofSeconds(30), "the earlier alarms in the statistics", HazardWatchInstance.unchecked(() -> {
            alarms[0] = hw.getJson("/api/analytics/alarms?region=370281");
            return alarms[0].get("byCategory").get("PROCESS").asLong() >= 2 && alarms[0].get("byCategory").get("INSTRUMENT").asLong() >= 1;
        }));
        long total = alarms[0].get("total").asLong();
        long byHour = 0;
        for (JsonNode n : alarms[0].get("byHour")) {
            byHour += n.asLong();
        }
        assertEquals(total, byHour, "every alarm has its hour");
        assertEquals(ENTERPRISE, alarms[0].get("children").get(0).get("code").asText());
        assertTrue(alarms[0].get("byPointType").get("COMBUSTIBLE_GAS").asLong() >= 2, alarms[0].toString());
        assertTrue(alarms[0].get("live").get("today").asLong() >= 1, "today's alarms are live");
        JsonNode gas = hw.getJson("/api/analytics/alarms/points/" + GAS);
        assertTrue(gas.get("byKind").get("HIGH").asLong() >= 1 && gas.get("byKind").get("HIGH_HIGH").asLong() >= 1, gas.toString());
        assertEquals(404, hw.request("GET", "/api/analytics/alarms/points/NO-SUCH-POINT", null, true).statusCode());
        assertEquals(400, hw.request("GET", "/api/analytics/alarms?from=2026-13", null, true).statusCode());
        assertEquals("PK", new String(hw.requestBytes("GET", "/api/analytics/alarms/export", null, null).body(), 0, 2, StandardCharsets.ISO_8859_1));
        String alarmShell = hw.shell("hazardwatch:alarm-analysis 370281");
        assertTrue(alarmShell.contains("process") && alarmShell.contains(ENTERPRISE), alarmShell);

        // the alarm-to-accident relation (B5): a fire now follows the gas alarms raised earlier in this run (to the second:
        // those alarms may be less than a minute old)
        java.time.ZoneId china = java.time.ZoneId.of("Asia/Shanghai");
        String justNow = java.time.LocalDateTime.now(china).withNano(0).toString();
        HttpResponse<String> fire = hw.request("POST", "/api/accidents", "{\"occurredAt\":\"" + justNow + "\",\"uscc\":\"" + ENTERPRISE
                + "\",\"kind\":\"FIRE\",\"deaths\":0,\"injuries\":0,\"description\":\"罐区B 可燃气体报警后起火（测试）\"}", true);
        assertEquals(201, fire.statusCode(), fire.body());
        String months = "from=" + java.time.YearMonth.from(java.time.LocalDate.now(china).minusDays(3)) + "&to=" + java.time.YearMonth.now(china);
        JsonNode relation = hw.getJson("/api/analytics/accident-relations?region=370281&hours=720&" + months);
        assertEquals(2, relation.get("accidents").asLong(), relation.toString());
        assertEquals(1, relation.get("accidentsWithAlarms").asLong(), "only the fire had alarms before it: " + relation);
        long highHighBefore = 0;
        for (JsonNode r : relation.get("byKind")) {
            if (r.get("key").asText().equals("HIGH_HIGH")) {
                highHighBefore = r.get("accidents").asLong();
                assertTrue(r.get("alarms").asLong() >= 1 && r.get("per1000").asDouble() > 0, r.toString());
            }
        }
        assertEquals(1, highHighBefore, "the fire followed a gas HIGH_HIGH: " + relation);
        assertEquals(ENTERPRISE, relation.get("byRegion").get(0).get("key").asText(), "a county's parts are its enterprises");
        assertTrue(relation.get("patterns").get("transactions").asLong() >= 1, relation.toString());
        assertEquals(400, hw.request("GET", "/api/analytics/accident-relations?hours=0", null, true).statusCode());
        assertEquals(400, hw.request("GET", "/api/analytics/accident-relations?hours=abc", null, true).statusCode());
        assertEquals("PK", new String(hw.requestBytes("GET", "/api/analytics/accident-relations/export?region=370281", null, null).body(), 0, 2,
                StandardCharsets.ISO_8859_1));
        String relationShell = hw.shell("hazardwatch:accident-relations --hours 720 --from " + months.substring(5, 12) + " 370281");
        assertTrue(relationShell.contains("2 accidents (1 with alarms before them)") && relationShell.contains("HIGH_HIGH"), relationShell);

        // the one map and the wall screen
        JsonNode map = hw.getJson("/api/map/markers");
        JsonNode plant = null;
        for (JsonNode m : map.get("markers")) {
            if (m.get("uscc").asText().equals(ENTERPRISE)) {
                plant = m;
            }
        }
        assertTrue(plant != null, "the simulated plant is on the map: " + map);
        assertEquals(120.0335, plant.get("longitude").asDouble(), 1e-9);
        assertTrue(java.util.List.of("ALARM", "WARNING", "FAULT", "NORMAL").contains(plant.get("state").asText()), "monitored: " + plant);
        assertTrue(plant.get("grade").asInt() >= 1 && plant.get("grade").asInt() <= 4, plant.toString());
        long placed = 0;
        for (JsonNode n : map.get("counts").get("byState")) {
            placed += n.asLong();
        }
        assertEquals(map.get("markers").size(), placed, "every marker has one state");
        String grade = plant.get("grade").asText();
        for (JsonNode m : hw.getJson("/api/map/markers?region=370281&grade=" + grade).get("markers")) {
            assertTrue(m.get("regionCode").asText().equals("370281"), m.toString());
        }
        assertEquals(400, hw.request("GET", "/api/map/markers?grade=9", null, true).statusCode());
        assertEquals(400, hw.request("GET", "/api/map/markers?state=ON_FIRE", null, true).statusCode());
        JsonNode card = hw.getJson("/api/map/enterprises/" + ENTERPRISE);
        assertEquals("青岛海湾示范化工储运有限公司（模拟）", card.get("name").asText());
        assertTrue(card.get("hazardSources").size() >= 1 && card.get("accidents").asLong() >= 2, card.toString());
        assertEquals(404, hw.request("GET", "/api/map/enterprises/91370000000000000X", null, true).statusCode());
        JsonNode wall = hw.getJson("/api/dashboard");
        assertEquals(standing, wall.get("hazardSources").get("total").asLong(), wall.toString());
        assertEquals(java.time.LocalTime.now(china).getHour() + 1, wall.get("todayByHour").size(), "midnight to this hour (unless the hour just turned)");
        assertTrue(wall.get("accidentsThisYear").get("count").asLong() >= 1, wall.toString());
        assertTrue(wall.get("monitoring").get("points").asLong() > 0, wall.toString());
        assertTrue(hw.shell("hazardwatch:map 370281").contains(ENTERPRISE));
        assertTrue(hw.shell("hazardwatch:map --summary").contains(standing + " major hazard sources"));

        // the monthly report, as PDF
        HttpResponse<byte[]> report = hw.requestBytes("GET", "/api/analytics/monthly-report?region=370281&month=" + java.time.YearMonth.now(china), null,
                null);
        assertEquals(200, report.statusCode(), new String(report.body(), StandardCharsets.UTF_8));
        assertEquals("%PDF", new String(report.body(), 0, 4, StandardCharsets.ISO_8859_1));
        assertEquals(400, hw.request("GET", "/api/analytics/monthly-report?month=2999-01", null, true).statusCode());
        assertEquals(400, hw.request("GET", "/api/analytics/monthly-report?region=abc", null, true).statusCode());
        Path pdf = hw.root.resolve("itests/target/monthly-report-370281.pdf");
        Files.deleteIfExists(pdf);
        String written = hw.shell("hazardwatch:monthly-report --month " + java.time.YearMonth.now(china) + " " + pdf + " 370281");
        assertTrue(written.contains("written to") && Files.size(pdf) > 10_000, written);
    }

    /**
     * A registration from application to notice in Chromium (issue 9's browser test): the form, the missing documents,
     * five uploads with their checksums, a PDF preview, return and resubmission, acceptance, registration, the notice.
     */
    @Test
    @Order(9)
    void aHazardSourceIsRegisteredEndToEndInChromium() throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(Path.of("/usr/bin/chromium")),
                "!!!!!!!! /usr/bin/chromium is missing: SKIPPING the browser test (./.ci/ensure-test-services installs it as root) !!!!!!!!");
        simulatedTankFarm();
        ProcessBuilder builder = new ProcessBuilder("node", "e2e/registrations.mjs").directory(hw.root.resolve("webapp/frontend").toFile())
                .redirectErrorStream(true);
        builder.environment().putAll(Map.of("HW_URL", hw.url("/"), "HW_USER", "admin", "HW_PASSWORD", HazardWatchInstance.ADMIN_PASSWORD,
                "HW_SOURCE_QUERY", "罐区A", "HW_SOURCE_CODE", "HS-A", "HW_SCREENSHOT_DIR", hw.root.resolve("itests/target").toString()));
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(300, TimeUnit.SECONDS), "browser test finished");
        System.out.println(output);
        assertEquals(0, process.exitValue(), output);
        assertTrue(output.contains("20 passed, 0 failed"), output);
    }

    /**
     * A major hidden danger from investigation to acceptance in Chromium (notice, governance project, evidence with its
     * checksum, report, acceptance), and equipment inspection (interval rule, certificate, a failed piece out of
     * service).
     */
    @Test
    @Order(9)
    void aHiddenDangerIsClosedAndEquipmentIsInspectedInChromium() throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(Path.of("/usr/bin/chromium")),
                "!!!!!!!! /usr/bin/chromium is missing: SKIPPING the browser test (./.ci/ensure-test-services installs it as root) !!!!!!!!");
        for (String[] script : new String[][] { { "hidden-dangers", "17 passed, 0 failed" }, { "equipment", "9 passed, 0 failed" } }) {
            ProcessBuilder builder = new ProcessBuilder("node", "e2e/" + script[0] + ".mjs").directory(hw.root.resolve("webapp/frontend").toFile())
                    .redirectErrorStream(true);
            builder.environment().putAll(Map.of("HW_URL", hw.url("/"), "HW_USER", "admin", "HW_PASSWORD", HazardWatchInstance.ADMIN_PASSWORD,
                    "HW_ENTERPRISE", ENTERPRISE, "HW_SCREENSHOT_DIR", hw.root.resolve("itests/target").toString()));
            Process process = builder.start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(process.waitFor(300, TimeUnit.SECONDS), script[0] + " finished");
            System.out.println(output);
            assertEquals(0, process.exitValue(), output);
            assertTrue(output.contains(script[1]), output);
        }
    }

    /**
     * The accident register and the analyses in Chromium (issue 8): an accident registered, refused again, corrected
     * and voided through the page; the hazard source analysis drilled down from the country to the county, its numbers
     * those of the API.
     */
    @Test
    @Order(9)
    void accidentsAreRegisteredAndTheAnalysesDrillDownInChromium() throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(Path.of("/usr/bin/chromium")),
                "!!!!!!!! /usr/bin/chromium is missing: SKIPPING the browser test (./.ci/ensure-test-services installs it as root) !!!!!!!!");
        for (String[] script : new String[][] { { "accidents", "[accidents] 10 passed, 0 failed" },
                { "hazard-analysis", "[hazard-analysis] 11 passed, 0 failed" }, { "alarm-analysis", "[alarm-analysis] 13 passed, 0 failed" },
                { "accident-relations", "[accident-relations] 10 passed, 0 failed" }, { "wall-dashboard", "[wall-dashboard] 9 passed, 0 failed" },
                { "one-map", "[one-map] 10 passed, 0 failed" } }) {
            ProcessBuilder builder = new ProcessBuilder("node", "e2e/" + script[0] + ".mjs").directory(hw.root.resolve("webapp/frontend").toFile())
                    .redirectErrorStream(true);
            builder.environment().putAll(Map.of("HW_URL", hw.url("/"), "HW_USER", "admin", "HW_PASSWORD", HazardWatchInstance.ADMIN_PASSWORD,
                    "HW_ENTERPRISE", ENTERPRISE, "HW_REGION_PATH", "37,3702,370281", "HW_POINT", GAS, "HW_REGION", "37",
                    "HW_SCREENSHOT_DIR", hw.root.resolve("itests/target").toString()));
            Process process = builder.start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(process.waitFor(300, TimeUnit.SECONDS), script[0] + " finished");
            System.out.println(output);
            assertEquals(0, process.exitValue(), output);
            assertTrue(output.contains(script[1]), output);
        }
    }

    /**
     * The adapter the archetype generates (built and installed to the local Maven repository by the archetype's own
     * integration test, earlier in the build) installs into a running node unchanged and reads a device.
     */
    @Test
    @Order(9)
    void anAdapterGeneratedFromTheArchetypeInstallsAndReads() throws Exception {
        Path generated = Path.of(System.getProperty("user.home"), ".m2/repository/org/hazardwatch/example/hazardwatch-adapter-acme");
        Assumptions.assumeTrue(Files.isDirectory(generated), "the archetype's integration test did not run (-DskipTests?)");
        com.sun.net.httpserver.HttpServer device = com.sun.net.httpserver.HttpServer.create(
                new java.net.InetSocketAddress("127.0.0.1", 0), 0);
        device.createContext("/values", exchange -> {
            byte[] body = "LT101=8.5\n".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        device.start();
        Path config = hw.home.resolve("etc/org.hazardwatch.adapter.acme-lab.cfg");
        Path mapping = hw.home.resolve("etc/hazardwatch/acme-lab-mapping.csv");
        try {
            hw.shell("feature:repo-add mvn:org.hazardwatch.example/hazardwatch-adapter-acme/1.0.0-SNAPSHOT/xml/features");
            hw.shell("feature:install hazardwatch-adapter-acme");
            Files.writeString(mapping, "pointId,tag\nA-T102-LT,LT101\n", StandardCharsets.UTF_8);
            Files.writeString(config, "url = http://127.0.0.1:" + device.getAddress().getPort() + "/values\nmapping.file = "
                    + mapping + "\npoll.interval.ms = 500\n", StandardCharsets.UTF_8);
            await(Duration.ofSeconds(30), "the generated adapter reads the device", unchecked(() -> {
                for (JsonNode a : hw.getJson("/api/adapters")) {
                    if (a.get("type").asText().equals("acme")) {
                        return a.get("status").asText().equals("ONLINE") && a.get("samplesReceived").asLong() > 0;
                    }
                }
                return false;
            }));
            assertTrue(hw.shell("hazardwatch:adapters").contains("acme"));
        } finally {
            Files.deleteIfExists(config);
            hw.shell("feature:uninstall hazardwatch-adapter-acme");
            device.stop(0);
        }
        await(Duration.ofSeconds(20), "the generated adapter is gone", unchecked(() -> hw.getJson("/api/adapters").size() == 2));
    }

    /** The WebService integration (I1) called by npm soap from its WSDL, and the same operations over REST. */
    @Test
    @Order(9)
    void localSystemsSubmitReadingsOverSoapAndRest() throws Exception {
        Path peers = hw.root.resolve("tools/test-peers");
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isDirectory(peers.resolve("node_modules/soap")),
                "!!!!!!!! npm soap is not installed in tools/test-peers: SKIPPING the SOAP client test !!!!!!!!");
        ProcessBuilder builder = new ProcessBuilder("node", "soap-client.mjs", hw.url("/"), hw.token(), "A-T101-LT")
                .directory(peers.toFile()).redirectErrorStream(true);
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(120, java.util.concurrent.TimeUnit.SECONDS), "the SOAP client finished");
        System.out.println(output);
        assertEquals(0, process.exitValue(), output);
        await(Duration.ofSeconds(30), "the SOAP readings stored", unchecked(() -> hw.getJson("/api/points/A-T101-LT/history?from="
                + Instant.now().minusSeconds(120)).path("samples").toString().contains("\"value\":3.25")));
        String wsdl = hw.request("GET", "/soap/integration?wsdl", null, false).body();
        assertTrue(wsdl.contains("urn:hazardwatch:integration:1") && wsdl.contains("SubmitReadings"), wsdl);

        HttpResponse<String> rest = hw.request("POST", "/api/integration/readings", "{\"system\":\"SIS\",\"readings\":["
                + "{\"pointId\":\"A-T101-TT\",\"time\":\"" + Instant.now().minusSeconds(1) + "\",\"value\":21.5},"
                + "{\"pointId\":\"A-T101-TT\",\"time\":\"" + Instant.now().plusSeconds(3600) + "\",\"value\":21.5},"
                + "{\"pointId\":\"A-T101-TT\",\"time\":\"" + Instant.now() + "\",\"value\":null}]}", true);
        assertEquals(200, rest.statusCode(), rest.body());
        JsonNode result = HazardWatchInstance.JSON.readTree(rest.body());
        assertEquals(1, result.path("accepted").asInt(), rest.body());
        assertTrue(result.path("refused").toString().contains("in the future") && result.path("refused").toString().contains("finite"),
                rest.body());
        assertEquals(400, hw.request("POST", "/api/integration/readings", "{\"readings\":[]}", true).statusCode(), "no readings");
        assertEquals(401, hw.request("POST", "/api/integration/readings", "{\"readings\":[]}", false).statusCode(), "not logged in");
        assertEquals(200, hw.request("GET", "/api/integration/commands?since=2026-01-01T00:00:00Z", null, true).statusCode());

        // the alarm the gas detection controller reported over SOAP: on the console, marked with its system
        JsonNode faults = hw.getJson("/api/alarms?pointId=A-T101-LT&kind=FAULT&state=open");
        JsonNode reported = null;
        for (JsonNode item : faults.path("items")) {
            JsonNode detail = hw.getJson("/api/alarms/" + item.path("id").asLong());
            if (detail.path("history").get(0).path("actor").asText().equals("integration:GDS-1")) {
                reported = item;
            }
        }
        assertNotNull(reported, "the local system's alarm is on the console: " + faults);
        long reportedId = reported.path("id").asLong();
        // the REST twin returns it; the console acknowledges it; shelving it here is refused: the system owns it
        HttpResponse<String> returned = hw.request("POST", "/api/integration/alarms", "{\"system\":\"GDS-1\",\"alarms\":[{"
                + "\"pointId\":\"A-T101-LT\",\"kind\":\"FAULT\",\"state\":\"RETURNED\",\"time\":\"" + Instant.now().minusSeconds(1) + "\"},"
                + "{\"pointId\":\"A-T101-LT\",\"kind\":\"FAULT\",\"state\":\"ACTIVE\",\"time\":\"" + Instant.now().plusSeconds(3600) + "\"}]}", true);
        assertEquals(200, returned.statusCode(), returned.body());
        JsonNode returnedResult = HazardWatchInstance.JSON.readTree(returned.body());
        assertEquals(1, returnedResult.path("accepted").asInt(), returned.body());
        assertTrue(returnedResult.path("refused").toString().contains("in the future"), returned.body());
        assertEquals("UNACKED_RETURNED", hw.getJson("/api/alarms/" + reportedId).path("alarm").path("state").asText());
        HttpResponse<String> shelve = hw.request("POST", "/api/alarms/" + reportedId + "/shelve", "{\"minutes\":30,\"reason\":\"检修\"}", true);
        assertTrue(shelve.statusCode() == 409 || shelve.statusCode() == 400, shelve.statusCode() + " " + shelve.body());
        assertTrue(shelve.body().contains("GDS-1"), shelve.body());
        HttpResponse<String> ack = hw.request("POST", "/api/alarms/" + reportedId + "/ack", "{\"comment\":\"现场确认\"}", true);
        assertEquals(200, ack.statusCode(), ack.body());
        assertEquals("NORMAL", hw.getJson("/api/alarms/" + reportedId).path("alarm").path("state").asText());
        assertEquals(400, hw.request("POST", "/api/integration/alarms", "{\"alarms\":[]}", true).statusCode(), "no alarms");

        // registration over SOAP: the enterprise and its hazard source are in the registry, graded
        JsonNode registered = hw.getJson("/api/enterprises?q=91370281MA3LQ0P012");
        assertTrue(registered.path("items").toString().contains("胶州接口示范化工有限公司"), registered.toString());
        long enterpriseId = registered.path("items").get(0).path("id").asLong();
        JsonNode sources = hw.getJson("/api/hazard-sources?enterpriseId=" + enterpriseId);
        assertEquals(1, sources.path("total").asInt(), sources.toString());
        assertEquals("HS-SOAP", sources.path("items").get(0).path("code").asText());
        assertTrue(sources.path("items").get(0).path("major").asBoolean(), "12.5 t of chlorine is a major hazard source: " + sources);
        // the REST twin updates it; a bad item refuses the whole call and names every error
        HttpResponse<String> update = hw.request("POST", "/api/integration/registration", "{\"system\":\"SMS\",\"enterprises\":[{"
                + "\"uscc\":\"91370281MA3LQ0P012\",\"name\":\"胶州接口示范化工有限公司\",\"regionCode\":\"370281\",\"industryCode\":\"2614\","
                + "\"contactName\":\"王工\",\"contactPhone\":\"0532-11112222\"}]}", true);
        assertEquals(200, update.statusCode(), update.body());
        JsonNode updated = HazardWatchInstance.JSON.readTree(update.body());
        assertTrue(updated.path("applied").asBoolean() && updated.path("enterprisesUpdated").asInt() == 1, update.body());
        HttpResponse<String> refusedRegistration = hw.request("POST", "/api/integration/registration", "{\"hazardSources\":[{"
                + "\"enterpriseUscc\":\"91370281MA3LQ0P012\",\"source\":{\"code\":\"HS-2\",\"name\":\"x\",\"units\":[{\"code\":\"U1\","
                + "\"kind\":\"STORAGE\",\"inventory\":[{\"substance\":\"氯\",\"tonnes\":-1}]}]}}]}", true);
        assertEquals(200, refusedRegistration.statusCode(), refusedRegistration.body());
        JsonNode refusedResult = HazardWatchInstance.JSON.readTree(refusedRegistration.body());
        assertFalse(refusedResult.path("applied").asBoolean(), refusedRegistration.body());
        assertTrue(refusedResult.path("errors").toString().contains("units[0].inventory[0].tonnes"), refusedRegistration.body());
        assertEquals(1, hw.getJson("/api/hazard-sources?enterpriseId=" + enterpriseId).path("total").asInt(), "nothing of it written");
        assertEquals(400, hw.request("POST", "/api/integration/registration", "{}", true).statusCode(), "nothing to register");
        JsonNode audit = hw.getJson("/api/audit?action=integration.registration");
        assertTrue(audit.toString().contains("安全管理系统") && audit.toString().contains("SMS"), audit.toString());
    }

    @Test
    @Order(10)
    void aSecondInstanceRunsSideBySide() throws Exception {
        try (HazardWatchInstance city = new HazardWatchInstance("side-by-side", Map.of("HAZARDWATCH_LEVEL", "city"))) {
            city.start();
            JsonNode health = HazardWatchInstance.JSON.readTree(city.request("GET", "/api/health", null, false).body());
            assertEquals("UP", health.get("status").asText(), health.toString());
            assertTrue(city.shell("hazardwatch:status").contains("Level:     city"));
            assertEquals(200, hw.request("GET", "/api/health", null, false).statusCode(), "the first instance still answers");
            assertTrue(hw.shell("hazardwatch:status").contains("Level:     county"));
        }
    }

    @Test
    @Order(11)
    void nothingUnexpectedWasLogged() throws Exception {
        long pid = hw.karafPid();
        String rss = new String(new ProcessBuilder("ps", "-o", "rss=", "-p", String.valueOf(pid)).start().getInputStream().readAllBytes()).strip();
        System.out.println("[measure] resident memory of the running distribution: " + Long.parseLong(rss) / 1024 + " MB");
        String ingest = HazardWatchInstance.JSON.readTree(hw.request("GET", "/api/health", null, false).body())
                .get("components").get("ingest").get("detail").asText();
        System.out.println("[measure] " + ingest.substring(ingest.indexOf("exception reporting")));
        // the shell logs the deliberately wrong commands above as errors; anything else is a defect
        java.util.List<String> errors = hw.log().lines().filter(l -> l.contains("| ERROR |"))
                .filter(l -> !l.contains("ShellUtil") || !l.contains("Exception caught while executing command")).toList();
        assertTrue(errors.isEmpty(), () -> String.join("\n", errors.subList(0, Math.min(20, errors.size()))));
    }
}
