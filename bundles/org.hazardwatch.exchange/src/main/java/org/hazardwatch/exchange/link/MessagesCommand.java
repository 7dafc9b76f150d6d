package org.hazardwatch.exchange.link;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.hazardwatch.api.exchange.ExchangeStore;
import org.hazardwatch.api.exchange.MessageLogEntry;
import org.hazardwatch.api.exchange.MessageLogQuery;

@Command(scope = "hazardwatch", name = "messages", description = "The exchange message log, newest first: sent, received, "
        + "rejected with the reason, dropped")
@Service
public class MessagesCommand implements Action {

    @Reference
    ExchangeStore store;

    @Option(name = "--neighbour", description = "Only this neighbour's messages (organisation code)")
    String neighbour;

    @Option(name = "--status", description = "QUEUED, SENT, BACKLOG, ACCEPTED, DUPLICATE, REJECTED or DROPPED")
    String status;

    @Option(name = "--type", description = "samples, alarms, points, threshold-change, command-result")
    String type;

    @Option(name = "-n", description = "How many (default 30)")
    int count = 30;

    @Override
    public Object execute() {
        MessageLogEntry.Status wanted;
        try {
            wanted = status == null ? null : MessageLogEntry.Status.valueOf(status.toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            System.err.println("No status " + status + "; one of " + java.util.Arrays.toString(MessageLogEntry.Status.values()));
            return null;
        }
        ShellTable table = new ShellTable();
        for (String column : new String[] {"Logged", "Dir", "Neighbour", "Type", "Seq", "Status", "Items", "Bytes", "Id", "Reason"}) {
            table.column(column);
        }
        for (MessageLogEntry e : store.messages(new MessageLogQuery(neighbour, null, wanted, type, null, null, null,
                Math.max(1, Math.min(1000, count))))) {
            table.addRow().addContent(e.loggedAt(), e.direction(), e.neighbour(), e.type(), e.seq(), e.status(), e.items(), e.sizeBytes(),
                    e.messageId(), e.reason() == null ? "" : e.reason());
        }
        table.print(System.out);
        return null;
    }
}
