package org.sansdk.lab;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.sansdk.cluster.design.ClientService;
import org.sansdk.cluster.design.ClientVlanSpec;
import org.sansdk.cluster.design.CorosyncTiming;
import org.sansdk.cluster.design.DatasetSpec;
import org.sansdk.cluster.design.Disk;
import org.sansdk.cluster.design.Fencing;
import org.sansdk.cluster.design.IscsiSettings;
import org.sansdk.cluster.design.Network;
import org.sansdk.cluster.design.Node;
import org.sansdk.cluster.design.NodeRole;
import org.sansdk.cluster.design.Placement;
import org.sansdk.cluster.design.Pool;
import org.sansdk.cluster.design.SanDesign;
import org.sansdk.cluster.map.DesignMapping;
import org.sansdk.core.IpCidr;
import org.sansdk.core.Iqn;
import org.sansdk.corosync.CorosyncConfWriter;
import org.sansdk.pacemaker.cib.Configuration;
import org.sansdk.pacemaker.cib.Group;
import org.sansdk.pacemaker.cib.NvPair;
import org.sansdk.pacemaker.cib.NvSet;
import org.sansdk.pacemaker.cib.Primitive;
import org.sansdk.pacemaker.cib.Resource;
import org.sansdk.pacemaker.cib.ResourceAgent;
import org.sansdk.zfs.HostId;

/**
 * A design the lab can run: a {@link SanDesign} whose corosync.conf and CIB come from san-cluster's
 * {@link DesignMapping}, with {@code ocf:pacemaker:Dummy} in place of every agent that needs hardware (ZFS,
 * IPaddr2, systemd units) and {@code fence_dummy} as the fencing agent. Constraints, placement, stickiness and
 * the fencing topology are exactly the rendered ones.
 *
 * <p>{@link #withRealPool()} is the variant whose pool follows failover: {@code zfs-pool} runs the real
 * {@code ocf:heartbeat:ZFS} agent against a zfs-fuse in each storage node, and the lab's fencing agent really stops the
 * fenced node (see {@link PoolMode#REAL}).
 *
 * <pre>{@code try (Lab lab = Lab.start(LabDesign.standard())) { ... }}</pre>
 *
 * @param design   the design (three nodes, every node on the same corosync links)
 * @param poolMode whether the pool and fencing are stand-ins ({@link PoolMode#STAND_IN}, the standard lab) or real
 */
public record LabDesign(SanDesign design, PoolMode poolMode) {
    /**
     * How the lab runs the pool resource and fencing. Usage: {@code LabDesign.standard().withRealPool().poolMode()}.
     */
    public enum PoolMode {
        /**
         * The standard lab: every hardware agent (the pool's {@code ocf:heartbeat:ZFS} included) is {@link LabDesign#STAND_IN}, the
         * zfs-fuse pool lives in storage-a only, {@value LabDesign#FENCE_AGENT} is fence-agents' test agent (success, nothing done).
         */
        STAND_IN,
        /**
         * {@code zfs-pool} is the real {@code ocf:heartbeat:ZFS} (importing with {@code -d <pool directory>} through the
         * node's own zfs-fuse; both storage nodes run one); the pool is created once and exported before Pacemaker starts;
         * {@value LabDesign#FENCE_AGENT} inside the nodes' mount namespaces is the lab's own agent, which
         * SIGKILLs every process in the fenced node's network namespace.
         */
        REAL
    }

    /** The standard lab's mode for a design. Usage: {@code new LabDesign(design)}. */
    public LabDesign(SanDesign design) {
        this(design, PoolMode.STAND_IN);
    }
    /** The fencing agent every lab design uses: it "fences" by reporting success (fence-agents' test agent). */
    public static final String FENCE_AGENT = "fence_dummy";
    /** The agent that stands in for agents the lab cannot run. */
    public static final ResourceAgent STAND_IN = ResourceAgent.parse("ocf:pacemaker:Dummy");

    /** Checks the design has three nodes and fences with {@value #FENCE_AGENT}. */
    public LabDesign {
        Objects.requireNonNull(design, "design");
        Objects.requireNonNull(poolMode, "poolMode");
        if (design.nodes().size() != 3 || design.quorumNode().isEmpty()) {
            throw new LabException("a lab design has two storage nodes and a quorum node; got " + design.nodes().size() + " nodes");
        }
        for (Fencing f : design.fencing()) {
            if (!f.agent().equals(FENCE_AGENT)) {
                throw new LabException("fencing of " + f.node() + ": the lab fences with " + FENCE_AGENT + ", not " + f.agent());
            }
        }
        List<String> links = design.nodes().get(0).corosyncLinks();
        for (Node n : design.nodes()) {
            if (!n.corosyncLinks().equals(links)) {
                throw new LabException("node " + n.name() + ": every lab node is on the same corosync links " + links + "; got "
                        + n.corosyncLinks());
            }
        }
    }

