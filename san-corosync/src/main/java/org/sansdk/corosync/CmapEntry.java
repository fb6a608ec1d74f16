package org.sansdk.corosync;

/**
 * One {@code corosync-cmapctl} line: {@code key (type) = value}.
 *
 * <pre>{@code long token = Long.parseLong(cmap.get("runtime.config.totem.token").value());}</pre>
 *
 * @param key   the dotted key
 * @param type  {@code u8 i8 u16 i16 u32 i32 u64 i64 flt dbl str bin}
 * @param value the value as printed (a {@code flt}/{@code dbl} is printed with 6 decimals: approximate)
 */
public record CmapEntry(String key, String type, String value) {
    /** True for the floating-point types, whose printed value is rounded. */
    public boolean approximate() {
        return type.equals("flt") || type.equals("dbl");
    }
}
