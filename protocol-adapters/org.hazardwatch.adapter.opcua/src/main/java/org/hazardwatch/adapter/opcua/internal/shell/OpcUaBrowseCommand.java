package org.hazardwatch.adapter.opcua.internal.shell;

import java.util.List;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.hazardwatch.adapter.opcua.internal.AddressSpaceBrowser;
import org.hazardwatch.adapter.opcua.internal.AddressSpaceBrowser.BrowsedNode;

@Command(scope = "hazardwatch", name = "opcua-browse",
        description = "Browses an OPC UA server (security None): objects and variables under a node, with the node ids to "
                + "put in a mapping file and the current values")
@Service
public class OpcUaBrowseCommand implements Action {

    @Argument(index = 0, name = "endpoint", required = true, description = "e.g. opc.tcp://10.0.0.5:4840/plant")
    String endpoint;

    @Argument(index = 1, name = "node", required = false, description = "Node to start from; default the Objects folder")
    String node;

    @Option(name = "--depth", description = "Levels to descend (default 2)")
    int depth = 2;

    @Option(name = "--timeout", description = "Request timeout in ms (default 5000)")
    int timeoutMs = 5000;

    @Override
    public Object execute() throws Exception {
        if (!endpoint.startsWith("opc.tcp://")) {
            throw new IllegalArgumentException("The endpoint must be an opc.tcp:// URL, not '" + endpoint + "'");
        }
        List<BrowsedNode> nodes;
        try {
            nodes = AddressSpaceBrowser.browse(endpoint, node, depth, timeoutMs);
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            throw new IllegalStateException("Cannot browse " + endpoint + ": " + cause.getMessage());
        }
        ShellTable table = new ShellTable();
        for (String column : new String[] { "Node id", "Name", "Class", "Value", "Status" }) {
            table.column(column);
        }
        for (BrowsedNode n : nodes) {
            table.addRow().addContent(n.nodeId(), "  ".repeat(n.depth() - 1) + n.displayName(), n.nodeClass(),
                    n.value() == null ? "" : n.value(), n.status() == null ? "" : n.status());
        }
        table.print(System.out);
        System.out.println(nodes.size() + " nodes; mapping files take the node id as written (pointId,nodeId)");
        return null;
    }
}
