package org.hazardwatch.exchange.envelope;

import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.UUID;

/**
 * Seals payloads for one receiver: fresh SM4 and HMAC keys per message, encrypted to the receiver's certificate,
 * the whole signed with the sender's key. Thread-safe.
 */
public final class EnvelopeSealer {

    /** Messages older than this are refused; 24 h of store-and-forward fit within it. */
    public static final Duration DEFAULT_LIFETIME = Duration.ofDays(3);

    private final Identity sender;
    private final Clock clock;
    private final Duration lifetime;

    public EnvelopeSealer(Identity sender, Clock clock, Duration lifetime) {
        this.sender = sender;
        this.clock = clock;
        this.lifetime = lifetime;
    }

    public Envelope seal(String type, byte[] payload, String receiverCode, X509Certificate receiverCertificate, long sequence) {
        return seal(UUID.randomUUID().toString(), type, payload, receiverCode, receiverCertificate, sequence);
    }

    /**
     * Seals with a given message id: a message sent again after a crash (or relayed again) keeps its id, so the
     * receiver stores it once.
     */
    public Envelope seal(String messageId, String type, byte[] payload, String receiverCode, X509Certificate receiverCertificate,
            long sequence) {
        byte[] keys = SmCrypto.random(48);
        byte[] encryptionKey = Arrays.copyOfRange(keys, 0, 16);
        byte[] macKey = Arrays.copyOfRange(keys, 16, 48);
        byte[] iv = SmCrypto.random(16);
        Instant created = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        Envelope unsigned = new Envelope(Envelope.VERSION, messageId, type, sender.organisationCode(), receiverCode,
                sender.serial(), SmCertificates.serial(receiverCertificate), created, created.plus(lifetime), sequence,
                SmCrypto.sm2Encrypt(receiverCertificate.getPublicKey(), keys), iv, SmCrypto.sm4CbcEncrypt(encryptionKey, iv, payload),
                new byte[0], new byte[0]);
        byte[] mac = SmCrypto.hmacSm3(macKey, unsigned.authenticatedBytes());
        Envelope withMac = unsigned.withMacAndSignature(mac, new byte[0]);
        Arrays.fill(keys, (byte) 0);
        Arrays.fill(encryptionKey, (byte) 0);
        Arrays.fill(macKey, (byte) 0);
        return withMac.withMacAndSignature(mac, SmCrypto.sign(sender.privateKey(), withMac.signedBytes()));
    }
}
