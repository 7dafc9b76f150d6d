package org.hazardwatch.exchange.envelope;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One exchange message as it travels (docs/exchange-format.md, version 1). The header is in clear so brokers and
 * logs can route and report; the payload is encrypted; everything is signed.
 *
 * @param id message id, unique per sender (a UUID)
 * @param type what the payload is, e.g. {@code alarm}, {@code samples}, {@code threshold-change}
 * @param from sender organisation code (a region code such as 370281, or an enterprise's USCC)
 * @param to receiver organisation code
 * @param senderCert serial number (lower-case hex) of the sender's SM2 certificate
 * @param receiverCert serial number of the receiver's certificate the key was encrypted to
 * @param seq the sender's sequence number on this link, from 1
 * @param key the payload keys (16 bytes SM4 || 32 bytes HMAC-SM3) SM2-encrypted to the receiver, GM/T 0009 ASN.1
 * @param iv SM4-CBC initialisation vector, 16 random bytes
 * @param ct the payload, SM4-CBC with PKCS#7 padding
 * @param mac HMAC-SM3 over the authenticated text (every header field, key, iv and ct)
 * @param sig the sender's SM2 signature (SM3, default ID) over the signed text (the authenticated text and the mac)
 */
public record Envelope(int version, String id, String type, String from, String to, String senderCert, String receiverCert,
        Instant created, Instant expires, long seq, byte[] key, byte[] iv, byte[] ct, byte[] mac, byte[] sig) {

    public static final int VERSION = 1;
    static final String MAGIC = "HW-EX/1";
    private static final Pattern CODE = Pattern.compile("[A-Za-z0-9._:-]{1,64}");

    public Envelope {
        Objects.requireNonNull(created, "created");
        Objects.requireNonNull(expires, "expires");
        for (String[] field : new String[][] {{"id", id}, {"type", type}, {"from", from}, {"to", to}, {"senderCert", senderCert},
                {"receiverCert", receiverCert}}) {
            if (field[1] == null || !CODE.matcher(field[1]).matches()) {
                throw new IllegalArgumentException(field[0] + " must be 1-64 characters of A-Z a-z 0-9 . _ : -");
            }
        }
        if (key == null || iv == null || ct == null || mac == null || sig == null) {
            throw new IllegalArgumentException("key, iv, ct, mac and sig are required");
        }
    }

    /** Every header field, the encrypted key, the iv and the ciphertext, in the fixed order the format defines. */
    public String authenticatedText() {
        Base64.Encoder b64 = Base64.getEncoder();
        return MAGIC + "\n" + "id=" + id + "\n" + "type=" + type + "\n" + "from=" + from + "\n" + "to=" + to + "\n"
                + "sender-cert=" + senderCert + "\n" + "receiver-cert=" + receiverCert + "\n" + "created=" + created + "\n"
                + "expires=" + expires + "\n" + "seq=" + seq + "\n" + "key=" + b64.encodeToString(key) + "\n" + "iv="
                + b64.encodeToString(iv) + "\n" + "ct=" + b64.encodeToString(ct) + "\n";
    }

    /** What the signature covers: the authenticated text and the mac. */
    public String signedText() {
        return authenticatedText() + "mac=" + Base64.getEncoder().encodeToString(mac) + "\n";
    }

    byte[] authenticatedBytes() {
        return authenticatedText().getBytes(StandardCharsets.UTF_8);
    }

    byte[] signedBytes() {
        return signedText().getBytes(StandardCharsets.UTF_8);
    }

    Envelope withMacAndSignature(byte[] newMac, byte[] newSig) {
        return new Envelope(version, id, type, from, to, senderCert, receiverCert, created, expires, seq, key, iv, ct, newMac, newSig);
    }
}
