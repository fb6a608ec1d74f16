package org.sansdk.zfs;

import java.util.Locale;
import org.sansdk.core.ParseException;

/**
 * A 32-bit host id as ZFS uses it: written into the pool labels by the importing node and compared by the
 * multihost (MMP) activity check. OpenZFS skips that check when the label's host id equals the importing
 * node's ({@code spa_activity_check_required}), and on Linux reads the id from the SPL module
 * ({@code /proc/sys/kernel/spl/hostid}) or the 4 bytes of {@code /etc/hostid}, not from gethostid(3);
 * with neither, the id is 0 and {@code multihost=on} is refused ("requires a non-zero system hostid").
 *
 * <p>{@code HostId id = HostId.parse("hostid", "007f0101\n");}
 *
 * @param value the id, 0 to 0xFFFFFFFF
 */
public record HostId(long value) {
    /** Host id 0: no {@code /etc/hostid} and no {@code spl_hostid}; MMP cannot be used. */
    public static final HostId NONE = new HostId(0);
    /** 0xFFFFFFFF, which OpenZFS treats as invalid ({@code HW_INVALID_HOSTID}). */
    public static final HostId INVALID = new HostId(0xFFFFFFFFL);

    /** Validates the range. */
    public HostId {
        if (value < 0 || value > 0xFFFFFFFFL) {
            throw new IllegalArgumentException("a host id is 32 bits: " + value);
        }
    }

    /**
     * Parses a hexadecimal host id as {@code hostid}, {@code cat /proc/sys/kernel/spl/hostid} and
     * {@code od -An -tx4 -N4 /etc/hostid} print it ({@code 007f0101}, {@code deadbeef}, {@code 0},
     * optionally {@code 0x}-prefixed), surrounded by white space.
     *
     * <p>{@code HostId.parse("storage-a: hostid", result.stdout())}
     *
     * @param source where the text came from (for the error)
     * @param text the output
     * @return the id
     * @throws ParseException unless the text is one hexadecimal number of at most 8 digits
     */
    public static HostId parse(String source, String text) {
        String t = text == null ? "" : text.strip();
        String lines = t.contains("\n") ? t.substring(0, t.indexOf('\n')) : t;
        String digits = t.startsWith("0x") || t.startsWith("0X") ? t.substring(2) : t;
        if (digits.isEmpty() || digits.length() > 8 || !digits.chars().allMatch(HostId::isHex)) {
            throw new ParseException(source, 1, 1, lines, "a host id of 1 to 8 hexadecimal digits (e.g. 007f0101)");
        }
        return new HostId(Long.parseLong(digits, 16));
    }

    private static boolean isHex(int c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    }

    /**
     * The id of an {@code /etc/hostid} file's content: its first 4 bytes in little-endian order (the native
     * order of x86-64 and arm64, in which zgenhostid writes it and ZFS reads it); fewer bytes are
     * zero-extended as ZFS's read(2) into a zeroed word does; an empty file is 0.
     *
     * <p>{@code HostId.fromEtcHostid(Files.readAllBytes(Path.of("/etc/hostid")))}
     *
     * @param content the file content
     * @return the id
     */
    public static HostId fromEtcHostid(byte[] content) {
        long v = 0;
        for (int k = 0; k < Math.min(4, content.length); k++) {
            v |= (content[k] & 0xFFL) << (8 * k);
        }
        return new HostId(v);
    }

    /**
     * True for 0, which disables MMP.
     *
     * <p>{@code id.isZero()}
     *
     * @return whether 0
     */
    public boolean isZero() {
        return value == 0;
    }

    /**
     * True when ZFS can use the id for multihost: not 0 and not 0xFFFFFFFF.
     *
     * <p>{@code id.usableForMultihost()}
     *
     * @return whether usable
     */
    public boolean usableForMultihost() {
        return value != 0 && value != INVALID.value;
    }

    /**
     * True when the id has the shape glibc's gethostid(3) derives from a loopback address when there is no
     * {@code /etc/hostid} (byte 2 is 0x7f: {@code 007f0101} for Debian's 127.0.1.1 host entry). Written to
     * {@code /etc/hostid} with {@code zgenhostid "$(hostid)"} it is the same on every such machine.
     *
     * <p>{@code id.looksLikeLoopbackFallback()}
     *
     * @return whether it has that shape
     */
    public boolean looksLikeLoopbackFallback() {
        return ((value >>> 16) & 0xFF) == 0x7F;
    }

    /**
     * Eight lower-case hex digits, as {@code hostid} prints and {@code zgenhostid} takes.
     *
     * <p>{@code id.hex()}
     *
     * @return the digits
     */
    public String hex() {
        return String.format(Locale.ROOT, "%08x", value);
    }

    /**
     * Same as {@link #hex()}.
     *
     * <p>{@code String.valueOf(id)}
     *
     * @return the digits
     */
    @Override
    public String toString() {
        return hex();
    }
}
