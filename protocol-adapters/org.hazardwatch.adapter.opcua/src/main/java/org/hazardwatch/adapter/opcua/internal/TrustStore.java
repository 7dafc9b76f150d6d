package org.hazardwatch.adapter.opcua.internal;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

import org.hazardwatch.api.adapter.CertificateTrust.Certificate;

/** The certificate folders Milo's trust list manager keeps under a pki directory, read and changed by operators. */
final class TrustStore {

    private final Path pki;

    TrustStore(Path pki) {
        this.pki = pki;
    }

    Path rejected() {
        return pki.resolve("rejected");
    }

    Path trusted() {
        return pki.resolve("trusted/certs");
    }

    List<Certificate> list() {
        List<Certificate> all = new ArrayList<>();
        read(rejected(), false, all);
        read(trusted(), true, all);
        return all;
    }

    void trust(String file) {
        if (file == null || file.contains("/") || file.contains("\\") || file.startsWith(".")) {
            throw new IllegalArgumentException("'" + file + "' is not a certificate file name");
        }
        Path source = rejected().resolve(file);
        if (!Files.isRegularFile(source)) {
            throw new IllegalArgumentException("no rejected certificate '" + file + "' in " + rejected());
        }
        try {
            Files.createDirectories(trusted());
            Files.move(source, trusted().resolve(file));
        } catch (java.io.IOException e) {
            throw new IllegalStateException("cannot move " + source + " to " + trusted() + ": " + e.getMessage(), e);
        }
    }

    private static void read(Path dir, boolean trusted, List<Certificate> out) {
        if (!Files.isDirectory(dir)) {
            return;
        }
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                try (InputStream in = Files.newInputStream(file)) {
                    X509Certificate certificate = (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
                    String sha1 = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(certificate.getEncoded()));
                    out.add(new Certificate(file.getFileName().toString(), trusted,
                            certificate.getSubjectX500Principal().getName(), sha1, certificate.getNotAfter().toInstant()));
                } catch (Exception e) {
                    out.add(new Certificate(file.getFileName().toString(), trusted, "unreadable: " + e.getMessage(), "", null));
                }
            }
        } catch (java.io.IOException e) {
            throw new IllegalStateException("cannot list " + dir + ": " + e.getMessage(), e);
        }
    }
}
