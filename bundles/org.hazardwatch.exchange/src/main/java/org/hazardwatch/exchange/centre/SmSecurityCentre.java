package org.hazardwatch.exchange.centre;

import java.io.IOException;
import java.io.StringReader;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.gm.GMObjectIdentifiers;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.CRLReason;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;
import org.bouncycastle.cert.X509v2CRLBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CRLConverter;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaContentVerifierProviderBuilder;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;
import org.bouncycastle.pkcs.PKCSException;
import org.hazardwatch.api.exchange.CertificateRegistry;
import org.hazardwatch.api.exchange.EnrolmentToken;
import org.hazardwatch.api.exchange.NodeCertificate;
import org.hazardwatch.api.exchange.NodeStatus;
import org.hazardwatch.api.exchange.SecurityCentre;
import org.hazardwatch.api.registry.FieldError;
import org.hazardwatch.api.registry.ValidationException;
import org.hazardwatch.exchange.envelope.SmCertificates;
import org.hazardwatch.exchange.envelope.SmCrypto;

/**
 * The security centre's SM2 certificate authority. Nodes enrol with a PKCS#10 request (SM2 key, signed SM3withSM2,
 * subject CN = their organisation code) and a one-time token an administrator created for that organisation; they
 * renew with a request signed again by their current key; revoked certificates are in a signed CRL that is distributed
 * down the tree. Thread-safe.
 */
public final class SmSecurityCentre implements SecurityCentre {

    public static final Set<String> ROLES = Set.of("national", "province", "city", "county", "park", "enterprise", "collector");
    public static final Duration CERTIFICATE_VALIDITY = Duration.ofDays(365);
    /** Renewal opens this long before a certificate ends. */
    public static final Duration RENEWAL_WINDOW = Duration.ofDays(30);
    private static final Duration MAX_TOKEN_VALIDITY = Duration.ofDays(30);
    private static final Duration HEARTBEAT_SKEW = Duration.ofMinutes(5);

    private final CertificateRegistry registry;
    private final X509Certificate authority;
    private final PrivateKey authorityKey;
    private final Clock clock;

    public SmSecurityCentre(CertificateRegistry registry, X509Certificate authority, PrivateKey authorityKey, Clock clock) {
        this.registry = registry;
        this.authority = authority;
        this.authorityKey = authorityKey;
        this.clock = clock;
    }

    @Override
    public String authorityPem() {
        return pem(authority);
    }

