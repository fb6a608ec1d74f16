package org.sansdk.lio.design;

import java.util.List;
import java.util.Objects;
import org.sansdk.lio.Chap;

/**
 * One entry of the design's {@code client_vlans} list, as far as the client-facing target cares: the
 * name, the VIP the TPG portal binds to, whether the VLAN offers iSCSI, the zvol dataset it exports and how
 * initiators get in. Its TPG tag is its 1-based position in the <em>whole</em> list (Ansible's
 * {@code loop.index}), so reordering or inserting VLANs renumbers TPGs — and breaks Proxmox storage
 * definitions that name {@code lio_tpg tpgN}: append new VLANs at the end.
 *
 * <pre>{@code new ClientVlan("hypervisor", "10.40.40.10", 3260, true, "san-pool/iscsi/hypervisor", new ClientVlan.Open(chap))}</pre>
 */
public record ClientVlan(String name, String vip, int port, boolean iscsi, String dataset, Access access) {

    /** Refuses nulls. */
    public ClientVlan {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(vip, "vip");
        Objects.requireNonNull(dataset, "dataset");
        Objects.requireNonNull(access, "access");
    }

    /** A VLAN without iSCSI (NFS/SMB only): still counts for TPG numbering. {@code ClientVlan.nonIscsi("enduser")} */
    public static ClientVlan nonIscsi(String name) {
        return new ClientVlan(name, "0.0.0.0", 3260, false, "", new Acls(List.of()));
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

    /** One allowed initiator and its CHAP ({@link Chap#NONE} for none). */
    public record InitiatorAcl(String iqn, Chap chap) {
        /** Refuses nulls. */
        public InitiatorAcl {
            Objects.requireNonNull(iqn, "iqn");
            Objects.requireNonNull(chap, "chap");
        }
    }
}
