package org.sansdk.lio.design;

import java.util.List;
import java.util.Objects;
import org.sansdk.core.IpCidr;
import org.sansdk.core.Iqn;
import org.sansdk.core.ZfsName;
import org.sansdk.lio.Chap;

/**
 * One entry of the design's {@code client_vlans} list, as far as the client-facing target cares: the
 * name, the VIP the TPG portal binds to, whether the VLAN offers iSCSI, the zvol dataset it exports and how
 * initiators get in. Its TPG tag is its 1-based position in the <em>whole</em> list (Ansible's
 * {@code loop.index}), so reordering or inserting VLANs renumbers TPGs — and breaks Proxmox storage
 * definitions that name {@code lio_tpg tpgN}: append new VLANs at the end.
 *
 * <pre>{@code ClientTpg.iscsi("hypervisor", IpCidr.parse("10.40.40.10/24"), 3260, ZfsName.parse("san-pool/iscsi/hypervisor"), new ClientTpg.Open(chap))}</pre>
 *
 * @param name    the VLAN's name (backstore prefix with several iSCSI VLANs)
 * @param vip     the VLAN's floating address with its prefix; the TPG portal binds the address
 * @param port    the portal's TCP port (3260)
 * @param service whether the VLAN offers iSCSI (prefer {@link #iscsi} and {@link #nonIscsi} to this constructor)
 * @param dataset the dataset whose zvols the VLAN exports ({@code none}, unused, in {@link #nonIscsi})
 * @param access  how initiators are admitted
 */
public record ClientTpg(String name, IpCidr vip, int port, Service service, ZfsName dataset, Access access) {
    private static final ZfsName NO_DATASET = ZfsName.parse("none");

    /** What the VLAN offers, as far as the client-facing target cares. */
    public enum Service {
        /** iSCSI: the VLAN gets a TPG, a portal on its VIP and its zvols as LUNs. */
        ISCSI,
        /** NFS/SMB only: no TPG, but the VLAN still counts for TPG numbering. */
        NO_ISCSI
    }

    /** Refuses nulls. */
    public ClientTpg {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(vip, "vip");
        Objects.requireNonNull(service, "service");
        Objects.requireNonNull(dataset, "dataset");
        Objects.requireNonNull(access, "access");
    }

    /** A VLAN offering iSCSI. {@code ClientTpg.iscsi("hypervisor", IpCidr.parse("10.40.40.10/24"), 3260, ds, access)} */
    public static ClientTpg iscsi(String name, IpCidr vip, int port, ZfsName dataset, Access access) {
        return new ClientTpg(name, vip, port, Service.ISCSI, dataset, access);
    }

    /** A VLAN without iSCSI (NFS/SMB only): still counts for TPG numbering. {@code ClientTpg.nonIscsi("enduser")} */
    public static ClientTpg nonIscsi(String name) {
        return new ClientTpg(name, IpCidr.host("0.0.0.0"), 3260, Service.NO_ISCSI, NO_DATASET, new Acls(List.of()));
    }

    /** True when the VLAN offers iSCSI. {@code vlan.iscsi()} */
    public boolean iscsi() {
        return service == Service.ISCSI;
    }

    /** The portal address as rtslib stores it: dotted IPv4 or a bracketed IPv6 literal. {@code vlan.portalAddress()} */
    public String portalAddress() {
        return portal(vip);
    }

    static String portal(IpCidr ip) {
        return ip.isIpv6() ? "[" + ip.address() + "]" : ip.address();
    }

    /** How initiators are admitted to the VLAN's TPG. */
    public sealed interface Access permits Acls, Open {
    }

    /** ACL mode (the default): only listed initiators, each optionally with its own CHAP. */
    public record Acls(List<InitiatorAcl> initiators) implements Access {
        /** Copies the list. */
        public Acls {
            initiators = List.copyOf(initiators);
        }
    }

    /**
     * {@code generate_node_acls} mode (required by the Proxmox ZFS-over-iSCSI plugin, which manages no ACLs):
     * any initiator may log in, optionally with one TPG-wide CHAP credential.
     */
    public record Open(Chap chap) implements Access {
        /** Refuses null. */
        public Open {
            Objects.requireNonNull(chap, "chap");
        }
    }

    /**
     * One allowed initiator and its CHAP ({@link Chap#NONE} for none).
     *
     * @param iqn  the initiator's name
     * @param chap its CHAP credentials
     */
    public record InitiatorAcl(Iqn iqn, Chap chap) {
        /** Refuses nulls. */
        public InitiatorAcl {
            Objects.requireNonNull(iqn, "iqn");
            Objects.requireNonNull(chap, "chap");
        }
    }
}
