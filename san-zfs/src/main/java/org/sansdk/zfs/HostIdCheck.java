package org.sansdk.zfs;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Proof that the two storage nodes have distinct, usable host ids, so multihost can tell them apart. Only
 * a valid pair can be constructed; {@link HostIdPreflight#check} builds it from what the nodes report.
 * {@link ZpoolCreate#design} and {@link ZpoolImport#design} require one.
 *
 * <p>{@code HostIdCheck ids = HostIdPreflight.check("storage-a", execA, "storage-b", execB);}
 *
 * @param first one storage node
 * @param second the other storage node
 */
public record HostIdCheck(NodeHostId first, NodeHostId second) {

    /**
     * Validates the pair.
     *
     * @throws HostIdConflictException when an id is 0 or invalid, the ids are equal, or the node names are
     */
    public HostIdCheck {
        Objects.requireNonNull(first, "first");
        Objects.requireNonNull(second, "second");
        List<HostIdConflictException.Problem> p = problems(first, second);
        if (!p.isEmpty()) {
            throw new HostIdConflictException(first, second, p);
        }
    }

    static List<HostIdConflictException.Problem> problems(NodeHostId a, NodeHostId b) {
        List<HostIdConflictException.Problem> p = new ArrayList<>();
        if (a.hostId().isZero() || b.hostId().isZero()) {
            p.add(HostIdConflictException.Problem.ZERO);
        }
        if (a.hostId().equals(HostId.INVALID) || b.hostId().equals(HostId.INVALID)) {
            p.add(HostIdConflictException.Problem.INVALID);
        }
        if (a.hostId().equals(b.hostId())) {
            p.add(HostIdConflictException.Problem.SAME);
        }
        if (a.node().equals(b.node())) {
            p.add(HostIdConflictException.Problem.SAME_NODE);
        }
        return p;
    }

    /**
     * True when {@code node} is one of the two checked nodes.
     *
     * <p>{@code ids.covers("storage-b")}
     *
     * @param node a node name
     * @return whether checked
     */
    public boolean covers(String node) {
        return first.node().equals(node) || second.node().equals(node);
    }

    /**
     * The id of a checked node.
     *
     * <p>{@code ids.hostIdOf("storage-a")}
     *
     * @param node the node
     * @return its id
     * @throws IllegalArgumentException when the node was not checked
     */
    public HostId hostIdOf(String node) {
        if (first.node().equals(node)) {
            return first.hostId();
        }
        if (second.node().equals(node)) {
            return second.hostId();
        }
        throw new IllegalArgumentException("node '" + node + "' is not in this host id check");
    }
}
