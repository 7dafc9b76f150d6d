package org.hazardwatch.exchange.link;

import java.io.IOException;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.hazardwatch.exchange.envelope.Identity;
import org.hazardwatch.exchange.envelope.MemoryTrustStore;

/** A link trust held in memory: the authorities and the certificates of known nodes (tests, benchmarks, tools). */
public final class MemoryLinkTrust implements LinkTrust {

    private final MemoryTrustStore store;
    private final Map<String, X509Certificate> byOrganisation = new ConcurrentHashMap<>();

    public MemoryLinkTrust(List<X509Certificate> authorities) {
        store = new MemoryTrustStore(authorities);
    }

    /** Adds a node's certificate; refused unless a trusted authority issued it. */
    public void add(Identity identity) {
        store.add(identity.certificate());
        byOrganisation.put(identity.organisationCode(), identity.certificate());
    }

    public void revoke(String serial) {
        store.revoke(serial);
    }

    @Override
    public Optional<X509Certificate> certificate(String serial) {
        return store.certificate(serial);
    }

    @Override
    public boolean issuedByTrustedAuthority(X509Certificate certificate) {
        return store.issuedByTrustedAuthority(certificate);
    }

    @Override
    public boolean revoked(String serial) {
        return store.revoked(serial);
    }

    @Override
    public X509Certificate certificateOf(String organisationCode) throws IOException {
        X509Certificate certificate = byOrganisation.get(organisationCode);
        if (certificate == null) {
            throw new IOException("no certificate of " + organisationCode + " is known");
        }
        return certificate;
    }
}
