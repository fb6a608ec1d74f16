package org.sansdk.cluster.design;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.UnaryOperator;
import org.sansdk.core.IpCidr;
import org.sansdk.core.Secret;
import org.sansdk.core.ZfsName;

/**
 * The whole SAN design, immutable: cluster name, the two storage nodes and the quorum node (or a qdevice), the
 * infrastructure networks and client VLANs, each storage node's disks, the pool with its datasets and zvols,
 * corosync timing, iSCSI timeouts and CHAP, fencing per storage node, placement, ZFS module tunables and extra
 * sysctls. {@link Builder#build()} checks that the parts fit together (names, references, addresses in their
 * subnets) and reports every problem at once with its path ({@code client_vlans[1].vip}); whether the design is
 * <em>safe</em> is {@code DesignRules.check(design)}'s job.
 *
 * <pre>{@code SanDesign d = SanDesignYaml.read(Path.of("examples/designs/reference.yml")).withSecrets(SecretSource.environment());}</pre>
 */
public final class SanDesign {
    private final String clusterName;
    private final List<Node> nodes;
    private final Optional<Qdevice> qdevice;
    private final List<Network> networks;
    private final List<ClientVlanSpec> clientVlans;
    private final Pool pool;
    private final List<DatasetSpec> datasets;
    private final List<ZvolSpec> zvols;
    private final CorosyncTiming corosync;
    private final IscsiSettings iscsi;
    private final List<Fencing> fencing;
    private final Placement placement;
    private final org.sansdk.pacemaker.design.ServiceOrdering serviceOrdering;
    private final FenceSecretStore fenceSecrets;
    private final Map<String, String> zfsTunables;
    private final Map<String, String> sysctl;

    private SanDesign(Builder b, Placement placement) {
        this.clusterName = b.clusterName;
        this.nodes = List.copyOf(b.nodes);
        this.qdevice = Optional.ofNullable(b.qdevice);
        this.networks = List.copyOf(b.networks);
        this.clientVlans = List.copyOf(b.clientVlans);
        this.pool = b.pool;
        this.datasets = List.copyOf(b.datasets);
        this.zvols = List.copyOf(b.zvols);
        this.corosync = b.corosync;
        this.iscsi = b.iscsi;
        this.fencing = List.copyOf(b.fencing);
        this.placement = placement;
        this.serviceOrdering = b.serviceOrdering;
        this.fenceSecrets = b.fenceSecrets;
        this.zfsTunables = Collections.unmodifiableMap(new LinkedHashMap<>(b.zfsTunables));
        this.sysctl = Collections.unmodifiableMap(new LinkedHashMap<>(b.sysctl));
    }

    /** Starts an empty builder. Usage: {@code SanDesign.builder().clusterName("san-cluster")…build()}. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding this design, to change parts of it. Usage: {@code d.toBuilder().corosync(t).build()}. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.clusterName = clusterName;
        b.nodes.addAll(nodes);
        b.qdevice = qdevice.orElse(null);
        b.networks.addAll(networks);
        b.clientVlans.addAll(clientVlans);
        b.pool = pool;
        b.datasets.addAll(datasets);
        b.zvols.addAll(zvols);
        b.corosync = corosync;
        b.iscsi = iscsi;
        b.fencing.addAll(fencing);
        b.placement = placement;
        b.serviceOrdering = serviceOrdering;
        b.fenceSecrets = fenceSecrets;
        b.zfsTunables.putAll(zfsTunables);
        b.sysctl.putAll(sysctl);
        return b;
    }

    /** The corosync/Pacemaker cluster name. Usage: {@code d.clusterName()}. */
    public String clusterName() {
        return clusterName;
    }

    /** Every node, in design order. Usage: {@code d.nodes()}. */
    public List<Node> nodes() {
        return nodes;
    }

    /** The two storage nodes, in design order. Usage: {@code d.storageNodes().get(0)}. */
    public List<Node> storageNodes() {
        return nodes.stream().filter(Node::isStorage).toList();
    }

    /** The quorum node, unless a qdevice votes instead. Usage: {@code d.quorumNode()}. */
    public Optional<Node> quorumNode() {
        return nodes.stream().filter(n -> n.role() == NodeRole.QUORUM).findFirst();
    }

