package org.sansdk.cluster.design;

import java.util.Objects;

/**
 * One local data disk of a storage node: its stable device path and the GPT label of its data partition
 * ({@code /dev/disk/by-partlabel/LABEL}). That partition is both the node's local mirror leg and what its backend
 * target exports to the peer, so both nodes see the same device; its position in the node's list is its LUN.
 * Usage: {@code new Disk("/dev/disk/by-id/ata-SSD_A_0", "data-a-0")}.
 *
 * @param device    stable path of the whole disk ({@code /dev/disk/by-id/...} or another {@code /dev/disk/by-*} name)
 * @param partlabel the data partition's GPT label
 */
public record Disk(String device, String partlabel) {
    /** Refuses nulls. Usage: see type. */
    public Disk {
        Objects.requireNonNull(device, "device");
        Objects.requireNonNull(partlabel, "partlabel");
    }

    /** The partition's stable path, {@code /dev/disk/by-partlabel/LABEL}. Usage: {@code disk.partlabelPath()}. */
    public String partlabelPath() {
        return "/dev/disk/by-partlabel/" + partlabel;
    }
}
