package org.hazardwatch.exchange.centre;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.security.GeneralSecurityException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;

import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.hazardwatch.exchange.envelope.SmCrypto;

/** PEM text of keys, requests and certificates, and back. */
public final class Pem {

    private Pem() {
    }

    public static String text(Object object) {
        StringWriter text = new StringWriter();
        try (JcaPEMWriter writer = new JcaPEMWriter(text)) {
            writer.writeObject(object);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return text.toString();
    }

    /** @throws IOException when the text is not one PEM certificate */
    public static X509Certificate certificate(String pem) throws IOException {
        try (PEMParser parser = new PEMParser(new StringReader(pem == null ? "" : pem))) {
            Object object = parser.readObject();
            if (!(object instanceof X509CertificateHolder holder)) {
                throw new IOException("not a PEM certificate");
            }
            return new JcaX509CertificateConverter().setProvider(SmCrypto.PROVIDER).getCertificate(holder);
        } catch (GeneralSecurityException e) {
            throw new IOException("the certificate cannot be read: " + e.getMessage(), e);
        }
    }

    /** Whether DER CRL bytes parse and carry the authority's SM3withSM2 signature. */
    public static boolean crlSignedBy(byte[] der, X509Certificate authority) {
        try {
            X509CRL crl = (X509CRL) CertificateFactory.getInstance("X.509", SmCrypto.PROVIDER).generateCRL(new ByteArrayInputStream(der));
            crl.verify(authority.getPublicKey(), SmCrypto.PROVIDER);
            return true;
        } catch (GeneralSecurityException | RuntimeException e) {
            return false;
        }
    }
}
