package org.hazardwatch.exchange.centre;

import java.time.Duration;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.hazardwatch.api.exchange.SecurityCentre;
import org.hazardwatch.api.security.AuditLog;

@Command(scope = "hazardwatch", name = "enrolment-token", description = "Creates a one-time token with which a node or "
        + "collector of an organisation enrols at the security centre; the token is printed once")
@Service
public class EnrolmentTokenCommand implements Action {

    @Argument(index = 0, name = "organisation", description = "Organisation code: a region code (370281) or an enterprise USCC",
            required = true)
    String organisation;

    @Argument(index = 1, name = "role", description = "national, province, city, county, park, enterprise or collector", required = true)
    String role;

    @Option(name = "--hours", description = "How long the token can be used (default 24)")
    int hours = 24;

    @Reference(optional = true)
    SecurityCentre centre;

    @Reference
    AuditLog audit;

    @Override
    public Object execute() {
        SecurityCentre.IssuedToken token = CentreShell.require(centre).createToken(organisation, role, Duration.ofHours(hours),
                CentreShell.actor());
        CentreShell.record(audit, "exchange.token-create", "organisation", organisation,
                role + ", valid until " + token.details().expiresAt());
        System.out.println("Enrolment token for " + token.details().organisationCode() + " (" + token.details().role() + "), valid until "
                + token.details().expiresAt() + ":");
        System.out.println(token.token());
        System.out.println("It is shown this once; give it to the node's operator over a separate channel.");
        return null;
    }
}
