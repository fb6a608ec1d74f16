package org.sansdk.lio.design;

import java.util.List;
import java.util.Objects;
import org.sansdk.lio.Chap;

/**
 * The design's backend replication target on one storage node (section 3): its IQN, the storage
 * interconnect address it listens on, the local disks in LUN order, the peer's initiator IQN and the CHAP
 * credentials the peer logs in with (mutual CHAP optional). {@code passDiscard} sets {@code emulate_tpu=1}
 * so ZFS {@code autotrim} reaches the remote mirror leg (only for disks that support discard: the kernel
 * refuses the attribute otherwise).
 *
 * <pre>{@code new BackendTargetSpec("iqn.2025-01.lab.home:storage-a", "10.10.10.1", 3260, disks,
 *         "iqn.2025-01.lab.home:initiator-b", Chap.of("iscsi-repl-user", pw), false)}</pre>
 */
public record BackendTargetSpec(String targetIqn, String interconnectAddress, int port, List<LocalDisk> disks,
                                String peerInitiatorIqn, Chap chap, boolean passDiscard) {
    /** Copies the list, refuses nulls. */
    public BackendTargetSpec {
        Objects.requireNonNull(targetIqn, "targetIqn");
        Objects.requireNonNull(interconnectAddress, "interconnectAddress");
        disks = List.copyOf(disks);
        Objects.requireNonNull(peerInitiatorIqn, "peerInitiatorIqn");
        Objects.requireNonNull(chap, "chap");
    }
}
