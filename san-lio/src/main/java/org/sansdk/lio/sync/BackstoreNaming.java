package org.sansdk.lio.sync;

import java.util.Objects;
import org.sansdk.core.ZfsName;

/**
 * How a zvol's block backstore is named: a prefix plus the zvol's last name component.
 * <ul>
 * <li>{@link #plain()} — {@code <zvol>}: the design's single-VLAN scheme (and Proxmox's legacy fallback)</li>
 * <li>{@link #vlan(String)} — {@code <vlan>-<zvol>}: the design's multi-VLAN scheme, avoiding VMID collisions
 * across VLANs. Proxmox's LIO provider does <em>not</em> find these (it looks for {@code <pool>-<zvol>} then
 * {@code <zvol>}); use it only for VLANs Proxmox does not manage.</li>
 * <li>{@link #proxmox(ZfsName)} — {@code <pool with / as ->-<zvol>}: what Proxmox's LIO provider creates and
 * looks up first; the safe choice for a VLAN serving the Proxmox ZFS-over-iSCSI plugin.</li>
 * </ul>
 *
 * <pre>{@code BackstoreNaming.proxmox(ZfsName.parse("san-pool/iscsi/hypervisor")).backstoreName(zvol)}</pre>
 */
public record BackstoreNaming(String prefix) {

    /** Refuses null. */
    public BackstoreNaming {
        Objects.requireNonNull(prefix, "prefix");
    }

    /** {@code <zvol>}. {@code BackstoreNaming.plain()} */
    public static BackstoreNaming plain() {
        return new BackstoreNaming("");
    }

    /** {@code <vlan>-<zvol>}. {@code BackstoreNaming.vlan("hypervisor")} */
    public static BackstoreNaming vlan(String vlanName) {
        return new BackstoreNaming(vlanName + "-");
    }

    /** {@code <pool-path-with-dashes>-<zvol>}, Proxmox's {@code get_backstore_prefix}. {@code BackstoreNaming.proxmox(ZfsName.parse("tank/iscsi"))} */
    public static BackstoreNaming proxmox(ZfsName proxmoxPool) {
        return new BackstoreNaming(proxmoxPool.toString().replace('/', '-') + "-");
    }

    /** The backstore name for {@code zvol}. {@code naming.backstoreName(z)} */
    public String backstoreName(Zvol zvol) {
        return prefix + zvol.leaf();
    }
}
