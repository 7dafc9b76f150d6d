package org.hazardwatch.exchange.centre;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.cert.CertificateFactory;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import javax.sql.DataSource;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.pkcs.jcajce.JcaPKCS10CertificationRequestBuilder;
import org.hazardwatch.api.exchange.NodeCertificate;
import org.hazardwatch.api.exchange.NodeStatus;
import org.hazardwatch.api.exchange.SecurityCentre;
import org.hazardwatch.api.registry.ValidationException;
import org.hazardwatch.core.internal.exchange.JdbcCertificateRegistry;
import org.hazardwatch.exchange.envelope.Envelope;
import org.hazardwatch.exchange.envelope.EnvelopeOpener;
import org.hazardwatch.exchange.envelope.EnvelopeRejectedException;
import org.hazardwatch.exchange.envelope.EnvelopeSealer;
import org.hazardwatch.exchange.envelope.Identity;
import org.hazardwatch.exchange.envelope.MemoryReplayGuard;
import org.hazardwatch.exchange.envelope.MemoryTrustStore;
import org.hazardwatch.exchange.envelope.RejectReason;
import org.hazardwatch.exchange.envelope.SmCertificates;
import org.hazardwatch.exchange.envelope.SmCrypto;
import org.hazardwatch.exchange.envelope.TestSupport;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Enrolment, renewal, revocation with its CRL, and heartbeats; on H2 and PostgreSQL. */
class SecurityCentreTest {

    static final Instant T0 = Instant.parse("2026-11-30T03:00:00Z");

    @TempDir
    Path dir;
    TestSupport.MutableClock clock;
    SmSecurityCentre centre;
    X509Certificate authority;

    void start(String database) throws Exception {
        DataSource dataSource = TestSupport.database(database);
        clock = new TestSupport.MutableClock(T0);
        KeyPair caKeys = SmCrypto.newSm2KeyPair();
        authority = SmCertificates.authority("国家危险化学品安全中心", caKeys, T0.minus(Duration.ofDays(1)), Duration.ofDays(3650));
        centre = new SmSecurityCentre(new JdbcCertificateRegistry(dataSource), authority, caKeys.getPrivate(), clock);
    }

    static String request(KeyPair keys, String commonName) throws Exception {
        return SmSecurityCentre.pem(new JcaPKCS10CertificationRequestBuilder(new X500Name("CN=" + commonName + ",O=HazardWatch"),
                keys.getPublic()).build(new JcaContentSignerBuilder("SM3withSM2").setProvider(SmCrypto.PROVIDER).build(keys.getPrivate())));
    }