    /** A node by name. Usage: {@code d.node("storage-a")}. */
    public Optional<Node> node(String name) {
        return nodes.stream().filter(n -> n.name().equals(name)).findFirst();
    }

    /** The other storage node. Usage: {@code d.peerOf("storage-a")}. */
    public Optional<Node> peerOf(String storageNode) {
        List<Node> s = storageNodes();
        return s.stream().anyMatch(n -> n.name().equals(storageNode))
                ? s.stream().filter(n -> !n.name().equals(storageNode)).findFirst() : Optional.empty();
    }

    /** The qdevice, when it replaces the quorum node. Usage: {@code d.qdevice()}. */
    public Optional<Qdevice> qdevice() {
        return qdevice;
    }

    /** The infrastructure networks. Usage: {@code d.networks()}. */
    public List<Network> networks() {
        return networks;
    }

    /** An infrastructure network by name. Usage: {@code d.network("storage")}. */
    public Optional<Network> network(String name) {
        return networks.stream().filter(n -> n.name().equals(name)).findFirst();
    }

    /** The client VLANs, in TPG order. Usage: {@code d.clientVlans()}. */
    public List<ClientVlanSpec> clientVlans() {
        return clientVlans;
    }

    /** A client VLAN by name. Usage: {@code d.clientVlan("hypervisor")}. */
    public Optional<ClientVlanSpec> clientVlan(String name) {
        return clientVlans.stream().filter(v -> v.name().equals(name)).findFirst();
    }

    /** The pool. Usage: {@code d.pool().name()}. */
    public Pool pool() {
        return pool;
    }

    /** Datasets to create. Usage: {@code d.datasets()}. */
    public List<DatasetSpec> datasets() {
        return datasets;
    }

    /** Zvols to create. Usage: {@code d.zvols()}. */
    public List<ZvolSpec> zvols() {
        return zvols;
    }

    /** Corosync timing. Usage: {@code d.corosync().token()}. */
    public CorosyncTiming corosync() {
        return corosync;
    }

    /** iSCSI settings. Usage: {@code d.iscsi().replacementTimeout()}. */
    public IscsiSettings iscsi() {
        return iscsi;
    }

    /** Fencing devices, one per storage node. Usage: {@code d.fencing()}. */
    public List<Fencing> fencing() {
        return fencing;
    }

    /** Placement. Usage: {@code d.placement().preferredNode()}. */
    public Placement placement() {
        return placement;
    }

    /**
     * How VIPs and services start once the pool runs: one sequential group (the design document, the default) or
     * each waiting only for what it depends on (shorter failover). Usage: {@code d.serviceOrdering()}.
     */
    public org.sansdk.pacemaker.design.ServiceOrdering serviceOrdering() {
        return serviceOrdering;
    }

    /** Where the fencing devices' secret parameters are kept (default {@code CIB}). Usage: {@code d.fenceSecrets()}. */
    public FenceSecretStore fenceSecrets() {
        return fenceSecrets;
    }

    /** ZFS module tunables ({@code /etc/modprobe.d/zfs.conf}), name → value in order. Usage: {@code d.zfsTunables()}. */
    public Map<String, String> zfsTunables() {
        return zfsTunables;
    }

    /** Extra sysctls, name → value in order. Usage: {@code d.sysctl().get("net.ipv4.ip_nonlocal_bind")}. */
    public Map<String, String> sysctl() {
        return sysctl;
    }

    /**
     * Every secret reference, by the design path using it, in design order.
     * Usage: {@code d.secretReferences().values().stream().map(SecretRef::name)}.
     */
    public Map<String, SecretRef> secretReferences() {
        Map<String, SecretRef> out = new LinkedHashMap<>();
        forEachSecret((path, s) -> {
            if (s instanceof SecretRef r) {
                out.put(path, r);
            }
        });
        return Collections.unmodifiableMap(out);
    }

