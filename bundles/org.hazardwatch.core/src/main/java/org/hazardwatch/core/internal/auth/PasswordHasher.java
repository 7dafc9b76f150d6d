package org.hazardwatch.core.internal.auth;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;

import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

import org.bouncycastle.crypto.digests.SM3Digest;
import org.bouncycastle.crypto.generators.PKCS5S2ParametersGenerator;
import org.bouncycastle.crypto.params.KeyParameter;

/**
 * Password hashes in the self-describing form {@code <scheme>$<iterations>$<salt>$<hash>} (base64). New hashes are
 * PBKDF2 with HMAC-SM3 (GB/T 32905), the national-algorithm choice for 等保/密评 reviews; hashes of the earlier
 * PBKDF2-HMAC-SHA256 scheme still verify and are replaced at the next successful login ({@link #needsRehash}).
 */
public final class PasswordHasher {

    /** About 0.1 s per hash on one core of the reference machine (benchmarks/README.md): slow for guessing, fine for a login. */
    public static final int ITERATIONS = 200_000;
    static final String SCHEME = "pbkdf2-sm3";
    private static final String LEGACY_SCHEME = "pbkdf2-sha256";
    private static final SecureRandom RANDOM = new SecureRandom();

    private PasswordHasher() {
    }

    public static String hash(char[] password) {
        return hash(password, ITERATIONS);
    }

    static String hash(char[] password, int iterations) {
        byte[] salt = new byte[16];
        RANDOM.nextBytes(salt);
        Base64.Encoder b64 = Base64.getEncoder().withoutPadding();
        return SCHEME + "$" + iterations + "$" + b64.encodeToString(salt) + "$"
                + b64.encodeToString(sm3(password, salt, iterations));
    }

    public static boolean verify(char[] password, String stored) {
        if (password == null || stored == null) {
            return false;
        }
        String[] parts = stored.split("\\$");
        if (parts.length != 4) {
            return false;
        }
        int iterations;
        byte[] salt;
        byte[] expected;
        try {
            iterations = Integer.parseInt(parts[1]);
            salt = Base64.getDecoder().decode(parts[2]);
            expected = Base64.getDecoder().decode(parts[3]);
        } catch (IllegalArgumentException malformed) {
            return false;
        }
        byte[] actual = switch (parts[0]) {
            case SCHEME -> sm3(password, salt, iterations);
            case LEGACY_SCHEME -> sha256(password, salt, iterations);
            default -> null;
        };
        return actual != null && MessageDigest.isEqual(expected, actual);
    }

    /** Whether a stored hash uses an older scheme or fewer iterations than new hashes get. */
    public static boolean needsRehash(String stored) {
        String[] parts = stored == null ? new String[0] : stored.split("\\$");
        try {
            return parts.length != 4 || !SCHEME.equals(parts[0]) || Integer.parseInt(parts[1]) < ITERATIONS;
        } catch (NumberFormatException e) {
            return true;
        }
    }

    private static byte[] sm3(char[] password, byte[] salt, int iterations) {
        PKCS5S2ParametersGenerator generator = new PKCS5S2ParametersGenerator(new SM3Digest());
        byte[] secret = new String(password).getBytes(StandardCharsets.UTF_8);
        try {
            generator.init(secret, salt, iterations);
            return ((KeyParameter) generator.generateDerivedParameters(256)).getKey();
        } finally {
            java.util.Arrays.fill(secret, (byte) 0);
        }
    }

    private static byte[] sha256(char[] password, byte[] salt, int iterations) {
        try {
            PBEKeySpec spec = new PBEKeySpec(password, salt, iterations, 256);
            try {
                return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
            } finally {
                spec.clearPassword();
            }
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("PBKDF2WithHmacSHA256 is not available", e);
        }
    }
}
