package org.sansdk.cluster.files;

/**
 * Where the third vote comes from.
 *
 * <pre>{@code QuorumMode.THIRD_NODE_VOTES}</pre>
 */
public enum QuorumMode {
    /** The design: a third corosync member ({@link PackageRole#QUORUM_NODE}). */
    THIRD_NODE_VOTES,
    /** Two cluster nodes with corosync-qdevice, voting through a {@link PackageRole#QNETD_HOST}. */
    QDEVICE
}