    /**
     * The design with every {@link SecretRef} replaced by its value from {@code source}.
     * Usage: {@code d.withSecrets(SecretSource.files(Path.of("/run/secrets/san")))}.
     *
     * @throws MissingSecretsException naming every reference the source does not have
     */
    public SanDesign withSecrets(SecretSource source) {
        Objects.requireNonNull(source, "source");
        Map<String, List<String>> usedAt = new LinkedHashMap<>();
        secretReferences().forEach((path, ref) -> usedAt.computeIfAbsent(ref.name(), k -> new ArrayList<>()).add(path));
        Map<String, Secret> found = new HashMap<>();
        List<String> missing = new ArrayList<>();
        for (String name : usedAt.keySet()) {
            Optional<Secret> v = source.lookup(name);
            if (v.isPresent()) {
                found.put(name, v.get());
            } else {
                missing.add(name);
            }
        }
        if (!missing.isEmpty()) {
            Map<String, List<String>> at = new LinkedHashMap<>();
            missing.forEach(m -> at.put(m, usedAt.get(m)));
            throw new MissingSecretsException(missing, at);
        }
        UnaryOperator<DesignSecret> f = s -> s instanceof SecretRef r ? DesignSecret.of(found.get(r.name())) : s;
        Builder b = toBuilder();
        b.clientVlans.replaceAll(v -> v.mapSecrets(f));
        b.iscsi = iscsi.mapSecrets(f);
        b.fencing.replaceAll(x -> x.mapSecrets(f));
        return b.build();
    }

    private void forEachSecret(BiConsumer<String, DesignSecret> visit) {
        for (int i = 0; i < clientVlans.size(); i++) {
            String p = "client_vlans[" + i + "]";
            IscsiAccess a = clientVlans.get(i).access();
            if (a instanceof IscsiAccess.GenerateNodeAcls g) {
                g.chap().ifPresent(c -> visit.accept(p + ".chap.password", c.password()));
            } else if (a instanceof IscsiAccess.Acls acls) {
                for (int j = 0; j < acls.entries().size(); j++) {
                    String q = p + ".iscsi_acls[" + j + "].chap.password";
                    acls.entries().get(j).chap().ifPresent(c -> visit.accept(q, c.password()));
                }
            }
        }
        iscsi.backendChap().ifPresent(c -> {
            visit.accept("iscsi.backend_chap.password", c.forward().password());
            c.mutual().ifPresent(m -> visit.accept("iscsi.backend_chap.mutual_password", m.password()));
        });
        for (int i = 0; i < fencing.size(); i++) {
            String p = "fencing[" + i + "].secrets.";
            fencing.get(i).secrets().forEach((k, v) -> visit.accept(p + k, v));
        }
    }

    /** A summary without any secret. Usage: {@code d.toString()}. */
    @Override
    public String toString() {
        return "SanDesign[" + clusterName + ": nodes=" + nodes.stream().map(n -> n.name() + "(" + n.role() + ")").toList()
                + ", pool=" + pool.name() + ", client_vlans=" + clientVlans.stream().map(ClientVlanSpec::name).toList() + "]";
    }

    /**
     * Builder; {@link #build()} checks the whole design. Defaults: corosync's own timing, open-iscsi's own timeouts,
     * placement on the first storage node with score 100, stickiness 200, pool start 150 s / stop 90 s.
     * Usage: see {@link SanDesign#builder()}.
     */
    public static final class Builder {
        private String clusterName;
        private final List<Node> nodes = new ArrayList<>();
        private Qdevice qdevice;
        private final List<Network> networks = new ArrayList<>();
        private final List<ClientVlanSpec> clientVlans = new ArrayList<>();
        private Pool pool;
        private final List<DatasetSpec> datasets = new ArrayList<>();
        private final List<ZvolSpec> zvols = new ArrayList<>();
        private CorosyncTiming corosync = CorosyncTiming.DEFAULTS;
        private IscsiSettings iscsi = IscsiSettings.defaults();
        private final List<Fencing> fencing = new ArrayList<>();
        private Placement placement;
        private org.sansdk.pacemaker.design.ServiceOrdering serviceOrdering = org.sansdk.pacemaker.design.ServiceOrdering.GROUP;
        private FenceSecretStore fenceSecrets = FenceSecretStore.CIB;
        private final Map<String, String> zfsTunables = new LinkedHashMap<>();
        private final Map<String, String> sysctl = new LinkedHashMap<>();

        private Builder() {
        }

        /** The cluster name. Usage: {@code b.clusterName("san-cluster")}. */
        public Builder clusterName(String name) {
            this.clusterName = name;
            return this;
        }