    @Override
    public IssuedToken createToken(String organisationCode, String role, Duration validity, String createdBy) {
        List<FieldError> errors = new ArrayList<>();
        String code = organisationCode == null ? "" : organisationCode.strip();
        if (!code.matches("[A-Za-z0-9]{2,18}")) {
            errors.add(new FieldError("organisationCode", "INVALID", "a region code (e.g. 370281) or an enterprise USCC"));
        }
        String r = role == null ? "" : role.strip().toLowerCase(Locale.ROOT);
        if (!ROLES.contains(r)) {
            errors.add(new FieldError("role", "INVALID", "one of " + String.join(", ", ROLES.stream().sorted().toList())));
        }
        if (validity == null || validity.isNegative() || validity.isZero() || validity.compareTo(MAX_TOKEN_VALIDITY) > 0) {
            errors.add(new FieldError("validity", "OUT_OF_RANGE", "between 1 minute and 30 days"));
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(SmCrypto.random(24));
        Instant now = clock.instant();
        EnrolmentToken details = new EnrolmentToken(hash(token).substring(0, 12), code, r, now.plus(validity), createdBy, now, null, null);
        registry.saveToken(hash(token), details);
        return new IssuedToken(token, details);
    }

    @Override
    public Enrolment enrol(String csrPem, String token) {
        PKCS10CertificationRequest request = checkedRequest(csrPem);
        String code = commonName(request);
        if (token == null || token.isBlank()) {
            throw invalid("token", "REQUIRED", "the one-time enrolment token is required");
        }
        String tokenHash = hash(token.strip());
        Instant now = clock.instant();
        EnrolmentToken found = registry.token(tokenHash).filter(t -> t.usedAt() == null && t.expiresAt().isAfter(now))
                .orElseThrow(() -> invalid("token", "UNKNOWN", "the token is unknown, used already or expired"));
        // a request for the wrong organisation does not spend the token
        if (!found.organisationCode().equals(code)) {
            throw invalid("csr", "WRONG_ORGANISATION", "the request names " + code + ", the token is for " + found.organisationCode());
        }
        NodeCertificate issued = issue(request, code, found.role(), "enrolment " + found.id());
        if (registry.useToken(tokenHash, now, issued.serial()).isEmpty()) {
            // another enrolment spent the token at the same moment: this certificate must not stay valid
            registry.revoke(issued.serial(), "enrolment token spent concurrently", now);
            throw invalid("token", "UNKNOWN", "the token is unknown, used already or expired");
        }
        return new Enrolment(issued, authorityPem());
    }

    @Override
    public Enrolment renew(String csrPem, String currentSerial, byte[] signatureWithCurrentKey) {
        PKCS10CertificationRequest request = checkedRequest(csrPem);
        NodeCertificate current = registry.certificate(currentSerial == null ? "" : currentSerial.strip())
                .orElseThrow(() -> invalid("currentSerial", "UNKNOWN", "no certificate " + currentSerial));
        Instant now = clock.instant();
        if (current.statusAt(now) != NodeCertificate.Status.ACTIVE) {
            throw invalid("currentSerial", "NOT_ACTIVE", "certificate " + currentSerial + " is " + current.statusAt(now) + ": enrol again");
        }
        if (current.notAfter().minus(RENEWAL_WINDOW).isAfter(now)) {
            throw invalid("currentSerial", "TOO_EARLY", "renewal opens " + current.notAfter().minus(RENEWAL_WINDOW));
        }
        String code = commonName(request);
        if (!current.organisationCode().equals(code)) {
            throw invalid("csr", "WRONG_ORGANISATION", "the request names " + code + ", the certificate is for " + current.organisationCode());
        }
        X509Certificate currentCertificate = parse(current.pem());
        if (signatureWithCurrentKey == null
                || !SmCrypto.verify(currentCertificate.getPublicKey(), csrPem.strip().getBytes(StandardCharsets.UTF_8), signatureWithCurrentKey)) {
            throw invalid("signature", "BAD_SIGNATURE", "the request must be signed with the key of certificate " + currentSerial);
        }
        return new Enrolment(issue(request, code, current.role(), "renewal of " + currentSerial), authorityPem());
    }

    private NodeCertificate issue(PKCS10CertificationRequest request, String code, String role, String by) {
        Instant now = clock.instant();
        PublicKey key;
        try {
            key = new JcaPEMKeyConverter().setProvider(SmCrypto.PROVIDER).getPublicKey(request.getSubjectPublicKeyInfo());
        } catch (IOException e) {
            throw invalid("csr", "BAD_KEY", "the public key cannot be read: " + e.getMessage());
        }
        X509Certificate certificate = SmCertificates.issue(authority, authorityKey, key, code, role, now.minusSeconds(60), CERTIFICATE_VALIDITY);
        NodeCertificate stored = new NodeCertificate(SmCertificates.serial(certificate), code, role,
                certificate.getSubjectX500Principal().getName(), certificate.getNotBefore().toInstant(),
                certificate.getNotAfter().toInstant(), NodeCertificate.Status.ACTIVE, null, null, now, by, pem(certificate));
        registry.saveCertificate(stored);
        return stored;
    }

    /** A well-formed request: PEM PKCS#10, an SM2 key, a valid SM3withSM2 signature, a subject CN. */
    private static PKCS10CertificationRequest checkedRequest(String csrPem) {
        if (csrPem == null || csrPem.isBlank() || csrPem.length() > 20_000) {
            throw invalid("csr", "REQUIRED", "a PKCS#10 certification request in PEM is required");
        }
        Object parsed;
        try (PEMParser parser = new PEMParser(new StringReader(csrPem))) {
            parsed = parser.readObject();
        } catch (IOException | RuntimeException e) {
            throw invalid("csr", "MALFORMED", "not a PEM certification request: " + e.getMessage());
        }
        if (!(parsed instanceof PKCS10CertificationRequest request)) {
            throw invalid("csr", "MALFORMED", "not a PEM certification request");
        }
        AlgorithmIdentifier keyAlgorithm = request.getSubjectPublicKeyInfo().getAlgorithm();
        if (!X9ObjectIdentifiers.id_ecPublicKey.equals(keyAlgorithm.getAlgorithm())
                || !GMObjectIdentifiers.sm2p256v1.equals(ASN1ObjectIdentifier.getInstance(keyAlgorithm.getParameters()))) {
            throw invalid("csr", "NOT_SM2", "the key must be SM2 (curve sm2p256v1)");
        }
        if (!GMObjectIdentifiers.sm2sign_with_sm3.equals(request.getSignatureAlgorithm().getAlgorithm())) {
            throw invalid("csr", "NOT_SM3_WITH_SM2", "the request must be signed SM3withSM2");
        }
        try {
            if (!request.isSignatureValid(new JcaContentVerifierProviderBuilder().setProvider(SmCrypto.PROVIDER)
                    .build(request.getSubjectPublicKeyInfo()))) {
                throw invalid("csr", "BAD_SIGNATURE", "the request's signature does not verify (sign it with the default ID 1234567812345678)");
            }
        } catch (OperatorCreationException | PKCSException e) {
            throw invalid("csr", "BAD_SIGNATURE", "the request's signature cannot be checked: " + e.getMessage());
        }
        if (commonName(request) == null) {
            throw invalid("csr", "NO_CN", "the request's subject needs a CN: the organisation code");
        }
        return request;
    }

    private static String commonName(PKCS10CertificationRequest request) {
        X500Name subject = request.getSubject();
        var cn = subject.getRDNs(org.bouncycastle.asn1.x500.style.BCStyle.CN);
        return cn.length == 0 ? null : org.bouncycastle.asn1.x500.style.IETFUtils.valueToString(cn[0].getFirst().getValue()).strip();
    }

    @Override
    public NodeCertificate revoke(String serial, String reason, String by) {
        String clean = serial == null ? "" : serial.strip().toLowerCase(Locale.ROOT);
        NodeCertificate existing = registry.certificate(clean).orElseThrow(() -> new java.util.NoSuchElementException("no certificate " + serial));
        if (existing.status() == NodeCertificate.Status.REVOKED) {
            throw new IllegalStateException("certificate " + serial + " was revoked at " + existing.revokedAt());
        }
        String why = reason == null || reason.isBlank() ? "revoked by " + by : reason.strip() + " (" + by + ")";
        registry.revoke(clean, why.length() > 300 ? why.substring(0, 300) : why, clock.instant());
        return registry.certificate(clean).orElseThrow();
    }

    @Override
    public byte[] revocationList() {
        Instant now = clock.instant();
        X509v2CRLBuilder builder = new X509v2CRLBuilder(X500Name.getInstance(authority.getSubjectX500Principal().getEncoded()), Date.from(now));
        builder.setNextUpdate(Date.from(now.plus(Duration.ofDays(1))));
        for (NodeCertificate revoked : registry.revoked()) {
            builder.addCRLEntry(new BigInteger(revoked.serial(), 16), Date.from(revoked.revokedAt()), CRLReason.unspecified);
        }
        try {
            return new JcaX509CRLConverter().setProvider(SmCrypto.PROVIDER)
                    .getCRL(builder.build(new JcaContentSignerBuilder("SM3WITHSM2").setProvider(SmCrypto.PROVIDER).build(authorityKey)))
                    .getEncoded();
        } catch (OperatorCreationException | GeneralSecurityException e) {
            throw new IllegalStateException("signing the revocation list failed", e);
        }
    }

    @Override
    public List<NodeCertificate> certificates(String organisationCode) {
        Instant now = clock.instant();
        return registry.certificates(organisationCode).stream().map(c -> asOf(c, now)).toList();
    }

    @Override
    public java.util.Optional<NodeCertificate> certificate(String serial) {
        Instant now = clock.instant();
        return registry.certificate(serial).map(c -> asOf(c, now));
    }

    private static NodeCertificate asOf(NodeCertificate c, Instant now) {
        return c.statusAt(now) == c.status() ? c : new NodeCertificate(c.serial(), c.organisationCode(), c.role(), c.subject(),
                c.notBefore(), c.notAfter(), c.statusAt(now), c.revokedAt(), c.revocationReason(), c.issuedAt(), c.issuedBy(), c.pem());
    }

    @Override
    public List<EnrolmentToken> tokens() {
        return registry.tokens();
    }

    @Override
    public void heartbeat(String certificateSerial, Instant sentAt, byte[] signature, String address) {
        NodeCertificate certificate = registry.certificate(certificateSerial == null ? "" : certificateSerial)
                .orElseThrow(() -> invalid("serial", "UNKNOWN", "no certificate " + certificateSerial));
        Instant now = clock.instant();
        if (certificate.statusAt(now) != NodeCertificate.Status.ACTIVE) {
            throw invalid("serial", "NOT_ACTIVE", "certificate " + certificateSerial + " is " + certificate.statusAt(now));
        }
        if (sentAt == null || sentAt.isBefore(now.minus(HEARTBEAT_SKEW)) || sentAt.isAfter(now.plus(HEARTBEAT_SKEW))) {
            throw invalid("at", "OUT_OF_RANGE", "the heartbeat's time must be within 5 minutes of the centre's (" + now + ")");
        }
        byte[] text = SecurityCentre.heartbeatText(certificate.serial(), sentAt).getBytes(StandardCharsets.UTF_8);
        if (signature == null || !SmCrypto.verify(parse(certificate.pem()).getPublicKey(), text, signature)) {
            throw invalid("signature", "BAD_SIGNATURE", "the heartbeat is not signed with the key of certificate " + certificateSerial);
        }
        String where = address == null ? null : address.length() > 100 ? address.substring(0, 100) : address;
        registry.heartbeat(certificate.organisationCode(), certificate.serial(), where, now);
    }

    @Override
    public List<NodeStatus> nodes() {
        return registry.nodes(clock.instant(), ONLINE_WITHIN);
    }

    static String pem(Object object) {
        return Pem.text(object);
    }

    static X509Certificate parse(String pem) {
        try {
            return Pem.certificate(pem);
        } catch (IOException e) {
            throw new IllegalStateException("a stored certificate does not parse", e);
        }
    }

    static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static ValidationException invalid(String field, String code, String message) {
        return new ValidationException(List.of(new FieldError(field, code, message)));
    }
}
