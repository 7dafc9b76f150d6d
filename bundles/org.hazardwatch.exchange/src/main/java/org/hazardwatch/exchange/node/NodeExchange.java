package org.hazardwatch.exchange.node;

import java.io.IOException;
import java.io.Reader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;

import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.pkcs.jcajce.JcaPKCS10CertificationRequestBuilder;
import org.hazardwatch.exchange.centre.Pem;
import org.hazardwatch.exchange.envelope.Identity;
import org.hazardwatch.exchange.envelope.SmCertificates;
import org.hazardwatch.exchange.envelope.SmCrypto;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * This node's side of the security centre: it enrols (a new SM2 key, a PKCS#10 request and the one-time token,
 * posted to the centre), keeps its key and certificates under {@code data/hazardwatch/exchange/}, sends signed
 * heartbeats, fetches the revocation list and renews its certificate in its last month. The private key never leaves
 * the node.
 */
public final class NodeExchange {

    static final String KEY_FILE = "node-key.pem";
    static final String CERTIFICATE_FILE = "node.pem";
    static final String AUTHORITY_FILE = "authority.pem";
    static final String CENTRE_FILE = "centre-url";
    static final String CRL_FILE = "crl.der";
    /** The key and certificate before the last renewal: messages sealed to them before the renewal still open. */
    static final String PREVIOUS_KEY_FILE = "previous-node-key.pem";
    static final String PREVIOUS_CERTIFICATE_FILE = "previous-node.pem";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path directory;
    private final HttpClient http;
    private final Clock clock;

    public NodeExchange(Path directory, Clock clock) {
        this.directory = directory;
        this.clock = clock;
        this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    }

    public Path directory() {
        return directory;
    }

    /** The enrolled identity, when this node has enrolled. */
    public Optional<Identity> identity() {
        Path key = directory.resolve(KEY_FILE);
        Path certificate = directory.resolve(CERTIFICATE_FILE);
        if (!Files.exists(key) || !Files.exists(certificate)) {
            return Optional.empty();
        }
        try {
            X509Certificate own = Pem.certificate(Files.readString(certificate));
            return Optional.of(new Identity(SmCertificates.organisationCode(own), privateKey(key), own));
        } catch (IOException e) {
            throw new IllegalStateException("the node's key or certificate under " + directory + " cannot be read: " + e.getMessage(), e);
        }
    }

    /**
     * The identity before the last renewal, while its certificate is valid: neighbours that fetched this node's
     * certificate before the renewal, and messages sealed before it (a backlog, the inbox), are still addressed to it.
     */
    public Optional<Identity> previousIdentity() {
        Path key = directory.resolve(PREVIOUS_KEY_FILE);
        Path certificate = directory.resolve(PREVIOUS_CERTIFICATE_FILE);
        if (!Files.exists(key) || !Files.exists(certificate)) {
            return Optional.empty();
        }
        try {
            X509Certificate previous = Pem.certificate(Files.readString(certificate));
            if (!previous.getNotAfter().toInstant().isAfter(clock.instant())) {
                return Optional.empty();
            }
            return Optional.of(new Identity(SmCertificates.organisationCode(previous), privateKey(key), previous));
        } catch (IOException e) {
            throw new IllegalStateException("the node's previous key or certificate under " + directory + " cannot be read: " + e.getMessage(), e);
        }
    }

    /** The authority this node enrolled with, when it has. */
    public Optional<X509Certificate> authority() {
        Path file = directory.resolve(AUTHORITY_FILE);
        try {
            return Files.exists(file) ? Optional.of(Pem.certificate(Files.readString(file))) : Optional.empty();
        } catch (IOException e) {
            throw new IllegalStateException("the authority's certificate " + file + " cannot be read: " + e.getMessage(), e);
        }
    }

    /** Where the last revocation list fetched from the centre is kept (DER; absent before the first fetch). */
    public Path revocationListFile() {
        return directory.resolve(CRL_FILE);
    }

