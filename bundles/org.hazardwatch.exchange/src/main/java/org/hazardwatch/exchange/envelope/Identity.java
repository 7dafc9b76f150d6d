package org.hazardwatch.exchange.envelope;

import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.Objects;

/** A node's own organisation code, SM2 private key and the certificate issued for it. */
public record Identity(String organisationCode, PrivateKey privateKey, X509Certificate certificate) {

    public Identity {
        Objects.requireNonNull(organisationCode, "organisationCode");
        Objects.requireNonNull(privateKey, "privateKey");
        Objects.requireNonNull(certificate, "certificate");
    }

    public String serial() {
        return SmCertificates.serial(certificate);
    }
}
