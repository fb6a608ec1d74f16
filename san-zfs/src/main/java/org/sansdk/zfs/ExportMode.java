package org.sansdk.zfs;

/**
 * {@code zpool export}: plain, or {@code -f} (unmount busy file systems).
 *
 * <p>{@code ZpoolCommands.export("san-pool", ExportMode.FORCE)}
 */
public enum ExportMode {
    /** Plain {@code zpool export}: fails when a file system is busy. */
    NORMAL,
    /** {@code -f}: force busy file systems to unmount. */
    FORCE
}
