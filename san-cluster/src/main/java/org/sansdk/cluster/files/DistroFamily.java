package org.sansdk.cluster.files;

/**
 * The distribution family of a node: package names, the package tool and unit names differ.
 *
 * <pre>{@code new NodePackages(DistroFamily.DEBIAN, NodeRole.STORAGE_NODE, QuorumMode.THIRD_NODE_VOTES)}</pre>
 */
public enum DistroFamily {
    /** Debian 12 and derivatives (apt-get; ZFS from the contrib component). */
    DEBIAN,
    /** Rocky/AlmaLinux/RHEL 9 (dnf; Pacemaker from the HighAvailability repository, ZFS from the OpenZFS repository). */
    RHEL
}
