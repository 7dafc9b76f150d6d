package org.hazardwatch.core.internal.shell;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.hazardwatch.api.adapter.MappingReload;
import org.hazardwatch.api.adapter.PointAddress;
import org.hazardwatch.api.adapter.ProtocolAdapter;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;

@Command(scope = "hazardwatch", name = "adapters",
        description = "Lists the protocol adapter instances with status, points, samples and rate; shows or reloads a point mapping")
@Service
public class AdaptersCommand implements Action {

    @Option(name = "--mappings", description = "Show the point mapping of this instance (type/name, e.g. opcua/simulator)")
    String mappingsOf;

    @Option(name = "--reload", description = "Re-read and apply the mapping file of this instance (type/name) without a restart")
    String reloadOf;

    @Reference
    BundleContext context;

    @Override
    public Object execute() throws Exception {
        List<ServiceReference<ProtocolAdapter>> references = new ArrayList<>(context.getServiceReferences(ProtocolAdapter.class, null));
        List<ProtocolAdapter> adapters = new ArrayList<>();
        for (ServiceReference<ProtocolAdapter> reference : references) {
            ProtocolAdapter adapter = context.getService(reference);
            if (adapter != null) {
                adapters.add(adapter);
            }
        }
        try {
            if (reloadOf != null) {
                MappingReload result = find(adapters, reloadOf).reloadMappings();
                System.out.println("reloaded " + result.source() + ": " + result.points() + " points mapped");
                result.errors().forEach(e -> System.out.println("  skipped: " + e));
                return null;
            }
            if (mappingsOf != null) {
                ShellTable table = new ShellTable();
                table.column("Point");
                table.column("Address");
                for (PointAddress a : find(adapters, mappingsOf).mappings()) {
                    table.addRow().addContent(a.pointId(), a.address());
                }
                table.print(System.out);
                return null;
            }
            // a rate over a short window, so ops see whether data flows right now
            long[] before = adapters.stream().mapToLong(ProtocolAdapter::samplesReceived).toArray();
            Thread.sleep(1000);
            ShellTable table = new ShellTable();
            for (String column : new String[] { "Type", "Name", "Status", "Points", "Samples", "Per second", "Last sample", "Detail" }) {
                table.column(column);
            }
            adapters.sort(Comparator.comparing(ProtocolAdapter::type).thenComparing(ProtocolAdapter::instanceName));
            for (int i = 0; i < adapters.size(); i++) {
                ProtocolAdapter a = adapters.get(i);
                Instant last = a.lastSampleAt();
                table.addRow().addContent(a.type(), a.instanceName(), a.status(), a.mappedPoints(), a.samplesReceived(),
                        a.samplesReceived() - before[i], last == null ? "never"
                                : Duration.between(last, Instant.now()).toSeconds() + " s ago", a.statusDetail());
            }
            table.print(System.out);
            System.out.println(adapters.size() + " adapter instances");
            return null;
        } finally {
            references.forEach(context::ungetService);
        }
    }

    private static ProtocolAdapter find(List<ProtocolAdapter> adapters, String typeSlashName) {
        int slash = typeSlashName.indexOf('/');
        if (slash <= 0) {
            throw new IllegalArgumentException("Name the instance as type/name, e.g. opcua/simulator");
        }
        String type = typeSlashName.substring(0, slash);
        String name = typeSlashName.substring(slash + 1);
        return adapters.stream().filter(a -> a.type().equals(type) && a.instanceName().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("No adapter instance '" + typeSlashName + "'"));
    }
}
