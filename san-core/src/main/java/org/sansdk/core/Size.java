package org.sansdk.core;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.Locale;

/**
 * An amount of bytes as ZFS and LIO print it: exact bytes from {@code -p} output ({@code 12884901888}) or
 * binary-unit human forms ({@code 1.5T}, {@code 12G}, {@code 1.57K}, {@code 64k}, {@code 0B}; K = 1024).
 * {@link #toString()} is exact and parses back to the same bytes; {@link #toHuman()} is ZFS-style.
 *
 * <pre>{@code Size s = Size.parse("1.5T"); long b = s.bytes(); Size.parse(s.toString()).equals(s); // true}</pre>
 *
 * @param bytes the exact number of bytes, never negative
 */
public record Size(long bytes) implements Comparable<Size> {
    private static final String UNITS = "BKMGTPE";
    private static final BigDecimal MAX = BigDecimal.valueOf(Long.MAX_VALUE);

    /** Validates the byte count. */
    public Size {
        if (bytes < 0) {
            throw new IllegalArgumentException("a size cannot be negative: " + bytes);
        }
    }

    /** A size of exactly {@code bytes} bytes. */
    public static Size ofBytes(long bytes) {
        return new Size(bytes);
    }

    /**
     * Parses {@code 512}, {@code 512B}, {@code 1.5T}, {@code 1.5TB}, {@code 1.5TiB}, {@code 64k}: a decimal number
     * with an optional binary unit (B K M G T P E, any case). Fractions are rounded half up to whole bytes.
     *
     * @throws IllegalArgumentException naming what was expected
     */
    public static Size parse(String text) {
        if (text == null) {
            throw new IllegalArgumentException("expected a size such as 512, 12G or 1.5T, got null");
        }
        String s = text.strip();
        int i = 0;
        while (i < s.length() && (Character.isDigit(s.charAt(i)) || s.charAt(i) == '.')) {
            i++;
        }
        String number = s.substring(0, i);
        String unit = s.substring(i).strip().toUpperCase(Locale.ROOT);
        if (number.isEmpty() || number.equals(".") || number.indexOf('.') != number.lastIndexOf('.')) {
            throw new IllegalArgumentException("expected a size such as 512, 12G or 1.5T, got \"" + text + "\"");
        }
        int power;
        if (unit.isEmpty() || unit.equals("B")) {
            power = 0;
        } else {
            power = UNITS.indexOf(unit.charAt(0));
            String rest = unit.substring(1);
            if (power <= 0 || !(rest.isEmpty() || rest.equals("B") || rest.equals("IB"))) {
                throw new IllegalArgumentException("unknown size unit \"" + s.substring(i).strip() + "\" in \"" + text
                        + "\": expected one of B K M G T P E (binary, K = 1024)");
            }
        }
        BigDecimal value = new BigDecimal(number).multiply(BigDecimal.valueOf(2).pow(10 * power));
        BigDecimal rounded = value.setScale(0, RoundingMode.HALF_UP);
        if (rounded.compareTo(MAX) > 0) {
            throw new IllegalArgumentException("size too large for 64 bits: \"" + text + "\"");
        }
        return new Size(rounded.longValueExact());
    }

    /** Adds two sizes. */
    public Size plus(Size other) {
        return new Size(Math.addExact(bytes, other.bytes));
    }

    @Override
    public int compareTo(Size o) {
        return Long.compare(bytes, o.bytes);
    }

    /** Exact form: the largest binary unit that divides the size ({@code 12G}), else plain bytes; {@code 0} for zero. */
    @Override
    public String toString() {
        if (bytes == 0) {
            return "0";
        }
        int power = 0;
        long v = bytes;
        while (power < UNITS.length() - 1 && (v & 1023) == 0) {
            v >>= 10;
            power++;
        }
        return power == 0 ? Long.toString(bytes) : v + String.valueOf(UNITS.charAt(power));
    }

    /** ZFS-style rounded form as {@code zpool list} prints it: {@code 3.64T}, {@code 512B}, {@code 12G}. */
    public String toHuman() {
        if (bytes < 1024) {
            return bytes + "B";
        }
        int power = 0;
        long v = bytes;
        while (v >= 1024 && power < UNITS.length() - 1) {
            v >>= 10;
            power++;
        }
        char unit = UNITS.charAt(power);
        BigDecimal exact = new BigDecimal(BigInteger.valueOf(bytes)).divide(BigDecimal.valueOf(2).pow(10 * power));
        if (exact.stripTrailingZeros().scale() <= 0) {
            return exact.toBigInteger() + String.valueOf(unit);
        }
        for (int digits = 2; digits >= 0; digits--) {
            String s = exact.setScale(digits, RoundingMode.HALF_UP).toPlainString() + unit;
            if (s.length() <= 5) {
                return s;
            }
        }
        return exact.setScale(0, RoundingMode.HALF_UP).toPlainString() + unit;
    }
}
