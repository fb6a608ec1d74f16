package org.sansdk.corosync.internal;

import java.util.Map;
import java.util.Set;

/** The keys corosync 3 (and, for old files, corosync 2) reads per section, from corosync.conf(5) and votequorum(5). */
public final class KnownKeys {
    private KnownKeys() {
    }

    /** Known top-level sections. */
    public static final Set<String> TOP = Set.of("totem", "nodelist", "quorum", "logging", "system", "resources",
            "uidgid", "nozzle", "qb", "service", "amf", "aisexec", "event");

    /** Keys by section path ({@code totem}, {@code totem.interface}, {@code nodelist.node}, …). */
    public static final Map<String, Set<String>> KEYS = Map.ofEntries(
            Map.entry("totem", Set.of("version", "cluster_name", "config_version", "ip_version", "link_mode",
                    "knet_pmtud_interval", "knet_mtu", "knet_compression_model", "knet_compression_threshold",
                    "knet_compression_level", "netmtu", "transport", "crypto_cipher", "crypto_hash", "crypto_model",
                    "keyfile", "key", "secauth", "token", "token_warning", "token_coefficient", "token_retransmit",
                    "hold", "token_retransmits_before_loss_const", "join", "send_join", "consensus", "merge",
                    "downcheck", "fail_recv_const", "seqno_unchanged_const", "heartbeat_failures_allowed",
                    "max_network_delay", "window_size", "max_messages", "miss_count_const",
                    "knet_enable_access_lists", "block_unlisted_ips", "cancel_token_hold_on_retransmit",
                    "clear_node_high_bit", "threads", "rrp_mode", "rrp_problem_count_timeout",
                    "rrp_problem_count_threshold", "rrp_problem_count_mcast_threshold", "rrp_token_expired_timeout",
                    "rrp_autorecovery_check_timeout", "nodeid", "cluster_uuid", "vsftype", "interface")),
            Map.entry("totem.interface", Set.of("linknumber", "ringnumber", "bindnetaddr", "broadcast", "mcastaddr",
                    "mcastport", "ttl", "knet_link_priority", "knet_ping_interval", "knet_ping_timeout",
                    "knet_ping_precision", "knet_pong_count", "knet_transport", "member")),
            Map.entry("totem.interface.member", Set.of("memberaddr")),
            Map.entry("nodelist", Set.of("node")),
            Map.entry("nodelist.node", Set.of("name", "nodeid", "quorum_votes")),
            Map.entry("quorum", Set.of("provider", "expected_votes", "two_node", "wait_for_all", "last_man_standing",
                    "last_man_standing_window", "auto_tie_breaker", "auto_tie_breaker_node", "allow_downscale",
                    "expected_votes_tracking", "votes", "device")),
            Map.entry("quorum.device", Set.of("model", "votes", "timeout", "sync_timeout", "master_wins", "net",
                    "heuristics")),
            Map.entry("quorum.device.net", Set.of("host", "port", "algorithm", "tie_breaker", "connect_timeout",
                    "force_ip_version", "tls", "keep_active_partition_tie_breaker")),
            Map.entry("quorum.device.heuristics", Set.of("mode", "timeout", "sync_timeout", "interval")),
            Map.entry("logging", Set.of("timestamp", "fileline", "function_name", "to_stderr", "to_logfile",
                    "to_syslog", "logfile", "logfile_priority", "syslog_facility", "syslog_priority", "debug",
                    "blackbox", "logger_subsys", "syslog_level", "tags", "trace_buffer")),
            Map.entry("logging.logger_subsys", Set.of("subsys", "timestamp", "fileline", "function_name", "to_stderr",
                    "to_logfile", "to_syslog", "logfile", "logfile_priority", "syslog_facility", "syslog_priority",
                    "debug", "tags")),
            Map.entry("system", Set.of("sched_rr", "priority", "qb_ipc_type", "move_to_root_cgroup",
                    "allow_knet_handle_fallback", "state_dir", "run_dir")));

    /** Numeric keys (corosync refuses a value that is not an unsigned integer). */
    public static final Set<String> NUMERIC = Set.of("totem.version", "totem.config_version", "totem.token",
            "totem.token_warning", "totem.token_coefficient", "totem.token_retransmit", "totem.hold",
            "totem.token_retransmits_before_loss_const", "totem.join", "totem.send_join", "totem.consensus",
            "totem.merge", "totem.downcheck", "totem.fail_recv_const", "totem.seqno_unchanged_const",
            "totem.heartbeat_failures_allowed", "totem.max_network_delay", "totem.window_size", "totem.max_messages",
            "totem.miss_count_const", "totem.knet_pmtud_interval", "totem.knet_mtu", "totem.netmtu",
            "totem.knet_compression_threshold", "totem.knet_compression_level",
            "totem.interface.linknumber", "totem.interface.ringnumber", "totem.interface.mcastport",
            "totem.interface.ttl", "totem.interface.knet_link_priority", "totem.interface.knet_ping_interval",
            "totem.interface.knet_ping_timeout", "totem.interface.knet_ping_precision", "totem.interface.knet_pong_count",
            "nodelist.node.nodeid", "nodelist.node.quorum_votes", "quorum.expected_votes", "quorum.two_node",
            "quorum.wait_for_all", "quorum.last_man_standing", "quorum.last_man_standing_window",
            "quorum.auto_tie_breaker", "quorum.allow_downscale", "quorum.expected_votes_tracking", "quorum.votes",
            "quorum.device.votes", "quorum.device.timeout", "quorum.device.sync_timeout");

    /** Whether {@code key} is known in section {@code path}. */
    public static boolean known(String path, String key) {
        if (path.equals("nodelist.node") && key.matches("ring[0-9]_addr")) {
            return true;
        }
        if (path.equals("quorum.device.heuristics") && key.startsWith("exec_")) {
            return true;
        }
        Set<String> keys = KEYS.get(path);
        return keys == null || keys.contains(key);
    }

    /** The closest known key of the section within edit distance 2, or null. */
    public static String suggest(String path, String key) {
        Set<String> keys = KEYS.get(path);
        if (keys == null) {
            return null;
        }
        String best = null;
        int bestD = 3;
        for (String k : keys.stream().sorted().toList()) {
            int d = distance(k, key);
            if (d < bestD) {
                bestD = d;
                best = k;
            }
        }
        return best;
    }

    static int distance(String a, String b) {
        return org.sansdk.core.EditDistance.of(a, b);
    }
}