        /** Appends a node. Usage: {@code b.node(Node.builder("storage-a", NodeRole.STORAGE)…build())}. */
        public Builder node(Node node) {
            nodes.add(node);
            return this;
        }

        /** Replaces every node. Usage: {@code b.nodes(List.of(a, b, q))}. */
        public Builder nodes(List<Node> all) {
            nodes.clear();
            nodes.addAll(all);
            return this;
        }

        /** A qdevice instead of a quorum node. Usage: {@code b.qdevice(new Qdevice("10.20.20.3", QdeviceAlgorithm.FFSPLIT))}. */
        public Builder qdevice(Qdevice device) {
            this.qdevice = device;
            return this;
        }

        /** Appends an infrastructure network. Usage: {@code b.network(new Network("storage", 10, IpCidr.parse("10.10.10.0/24"), 9000))}. */
        public Builder network(Network network) {
            networks.add(network);
            return this;
        }

        /** Replaces every infrastructure network. Usage: {@code b.networks(List.of(mgmt, storage))}. */
        public Builder networks(List<Network> all) {
            networks.clear();
            networks.addAll(all);
            return this;
        }

        /** Appends a client VLAN (its TPG tag is its position). Usage: {@code b.clientVlan(vlan)}. */
        public Builder clientVlan(ClientVlanSpec vlan) {
            clientVlans.add(vlan);
            return this;
        }

        /** Replaces every client VLAN. Usage: {@code b.clientVlans(List.of(enduser, hypervisor))}. */
        public Builder clientVlans(List<ClientVlanSpec> all) {
            clientVlans.clear();
            clientVlans.addAll(all);
            return this;
        }

        /** The pool. Usage: {@code b.pool(new Pool("san-pool", props, fsProps))}. */
        public Builder pool(Pool value) {
            this.pool = value;
            return this;
        }

        /** Appends a dataset. Usage: {@code b.dataset(new DatasetSpec("nfs", Map.of()))}. */
        public Builder dataset(DatasetSpec value) {
            datasets.add(value);
            return this;
        }

        /** Appends a zvol. Usage: {@code b.zvol(new ZvolSpec("iscsi/vm-1", Size.parse("100G"), Optional.empty()))}. */
        public Builder zvol(ZvolSpec value) {
            zvols.add(value);
            return this;
        }

        /** Corosync timing. Usage: {@code b.corosync(timing)}. */
        public Builder corosync(CorosyncTiming value) {
            this.corosync = value;
            return this;
        }

        /** iSCSI settings. Usage: {@code b.iscsi(IscsiSettings.defaults().withReplacementTimeout(Duration.ofSeconds(5)))}. */
        public Builder iscsi(IscsiSettings value) {
            this.iscsi = value;
            return this;
        }

        /** Appends a fencing device. Usage: {@code b.fencing(new Fencing("storage-a", "fence_ipmilan", params, secrets, Fencing.DEFAULT_TIMEOUT))}. */
        public Builder fencing(Fencing value) {
            fencing.add(value);
            return this;
        }

        /** Replaces every fencing device. Usage: {@code b.fencing(List.of(fa, fb))}. */
        public Builder fencing(List<Fencing> all) {
            fencing.clear();
            fencing.addAll(all);
            return this;
        }

        /** Placement. Usage: {@code b.placement(new Placement("storage-a", 100, 200, Duration.ofSeconds(150), Duration.ofSeconds(90)))}. */
        public Builder placement(Placement value) {
            this.placement = value;
            return this;
        }

        /**
         * How VIPs and services start once the pool runs (default {@code GROUP}, the design document's).
         * Usage: {@code b.serviceOrdering(ServiceOrdering.BY_DEPENDENCY)}.
         */
        public Builder serviceOrdering(org.sansdk.pacemaker.design.ServiceOrdering value) {
            this.serviceOrdering = java.util.Objects.requireNonNull(value, "serviceOrdering");
            return this;
        }

        /**
         * Where the fencing devices' secret parameters are kept (default {@code CIB}).
         * Usage: {@code b.fenceSecrets(FenceSecretStore.CIBSECRET)}.
         */
        public Builder fenceSecrets(FenceSecretStore value) {
            this.fenceSecrets = java.util.Objects.requireNonNull(value, "fenceSecrets");
            return this;
        }

