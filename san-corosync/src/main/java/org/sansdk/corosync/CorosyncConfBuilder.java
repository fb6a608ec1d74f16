package org.sansdk.corosync;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Builds a corosync 3 (knet) corosync.conf in corosync's own layout. The result is checked with
 * {@link CorosyncValidator} by {@link #build()}; errors throw.
 *
 * <pre>{@code
 * CorosyncConf c = CorosyncConfBuilder.cluster("san-cluster").token(Duration.ofMillis(4000))
 *     .node("storage-a", 1, "10.20.20.1", "10.10.10.1").node("storage-b", 2, "10.20.20.2", "10.10.10.2")
 *     .node("quorum", 3, "10.20.20.3", "10.10.10.3").build();
 * }</pre>
 */
public final class CorosyncConfBuilder {
    private final String clusterName;
    private Duration token = TotemTiming.DEFAULT_TOKEN;
    private Duration consensus;
    private Duration join;
    private Integer maxMessages;
    private String cipher = "aes256";
    private String hash = "sha256";
    private Path keyfile;
    private final List<String[]> nodes = new ArrayList<>();
    private String qdeviceHost;
    private QdeviceAlgorithm algorithm;
    private boolean toSyslog = true;

    private CorosyncConfBuilder(String clusterName) {
        this.clusterName = Objects.requireNonNull(clusterName, "clusterName");
    }

    /** Starts a config for cluster {@code name} (knet, aes256/sha256, token 3000 ms). */
    public static CorosyncConfBuilder cluster(String name) {
        return new CorosyncConfBuilder(name);
    }

    /** {@code totem.token}. */
    public CorosyncConfBuilder token(Duration token) {
        this.token = Objects.requireNonNull(token);
        return this;
    }

    /** {@code totem.consensus} (default: not written, corosync derives 1.2 × effective token). */
    public CorosyncConfBuilder consensus(Duration consensus) {
        this.consensus = Objects.requireNonNull(consensus);
        return this;
    }

    /** {@code totem.join}. */
    public CorosyncConfBuilder join(Duration join) {
        this.join = Objects.requireNonNull(join);
        return this;
    }

    /** {@code totem.max_messages}. */
    public CorosyncConfBuilder maxMessages(int maxMessages) {
        this.maxMessages = maxMessages;
        return this;
    }

    /** {@code totem.crypto_cipher} and {@code crypto_hash} (for example aes256, sha256). */
    public CorosyncConfBuilder crypto(String cipher, String hash) {
        this.cipher = Objects.requireNonNull(cipher);
        this.hash = Objects.requireNonNull(hash);
        return this;
    }

    /** {@code totem.keyfile} (default: not written, corosync reads /etc/corosync/authkey). */
    public CorosyncConfBuilder keyfile(Path keyfile) {
        this.keyfile = Objects.requireNonNull(keyfile);
        return this;
    }

    /** Logging to syslog off (for tests and containers). */
    public CorosyncConfBuilder withoutSyslog() {
        this.toSyslog = false;
        return this;
    }

    /** A node with its addresses, ring0 first (IP addresses or resolvable names). */
    public CorosyncConfBuilder node(String name, int nodeId, String... addresses) {
        String[] n = new String[addresses.length + 2];
        n[0] = Objects.requireNonNull(name);
        n[1] = Integer.toString(nodeId);
        System.arraycopy(addresses, 0, n, 2, addresses.length);
        nodes.add(n);
        return this;
    }

    /** A corosync-qdevice (model net) voting through the qnetd at {@code host}. */
    public CorosyncConfBuilder qdevice(String host, QdeviceAlgorithm algorithm) {
        this.qdeviceHost = Objects.requireNonNull(host);
        this.algorithm = Objects.requireNonNull(algorithm);
        return this;
    }

    /** The config without validation. */
    public CorosyncConf buildUnchecked() {
        List<ConfItem> totem = new ArrayList<>();
        totem.add(ConfItem.Entry.of("version", "2"));
        totem.add(ConfItem.Entry.of("cluster_name", clusterName));
        totem.add(ConfItem.Entry.of("transport", "knet"));
        totem.add(ConfItem.Entry.of("crypto_cipher", cipher));
        totem.add(ConfItem.Entry.of("crypto_hash", hash));
        if (keyfile != null) {
            totem.add(ConfItem.Entry.of("keyfile", keyfile.toString()));
        }
        totem.add(ConfItem.Entry.of("token", Long.toString(token.toMillis())));
        if (consensus != null) {
            totem.add(ConfItem.Entry.of("consensus", Long.toString(consensus.toMillis())));
        }
        if (join != null) {
            totem.add(ConfItem.Entry.of("join", Long.toString(join.toMillis())));
        }
        if (maxMessages != null) {
            totem.add(ConfItem.Entry.of("max_messages", Integer.toString(maxMessages)));
        }
        List<ConfItem> nodelist = new ArrayList<>();
        for (String[] n : nodes) {
            List<ConfItem> node = new ArrayList<>();
            node.add(ConfItem.Entry.of("name", n[0]));
            node.add(ConfItem.Entry.of("nodeid", n[1]));
            for (int i = 2; i < n.length; i++) {
                node.add(ConfItem.Entry.of("ring" + (i - 2) + "_addr", n[i]));
            }
            nodelist.add(ConfItem.Section.of("node", node));
        }
        List<ConfItem> quorum = new ArrayList<>();
        quorum.add(ConfItem.Entry.of("provider", "corosync_votequorum"));
        if (qdeviceHost != null) {
            quorum.add(ConfItem.Section.of("device", List.of(
                    ConfItem.Entry.of("model", "net"),
                    ConfItem.Entry.of("votes", "1"),
                    ConfItem.Section.of("net", List.of(
                            ConfItem.Entry.of("host", qdeviceHost),
                            ConfItem.Entry.of("algorithm", algorithm.value()))))));
        } else if (nodes.size() == 2) {
            quorum.add(ConfItem.Entry.of("two_node", "1"));
        }
        List<ConfItem> logging = List.of(
                ConfItem.Entry.of("to_logfile", "no"),
                ConfItem.Entry.of("to_syslog", toSyslog ? "yes" : "no"),
                ConfItem.Entry.of("timestamp", "on"));
        return CorosyncConf.of(List.of(
                ConfItem.Comment.of("# corosync.conf rendered by san-sdk (san-corosync); corosync has no inline comments"),
                ConfItem.Section.of("totem", totem), ConfItem.Blank.of(),
                ConfItem.Section.of("nodelist", nodelist), ConfItem.Blank.of(),
                ConfItem.Section.of("quorum", quorum), ConfItem.Blank.of(),
                ConfItem.Section.of("logging", logging)));
    }

    /**
     * The validated config.
     *
     * @throws org.sansdk.core.ValidationException when a rule of severity ERROR is broken
     */
    public CorosyncConf build() {
        CorosyncConf c = buildUnchecked();
        CorosyncValidator.requireValid(c);
        return c;
    }

    /**
     * The SDK's reference design: storage-a, storage-b and the quorum node, each on the management VLAN
     * (10.20.20.0/24, link 0) and the storage VLAN (10.10.10.0/24, link 1: the quorum node gets a second link
     * there, see design review DR-04), token 4000 ms, join 1000 ms, max_messages 20, aes256/sha256, consensus
     * derived by corosync (1.2 × 4650 ms).
     *
     * <pre>{@code CorosyncConf c = CorosyncConfBuilder.referenceDesign().build();}</pre>
     */
    public static CorosyncConfBuilder referenceDesign() {
        return cluster("san-cluster").token(Duration.ofMillis(4000)).join(Duration.ofMillis(1000)).maxMessages(20)
                .node("storage-a", 1, "10.20.20.1", "10.10.10.1")
                .node("storage-b", 2, "10.20.20.2", "10.10.10.2")
                .node("quorum", 3, "10.20.20.3", "10.10.10.3");
    }
}
