package org.sansdk.lio.chap;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Objects;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.sansdk.core.SanException;
import org.sansdk.core.Secret;

/**
 * {@code openssl enc -aes-256-cbc -salt} in both directions, byte-compatible with OpenSSL 1.1/3.x:
 * the file is {@code Salted__} + 8-byte salt + AES-256-CBC ciphertext with PKCS#7 padding.
 * <ul>
 * <li>{@link Kdf#pbkdf2(int)} — {@code -pbkdf2 -iter N}: PBKDF2-HMAC-SHA256(pass, salt, N, 48) → key = bytes
 * 0-31, IV = 32-47;</li>
 * <li>{@link Kdf#LEGACY_SHA256} — no {@code -pbkdf2} (OpenSSL ≥ 1.1 default digest): EVP_BytesToKey with SHA-256
 * and one round;</li>
 * <li>{@link Kdf#LEGACY_MD5} — files from OpenSSL 1.0 ({@code -md md5}).</li>
 * </ul>
 * The passphrase is raw bytes, as {@code -pass file:F} reads them (first line, without its newline).
 *
 * <pre>{@code byte[] enc = OpenSslEnc.encrypt(plain, Secret.of(machineId), OpenSslEnc.Kdf.pbkdf2(600_000));}</pre>
 */
public final class OpenSslEnc {

    private static final byte[] MAGIC = "Salted__".getBytes(StandardCharsets.US_ASCII);
    private static final SecureRandom RANDOM = new SecureRandom();

    private OpenSslEnc() {
    }

    /** How the key and IV come from passphrase and salt. */
    public sealed interface Kdf permits Pbkdf2, Legacy {
        /** PBKDF2-HMAC-SHA256 with {@code iterations} ({@code -pbkdf2 -iter N}). {@code Kdf.pbkdf2(10000)} */
        static Kdf pbkdf2(int iterations) {
            return new Pbkdf2(iterations);
        }

        /** {@code openssl enc} without {@code -pbkdf2} on OpenSSL 1.1 and later (SHA-256). */
        Kdf LEGACY_SHA256 = new Legacy("SHA-256");
        /** {@code openssl enc} without {@code -pbkdf2} on OpenSSL 1.0 (MD5). */
        Kdf LEGACY_MD5 = new Legacy("MD5");
    }

    /** PBKDF2 with an iteration count (OpenSSL's {@code -pbkdf2} default is 10000). */
    public record Pbkdf2(int iterations) implements Kdf {
        /** At least one iteration. */
        public Pbkdf2 {
            if (iterations < 1) {
                throw new IllegalArgumentException("iterations must be >= 1");
            }
        }
    }

    /** EVP_BytesToKey with one round of a digest. */
    public record Legacy(String digest) implements Kdf {
        /** Refuses null. */
        public Legacy {
            Objects.requireNonNull(digest, "digest");
        }
    }

    /** Encrypts with a fresh random salt. {@code OpenSslEnc.encrypt(plain, pass, Kdf.pbkdf2(600000))} */
    public static byte[] encrypt(byte[] plaintext, Secret passphrase, Kdf kdf) {
        byte[] salt = new byte[8];
        RANDOM.nextBytes(salt);
        return encrypt(plaintext, passphrase, kdf, salt);
    }

    /** Encrypts with a given salt (tests; never reuse a salt in production). {@code encrypt(p, s, kdf, salt)} */
    public static byte[] encrypt(byte[] plaintext, Secret passphrase, Kdf kdf, byte[] salt) {
        if (salt.length != 8) {
            throw new IllegalArgumentException("salt must be 8 bytes");
        }
        byte[] keyIv = derive(passphrase, salt, kdf);
        try {
            byte[] ct = cipher(Cipher.ENCRYPT_MODE, keyIv).doFinal(plaintext);
            byte[] out = new byte[16 + ct.length];
            System.arraycopy(MAGIC, 0, out, 0, 8);
            System.arraycopy(salt, 0, out, 8, 8);
            System.arraycopy(ct, 0, out, 16, ct.length);
            return out;
        } catch (GeneralSecurityException e) {
            throw new SanException("AES-256-CBC encryption failed: " + e.getClass().getSimpleName(), e);
        } finally {
            Arrays.fill(keyIv, (byte) 0);
        }
    }

