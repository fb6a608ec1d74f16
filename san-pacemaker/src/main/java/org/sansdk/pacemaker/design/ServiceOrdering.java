package org.sansdk.pacemaker.design;

/**
 * How the client-facing resources (VIPs and services) start once the pool runs.
 * <ul>
 * <li>{@link #GROUP}: the design document's shape — one group {@code san-services}: every VIP, then iSCSI, NFS and
 *     SMB, one after the other; each waits for the one before it, whether it needs it or not.</li>
 * <li>{@link #BY_DEPENDENCY}: each resource is its own primitive and waits only for what it really needs: every VIP
 *     for the pool; every service (SMB with {@code bind interfaces only}, nfsd bound by nfs.conf's {@code host}, the
 *     iSCSI LUN sync whose portals are on the VIPs) for the pool and every VIP, but not for the other services.
 *     Everything is still colocated with the pool and banned from the quorum node, so no service can start where the
 *     data is not; only needless waiting goes. Failover is shorter by the start (and stop) times of the services that
 *     no longer wait for each other.</li>
 * </ul>
 * Usage: {@code SanResourceSet.configuration(spec, ServiceOrdering.BY_DEPENDENCY)}.
 */
public enum ServiceOrdering {
    /** One group, strictly sequential (the design document). */
    GROUP,
    /** One primitive per VIP and service, each ordered only after what it depends on. */
    BY_DEPENDENCY;

    /** The lower-case name used in design files ({@code group}, {@code by_dependency}). Usage: {@code o.key()}. */
    public String key() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
