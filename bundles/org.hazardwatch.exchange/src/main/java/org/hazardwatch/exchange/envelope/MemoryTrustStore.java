package org.hazardwatch.exchange.envelope;

import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** A trust store held in memory: the authorities, the certificates met, the revocation list. Thread-safe. */
public final class MemoryTrustStore implements TrustStore {

    private final List<X509Certificate> authorities;
    private final Map<String, X509Certificate> certificates = new ConcurrentHashMap<>();
    private final Set<String> revoked = ConcurrentHashMap.newKeySet();

    public MemoryTrustStore(List<X509Certificate> authorities) {
        this.authorities = List.copyOf(authorities);
    }

    /** Adds a certificate; refused unless a trusted authority issued it. */
    public void add(X509Certificate certificate) {
        if (!issuedByTrustedAuthority(certificate)) {
            throw new IllegalArgumentException("certificate " + SmCertificates.serial(certificate) + " is not from a trusted authority");
        }
        certificates.put(SmCertificates.serial(certificate), certificate);
    }

    /** Records a revocation (from the authority's revocation list). */
    public void revoke(String serial) {
        revoked.add(serial);
    }

    @Override
    public Optional<X509Certificate> certificate(String serial) {
        return Optional.ofNullable(certificates.get(serial));
    }

    @Override
    public boolean issuedByTrustedAuthority(X509Certificate certificate) {
        return authorities.stream().anyMatch(authority -> SmCertificates.signedBy(certificate, authority));
    }

    @Override
    public boolean revoked(String serial) {
        return revoked.contains(serial);
    }
}
