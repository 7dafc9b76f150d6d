package org.hazardwatch.benchmarks;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import javax.sql.DataSource;

import org.apache.commons.dbcp2.BasicDataSource;
import org.hazardwatch.api.hazard.HazardSourceQuery;
import org.hazardwatch.api.hazard.HazardSourceSummary;
import org.hazardwatch.api.hazard.RegistryBatchWriter;
import org.hazardwatch.api.registry.Page;
import org.hazardwatch.core.internal.db.DatabaseMigrator;
import org.hazardwatch.core.internal.demo.DemoDataset;
import org.hazardwatch.core.internal.hazard.JdbcHazardSources;
import org.hazardwatch.core.internal.hazard.JdbcRegistryBatch;
import org.hazardwatch.core.internal.registry.JdbcRegistry;

/**
 * The registry of hazard sources at a province's scale: the demo generator's enterprises and hazard sources written
 * through the all-or-nothing batch writer (every enterprise validated, every unit graded, one transaction, as an
 * import does), then the hazard source list of a province, one source in full, and the region tree with counts.
 */
public final class HazardRegistryBenchmark {

    private HazardRegistryBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int enterprises = Integer.parseInt(IngestThroughputBenchmark.option(args, "--enterprises", "5000"));
        List<String> databases = Arrays.asList(IngestThroughputBenchmark.option(args, "--databases", "h2,postgresql").split(","));
        long generateStart = System.nanoTime();
        DemoDataset data = DemoDataset.generate(2026, enterprises);
        double generateSeconds = (System.nanoTime() - generateStart) / 1e9;
        int units = data.sources().stream().mapToInt(s -> s.source().units().size()).sum();
        List<String> rows = new ArrayList<>();
        for (String database : databases) {
            Path work = Files.createTempDirectory("hw-hazard");
            DataSource dataSource = IngestThroughputBenchmark.dataSource(database, work);
            if (dataSource == null) {
                continue;
            }
            DatabaseMigrator.migrate(dataSource);
            JdbcRegistry registry = new JdbcRegistry(dataSource, Clock.systemUTC());
            JdbcHazardSources sources = new JdbcHazardSources(dataSource, Clock.systemUTC());
            JdbcRegistryBatch batch = new JdbcRegistryBatch(dataSource, registry, sources, Clock.systemUTC());
            System.gc();
            long writeStart = System.nanoTime();
            RegistryBatchWriter.Outcome outcome = batch.write(data.enterprises(), data.sources(), false, "benchmark");
            double writeSeconds = (System.nanoTime() - writeStart) / 1e9;
            if (!outcome.applied()) {
                throw new IllegalStateException("the demo registry did not validate: " + outcome);
            }
            long heap = (Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory()) / (1024 * 1024);
            String province = data.enterprises().get(1).regionCode().substring(0, 2);
            HazardSourceQuery query = new HazardSourceQuery(province, null, null, null);
            for (int i = 0; i < 5; i++) { // warm up
                sources.list(query, 0, 20);
            }
            int repeats = 50;
            long listStart = System.nanoTime();
            Page<HazardSourceSummary> page = null;
            for (int i = 0; i < repeats; i++) {
                page = sources.list(query, i % 5, 20);
            }
            double listMillis = (System.nanoTime() - listStart) / 1e6 / repeats;
            long id = page.items().get(0).id();
            long getStart = System.nanoTime();
            for (int i = 0; i < repeats; i++) {
                sources.get(id);
            }
            double getMillis = (System.nanoTime() - getStart) / 1e6 / repeats;
            registry.children(null);
            long treeStart = System.nanoTime();
            registry.children(null);
            double treeMillis = (System.nanoTime() - treeStart) / 1e6;
            rows.add(String.format(Locale.ROOT, "| %s | %,d | %,d | %,d | %.1f s | %,.0f | %d | %s (%,d) | %.1f | %.1f | %.0f |",
                    database, data.enterprises().size(), data.sources().size(), units, writeSeconds,
                    data.sources().size() / writeSeconds, heap, province, page.total(), listMillis, getMillis, treeMillis));
            ((BasicDataSource) dataSource).close();
            IngestThroughputBenchmark.deleteRecursively(work);
        }
        System.out.printf(Locale.ROOT, "%nHazard source registry (%d cores, Java %s); generating the dataset took %.1f s%n",
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"), generateSeconds);
        System.out.println("| database | enterprises | hazard sources | units | validate, grade and write | sources/s | heap used (MB) "
                + "| province (sources) | list page + total (ms) | one source in full (ms) | province tree with counts (ms) |");
        System.out.println("|---|---|---|---|---|---|---|---|---|---|---|");
        rows.forEach(System.out::println);
        System.exit(0);
    }
}