    /**
     * Decrypts; a wrong passphrase or KDF almost always fails the padding check and gives a
     * {@link SanException} that names neither the passphrase nor the content.
     * {@code OpenSslEnc.decrypt(bytes, pass, Kdf.pbkdf2(600000))}
     */
    public static byte[] decrypt(byte[] file, Secret passphrase, Kdf kdf) {
        if (file.length < 32 || (file.length - 16) % 16 != 0 || !Arrays.equals(file, 0, 8, MAGIC, 0, 8)) {
            throw new SanException("not an 'openssl enc -salt' AES-256-CBC file (expected 'Salted__', an 8-byte salt"
                    + " and whole 16-byte blocks; got " + file.length + " bytes)");
        }
        byte[] salt = Arrays.copyOfRange(file, 8, 16);
        byte[] keyIv = derive(passphrase, salt, kdf);
        try {
            return cipher(Cipher.DECRYPT_MODE, keyIv).doFinal(file, 16, file.length - 16);
        } catch (GeneralSecurityException e) {
            throw new SanException("cannot decrypt: wrong passphrase or key derivation (" + kdfName(kdf) + ")");
        } finally {
            Arrays.fill(keyIv, (byte) 0);
        }
    }

    private static String kdfName(Kdf kdf) {
        if (kdf instanceof Pbkdf2 p) {
            return "-pbkdf2 -iter " + p.iterations();
        }
        return "legacy EVP_BytesToKey/" + ((Legacy) kdf).digest();
    }

    private static Cipher cipher(int mode, byte[] keyIv) throws GeneralSecurityException {
        Cipher c = Cipher.getInstance("AES/CBC/PKCS5Padding");
        c.init(mode, new SecretKeySpec(keyIv, 0, 32, "AES"), new IvParameterSpec(keyIv, 32, 16));
        return c;
    }

    /** 48 bytes: key (32) then IV (16). */
    static byte[] derive(Secret passphrase, byte[] salt, Kdf kdf) {
        byte[] pass = passphrase.revealUtf8();
        try {
            if (kdf instanceof Pbkdf2 p) {
                return pbkdf2Sha256(pass, salt, p.iterations(), 48);
            }
            return bytesToKey(pass, salt, ((Legacy) kdf).digest());
        } catch (GeneralSecurityException e) {
            throw new SanException("key derivation failed: " + e.getClass().getSimpleName(), e);
        } finally {
            Arrays.fill(pass, (byte) 0);
        }
    }

    /** RFC 8018 PBKDF2 over raw password bytes (Java's PBEKeySpec would go through char[]). */
    static byte[] pbkdf2Sha256(byte[] pass, byte[] salt, int iterations, int length) throws GeneralSecurityException {
        Mac mac = Mac.getInstance("HmacSHA256");
        // HMAC accepts an empty key in RFC 2104 terms, SecretKeySpec does not: pad to one zero byte (same HMAC)
        mac.init(new SecretKeySpec(pass.length == 0 ? new byte[1] : pass, "HmacSHA256"));
        byte[] out = new byte[length];
        int blocks = (length + 31) / 32;
        for (int b = 1; b <= blocks; b++) {
            mac.update(salt);
            mac.update(new byte[] {(byte) (b >>> 24), (byte) (b >>> 16), (byte) (b >>> 8), (byte) b});
            byte[] u = mac.doFinal();
            byte[] t = u.clone();
            for (int i = 1; i < iterations; i++) {
                u = mac.doFinal(u);
                for (int j = 0; j < t.length; j++) {
                    t[j] ^= u[j];
                }
            }
            System.arraycopy(t, 0, out, (b - 1) * 32, Math.min(32, length - (b - 1) * 32));
        }
        return out;
    }

    /** OpenSSL's EVP_BytesToKey with count 1: D_i = H(D_{i-1} || pass || salt) until 48 bytes. */
    static byte[] bytesToKey(byte[] pass, byte[] salt, String digest) throws GeneralSecurityException {
        MessageDigest md = MessageDigest.getInstance(digest);
        byte[] out = new byte[48];
        byte[] prev = new byte[0];
        int filled = 0;
        while (filled < 48) {
            md.update(prev);
            md.update(pass);
            md.update(salt);
            prev = md.digest();
            int n = Math.min(prev.length, 48 - filled);
            System.arraycopy(prev, 0, out, filled, n);
            filled += n;
        }
        return out;
    }
}
