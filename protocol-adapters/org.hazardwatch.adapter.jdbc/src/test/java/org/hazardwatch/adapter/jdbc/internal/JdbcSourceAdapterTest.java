package org.hazardwatch.adapter.jdbc.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import org.hazardwatch.api.adapter.AdapterStatus;
import org.hazardwatch.api.model.Quality;
import org.hazardwatch.api.model.Sample;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The JDBC source against a real PostgreSQL (127.0.0.1:5432, user postgres; skipped loudly when absent): a
 * gas-detection system's readings table with a sequence id as the watermark.
 */
class JdbcSourceAdapterTest {

    static final JdbcSourceAdapter.Settings SETTINGS = new JdbcSourceAdapter.Settings("gds.readings", "id", "tag", "val", "ts",
            "status", 100, 3);

    @TempDir
    Path work;
    String url;
    final List<Sample> received = new CopyOnWriteArrayList<>();
    boolean refuse;
    JdbcSourceAdapter adapter;

    @BeforeEach
    void database() throws SQLException {
        String name = "hw_jdbc_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        try (Connection c = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/postgres?connectTimeout=3", "postgres", "");
                Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            System.err.println("\n!!!!!!!! PostgreSQL does not answer: SKIPPING the JDBC source tests !!!!!!!!\n");
            Assumptions.abort("PostgreSQL does not answer: " + e.getMessage());
        }
        url = "jdbc:postgresql://127.0.0.1:5432/" + name;
        sql("CREATE SCHEMA gds; CREATE TABLE gds.readings (id BIGSERIAL PRIMARY KEY, tag VARCHAR(40), val DOUBLE PRECISION, "
                + "ts TIMESTAMPTZ, status VARCHAR(10))");
    }

    @AfterEach
    void stop() {
        if (adapter != null) {
            adapter.stop();
        }
    }

    void sql(String statements) throws SQLException {
        try (Connection c = DriverManager.getConnection(url, "postgres", ""); Statement s = c.createStatement()) {
            s.execute(statements);
        }
    }

    void insert(String tag, double value, String status) throws SQLException {
        sql("INSERT INTO gds.readings (tag, val, ts, status) VALUES ('" + tag + "', " + value + ", now(), '" + status + "')");
    }

    JdbcSourceAdapter adapter(JdbcSourceAdapter.Settings settings) {
        return new JdbcSourceAdapter("gds", settings, () -> DriverManager.getConnection(url, "postgres", ""),
                Map.of("AT-101", "A-AT101", "GT-201", "B-GT201"), work.resolve("watermark-gds"), samples -> {
                    if (refuse) {
                        throw new IllegalStateException("broker unavailable");
                    }
                    received.addAll(samples);
                });
    }

    @Test
    void newRowsAreReadOnceInOrderAcrossBatchesAndRestarts() throws Exception {
        insert("AT-101", 3.5, "GOOD");
        insert("GT-201", 12.0, "GOOD");
        insert("XX-999", 1.0, "GOOD"); // not mapped: skipped, but the watermark passes it
        insert("AT-101", 4.0, "BAD");
        adapter = adapter(SETTINGS);
        assertEquals(3, adapter.poll(), "a batch is at most batch.size rows");
        assertEquals(1, adapter.poll());
        assertEquals(0, adapter.poll());
        assertEquals(List.of(3.5, 12.0, 4.0), received.stream().map(Sample::value).toList());
        assertEquals(Quality.BAD, received.get(2).quality(), "the quality column is read");
        assertEquals(AdapterStatus.ONLINE, adapter.status());
        assertEquals(4, adapter.watermark());
        assertEquals("4", Files.readString(work.resolve("watermark-gds")));

        // a restart resumes after the saved watermark: nothing twice, nothing missed
        adapter.stop();
        insert("GT-201", 13.0, "GOOD");
        adapter = adapter(SETTINGS);
        assertEquals(1, adapter.poll());
        assertEquals(List.of(3.5, 12.0, 4.0, 13.0), received.stream().map(Sample::value).toList());
    }

    @Test
    void aRefusedBatchIsReadAgain() throws Exception {
        insert("AT-101", 5.0, "GOOD");
        adapter = adapter(SETTINGS);
        refuse = true;
        assertThrows(IllegalStateException.class, () -> adapter.poll());
        assertEquals(0, adapter.watermark(), "the watermark stays until the pipeline takes the rows");
        refuse = false;
        adapter.poll();
        assertEquals(List.of(5.0), received.stream().map(Sample::value).toList());
    }

    @Test
    void runsOnItsOwnThreadAndReportsALostDatabase() throws Exception {
        insert("AT-101", 6.0, "GOOD");
        adapter = adapter(SETTINGS);
        adapter.start();
        long deadline = System.currentTimeMillis() + 10_000;
        while (received.isEmpty() && System.currentTimeMillis() < deadline) {
            Thread.sleep(50);
        }
        assertEquals(1, received.size());
        adapter.stop();
        JdbcSourceAdapter broken = new JdbcSourceAdapter("broken", SETTINGS,
                () -> DriverManager.getConnection("jdbc:postgresql://127.0.0.1:1/none?connectTimeout=1", "postgres", ""),
                Map.of(), work.resolve("watermark-broken"), samples -> { });
        broken.start();
        deadline = System.currentTimeMillis() + 10_000;
        while (broken.status() != AdapterStatus.OFFLINE && System.currentTimeMillis() < deadline) {
            Thread.sleep(50);
        }
        assertEquals(AdapterStatus.OFFLINE, broken.status());
        assertTrue(broken.statusDetail().contains("failed"), broken.statusDetail());
        broken.stop();
    }

    @Test
    void namesThatCouldCarrySqlAreRefused() {
        JdbcSourceAdapter.Settings hostile = new JdbcSourceAdapter.Settings("readings; DROP TABLE readings", "id", "tag",
                "val", "ts", "", 100, 10);
        adapter = new JdbcSourceAdapter("hostile", hostile, () -> {
            throw new AssertionError("must not connect");
        }, Map.of(), work.resolve("w"), samples -> { });
        adapter.start();
        assertEquals(AdapterStatus.OFFLINE, adapter.status());
        assertTrue(adapter.statusDetail().startsWith("configuration invalid: table must be a plain SQL name"),
                adapter.statusDetail());
    }

    @Test
    void tagMappingsReportBadRows() throws Exception {
        TagMapping mapping = TagMapping.parse(new StringReader("pointId,tag\nA-AT101,AT-101\nbroken\nB-GT201,AT-101\n"));
        assertEquals(Map.of("AT-101", "A-AT101"), mapping.pointByTag());
        assertEquals(2, mapping.errors().size(), mapping.errors().toString());
    }
}
