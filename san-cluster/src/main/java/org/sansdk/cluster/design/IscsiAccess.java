package org.sansdk.cluster.design;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * How initiators get into an iSCSI client VLAN's TPG: listed initiators ({@link Acls}, the default) or any initiator
 * ({@link GenerateNodeAcls}, what the Proxmox ZFS-over-iSCSI plugin needs), optionally with one TPG-wide CHAP login.
 * Usage: {@code new IscsiAccess.GenerateNodeAcls(Optional.of(new ChapLogin("proxmox-shared", ref)))}.
 */
public sealed interface IscsiAccess permits IscsiAccess.Acls, IscsiAccess.GenerateNodeAcls {

    /** No initiator at all (a VLAN without iSCSI). Usage: {@code IscsiAccess.none()}. */
    static IscsiAccess none() {
        return new Acls(List.of());
    }

    /**
     * ACL mode: only these initiators.
     * Usage: {@code new IscsiAccess.Acls(List.of(AclEntry.of(iqn)))}.
     *
     * @param entries the allowed initiators
     */
    record Acls(List<AclEntry> entries) implements IscsiAccess {
        /** Copies. Usage: see type. */
        public Acls {
            entries = List.copyOf(entries);
        }
    }

    /**
     * {@code generate_node_acls=1}: any initiator, with an optional TPG-wide CHAP login.
     * Usage: {@code new IscsiAccess.GenerateNodeAcls(Optional.empty())}.
     *
     * @param chap the TPG-wide CHAP login, if any
     */
    record GenerateNodeAcls(Optional<ChapLogin> chap) implements IscsiAccess {
        /** Refuses null. Usage: see type. */
        public GenerateNodeAcls {
            Objects.requireNonNull(chap, "chap");
        }
    }
}
