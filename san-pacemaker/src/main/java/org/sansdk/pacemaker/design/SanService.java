package org.sansdk.pacemaker.design;

/**
 * A storage service the san-services group runs, with the systemd unit the design uses.
 * Usage: {@code SanService.NFS.resourceId()}.
 */
public enum SanService {
    /** Client-facing iSCSI: {@code sync-iscsi-luns} maps zvols to LIO LUNs after each pool import. */
    ISCSI("sync-iscsi-luns", "sync-iscsi-luns", "60s", "30s"),
    /** NFS: {@code nfs-kernel-server}. */
    NFS("nfs-server", "nfs-kernel-server", "30s", "30s"),
    /** SMB: {@code smbd}. */
    SMB("smb-server", "smbd", "30s", "30s");

    private final String resourceId;
    private final String unit;
    private final String startTimeout;
    private final String stopTimeout;

    SanService(String resourceId, String unit, String startTimeout, String stopTimeout) {
        this.resourceId = resourceId;
        this.unit = unit;
        this.startTimeout = startTimeout;
        this.stopTimeout = stopTimeout;
    }

    /** Resource id. Usage: {@code SanService.SMB.resourceId()}. */
    public String resourceId() {
        return resourceId;
    }

    /** systemd unit. Usage: {@code SanService.NFS.unit()}. */
    public String unit() {
        return unit;
    }

    /** Start timeout from the design. Usage: {@code s.startTimeout()}. */
    public String startTimeout() {
        return startTimeout;
    }

    /** Stop timeout from the design. Usage: {@code s.stopTimeout()}. */
    public String stopTimeout() {
        return stopTimeout;
    }
}
