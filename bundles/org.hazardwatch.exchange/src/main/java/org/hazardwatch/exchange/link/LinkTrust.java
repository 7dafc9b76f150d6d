package org.hazardwatch.exchange.link;

import java.io.IOException;
import java.security.cert.X509Certificate;

import org.hazardwatch.exchange.envelope.TrustStore;

/** What a link trusts (signatures of neighbours), and the certificate it encrypts to for a neighbour. */
public interface LinkTrust extends TrustStore {

    /** The neighbour's current certificate. @throws IOException when it is not known and cannot be found */
    X509Certificate certificateOf(String organisationCode) throws IOException;
}
