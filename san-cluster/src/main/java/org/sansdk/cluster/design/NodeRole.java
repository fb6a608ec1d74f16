package org.sansdk.cluster.design;

/**
 * What a cluster node is for.
 * Usage: {@code Node.builder("quorum", NodeRole.QUORUM)}.
 */
public enum NodeRole {
    /** Holds disks, exports them to the peer, may import the pool and run the services. */
    STORAGE,
    /** Only votes (and may run fencing devices); never runs a storage resource. */
    QUORUM
}
