package org.hazardwatch.exchange.link;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigInteger;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.security.cert.CertificateFactory;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.hazardwatch.exchange.centre.Pem;
import org.hazardwatch.exchange.envelope.SmCertificates;
import org.hazardwatch.exchange.envelope.SmCrypto;
import org.hazardwatch.exchange.node.NodeExchange;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The certificates of the other nodes, as the security centre publishes them ({@code GET /api/exchange/directory}),
 * kept under {@code data/hazardwatch/exchange/peers/} so links keep working while the centre is unreachable. Trust is
 * this node's: a certificate counts only when the authority this node enrolled with signed it and the centre's
 * revocation list (fetched by {@link NodeExchange}) does not name it.
 */
public final class PeerDirectory implements LinkTrust {

    /** How long the certificate found for an organisation is used before the centre is asked again (renewals). */
    static final Duration ORGANISATION_TTL = Duration.ofMinutes(10);

    /**
     * How long a serial the centre did not know is answered as unknown without asking again: messages with made-up
     * serials must not turn into a request to the centre each. A real serial is known at the centre before any
     * message carries it, so this delays nobody.
     */
    static final Duration UNKNOWN_TTL = Duration.ofMinutes(1);

    /** Most unknown serials remembered; beyond, the memory starts again (a flood of made-up serials). */
    static final int UNKNOWN_MAX = 10_000;

    private final NodeExchange node;
    private final Path peers;
    private final Clock clock;
    private final Map<String, X509Certificate> bySerial = new ConcurrentHashMap<>();
    private final Map<String, Cached> byOrganisation = new ConcurrentHashMap<>();
    /** Serials the centre did not know (or could not be asked about), until when they are not asked about again. */
    private final Map<String, Instant> unknownUntil = new ConcurrentHashMap<>();
    private volatile X509CRL revocationList;
    private volatile FileTime revocationListTime;

    private record Cached(X509Certificate certificate, Instant fetchedAt) {
    }

    public PeerDirectory(NodeExchange node, Clock clock) {
        this.node = node;
        this.peers = node.directory().resolve("peers");
        this.clock = clock;
    }

    @Override
    public Optional<X509Certificate> certificate(String serial) {
        if (!serial.matches("[0-9a-f]{1,40}")) {
            return Optional.empty();
        }
        X509Certificate known = bySerial.get(serial);
        if (known != null) {
            return Optional.of(known);
        }
        Instant until = unknownUntil.get(serial);
        if (until != null && until.isAfter(clock.instant())) {
            return Optional.empty();
        }
        Path file = peers.resolve(serial + ".pem");
        try {
            X509Certificate certificate = null;
            if (Files.exists(file)) {
                certificate = Pem.certificate(Files.readString(file));
            } else {
                Optional<String> answer = node.getFromCentre("/api/exchange/directory?serial=" + serial);
                if (answer.isPresent()) {
                    certificate = Pem.certificate(Payloads.JSON.readTree(answer.get()).path("pem").asText());
                }
            }
            if (certificate == null || !serial.equals(SmCertificates.serial(certificate)) || !issuedByTrustedAuthority(certificate)) {
                rememberUnknown(serial);
                return Optional.empty();
            }
            keep(certificate);
            unknownUntil.remove(serial);
            return Optional.of(certificate);
        } catch (IOException e) {
            rememberUnknown(serial);
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    /**
     * The certificate to encrypt to for an organisation: its newest active one at the centre, checked against this
     * node's authority; while the centre cannot be reached, the one found last.
     *
     * @throws IOException when the centre knows no active certificate and none was found before
     */
    @Override
    public X509Certificate certificateOf(String organisationCode) throws IOException {
        Cached cached = byOrganisation.get(organisationCode);
        Instant now = clock.instant();
        if (cached != null && cached.fetchedAt().plus(ORGANISATION_TTL).isAfter(now)) {
            return cached.certificate();
        }
        Path file = peers.resolve("organisation-" + organisationCode.replaceAll("[^A-Za-z0-9._-]", "_") + ".pem");
        try {
            Optional<String> answer = node.getFromCentre("/api/exchange/directory?organisation="
                    + URLEncoder.encode(organisationCode, StandardCharsets.UTF_8));
            X509Certificate newest = null;
            if (answer.isPresent()) {
                for (JsonNode entry : Payloads.JSON.readTree(answer.get())) {
                    if (!"ACTIVE".equals(entry.path("status").asText())) {
                        continue;
                    }
                    X509Certificate candidate = Pem.certificate(entry.path("pem").asText());
                    if (issuedByTrustedAuthority(candidate) && organisationCode.equals(SmCertificates.organisationCode(candidate))
                            && (newest == null || candidate.getNotAfter().after(newest.getNotAfter()))) {
                        newest = candidate;
                    }
                }
            }
            if (newest == null) {
                throw new IOException("the security centre knows no active certificate of " + organisationCode
                        + " (has it enrolled?)");
            }
            keep(newest);
            write(file, Pem.text(newest));
            byOrganisation.put(organisationCode, new Cached(newest, now));
            return newest;
        } catch (IOException | RuntimeException e) {
            if (cached != null) {
                return cached.certificate();
            }
            if (Files.exists(file)) {
                X509Certificate kept = Pem.certificate(Files.readString(file));
                byOrganisation.put(organisationCode, new Cached(kept, now.minus(ORGANISATION_TTL).plusSeconds(60)));
                return kept;
            }
            throw e instanceof IOException io ? io : new IOException(e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    private void rememberUnknown(String serial) {
        if (unknownUntil.size() >= UNKNOWN_MAX) {
            unknownUntil.clear();
        }
        unknownUntil.put(serial, clock.instant().plus(UNKNOWN_TTL));
    }

    private void keep(X509Certificate certificate) throws IOException {
        String serial = SmCertificates.serial(certificate);
        bySerial.put(serial, certificate);
        Path file = peers.resolve(serial + ".pem");
        if (!Files.exists(file)) {
            write(file, Pem.text(certificate));
        }
    }

    private static void write(Path file, String content) throws IOException {
        Files.createDirectories(file.getParent());
        Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
        Files.writeString(temporary, content);
        Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    @Override
    public boolean issuedByTrustedAuthority(X509Certificate certificate) {
        return node.authority().map(authority -> SmCertificates.signedBy(certificate, authority)).orElse(false);
    }

    @Override
    public boolean revoked(String serial) {
        X509CRL list = currentRevocationList();
        return list != null && list.getRevokedCertificate(new BigInteger(serial, 16)) != null;
    }

    /** Forgets what was looked up by organisation, so the next message asks the centre again. */
    public void refresh() {
        byOrganisation.clear();
    }

    private X509CRL currentRevocationList() {
        Path file = node.revocationListFile();
        try {
            if (!Files.exists(file)) {
                return null;
            }
            FileTime modified = Files.getLastModifiedTime(file);
            if (revocationList == null || !modified.equals(revocationListTime)) {
                try (InputStream in = Files.newInputStream(file)) {
                    revocationList = (X509CRL) CertificateFactory.getInstance("X.509", SmCrypto.PROVIDER).generateCRL(in);
                    revocationListTime = modified;
                }
            }
            return revocationList;
        } catch (Exception e) {
            // an unreadable list must not make revoked certificates valid: keep the last one read
            return revocationList;
        }
    }
}
