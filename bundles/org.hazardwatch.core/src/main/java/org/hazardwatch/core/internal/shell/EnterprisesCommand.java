package org.hazardwatch.core.internal.shell;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.hazardwatch.api.registry.Enterprise;
import org.hazardwatch.api.registry.Page;
import org.hazardwatch.api.registry.RegistryService;

@Command(scope = "hazardwatch", name = "enterprises",
        description = "Lists the enterprises of a region subtree (by GB/T 2260 code prefix), optionally matching a name or USCC part")
@Service
public class EnterprisesCommand implements Action {

    @Option(name = "--region", description = "Region code, e.g. 37 (a province), 3702 (a city), 370281 (a county) or a park code")
    String region;

    @Option(name = "--page", description = "Page number, from 0")
    int page;

    @Argument(index = 0, name = "text", required = false, description = "Part of the name or of the unified social credit code")
    String text;

    @Reference
    RegistryService registry;

    @Override
    public Object execute() {
        if (region != null && registry.region(region).isEmpty()) {
            throw new IllegalArgumentException("No region '" + region + "'");
        }
        Page<Enterprise> result = registry.enterprises(region, text, Math.max(0, page), 50);
        ShellTable table = new ShellTable();
        for (String column : new String[] { "ID", "USCC", "Name", "Region", "Park", "Industry", "Status" }) {
            table.column(column);
        }
        for (Enterprise e : result.items()) {
            table.addRow().addContent(e.id(), e.uscc(), e.name(), e.regionName(), e.parkCode() == null ? "" : e.parkCode(),
                    e.industryGroup(), e.status());
        }
        table.print(System.out);
        System.out.println(result.total() + " enterprises" + (region == null ? "" : " in " + region)
                + (result.total() > result.items().size() ? ", page " + result.page() + " of 50 each" : ""));
        return null;
    }
}