        /** Sets a ZFS module tunable (order kept). Usage: {@code b.zfsTunable("zfs_txg_timeout", "5")}. */
        public Builder zfsTunable(String name, String value) {
            zfsTunables.put(name, value);
            return this;
        }

        /** Removes a ZFS module tunable. Usage: {@code b.removeZfsTunable("zfs_multihost_interval")}. */
        public Builder removeZfsTunable(String name) {
            zfsTunables.remove(name);
            return this;
        }

        /** Sets an extra sysctl (order kept). Usage: {@code b.sysctl("net.ipv4.ip_nonlocal_bind", "1")}. */
        public Builder sysctl(String name, String value) {
            sysctl.put(name, value);
            return this;
        }

        /** Removes an extra sysctl. Usage: {@code b.removeSysctl("net.ipv4.ip_nonlocal_bind")}. */
        public Builder removeSysctl(String name) {
            sysctl.remove(name);
            return this;
        }

        /**
         * Builds and checks that the parts fit together.
         * Usage: {@code SanDesign d = b.build();}
         *
         * @throws DesignException listing every problem with its path
         */
        public SanDesign build() {
            List<DesignException.Problem> p = new ArrayList<>();
            new Checks(this, p).run();
            if (!p.isEmpty()) {
                throw new DesignException(p);
            }
            Placement pl = placement;
            if (pl == null) {
                String first = nodes.stream().filter(Node::isStorage).map(Node::name).findFirst().orElseThrow();
                pl = new Placement(first, 100, 200, Duration.ofSeconds(150), Duration.ofSeconds(90));
            }
            return new SanDesign(this, pl);
        }
    }

    /** The structural checks of {@link Builder#build()}. */
    private static final class Checks {
        private final Builder b;
        private final List<DesignException.Problem> out;

        Checks(Builder b, List<DesignException.Problem> out) {
            this.b = b;
            this.out = out;
        }

        private void add(String path, String message) {
            out.add(new DesignException.Problem(path, message));
        }

        void run() {
            if (b.clusterName == null || !b.clusterName.matches("[A-Za-z0-9][A-Za-z0-9_.-]{0,63}")) {
                add("cluster_name", "a cluster name of letters, digits, '_', '.', '-' (at most 64) is required; got '" + b.clusterName + "'");
            }
            Map<String, IpCidr> subnets = networks();
            clientVlans(subnets);
            nodes(subnets);
            pool();
            corosync();
            iscsi();
            fencing();
            placement();
            namedValues("zfs_tunables", b.zfsTunables, "[a-z][a-z0-9_]*");
            namedValues("sysctl", b.sysctl, "[a-z0-9_]+(\\.[A-Za-z0-9_\\-]+)+");
        }

        private Map<String, IpCidr> networks() {
            Map<String, IpCidr> subnets = new LinkedHashMap<>();
            Set<Integer> vlanIds = new HashSet<>();
            for (int i = 0; i < b.networks.size(); i++) {
                Network n = b.networks.get(i);
                String p = "networks[" + i + "]";
                checkName(p + ".name", n.name());
                if (subnets.put(n.name(), n.subnet()) != null) {
                    add(p + ".name", "duplicate network name '" + n.name() + "'");
                }
                checkVlan(p + ".vlan", n.vlanId(), vlanIds);
                checkMtu(p + ".mtu", n.mtu());
                checkSubnet(p + ".subnet", n.subnet());
            }
            for (int i = 0; i < b.clientVlans.size(); i++) {
                ClientVlanSpec v = b.clientVlans.get(i);
                String p = "client_vlans[" + i + "]";
                checkName(p + ".name", v.name());
                if (subnets.put(v.name(), v.subnet()) != null) {
                    add(p + ".name", "duplicate name '" + v.name() + "' (network and client VLAN names share one namespace)");
                }
                checkVlan(p + ".id", v.id(), vlanIds);
                checkMtu(p + ".mtu", v.mtu());
                checkSubnet(p + ".subnet", v.subnet());
            }
            return subnets;
        }

