package org.sansdk.corosync;

/**
 * The rules {@link CorosyncValidator} checks, each with a stable id, a severity, why it matters and how to fix
 * it. The module README has the table of which ones the real {@code corosync -t} and pcs also catch.
 *
 * <pre>{@code CorosyncRule.CONSENSUS_TOO_LOW.fix()}</pre>
 */
public enum CorosyncRule {
    // ---- what pcs validates (pcs/lib/corosync/config_validators.py) ----
    LINK_COUNT("COROSYNC-LINK-COUNT", Severity.ERROR,
            "knet carries 1 to 8 links; udp and udpu exactly one ring",
            "give each node between 1 and 8 ringN_addr with knet, exactly one (ring0_addr) with udp/udpu"),
    LINK_NUMBER("COROSYNC-LINK-NUMBER", Severity.ERROR,
            "knet link numbers are 0..7 and each interface section configures one link",
            "use ringN_addr / linknumber N with N in 0..7, one interface section per link number"),
    LINK_PRIORITY("COROSYNC-LINK-PRIORITY", Severity.ERROR,
            "knet_link_priority is a number 0..255",
            "set knet_link_priority to 0..255"),
    PING_OPTIONS("COROSYNC-PING", Severity.ERROR,
            "knet_ping_interval and knet_ping_timeout are non-negative numbers and only make sense together (pcs refuses one without the other)",
            "set both knet_ping_interval and knet_ping_timeout (ms, >= 0), or neither"),
    IP_VERSION("COROSYNC-IP-VERSION", Severity.ERROR,
            "totem.ip_version takes ipv4, ipv6, ipv4-6 or ipv6-4",
            "use one of ipv4, ipv6, ipv4-6, ipv6-4"),
    LINK_MODE("COROSYNC-LINK-MODE", Severity.ERROR,
            "totem.link_mode takes active, passive or rr",
            "use passive (default), active or rr"),
    TRANSPORT("COROSYNC-TRANSPORT", Severity.ERROR,
            "totem.transport takes knet, udp or udpu",
            "use transport: knet"),
    CRYPTO("COROSYNC-CRYPTO", Severity.ERROR,
            "a cipher without a hash is refused (packets would be encrypted but not authenticated); cipher, hash and model take fixed values",
            "set crypto_hash (sha256) whenever crypto_cipher is not none; cipher none|aes256|aes192|aes128, hash none|md5|sha1|sha256|sha384|sha512, model nss|openssl"),
    LINK_COUNT_MISMATCH("COROSYNC-LINK-MISMATCH", Severity.ERROR,
            "knet needs every node to have the same number of links: corosync -t exits 8 with 'Not all nodes have the same number of links'. The design gives the quorum node one link and the storage nodes two",
            "give every node the same ringN_addr set; in the SDK's reference design the quorum node gets a second link (ring1_addr) on the storage VLAN so every node keeps two independent paths"),
    ADDRESS_IP_VERSION("COROSYNC-ADDR-FAMILY", Severity.ERROR,
            "all addresses of one link must be of one IP family",
            "use only IPv4 or only IPv6 addresses on each link"),
    NODE_NAME("COROSYNC-NODE-NAME", Severity.ERROR,
            "node names identify nodes to pacemaker and pcs: each must be present, non-empty and unique",
            "give every node a unique name:"),
    NODE_ADDRESS("COROSYNC-NODE-ADDR", Severity.ERROR,
            "node addresses must be non-empty and unique (corosync binds the first local one it finds; a duplicate makes two nodes one)",
            "give every node its own address on every link"),
    NODE_ID("COROSYNC-NODE-ID", Severity.ERROR,
            "knet needs a nodeid on every node, unique and non-zero",
            "give every node a unique nodeid: 1, 2, 3 ..."),
    NODES_MISSING("COROSYNC-NODES-MISSING", Severity.ERROR,
            "a cluster without a nodelist has no members to form a membership with",
            "add a nodelist with one node section per cluster node"),
    QDEVICE_INCOMPATIBLE("COROSYNC-QDEVICE-INCOMPATIBLE", Severity.ERROR,
            "auto_tie_breaker, last_man_standing and two_node fight with the qdevice's own tie-breaking (pcs refuses them together)",
            "remove auto_tie_breaker, last_man_standing and two_node when a quorum device is configured"),
    QUORUM_BOOLEAN("COROSYNC-QUORUM-OPTION", Severity.ERROR,
            "two_node, wait_for_all, last_man_standing, auto_tie_breaker take 0 or 1; last_man_standing_window needs last_man_standing",
            "use 0 or 1"),
    NOT_A_NUMBER("COROSYNC-NUMBER", Severity.ERROR,
            "corosync refuses a non-numeric value for a numeric key ('Value of key ... is expected to be integer')",
            "write the value as a plain non-negative integer (milliseconds for times)"),
    // ---- what pcs does not check ----
    CONSENSUS_TOO_LOW("COROSYNC-CONSENSUS", Severity.ERROR,
            "consensus must be at least 1.2 x the effective token (token + (nodes - 2) x token_coefficient), or a new membership can form before the token loss is agreed; the design's 4800 ms is below 1.2 x 4650 ms",
            "remove consensus (corosync derives 1.2 x effective token) or set it to at least 1.2 x effective token"),
    TOKEN_TOO_LOW("COROSYNC-TOKEN", Severity.ERROR,
            "this SAN design needs token >= 3000 ms: a 2000 ms token fences a healthy storage node on any 2 s stall (ZFS txg sync, iSCSI burst, live migration)",
            "set token: 3000 or more (the reference design uses 4000)"),
    EXPECTED_VOTES("COROSYNC-EXPECTED-VOTES", Severity.ERROR,
            "quorum.expected_votes different from the votes present makes quorum unreachable (too high) or reachable by a minority (too low)",
            "remove expected_votes (votequorum computes it from the nodelist) or set it to the sum of the nodes' (and qdevice's) votes"),
    TWO_NODE("COROSYNC-TWO-NODE", Severity.ERROR,
            "two_node: 1 makes one node quorate on its own; with more or fewer than two nodes it breaks the majority",
            "set two_node only with exactly two nodes; with a third node or qdevice remove it"),
    UNKNOWN_KEY("COROSYNC-UNKNOWN-KEY", Severity.ERROR,
            "corosync ignores keys it does not know: a typo silently leaves the default in force (corosync -t says nothing)",
            "correct the key name (a suggestion is given when one is close) or remove it"),
    UNKNOWN_SECTION("COROSYNC-UNKNOWN-SECTION", Severity.WARNING,
            "corosync stores sections it does not know without using them",
            "check the section name"),
    NODE_NAMED_QUORUM("COROSYNC-NODE-NAMED-QUORUM", Severity.WARNING,
            "pcs reads the word 'quorum' in 'pcs cluster setup NAME storage-a storage-b quorum' as its quorum keyword and silently builds a two-node cluster with two_node: 1",
            "render corosync.conf with the SDK instead of pcs cluster setup, or rename the node (for example quorum-1)"),
    INLINE_COMMENT("COROSYNC-INLINE-COMMENT", Severity.ERROR,
            "corosync has no inline comments: 'token: 4000 # ms' is the value '4000 # ms' (refused for numbers, kept silently for strings)",
            "move the comment to its own line starting with #"),
    DUPLICATE_KEY("COROSYNC-DUPLICATE-KEY", Severity.WARNING,
            "corosync keeps the last of repeated keys (and merges repeated sections) without a word",
            "keep one line per key"),
    DUPLICATE_SECTION("COROSYNC-DUPLICATE-SECTION", Severity.ERROR,
            "a second nodelist section restarts corosync's node numbering and overwrites the first section's nodes; a second totem/quorum section is merged key by key",
            "keep one section of each kind"),
    QDEVICE("COROSYNC-QDEVICE", Severity.ERROR,
            "corosync-qdevice (model net) needs net.host and an algorithm ffsplit or lms; ffsplit suits an even node count. Trade-off: a qnetd arbiter is cheaper than a third full node and can serve many clusters, but it is one more daemon (TLS, port 5403) to run and it gives no third copy of the cluster's state",
            "set quorum.device.model: net, net.host, net.algorithm: ffsplit (two storage nodes), votes: 1");

    private final String id;
    private final Severity severity;
    private final String reason;
    private final String fix;

    CorosyncRule(String id, Severity severity, String reason, String fix) {
        this.id = id;
        this.severity = severity;
        this.reason = reason;
        this.fix = fix;
    }

    /** The stable id, for example {@code COROSYNC-CONSENSUS}. */
    public String id() {
        return id;
    }

    /** The severity. */
    public Severity severity() {
        return severity;
    }

    /** Why the rule exists. */
    public String reason() {
        return reason;
    }

    /** How to fix a file that breaks it. */
    public String fix() {
        return fix;
    }
}
