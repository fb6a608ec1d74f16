package org.sansdk.cluster.rules;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.sansdk.cluster.design.ClientService;
import org.sansdk.cluster.design.ClientVlanSpec;
import org.sansdk.cluster.design.Fencing;
import org.sansdk.cluster.design.IscsiAccess;
import org.sansdk.cluster.design.Network;
import org.sansdk.cluster.design.Node;
import org.sansdk.cluster.design.SanDesign;
import org.sansdk.core.IpCidr;
import org.sansdk.core.Iqn;
import org.sansdk.zfs.HostId;

/**
 * Checks a whole design: san-cluster's cross-layer rules, then the tool modules' own validators on what the design
 * maps to (corosync.conf, the Pacemaker resource set, the LIO targets, the {@code zpool create} layout, the backend
 * CHAP), each finding tagged with its layer. The design is usable when no finding is an {@link Severity#ERROR}.
 *
 * <p>Cross-layer rules:
 * <ul>
 * <li>{@code CLUSTER-MIRROR}: each mirror is one local disk plus the peer's same-numbered disk, reached by its
 *     by-path name (peer's storage address, backend target IQN, LUN): both storage nodes need the same number of
 *     disks, a storage-network address and a backend target IQN.</li>
 * <li>{@code CLUSTER-MULTIHOST}: {@code multihost=on} and distinct, non-zero host ids.</li>
 * <li>{@code CLUSTER-ISCSI-TIMEOUT}: {@code replacement_timeout} shorter than the multihost failure window
 *     ({@code zfs_multihost_interval} × {@code zfs_multihost_fail_intervals}).</li>
 * <li>{@code CLUSTER-POOL-START}: the pool's start timeout longer than the slowest fence plus the import activity
 *     check ({@code zfs_multihost_import_intervals} × {@code zfs_multihost_interval}).</li>
 * <li>{@code CLUSTER-COROSYNC-LINKS}: every node has an address on each of its link networks and all nodes have
 *     the same links (knet refuses a different count).</li>
 * <li>{@code CLUSTER-STONITH}: exactly one fencing device per storage node, none for other nodes.</li>
 * <li>{@code CLUSTER-QUORUM-NODE}: nothing runs on the quorum node (the Pacemaker resource set is checked: every
 *     resource banned there, each fencing device banned from the node it fences); it holds no client address.</li>
 * <li>{@code CLUSTER-IQN-NAMESPACE}: the client-facing target's IQN namespace differs from the backend's.</li>
 * <li>{@code CLUSTER-NONLOCAL-BIND}: portals on VIPs need {@code net.ipv4.ip_nonlocal_bind=1}.</li>
 * <li>{@code CLUSTER-MTU}: one MTU per layer-3 network: overlapping subnets with different MTUs are refused.</li>
 * <li>{@code CLUSTER-CHAP}: CHAP where the TPGs need it (all or none of an ACL list; generate_node_acls with CHAP;
 *     backend CHAP).</li>
 * <li>{@code CLUSTER-ZFS-TUNABLE}: module parameters that no longer exist or are unsafe.</li>
 * </ul>
 *
 * <pre>{@code List<DesignFinding> f = DesignRules.check(design); if (DesignRules.hasErrors(f)) System.exit(1);}</pre>
 */
public final class DesignRules {
    /** OpenZFS default of {@code zfs_multihost_interval} (ms). */
    public static final long DEFAULT_MULTIHOST_INTERVAL_MS = 1000;
    /** OpenZFS default of {@code zfs_multihost_fail_intervals}. */
    public static final long DEFAULT_MULTIHOST_FAIL_INTERVALS = 10;
    /** OpenZFS default of {@code zfs_multihost_import_intervals}. */
    public static final long DEFAULT_MULTIHOST_IMPORT_INTERVALS = 20;
    /** The backend portal port. */
    public static final int BACKEND_PORT = 3260;

    private final SanDesign d;
    private final List<DesignFinding> out = new ArrayList<>();

    private DesignRules(SanDesign d) {
        this.d = d;
    }

    /**
     * Every finding of the design, cross-layer rules first, then each tool module's.
     * Usage: {@code DesignRules.check(SanDesignYaml.read(path)).forEach(System.out::println)}.
     */
    public static List<DesignFinding> check(SanDesign design) {
        DesignRules r = new DesignRules(design);
        r.mirrors();
        r.multihost();
        r.iscsiTimeout();
        r.poolStart();
        r.corosyncLinks();
        r.stonith();
        r.quorumNode();
        r.iqnNamespaces();
        r.nonlocalBind();
        r.mtu();
        r.chap();
        r.zfsTunables();
        r.out.addAll(ToolLayers.check(design));
        return List.copyOf(r.out);
    }

