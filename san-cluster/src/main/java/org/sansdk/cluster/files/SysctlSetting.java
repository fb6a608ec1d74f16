package org.sansdk.cluster.files;

import java.util.Objects;

/**
 * One {@code key = value} line of a sysctl.d file; {@link SanSysctl#render} checks the key against the keys it
 * knows and the value against the key's syntax.
 *
 * <pre>{@code SysctlSetting.of("net.ipv4.ip_nonlocal_bind", "1")}</pre>
 *
 * @param key   the dotted key, for example {@code net.core.rmem_max}
 * @param value the value as sysctl takes it ({@code 4096 87380 16777216} for a triple)
 */
public record SysctlSetting(String key, String value) {
    /** Refuses nulls. */
    public SysctlSetting {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(value, "value");
    }

    /** A setting. {@code SysctlSetting.of("net.core.rmem_max", "16777216")} */
    public static SysctlSetting of(String key, String value) {
        return new SysctlSetting(key, value);
    }
}
