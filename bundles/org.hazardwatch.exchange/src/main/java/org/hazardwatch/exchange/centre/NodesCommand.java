package org.hazardwatch.exchange.centre;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.hazardwatch.api.exchange.NodeStatus;
import org.hazardwatch.api.exchange.SecurityCentre;

@Command(scope = "hazardwatch", name = "nodes", description = "Nodes and collectors holding a certificate: online (a heartbeat "
        + "within 3 minutes) or not, when last seen, from where, and when their certificate ends")
@Service
public class NodesCommand implements Action {

    @Reference(optional = true)
    SecurityCentre centre;

    @Override
    public Object execute() {
        CentreShell.require(centre);
        ShellTable table = new ShellTable();
        for (String column : new String[] {"Organisation", "Role", "Online", "Last seen", "Address", "Certificate", "Valid until"}) {
            table.column(column);
        }
        var nodes = centre.nodes();
        for (NodeStatus n : nodes) {
            table.addRow().addContent(n.organisationCode(), n.role(), n.online() ? "yes" : "no", n.lastSeen() == null ? "never" : n.lastSeen(),
                    n.address() == null ? "" : n.address(), n.certificateSerial(), n.certificateNotAfter());
        }
        table.print(System.out);
        System.out.println(nodes.size() + " nodes, " + nodes.stream().filter(NodeStatus::online).count() + " online");
        return null;
    }
}
