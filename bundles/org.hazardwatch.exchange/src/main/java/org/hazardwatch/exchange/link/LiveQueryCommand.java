package org.hazardwatch.exchange.link;

import java.time.Duration;
import java.util.List;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.hazardwatch.api.exchange.ExchangeCommand;
import org.hazardwatch.api.exchange.ExchangeLinks;
import org.hazardwatch.api.exchange.ExchangeStore;
import org.hazardwatch.api.registry.ValidationException;
import org.hazardwatch.api.security.AuditLog;
import org.hazardwatch.exchange.centre.CentreShell;

import com.fasterxml.jackson.databind.JsonNode;

@Command(scope = "hazardwatch", name = "live-query", description = "Reads the current values of an enterprise below this node from the "
        + "node that reads its instruments (C3): the query goes down signed hop by hop, the values come back; audited here and there")
@Service
public class LiveQueryCommand implements Action {

    @Option(name = "--point", description = "A point, <USCC>:<id> (repeatable); none for all of the enterprise's points", multiValued = true)
    List<String> points;

    @Option(name = "--reason", description = "Why the live data is needed (required, audited)", required = true)
    String reason;

    @Option(name = "--wait", description = "Seconds to wait for the answer (default 30; 0 returns at once)")
    int waitSeconds = 30;

    @Argument(index = 0, name = "enterprise", description = "The enterprise's unified social credit code", required = true)
    String enterprise;

    @Reference
    ExchangeLinks links;

    @Reference
    ExchangeStore store;

    @Reference
    AuditLog audit;

    @Override
    public Object execute() throws Exception {
        ExchangeCommand query;
        try {
            query = links.sendLiveQuery(enterprise, points == null ? List.of() : points, reason, CentreShell.actor());
        } catch (ValidationException e) {
            e.fieldErrors().forEach(error -> System.err.println(error.field() + ": " + error.message()));
            return null;
        }
        CentreShell.record(audit, "exchange.live-query", "enterprise", enterprise, reason);
        System.out.println("Live query " + query.id() + " sent down for " + enterprise);
        long deadline = System.nanoTime() + Duration.ofSeconds(Math.max(0, waitSeconds)).toNanos();
        ExchangeCommand answer = query;
        while (answer.status() == ExchangeCommand.Status.SENT && System.nanoTime() < deadline) {
            Thread.sleep(500);
            answer = store.command(query.id()).orElse(answer);
        }
        if (answer.status() == ExchangeCommand.Status.SENT) {
            System.out.println("No answer yet; see hazardwatch:commands (the node below may be offline: the query waits in its queue)");
            return null;
        }
        System.out.println(answer.status() + ": " + (answer.detail() == null ? "" : answer.detail()));
        if (answer.result() != null) {
            JsonNode result = Payloads.JSON.readTree(answer.result());
            ShellTable table = new ShellTable();
            for (String column : new String[] {"Point", "Name", "Value", "Unit", "Quality", "Time"}) {
                table.column(column);
            }
            for (JsonNode v : result.path("values")) {
                table.addRow().addContent(v.path("pointId").asText(), v.path("name").asText(),
                        v.path("value").isNull() ? "-" : v.path("value").asText(), v.path("unit").asText(""),
                        v.path("quality").asText("-"), v.path("timestamp").asText("-"));
            }
            table.print(System.out);
        }
        return null;
    }
}
