package org.hazardwatch.exchange.envelope;

import java.io.IOException;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.spec.ECGenParameterSpec;
import java.util.Arrays;

import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import org.bouncycastle.asn1.ASN1EncodableVector;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.crypto.InvalidCipherTextException;
import org.bouncycastle.crypto.digests.SM3Digest;
import org.bouncycastle.crypto.engines.SM2Engine;
import org.bouncycastle.crypto.params.AsymmetricKeyParameter;
import org.bouncycastle.crypto.params.ParametersWithRandom;
import org.bouncycastle.jcajce.provider.asymmetric.util.ECUtil;
import org.bouncycastle.jce.provider.BouncyCastleProvider;

/**
 * The national-algorithm primitives the envelope uses, in the forms OpenSSL 3 reads: SM2 signatures with SM3 and the
 * default ID 1234567812345678 (GM/T 0009), SM2 encryption in the ASN.1 form SEQUENCE{x, y, C3, C2} (GM/T 0009),
 * SM4-CBC with PKCS#7 padding, HMAC-SM3.
 */
public final class SmCrypto {

    /** One provider instance for the bundle: passed explicitly, never installed globally. */
    public static final Provider PROVIDER = new BouncyCastleProvider();
    public static final String SIGNATURE_ALGORITHM = "SM3withSM2";
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int COORDINATE_BYTES = 32;
    private static final int SM3_BYTES = 32;

    private SmCrypto() {
    }

