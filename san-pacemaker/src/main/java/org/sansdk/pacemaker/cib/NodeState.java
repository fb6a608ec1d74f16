package org.sansdk.pacemaker.cib;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A {@code <node_state>} in the status section: membership, join state, transient attributes, op history.
 * Usage: {@code state.failCounts().get("zfs-pool")}.
 *
 * @param id                   node id
 * @param uname                node name (may be null: pending nodes)
 * @param inCcm                in_ccm as written (true/false or a timestamp in newer versions)
 * @param crmd                 crmd as written (online/offline or a timestamp)
 * @param join                 join (member, down, pending, banned) or null
 * @param expected             expected or null
 * @param transientAttributes  transient node attributes (fail-count-*, last-failure-*, master-*, ...)
 * @param lrmResources         operation history per resource
 * @param other                other attributes (crm-debug-origin, remote_node, ...)
 */
public record NodeState(String id, String uname, String inCcm, String crmd, String join, String expected,
                        Map<String, String> transientAttributes, List<LrmResource> lrmResources,
                        Map<String, String> other) {
    /** Copies. Usage: see type. */
    public NodeState {
        transientAttributes = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(transientAttributes));
        lrmResources = List.copyOf(lrmResources);
        other = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(other));
    }

    /** True when the node is a cluster member whose controller is up. Usage: {@code state.isOnline()}. */
    public boolean isOnline() {
        boolean ccm = inCcm != null && !inCcm.equals("false") && !inCcm.equals("0");
        boolean ctl = crmd != null && !crmd.equals("offline") && !crmd.equals("0");
        return ccm && ctl && (join == null || join.equals("member"));
    }

    /**
     * Fail counts per resource, summed over {@code fail-count-RSC} and {@code fail-count-RSC#op_interval}
     * (INFINITY = 1000000). Usage: {@code state.failCounts().getOrDefault("zfs-pool", 0)}.
     */
    public Map<String, Integer> failCounts() {
        Map<String, Integer> out = new LinkedHashMap<>();
        for (Map.Entry<String, String> e : transientAttributes.entrySet()) {
            String k = e.getKey();
            if (!k.startsWith("fail-count-")) {
                continue;
            }
            String rsc = k.substring("fail-count-".length());
            int hash = rsc.indexOf('#');
            if (hash >= 0) {
                rsc = rsc.substring(0, hash);
            }
            int v = score(e.getValue());
            out.merge(rsc, v, (a, b) -> (int) Math.min(1_000_000L, (long) a + b));
        }
        return out;
    }

    /** A resource's history on this node. Usage: {@code state.lrm("zfs-pool")}. */
    public Optional<LrmResource> lrm(String rscId) {
        return lrmResources.stream().filter(r -> r.id().equals(rscId)).findFirst();
    }

    private static int score(String v) {
        if (v == null) {
            return 0;
        }
        String t = v.trim();
        if (t.equalsIgnoreCase("INFINITY") || t.equalsIgnoreCase("+INFINITY")) {
            return 1_000_000;
        }
        try {
            return (int) Math.max(-1_000_000L, Math.min(1_000_000L, Long.parseLong(t)));
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
