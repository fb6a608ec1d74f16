package org.sansdk.cluster;

import java.util.List;
import org.sansdk.core.SanException;

/** A node name the design does not have. Usage: {@code catch (UnknownNodeException e) { e.known(); }}. */
public final class UnknownNodeException extends SanException {
    private static final long serialVersionUID = 1L;
    private final String node;
    private final List<String> known;

    /** Names the node asked for and the nodes the design has. */
    public UnknownNodeException(String node, List<String> known) {
        super("no node '" + node + "' in the design; its nodes are " + known);
        this.node = node;
        this.known = List.copyOf(known);
    }

    /** The name asked for. */
    public String node() {
        return node;
    }

    /** The design's node names. */
    public List<String> known() {
        return known;
    }
}
