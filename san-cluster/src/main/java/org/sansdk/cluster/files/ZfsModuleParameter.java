package org.sansdk.cluster.files;

import java.util.Objects;
import org.sansdk.core.Size;

/**
 * One {@code name=value} of the zfs kernel module.
 *
 * <pre>{@code ZfsModuleParameter.arcMax(Size.parse("16G")); ZfsModuleParameter.of("zfs_txg_timeout", "5")}</pre>
 *
 * @param name  the parameter name, for example {@code zfs_txg_timeout}
 * @param value its value as the module reads it (no spaces)
 */
public record ZfsModuleParameter(String name, String value) {
    /** Refuses nulls. */
    public ZfsModuleParameter {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(value, "value");
    }

    /** A parameter. {@code ZfsModuleParameter.of("zfs_resilver_min_time_ms", "3000")} */
    public static ZfsModuleParameter of(String name, String value) {
        return new ZfsModuleParameter(name, value);
    }

    /** {@code zfs_arc_max} in bytes (the module takes a plain integer, no {@code G} suffix). {@code arcMax(Size.parse("16G"))} */
    public static ZfsModuleParameter arcMax(Size size) {
        return new ZfsModuleParameter("zfs_arc_max", Long.toString(size.bytes()));
    }
}