    /**
     * The standard lab: storage-a (node 1), storage-b (2), quorum (3) on two corosync links (management
     * 10.99.20.0/24 and storage 10.99.10.0/24, both only inside the lab's namespaces), token 3000 ms, an enduser VLAN
     * with NFS and SMB, pool {@code lab-pool} preferred on storage-a, fence_dummy per storage node.
     * Usage: {@code LabDesign.standard()}.
     */
    public static LabDesign standard() {
        return new LabDesign(standardBuilder().build());
    }

    /**
     * The standard lab whose fencing always FAILS: both fence_dummy devices with {@code type=fail} (fence-agents' test
     * agent then reports "Timed out waiting to power OFF"; {@code power_timeout=3} makes each try take 3 s instead of
     * 20 s, and the fencer gives up after {@code pcmk_reboot_timeout} 10 s instead of the standard lab's 60 s), so a
     * crashed node stays UNCLEAN and its resources run nowhere. Usage: {@code Lab.start(LabDesign.failingFence())}.
     */
    public static LabDesign failingFence() {
        List<Fencing> failing = new ArrayList<>();
        for (String n : List.of("storage-a", "storage-b")) {
            failing.add(new Fencing(n, FENCE_AGENT, Map.of("type", "fail", "power_timeout", "3"), Map.of(), Duration.ofSeconds(10)));
        }
        return new LabDesign(standardBuilder().fencing(failing).build());
    }

    /**
     * This design with the pool and fencing made real ({@link PoolMode#REAL}): the pool follows failover and a fenced
     * node's processes are gone. Usage: {@code Lab.start(LabDesign.standard().withRealPool())}.
     */
    public LabDesign withRealPool() {
        return new LabDesign(design, PoolMode.REAL);
    }

    /** The builder of {@link #standard()}, to vary it. Usage: {@code LabDesign.standardBuilder().clusterName("x").build()}. */
    public static SanDesign.Builder standardBuilder() {
        SanDesign.Builder b = SanDesign.builder().clusterName("san-lab")
                .network(new Network("management", 20, IpCidr.parse("10.99.20.0/24"), 1500))
                .network(new Network("storage", 10, IpCidr.parse("10.99.10.0/24"), 1500))
                .clientVlan(ClientVlanSpec.builder("enduser", 30).subnet("10.99.30.0/24").mtu(1500).vip("10.99.30.10/24")
                        .services(ClientService.NFS, ClientService.SMB).build());
        for (String x : List.of("a", "b")) {
            int i = x.equals("a") ? 1 : 2;
            Node.Builder n = Node.builder("storage-" + x, NodeRole.STORAGE).nodeId(i).hostId(new HostId(0x5a1ab000L + i))
                    .address("management", "10.99.20." + i + "/24").address("storage", "10.99.10." + i + "/24")
                    .address("enduser", "10.99.30." + i + "/24")
                    .corosyncLinks("management", "storage")
                    .backendTargetIqn(Iqn.parse("iqn.2025-01.lab.san:storage-" + x))
                    .initiatorIqn(Iqn.parse("iqn.2025-01.lab.san:initiator-" + x));
            for (int d = 0; d < 2; d++) {
                n.disk(new Disk("/dev/disk/by-id/lab-" + x + "-" + d, "data-" + x + "-" + d));
            }
            b.node(n.build());
            b.fencing(new Fencing("storage-" + x, FENCE_AGENT, Map.of(), Map.of(), Duration.ofSeconds(60)));
        }
        b.node(Node.builder("quorum", NodeRole.QUORUM).nodeId(3).address("management", "10.99.20.3/24")
                .address("storage", "10.99.10.3/24").corosyncLinks("management", "storage").build());
        return b.pool(new Pool("lab-pool", Map.of(), Map.of()))
                .dataset(new DatasetSpec("share", Map.of()))
                .corosync(new CorosyncTiming(Duration.ofMillis(3000), Optional.empty(), Duration.ofMillis(1000), 20,
                        Duration.ofMillis(650)))
                .iscsi(new IscsiSettings(Optional.empty(), Duration.ofSeconds(5), Duration.ofSeconds(10), Duration.ofSeconds(2),
                        Duration.ofSeconds(2), Optional.empty()))
                .placement(new Placement("storage-a", 100, 200, Duration.ofSeconds(150), Duration.ofSeconds(90)));
    }

