package org.sansdk.pacemaker.cib;

import java.util.List;
import java.util.Optional;

/**
 * A {@code <node>} of the configuration with its attributes (standby, maintenance, ...) and utilization.
 * Usage: {@code node.attribute("standby").orElse("off")}.
 *
 * @param id          node id (corosync node id or uuid)
 * @param uname       node name
 * @param type        member, remote, ping or null
 * @param attributes  instance attribute sets
 * @param utilization utilization sets
 */
public record Node(String id, String uname, String type, List<NvSet> attributes, List<NvSet> utilization) {
    /** Copies. Usage: {@code new Node("1", "storage-a", null, List.of(), List.of())}. */
    public Node {
        attributes = List.copyOf(attributes);
        utilization = List.copyOf(utilization);
    }

    /** A node attribute from the unconditional sets. Usage: {@code node.attribute("standby")}. */
    public Optional<String> attribute(String name) {
        return NvSet.lookup(attributes, name);
    }

    /** True when the node attribute standby is on/true/yes/1. Usage: {@code node.isStandby()}. */
    public boolean isStandby() {
        return attribute("standby").map(Node::truthy).orElse(false);
    }

    static boolean truthy(String v) {
        String t = v.toLowerCase(java.util.Locale.ROOT);
        return t.equals("on") || t.equals("true") || t.equals("yes") || t.equals("1") || t.equals("y");
    }
}
