package org.sansdk.lio;

import java.util.Objects;
import java.util.Optional;

/**
 * One LUN of a configuration, flattened for listing: target, TPG tag, LUN index, the storage object it exports
 * and, for a block backstore, the device behind it. {@code toString()} is one readable line.
 *
 * <pre>{@code Lio.on(executor).luns().forEach(System.out::println);  // iqn.2025-01.lab.home:t tpg2 lun 0 -> /backstores/block/vm-100 (/dev/zvol/...)}</pre>
 *
 * @param target        the target's WWN (an IQN for iSCSI)
 * @param tpg           the TPG tag
 * @param lun           the LUN index in the TPG
 * @param storageObject the storage object path, such as {@code /backstores/block/disk0}
 * @param device        the block device of a block backstore (empty for other backstores or a missing one)
 */
public record LunEntry(String target, int tpg, int lun, String storageObject, Optional<String> device) {
    /** Refuses nulls. */
    public LunEntry {
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(storageObject, "storageObject");
        Objects.requireNonNull(device, "device");
    }

    /** One line: {@code TARGET tpgN lun L -> STORAGE_OBJECT (DEVICE)}. {@code entry.describe()} */
    public String describe() {
        return target + " tpg" + tpg + " lun " + lun + " -> " + storageObject + device.map(d -> " (" + d + ")").orElse("");
    }

    /** Same as {@link #describe()}. */
    @Override
    public String toString() {
        return describe();
    }
}
