package org.sansdk.cluster.files;

/**
 * Whether every device under the pool has power-loss protection, the condition for
 * {@code zfs_nocacheflush=1}. With it ZFS stops asking devices to flush their write caches; a device that loses
 * power with acknowledged data in a volatile cache then loses it, and ZFS's own consistency guarantees are gone.
 * In this design every mirror has a remote half behind LIO on the peer node, so the acknowledgement covers the
 * peer's disks too.
 *
 * <pre>{@code new ZfsModprobeConf(OpenZfsVersion.V2_1, params, PowerLossProtection.CONFIRMED_ON_EVERY_POOL_DEVICE)}</pre>
 */
public enum PowerLossProtection {
    /** Not confirmed: {@code zfs_nocacheflush=1} is refused. */
    NOT_CONFIRMED,
    /** The operator confirms that every local and remote pool device (and SLOG) has power-loss protection. */
    CONFIRMED_ON_EVERY_POOL_DEVICE
}
