package org.sansdk.zfs;

import java.util.OptionalLong;

/**
 * One line of {@code zfs get -Hp} / {@code zpool get -Hp}: dataset or pool, property, value, source.
 *
 * <p>{@code ZfsGetParser.parse("get", out).get(0).bytes()}
 *
 * @param name dataset, snapshot or pool name
 * @param property property name
 * @param value value as printed ({@code -p}: exact numbers)
 * @param source {@code local}, {@code default}, {@code inherited from X}, {@code -}, ... ; empty string when
 *               the source column was not requested
 */
public record PropertyValue(String name, String property, String value, String source) {
    /** Validates. */
    public PropertyValue {
        if (name == null || property == null || value == null || source == null) {
            throw new IllegalArgumentException("all fields are required");
        }
    }

    /**
     * The value as an exact number, when it is one.
     *
     * <p>{@code pv.bytes().orElse(0)}
     *
     * @return the number
     */
    public OptionalLong bytes() {
        long n = NiceNumbers.parseSize(value);
        return n == NiceNumbers.INVALID ? OptionalLong.empty() : OptionalLong.of(n);
    }

    /**
     * True when the value was set on this dataset ({@code local}) or received.
     *
     * <p>{@code pv.isLocal()}
     *
     * @return whether set locally
     */
    public boolean isLocal() {
        return source.equals("local") || source.equals("received");
    }
}
