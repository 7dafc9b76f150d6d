package org.hazardwatch.exchange.envelope;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;

import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.bouncycastle.util.io.pem.PemObject;
import org.bouncycastle.util.io.pem.PemReader;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every primitive of the envelope against an independent implementation: Debian's OpenSSL 3 command line. A sealed
 * envelope is opened with OpenSSL alone, following docs/exchange-format.md, and OpenSSL's SM2 output is read by the
 * envelope code.
 */
class OpenSslInteropTest {

    static final String DEFAULT_ID = "distid:1234567812345678";
    static final HexFormat HEX = HexFormat.of();

    @TempDir
    Path dir;

    @BeforeAll
    static void openSslIsThere() {
        boolean present;
        try {
            present = new ProcessBuilder("openssl", "version").start().waitFor() == 0;
        } catch (IOException | InterruptedException e) {
            present = false;
        }
        Assumptions.assumeTrue(present, "!!!!!!!! openssl is not installed: SKIPPING the OpenSSL interoperability tests !!!!!!!!");
    }

    record Result(int exit, String output) {
    }

    Result openssl(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("openssl"));
        command.addAll(Arrays.asList(args));
        Process process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        return new Result(process.waitFor(), output);
    }

    void ok(String... args) throws Exception {
        Result result = openssl(args);
        assertEquals(0, result.exit(), String.join(" ", args) + ":\n" + result.output());
    }

    Path write(String name, byte[] bytes) throws IOException {
        return Files.write(dir.resolve(name), bytes);
    }

    byte[] read(String name) throws IOException {
        return Files.readAllBytes(dir.resolve(name));
    }

    void writePem(String name, Object object) throws IOException {
        StringWriter text = new StringWriter();
        try (JcaPEMWriter pem = new JcaPEMWriter(text)) {
            pem.writeObject(object);
        }
        Files.writeString(dir.resolve(name), text.toString());
    }

    void writeKeys(KeyPair keys) throws Exception {
        writePem("key.pem", new JcaPKCS8Generator(keys.getPrivate(), null).generate());
        writePem("pub.pem", keys.getPublic());
    }

    @Test
    void sm3AndHmacSm3MatchOpenSsl() throws Exception {
        byte[] data = "abc".getBytes(StandardCharsets.US_ASCII);
        write("abc", data);
        ok("dgst", "-sm3", "-binary", "-out", "abc.sm3", "abc");
        assertArrayEquals(read("abc.sm3"), SmCrypto.sm3(data));
        assertEquals("66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0", HEX.formatHex(SmCrypto.sm3(data)));

        byte[] key = SmCrypto.random(32);
        byte[] message = "告警 B-GT201 57.5 %LEL".getBytes(StandardCharsets.UTF_8);
        write("message", message);
        ok("dgst", "-sm3", "-mac", "HMAC", "-macopt", "hexkey:" + HEX.formatHex(key), "-binary", "-out", "message.mac", "message");
        assertArrayEquals(read("message.mac"), SmCrypto.hmacSm3(key, message));
    }

    @Test
    void sm4CbcRoundTripsBothWays() throws Exception {
        byte[] key = SmCrypto.random(16);
        byte[] iv = SmCrypto.random(16);
        byte[] plain = "液氨储罐 T101 液位 12.6 m，超高高限".repeat(5).getBytes(StandardCharsets.UTF_8);
        write("ours.ct", SmCrypto.sm4CbcEncrypt(key, iv, plain));
        ok("enc", "-d", "-sm4-cbc", "-K", HEX.formatHex(key), "-iv", HEX.formatHex(iv), "-in", "ours.ct", "-out", "ours.plain");
        assertArrayEquals(plain, read("ours.plain"));

        write("plain", plain);
        ok("enc", "-sm4-cbc", "-K", HEX.formatHex(key), "-iv", HEX.formatHex(iv), "-in", "plain", "-out", "theirs.ct");
        assertArrayEquals(plain, SmCrypto.sm4CbcDecrypt(key, iv, read("theirs.ct")));
    }

    @Test
    void sm2SignaturesVerifyBothWays() throws Exception {
        KeyPair keys = SmCrypto.newSm2KeyPair();
        writeKeys(keys);
        byte[] data = "HW-EX/1\nid=test\n".getBytes(StandardCharsets.UTF_8);
        write("data", data);
        write("ours.sig", SmCrypto.sign(keys.getPrivate(), data));
        ok("dgst", "-sm3", "-verify", "pub.pem", "-sigopt", DEFAULT_ID, "-signature", "ours.sig", "data");

        ok("dgst", "-sm3", "-sign", "key.pem", "-sigopt", DEFAULT_ID, "-out", "theirs.sig", "data");
        assertTrue(SmCrypto.verify(keys.getPublic(), data, read("theirs.sig")));
        assertTrue(!SmCrypto.verify(keys.getPublic(), "HW-EX/1\nid=tesT\n".getBytes(StandardCharsets.UTF_8), read("theirs.sig")));

        byte[] bad = read("ours.sig");
        bad[bad.length - 1] ^= 1;
        write("bad.sig", bad);
        assertNotEquals(0, openssl("dgst", "-sm3", "-verify", "pub.pem", "-sigopt", DEFAULT_ID, "-signature", "bad.sig", "data").exit());
    }

    @Test
    void sm2EncryptionRoundTripsBothWays() throws Exception {
        KeyPair keys = SmCrypto.newSm2KeyPair();
        writeKeys(keys);
        byte[] secret = SmCrypto.random(48);
        write("ours.enc", SmCrypto.sm2Encrypt(keys.getPublic(), secret));
        ok("pkeyutl", "-decrypt", "-inkey", "key.pem", "-in", "ours.enc", "-out", "ours.dec");
        assertArrayEquals(secret, read("ours.dec"));

        write("secret", secret);
        ok("pkeyutl", "-encrypt", "-pubin", "-inkey", "pub.pem", "-in", "secret", "-out", "theirs.enc");
        assertArrayEquals(secret, SmCrypto.sm2Decrypt(keys.getPrivate(), read("theirs.enc")));
    }

    @Test
    void keysWrittenByOpenSslLoad() throws Exception {
        ok("genpkey", "-algorithm", "EC", "-pkeyopt", "ec_paramgen_curve:SM2", "-out", "openssl-key.pem");
        ok("pkey", "-in", "openssl-key.pem", "-pubout", "-out", "openssl-pub.pem");
        PrivateKey key;
        try (PemReader reader = new PemReader(Files.newBufferedReader(dir.resolve("openssl-key.pem")))) {
            PemObject pem = reader.readPemObject();
            key = KeyFactory.getInstance("EC", SmCrypto.PROVIDER).generatePrivate(new PKCS8EncodedKeySpec(pem.getContent()));
        }
        byte[] data = "x".getBytes(StandardCharsets.US_ASCII);
        write("x", data);
        write("x.sig", SmCrypto.sign(key, data));
        ok("dgst", "-sm3", "-verify", "openssl-pub.pem", "-sigopt", DEFAULT_ID, "-signature", "x.sig", "x");
    }

    /** docs/exchange-format.md, "Opening an envelope with OpenSSL", step by step. */
    @Test
    void aSealedEnvelopeOpensWithOpenSslAlone() throws Exception {
        KeyPair caKeys = SmCrypto.newSm2KeyPair();
        java.time.Instant now = java.time.Instant.now();
        X509Certificate ca = SmCertificates.authority("root", caKeys, now.minusSeconds(60), Duration.ofDays(1));
        KeyPair senderKeys = SmCrypto.newSm2KeyPair();
        KeyPair receiverKeys = SmCrypto.newSm2KeyPair();
        Identity sender = new Identity("370281", senderKeys.getPrivate(),
                SmCertificates.issue(ca, caKeys.getPrivate(), senderKeys.getPublic(), "370281", "county", now.minusSeconds(60), Duration.ofDays(1)));
        X509Certificate receiverCertificate = SmCertificates.issue(ca, caKeys.getPrivate(), receiverKeys.getPublic(), "3702", "city",
                now.minusSeconds(60), Duration.ofDays(1));
        byte[] payload = "{\"pointId\":\"B-GT201\",\"value\":57.5,\"unit\":\"%LEL\",\"企业\":\"示范化工\"}".getBytes(StandardCharsets.UTF_8);
        Envelope e = new EnvelopeSealer(sender, Clock.systemUTC(), Duration.ofHours(1)).seal("alarm", payload, "3702", receiverCertificate, 1);

        writePem("sender-cert.pem", sender.certificate());
        ok("x509", "-in", "sender-cert.pem", "-pubkey", "-noout", "-out", "sender-pub.pem");
        Result text = openssl("x509", "-in", "sender-cert.pem", "-noout", "-subject", "-serial");
        assertEquals(0, text.exit(), text.output());
        assertTrue(text.output().contains("CN = 370281"), text.output());
        // OpenSSL pads the serial to whole bytes (a leading 0), the envelope names it as a plain hex number.
        java.util.regex.Matcher serial = java.util.regex.Pattern.compile("serial=([0-9A-Fa-f]+)").matcher(text.output());
        assertTrue(serial.find(), text.output());
        assertEquals(new java.math.BigInteger(e.senderCert(), 16), new java.math.BigInteger(serial.group(1), 16),
                text.output() + " vs " + e.senderCert());
        writePem("receiver-key.pem", new JcaPKCS8Generator(receiverKeys.getPrivate(), null).generate());

        // 1. the signature over the signed text
        write("signed.txt", e.signedText().getBytes(StandardCharsets.UTF_8));
        write("sig", e.sig());
        ok("dgst", "-sm3", "-verify", "sender-pub.pem", "-sigopt", DEFAULT_ID, "-signature", "sig", "signed.txt");
        // 2. the keys
        write("key.enc", e.key());
        ok("pkeyutl", "-decrypt", "-inkey", "receiver-key.pem", "-in", "key.enc", "-out", "keys");
        byte[] keys = read("keys");
        assertEquals(48, keys.length);
        // 3. the mac over the authenticated text
        write("authenticated.txt", e.authenticatedText().getBytes(StandardCharsets.UTF_8));
        ok("dgst", "-sm3", "-mac", "HMAC", "-macopt", "hexkey:" + HEX.formatHex(keys, 16, 48), "-binary", "-out", "mac", "authenticated.txt");
        assertArrayEquals(e.mac(), read("mac"));
        // 4. the payload
        write("ct", e.ct());
        ok("enc", "-d", "-sm4-cbc", "-K", HEX.formatHex(keys, 0, 16), "-iv", HEX.formatHex(e.iv()), "-in", "ct", "-out", "payload");
        assertArrayEquals(payload, read("payload"));
    }
}
