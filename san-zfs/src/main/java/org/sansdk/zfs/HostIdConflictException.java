package org.sansdk.zfs;

import java.util.List;
import java.util.stream.Collectors;
import org.sansdk.core.SanException;

/**
 * The two storage nodes' host ids do not let multihost protect the pool: one is 0 (or invalid), or both
 * are the same. With equal ids OpenZFS skips the import activity check entirely, so the peer can import a
 * pool this node still writes; with 0, {@code multihost=on} cannot be set at all.
 *
 * <p>{@code try { HostIdPreflight.check("storage-a", a, "storage-b", b); } catch (HostIdConflictException e) { Zgenhostid.fixPlan(e.first(), e.second(), rnd); }}
 */
public class HostIdConflictException extends SanException {
    private static final long serialVersionUID = 1L;

    /** What is wrong. */
    public enum Problem {
        /** A node has host id 0 (no /etc/hostid). */
        ZERO,
        /** A node has host id 0xFFFFFFFF, which ZFS treats as invalid. */
        INVALID,
        /** Both nodes have the same host id. */
        SAME,
        /** The same node name was given twice. */
        SAME_NODE
    }

    private final transient NodeHostId first;
    private final transient NodeHostId second;
    private final List<Problem> problems;

    /**
     * Creates the exception.
     *
     * <p>{@code new HostIdConflictException(a, b, List.of(Problem.SAME))}
     *
     * @param first one node
     * @param second the other node
     * @param problems what is wrong (not empty)
     */
    public HostIdConflictException(NodeHostId first, NodeHostId second, List<Problem> problems) {
        super(message(first, second, problems));
        this.first = first;
        this.second = second;
        this.problems = List.copyOf(problems);
    }

    private static String message(NodeHostId a, NodeHostId b, List<Problem> problems) {
        return "host ids do not protect a multihost pool (" + problems.stream().map(Enum::name)
                .collect(Collectors.joining(", ")) + "): " + a.describe() + "; " + b.describe()
                + ". Give each storage node its own non-zero id with zgenhostid (pools exported on that node), "
                + "e.g. Zgenhostid.fixPlan(first, second, random)";
    }

    /**
     * The first node as probed.
     *
     * <p>{@code e.first().hostId()}
     *
     * @return the node
     */
    public NodeHostId first() {
        return first;
    }

    /**
     * The second node as probed.
     *
     * <p>{@code e.second().hostId()}
     *
     * @return the node
     */
    public NodeHostId second() {
        return second;
    }

    /**
     * What is wrong.
     *
     * <p>{@code e.problems().contains(Problem.SAME)}
     *
     * @return the problems
     */
    public List<Problem> problems() {
        return problems;
    }
}
