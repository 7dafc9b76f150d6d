package org.hazardwatch.benchmarks;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Random;

import javax.sql.DataSource;

import org.apache.activemq.ActiveMQConnectionFactory;
import org.hazardwatch.api.broker.BrokerQueues;
import org.hazardwatch.api.model.MonitoringPoint;
import org.hazardwatch.api.model.PointType;
import org.hazardwatch.api.model.Quality;
import org.hazardwatch.api.model.Sample;
import org.hazardwatch.broker.internal.EmbeddedBroker;
import org.hazardwatch.core.internal.db.DatabaseMigrator;
import org.hazardwatch.core.internal.db.JdbcPointRepository;
import org.hazardwatch.core.internal.exchange.JdbcExchangeStore;
import org.hazardwatch.exchange.envelope.Identity;
import org.hazardwatch.exchange.envelope.SmCertificates;
import org.hazardwatch.exchange.envelope.SmCrypto;
import org.hazardwatch.exchange.link.ExchangeLink;
import org.hazardwatch.exchange.link.MemoryLinkTrust;
import org.hazardwatch.exchange.link.Payloads;

/**
 * The exchange link between an enterprise and its county, each with its own broker (KahaDB) and H2 file database, over
 * OpenWire on loopback, sealed and opened with SM2/SM3/SM4 as in production:
 * <ol>
 * <li>live: batches of one second of {@code --points} points put in the enterprise's outbox as fast as the link takes
 * them; samples per second stored at the county;</li>
 * <li>backlog: {@code --hours} of those points at 1 Hz (in the 5-second batches the collector makes) kept while the
 * county is down; its size on disk; then the county returns and the backlog drains at the configured pace
 * ({@code --pace} messages per second, the default 20): the time until the county has stored all of it.</li>
 * </ol>
 * Values are random walks with two decimals, as transmitters report them, so the compression is realistic. The county
 * stores into PostgreSQL (production), or H2 with {@code --database h2}.
 */
public final class ExchangeLinkBenchmark {

    static final String COUNTY = "370281";
    static final String ENTERPRISE = "91370281MA3HW2026N";

    private ExchangeLinkBenchmark() {
    }

    record Node(EmbeddedBroker broker, DataSource database, ExchangeLink link) implements AutoCloseable {
        @Override
        public void close() throws Exception {
            link.close();
            broker.stop();
        }
    }

