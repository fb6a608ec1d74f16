package org.sansdk.cluster.files;

/**
 * What a machine does in the SAN.
 *
 * <pre>{@code PackageRole.STORAGE_NODE}</pre>
 */
public enum PackageRole {
    /** Holds disks, exports them to the peer over iSCSI, may import the pool and run NFS/SMB/iSCSI for clients. */
    STORAGE_NODE,
    /** The design's third cluster member: runs corosync and pacemaker for its vote (and can fence), no storage. */
    QUORUM_NODE,
    /** A host outside the cluster running corosync-qnetd for a two-node cluster with a quorum device. */
    QNETD_HOST
}
