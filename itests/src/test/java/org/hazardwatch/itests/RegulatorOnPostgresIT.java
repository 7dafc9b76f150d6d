package org.hazardwatch.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The regulator edition (HAZARDWATCH_LEVEL=city) on PostgreSQL, selected by the one DataSource configuration file:
 * no acquisition features, the schema created in PostgreSQL, and everything still there after a restart.
 */
class RegulatorOnPostgresIT {

    @Test
    void cityNodeOnPostgresql() throws Exception {
        String database = "hw_itest_" + Long.toHexString(System.nanoTime());
        try (Connection c = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/postgres?connectTimeout=3", "postgres", "");
                Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + database);
        } catch (SQLException e) {
            System.err.println("\n!!!!!!!! PostgreSQL at 127.0.0.1:5432 does not answer (" + e.getMessage()
                    + "): SKIPPING the distribution-on-PostgreSQL test !!!!!!!!\n");
            Assumptions.abort("no PostgreSQL on 127.0.0.1:5432");
        }
        HazardWatchInstance hw = new HazardWatchInstance("city-postgres", Map.of("HAZARDWATCH_LEVEL", "city",
                "HAZARDWATCH_SIMULATOR", "true", "HAZARDWATCH_DB_URL", "jdbc:postgresql://127.0.0.1:5432/" + database,
                "HAZARDWATCH_DB_USER", "postgres"));
        try {
            hw.start();
            HazardWatchInstance.await(java.time.Duration.ofSeconds(30), "edition installed",
                    HazardWatchInstance.unchecked(() -> hw.log().contains("Edition hazardwatch-regulator")));
            JsonNode health = HazardWatchInstance.JSON.readTree(hw.request("GET", "/api/health", null, false).body());
            assertEquals("UP", health.get("status").asText(), health.toString());
            assertTrue(health.get("components").get("database").get("detail").asText().startsWith("PostgreSQL"), health.toString());
            assertFalse(health.get("components").has("simulator"), "regulators never run the simulator");
            assertFalse(health.get("components").has("adapter:opcua-simulator"));
            String features = hw.shell("feature:list -i");
            assertTrue(features.contains("hazardwatch-rest"), features);
            assertFalse(features.contains("hazardwatch-adapter-opcua"), features);
            assertTrue(hw.shell("hazardwatch:status").contains("Edition:   hazardwatch-regulator"));
            assertEquals(0, hw.getJson("/api/points").size(), "a regulator reads no plant: its points arrive from the nodes below");
            try (Connection c = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/" + database, "postgres", "");
                    Statement s = c.createStatement(); var rs = s.executeQuery("SELECT COUNT(*) FROM databasechangelog")) {
                rs.next();
                assertEquals(28, rs.getInt(1), "migrations recorded in PostgreSQL");
            }

            // the password can be changed over the API; every session ends with it
            String oldToken = hw.token();
            HttpResponse<String> tooShort = hw.request("POST", "/api/auth/password",
                    "{\"currentPassword\":\"" + HazardWatchInstance.ADMIN_PASSWORD + "\",\"newPassword\":\"short\"}", true);
            assertEquals(400, tooShort.statusCode());
            assertEquals("PASSWORD_TOO_SHORT", HazardWatchInstance.JSON.readTree(tooShort.body()).get("code").asText());
            HttpResponse<String> changed = hw.request("POST", "/api/auth/password",
                    "{\"currentPassword\":\"" + HazardWatchInstance.ADMIN_PASSWORD + "\",\"newPassword\":\"City-Node-Pass-2026\"}", true);
            assertEquals(204, changed.statusCode(), changed.body());
            assertEquals(401, hw.request("GET", "/api/points", null, true).statusCode(), "old session " + oldToken + " ended");
            assertEquals(200, hw.request("POST", "/api/auth/login",
                    "{\"username\":\"admin\",\"password\":\"City-Node-Pass-2026\"}", false).statusCode());

            hw.close();
            long restart = hw.start();
            System.out.println("[measure] restart until /api/health answers: " + restart + " ms");
            hw.useCredentials("City-Node-Pass-2026");
            assertEquals(200, hw.request("GET", "/api/auth/me", null, true).statusCode(), "the changed password kept across restart");
            assertFalse(hw.shell("feature:list -i").contains("hazardwatch-adapter-opcua"));
        } finally {
            hw.close();
        }
    }
}
