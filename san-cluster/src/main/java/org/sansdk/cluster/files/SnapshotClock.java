package org.sansdk.cluster.files;

/**
 * Which clock the time in snapshot names was taken in ({@code shadow:localtime}): Windows' "Previous Versions"
 * shows the wrong times when this does not match how the snapshots were named.
 *
 * <pre>{@code new SmbShadowCopy(SmbShadowCopy.DESIGN_FORMAT, SnapshotClock.UTC)}</pre>
 */
public enum SnapshotClock {
    /** Names carry UTC ({@code date -u +FORMAT}); {@code shadow:localtime = no}. */
    UTC,
    /** Names carry the server's local time; {@code shadow:localtime = yes}. */
    LOCAL
}
