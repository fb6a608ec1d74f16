package org.sansdk.pacemaker.design;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import org.sansdk.core.Command;
import org.sansdk.core.ValidationException;
import org.sansdk.core.Violation;
import org.sansdk.pacemaker.cib.ColocationConstraint;
import org.sansdk.pacemaker.cib.Configuration;
import org.sansdk.pacemaker.cib.Constraint;
import org.sansdk.pacemaker.cib.Group;
import org.sansdk.pacemaker.cib.LocationConstraint;
import org.sansdk.pacemaker.cib.Node;
import org.sansdk.pacemaker.cib.NvPair;
import org.sansdk.pacemaker.cib.NvSet;
import org.sansdk.pacemaker.cib.OrderConstraint;
import org.sansdk.pacemaker.cib.Primitive;
import org.sansdk.pacemaker.cib.Resource;
import org.sansdk.pacemaker.cib.ResourceAgent;
import org.sansdk.pacemaker.ops.Pcs;

/**
 * The design's Pacemaker resource set (pool → san-services group → cockpit group, fencing per storage node)
 * built from a {@link SanResourceSpec}, with the design's intent enforced — including two fixes to the design
 * document: every service group is COLOCATED with the pool (the document only orders them, so a group could start
 * on the other node), and every storage resource (pool, groups) is banned from the quorum node (the document bans only
 * san-services). Fencing devices are banned only from the node they fence: the quorum node may run them (and fence as
 * the delegate). A group without members is never rendered.
 *
 * <p>Usage: {@code Configuration conf = SanResourceSet.configuration(design);}
 */
public final class SanResourceSet {
    /** Pool resource id. */
    public static final String POOL = "zfs-pool";
    /** Service group id. */
    public static final String SERVICES = "san-services";
    /** Cockpit group id. */
    public static final String COCKPIT = "cockpit-group";

    private SanResourceSet() {
    }

