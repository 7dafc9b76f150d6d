package org.hazardwatch.exchange.link;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.hazardwatch.api.exchange.ExchangeLinks;
import org.hazardwatch.api.exchange.LinkStatus;

@Command(scope = "hazardwatch", name = "links", description = "The exchange links to the parent and the children: connected, "
        + "backlog, last message, counters since start")
@Service
public class LinksCommand implements Action {

    @Reference
    ExchangeLinks links;

    @Override
    public Object execute() {
        System.out.println("This node: " + (links.organisationCode() == null ? "not enrolled" : links.organisationCode()));
        ShellTable table = new ShellTable();
        table.column("Neighbour");
        table.column("Role");
        table.column("Connected");
        table.column("Backlog");
        table.column("Waiting");
        table.column("Sent");
        table.column("Received");
        table.column("Rejected");
        table.column("Dropped");
        table.column("Last sent");
        table.column("Last received");
        table.column("Problem");
        for (LinkStatus link : links.links()) {
            table.addRow().addContent(link.neighbour(), link.role(), link.connected() ? "yes" : "no",
                    link.backlogMessages() + " (" + link.backlogBytes() / 1024 + " KiB)", link.outboxMessages(), link.sent(), link.received(),
                    link.rejected(), link.dropped(), link.lastSent() == null ? "-" : link.lastSent(),
                    link.lastReceived() == null ? "-" : link.lastReceived(), link.lastError() == null ? "" : link.lastError());
        }
        table.print(System.out);
        return null;
    }
}