    /** GETs a path of the centre, answering the body of a 200 and empty for a 404. */
    public Optional<String> getFromCentre(String pathAndQuery) throws IOException, InterruptedException {
        URI centre = centre().orElseThrow(() -> new IllegalStateException("the centre's address is not known: enrol first"));
        HttpResponse<String> answer = http.send(HttpRequest.newBuilder(centre.resolve(pathAndQuery)).timeout(Duration.ofSeconds(15)).GET().build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        if (answer.statusCode() == 404) {
            return Optional.empty();
        }
        if (answer.statusCode() != 200) {
            throw new IOException("the centre answered " + answer.statusCode() + " for " + pathAndQuery);
        }
        return Optional.of(answer.body());
    }

    public Optional<URI> centre() {
        try {
            Path file = directory.resolve(CENTRE_FILE);
            return Files.exists(file) ? Optional.of(URI.create(Files.readString(file).strip())) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** Enrols at the centre (its base URL, e.g. http://national:8181) as {@code organisationCode} with a one-time token. */
    public Identity enrol(URI centre, String organisationCode, String token) throws IOException, InterruptedException {
        KeyPair keys = SmCrypto.newSm2KeyPair();
        String csr = request(keys, organisationCode);
        ObjectNode body = JSON.createObjectNode();
        body.put("csr", csr);
        body.put("token", token);
        JsonNode answer = post(centre, "/api/exchange/enrol", body);
        store(centre, keys.getPrivate(), answer);
        return identity().orElseThrow();
    }

    /** Renews the certificate with a new key, proving the request with the current key. */
    public Identity renew() throws IOException, InterruptedException {
        Identity current = identity().orElseThrow(() -> new IllegalStateException("this node has not enrolled"));
        URI centre = centre().orElseThrow(() -> new IllegalStateException("the centre's address is not known: enrol again"));
        KeyPair keys = SmCrypto.newSm2KeyPair();
        String csr = request(keys, current.organisationCode());
        ObjectNode body = JSON.createObjectNode();
        body.put("csr", csr);
        body.put("currentSerial", current.serial());
        body.put("signature", Base64.getEncoder().encodeToString(SmCrypto.sign(current.privateKey(),
                csr.strip().getBytes(StandardCharsets.UTF_8))));
        JsonNode answer = post(centre, "/api/exchange/renew", body);
        // the current key stays usable for opening what was sealed to it before the renewal
        write(PREVIOUS_KEY_FILE, Files.readAllBytes(directory.resolve(KEY_FILE)), true);
        write(PREVIOUS_CERTIFICATE_FILE, Files.readAllBytes(directory.resolve(CERTIFICATE_FILE)), false);
        store(centre, keys.getPrivate(), answer);
        return identity().orElseThrow();
    }

    /** Sends one signed heartbeat. */
    public void heartbeat(String address) throws IOException, InterruptedException {
        Identity identity = identity().orElseThrow(() -> new IllegalStateException("this node has not enrolled"));
        URI centre = centre().orElseThrow(() -> new IllegalStateException("the centre's address is not known"));
        Instant at = clock.instant();
        ObjectNode body = JSON.createObjectNode();
        body.put("serial", identity.serial());
        body.put("at", at.toString());
        body.put("address", address);
        body.put("signature", Base64.getEncoder().encodeToString(SmCrypto.sign(identity.privateKey(),
                org.hazardwatch.api.exchange.SecurityCentre.heartbeatText(identity.serial(), at).getBytes(StandardCharsets.UTF_8))));
        post(centre, "/api/exchange/heartbeat", body);
    }

    /** Fetches the centre's revocation list and keeps it (checked against the authority before it replaces the old one). */
    public byte[] refreshRevocationList() throws IOException, InterruptedException {
        URI centre = centre().orElseThrow(() -> new IllegalStateException("the centre's address is not known"));
        HttpResponse<byte[]> answer = http.send(HttpRequest.newBuilder(centre.resolve("/api/exchange/crl")).timeout(Duration.ofSeconds(30))
                .GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        if (answer.statusCode() != 200) {
            throw new IOException("the centre answered " + answer.statusCode() + " for the revocation list");
        }
        X509Certificate authority = Pem.certificate(Files.readString(directory.resolve(AUTHORITY_FILE)));
        if (!Pem.crlSignedBy(answer.body(), authority)) {
            throw new IOException("the revocation list is not signed by the authority this node enrolled with");
        }
        write(CRL_FILE, answer.body(), false);
        return answer.body();
    }

    /** Whether the certificate ends within {@code window}. */
    public boolean renewalDue(Duration window) {
        return identity().map(i -> i.certificate().getNotAfter().toInstant().minus(window).isBefore(clock.instant())).orElse(false);
    }

    private static String request(KeyPair keys, String organisationCode) {
        try {
            return Pem.text(new JcaPKCS10CertificationRequestBuilder(new X500Name("CN=" + organisationCode + ",O=HazardWatch"), keys.getPublic())
                    .build(new JcaContentSignerBuilder("SM3withSM2").setProvider(SmCrypto.PROVIDER).build(keys.getPrivate())));
        } catch (OperatorCreationException e) {
            throw new IllegalStateException("making the certification request failed", e);
        }
    }

    private JsonNode post(URI centre, String path, ObjectNode body) throws IOException, InterruptedException {
        HttpResponse<String> answer = http.send(HttpRequest.newBuilder(centre.resolve(path)).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body.toString())).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        if (answer.statusCode() / 100 != 2) {
            String message = answer.body();
            try {
                JsonNode error = JSON.readTree(answer.body());
                message = error.path("message").asText(answer.body());
            } catch (IOException notJson) {
                // keep the raw body
            }
            throw new IOException("the security centre refused (" + answer.statusCode() + "): " + message);
        }
        return answer.body().isEmpty() ? JSON.createObjectNode() : JSON.readTree(answer.body());
    }

    /** Keeps the new key and certificates; the key is written first and owner-readable only. */
    private void store(URI centre, PrivateKey key, JsonNode answer) throws IOException {
        String certificate = answer.path("certificate").path("pem").asText("");
        String authority = answer.path("authorityPem").asText("");
        X509Certificate own = Pem.certificate(certificate);
        X509Certificate root = Pem.certificate(authority);
        if (!SmCertificates.signedBy(own, root)) {
            throw new IOException("the certificate the centre sent is not signed by its authority");
        }
        Files.createDirectories(directory);
        write(KEY_FILE, Pem.text(new JcaPKCS8Generator(key, null).generate()).getBytes(StandardCharsets.UTF_8), true);
        write(CERTIFICATE_FILE, certificate.getBytes(StandardCharsets.UTF_8), false);
        write(AUTHORITY_FILE, authority.getBytes(StandardCharsets.UTF_8), false);
        write(CENTRE_FILE, centre.toString().getBytes(StandardCharsets.UTF_8), false);
    }

    /** Written beside the target and moved over it, so a crash never leaves half a file. */
    private void write(String name, byte[] content, boolean secret) throws IOException {
        Files.createDirectories(directory);
        Path temporary = directory.resolve(name + ".tmp");
        Files.write(temporary, content);
        if (secret) {
            try {
                Files.setPosixFilePermissions(temporary, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException notPosix) {
                // the data directory's permissions protect it
            }
        }
        Files.move(temporary, directory.resolve(name), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private static PrivateKey privateKey(Path file) throws IOException {
        try (Reader reader = Files.newBufferedReader(file); PEMParser parser = new PEMParser(reader)) {
            return new JcaPEMKeyConverter().setProvider(SmCrypto.PROVIDER).getPrivateKey((PrivateKeyInfo) parser.readObject());
        }
    }
}
