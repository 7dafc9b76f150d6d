package org.hazardwatch.api.adapter;

import java.time.Instant;
import java.util.List;

/**
 * Certificate trust of an adapter instance whose protocol authenticates servers by certificate (OPC UA with
 * Basic256Sha256): what was seen and set aside, what is trusted, and the operator's decision to trust one.
 * Implemented by the adapter's {@link ProtocolAdapter} service.
 */
public interface CertificateTrust {

    /**
     * A certificate file of the trust lists.
     *
     * @param file file name, the handle to trust it by
     * @param trusted whether it is in the trusted list (else it was seen and rejected)
     * @param subject subject distinguished name
     * @param sha1 SHA-1 thumbprint as hex, as OPC UA tools show it
     */
    record Certificate(String file, boolean trusted, String subject, String sha1, Instant notAfter) {
    }

    /** Rejected and trusted server certificates, and where the adapter's own certificate is. */
    List<Certificate> certificates();

    /** Path of this collector's own certificate (DER), for the server operator's trust list; null when not secured. */
    String ownCertificateFile();

    /**
     * Moves a rejected certificate to the trusted list; the next connection attempt uses it.
     *
     * @throws IllegalArgumentException when there is no rejected certificate of that name
     */
    void trustRejected(String file);
}
