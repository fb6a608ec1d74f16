package org.sansdk.cluster.bundle;

/**
 * The runbook's stages, in the order they run on bare nodes.
 * Usage: {@code for (Stage s : Stage.values()) System.out.println(s.title());}
 */
public enum Stage {
    /** Distribution packages (rendered by a contribution). */
    PACKAGES("Packages"),
    /** Kernel parameters (sysctl, rendered by a contribution). */
    SYSCTL("Kernel parameters (sysctl)"),
    /** ZFS module options (rendered by a contribution). */
    MODPROBE("ZFS module options"),
    /** ZFS host ids for multihost. */
    HOSTID("ZFS host ids"),
    /** corosync authkey and corosync.conf, then corosync and Pacemaker started. */
    COROSYNC("Corosync (authkey, corosync.conf) and Pacemaker start"),
    /** Local data disks partitioned and labelled (destructive, once). */
    DISKS("Local data disks (GPT label, once: destroys data)"),
    /** The backend target exporting the local disks to the peer. */
    BACKEND_TARGET("Backend iSCSI target (LIO)"),
    /** The initiator logging in to the peer's backend target. */
    INITIATOR("Backend iSCSI initiator and login"),
    /** The one-time pool creation and datasets, first storage node only. */
    POOL("Pool and datasets (first storage node, once)"),
    /** The Pacemaker configuration (CIB). */
    PACEMAKER("Pacemaker configuration (CIB)"),
    /** The client-facing iSCSI target. */
    CLIENT_TARGET("Client-facing iSCSI target"),
    /** NFS, SMB and other service files (rendered by a contribution). */
    SERVICES("NFS / SMB and other service files"),
    /** Checks that the cluster is healthy. */
    VERIFY("Verification");

    private final String title;

    Stage(String title) {
        this.title = title;
    }

    /** The heading in RUNBOOK.md. Usage: {@code Stage.POOL.title()}. */
    public String title() {
        return title;
    }
}
