package org.sansdk.zfs;

import java.util.OptionalLong;

/**
 * Space figures {@code zpool status -j} reports per vdev (the text output has none), in bytes.
 *
 * <p>{@code vdev.space().flatMap(s -> ...)}; {@code s.total().orElse(0)}
 *
 * @param allocated {@code alloc_space}
 * @param total {@code total_space}
 * @param deflated {@code def_space}
 * @param replaceableSize {@code rep_dev_size}: the size a replacement device needs
 * @param physical {@code phys_space}
 */
public record VdevSpace(OptionalLong allocated, OptionalLong total, OptionalLong deflated,
                        OptionalLong replaceableSize, OptionalLong physical) {
    /** Replaces nulls by empty values. */
    public VdevSpace {
        allocated = allocated == null ? OptionalLong.empty() : allocated;
        total = total == null ? OptionalLong.empty() : total;
        deflated = deflated == null ? OptionalLong.empty() : deflated;
        replaceableSize = replaceableSize == null ? OptionalLong.empty() : replaceableSize;
        physical = physical == null ? OptionalLong.empty() : physical;
    }

    /**
     * True when no figure is known.
     *
     * <p>{@code space.isEmpty()}
     *
     * @return whether empty
     */
    public boolean isEmpty() {
        return allocated.isEmpty() && total.isEmpty() && deflated.isEmpty() && replaceableSize.isEmpty()
                && physical.isEmpty();
    }
}
