package org.sansdk.zfs;

/**
 * How {@code zpool status} names devices.
 *
 * <p>{@code ZpoolCommands.status("san-pool", DevicePaths.SHORT)}
 */
public enum DevicePaths {
    /** {@code -P}: full paths ({@code /dev/disk/by-path/...}); what {@link Zpool#status(String)} runs. */
    FULL,
    /** No {@code -P}: the last path component only (zfs-fuse, older tools). */
    SHORT
}
