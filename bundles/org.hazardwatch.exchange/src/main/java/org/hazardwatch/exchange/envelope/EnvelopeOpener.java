package org.hazardwatch.exchange.envelope;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateNotYetValidException;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Date;

/**
 * Opens envelopes addressed to this node, checking in this order: addressee, sender certificate (known, issued to
 * the sender, by a trusted authority, not revoked, valid), signature, time (not from the future, not expired), replay,
 * and last the keys, mac and payload. The first failure refuses the message with its reason. Thread-safe when the
 * trust store and replay guard are.
 */
public final class EnvelopeOpener {

    /** Clocks of two nodes may differ by this much. */
    public static final Duration DEFAULT_SKEW = Duration.ofMinutes(5);

    /** What an envelope carried, once opened. */
    public record Opened(Envelope envelope, byte[] payload) {
    }

    private final Identity receiver;
    private final TrustStore trust;
    private final ReplayGuard replays;
    private final Clock clock;
    private final Duration skew;

    public EnvelopeOpener(Identity receiver, TrustStore trust, ReplayGuard replays, Clock clock, Duration skew) {
        this.receiver = receiver;
        this.trust = trust;
        this.replays = replays;
        this.clock = clock;
        this.skew = skew;
    }

    /** @throws EnvelopeRejectedException with the reason the envelope is refused */
    public Opened open(Envelope e) {
        if (!receiver.organisationCode().equals(e.to()) || !receiver.serial().equals(e.receiverCert())) {
            throw reject(RejectReason.WRONG_RECEIVER, e, "addressed to " + e.to() + " / certificate " + e.receiverCert());
        }
        X509Certificate certificate = trust.certificate(e.senderCert())
                .orElseThrow(() -> reject(RejectReason.UNKNOWN_SENDER, e, "certificate " + e.senderCert() + " is not known here"));
        if (!e.from().equals(SmCertificates.organisationCode(certificate))) {
            throw reject(RejectReason.SENDER_MISMATCH, e, "certificate " + e.senderCert() + " belongs to "
                    + SmCertificates.organisationCode(certificate));
        }
        if (!trust.issuedByTrustedAuthority(certificate)) {
            throw reject(RejectReason.CERTIFICATE_UNTRUSTED, e, "certificate " + e.senderCert() + " is not from a trusted authority");
        }
        if (trust.revoked(e.senderCert())) {
            throw reject(RejectReason.CERTIFICATE_REVOKED, e, "certificate " + e.senderCert() + " is revoked");
        }
        Instant now = clock.instant();
        try {
            certificate.checkValidity(Date.from(e.created()));
            certificate.checkValidity(Date.from(now));
        } catch (CertificateExpiredException | CertificateNotYetValidException ex) {
            throw reject(RejectReason.CERTIFICATE_EXPIRED, e, "certificate " + e.senderCert() + ": " + ex.getMessage());
        }
        if (!SmCrypto.verify(certificate.getPublicKey(), e.signedBytes(), e.sig())) {
            throw reject(RejectReason.BAD_SIGNATURE, e, "the SM2 signature does not match the message");
        }
        if (e.created().isAfter(now.plus(skew))) {
            throw reject(RejectReason.FROM_THE_FUTURE, e, "created " + e.created() + ", now " + now);
        }
        if (!e.expires().isAfter(now)) {
            throw reject(RejectReason.EXPIRED, e, "expired " + e.expires());
        }
        if (!replays.firstTime(e.from(), e.id(), e.expires())) {
            throw reject(RejectReason.REPLAYED, e, "message " + e.id() + " of " + e.from() + " was received before");
        }
        byte[] keys = null;
        try {
            keys = SmCrypto.sm2Decrypt(receiver.privateKey(), e.key());
            if (keys.length != 48) {
                throw new GeneralSecurityException("48 key bytes expected, found " + keys.length);
            }
            byte[] expected = SmCrypto.hmacSm3(Arrays.copyOfRange(keys, 16, 48), e.authenticatedBytes());
            if (!MessageDigest.isEqual(expected, e.mac())) {
                throw new GeneralSecurityException("the HMAC-SM3 does not match");
            }
            return new Opened(e, SmCrypto.sm4CbcDecrypt(Arrays.copyOfRange(keys, 0, 16), e.iv(), e.ct()));
        } catch (GeneralSecurityException ex) {
            throw reject(RejectReason.DECRYPTION_FAILED, e, ex.getMessage());
        } finally {
            if (keys != null) {
                Arrays.fill(keys, (byte) 0);
            }
        }
    }

    private static EnvelopeRejectedException reject(RejectReason reason, Envelope e, String detail) {
        return new EnvelopeRejectedException(reason, "message " + e.id() + " from " + e.from() + ": " + detail);
    }
}