    static String code(ValidationException e) {
        return e.fieldErrors().get(0).field() + ":" + e.fieldErrors().get(0).code();
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void aNodeEnrolsOnceWithItsToken(String database) throws Exception {
        start(database);
        SecurityCentre.IssuedToken token = centre.createToken("370281", "county", Duration.ofDays(1), "admin");
        KeyPair keys = SmCrypto.newSm2KeyPair();
        String csr = request(keys, "370281");

        ValidationException wrongOrg = assertThrows(ValidationException.class, () -> centre.enrol(request(keys, "370211"), token.token()));
        assertEquals("csr:WRONG_ORGANISATION", code(wrongOrg));
        SecurityCentre.Enrolment enrolment = centre.enrol(csr, token.token());
        NodeCertificate issued = enrolment.certificate();
        assertEquals("370281", issued.organisationCode());
        assertEquals("county", issued.role());
        X509Certificate certificate = SmSecurityCentre.parse(issued.pem());
        assertTrue(SmCertificates.signedBy(certificate, authority));
        assertEquals("370281", SmCertificates.organisationCode(certificate));
        assertEquals(keys.getPublic(), certificate.getPublicKey());
        assertEquals(SmSecurityCentre.pem(authority), enrolment.authorityPem());
        assertEquals(issued.serial(), centre.tokens().get(0).certificateSerial());

        assertEquals("token:UNKNOWN", code(assertThrows(ValidationException.class, () -> centre.enrol(csr, token.token()))), "once");
        SecurityCentre.IssuedToken old = centre.createToken("370211", "county", Duration.ofHours(1), "admin");
        clock.now = T0.plus(Duration.ofHours(2));
        assertEquals("token:UNKNOWN", code(assertThrows(ValidationException.class,
                () -> centre.enrol(request(keys, "370211"), old.token()))), "expired");
        assertEquals("organisationCode:INVALID", code(assertThrows(ValidationException.class,
                () -> centre.createToken("37 02", "county", Duration.ofHours(1), "admin"))));
        assertEquals("role:INVALID", code(assertThrows(ValidationException.class,
                () -> centre.createToken("3702", "mayor", Duration.ofHours(1), "admin"))));
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2"})
    void badRequestsAreRefusedWithoutSpendingTheToken(String database) throws Exception {
        start(database);
        SecurityCentre.IssuedToken token = centre.createToken("3702", "city", Duration.ofDays(1), "admin");
        assertEquals("csr:MALFORMED", code(assertThrows(ValidationException.class, () -> centre.enrol("not a request", token.token()))));
        assertEquals("csr:REQUIRED", code(assertThrows(ValidationException.class, () -> centre.enrol(" ", token.token()))));

        KeyPairGenerator ec = KeyPairGenerator.getInstance("EC", SmCrypto.PROVIDER);
        ec.initialize(new java.security.spec.ECGenParameterSpec("secp256r1"));
        KeyPair nist = ec.generateKeyPair();
        String nistRequest = SmSecurityCentre.pem(new JcaPKCS10CertificationRequestBuilder(new X500Name("CN=3702"), nist.getPublic())
                .build(new JcaContentSignerBuilder("SHA256withECDSA").setProvider(SmCrypto.PROVIDER).build(nist.getPrivate())));
        assertEquals("csr:NOT_SM2", code(assertThrows(ValidationException.class, () -> centre.enrol(nistRequest, token.token()))));

        KeyPair keys = SmCrypto.newSm2KeyPair();
        KeyPair other = SmCrypto.newSm2KeyPair();
        String forged = SmSecurityCentre.pem(new JcaPKCS10CertificationRequestBuilder(new X500Name("CN=3702"), keys.getPublic())
                .build(new JcaContentSignerBuilder("SM3withSM2").setProvider(SmCrypto.PROVIDER).build(other.getPrivate())));
        assertEquals("csr:BAD_SIGNATURE", code(assertThrows(ValidationException.class, () -> centre.enrol(forged, token.token()))));
        assertEquals("token:REQUIRED", code(assertThrows(ValidationException.class, () -> centre.enrol(request(keys, "3702"), ""))));

        assertEquals("3702", centre.enrol(request(keys, "3702"), token.token()).certificate().organisationCode(), "still unspent");
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void revokedCertificatesAreListedAndRefusedByReceivers(String database) throws Exception {
        start(database);
        KeyPair countyKeys = SmCrypto.newSm2KeyPair();
        NodeCertificate county = centre.enrol(request(countyKeys, "370281"),
                centre.createToken("370281", "county", Duration.ofDays(1), "admin").token()).certificate();
        KeyPair cityKeys = SmCrypto.newSm2KeyPair();
        NodeCertificate city = centre.enrol(request(cityKeys, "3702"),
                centre.createToken("3702", "city", Duration.ofDays(1), "admin").token()).certificate();

        NodeCertificate revoked = centre.revoke(county.serial(), "key lost", "admin");
        assertEquals(NodeCertificate.Status.REVOKED, revoked.status());
        assertTrue(revoked.revocationReason().contains("key lost"));
        assertThrows(IllegalStateException.class, () -> centre.revoke(county.serial(), "again", "admin"));
        assertThrows(java.util.NoSuchElementException.class, () -> centre.revoke("abc", "x", "admin"));

        X509CRL crl = (X509CRL) CertificateFactory.getInstance("X.509", SmCrypto.PROVIDER)
                .generateCRL(new ByteArrayInputStream(centre.revocationList()));
        crl.verify(authority.getPublicKey(), SmCrypto.PROVIDER);
        X509Certificate countyCertificate = SmSecurityCentre.parse(county.pem());
        assertTrue(crl.isRevoked(countyCertificate));
        assertFalse(crl.isRevoked(SmSecurityCentre.parse(city.pem())));

        // the city applies the list: the county's messages are refused from then on
        Identity countyIdentity = new Identity("370281", countyKeys.getPrivate(), countyCertificate);
        Identity cityIdentity = new Identity("3702", cityKeys.getPrivate(), SmSecurityCentre.parse(city.pem()));
        MemoryTrustStore trust = new MemoryTrustStore(List.of(authority));
        trust.add(countyCertificate);
        crl.getRevokedCertificates().forEach(entry -> trust.revoke(entry.getSerialNumber().toString(16)));
        Envelope message = new EnvelopeSealer(countyIdentity, clock, Duration.ofDays(1)).seal("alarm", new byte[] {1}, "3702",
                cityIdentity.certificate(), 1);
        EnvelopeOpener opener = new EnvelopeOpener(cityIdentity, trust, new MemoryReplayGuard(clock), clock, Duration.ofMinutes(5));
        assertEquals(RejectReason.CERTIFICATE_REVOKED, assertThrows(EnvelopeRejectedException.class, () -> opener.open(message)).reason());
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2"})
    void certificatesAreRenewedInTheLastMonthWithTheCurrentKey(String database) throws Exception {
        start(database);
        KeyPair keys = SmCrypto.newSm2KeyPair();
        NodeCertificate current = centre.enrol(request(keys, "370281"),
                centre.createToken("370281", "county", Duration.ofDays(1), "admin").token()).certificate();
        KeyPair next = SmCrypto.newSm2KeyPair();
        String csr = request(next, "370281");
        byte[] proof = SmCrypto.sign(keys.getPrivate(), csr.strip().getBytes(StandardCharsets.UTF_8));
        assertEquals("currentSerial:TOO_EARLY", code(assertThrows(ValidationException.class, () -> centre.renew(csr, current.serial(), proof))));
        clock.now = current.notAfter().minus(Duration.ofDays(10));
        assertEquals("signature:BAD_SIGNATURE", code(assertThrows(ValidationException.class,
                () -> centre.renew(csr, current.serial(), SmCrypto.sign(next.getPrivate(), csr.strip().getBytes(StandardCharsets.UTF_8))))));
        NodeCertificate renewed = centre.renew(csr, current.serial(), proof).certificate();
        assertNotEquals(current.serial(), renewed.serial());
        assertEquals("370281", renewed.organisationCode());
        assertEquals("county", renewed.role());
        assertTrue(renewed.issuedBy().startsWith("renewal of " + current.serial()));
        clock.now = current.notAfter().plusSeconds(1);
        assertEquals(NodeCertificate.Status.EXPIRED, centre.certificates("370281").stream()
                .filter(c -> c.serial().equals(current.serial())).findFirst().orElseThrow().status());
        assertEquals("currentSerial:NOT_ACTIVE", code(assertThrows(ValidationException.class, () -> centre.renew(csr, current.serial(), proof))));
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void heartbeatsShowWhichNodesAreOnline(String database) throws Exception {
        start(database);
        KeyPair countyKeys = SmCrypto.newSm2KeyPair();
        NodeCertificate county = centre.enrol(request(countyKeys, "370281"),
                centre.createToken("370281", "county", Duration.ofDays(1), "admin").token()).certificate();
        KeyPair cityKeys = SmCrypto.newSm2KeyPair();
        centre.enrol(request(cityKeys, "3702"), centre.createToken("3702", "city", Duration.ofDays(1), "admin").token());
        byte[] forged = SmCrypto.sign(cityKeys.getPrivate(), SecurityCentre.heartbeatText(county.serial(), T0).getBytes(StandardCharsets.UTF_8));
        assertEquals("signature:BAD_SIGNATURE", code(assertThrows(ValidationException.class,
                () -> centre.heartbeat(county.serial(), T0, forged, "10.9.9.9"))), "the city cannot beat for the county");
        byte[] stale = SmCrypto.sign(countyKeys.getPrivate(),
                SecurityCentre.heartbeatText(county.serial(), T0.minus(Duration.ofMinutes(10))).getBytes(StandardCharsets.UTF_8));
        assertEquals("at:OUT_OF_RANGE", code(assertThrows(ValidationException.class,
                () -> centre.heartbeat(county.serial(), T0.minus(Duration.ofMinutes(10)), stale, "10.1.2.3"))));
        centre.heartbeat(county.serial(), T0, SmCrypto.sign(countyKeys.getPrivate(),
                SecurityCentre.heartbeatText(county.serial(), T0).getBytes(StandardCharsets.UTF_8)), "10.1.2.3");
        List<NodeStatus> nodes = centre.nodes();
        assertEquals(List.of("3702", "370281"), nodes.stream().map(NodeStatus::organisationCode).toList());
        assertTrue(nodes.get(1).online());
        assertEquals("10.1.2.3", nodes.get(1).address());
        assertFalse(nodes.get(0).online(), "never seen");
        clock.now = T0.plus(SecurityCentre.ONLINE_WITHIN).plusSeconds(1);
        assertFalse(centre.nodes().get(1).online(), "silent for longer than the window");
        centre.revoke(county.serial(), "decommissioned", "admin");
        Instant later = clock.now;
        assertEquals("serial:NOT_ACTIVE", code(assertThrows(ValidationException.class, () -> centre.heartbeat(county.serial(), later,
                SmCrypto.sign(countyKeys.getPrivate(), SecurityCentre.heartbeatText(county.serial(), later).getBytes(StandardCharsets.UTF_8)),
                "10.1.2.3"))));
    }

    /** A request made by OpenSSL 3 (with the default SM2 ID) enrols; the issued certificate parses in OpenSSL. */
    @ParameterizedTest
    @ValueSource(strings = {"h2"})
    void openSslRequestsEnrol(String database) throws Exception {
        boolean present;
        try {
            present = new ProcessBuilder("openssl", "version").start().waitFor() == 0;
        } catch (Exception e) {
            present = false;
        }
        Assumptions.assumeTrue(present, "!!!!!!!! openssl is not installed: SKIPPING !!!!!!!!");
        start(database);
        run("openssl", "genpkey", "-algorithm", "EC", "-pkeyopt", "ec_paramgen_curve:SM2", "-out", "node.key");
        run("openssl", "req", "-new", "-key", "node.key", "-sm3", "-sigopt", "distid:1234567812345678", "-subj", "/CN=91370281MA3HW2026N/O=HazardWatch",
                "-out", "node.csr");
        NodeCertificate issued = centre.enrol(Files.readString(dir.resolve("node.csr")),
                centre.createToken("91370281MA3HW2026N", "enterprise", Duration.ofDays(1), "admin").token()).certificate();
        Files.writeString(dir.resolve("node.pem"), issued.pem());
        String text = run("openssl", "x509", "-in", "node.pem", "-noout", "-subject", "-issuer", "-ext", "keyUsage");
        assertTrue(text.contains("CN = 91370281MA3HW2026N"), text);
        assertTrue(text.contains("Digital Signature"), text);
    }

    private String run(String... command) throws Exception {
        Process process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, process.waitFor(), String.join(" ", command) + ":\n" + output);
        return output;
    }
}