    /**
     * Validates the typed input (node names, fencing agents, stickiness vs preference; the pool name is san-cluster's).
     * Usage: {@code SanResourceSet.validateDesign(design, agent -> Files.exists(Path.of("/usr/sbin", agent)))}.
     *
     * @param installedFenceAgent tells whether a fence agent is installed on the cluster nodes
     * @throws ValidationException listing every violation with its rule id
     */
    public static void validateDesign(SanResourceSpec d, Predicate<String> installedFenceAgent) {
        List<Violation> v = new ArrayList<>();
        // the pool name is a ZFS rule, checked where the design is (san-cluster's SanDesign); the resource agent
        // only passes it on (PCMK-DESIGN-001 was here)
        Set<String> names = new HashSet<>(d.storageNodes());
        boolean blank = d.quorumNode() == null || d.quorumNode().isBlank() || d.storageNodes().stream().anyMatch(n -> n == null || n.isBlank());
        if (blank || d.storageNodes().size() != 2 || names.size() != 2 || names.contains(d.quorumNode())) {
            v.add(new Violation("PCMK-DESIGN-002", "storageNodes", "need two distinct storage nodes and a different quorum node; got "
                    + d.storageNodes() + " + " + d.quorumNode()));
        }
        if (d.preferredNode() == null || !d.storageNodes().contains(d.preferredNode())) {
            v.add(new Violation("PCMK-DESIGN-003", "preferredNode", "preferred node '" + d.preferredNode() + "' is not a storage node"));
        }
        if (d.stickiness() <= d.preferenceScore()) {
            v.add(new Violation("PCMK-DESIGN-004", "stickiness", "resource-stickiness " + d.stickiness() + " must exceed the preference "
                    + d.preferenceScore() + ", otherwise resources fail back to " + d.preferredNode() + " while it resilvers"));
        }
        if (d.importTimeout().isNegative() || d.importTimeout().isZero() || d.exportTimeout().isNegative() || d.exportTimeout().isZero()) {
            v.add(new Violation("PCMK-DESIGN-005", "poolTimeouts", "import and export timeouts must be positive"));
        }
        for (int i = 0; i < d.storageNodes().size(); i++) {
            String node = d.storageNodes().get(i);
            long n = d.fencing().stream().filter(f -> f.node().equals(node)).count();
            if (node == null) {
                continue;
            }
            if (n == 0) {
                v.add(new Violation("PCMK-FENCE-001", "fencing", "no fencing device for storage node " + node + ": STONITH must be able to fence it"));
            } else if (n > 1) {
                v.add(new Violation("PCMK-FENCE-001", "fencing", "more than one fencing device for " + node + " (use a fencing topology)"));
            }
        }
        for (int i = 0; i < d.fencing().size(); i++) {
            FencingDevice f = d.fencing().get(i);
            String path = "fencing[" + i + "]";
            if (!d.storageNodes().contains(f.node())) {
                v.add(new Violation("PCMK-FENCE-003", path, "fencing device for '" + f.node() + "', which is not a storage node"));
            }
            boolean external = f.agent().startsWith("external/") && f.agent().indexOf('/', "external/".length()) < 0
                    && f.agent().length() > "external/".length();
            if (!external && !f.agent().startsWith("fence_")) {
                v.add(new Violation("PCMK-FENCE-002", path + ".agent", "'" + f.agent() + "' is neither a fence-agents agent (fence_*) "
                        + "nor a cluster-glue plugin (external/NAME)"));
            } else if (!installedFenceAgent.test(f.agent())) {
                String hint = f.agent().equals("external/smart-plug")
                        ? " (the design document's example: no such cluster-glue plugin exists; crm_resource even prints placeholder "
                          + "metadata for it and pcs then rejects its ip/plug parameters; use fence_ipmilan, a PDU agent such as "
                          + "fence_apc_snmp, or install a real smart-plug fence agent)"
                        : "";
                v.add(new Violation("PCMK-FENCE-002", path + ".agent", "fence agent '" + f.agent() + "' is not installed" + hint));
            }
            if (f.params().containsKey("pcmk_host_list")) {
                v.add(new Violation("PCMK-FENCE-004", path + ".params", "pcmk_host_list is set from the node; do not pass it"));
            }
        }
        Set<String> vipNames = new HashSet<>();
        Set<String> addrs = new HashSet<>();
        List<ClientVip> all = new ArrayList<>(d.vips());
        d.cockpit().ifPresent(all::add);
        for (int i = 0; i < all.size(); i++) {
            ClientVip c = all.get(i);
            if (!vipNames.add(c.name())) {
                v.add(new Violation("PCMK-VIP-001", "vips[" + i + "]", "duplicate VIP name " + c.name()));
            }
            if (!addrs.add(c.vip().address())) {
                v.add(new Violation("PCMK-VIP-001", "vips[" + i + "]", "duplicate VIP address " + c.vip().address()));
            }
        }
        if (d.vips().isEmpty() && d.services().isEmpty()) {
            v.add(new Violation("PCMK-VIP-002", "vips", "san-services would be empty: give at least one VIP or service"));
        }
        ValidationException.throwIfAny(v);
    }

    /**
     * Tells whether a fence agent is installed on the node an executor reaches: {@code fence_*} agents by
     * {@code crm_resource --show-metadata stonith:AGENT} (exit 0), cluster-glue {@code external/NAME} plugins by the
     * plugin file (crm_resource prints placeholder metadata with exit 0 even for plugins that do not exist).
     * Usage: {@code SanResourceSet.validateDesign(design, SanResourceSet.installedFenceAgents(executor))}.
     */
    public static Predicate<String> installedFenceAgents(org.sansdk.core.Executor executor) {
        return agent -> {
            if (agent.startsWith("external/")) {
                String name = agent.substring("external/".length());
                if (name.isEmpty() || name.contains("/") || name.startsWith(".")) {
                    return false;
                }
                return executor.run(Command.of("test", "-x", "/usr/lib/stonith/plugins/external/" + name)).exitCode() == 0;
            }
            if (!agent.matches("fence_[A-Za-z0-9_.-]+")) {
                return false;
            }
            return executor.run(Command.of("crm_resource", "--show-metadata", "stonith:" + agent)).exitCode() == 0;
        };
    }

