package org.hazardwatch.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import javax.sql.DataSource;

import org.apache.commons.dbcp2.BasicDataSource;
import org.hazardwatch.api.model.MonitoringPoint;
import org.hazardwatch.api.model.PointType;
import org.hazardwatch.api.model.Quality;
import org.hazardwatch.api.model.Sample;
import org.hazardwatch.broker.internal.EmbeddedBroker;
import org.hazardwatch.core.internal.alarm.AlarmModule;
import org.hazardwatch.core.internal.db.DatabaseMigrator;
import org.hazardwatch.core.internal.db.JdbcPointRepository;
import org.hazardwatch.core.internal.db.JdbcSampleStore;
import org.hazardwatch.routes.ingest.IngestPipeline;

/**
 * Samples per second through the ingest pipeline, from the adapter callback ({@code SampleSink.publish}) to the
 * stored sample: normalize -> JSON -> persistent broker queue (KahaDB) -> transacted consumer -> sample and
 * current-value tables -> limit check. The same classes and settings as in Karaf: file H2 or PostgreSQL, persistent
 * broker. Each run publishes batches the way the OPC UA adapter does and stops the clock when the last sample is
 * in the database.
 */
public final class IngestThroughputBenchmark {

    private IngestThroughputBenchmark() {
    }

    record Result(String database, int batchSize, int samples, double publishSeconds, double endToEndSeconds, long heapMb) {
    }

    public static void main(String[] args) throws Exception {
        int samples = Integer.parseInt(option(args, "--samples", "32000"));
        int runs = Integer.parseInt(option(args, "--runs", "3"));
        List<String> databases = Arrays.asList(option(args, "--databases", "h2,postgresql").split(","));
        List<Integer> batchSizes = Arrays.stream(option(args, "--batches", "16,1").split(",")).map(Integer::valueOf).toList();
        List<Result> results = new ArrayList<>();
        for (String database : databases) {
            for (int batchSize : batchSizes) {
                List<Result> repeats = new ArrayList<>();
                for (int run = 0; run <= runs; run++) {
                    Result result = run(database, batchSize, run == 0 ? Math.min(samples, 4000) : samples);
                    if (result == null) {
                        break;
                    }
                    if (run > 0) { // run 0 warms the JIT up
                        repeats.add(result);
                    }
                }
                if (!repeats.isEmpty()) {
                    repeats.sort((a, b) -> Double.compare(a.endToEndSeconds(), b.endToEndSeconds()));
                    results.add(repeats.get(repeats.size() / 2)); // median
                }
            }
        }
        System.out.println();
        System.out.printf(Locale.ROOT, "Ingest throughput (median of %d runs, %d samples each, %d cores, Java %s)%n", runs,
                samples, Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"));
        System.out.println("| database | batch size | samples/s end to end | publish calls/s | heap used (MB) |");
        System.out.println("|---|---|---|---|---|");
        for (Result r : results) {
            System.out.printf(Locale.ROOT, "| %s | %d | %.0f | %.0f | %d |%n", r.database(), r.batchSize(),
                    r.samples() / r.endToEndSeconds(), r.samples() / (double) r.batchSize() / r.publishSeconds(), r.heapMb());
        }
        System.exit(0);
    }

    static Result run(String database, int batchSize, int samples) throws Exception {
        Path work = Files.createTempDirectory("hw-bench");
        DataSource dataSource = dataSource(database, work);
        if (dataSource == null) {
            return null;
        }
        DatabaseMigrator.migrate(dataSource);
        JdbcPointRepository points = new JdbcPointRepository(dataSource);
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            String id = "BENCH-" + i;
            ids.add(id);
            points.save(new MonitoringPoint(id, "基准测点" + i, PointType.PRESSURE, "MPa", 0, 10, null, 9.0, "BENCH", "E", null));
        }
        EmbeddedBroker broker = new EmbeddedBroker("bench", "", true, work.resolve("broker").toFile(), 2048, 64);
        broker.start();
        IngestPipeline pipeline = new IngestPipeline(broker.connectionFactory(), new JdbcSampleStore(dataSource),
                AlarmModule.create(dataSource, points, java.time.Clock.systemUTC(), Duration.ofSeconds(10), event -> { }).engine(), null);
        try {
            Instant base = Instant.parse("2026-01-01T00:00:00Z");
            long start = System.nanoTime();
            int sent = 0;
            while (sent < samples) {
                List<Sample> batch = new ArrayList<>(batchSize);
                for (int i = 0; i < batchSize && sent < samples; i++, sent++) {
                    batch.add(new Sample(ids.get(sent % ids.size()), base.plusMillis(sent), 1 + (sent % 700) / 100.0, Quality.GOOD));
                }
                pipeline.publish(batch);
            }
            double publishSeconds = (System.nanoTime() - start) / 1e9;
            while (count(dataSource) < samples) {
                Thread.sleep(20);
            }
            double endToEnd = (System.nanoTime() - start) / 1e9;
            Runtime runtime = Runtime.getRuntime();
            long heap = (runtime.totalMemory() - runtime.freeMemory()) / (1024 * 1024);
            System.out.printf(Locale.ROOT, "%s batch %d: %d samples in %.2f s (publish %.2f s)%n", database, batchSize, samples,
                    endToEnd, publishSeconds);
            return new Result(database, batchSize, samples, publishSeconds, endToEnd, heap);
        } finally {
            pipeline.close();
            broker.stop();
            ((BasicDataSource) dataSource).close();
            deleteRecursively(work);
        }
    }

    static long count(DataSource dataSource) throws Exception {
        return countRows(dataSource, "sample");
    }

    static long countRows(DataSource dataSource, String table) throws Exception {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM " + table)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    static DataSource dataSource(String database, Path work) throws Exception {
        if (database.equals("h2")) {
            return pooled("jdbc:h2:file:" + work.resolve("db/hazardwatch") + ";DB_CLOSE_ON_EXIT=FALSE", "sa");
        }
        String name = "hw_bench_" + Long.toHexString(System.nanoTime());
        try (Connection c = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/postgres?connectTimeout=3", "postgres", "");
                Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name);
        } catch (Exception e) {
            System.out.println("PostgreSQL at 127.0.0.1:5432 does not answer; skipping it: " + e.getMessage());
            return null;
        }
        return pooled("jdbc:postgresql://127.0.0.1:5432/" + name, "postgres");
    }

    /** Pooled like the distribution's DataSource (pax-jdbc-pool-dbcp2, maxTotal 16). */
    static DataSource pooled(String url, String user) {
        BasicDataSource pool = new BasicDataSource();
        pool.setUrl(url);
        pool.setUsername(user);
        pool.setPassword("");
        pool.setMaxTotal(16);
        pool.setMaxIdle(8);
        return pool;
    }

    static String option(String[] args, String name, String fallback) {
        for (int i = 0; i + 1 < args.length; i++) {
            if (args[i].equals(name)) {
                return args[i + 1];
            }
        }
        return fallback;
    }

    static void deleteRecursively(Path path) throws IOException {
        try (var files = Files.walk(path)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
