package org.sansdk.corosync;

import java.util.List;
import java.util.OptionalLong;

/**
 * {@code corosync-quorumtool -s} (also {@code pcs quorum status}) as a value. This is the new home of the
 * parser san-pacemaker had as {@code org.sansdk.pacemaker.ops.QuorumStatus}.
 *
 * <pre>{@code QuorumStatus q = QuorumToolParser.parseStatus("quorumtool", text); if (!q.quorate()) alert();}</pre>
 *
 * @param date            the {@code Date:} line, empty when absent (corosync 2)
 * @param provider        {@code Quorum provider:}
 * @param nodes           {@code Nodes:}
 * @param nodeId          {@code Node ID:} (the local node)
 * @param ringId          {@code Ring ID:} as printed: {@code 1.16d} (corosync 3: node.seq hex), {@code 1/139}
 *                        (corosync 2: node/seq) or {@code 3316} (older: seq only)
 * @param quorate         {@code Quorate: Yes}
 * @param expectedVotes   {@code Expected votes:}
 * @param highestExpected {@code Highest expected:}
 * @param totalVotes      {@code Total votes:}
 * @param quorum          {@code Quorum:} (votes needed)
 * @param activityBlocked {@code Quorum: N Activity blocked}
 * @param flags           the {@code Flags:} words (Quorate, 2Node, WaitForAll, Qdevice, …), trailing space dropped
 * @param members         the membership table, qdevice row included
 */
public record QuorumStatus(String date, String provider, int nodes, long nodeId, String ringId, boolean quorate,
                           int expectedVotes, int highestExpected, int totalVotes, int quorum, boolean activityBlocked,
                           List<String> flags, List<QuorumMember> members) {
    /** Copies the lists. */
    public QuorumStatus {
        flags = List.copyOf(flags);
        members = List.copyOf(members);
    }

    /** The node id part of the ring id ({@code 1} of {@code 1.16d} or {@code 1/139}); empty for a bare sequence. */
    public OptionalLong ringNodeId() {
        int sep = Math.max(ringId.indexOf('.'), ringId.indexOf('/'));
        return sep < 0 ? OptionalLong.empty() : OptionalLong.of(Long.parseLong(ringId.substring(0, sep)));
    }

    /** The ring sequence as a number (hex in corosync 3's {@code node.seq} form, decimal otherwise). */
    public long ringSequence() {
        int dot = ringId.indexOf('.');
        if (dot >= 0) {
            return Long.parseUnsignedLong(ringId.substring(dot + 1), 16);
        }
        int slash = ringId.indexOf('/');
        return Long.parseLong(slash >= 0 ? ringId.substring(slash + 1) : ringId);
    }

    /** True when a qdevice takes part (the {@code Qdevice} flag or a node 0 row). */
    public boolean hasQdevice() {
        return flags.contains("Qdevice") || members.stream().anyMatch(QuorumMember::qdeviceRow);
    }
}