    /**
     * The configuration section for the design (nodes with ids 1..3 in storage, storage, quorum order), checked
     * against the intent ({@link #requireIntent}) before it is returned.
     * Usage: {@code Cib cib = Cib.of(SanResourceSet.configuration(design));}
     *
     * @throws ValidationException with PCMK-INTENT-* rule ids when the input cannot give a resource set that keeps the
     *                             intent (a storage node without a fencing device, ...)
     */
    public static Configuration configuration(SanResourceSpec d) {
        return configuration(d, ServiceOrdering.GROUP);
    }

    /**
     * The configuration section for the design with the VIPs and services started as {@code ordering} says: one
     * sequential group ({@link ServiceOrdering#GROUP}, as {@link #configuration(SanResourceSpec)}) or one primitive
     * each, ordered only after what it depends on ({@link ServiceOrdering#BY_DEPENDENCY}). Either way every
     * resource is colocated with and ordered after the pool and banned from the quorum node (the intent is checked).
     * Usage: {@code SanResourceSet.configuration(spec, ServiceOrdering.BY_DEPENDENCY)}.
     *
     * @throws ValidationException as {@link #configuration(SanResourceSpec)}
     */
    public static Configuration configuration(SanResourceSpec d, ServiceOrdering ordering) {
        java.util.Objects.requireNonNull(ordering, "ordering");
        List<NvSet> props = List.of(NvSet.of("cluster_property_set", "cib-bootstrap-options",
                List.of(new NvPair("cib-bootstrap-options-stonith-enabled", "stonith-enabled", "true"))));
        List<Node> nodes = List.of(
                new Node("1", d.storageNodes().get(0), null, List.of(), List.of()),
                new Node("2", d.storageNodes().get(1), null, List.of(), List.of()),
                new Node("3", d.quorumNode(), null, List.of(), List.of()));
        List<Resource> resources = new ArrayList<>();
        List<Constraint> constraints = new ArrayList<>();
        for (FencingDevice f : d.fencing()) {
            Primitive.Builder b = Primitive.builder(f.resourceId(), new ResourceAgent("stonith", null, f.agent()));
            f.params().forEach(b::instance);
            f.secrets().forEach(b::instanceSecret);
            b.instance("pcmk_host_list", f.node());
            b.op("monitor", "60s", null);
            resources.add(b.build());
        }
        resources.add(Primitive.builder(POOL, ResourceAgent.parse("ocf:heartbeat:ZFS"))
                .instance("pool", d.poolName())
                .op("start", "0s", secs(d.importTimeout()))
                .op("stop", "0s", secs(d.exportTimeout()))
                .op("monitor", secs(d.poolMonitor()), null)
                .build());
        List<Primitive> services = new ArrayList<>();
        for (ClientVip v : d.vips()) {
            services.add(vip(v));
        }
        for (SanService s : d.orderedServices()) {
            services.add(Primitive.builder(s.resourceId(), new ResourceAgent("systemd", null, s.unit()))
                    .op("start", "0s", s.startTimeout()).op("stop", "0s", s.stopTimeout()).op("monitor", "60s", null).build());
        }
        // never an empty group: crm_verify refuses it (Relax-NG) and constraints on it would constrain nothing
        if (!services.isEmpty() && ordering == ServiceOrdering.GROUP) {
            resources.add(new Group(SERVICES, List.of(), services));
        } else {
            resources.addAll(services);
        }
        if (d.cockpit().isPresent()) {
            resources.add(new Group(COCKPIT, List.of(), List.of(vip(d.cockpit().get()),
                    Primitive.builder("cockpit-service", new ResourceAgent("systemd", null, "cockpit.socket"))
                            .op("start", "0s", "30s").op("stop", "0s", "30s").op("monitor", "60s", null).build())));
        }
        for (FencingDevice f : d.fencing()) {
            // banned only from the node it fences: the quorum node may run it (and be the fencing delegate)
            constraints.add(LocationConstraint.prefers(f.resourceId(), f.node(), "-INFINITY"));
        }
        List<String> dependents = new ArrayList<>();
        if (!services.isEmpty() && ordering == ServiceOrdering.GROUP) {
            dependents.add(SERVICES);
        } else {
            services.forEach(p -> dependents.add(p.id()));
        }
        if (d.cockpit().isPresent()) {
            dependents.add(COCKPIT);
        }
        constraints.add(LocationConstraint.unameRule(POOL, "-INFINITY", d.quorumNode()));
        for (String g : dependents) {
            constraints.add(LocationConstraint.unameRule(g, "-INFINITY", d.quorumNode()));
            constraints.add(ColocationConstraint.with(g, POOL));
            constraints.add(OrderConstraint.mandatory(POOL, g));
        }
        if (ordering == ServiceOrdering.BY_DEPENDENCY) {
            // every service listens on the VIPs (smb.conf bind interfaces only, nfs.conf [nfsd] host, the client
            // target's portals): each waits for every VIP as well, but no longer for the other services
            for (SanService s : d.orderedServices()) {
                for (ClientVip v : d.vips()) {
                    constraints.add(OrderConstraint.mandatory(v.resourceId(), s.resourceId()));
                }
            }
        }
        constraints.add(LocationConstraint.prefers(POOL, d.preferredNode(), Integer.toString(d.preferenceScore())));
        List<NvSet> rscDefaults = List.of(NvSet.of("meta_attributes", "rsc_defaults-meta_attributes",
                List.of(new NvPair("rsc_defaults-meta_attributes-resource-stickiness", "resource-stickiness", Integer.toString(d.stickiness())))));
        Configuration conf = Configuration.builder().crmConfig(props).nodes(nodes).resources(resources).constraints(constraints).rscDefaults(rscDefaults).build();
        // never hand out a resource set that breaks the intent (e.g. a storage node without a fencing device)
        requireIntent(conf, d.storageNodes(), d.quorumNode(), POOL);
        return conf;
    }

