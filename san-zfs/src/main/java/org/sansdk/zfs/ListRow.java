package org.sansdk.zfs;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * One row of {@code zfs list -Hp -o ...} or {@code zpool list -Hp -o ...}, keyed by the column names the
 * caller asked for, in that order.
 *
 * <p>{@code long used = row.bytes("used").orElseThrow();}
 *
 * @param values column name to value as printed ({@code -} means "none")
 */
public record ListRow(Map<String, String> values) {
    /** Copies the values, keeping column order. */
    public ListRow {
        values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    /**
     * The {@code name} column.
     *
     * <p>{@code row.name()}
     *
     * @return the name, or an empty string when the caller did not ask for it
     */
    public String name() {
        return values.getOrDefault("name", "");
    }

    /**
     * A column as printed; empty when absent or {@code -}.
     *
     * <p>{@code row.text("mountpoint")}
     *
     * @param column the column
     * @return the value
     */
    public Optional<String> text(String column) {
        String v = values.get(column);
        return v == null || v.equals("-") ? Optional.empty() : Optional.of(v);
    }

    /**
     * A numeric column as exact bytes/count ({@code -p} prints integers); empty when absent, {@code -} or
     * {@code none}. Without {@code -p} a rounded value ({@code 12G}) is converted with K=1024.
     *
     * <p>{@code row.bytes("volsize")}
     *
     * @param column the column
     * @return the number
     */
    public OptionalLong bytes(String column) {
        String v = values.get(column);
        if (v == null) {
            return OptionalLong.empty();
        }
        long n = NiceNumbers.parseSize(v);
        return n == NiceNumbers.INVALID ? OptionalLong.empty() : OptionalLong.of(n);
    }
}
