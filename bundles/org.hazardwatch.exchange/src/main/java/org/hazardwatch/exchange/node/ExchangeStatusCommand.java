package org.hazardwatch.exchange.node;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;

@Command(scope = "hazardwatch", name = "exchange", description = "This node's exchange identity: organisation, certificate, "
        + "security centre, last heartbeat and any problem")
@Service
public class ExchangeStatusCommand implements Action {

    @Reference
    NodeExchangeComponent exchange;

    @Override
    public Object execute() {
        var identity = exchange.node().identity();
        if (identity.isEmpty()) {
            System.out.println("Not enrolled. Ask the security centre for a token, then: hazardwatch:enrol <centre-url> <organisation> <token>");
            return null;
        }
        System.out.println("Organisation:   " + identity.get().organisationCode());
        System.out.println("Certificate:    " + identity.get().serial() + ", valid until " + identity.get().certificate().getNotAfter().toInstant());
        System.out.println("Centre:         " + exchange.node().centre().map(Object::toString).orElse("unknown"));
        System.out.println("Last heartbeat: " + (exchange.lastHeartbeat() == null ? "none yet" : exchange.lastHeartbeat()));
        if (exchange.lastProblem() != null) {
            System.out.println("Problem:        " + exchange.lastProblem());
        }
        return null;
    }
}
