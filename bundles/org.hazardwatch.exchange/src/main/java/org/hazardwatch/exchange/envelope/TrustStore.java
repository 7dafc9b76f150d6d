package org.hazardwatch.exchange.envelope;

import java.security.cert.X509Certificate;
import java.util.Optional;

/** The certificates a receiver knows, which authorities it trusts, and which certificates are revoked. */
public interface TrustStore {

    /** A known certificate by its serial number (lower-case hex). */
    Optional<X509Certificate> certificate(String serial);

    /** Whether the certificate was issued (signed) by an authority this node trusts. */
    boolean issuedByTrustedAuthority(X509Certificate certificate);

    boolean revoked(String serial);
}
