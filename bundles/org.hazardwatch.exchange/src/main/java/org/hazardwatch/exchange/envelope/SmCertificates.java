package org.hazardwatch.exchange.envelope;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;

import javax.security.auth.x500.X500Principal;

import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x500.style.IETFUtils;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * SM2 X.509 certificates signed with SM3withSM2 (OID 1.2.156.10197.1.501). A node's certificate names its
 * organisation code as the subject's CN, so a receiver can tell that a message's sender is who the certificate says.
 */
public final class SmCertificates {

    private SmCertificates() {
    }

    /** A self-signed authority certificate (the national security centre's root). */
    public static X509Certificate authority(String name, KeyPair keys, Instant notBefore, Duration validity) {
        X500Name subject = new X500Name("CN=" + name + ",O=HazardWatch,OU=security-centre");
        try {
            JcaX509ExtensionUtils utils = new JcaX509ExtensionUtils();
            X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(subject, serialNumber(), Date.from(notBefore),
                    Date.from(notBefore.plus(validity)), subject, keys.getPublic())
                    .addExtension(Extension.basicConstraints, true, new BasicConstraints(1))
                    .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign))
                    .addExtension(Extension.subjectKeyIdentifier, false, utils.createSubjectKeyIdentifier(keys.getPublic()));
            return sign(builder, keys.getPrivate());
        } catch (GeneralSecurityException | org.bouncycastle.cert.CertIOException e) {
            throw new IllegalStateException("creating the authority certificate failed", e);
        }
    }

    /** A node's certificate for signing and key encipherment, issued by an authority. */
    public static X509Certificate issue(X509Certificate authority, PrivateKey authorityKey, PublicKey subjectKey, String organisationCode,
            String role, Instant notBefore, Duration validity) {
        X500Name subject = new X500Name("CN=" + organisationCode + ",O=HazardWatch,OU=" + role);
        try {
            JcaX509ExtensionUtils utils = new JcaX509ExtensionUtils();
            X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(authority, serialNumber(), Date.from(notBefore),
                    Date.from(notBefore.plus(validity)), new X500Principal(subject.getEncoded()), subjectKey)
                    .addExtension(Extension.basicConstraints, true, new BasicConstraints(false))
                    .addExtension(Extension.keyUsage, true,
                            new KeyUsage(KeyUsage.digitalSignature | KeyUsage.keyEncipherment | KeyUsage.dataEncipherment))
                    .addExtension(Extension.authorityKeyIdentifier, false, utils.createAuthorityKeyIdentifier(authority))
                    .addExtension(Extension.subjectKeyIdentifier, false, utils.createSubjectKeyIdentifier(subjectKey));
            return sign(builder, authorityKey);
        } catch (GeneralSecurityException | java.io.IOException e) {
            throw new IllegalStateException("issuing a certificate failed", e);
        }
    }

    private static X509Certificate sign(X509v3CertificateBuilder builder, PrivateKey key) throws GeneralSecurityException {
        try {
            return new JcaX509CertificateConverter().setProvider(SmCrypto.PROVIDER)
                    .getCertificate(builder.build(new JcaContentSignerBuilder("SM3WITHSM2").setProvider(SmCrypto.PROVIDER).build(key)));
        } catch (OperatorCreationException e) {
            throw new GeneralSecurityException(e);
        }
    }

    /** Whether {@code certificate} carries a valid SM3withSM2 signature of {@code issuer}'s key. */
    public static boolean signedBy(X509Certificate certificate, X509Certificate issuer) {
        try {
            if (!certificate.getIssuerX500Principal().equals(issuer.getSubjectX500Principal())) {
                return false;
            }
            certificate.verify(issuer.getPublicKey(), SmCrypto.PROVIDER);
            return true;
        } catch (GeneralSecurityException | RuntimeException e) {
            return false;
        }
    }

    /** The serial number as lower-case hex, the form envelopes name certificates by. */
    public static String serial(X509Certificate certificate) {
        return certificate.getSerialNumber().toString(16);
    }

    /** The organisation code a certificate was issued to (its subject CN). */
    public static String organisationCode(X509Certificate certificate) {
        RDN[] cn = X500Name.getInstance(certificate.getSubjectX500Principal().getEncoded()).getRDNs(BCStyle.CN);
        return cn.length == 0 ? null : IETFUtils.valueToString(cn[0].getFirst().getValue());
    }

    /** 127-bit random serial numbers: unique without a counter, positive, within RFC 5280's 20 octets. */
    private static BigInteger serialNumber() {
        return new BigInteger(1, SmCrypto.random(16)).shiftRight(1).max(BigInteger.ONE);
    }
}
