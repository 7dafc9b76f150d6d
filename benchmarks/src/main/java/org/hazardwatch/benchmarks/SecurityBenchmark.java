package org.hazardwatch.benchmarks;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import javax.sql.DataSource;

import org.apache.commons.dbcp2.BasicDataSource;
import org.hazardwatch.api.auth.AuthSession;
import org.hazardwatch.api.auth.PasswordPolicy;
import org.hazardwatch.api.security.AuditEntry;
import org.hazardwatch.api.security.AuditVerification;
import org.hazardwatch.core.internal.auth.PasswordHasher;
import org.hazardwatch.core.internal.db.DatabaseMigrator;
import org.hazardwatch.core.internal.security.SecurityComponent;

/**
 * What security costs: one password hash (PBKDF2-HMAC-SM3, the login's deliberate slowness), resolving a request's
 * session and caller, appending to the SM3-chained audit log from one and from four threads, and verifying the chain.
 */
public final class SecurityBenchmark {

    private SecurityBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int entries = Integer.parseInt(IngestThroughputBenchmark.option(args, "--audit-entries", "20000"));
        List<String> databases = Arrays.asList(IngestThroughputBenchmark.option(args, "--databases", "h2,postgresql").split(","));

        char[] password = "Bench-Mark-Pass-1".toCharArray();
        for (int i = 0; i < 3; i++) {
            PasswordHasher.hash(password); // warm up
        }
        int hashes = 20;
        long start = System.nanoTime();
        String stored = null;
        for (int i = 0; i < hashes; i++) {
            stored = PasswordHasher.hash(password);
        }
        double hashMillis = (System.nanoTime() - start) / 1e6 / hashes;
        start = System.nanoTime();
        for (int i = 0; i < hashes; i++) {
            PasswordHasher.verify(password, stored);
        }
        double verifyMillis = (System.nanoTime() - start) / 1e6 / hashes;

        List<String> rows = new ArrayList<>();
        for (String database : databases) {
            Path work = Files.createTempDirectory("hw-security");
            DataSource dataSource = IngestThroughputBenchmark.dataSource(database, work);
            if (dataSource == null) {
                continue;
            }
            DatabaseMigrator.migrate(dataSource);
            SecurityComponent.Services services = SecurityComponent.create(dataSource,
                    new PasswordPolicy(10, 3, 5, 15, 480, 30), "HazardWatch", Clock.systemUTC());
            String adminPassword = SecurityComponent.bootstrap(dataSource, services, "root", null).orElseThrow();

            AuthSession session = services.auth().login("admin", adminPassword.toCharArray(), null, "127.0.0.1", "bench").session();
            for (int i = 0; i < 200; i++) {
                services.auth().validate(session.token());
                services.directory().caller("admin");
            }
            int requests = 2000;
            start = System.nanoTime();
            for (int i = 0; i < requests; i++) {
                services.auth().validate(session.token());
                services.directory().caller("admin");
            }
            double requestMillis = (System.nanoTime() - start) / 1e6 / requests;

            start = System.nanoTime();
            for (int i = 0; i < entries; i++) {
                services.audit().append(draft(i));
            }
            double singleRate = entries / ((System.nanoTime() - start) / 1e9);

            int threads = 4;
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            start = System.nanoTime();
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int offset = t;
                futures.add(pool.submit(() -> {
                    for (int i = offset; i < entries; i += threads) {
                        services.audit().append(draft(i));
                    }
                }));
            }
            for (Future<?> f : futures) {
                f.get();
            }
            double parallelRate = entries / ((System.nanoTime() - start) / 1e9);
            pool.shutdown();

            start = System.nanoTime();
            AuditVerification verification = services.audit().verify();
            double verifySeconds = (System.nanoTime() - start) / 1e9;
            if (!verification.intact()) {
                throw new IllegalStateException("the benchmark's chain is broken: " + verification);
            }
            rows.add(String.format(Locale.ROOT, "| %s | %.2f | %,.0f | %,.0f | %,d | %.2f | %,.0f |", database, requestMillis, singleRate,
                    parallelRate, verification.checked(), verifySeconds, verification.checked() / verifySeconds));
            if (dataSource instanceof BasicDataSource pooled) {
                pooled.close();
            }
            IngestThroughputBenchmark.deleteRecursively(work);
        }
        System.out.printf(Locale.ROOT, "%nSecurity costs (%d cores, Java %s)%n", Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.version"));
        System.out.printf(Locale.ROOT, "password hash PBKDF2-HMAC-SM3 %d iterations: %.0f ms to hash, %.0f ms to verify%n",
                PasswordHasher.ITERATIONS, hashMillis, verifyMillis);
        System.out.println("| database | session + caller per request (ms) | audit appends/s, 1 thread | audit appends/s, 4 threads "
                + "| entries verified | verify (s) | verified/s |");
        System.out.println("|---|---|---|---|---|---|---|");
        rows.forEach(System.out::println);
        System.exit(0);
    }

    private static AuditEntry.Draft draft(int i) {
        return new AuditEntry.Draft("bench-user", "胶州市应急管理局", "370281", "10.0.0." + (i % 250), "alarm.acknowledge", "alarm",
                Integer.toString(i), "OK", "{\"state\":\"UNACKED_ACTIVE\"}", "{\"state\":\"ACKED_ACTIVE\",\"comment\":\"现场确认\"}", null);
    }
}