        private void clientVlans(Map<String, IpCidr> subnets) {
            for (int i = 0; i < b.clientVlans.size(); i++) {
                ClientVlanSpec v = b.clientVlans.get(i);
                String p = "client_vlans[" + i + "]";
                inSubnet(p + ".vip", v.vip(), v.subnet());
                if (v.port() < 1 || v.port() > 65535) {
                    add(p + ".port", "a TCP port 1-65535; got " + v.port());
                }
                if (v.services().isEmpty()) {
                    add(p + ".services", "at least one of nfs, smb, iscsi, ssh");
                }
                boolean iscsi = v.offers(ClientService.ISCSI);
                boolean hasAccess = !(v.access() instanceof IscsiAccess.Acls a && a.entries().isEmpty());
                if (!iscsi && hasAccess) {
                    add(p + ".services", "iSCSI access (iscsi_acls, generate_node_acls, chap) is given but the VLAN does not offer iscsi");
                }
                if (iscsi && v.dataset().isEmpty()) {
                    add(p + ".dataset", "an iSCSI VLAN names the dataset (relative to the pool) whose zvols it exports");
                }
                if (!iscsi && v.dataset().isPresent()) {
                    add(p + ".dataset", "a dataset is only used by an iSCSI VLAN");
                }
                v.dataset().ifPresent(ds -> checkRelative(p + ".dataset", ds));
                if (v.access() instanceof IscsiAccess.Acls a) {
                    Set<String> seen = new HashSet<>();
                    for (int j = 0; j < a.entries().size(); j++) {
                        if (!seen.add(a.entries().get(j).iqn().toString())) {
                            add(p + ".iscsi_acls[" + j + "]", "duplicate initiator " + a.entries().get(j).iqn());
                        }
                    }
                }
            }
        }

        private void nodes(Map<String, IpCidr> subnets) {
            Set<String> names = new HashSet<>();
            Set<Integer> ids = new HashSet<>();
            int storage = 0;
            int quorum = 0;
            for (int i = 0; i < b.nodes.size(); i++) {
                Node n = b.nodes.get(i);
                String p = "nodes[" + i + "]";
                if (!n.name().matches("[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?")) {
                    add(p + ".name", "a host name (letters, digits, '-'); got '" + n.name() + "'");
                }
                if (!names.add(n.name())) {
                    add(p + ".name", "duplicate node name '" + n.name() + "'");
                }
                if (n.nodeId() < 1) {
                    add(p + ".node_id", "a corosync node id >= 1 is required; got " + n.nodeId());
                } else if (!ids.add(n.nodeId())) {
                    add(p + ".node_id", "duplicate node id " + n.nodeId());
                }
                n.addresses().forEach((net, addr) -> {
                    IpCidr subnet = subnets.get(net);
                    if (subnet == null) {
                        add(p + ".addresses." + net, "no network or client VLAN named '" + net + "' (known: " + subnets.keySet() + ")");
                    } else {
                        inSubnet(p + ".addresses." + net, addr, subnet);
                    }
                });
                if (n.corosyncLinks().isEmpty()) {
                    add(p + ".corosync_links", "at least one corosync link (a network name) is required");
                }
                for (int j = 0; j < n.corosyncLinks().size(); j++) {
                    String link = n.corosyncLinks().get(j);
                    if (b.networks.stream().noneMatch(x -> x.name().equals(link))) {
                        add(p + ".corosync_links[" + j + "]", "no network named '" + link + "'");
                    }
                }
                if (n.isStorage()) {
                    storage++;
                    if (n.backendTargetIqn().isEmpty()) {
                        add(p + ".backend_target_iqn", "a storage node needs its backend target IQN");
                    }
                    if (n.initiatorIqn().isEmpty()) {
                        add(p + ".initiator_iqn", "a storage node needs its initiator IQN");
                    }
                    if (n.disks().isEmpty()) {
                        add(p + ".disks", "a storage node needs its local data disks");
                    }
                    Set<String> labels = new HashSet<>();
                    Set<String> devices = new HashSet<>();
                    for (int j = 0; j < n.disks().size(); j++) {
                        Disk d = n.disks().get(j);
                        String q = p + ".disks[" + j + "]";
                        if (!d.device().startsWith("/dev/")) {
                            add(q + ".device", "an absolute /dev path; got '" + d.device() + "'");
                        }
                        if (!devices.add(d.device())) {
                            add(q + ".device", "device listed twice: " + d.device());
                        }
                        if (!d.partlabel().matches("[A-Za-z0-9][A-Za-z0-9._-]{0,35}")) {
                            add(q + ".partlabel", "a GPT label of letters, digits, '.', '_', '-' (at most 36); got '" + d.partlabel() + "'");
                        }
                        if (!labels.add(d.partlabel())) {
                            add(q + ".partlabel", "partition label used twice: " + d.partlabel());
                        }
                    }
                } else {
                    quorum++;
                    if (!n.disks().isEmpty() || n.backendTargetIqn().isPresent() || n.initiatorIqn().isPresent()) {
                        add(p, "a quorum node has no disks and no iSCSI identity");
                    }
                }
            }
            if (storage != 2) {
                add("nodes", "exactly two storage nodes; got " + storage);
            }
            if (b.qdevice != null && quorum != 0) {
                add("qdevice", "a qdevice replaces the quorum node: give one or the other, not both");
            } else if (b.qdevice == null && quorum != 1) {
                add("nodes", "exactly one quorum node (or a qdevice); got " + quorum);
            }
            if (b.qdevice != null && b.qdevice.host().isBlank()) {
                add("qdevice.host", "the qnetd host is required");
            }
        }