    public static void main(String[] args) throws Exception {
        int points = Integer.parseInt(IngestThroughputBenchmark.option(args, "--points", "2000"));
        double hours = Double.parseDouble(IngestThroughputBenchmark.option(args, "--hours", "1"));
        int pace = Integer.parseInt(IngestThroughputBenchmark.option(args, "--pace", "20"));
        int liveSeconds = Integer.parseInt(IngestThroughputBenchmark.option(args, "--live-seconds", "300"));
        String countyDatabaseKind = IngestThroughputBenchmark.option(args, "--database", "postgresql");
        Path work = Files.createTempDirectory("hw-link-bench");
        Instant now = Instant.now();
        KeyPair caKeys = SmCrypto.newSm2KeyPair();
        X509Certificate ca = SmCertificates.authority("root", caKeys, now.minusSeconds(60), Duration.ofDays(1));
        Identity county = identity(ca, caKeys, COUNTY, "county");
        Identity enterprise = identity(ca, caKeys, ENTERPRISE, "enterprise");
        MemoryLinkTrust trust = new MemoryLinkTrust(List.of(ca));
        trust.add(county);
        trust.add(enterprise);
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        DataSource countyDatabase = IngestThroughputBenchmark.dataSource(countyDatabaseKind, work.resolve("county-db"));
        if (countyDatabase == null) {
            return;
        }
        DatabaseMigrator.migrate(countyDatabase);
        DataSource enterpriseDatabase = database(work.resolve("enterprise-db"));
        List<String> ids = new ArrayList<>();
        JdbcPointRepository countyPoints = new JdbcPointRepository(countyDatabase);
        for (int i = 0; i < points; i++) {
            String id = String.format(Locale.ROOT, "P%05d", i);
            ids.add(ENTERPRISE + ":" + id);
            // the county knows the points already (a points message would bring them): only samples are measured
            countyPoints.save(new MonitoringPoint(ENTERPRISE + ":" + id, "测点 " + id, PointType.PRESSURE, "MPa", 0, 10, null, 8.0,
                    "罐区", ENTERPRISE, "HS-1", null));
        }
        Node countyNode = countyNode(work, port, countyDatabase, county, trust, pace);
        Node enterpriseNode = node(work.resolve("enterprise"), "enterprise", null, enterpriseDatabase, enterprise, trust,
                new ExchangeLink.Settings("tcp://127.0.0.1:" + port, COUNTY, 64L * 1024 * 1024 * 1024, ExchangeLink.WhenFull.DROP_OLDEST_SAMPLES,
                        pace));
        Random random = new Random(2026);
        double[] values = new double[points];
        for (int i = 0; i < points; i++) {
            values[i] = 1 + random.nextInt(8);
        }
        Instant clock = Instant.parse("2026-11-30T00:00:00Z");
        List<String> rows = new ArrayList<>();

        // 1. live throughput: one message per second of data, as fast as the link takes them
        long start = System.nanoTime();
        long bytesOut = 0;
        for (int s = 0; s < liveSeconds; s++) {
            byte[] payload = Payloads.compress(Payloads.samples(second(ids, values, random, clock)));
            bytesOut += payload.length;
            enterpriseNode.link().enqueueUp(Payloads.SAMPLES, payload, points, null);
            clock = clock.plusSeconds(1);
        }
        long expected = (long) liveSeconds * points;
        awaitCount(countyDatabase, expected, Duration.ofMinutes(30));
        double liveSecondsTaken = (System.nanoTime() - start) / 1e9;
        rows.add(String.format(Locale.ROOT, "| live, %d points x %d s (one message per second of data) | %,d samples | %.1f s | %,.0f samples/s | %.2f bytes/sample compressed |",
                points, liveSeconds, expected, liveSecondsTaken, expected / liveSecondsTaken, (double) bytesOut / expected));

        // 2. backlog: the county is down while hours of data are kept
        countyNode.close();
        long backlogSeconds = Math.round(hours * 3600);
        long batches = backlogSeconds / 5;
        long fillStart = System.nanoTime();
        for (long b = 0; b < batches; b++) {
            List<Sample> batch = new ArrayList<>(points * 5);
            for (int s = 0; s < 5; s++) {
                batch.addAll(second(ids, values, random, clock));
                clock = clock.plusSeconds(1);
            }
            enterpriseNode.link().enqueueUp(Payloads.SAMPLES, Payloads.compress(Payloads.samples(batch)), batch.size(), null);
        }
        long backlogSamples = batches * 5 * points;
        long deadline = System.nanoTime() + Duration.ofMinutes(60).toNanos();
        while (enterpriseNode.broker().queueSize(ExchangeLink.BACKLOG).messages() < batches && System.nanoTime() < deadline) {
            Thread.sleep(200);
        }
        double fillSeconds = (System.nanoTime() - fillStart) / 1e9;
        BrokerQueues.QueueSize kept = enterpriseNode.broker().queueSize(ExchangeLink.BACKLOG);
        long storeBytes = directorySize(work.resolve("enterprise/enterprise-broker"));
        rows.add(String.format(Locale.ROOT, "| backlog kept while the county is down: %.1f h of %d points at 1 Hz | %,d samples in %,d messages | %.1f s to keep | %,.1f MB in the queue, %,.1f MB KahaDB on disk | %.2f bytes/sample; 24 h: %,.0f MB |",
                hours, points, backlogSamples, kept.messages(), fillSeconds, kept.bytes() / 1e6, storeBytes / 1e6,
                (double) kept.bytes() / backlogSamples, kept.bytes() / hours * 24 / 1e6));

        // 3. drain: the county returns
        long drainStart = System.nanoTime();
        countyNode = countyNode(work, port, countyDatabase, county, trust, pace);
        awaitCount(countyDatabase, expected + backlogSamples, Duration.ofHours(3));
        double drainSeconds = (System.nanoTime() - drainStart) / 1e9;
        rows.add(String.format(Locale.ROOT, "| backlog drained at %d messages/s (the configured pace) | %,d samples | %.1f s | %,.0f samples/s | 24 h would take %.1f min |",
                pace, backlogSamples, drainSeconds, backlogSamples / drainSeconds, drainSeconds / hours * 24 / 60));
        enterpriseNode.close();
        countyNode.close();

        System.out.println();
        System.out.println("| what | amount | time | rate | size |");
        System.out.println("|---|---|---|---|---|");
        rows.forEach(System.out::println);
        System.out.println();
        System.out.println("(" + Runtime.getRuntime().availableProcessors() + " cores, " + System.getProperty("java.version")
                + "; the county stores into " + countyDatabaseKind + "; county database on disk " + String.format(Locale.ROOT, "%,.0f MB",
                        directorySize(work.resolve("county-db")) / 1e6) + " where it is H2; temp files in " + work + ")");
        System.exit(0);
    }

