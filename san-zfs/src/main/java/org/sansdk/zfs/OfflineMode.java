package org.sansdk.zfs;

/**
 * {@code zpool offline}: persistent, or {@code -t} (until the next reboot or import).
 *
 * <p>{@code ZpoolCommands.offline("san-pool", OfflineMode.TEMPORARY, leg)}
 */
public enum OfflineMode {
    /** Offline until {@code zpool online} (plain {@code zpool offline}). */
    PERSISTENT,
    /** {@code -t}: offline until the next reboot or import. */
    TEMPORARY
}