        private void pool() {
            if (b.pool == null) {
                add("pool", "the pool is required");
                return;
            }
            try {
                ZfsName.pool(b.pool.name());
            } catch (RuntimeException e) {
                add("pool.name", "invalid pool name '" + b.pool.name() + "': " + e.getMessage());
                return;
            }
            Set<String> seen = new HashSet<>();
            for (int i = 0; i < b.datasets.size(); i++) {
                String p = "datasets[" + i + "].name";
                checkRelative(p, b.datasets.get(i).name());
                if (!seen.add(b.datasets.get(i).name())) {
                    add(p, "listed twice: " + b.datasets.get(i).name());
                }
                DatasetSpec ds = b.datasets.get(i);
                String at = "datasets[" + i + "]";
                ds.nfs().ifPresent(n -> shareVlan(at + ".nfs.vlan", n.vlan(), ClientService.NFS));
                ds.smb().ifPresent(m -> {
                    shareVlan(at + ".smb.vlan", m.vlan(), ClientService.SMB);
                    if (!m.share().matches("[A-Za-z0-9][A-Za-z0-9_.$-]{0,79}") || m.share().equalsIgnoreCase("global")
                            || m.share().equalsIgnoreCase("homes") || m.share().equalsIgnoreCase("printers")) {
                        add(at + ".smb.share", "a share name of letters, digits, '_', '.', '-', '$' (not global/homes/printers): '"
                                + m.share() + "'");
                    }
                });
                if ("on".equals(ds.properties().get("sharenfs")) || "on".equals(ds.properties().get("sharesmb"))) {
                    add(at + ".properties", "sharenfs/sharesmb=on exports to everyone, beside /etc/exports and smb.conf:"
                            + " give the dataset an nfs or smb entry instead");
                }
            }
            for (int i = 0; i < b.zvols.size(); i++) {
                ZvolSpec z = b.zvols.get(i);
                String p = "zvols[" + i + "]";
                checkRelative(p + ".name", z.name());
                if (!seen.add(z.name())) {
                    add(p + ".name", "listed twice: " + z.name());
                }
                if (z.size().bytes() <= 0) {
                    add(p + ".size", "a positive size");
                }
            }
        }

        private void corosync() {
            CorosyncTiming t = b.corosync;
            positive("corosync.token", t.token());
            t.consensus().ifPresent(c -> positive("corosync.consensus", c));
            positive("corosync.join", t.join());
            if (t.maxMessages() < 1) {
                add("corosync.max_messages", "at least 1; got " + t.maxMessages());
            }
            if (t.tokenCoefficient().isNegative()) {
                add("corosync.token_coefficient", "not negative");
            }
        }

        private void iscsi() {
            IscsiSettings s = b.iscsi;
            positive("iscsi.replacement_timeout", s.replacementTimeout());
            positive("iscsi.login_timeout", s.loginTimeout());
            positive("iscsi.noop_out_interval", s.noopOutInterval());
            positive("iscsi.noop_out_timeout", s.noopOutTimeout());
            if (s.replacementTimeout().toMillis() % 1000 != 0) {
                add("iscsi.replacement_timeout", "open-iscsi takes whole seconds; got " + s.replacementTimeout().toMillis() + " ms");
            }
        }

