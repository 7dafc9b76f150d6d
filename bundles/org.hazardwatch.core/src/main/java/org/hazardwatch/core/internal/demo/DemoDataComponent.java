package org.hazardwatch.core.internal.demo;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.hazardwatch.api.hazard.HazardSourceQuery;
import org.hazardwatch.api.hazard.HazardSourceService;
import org.hazardwatch.api.hazard.RegistryBatchWriter;
import org.hazardwatch.core.internal.HazardWatchConfig;
import org.hazardwatch.core.internal.edition.Edition;
import org.hazardwatch.core.internal.edition.EditionInstaller;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Loads the demo registry on the first start of a node that runs the simulated plant, so the statistics, lists and
 * map have something to show on a laptop. Never runs on regulator editions or when the registry already has hazard
 * sources.
 */
@Component(immediate = true, configurationPid = "org.hazardwatch")
public class DemoDataComponent {

    private final Logger logger = LoggerFactory.getLogger(DemoDataComponent.class);
    private final ExecutorService executor = Executors.newSingleThreadExecutor(r -> new Thread(r, "hazardwatch-demo-data"));

    @Activate
    public DemoDataComponent(@Reference RegistryBatchWriter writer, @Reference HazardSourceService sources,
            HazardWatchConfig config) {
        String env = System.getenv("HAZARDWATCH_DEMO_ENTERPRISES");
        int count = env != null && !env.isBlank() ? Integer.parseInt(env.strip()) : config.demo_enterprises();
        boolean regulator;
        try {
            regulator = Edition.forLevel(EditionInstaller.level(config)) == Edition.REGULATOR;
        } catch (IllegalArgumentException e) {
            return; // the edition installer reports the bad level
        }
        if (count <= 0 || regulator || !EditionInstaller.simulator(config)) {
            return;
        }
        executor.submit(() -> {
            if (sources.list(new HazardSourceQuery(null, null, null, null), 0, 1).total() > 0) {
                return;
            }
            // the simulator may register its operator at the same moment; a second attempt then updates that entry
            for (int attempt = 1; attempt <= 3; attempt++) {
                try {
                    long start = System.nanoTime();
                    DemoDataset data = DemoDataset.generate(config.demo_seed(), count);
                    RegistryBatchWriter.Outcome outcome = writer.write(data.enterprises(), data.sources(), false, "demo");
                    if (outcome.hasErrors()) {
                        logger.error("The demo registry does not validate: {} {}", outcome.enterpriseErrors(), outcome.sourceErrors());
                    } else {
                        logger.info("Loaded the demo registry (seed {}): {} enterprises, {} hazard sources in {} ms",
                                config.demo_seed(), data.enterprises().size(), data.sources().size(),
                                (System.nanoTime() - start) / 1_000_000);
                    }
                    return;
                } catch (RuntimeException e) {
                    logger.warn("Loading the demo registry failed (attempt {}): {}", attempt, e.getMessage());
                    try {
                        Thread.sleep(2000);
                    } catch (InterruptedException interrupted) {
                        Thread.currentThread().interrupt();
                        return;
                    }
                }
            }
        });
    }

    @Deactivate
    void deactivate() {
        executor.shutdownNow();
    }
}
