package org.sansdk.cluster.change;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import org.sansdk.corosync.ConfItem;
import org.sansdk.corosync.CorosyncConf;

/**
 * What changes in one node's corosync.conf, key by key ({@code totem.token}, {@code nodelist.node[quorum].ring1_addr}),
 * and how the running corosync takes it: {@link Activation#RELOAD} when every changed key is one corosync re-reads on
 * {@code corosync-cfgtool -R} (corosync 3's {@code totem_volatile_config_read} in exec/totemconfig.c: the totem
 * timeouts and counters, knet compression and PMTUd interval, {@code block_unlisted_ips}; the man page's procedure
 * for adding and removing nodes; logging), {@link Activation#RESTART} otherwise (cluster name, crypto, transport,
 * link options, quorum: restart corosync node by node).
 *
 * <pre>{@code CorosyncChange c = CorosyncChange.between(current, desired); c.activation();}</pre>
 *
 * @param changes     changed key → "old -> new" ({@code (none)} for an absent side), in key order
 * @param restartKeys the changed keys a reload does not apply
 */
public record CorosyncChange(Map<String, String> changes, List<String> restartKeys) {

    /** How the running corosync takes the new file. */
    public enum Activation {
        /** Nothing changed. */
        NONE,
        /** {@code corosync-cfgtool -R} on one node applies it everywhere (after the file is on every node). */
        RELOAD,
        /** Some key is read only at start: restart corosync node by node (the plan does not do it). */
        RESTART
    }

    /** The totem keys corosync re-reads on reload (corosync 3.1 exec/totemconfig.c, totem_volatile_config_read). */
    public static final Set<String> RELOADABLE_TOTEM = Set.of("token", "token_retransmits_before_loss_const",
            "token_warning", "token_coefficient", "max_network_delay", "window_size", "max_messages", "miss_count_const",
            "knet_pmtud_interval", "token_retransmit", "hold", "join", "consensus", "merge", "downcheck",
            "fail_recv_const", "seqno_unchanged_const", "send_join", "heartbeat_failures_allowed",
            "knet_compression_threshold", "knet_compression_level", "knet_compression_model", "block_unlisted_ips");

    /** Copies. */
    public CorosyncChange {
        changes = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(changes));
        restartKeys = List.copyOf(restartKeys);
    }

    /** The key-by-key change from {@code current} to {@code desired}. {@code CorosyncChange.between(cur, want)} */
    public static CorosyncChange between(CorosyncConf current, CorosyncConf desired) {
        Map<String, String> a = flatten(current);
        Map<String, String> b = flatten(desired);
        Set<String> keys = new TreeSet<>(a.keySet());
        keys.addAll(b.keySet());
        Map<String, String> changes = new LinkedHashMap<>();
        List<String> restart = new ArrayList<>();
        for (String k : keys) {
            String x = a.get(k);
            String y = b.get(k);
            if (!Objects.equals(x, y)) {
                changes.put(k, (x == null ? "(none)" : x) + " -> " + (y == null ? "(none)" : y));
                if (!reloadable(k)) {
                    restart.add(k);
                }
            }
        }
        return new CorosyncChange(changes, restart);
    }

    /** True when corosync applies a change of {@code key} on {@code corosync-cfgtool -R}. {@code CorosyncChange.reloadable("totem.token")} */
    public static boolean reloadable(String key) {
        if (key.startsWith("totem.")) {
            return RELOADABLE_TOTEM.contains(key.substring("totem.".length()));
        }
        return key.startsWith("logging.") || key.startsWith("nodelist.");
    }

    /** How the change is activated. {@code c.activation()} */
    public Activation activation() {
        if (changes.isEmpty()) {
            return Activation.NONE;
        }
        return restartKeys.isEmpty() ? Activation.RELOAD : Activation.RESTART;
    }

    /** True when nothing changes. {@code c.isEmpty()} */
    public boolean isEmpty() {
        return changes.isEmpty();
    }

    /** Every entry as {@code section.sub[id].key → value}; repeated sections are told apart by name or link number. */
    static Map<String, String> flatten(CorosyncConf conf) {
        Map<String, String> out = new LinkedHashMap<>();
        walk("", conf.items(), out);
        return out;
    }

    private static void walk(String prefix, List<ConfItem> items, Map<String, String> out) {
        Map<String, Integer> seen = new LinkedHashMap<>();
        for (ConfItem i : items) {
            if (i instanceof ConfItem.Entry e) {
                out.put(prefix + e.key(), e.value());
            } else if (i instanceof ConfItem.Section s) {
                String id = s.value("name").or(() -> s.value("linknumber")).orElse(null);
                int n = seen.merge(s.name(), 1, Integer::sum) - 1;
                String key = prefix + s.name() + (id != null ? "[" + id + "]" : n > 0 ? "[" + n + "]" : "");
                walk(key + ".", s.items(), out);
            }
        }
    }
}
