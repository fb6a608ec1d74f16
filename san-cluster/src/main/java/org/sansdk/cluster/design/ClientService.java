package org.sansdk.cluster.design;

import java.util.Locale;

/**
 * A service a client VLAN offers.
 * Usage: {@code ClientService.parse("iscsi")}.
 */
public enum ClientService {
    /** NFS exports. */
    NFS,
    /** SMB shares. */
    SMB,
    /** The client-facing iSCSI target (one TPG per iSCSI VLAN). */
    ISCSI,
    /** SSH to the active node (the Proxmox ZFS-over-iSCSI plugin). */
    SSH;

    /** The lower-case name used in design files. Usage: {@code ClientService.NFS.key()}. */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * The service of a design-file name.
     * Usage: {@code ClientService.parse("smb")}.
     *
     * @throws IllegalArgumentException for an unknown name
     */
    public static ClientService parse(String key) {
        for (ClientService s : values()) {
            if (s.key().equals(key)) {
                return s;
            }
        }
        throw new IllegalArgumentException("unknown service '" + key + "' (nfs, smb, iscsi, ssh)");
    }
}
