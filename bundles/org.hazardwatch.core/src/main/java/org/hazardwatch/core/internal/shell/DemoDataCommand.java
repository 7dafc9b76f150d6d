package org.hazardwatch.core.internal.shell;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.hazardwatch.api.hazard.RegistryBatchWriter;
import org.hazardwatch.core.internal.demo.DemoDataset;

@Command(scope = "hazardwatch", name = "demo-data",
        description = "Loads (or refreshes) the generated demo registry: enterprises with hazard sources across several provinces")
@Service
public class DemoDataCommand implements Action {

    @Option(name = "--enterprises", description = "Number of enterprises, the simulated plant's operator included (default 300)")
    int enterprises = 300;

    @Option(name = "--seed", description = "Seed; the same seed gives the same data (default 2026)")
    long seed = 2026;

    @Option(name = "--dry-run", description = "Generate and validate only")
    boolean dryRun;

    @Reference
    RegistryBatchWriter writer;

    @Override
    public Object execute() {
        if (enterprises < 1 || enterprises > 100_000) {
            throw new IllegalArgumentException("--enterprises must be from 1 to 100000");
        }
        DemoDataset data = DemoDataset.generate(seed, enterprises);
        RegistryBatchWriter.Outcome outcome = writer.write(data.enterprises(), data.sources(), dryRun, "shell");
        if (outcome.hasErrors()) {
            throw new IllegalStateException("the demo registry does not validate: " + outcome.enterpriseErrors() + " "
                    + outcome.sourceErrors());
        }
        System.out.println((outcome.applied() ? "loaded" : "validated (dry run)") + ": " + data.enterprises().size()
                + " enterprises (" + outcome.enterprisesCreated() + " new), " + data.sources().size() + " hazard sources ("
                + outcome.sourcesCreated() + " new)");
        return null;
    }
}
