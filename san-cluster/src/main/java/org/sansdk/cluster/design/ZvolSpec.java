package org.sansdk.cluster.design;

import java.util.Objects;
import java.util.Optional;
import org.sansdk.core.Size;

/**
 * A volume to create in the pool.
 * Usage: {@code new ZvolSpec("iscsi/hypervisor/vm-disk-01", Size.parse("100G"), Optional.of(Size.parse("64K")))}.
 *
 * @param name         the volume path relative to the pool
 * @param size         its size ({@code volsize})
 * @param volblocksize its block size, if not the default
 */
public record ZvolSpec(String name, Size size, Optional<Size> volblocksize) {
    /** Refuses nulls. Usage: see type. */
    public ZvolSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(size, "size");
        Objects.requireNonNull(volblocksize, "volblocksize");
    }
}