    private static Primitive vip(ClientVip v) {
        return Primitive.builder(v.resourceId(), ResourceAgent.parse("ocf:heartbeat:IPaddr2"))
                .instance("ip", v.vip().address())
                .instance("cidr_netmask", Integer.toString(v.vip().prefix()))
                .instance("nic", v.nic())
                .op("monitor", "10s", null)
                .build();
    }

    private static String secs(Duration d) {
        return d.toSeconds() + "s";
    }

    /**
     * The commands that build the design's configuration (nodes excluded: they come from corosync). With the default
     * {@link Pcs#live()}/{@link Pcs#file} factory a fencing device with a secret parameter (an IPMI password) is created
     * by {@code cibadmin --create --scope resources --xml-pipe} with its XML on stdin, never by {@code pcs stonith create
     * … password=…}; everything else is pcs. Only {@link Pcs#withSecretsOnArgv()} puts the password on pcs's argv.
     * Usage: {@code SanResourceSet.pcsCommands(design, Pcs.live())}.
     */
    public static List<Command> pcsCommands(SanResourceSpec d, Pcs pcs) {
        Configuration c = configuration(d);
        return pcs.commandsFor(c);
    }

    /**
     * The design's initial configuration as a {@link org.sansdk.core.Plan} of {@link #pcsCommands} run on one cluster
     * node (secret-safe with the default factory: no secret in any argv, secret stdin never shown).
     * Usage: {@code SanResourceSet.plan(design, "storage-a", Pcs.live()).applyTo(executor)}.
     */
    public static org.sansdk.core.Plan plan(SanResourceSpec d, String host, Pcs pcs) {
        org.sansdk.core.Plan.Builder b = org.sansdk.core.Plan.builder("Pacemaker resources for pool " + d.poolName());
        for (Command c : pcsCommands(d, pcs)) {
            String why = c.program().equals("cibadmin") ? "create a fencing device with its credentials on stdin (not on argv)"
                    : "configure the design's resources and constraints";
            b.run(host, c, why);
        }
        return b.build();
    }