    /** The node names in corosync node-id order. Usage: {@code d.nodeNames()}. */
    public List<String> nodeNames() {
        return design.nodes().stream().sorted(java.util.Comparator.comparingInt(Node::nodeId)).map(Node::name).toList();
    }

    /** The corosync link networks, in link order. Usage: {@code d.links()}. */
    public List<String> links() {
        return design.nodes().get(0).corosyncLinks();
    }

    /** The node's address (without prefix) on a network. Usage: {@code d.address("quorum", "storage")}. */
    public String address(String node, String network) {
        return cidr(node, network).address();
    }

    /** The node's address with its prefix on a network. Usage: {@code d.cidr("quorum", "storage")}. */
    public IpCidr cidr(String node, String network) {
        Node n = design.node(node).orElseThrow(() -> new LabException("no node " + node + " in the lab design"));
        return n.address(network).orElseThrow(() -> new LabException("node " + node + " has no address on " + network));
    }

    /** corosync.conf exactly as san-cluster renders it for the design. Usage: {@code d.corosyncConf()}. */
    public String corosyncConf() {
        return CorosyncConfWriter.render(DesignMapping.of(design).corosync());
    }

    /**
     * The CIB configuration san-cluster renders for the design, every non-fencing primitive replaced by
     * {@link #STAND_IN} with the same id, meta attributes and monitor operations; fencing devices, groups and
     * constraints untouched. With {@link PoolMode#REAL} the {@code ocf:heartbeat:ZFS} primitive stays as rendered (a
     * running lab adds {@code importargs=-d <its pool directory>}). Usage: {@code CibWriter.configurationXml(d.cibConfiguration())}.
     */
    public Configuration cibConfiguration() {
        return cibConfiguration(null);
    }

    /** {@link #cibConfiguration()} with, in {@link PoolMode#REAL}, the ZFS agent's {@code importargs=-d poolDir}. */
    Configuration cibConfiguration(Path poolDir) {
        Configuration c = DesignMapping.of(design).pacemakerConfiguration();
        List<Resource> rs = new ArrayList<>();
        for (Resource r : c.resources()) {
            if (r instanceof Primitive p) {
                rs.add(labPrimitive(p, poolDir));
            } else if (r instanceof Group g) {
                rs.add(new Group(g.id(), g.metaAttributes(), g.members().stream().map(m -> labPrimitive(m, poolDir)).toList()));
            } else {
                throw new LabException("resource " + r.id() + ": the lab has no stand-in for a " + r.getClass().getSimpleName());
            }
        }
        return c.toBuilder().resources(rs).build();
    }

    /** The ids of the primitives that are not fencing devices (the services), in CIB order. Usage: {@code d.services()}. */
    public List<String> services() {
        List<String> out = new ArrayList<>();
        for (Resource r : cibConfiguration().resources()) {
            if (r instanceof Primitive p && !p.isFencingDevice()) {
                out.add(p.id());
            } else if (r instanceof Group g) {
                g.members().forEach(m -> out.add(m.id()));
            }
        }
        return out;
    }

    private Primitive labPrimitive(Primitive p, Path poolDir) {
        if (poolMode == PoolMode.REAL && isZfs(p)) {
            if (poolDir == null) {
                return p;
            }
            List<NvSet> ia = new ArrayList<>();
            for (NvSet s : p.instanceAttributes()) {
                List<NvPair> pairs = new ArrayList<>(s.pairs().stream().filter(x -> !x.name().equals("importargs")).toList());
                pairs.add(new NvPair(s.id() + "-importargs", "importargs", "-d " + poolDir));
                ia.add(new NvSet(s.kind(), s.id(), s.idRef(), s.score(), s.rule(), pairs));
            }
            return new Primitive(p.id(), p.agent(), p.template(), p.description(), ia, p.metaAttributes(), p.utilization(),
                    p.operations(), p.unknown(), p.operationsAttributes());
        }
        return standIn(p);
    }

    /** Whether the primitive runs the ZFS pool agent ({@code ocf:heartbeat:ZFS}). */
    static boolean isZfs(Primitive p) {
        return p.agent() != null && "ocf".equals(p.agent().standard()) && "ZFS".equals(p.agent().type());
    }

    private static Primitive standIn(Primitive p) {
        if (p.isFencingDevice()) {
            return p;
        }
        return new Primitive(p.id(), STAND_IN, null, null, List.of(), p.metaAttributes(), List.of(),
                p.operations().stream().filter(o -> o.name().equals("monitor")).toList(), List.of());
    }
}
