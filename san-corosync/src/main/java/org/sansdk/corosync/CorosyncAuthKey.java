package org.sansdk.corosync;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Arrays;
import org.sansdk.core.AtomicFiles;
import org.sansdk.core.Plan;

/**
 * The {@code corosync-keygen} equivalent: a random authkey of the size corosync expects (256 bytes by
 * default; corosync takes 128 to 4096), from {@link SecureRandom}, written atomically with mode 0400 as
 * {@code corosync-keygen} does. The bytes never appear in {@code toString}, plan text or messages.
 *
 * <pre>{@code Plan p = CorosyncAuthKey.generate().writePlan("storage-a", CorosyncAuthKey.DEFAULT_PATH);}</pre>
 */
public final class CorosyncAuthKey {

    /** corosync-keygen's default key length in bytes. */
    public static final int DEFAULT_BYTES = 256;
    /** The smallest key corosync 3 (knet) reads. */
    public static final int MIN_BYTES = 128;
    /** The largest key corosync 3 (knet) reads. */
    public static final int MAX_BYTES = 4096;
    /** Where corosync looks for the key when {@code totem.keyfile} is not set. */
    public static final Path DEFAULT_PATH = Path.of("/etc/corosync/authkey");
    /** The mode corosync-keygen gives the key. */
    public static final int MODE = 0400;

    private static final SecureRandom RANDOM = new SecureRandom();
    private final byte[] key;

    private CorosyncAuthKey(byte[] key) {
        this.key = key;
    }

    /** A new 256-byte key. */
    public static CorosyncAuthKey generate() {
        return generate(DEFAULT_BYTES);
    }

    /**
     * A new key of {@code bytes} bytes.
     *
     * @throws IllegalArgumentException outside 128..4096 (what corosync-keygen -s refuses)
     */
    public static CorosyncAuthKey generate(int bytes) {
        if (bytes < MIN_BYTES || bytes > MAX_BYTES) {
            throw new IllegalArgumentException("corosync key size must be " + MIN_BYTES + ".." + MAX_BYTES
                    + " bytes, got " + bytes);
        }
        byte[] k = new byte[bytes];
        RANDOM.nextBytes(k);
        return new CorosyncAuthKey(k);
    }

    /** The key length in bytes. */
    public int length() {
        return key.length;
    }

    /** A copy of the key bytes (for writing it yourself; prefer {@link #writeTo(Path)}). */
    public byte[] bytes() {
        return key.clone();
    }

    /** Writes the key atomically to {@code path} with mode 0400, owned by the writer. */
    public void writeTo(Path path) {
        AtomicFiles.write(path, key, MODE, null);
    }

    /**
     * A plan step that writes the key on {@code host} (mode 0400, {@code root:root}, marked secret so plan text
     * never shows it).
     */
    public Plan writePlan(String host, Path path) {
        return Plan.builder("corosync authkey on " + host)
                .writeFile(host, path, key, MODE, "root:root", true,
                        "corosync authkey (" + key.length + " random bytes, like corosync-keygen)")
                .build();
    }

    @Override
    public String toString() {
        return "CorosyncAuthKey[" + key.length + " bytes, ****]";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CorosyncAuthKey other && java.security.MessageDigest.isEqual(key, other.key);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(key);
    }
}
