package org.sansdk.lio.design;

import java.util.List;
import java.util.Objects;
import org.sansdk.core.IpCidr;
import org.sansdk.core.Iqn;
import org.sansdk.lio.Chap;

/**
 * The design's backend replication target on one storage node (section 3): its IQN, the storage
 * interconnect address it listens on (the interface's CIDR; the portal binds the address only), the local disks
 * in LUN order, the peer's initiator IQN and the CHAP credentials the peer logs in with (mutual CHAP optional).
 * {@link Discard#PASS} sets {@code emulate_tpu=1} so ZFS {@code autotrim} reaches the remote mirror leg (only for
 * disks that support discard: the kernel refuses the attribute otherwise).
 *
 * <pre>{@code new BackendTargetSpec(Iqn.parse("iqn.2025-01.lab.home:storage-a"), IpCidr.parse("10.10.10.1/24"), 3260, disks,
 *         Iqn.parse("iqn.2025-01.lab.home:initiator-b"), Chap.of("iscsi-repl-user", pw), BackendTargetSpec.Discard.KEEP)}</pre>
 *
 * @param targetIqn           the backend target's IQN
 * @param interconnectAddress the storage interconnect address (with its prefix)
 * @param port                the portal's TCP port (3260)
 * @param disks               the local disks, LUN 0 first
 * @param peerInitiatorIqn    the peer node's initiator IQN (the one ACL)
 * @param chap                the peer's CHAP credentials ({@link Chap#NONE} for none)
 * @param discard             whether discards reach the disks ({@code emulate_tpu=1} on every backstore)
 */
public record BackendTargetSpec(Iqn targetIqn, IpCidr interconnectAddress, int port, List<LocalDisk> disks,
                                Iqn peerInitiatorIqn, Chap chap, Discard discard) {
    /** Whether the peer's discards (SCSI UNMAP) reach the local disks. */
    public enum Discard {
        /** {@code emulate_tpu=1}: UNMAP passes through (disks that support discard only). */
        PASS,
        /** The kernel default: no UNMAP advertised. */
        KEEP
    }

    /** Copies the list, refuses nulls. */
    public BackendTargetSpec {
        Objects.requireNonNull(targetIqn, "targetIqn");
        Objects.requireNonNull(interconnectAddress, "interconnectAddress");
        disks = List.copyOf(disks);
        Objects.requireNonNull(peerInitiatorIqn, "peerInitiatorIqn");
        Objects.requireNonNull(chap, "chap");
        Objects.requireNonNull(discard, "discard");
    }

    /** The portal address as rtslib stores it: dotted IPv4 or a bracketed IPv6 literal. {@code spec.portalAddress()} */
    public String portalAddress() {
        return ClientTpg.portal(interconnectAddress);
    }
}
