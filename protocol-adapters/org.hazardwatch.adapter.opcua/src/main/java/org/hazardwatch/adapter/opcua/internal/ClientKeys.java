package org.hazardwatch.adapter.opcua.internal;

import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.Key;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;

import org.eclipse.milo.opcua.stack.core.util.SelfSignedCertificateBuilder;

/**
 * The collector's application instance certificate for secured OPC UA sessions: created once (RSA 2048, self-signed,
 * the application URI in its subject alternative name) and kept in {@code <pki>/own/collector.p12}, so the server's
 * operator trusts it once. {@code <pki>/own/collector.der} is the certificate alone, to hand to that operator.
 */
record ClientKeys(KeyPair keyPair, X509Certificate certificate) {

    private static final char[] STORE_PASSWORD = "hazardwatch".toCharArray(); // protects nothing; the file mode does
    private static final String ALIAS = "collector";

    static synchronized ClientKeys loadOrCreate(Path pkiDir, String applicationUri) throws Exception {
        Path own = pkiDir.resolve("own");
        Path store = own.resolve("collector.p12");
        KeyStore keyStore = KeyStore.getInstance("PKCS12");
        if (Files.exists(store)) {
            try (InputStream in = Files.newInputStream(store)) {
                keyStore.load(in, STORE_PASSWORD);
            }
            Key key = keyStore.getKey(ALIAS, STORE_PASSWORD);
            X509Certificate certificate = (X509Certificate) keyStore.getCertificate(ALIAS);
            if (key instanceof PrivateKey privateKey && certificate != null
                    && certificate.getSubjectAlternativeNames() != null
                    && certificate.getSubjectAlternativeNames().toString().contains(applicationUri)) {
                return new ClientKeys(new KeyPair(certificate.getPublicKey(), privateKey), certificate);
            }
        }
        Files.createDirectories(own);
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        KeyPair keyPair = generator.generateKeyPair();
        X509Certificate certificate = new SelfSignedCertificateBuilder(keyPair)
                .setCommonName("HazardWatch collector")
                .setOrganization("HazardWatch")
                .setCountryCode("CN")
                .setApplicationUri(applicationUri)
                .addDnsName("localhost")
                .build();
        keyStore.load(null, STORE_PASSWORD);
        keyStore.setKeyEntry(ALIAS, keyPair.getPrivate(), STORE_PASSWORD, new X509Certificate[] { certificate });
        try (OutputStream out = Files.newOutputStream(store)) {
            keyStore.store(out, STORE_PASSWORD);
        }
        Files.write(own.resolve("collector.der"), certificate.getEncoded());
        return new ClientKeys(keyPair, certificate);
    }
}