    /** Whether any finding is an error. Usage: {@code DesignRules.hasErrors(findings)}. */
    public static boolean hasErrors(List<DesignFinding> findings) {
        return findings.stream().anyMatch(f -> f.severity() == Severity.ERROR);
    }

    private void add(String id, Severity s, String where, String reason, String fix) {
        out.add(new DesignFinding(id, s, Layer.CLUSTER, where, reason, fix));
    }

    private String nodePath(Node n) {
        return "nodes[" + d.nodes().indexOf(n) + "]";
    }

    private long tunable(String name, long dflt) {
        String v = d.zfsTunables().get(name);
        if (v == null) {
            return dflt;
        }
        try {
            return Long.parseLong(v.strip());
        } catch (NumberFormatException e) {
            add("CLUSTER-ZFS-TUNABLE", Severity.ERROR, "zfs_tunables." + name, name + " = '" + v + "' is not a number.",
                    "Give " + name + " as a decimal integer.");
            return dflt;
        }
    }

    /** The remote leg of mirror {@code lun} for {@code local}: the peer's LUN by its udev by-path name. */
    static Optional<String> remoteLeg(SanDesign d, Node local, int lun) {
        Optional<Node> peer = d.peerOf(local.name());
        if (peer.isEmpty() || peer.get().backendTargetIqn().isEmpty() || peer.get().address("storage").isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(org.sansdk.iscsi.ByPath.of(peer.get().address("storage").get().address(), BACKEND_PORT,
                peer.get().backendTargetIqn().get().toString(), org.sansdk.iscsi.ByPath.kernelLun(lun)).path());
    }

    private void mirrors() {
        List<Node> s = d.storageNodes();
        if (s.size() != 2) {
            return;
        }
        Node a = s.get(0);
        Node b = s.get(1);
        if (a.disks().size() != b.disks().size()) {
            Node more = a.disks().size() > b.disks().size() ? a : b;
            Node fewer = more == a ? b : a;
            add("CLUSTER-MIRROR", Severity.ERROR, nodePath(more) + ".disks[" + fewer.disks().size() + "]",
                    more.name() + " has " + more.disks().size() + " data disks, " + fewer.name() + " " + fewer.disks().size()
                            + ": each mirror pairs local disk N with the peer's LUN N, so disks " + fewer.disks().size()
                            + ".." + (more.disks().size() - 1) + " of " + more.name() + " have no remote leg and would "
                            + "not survive the loss of " + more.name() + ".",
                    "Give both storage nodes the same number of data disks, in matching order.");
        }
        for (Node n : s) {
            if (n.address("storage").isEmpty()) {
                add("CLUSTER-MIRROR", Severity.ERROR, nodePath(n) + ".addresses.storage", n.name() + " has no address on "
                        + "the storage network: its backend target has no portal, so the peer cannot reach its disks.",
                        "Give " + n.name() + " an address on the network named 'storage'.");
            }
        }
        for (Node n : s) {
            Optional<Node> peer = d.peerOf(n.name());
            for (int i = 0; i < Math.min(a.disks().size(), b.disks().size()); i++) {
                Optional<String> remote = remoteLeg(d, n, i);
                if (remote.isEmpty()) {
                    break;
                }
                if (peer.isPresent() && peer.get().disks().get(i).partlabel().equals(n.disks().get(i).partlabel())) {
                    add("CLUSTER-MIRROR", Severity.WARNING, nodePath(n) + ".disks[" + i + "].partlabel", "both storage nodes "
                            + "label disk " + i + " '" + n.disks().get(i).partlabel() + "': zpool status cannot tell the legs apart "
                            + "by name.", "Use node-specific labels (data-a-N, data-b-N).");
                }
            }
        }
    }

    private void multihost() {
        if (!d.pool().multihost()) {
            add("CLUSTER-MULTIHOST", Severity.ERROR, "pool.properties.multihost", "multihost is not 'on': nothing stops "
                    + "both storage nodes from importing the pool after a split brain (MMP is the last guard under STONITH).",
                    "Set pool property multihost: \"on\".");
        }
        List<Node> s = d.storageNodes();
        for (Node n : s) {
            HostId id = n.hostId();
            if (id.isZero()) {
                add("CLUSTER-MULTIHOST", Severity.WARNING, nodePath(n) + ".host_id", n.name() + " has no host id in the "
                        + "design: with id 0 multihost=on is refused, and the design cannot show the two ids differ.",
                        "Set host_id (zgenhostid on the node writes /etc/hostid); the live ids are checked again by "
                                + "HostIdPreflight before zpool create/import.");
            } else if (!id.usableForMultihost()) {
                add("CLUSTER-MULTIHOST", Severity.ERROR, nodePath(n) + ".host_id", n.name() + "'s host id " + id
                        + " is not usable for multihost.", "Generate a new one with zgenhostid.");
            }
        }
        if (s.size() == 2 && !s.get(0).hostId().isZero() && s.get(0).hostId().equals(s.get(1).hostId())) {
            add("CLUSTER-MULTIHOST", Severity.ERROR, nodePath(s.get(1)) + ".host_id", "both storage nodes have host id "
                    + s.get(0).hostId() + ": OpenZFS skips the activity check when the pool's last host id equals the "
                    + "importer's, so multihost protects nothing.", "Give each storage node its own host id (zgenhostid).");
        }
    }

    private void iscsiTimeout() {
        long interval = tunable("zfs_multihost_interval", DEFAULT_MULTIHOST_INTERVAL_MS);
        long fails = tunable("zfs_multihost_fail_intervals", DEFAULT_MULTIHOST_FAIL_INTERVALS);
        if (fails == 0) {
            add("CLUSTER-ISCSI-TIMEOUT", Severity.WARNING, "zfs_tunables.zfs_multihost_fail_intervals", "zfs_multihost_fail_"
                    + "intervals is 0: the pool is never suspended when multihost writes stop, so a hung leg is only bounded "
                    + "by the iSCSI replacement_timeout.", "Keep the default 10.");
            return;
        }
        Duration window = Duration.ofMillis(interval * fails);
        Duration repl = d.iscsi().replacementTimeout();
        if (repl.compareTo(window) >= 0) {
            add("CLUSTER-ISCSI-TIMEOUT", Severity.ERROR, "iscsi.replacement_timeout", "replacement_timeout " + repl.toSeconds()
                    + " s is not shorter than the multihost failure window " + window.toMillis() + " ms (zfs_multihost_interval "
                    + interval + " ms × zfs_multihost_fail_intervals " + fails + "): when the peer dies its legs hang until "
                    + "the pool is suspended instead of failing so ZFS carries on with the local halves.",
                    "Set replacement_timeout below " + window.toSeconds() + " s (the design uses 5 s).");
        } else {
            Duration detect = d.iscsi().noopOutInterval().plus(d.iscsi().noopOutTimeout()).plus(repl);
            if (detect.compareTo(window) >= 0) {
                add("CLUSTER-ISCSI-TIMEOUT", Severity.WARNING, "iscsi", "a dead peer is noticed after noop_out_interval + "
                        + "noop_out_timeout and its legs fail replacement_timeout later: " + detect.toSeconds() + " s, not "
                        + "shorter than the multihost failure window " + window.toMillis() + " ms.",
                        "Lower the no-op timings or replacement_timeout, or raise zfs_multihost_fail_intervals.");
            }
        }
    }

    private void poolStart() {
        long interval = tunable("zfs_multihost_interval", DEFAULT_MULTIHOST_INTERVAL_MS);
        long imports = tunable("zfs_multihost_import_intervals", DEFAULT_MULTIHOST_IMPORT_INTERVALS);
        Duration activity = Duration.ofMillis(interval * imports);
        Duration fence = d.fencing().stream().map(Fencing::timeout).max(Duration::compareTo).orElse(Fencing.DEFAULT_TIMEOUT);
        Duration need = fence.plus(activity);
        Duration start = d.placement().poolStartTimeout();
        if (start.compareTo(need) <= 0) {
            add("CLUSTER-POOL-START", Severity.ERROR, "placement.pool_start_timeout", "the pool start timeout " + start.toSeconds()
                    + " s is not longer than the slowest fence (" + fence.toSeconds() + " s) plus the import activity check ("
                    + activity.toMillis() + " ms = zfs_multihost_import_intervals " + imports + " × zfs_multihost_interval "
                    + interval + " ms): the import times out, counts as a failure and the survivor gives up the pool.",
                    "Raise pool_start_timeout above " + need.toSeconds() + " s.");
        }
    }

    private void corosyncLinks() {
        List<String> reference = null;
        Node refNode = null;
        for (Node n : d.nodes()) {
            for (int i = 0; i < n.corosyncLinks().size(); i++) {
                String net = n.corosyncLinks().get(i);
                if (n.address(net).isEmpty()) {
                    add("CLUSTER-COROSYNC-LINKS", Severity.ERROR, nodePath(n) + ".corosync_links[" + i + "]", n.name()
                            + "'s corosync link " + i + " is on network '" + net + "' where it has no address.",
                            "Give " + n.name() + " an address on '" + net + "' or drop the link.");
                }
            }
            if (reference == null) {
                reference = n.corosyncLinks();
                refNode = n;
            } else if (!reference.equals(n.corosyncLinks())) {
                String missing = reference.stream().filter(x -> !n.corosyncLinks().contains(x)).findFirst().orElse(null);
                boolean has = missing != null && d.network(missing).isPresent();
                add("CLUSTER-COROSYNC-LINKS", Severity.ERROR, nodePath(n) + ".corosync_links", n.name() + " has corosync links "
                        + n.corosyncLinks() + " but " + refNode.name() + " has " + reference + ": corosync 3 (knet) refuses "
                        + "nodes with different links ('Not all nodes have the same number of links'), and a node on fewer "
                        + "links loses its vote with one switch" + (n.role() == org.sansdk.cluster.design.NodeRole.QUORUM
                        ? " — for the quorum node that is the cluster's tie-breaker" : "") + ".",
                        has ? "Give " + n.name() + " an address on '" + missing + "' and the same links " + reference + "."
                                : "Give every node the same link networks, in the same order.");
            }
        }
        if (reference != null && reference.size() == 1 && d.nodes().stream().allMatch(n -> n.corosyncLinks().size() == 1)) {
            add("CLUSTER-COROSYNC-LINKS", Severity.WARNING, "nodes", "every node has a single corosync link: one switch or "
                    + "NIC failure splits the membership.", "Add a second link on the storage network for every node.");
        }
    }

    private void stonith() {
        for (Node n : d.storageNodes()) {
            long count = d.fencing().stream().filter(f -> f.node().equals(n.name())).count();
            if (count == 0) {
                add("CLUSTER-STONITH", Severity.ERROR, "fencing", "no fencing device for storage node " + n.name()
                        + ": without STONITH Pacemaker will not move the pool off it, and without a confirmed fence an import "
                        + "could meet a node that still writes.", "Add a fencing entry for " + n.name() + " (a fence-agents "
                        + "agent such as fence_ipmilan, or a PDU agent).");
            } else if (count > 1) {
                add("CLUSTER-STONITH", Severity.ERROR, "fencing", count + " fencing devices for " + n.name()
                        + ": the design's resource set takes one per node.", "Keep one (or model a fencing topology).");
            }
        }
        for (int i = 0; i < d.fencing().size(); i++) {
            Fencing f = d.fencing().get(i);
            if (d.node(f.node()).map(x -> !x.isStorage()).orElse(false)) {
                add("CLUSTER-STONITH", Severity.WARNING, "fencing[" + i + "].node", "fencing device for " + f.node()
                        + ", which holds no storage: fencing it protects nothing and costs the quorum vote.",
                        "Remove it.");
            }
        }
    }

    private void quorumNode() {
        d.quorumNode().ifPresent(q -> {
            for (ClientVlanSpec v : d.clientVlans()) {
                if (q.address(v.name()).isPresent()) {
                    add("CLUSTER-QUORUM-NODE", Severity.WARNING, nodePath(q) + ".addresses." + v.name(), "the quorum node "
                            + "has an address on client VLAN " + v.name() + ": nothing may serve clients from it.",
                            "Remove the quorum node's client addresses.");
                }
            }
        });
        // the Pacemaker side (every resource banned from the quorum node, fencing never on its own node) is
        // checked by ToolLayers on the generated resource set (PCMK-INTENT-*)
    }

    static String namespace(Iqn iqn) {
        String s = iqn.toString();
        int colon = s.indexOf(':');
        return iqn.type() == Iqn.Type.IQN && colon > 0 ? s.substring(0, colon) : s;
    }

    private void iqnNamespaces() {
        boolean iscsi = d.clientVlans().stream().anyMatch(v -> v.offers(ClientService.ISCSI));
        if (d.iscsi().clientTargetIqn().isEmpty()) {
            if (iscsi) {
                add("CLUSTER-IQN-NAMESPACE", Severity.ERROR, "iscsi.client_target_iqn", "a client VLAN offers iSCSI but the "
                        + "client-facing target has no IQN.", "Set iscsi.client_target_iqn, in its own namespace.");
            }
            return;
        }
        Iqn client = d.iscsi().clientTargetIqn().get();
        for (Node n : d.storageNodes()) {
            if (n.backendTargetIqn().isEmpty()) {
                continue;
            }
            Iqn back = n.backendTargetIqn().get();
            if (back.equals(client)) {
                add("CLUSTER-IQN-NAMESPACE", Severity.ERROR, "iscsi.client_target_iqn", "the client-facing target reuses "
                        + n.name() + "'s backend target IQN " + back + ".", "Give the client target its own IQN namespace.");
            } else if (namespace(back).equals(namespace(client))) {
                add("CLUSTER-IQN-NAMESPACE", Severity.ERROR, "iscsi.client_target_iqn", "the client-facing target " + client
                        + " shares the namespace '" + namespace(client) + "' with " + n.name() + "'s backend target " + back
                        + ": the design keeps them in separate IQN namespaces so a client discovery or ACL can never reach "
                        + "the raw disks.", "Use e.g. " + namespace(client) + ".client:" + client.toString()
                        .substring(client.toString().indexOf(':') + 1) + ".");
            }
        }
    }

    private void nonlocalBind() {
        boolean v4 = false;
        boolean v6 = false;
        for (ClientVlanSpec v : d.clientVlans()) {
            if (v.offers(ClientService.ISCSI)) {
                v4 |= !v.vip().isIpv6();
                v6 |= v.vip().isIpv6();
            }
        }
        if (v4 && !"1".equals(d.sysctl().getOrDefault("net.ipv4.ip_nonlocal_bind", "").strip())) {
            add("CLUSTER-NONLOCAL-BIND", Severity.ERROR, "sysctl.net.ipv4.ip_nonlocal_bind", "the client iSCSI portals "
                    + "bind VIPs that only the active node holds: without net.ipv4.ip_nonlocal_bind=1 the passive node cannot "
                    + "restore the target configuration and a failover brings up no portal.",
                    "Add sysctl net.ipv4.ip_nonlocal_bind: 1.");
        }
        if (v6 && !"1".equals(d.sysctl().getOrDefault("net.ipv6.ip_nonlocal_bind", "").strip())) {
            add("CLUSTER-NONLOCAL-BIND", Severity.ERROR, "sysctl.net.ipv6.ip_nonlocal_bind", "IPv6 client portals bind VIPs "
                    + "the passive node does not hold.", "Add sysctl net.ipv6.ip_nonlocal_bind: 1.");
        }
    }

    private record L3(String path, String name, IpCidr subnet, int mtu) {
    }

    private void mtu() {
        List<L3> all = new ArrayList<>();
        for (int i = 0; i < d.networks().size(); i++) {
            Network n = d.networks().get(i);
            all.add(new L3("networks[" + i + "]", n.name(), n.subnet(), n.mtu()));
        }
        for (int i = 0; i < d.clientVlans().size(); i++) {
            ClientVlanSpec v = d.clientVlans().get(i);
            all.add(new L3("client_vlans[" + i + "]", v.name(), v.subnet(), v.mtu()));
        }
        for (int i = 0; i < all.size(); i++) {
            for (int j = i + 1; j < all.size(); j++) {
                L3 x = all.get(i);
                L3 y = all.get(j);
                if (x.subnet().isIpv6() != y.subnet().isIpv6()) {
                    continue;
                }
                boolean overlap = x.subnet().contains(y.subnet().address()) || y.subnet().contains(x.subnet().address());
                if (overlap && x.mtu() != y.mtu()) {
                    add("CLUSTER-MTU", Severity.ERROR, y.path() + ".mtu", y.name() + " (" + y.subnet() + ", MTU " + y.mtu()
                            + ") overlaps " + x.name() + " (" + x.subnet() + ", MTU " + x.mtu() + "): hosts on one layer-3 "
                            + "network with different MTUs drop large frames silently (iSCSI and NFS stall).",
                            "Give one network one MTU (and separate subnets per VLAN).");
                } else if (overlap) {
                    add("CLUSTER-MTU", Severity.ERROR, y.path() + ".subnet", y.name() + " (" + y.subnet() + ") overlaps "
                            + x.name() + " (" + x.subnet() + "): traffic meant for one VLAN leaves on the other.",
                            "Give every VLAN its own subnet.");
                }
            }
        }
    }

    private void chap() {
        for (int i = 0; i < d.clientVlans().size(); i++) {
            ClientVlanSpec v = d.clientVlans().get(i);
            if (!v.offers(ClientService.ISCSI)) {
                continue;
            }
            String p = "client_vlans[" + i + "]";
            if (v.access() instanceof IscsiAccess.Acls acls) {
                long with = acls.entries().stream().filter(e -> e.chap().isPresent()).count();
                if (acls.entries().isEmpty()) {
                    add("CLUSTER-CHAP", Severity.ERROR, p + ".iscsi_acls", "iSCSI VLAN " + v.name() + " is in ACL mode with no "
                            + "initiator: nobody can log in.", "List the initiators, or set generate_node_acls: true with chap.");
                } else if (with != 0 && with != acls.entries().size()) {
                    add("CLUSTER-CHAP", Severity.ERROR, p + ".iscsi_acls", "only " + with + " of " + acls.entries().size()
                            + " initiators of " + v.name() + " have CHAP: LIO switches authentication per TPG, so either "
                            + "their CHAP is not enforced or the others cannot log in.", "Give every initiator CHAP, or none.");
                }
            } else if (v.access() instanceof IscsiAccess.GenerateNodeAcls open && open.chap().isEmpty()) {
                add("CLUSTER-CHAP", Severity.WARNING, p + ".chap", "generate_node_acls without CHAP: any host on VLAN "
                        + v.name() + " gets read-write access to every zvol of " + v.dataset().orElse("its dataset") + ".",
                        "Add a TPG-wide chap (user and {secret: NAME}).");
            }
        }
        if (d.iscsi().backendChap().isEmpty()) {
            add("CLUSTER-CHAP", Severity.WARNING, "iscsi.backend_chap", "the backend targets export raw disks without CHAP: "
                    + "any host on the storage network can log in and write to them.",
                    "Set iscsi.backend_chap (user and {secret: NAME}, mutual optional).");
        }
    }

    private static final Map<String, String> GONE = new HashMap<>(Map.of(
            "zfs_vdev_scheduler", "ignored since OpenZFS 0.8.3 and removed in 2.0 (the module logs 'unknown parameter')",
            "zfs_resilver_delay", "removed with the sequential scrub/resilver rework in ZoL 0.8.0",
            "zfs_scan_idle", "removed with the sequential scrub/resilver rework in ZoL 0.8.0",
            "zfs_autoreplace", "not a module parameter: autoreplace is a pool property"));

    private void zfsTunables() {
        for (Map.Entry<String, String> e : d.zfsTunables().entrySet()) {
            String k = e.getKey();
            String why = GONE.get(k);
            if (why != null) {
                add("CLUSTER-ZFS-TUNABLE", Severity.WARNING, "zfs_tunables." + k, k + " is " + why + ".", "Remove it.");
            }
            if (k.equals("zfs_nocacheflush") && "1".equals(e.getValue().strip())) {
                add("CLUSTER-ZFS-TUNABLE", Severity.WARNING, "zfs_tunables.zfs_nocacheflush", "zfs_nocacheflush=1 stops cache "
                        + "flushes to every leg, the peer's disks behind LIO included: a power loss loses acknowledged sync "
                        + "writes unless every device in the path has power-loss protection.",
                        "Remove it unless every disk on both nodes has PLP.");
            }
            if (k.equals("zfs_txg_timeout")) {
                try {
                    if (Long.parseLong(e.getValue().strip()) > 5) {
                        add("CLUSTER-ZFS-TUNABLE", Severity.WARNING, "zfs_tunables.zfs_txg_timeout", "zfs_txg_timeout "
                                + e.getValue().strip() + " s (OpenZFS default 5 s) widens the window of async writes lost on "
                                + "a crash failover.", "Leave it at the default.");
                    }
                } catch (NumberFormatException ex) {
                    add("CLUSTER-ZFS-TUNABLE", Severity.ERROR, "zfs_tunables.zfs_txg_timeout", "not a number: '"
                            + e.getValue() + "'.", "Give whole seconds.");
                }
            }
        }
        if (d.zfsTunables().keySet().stream().anyMatch(k -> !k.toLowerCase(Locale.ROOT).equals(k))) {
            add("CLUSTER-ZFS-TUNABLE", Severity.WARNING, "zfs_tunables", "module parameter names are lower case.",
                    "Write them as modinfo zfs lists them.");
        }
    }
}