    public static KeyPair newSm2KeyPair() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC", PROVIDER);
            generator.initialize(new ECGenParameterSpec("sm2p256v1"), RANDOM);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SM2 key generation is not available", e);
        }
    }

    public static byte[] random(int bytes) {
        byte[] out = new byte[bytes];
        RANDOM.nextBytes(out);
        return out;
    }

    /** SM2 signature (DER SEQUENCE{r, s}) over SM3 of Z || data, Z with the default ID. */
    public static byte[] sign(PrivateKey key, byte[] data) {
        try {
            Signature signature = Signature.getInstance(SIGNATURE_ALGORITHM, PROVIDER);
            signature.initSign(key, RANDOM);
            signature.update(data);
            return signature.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SM2 signing failed", e);
        }
    }

    public static boolean verify(PublicKey key, byte[] data, byte[] signatureBytes) {
        try {
            Signature signature = Signature.getInstance(SIGNATURE_ALGORITHM, PROVIDER);
            signature.initVerify(key);
            signature.update(data);
            return signature.verify(signatureBytes);
        } catch (GeneralSecurityException | RuntimeException e) {
            return false;
        }
    }

    /** SM2 public-key encryption, as GM/T 0009 ASN.1 (what {@code openssl pkeyutl -decrypt} reads). */
    public static byte[] sm2Encrypt(PublicKey key, byte[] plain) {
        try {
            SM2Engine engine = new SM2Engine(SM2Engine.Mode.C1C3C2);
            engine.init(true, new ParametersWithRandom(ECUtil.generatePublicKeyParameter(key), RANDOM));
            return toAsn1(engine.processBlock(plain, 0, plain.length));
        } catch (GeneralSecurityException | InvalidCipherTextException e) {
            throw new IllegalStateException("SM2 encryption failed", e);
        }
    }

    /** @throws GeneralSecurityException when the ciphertext is malformed or not for this key */
    public static byte[] sm2Decrypt(PrivateKey key, byte[] asn1) throws GeneralSecurityException {
        byte[] raw = fromAsn1(asn1);
        AsymmetricKeyParameter parameter = ECUtil.generatePrivateKeyParameter(key);
        SM2Engine engine = new SM2Engine(SM2Engine.Mode.C1C3C2);
        engine.init(false, parameter);
        try {
            return engine.processBlock(raw, 0, raw.length);
        } catch (InvalidCipherTextException | RuntimeException e) {
            throw new GeneralSecurityException("SM2 decryption failed: " + e.getMessage(), e);
        }
    }

    /** BC's raw C1 (04 || x || y) C3 C2 to SEQUENCE{INTEGER x, INTEGER y, OCTET STRING C3, OCTET STRING C2}. */
    static byte[] toAsn1(byte[] raw) {
        int c1 = 1 + 2 * COORDINATE_BYTES;
        ASN1EncodableVector v = new ASN1EncodableVector();
        v.add(new ASN1Integer(new BigInteger(1, Arrays.copyOfRange(raw, 1, 1 + COORDINATE_BYTES))));
        v.add(new ASN1Integer(new BigInteger(1, Arrays.copyOfRange(raw, 1 + COORDINATE_BYTES, c1))));
        v.add(new DEROctetString(Arrays.copyOfRange(raw, c1, c1 + SM3_BYTES)));
        v.add(new DEROctetString(Arrays.copyOfRange(raw, c1 + SM3_BYTES, raw.length)));
        try {
            return new DERSequence(v).getEncoded();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static byte[] fromAsn1(byte[] asn1) throws GeneralSecurityException {
        try {
            ASN1Sequence sequence = ASN1Sequence.getInstance(asn1);
            if (sequence.size() != 4) {
                throw new GeneralSecurityException("SM2 ciphertext: 4 elements expected, found " + sequence.size());
            }
            byte[] x = fixed(ASN1Integer.getInstance(sequence.getObjectAt(0)).getPositiveValue());
            byte[] y = fixed(ASN1Integer.getInstance(sequence.getObjectAt(1)).getPositiveValue());
            byte[] c3 = ASN1OctetString.getInstance(sequence.getObjectAt(2)).getOctets();
            byte[] c2 = ASN1OctetString.getInstance(sequence.getObjectAt(3)).getOctets();
            if (c3.length != SM3_BYTES) {
                throw new GeneralSecurityException("SM2 ciphertext: C3 must be 32 bytes");
            }
            byte[] raw = new byte[1 + 2 * COORDINATE_BYTES + SM3_BYTES + c2.length];
            raw[0] = 0x04;
            System.arraycopy(x, 0, raw, 1, COORDINATE_BYTES);
            System.arraycopy(y, 0, raw, 1 + COORDINATE_BYTES, COORDINATE_BYTES);
            System.arraycopy(c3, 0, raw, 1 + 2 * COORDINATE_BYTES, SM3_BYTES);
            System.arraycopy(c2, 0, raw, 1 + 2 * COORDINATE_BYTES + SM3_BYTES, c2.length);
            return raw;
        } catch (IllegalArgumentException | ClassCastException e) {
            throw new GeneralSecurityException("SM2 ciphertext is not GM/T 0009 ASN.1: " + e.getMessage(), e);
        }
    }

    private static byte[] fixed(BigInteger value) throws GeneralSecurityException {
        byte[] bytes = value.toByteArray();
        if (bytes.length > COORDINATE_BYTES + 1 || bytes.length == COORDINATE_BYTES + 1 && bytes[0] != 0) {
            throw new GeneralSecurityException("SM2 ciphertext: coordinate out of range");
        }
        byte[] out = new byte[COORDINATE_BYTES];
        int copy = Math.min(bytes.length, COORDINATE_BYTES);
        System.arraycopy(bytes, bytes.length - copy, out, COORDINATE_BYTES - copy, copy);
        return out;
    }

    public static byte[] sm4CbcEncrypt(byte[] key, byte[] iv, byte[] plain) {
        try {
            Cipher cipher = Cipher.getInstance("SM4/CBC/PKCS5Padding", PROVIDER);
            cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "SM4"), new IvParameterSpec(iv));
            return cipher.doFinal(plain);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SM4 encryption failed", e);
        }
    }

    public static byte[] sm4CbcDecrypt(byte[] key, byte[] iv, byte[] cipherText) throws GeneralSecurityException {
        Cipher cipher = Cipher.getInstance("SM4/CBC/PKCS5Padding", PROVIDER);
        cipher.init(Cipher.DECRYPT_MODE, new SecretKeySpec(key, "SM4"), new IvParameterSpec(iv));
        return cipher.doFinal(cipherText);
    }

    public static byte[] hmacSm3(byte[] key, byte[]... parts) {
        try {
            Mac mac = Mac.getInstance("HMACSM3", PROVIDER);
            mac.init(new SecretKeySpec(key, "HMACSM3"));
            for (byte[] part : parts) {
                mac.update(part);
            }
            return mac.doFinal();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SM3 is not available", e);
        }
    }

    public static byte[] sm3(byte[] data) {
        SM3Digest digest = new SM3Digest();
        digest.update(data, 0, data.length);
        byte[] out = new byte[SM3_BYTES];
        digest.doFinal(out, 0);
        return out;
    }
}
