package org.hazardwatch.exchange.node;

import java.net.URI;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.hazardwatch.exchange.envelope.Identity;

@Command(scope = "hazardwatch", name = "enrol", description = "Enrols this node at the security centre: makes a new SM2 key "
        + "(it never leaves the node), sends a certification request with the one-time token and keeps the certificate")
@Service
public class EnrolCommand implements Action {

    @Argument(index = 0, name = "centre", description = "The security centre's address, e.g. http://national.example:8181", required = true)
    String centre;

    @Argument(index = 1, name = "organisation", description = "This node's organisation code (as the token was made for)", required = true)
    String organisation;

    @Argument(index = 2, name = "token", description = "The one-time enrolment token", required = true)
    String token;

    @Reference
    NodeExchangeComponent exchange;

    @Override
    public Object execute() throws Exception {
        URI address = URI.create(centre.strip());
        if (address.getScheme() == null || !address.getScheme().startsWith("http")) {
            throw new IllegalArgumentException("the centre's address must be an http(s) URL, not '" + centre + "'");
        }
        Identity identity = exchange.enrol(address, organisation.strip(), token.strip());
        System.out.println("Enrolled as " + identity.organisationCode() + ": certificate " + identity.serial() + ", valid until "
                + identity.certificate().getNotAfter().toInstant());
        System.out.println("Key and certificates: " + exchange.node().directory());
        return null;
    }
}
