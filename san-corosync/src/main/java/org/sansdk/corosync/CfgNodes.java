package org.sansdk.corosync;

import java.util.List;

/**
 * {@code corosync-cfgtool -n}: the other nodes this node reaches, each with its enabled links. Unreachable
 * nodes and the local node are not printed by corosync.
 *
 * <pre>{@code CfgNodes n = CfgToolParser.parseNodes("cfgtool -n", text); n.nodes().size();}</pre>
 *
 * @param localNodeId the {@code Local node ID}
 * @param transport   the transport
 * @param nodes       the reachable nodes
 */
public record CfgNodes(long localNodeId, String transport, List<Node> nodes) {
    /** Copies. */
    public CfgNodes {
        nodes = List.copyOf(nodes);
    }

    /**
     * A reachable node.
     *
     * @param nodeId   node id
     * @param flags    words after {@code reachable} ({@code remote}, {@code external}); onwire versions dropped
     * @param links    its enabled links
     */
    public record Node(long nodeId, List<String> flags, List<NodeLink> links) {
        /** Copies. */
        public Node {
            flags = List.copyOf(flags);
            links = List.copyOf(links);
        }
    }

    /**
     * {@code LINK: 0 udp (127.0.0.1->127.0.0.2) enabled connected mtu: 1397}.
     *
     * @param id          link number
     * @param transport   {@code udp} / {@code sctp}
     * @param source      local address
     * @param destination remote address (empty for non-knet transports)
     * @param states      {@code enabled}, {@code connected}, {@code dynconnected}
     * @param mtu         the link MTU
     */
    public record NodeLink(int id, String transport, String source, String destination, List<String> states, int mtu) {
        /** Copies. */
        public NodeLink {
            states = List.copyOf(states);
        }

        /** True when the link is connected. */
        public boolean connected() {
            return states.contains("connected");
        }
    }
}
