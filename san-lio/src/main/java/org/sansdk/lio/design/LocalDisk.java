package org.sansdk.lio.design;

import java.util.Objects;

/**
 * One local data disk the backend target exports to the peer node ({@code local_data_disks} in the
 * inventory): backstore name and device path (prefer {@code /dev/disk/by-id/...}, which survives reboots).
 *
 * <pre>{@code new LocalDisk("data-a-0", "/dev/disk/by-id/ata-PLACEHOLDER_DISK_A_0")}</pre>
 */
public record LocalDisk(String name, String device) {
    /** Refuses nulls. */
    public LocalDisk {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(device, "device");
    }
}