    static List<Sample> second(List<String> ids, double[] values, Random random, Instant at) {
        List<Sample> samples = new ArrayList<>(ids.size());
        for (int i = 0; i < ids.size(); i++) {
            values[i] = Math.round((values[i] + (random.nextDouble() - 0.5) * 0.02) * 100) / 100.0;
            samples.add(new Sample(ids.get(i), at.plusMillis(i % 1000), values[i], Quality.GOOD));
        }
        return samples;
    }

    static Node countyNode(Path work, int port, DataSource database, Identity county, MemoryLinkTrust trust, int pace) throws Exception {
        return node(work.resolve("county"), "county", "tcp://127.0.0.1:" + port, database, county, trust,
                new ExchangeLink.Settings("", "", 1L << 30, ExchangeLink.WhenFull.DROP_OLDEST_SAMPLES, pace));
    }

    static Node node(Path directory, String name, String openwire, DataSource database, Identity identity, MemoryLinkTrust trust,
            ExchangeLink.Settings settings) throws Exception {
        EmbeddedBroker broker = new EmbeddedBroker(name, openwire, true, directory.resolve(name + "-broker").toFile(), 20_000, 128);
        broker.start();
        BrokerQueues queues = new BrokerQueues() {
            @Override
            public QueueSize size(String queue) {
                return broker.queueSize(queue);
            }

            @Override
            public long storeBytes() {
                return 0;
            }

            @Override
            public long storeLimitBytes() {
                return 0;
            }
        };
        ExchangeLink link = new ExchangeLink(new ActiveMQConnectionFactory("vm://" + name + "?create=false&jms.prefetchPolicy.all=1"),
                () -> Optional.of(identity), trust, new ExchangeLink.Services(new JdbcExchangeStore(database), new JdbcPointRepository(database),
                        null, null, queues, null), settings, Clock.systemUTC(), null);
        return new Node(broker, database, link);
    }

    static Identity identity(X509Certificate ca, KeyPair caKeys, String organisation, String role) {
        KeyPair keys = SmCrypto.newSm2KeyPair();
        return new Identity(organisation, keys.getPrivate(), SmCertificates.issue(ca, caKeys.getPrivate(), keys.getPublic(), organisation,
                role, Instant.now().minusSeconds(60), Duration.ofDays(1)));
    }

    static DataSource database(Path file) throws Exception {
        DataSource dataSource = IngestThroughputBenchmark.pooled("jdbc:h2:file:" + file + ";DB_CLOSE_ON_EXIT=FALSE", "sa");
        DatabaseMigrator.migrate(dataSource);
        return dataSource;
    }

    static void awaitCount(DataSource database, long expected, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        long count = 0;
        while (System.nanoTime() < deadline) {
            try (Connection c = database.getConnection(); Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM sample")) {
                rs.next();
                count = rs.getLong(1);
            }
            if (count >= expected) {
                return;
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException("only " + count + " of " + expected + " samples arrived");
    }

    static long directorySize(Path directory) throws IOException {
        if (!Files.exists(directory)) {
            return 0;
        }
        try (var files = Files.walk(directory)) {
            return files.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
        }
    }
}
