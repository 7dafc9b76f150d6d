package org.hazardwatch.benchmarks;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;

import javax.sql.DataSource;

import org.apache.commons.dbcp2.BasicDataSource;
import org.hazardwatch.api.registry.UnifiedSocialCreditCode;
import org.hazardwatch.core.internal.db.DatabaseMigrator;
import org.hazardwatch.core.internal.registry.JdbcRegistry;

/**
 * Region-subtree queries over many enterprises: enterprises are spread over every county of the division tree,
 * then the first page (20, by name) and the total of a province, a city and a county subtree are read, as the
 * enterprise page does.
 */
public final class RegistryQueryBenchmark {

    private RegistryQueryBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int enterprises = Integer.parseInt(IngestThroughputBenchmark.option(args, "--enterprises", "50000"));
        List<String> databases = Arrays.asList(IngestThroughputBenchmark.option(args, "--databases", "h2,postgresql").split(","));
        List<String> rows = new ArrayList<>();
        for (String database : databases) {
            Path work = Files.createTempDirectory("hw-registry");
            DataSource dataSource = IngestThroughputBenchmark.dataSource(database, work);
            if (dataSource == null) {
                continue;
            }
            DatabaseMigrator.migrate(dataSource);
            long loadStart = System.nanoTime();
            load(dataSource, enterprises);
            double loadSeconds = (System.nanoTime() - loadStart) / 1e9;
            JdbcRegistry registry = new JdbcRegistry(dataSource, Clock.systemUTC());
            for (String region : List.of("37", "3702", "370281")) {
                for (int i = 0; i < 5; i++) { // warm up
                    registry.enterprises(region, null, 0, 20);
                }
                int repeats = 50;
                long start = System.nanoTime();
                long total = 0;
                for (int i = 0; i < repeats; i++) {
                    total = registry.enterprises(region, null, i % 5, 20).total();
                }
                double millis = (System.nanoTime() - start) / 1e6 / repeats;
                long treeStart = System.nanoTime();
                registry.children(region.length() == 2 ? null : region.substring(0, region.length() - 2));
                double treeMillis = (System.nanoTime() - treeStart) / 1e6;
                rows.add(String.format(Locale.ROOT, "| %s | %d | %.1f s | %s | %d | %.1f | %.0f |", database, enterprises, loadSeconds,
                        region, total, millis, treeMillis));
            }
            ((BasicDataSource) dataSource).close();
            IngestThroughputBenchmark.deleteRecursively(work);
        }
        System.out.printf(Locale.ROOT, "%nRegion-subtree enterprise queries (%d cores, Java %s)%n",
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"));
        System.out.println("| database | enterprises | bulk load | subtree | enterprises in it | page + total (ms) | tree level with counts (ms) |");
        System.out.println("|---|---|---|---|---|---|---|");
        rows.forEach(System.out::println);
        System.exit(0);
    }

    /** Spreads enterprises evenly over every county (JDBC batch; validation is not what is measured here). */
    static void load(DataSource dataSource, int count) throws Exception {
        List<String> counties = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT code FROM region WHERE level = 'COUNTY' ORDER BY code")) {
            while (rs.next()) {
                counties.add(rs.getString(1));
            }
        }
        Random random = new Random(50_000);
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement s = c.prepareStatement("INSERT INTO enterprise (uscc, name, region_code, industry_group, status, "
                    + "created_at, updated_at) VALUES (?, ?, ?, 'OTHER', 'OPERATING', ?, ?)")) {
                for (int i = 0; i < count; i++) {
                    String county = counties.get(i % counties.size());
                    String first17 = "91" + county + String.format(Locale.ROOT, "%09d", i);
                    s.setString(1, first17 + UnifiedSocialCreditCode.checkCharacter(first17));
                    s.setString(2, "企业" + Integer.toString(random.nextInt(1_000_000), 36) + i);
                    s.setString(3, county);
                    s.setObject(4, now);
                    s.setObject(5, now);
                    s.addBatch();
                    if (i % 1000 == 999) {
                        s.executeBatch();
                    }
                }
                s.executeBatch();
            }
            c.commit();
        }
    }
}