        private void fencing() {
            for (int i = 0; i < b.fencing.size(); i++) {
                Fencing f = b.fencing.get(i);
                String p = "fencing[" + i + "]";
                if (b.nodes.stream().noneMatch(n -> n.name().equals(f.node()))) {
                    add(p + ".node", "no node named '" + f.node() + "'");
                }
                if (f.agent().isBlank()) {
                    add(p + ".agent", "a fence agent is required");
                }
                positive(p + ".timeout", f.timeout());
                for (String k : f.secrets().keySet()) {
                    if (f.parameters().containsKey(k)) {
                        add(p + ".secrets." + k, "given both as a plain parameter and as a secret");
                    }
                }
            }
        }

        private void placement() {
            Placement pl = b.placement;
            if (pl == null) {
                return;
            }
            boolean storage = b.nodes.stream().anyMatch(n -> n.isStorage() && n.name().equals(pl.preferredNode()));
            if (!storage) {
                add("placement.preferred_node", "'" + pl.preferredNode() + "' is not a storage node");
            }
            positive("placement.pool_start_timeout", pl.poolStartTimeout());
            positive("placement.pool_stop_timeout", pl.poolStopTimeout());
        }

        private void namedValues(String path, Map<String, String> m, String pattern) {
            m.forEach((k, v) -> {
                if (k == null || !k.matches(pattern)) {
                    add(path + "." + k, "not a valid name (" + pattern + ")");
                }
                if (v == null || v.isBlank() || v.contains("\n")) {
                    add(path + "." + k, "a one-line value is required");
                }
            });
        }

        private void checkName(String path, String name) {
            if (name == null || !name.matches("[a-z][a-z0-9_-]{0,30}")) {
                add(path, "a lower-case name (letters, digits, '_', '-', at most 31); got '" + name + "'");
            }
        }

        private void checkVlan(String path, int id, Set<Integer> seen) {
            if (id < 1 || id > 4094) {
                add(path, "a VLAN id 1-4094; got " + id);
            } else if (!seen.add(id)) {
                add(path, "VLAN id " + id + " used twice");
            }
        }

        private void checkMtu(String path, int mtu) {
            if (mtu < 576 || mtu > 9216) {
                add(path, "an MTU 576-9216; got " + mtu);
            }
        }

        private void checkSubnet(String path, IpCidr subnet) {
            if (!(subnet.address() + "/" + subnet.prefix()).equals(subnet.network())) {
                add(path, "a subnet's network address (" + subnet.network() + "); got " + subnet);
            }
        }

        private void inSubnet(String path, IpCidr addr, IpCidr subnet) {
            if (!subnet.contains(addr.address()) || addr.prefix() != subnet.prefix()) {
                add(path, addr + " is not an address of " + subnet);
            } else if ((addr.address() + "/" + addr.prefix()).equals(subnet.network())) {
                add(path, addr + " is the subnet's network address");
            }
        }

        private void shareVlan(String path, String vlan, ClientService service) {
            ClientVlanSpec v = b.clientVlans.stream().filter(c -> c.name().equals(vlan)).findFirst().orElse(null);
            if (v == null) {
                add(path, "no client VLAN named '" + vlan + "'");
            } else if (!v.services().contains(service)) {
                add(path, "client VLAN '" + vlan + "' does not offer " + service.key() + " (its services: "
                        + v.services().stream().map(ClientService::key).toList() + ")");
            }
        }

        private void checkRelative(String path, String rel) {
            if (rel.startsWith("/") || rel.endsWith("/") || rel.isBlank()) {
                add(path, "a dataset path relative to the pool ('iscsi/hypervisor'); got '" + rel + "'");
                return;
            }
            String pool = b.pool == null ? "pool" : b.pool.name();
            try {
                ZfsName.parse(pool + "/" + rel);
            } catch (RuntimeException e) {
                add(path, "invalid dataset name '" + rel + "': " + e.getMessage());
            }
        }

        private void positive(String path, Duration d) {
            if (d.isNegative() || d.isZero()) {
                add(path, "a positive duration; got " + d);
            }
        }
    }
}