    /**
     * Checks a configuration (generated, or read from a live cluster) against the design's intent.
     * Usage: {@code List<Violation> v = SanResourceSet.checkIntent(cib.configuration(), List.of("storage-a", "storage-b"), "quorum", "zfs-pool");}
     *
     * <p>Fencing devices are exempt from the quorum-node ban ({@code -005}): a device must not run on the node it
     * fences ({@code -004}); running it on the quorum node is redundancy (the quorum node can be the fencing delegate).
     *
     * @return violations with rule ids PCMK-INTENT-001..010 (empty when the intent holds)
     */
    public static List<Violation> checkIntent(Configuration conf, List<String> storageNodes, String quorumNode, String poolId) {
        List<Violation> v = new ArrayList<>();
        String stonith = conf.property("stonith-enabled").orElse("true").toLowerCase(java.util.Locale.ROOT);
        if (!(stonith.equals("true") || stonith.equals("yes") || stonith.equals("1") || stonith.equals("on") || stonith.equals("y"))) {
            v.add(new Violation("PCMK-INTENT-001", "crm_config.stonith-enabled", "STONITH is disabled (stonith-enabled=" + stonith
                    + "): Pacemaker would fail over without fencing and two nodes could import the pool"));
        }
        Optional<Resource> pool = conf.resource(poolId);
        if (pool.isEmpty()) {
            v.add(new Violation("PCMK-INTENT-002", "resources." + poolId, "no pool resource '" + poolId + "'"));
        }
        Map<String, List<Primitive>> fencersOf = new LinkedHashMap<>();
        for (Primitive p : conf.primitives()) {
            if (!p.isFencingDevice()) {
                continue;
            }
            for (String n : fencedNodes(p)) {
                fencersOf.computeIfAbsent(n, k -> new ArrayList<>()).add(p);
            }
        }
        for (String n : storageNodes) {
            List<Primitive> devs = fencersOf.getOrDefault(n, List.of());
            if (devs.isEmpty()) {
                v.add(new Violation("PCMK-INTENT-003", "resources", "no fencing device can fence " + n
                        + " (no stonith primitive lists it in pcmk_host_list or pcmk_host_map)"));
            }
            for (Primitive p : devs) {
                if (!banned(conf, p.id(), n)) {
                    v.add(new Violation("PCMK-INTENT-004", "resources." + p.id(), "fencing device " + p.id() + " fences " + n
                            + " but may run on it: add a -INFINITY location for " + n));
                }
            }
            // a device the fencer cannot use: disabled, or banned from every other storage node (the quorum node is banned too)
            List<String> others = new ArrayList<>(storageNodes);
            others.add(quorumNode);
            boolean usable = devs.stream().anyMatch(p -> !p.meta("target-role").map(r -> r.equalsIgnoreCase("Stopped")).orElse(false)
                    && others.stream().anyMatch(o -> !o.equals(n) && !banned(conf, p.id(), o)));
            if (!devs.isEmpty() && !usable) {
                v.add(new Violation("PCMK-INTENT-003", "resources", "no usable fencing device for " + n + ": "
                        + devs.stream().map(Primitive::id).toList() + " disabled (target-role=Stopped) or banned from every other node"));
            }
        }
        for (String id : conf.duplicateIds()) {
            v.add(new Violation("PCMK-INTENT-008", "resources." + id, "id " + id + " is used more than once (Pacemaker refuses the CIB; "
                    + "by-id tools act on one of them)"));
        }
        for (Primitive p : conf.primitives()) {
            if (p.agent() != null && "ZFS".equalsIgnoreCase(p.agent().type()) && p.param("pool").map(String::isBlank).orElse(true)) {
                v.add(new Violation("PCMK-INTENT-009", "resources." + p.id(), "ZFS resource " + p.id() + " (" + p.agent()
                        + ") has no 'pool' parameter: the agent cannot import anything"));
            }
        }
        for (Resource r : conf.allResources()) {
            if (r instanceof org.sansdk.pacemaker.cib.Group g && g.members().isEmpty()) {
                v.add(new Violation("PCMK-INTENT-010", "resources." + g.id(), "group " + g.id() + " has no members (crm_verify refuses an "
                        + "empty group; constraints on it constrain nothing)"));
            }
        }
        for (Resource r : conf.resources()) {
            boolean fencingDevice = r instanceof Primitive fp && fp.isFencingDevice();
            if (!fencingDevice && !banned(conf, r.id(), quorumNode)) {
                v.add(new Violation("PCMK-INTENT-005", "resources." + r.id(), r.id() + " may run on the quorum node " + quorumNode
                        + ": add a -INFINITY location (rule #uname eq " + quorumNode + ")"));
            }
            boolean fencing = r instanceof Primitive p && p.isFencingDevice();
            if (fencing || r.id().equals(poolId) || pool.isEmpty()) {
                continue;
            }
            if (!colocatedWith(conf, r.id(), poolId)) {
                v.add(new Violation("PCMK-INTENT-006", "resources." + r.id(), r.id() + " is not colocated with " + poolId
                        + " (INFINITY): it could start on the node that does not hold the pool"));
            }
            if (!orderedAfter(conf, r.id(), poolId)) {
                v.add(new Violation("PCMK-INTENT-007", "resources." + r.id(), r.id() + " is not ordered after " + poolId
                        + " (mandatory start order)"));
            }
        }
        return v;
    }

