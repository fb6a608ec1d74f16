package org.sansdk.core;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Objects;

/**
 * A secret (CHAP password, hacluster password, key material) that never prints itself: {@code toString()}
 * is {@code ****}, it is not serializable, and equality is checked in constant time.
 *
 * <pre>{@code Secret chap = Secret.of(System.getenv("CHAP_PASSWORD")); cmd.secretArg("password=", chap);}</pre>
 */
public final class Secret {
    /** What every secret prints as. */
    public static final String MASK = "****";

    private final byte[] utf8;

    private Secret(byte[] utf8) {
        this.utf8 = utf8;
    }

    /** Wraps a secret value; {@code null} is refused. */
    public static Secret of(String value) {
        Objects.requireNonNull(value, "secret value");
        return new Secret(value.getBytes(StandardCharsets.UTF_8));
    }

    /** Wraps secret bytes (copied); they are treated as UTF-8 text by {@link #reveal()}. */
    public static Secret ofUtf8(byte[] value) {
        Objects.requireNonNull(value, "secret value");
        return new Secret(value.clone());
    }

    /** The secret text. Call only where the value must leave the process (stdin of a command, a 0600 file). */
    public String reveal() {
        return new String(utf8, StandardCharsets.UTF_8);
    }

    /** A copy of the secret as UTF-8 bytes. */
    public byte[] revealUtf8() {
        return utf8.clone();
    }

    /** True for the empty secret. */
    public boolean isEmpty() {
        return utf8.length == 0;
    }

    /** Length in UTF-8 bytes (safe to show: CHAP rules limit lengths). */
    public int length() {
        return utf8.length;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Secret other && MessageDigest.isEqual(utf8, other.utf8);
    }

    @Override
    public int hashCode() {
        // constant: a hash of the value would leak information about it
        return 0x5ec7e7;
    }

    @Override
    public String toString() {
        return MASK;
    }

    /** Overwrites the held bytes; the secret reads as empty afterwards. */
    public void destroy() {
        Arrays.fill(utf8, (byte) 0);
    }
}
