package org.sansdk.zfs;

import java.util.Optional;

/**
 * dRAID layout as it appears in a vdev name: {@code draid<parity>:<data>d:<children>c:<spares>s}.
 *
 * <p>{@code DraidGeometry g = DraidGeometry.parse("draid1:4d:11c:1s").orElseThrow();}
 *
 * @param parity parity level (1..3)
 * @param data data disks per redundancy group
 * @param children number of child disks
 * @param spares distributed spares
 */
public record DraidGeometry(int parity, int data, int children, int spares) {
    /** Validates the geometry. */
    public DraidGeometry {
        if (parity < 1 || parity > 3 || data < 1 || children < 1 || spares < 0) {
            throw new IllegalArgumentException("invalid dRAID geometry");
        }
    }

    /**
     * Parses {@code draid1:4d:11c:1s} (with or without a trailing {@code -N} index).
     *
     * <p>{@code DraidGeometry.parse("draid2:8d:24c:2s-0")}
     *
     * @param text the vdev name or type
     * @return the geometry, empty when the text is not a dRAID name
     */
    public static Optional<DraidGeometry> parse(String text) {
        if (text == null || !text.startsWith("draid") || text.length() < 6) {
            return Optional.empty();
        }
        String s = text;
        int dash = s.lastIndexOf('-');
        if (dash > 5) {
            s = s.substring(0, dash);
        }
        String[] parts = s.substring(5).split(":", -1);
        if (parts.length != 4) {
            return Optional.empty();
        }
        try {
            int p = Integer.parseInt(parts[0]);
            int d = suffixed(parts[1], 'd');
            int c = suffixed(parts[2], 'c');
            int sp = suffixed(parts[3], 's');
            if (p < 1 || p > 3 || d < 1 || c < 1 || sp < 0) {
                return Optional.empty();
            }
            return Optional.of(new DraidGeometry(p, d, c, sp));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static int suffixed(String part, char suffix) {
        if (part.length() < 2 || part.charAt(part.length() - 1) != suffix) {
            throw new NumberFormatException(part);
        }
        return Integer.parseInt(part.substring(0, part.length() - 1));
    }

    /** Returns the name form {@code draid1:4d:11c:1s}. */
    @Override
    public String toString() {
        return "draid" + parity + ":" + data + "d:" + children + "c:" + spares + "s";
    }
}
