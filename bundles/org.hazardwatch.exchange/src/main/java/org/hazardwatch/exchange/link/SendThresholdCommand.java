package org.hazardwatch.exchange.link;

import java.util.Locale;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.hazardwatch.api.exchange.ExchangeCommand;
import org.hazardwatch.api.exchange.ExchangeLinks;
import org.hazardwatch.api.registry.ValidationException;
import org.hazardwatch.api.security.AuditLog;
import org.hazardwatch.exchange.centre.CentreShell;

import com.fasterxml.jackson.databind.node.ObjectNode;

@Command(scope = "hazardwatch", name = "send-threshold", description = "Sends a threshold change for a point of an enterprise below "
        + "this node (its id as this node knows it, <USCC>:<point>): signed here and by each node on the way, applied by the "
        + "enterprise node, answered back (hazardwatch:commands)")
@Service
public class SendThresholdCommand implements Action {

    @Option(name = "--low-low", description = "New low-low limit, or 'none' to remove it")
    String lowLow;

    @Option(name = "--low", description = "New low limit, or 'none'")
    String low;

    @Option(name = "--high", description = "New high limit, or 'none'")
    String high;

    @Option(name = "--high-high", description = "New high-high limit, or 'none'")
    String highHigh;

    @Option(name = "--reason", description = "Why the limits change (required)", required = true)
    String reason;

    @Argument(index = 0, name = "point", description = "The point, e.g. 91370281MA3HW2026N:A-T101-LT", required = true)
    String point;

    @Reference
    ExchangeLinks links;

    @Reference
    AuditLog audit;

    @Override
    public Object execute() {
        ObjectNode limits = Payloads.JSON.createObjectNode();
        for (String[] limit : new String[][] {{"lowLow", lowLow}, {"low", low}, {"high", high}, {"highHigh", highHigh}}) {
            if (limit[1] == null) {
                continue;
            }
            if (limit[1].strip().toLowerCase(Locale.ROOT).equals("none")) {
                limits.putNull(limit[0]);
            } else {
                try {
                    limits.put(limit[0], Double.parseDouble(limit[1].strip()));
                } catch (NumberFormatException e) {
                    System.err.println("--" + limit[0] + " must be a number or 'none', not " + limit[1]);
                    return null;
                }
            }
        }
        try {
            ExchangeCommand command = links.sendThresholdChange(point, limits.toString(), reason, CentreShell.actor());
            CentreShell.record(audit, "exchange.threshold-change", "point", point, limits + ": " + reason);
            System.out.println("Command " + command.id() + " sent down for " + command.enterpriseCode() + ": " + limits);
            System.out.println("Its answer: hazardwatch:commands");
        } catch (ValidationException e) {
            e.fieldErrors().forEach(error -> System.err.println(error.field() + ": " + error.message()));
        }
        return null;
    }
}
