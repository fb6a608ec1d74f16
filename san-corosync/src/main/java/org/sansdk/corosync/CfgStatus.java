package org.sansdk.corosync;

import java.util.List;

/**
 * {@code corosync-cfgtool -s}: the local node's links (corosync 3 knet: one {@code LINK ID} block per link
 * with each node's connection state; corosync 2: one {@code RING ID} block per ring with a status sentence).
 *
 * <pre>{@code CfgStatus s = CfgToolParser.parseStatus("cfgtool", text); s.links().get(0).peers();}</pre>
 *
 * @param localNodeId the {@code Local node ID}
 * @param transport   {@code knet}, {@code udpu}, … (empty for corosync 2, which does not print it)
 * @param links       the links (rings) in printed order
 */
public record CfgStatus(long localNodeId, String transport, List<Link> links) {
    /** Copies. */
    public CfgStatus {
        links = List.copyOf(links);
    }

    /**
     * One link (knet) or ring (corosync 2).
     *
     * <pre>{@code link.peers().stream().allMatch(p -> p.state().equals("connected") || p.state().equals("localhost"))}</pre>
     *
     * @param id            link / ring number
     * @param linkTransport knet link transport ({@code udp}, {@code sctp}); empty for corosync 2 rings
     * @param address       local address of the link ({@code addr}/{@code id})
     * @param status        corosync 2's status sentence, or knet's brief status string ({@code -b}); empty otherwise
     * @param peers         per-node state on this link (knet): {@code localhost}, {@code connected} or {@code disconnected}
     */
    public record Link(int id, String linkTransport, String address, String status, List<Peer> peers) {
        /** Copies. */
        public Link {
            peers = List.copyOf(peers);
        }
    }

    /**
     * One node's state on a knet link.
     *
     * @param nodeId node id
     * @param state  {@code localhost}, {@code connected} or {@code disconnected}
     */
    public record Peer(long nodeId, String state) {
    }
}
