package org.hazardwatch.exchange.link;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.hazardwatch.api.exchange.ExchangeCommand;
import org.hazardwatch.api.exchange.ExchangeStore;

@Command(scope = "hazardwatch", name = "commands", description = "Commands sent down from or through this node, newest first, with the "
        + "enterprise node's answer (SENT until it answers, then APPLIED, ANSWERED or REFUSED)")
@Service
public class CommandsCommand implements Action {

    @Option(name = "-n", description = "How many (default 20)")
    int count = 20;

    @Reference
    ExchangeStore store;

    @Override
    public Object execute() {
        ShellTable table = new ShellTable();
        for (String column : new String[] {"Requested", "Type", "By", "Enterprise", "Point", "Status", "Answered", "Detail", "Id"}) {
            table.column(column);
        }
        for (ExchangeCommand c : store.commands(Math.max(1, Math.min(500, count)))) {
            table.addRow().addContent(c.requestedAt(), c.type(), c.requestedBy(), c.enterpriseCode(), c.pointId(), c.status(),
                    c.answeredAt() == null ? "-" : c.answeredAt(), c.detail() == null ? "" : c.detail(), c.id());
        }
        table.print(System.out);
        return null;
    }
}