    /**
     * Like {@link #checkIntent} but throws. Usage: {@code SanResourceSet.requireIntent(conf, nodes, "quorum", "zfs-pool")}.
     *
     * @throws ValidationException when any intent rule is broken
     */
    public static void requireIntent(Configuration conf, List<String> storageNodes, String quorumNode, String poolId) {
        ValidationException.throwIfAny(checkIntent(conf, storageNodes, quorumNode, poolId));
    }

    /** Nodes a fencing primitive declares it can fence. Usage: {@code SanResourceSet.fencedNodes(p)}. */
    public static Set<String> fencedNodes(Primitive p) {
        Set<String> out = new java.util.LinkedHashSet<>();
        p.param("pcmk_host_list").ifPresent(s -> {
            for (String n : s.split("[\\s,;]+")) {
                if (!n.isEmpty()) {
                    out.add(n);
                }
            }
        });
        p.param("pcmk_host_map").ifPresent(s -> {
            for (String pair : s.split("[\\s,;]+")) {
                int colon = pair.indexOf(':');
                if (colon > 0) {
                    out.add(pair.substring(0, colon));
                }
            }
        });
        return out;
    }

    private static boolean isMinusInfinity(String score) {
        return score != null && (score.equals("-INFINITY") || score.equals("-inf") || score.equals("-infinity"));
    }

    private static boolean banned(Configuration conf, String rsc, String node) {
        for (LocationConstraint l : conf.constraints(LocationConstraint.class)) {
            if (!rsc.equals(l.rsc()) || l.role() != null) {
                continue;
            }
            if (node.equals(l.node()) && isMinusInfinity(l.score())) {
                return true;
            }
            for (org.sansdk.pacemaker.cib.Rule r : l.rules()) {
                if (isMinusInfinity(r.score()) && r.expressions().size() == 1
                        && r.expressions().get(0) instanceof org.sansdk.pacemaker.cib.AttributeExpression e
                        && "#uname".equals(e.attribute()) && "eq".equals(e.operation()) && node.equals(e.value())) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean colocatedWith(Configuration conf, String rsc, String pool) {
        for (ColocationConstraint c : conf.constraints(ColocationConstraint.class)) {
            String score = c.score() == null ? "INFINITY" : c.score();
            if (rsc.equals(c.rsc()) && pool.equals(c.withRsc()) && (score.equals("INFINITY") || score.equals("+INFINITY"))
                    && c.rscRole() == null && c.withRscRole() == null) {
                return true;
            }
        }
        return false;
    }

    private static boolean orderedAfter(Configuration conf, String rsc, String pool) {
        for (OrderConstraint o : conf.constraints(OrderConstraint.class)) {
            boolean startToStart = (o.firstAction() == null || o.firstAction().equals("start"))
                    && (o.thenAction() == null || o.thenAction().equals("start"));
            if (pool.equals(o.first()) && rsc.equals(o.then()) && startToStart && o.effectiveKind().equals("Mandatory")) {
                return true;
            }
        }
        return false;
    }
}
