package org.sansdk.lab;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.sansdk.cluster.NodeCapabilities;
import org.sansdk.cluster.SanCluster;
import org.sansdk.core.Command;
import org.sansdk.core.Executor;
import org.sansdk.core.CommandResult;
import org.sansdk.core.testing.RealTools;
import org.sansdk.core.testing.TestExecutors;
import org.sansdk.corosync.CorosyncAuthKey;
import org.sansdk.corosync.QuorumStatus;
import org.sansdk.pacemaker.cib.Cib;
import org.sansdk.pacemaker.cib.CibWriter;
import org.sansdk.pacemaker.cib.Configuration;
import org.sansdk.pacemaker.cib.NvPair;
import org.sansdk.pacemaker.cib.NvSet;
import org.sansdk.pacemaker.ops.SettleResult;
import org.sansdk.pacemaker.status.ClusterStatus;

/**
 * A real three-node Pacemaker/Corosync cluster on this machine: one network namespace per node of a
 * {@link LabDesign} ({@code sanlab-<id>-<node>}), one more ({@code sanlab-<id>-sw}) holding one bridge per corosync
 * link, the corosync.conf and CIB san-cluster renders for the design, a fresh authkey, corosync + pacemakerd per node.
 * {@link #start} returns when corosync has quorum 3/3, every node is online in Pacemaker, the design's CIB is loaded
 * and the cluster has settled, each within a bound; then a zfs-fuse pool of file vdevs is created ({@link #pool()}).
 * <p>
 * {@link #close()} kills every process in the lab's namespaces, deletes the namespaces, libqb's {@code /dev/shm}
 * files of those processes and the lab directory; a JVM shutdown hook does the same when the JVM stops first. A lab
 * whose JVM was killed ({@code SIGKILL}) is reaped by the next {@link #start} (or {@code scripts/lab down}): every lab
 * directory records its owner's PID and its namespaces.
 *
 * <pre>{@code try (Lab lab = Lab.start(LabDesign.standard())) { lab.node("storage-b").pacemaker().status(); }}</pre>
 */
public final class Lab implements AutoCloseable {
    /** Prefix of every lab namespace. */
    public static final String PREFIX = "sanlab-";
    /** The state file in each lab directory: {@code owner=PID} and one {@code netns=NAME} line per namespace. */
    public static final String STATE_FILE = "lab.state";

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Duration QUORUM_BOUND = Duration.ofSeconds(120);
    private static final Duration ONLINE_BOUND = Duration.ofSeconds(120);
    private static final Duration SETTLE_BOUND = Duration.ofSeconds(120);

    private final String id;
    private final Path dir;
    private final LabDesign design;
    private final List<String> namespaces = new ArrayList<>();
    private final Map<String, LabNode> nodes = new LinkedHashMap<>();
    private final Set<Long> pids = new TreeSet<>();
    private final Set<String> netnsInodes = new TreeSet<>();
    private final Map<String, Duration> startTimes = new LinkedHashMap<>();
    private final Thread hook;
    private LabPool pool;
    private Map<String, List<Path>> realLegs;
    private Path fenceAgent;
    private SanCluster cluster;
    private boolean closed;

    private Lab(String id, Path dir, LabDesign design) {
        this.id = id;
        this.dir = dir;
        this.design = design;
        this.hook = new Thread(this::closeQuietly, "san-lab-" + id + "-cleanup");
    }

    /** The directory under which every lab lives ({@code <java.io.tmpdir>/san-lab}). Usage: {@code Lab.baseDirectory()}. */
    public static Path baseDirectory() {
        return Path.of(System.getProperty("java.io.tmpdir"), "san-lab");
    }

    /**
     * Requires root and the programs a lab runs: skips the calling test, or fails it under
     * {@code SAN_REAL_TOOLS=required}. Usage: {@code Lab.requireTools()}.
     */
    public static void requireTools() {
        RealTools.requireRoot();
        RealTools.require("corosync", "pacemakerd", "nsenter", "unshare", "ip", "setsid", "fence_dummy", "crm_mon", "stonith_admin",
                "crm_resource", "cibadmin", "corosync-quorumtool", "corosync-cfgtool", "zfs-fuse", "zpool");
        RealTools.requireDevice("/dev/fuse");
    }

    /**
     * Starts a lab for the design; on any failure tears down what did start and throws.
     * Usage: {@code try (Lab lab = Lab.start(LabDesign.standard())) { ... }}.
     *
     * @throws LabException when a step fails or a bound passes, with the nodes' log tails
     */
    public static Lab start(LabDesign design) {
        reapStale();
        byte[] b = new byte[3];
        RANDOM.nextBytes(b);
        String id = HexFormat.of().formatHex(b);
        Path dir = baseDirectory().resolve(id);
        Lab lab = new Lab(id, dir, design);
        try {
            Files.createDirectories(dir);
            lab.writeState("owner=" + ProcessHandle.current().pid());
            Runtime.getRuntime().addShutdownHook(lab.hook);
            lab.phase("network", lab::network);
            if (design.poolMode() == LabDesign.PoolMode.REAL) {
                lab.phase("pool created and exported", lab::realPoolAndFencing);
            }
            lab.phase("corosync and pacemakerd started", lab::startNodes);
            lab.phase("quorum", lab::awaitQuorum);
            lab.phase("online with a DC", lab::awaitOnline);
            lab.phase("configuration loaded", lab::loadCib);
            lab.phase("settled", lab::awaitSettled);
            if (design.poolMode() == LabDesign.PoolMode.REAL) {
                Map<String, LabNode> storage = new LinkedHashMap<>();
                design.design().storageNodes().forEach(n -> storage.put(n.name(), lab.node(n.name())));
                lab.pool = LabPool.real(design, lab.realLegs, storage);
            } else {
                lab.phase("pool", () -> lab.pool = LabPool.create(design, lab.first(), dir.resolve("pool")));
            }
            return lab;
        } catch (IOException e) {
            lab.closeQuietly();
            throw new LabException("lab " + id + ": " + e.getMessage(), e);
        } catch (RuntimeException | Error e) {
            lab.closeQuietly();
            throw e;
        }
    }

    private interface Phase {
        void run() throws IOException;
    }

    private void phase(String name, Phase p) throws IOException {
        long t = System.nanoTime();
        p.run();
        startTimes.put(name, Duration.ofNanos(System.nanoTime() - t));
    }

    /**
     * How long each phase of {@link #start} took, in order (network, corosync and pacemakerd started, quorum, online with
     * a DC, configuration loaded, settled, pool; with the real pool "pool created and exported" after network, and no
     * pool phase at the end). Usage: {@code lab.startTimes().values().stream().reduce(Duration::plus)}.
     */
    public Map<String, Duration> startTimes() {
        return java.util.Collections.unmodifiableMap(startTimes);
    }

    private void writeState(String line) throws IOException {
        Files.writeString(dir.resolve(STATE_FILE), line + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }

    private String addNamespace(String suffix) throws IOException {
        String name = PREFIX + id + "-" + suffix;
        // recorded before it exists: a JVM killed between the two still leaves the name for reapStale
        writeState("netns=" + name);
        namespaces.add(name);
        run(Command.of("ip", "netns", "add", name));
        run(Command.of("ip", "netns", "exec", name, "ip", "link", "set", "lo", "up"));
        netnsInodes.add(Long.toString((Long) Files.getAttribute(Path.of("/run/netns", name), "unix:ino")));
        return name;
    }

    private static CommandResult run(Command c) {
        return TestExecutors.local().runChecked(c);
    }

    /** The switch namespace with one bridge per link, each node's namespace with one veth per link into it. */
    private void network() throws IOException {
        String sw = addNamespace("sw");
        List<String> links = design.links();
        for (int l = 0; l < links.size(); l++) {
            run(Command.of("ip", "-n", sw, "link", "add", "br" + l, "type", "bridge"));
            run(Command.of("ip", "-n", sw, "link", "set", "br" + l, "up"));
        }
        for (String node : design.nodeNames()) {
            String ns = addNamespace(node);
            for (int l = 0; l < links.size(); l++) {
                String inside = "link" + l;
                String port = shortName(node) + "-l" + l;
                // created directly in the two namespaces: no interface name ever exists in the host namespace
                run(Command.of("ip", "link", "add", inside, "netns", ns, "type", "veth", "peer", "name", port, "netns", sw));
                run(Command.of("ip", "-n", sw, "link", "set", port, "master", "br" + l));
                run(Command.of("ip", "-n", sw, "link", "set", port, "up"));
                run(Command.of("ip", "-n", ns, "addr", "add", design.cidr(node, links.get(l)).toString(), "dev", inside));
                run(Command.of("ip", "-n", ns, "link", "set", inside, "up"));
            }
        }
    }

    private String shortName(String node) {
        int i = design.nodeNames().indexOf(node);
        return "n" + (i + 1);
    }

    /**
     * The real pool's preparation ({@link LabDesign.PoolMode#REAL}): the fencing agent's targets file (each node's
     * network namespace inode) and script, then the pool created in the first storage node's namespace and exported.
     */
    private void realPoolAndFencing() throws IOException {
        Map<String, Long> inodes = new LinkedHashMap<>();
        for (String node : design.nodeNames()) {
            inodes.put(node, (Long) Files.getAttribute(Path.of("/run/netns", PREFIX + id + "-" + node), "unix:ino"));
        }
        fenceAgent = LabFenceAgent.write(dir, inodes);
        String first = design.design().storageNodes().get(0).name();
        realLegs = LabPool.createExported(design, first, PREFIX + id + "-" + first, poolDirectory(), dir.resolve("pool-create.log"));
    }

    /** The directory of the pool's file vdevs. */
    private Path poolDirectory() {
        return dir.resolve("pool");
    }

    private void startNodes() throws IOException {
        String conf = design.corosyncConf();
        byte[] key = CorosyncAuthKey.generate().bytes();
        String cib = seedCib(design, poolDirectory());
        for (String node : design.nodeNames()) {
            LabNode n = LabNode.prepare(node, PREFIX + id + "-" + node, dir.resolve(node), conf, key, cib);
            if (design.poolMode() == LabDesign.PoolMode.REAL) {
                n.realPool(fenceAgent, design.design().storageNodes().stream().anyMatch(x -> x.name().equals(node)));
            }
            nodes.put(node, n);
        }
        // all three at once: each inner script waits a second between corosync and pacemakerd
        for (LabNode n : nodes.values()) {
            n.start();
        }
        for (LabNode n : nodes.values()) {
            n.awaitStarted();
            n.replay(design);
        }
    }

    /** Pacemaker's default dc-deadtime is 20 s: every node waits that long for a DC before an election at start. */
    static final String SEED_DC_DEADTIME = "2s";

    /**
     * The CIB each node starts from: the design's rendered configuration (the one {@link #loadCib()} loads afterwards)
     * with {@code dc-deadtime} {@value #SEED_DC_DEADTIME} added to the cluster options, so the nodes, which start within
     * a second of each other, elect a DC at once instead of waiting Pacemaker's default 20 s. The configuration
     * {@link #loadCib()} loads replaces it, dc-deadtime included; only the start is shortened.
     */
    static String seedCib(LabDesign design) {
        return seedCib(design, null);
    }

    /** {@link #seedCib(LabDesign)} with the real pool's directory (null in the standard lab). */
    static String seedCib(LabDesign design, Path poolDir) {
        Configuration c = design.cibConfiguration(poolDir);
        List<NvSet> sets = new ArrayList<>();
        boolean added = false;
        for (NvSet s : c.crmConfig()) {
            if (!added && s.id().equals("cib-bootstrap-options")) {
                List<NvPair> pairs = new ArrayList<>(s.pairs());
                pairs.add(new NvPair("cib-bootstrap-options-dc-deadtime", "dc-deadtime", SEED_DC_DEADTIME));
                sets.add(new NvSet(s.kind(), s.id(), s.idRef(), s.score(), s.rule(), pairs));
                added = true;
            } else {
                sets.add(s);
            }
        }
        if (!added) {
            sets.add(NvSet.of("cluster_property_set", "cib-bootstrap-options",
                    List.of(new NvPair("cib-bootstrap-options-dc-deadtime", "dc-deadtime", SEED_DC_DEADTIME))));
        }
        return CibWriter.toXml(Cib.of(c.toBuilder().crmConfig(sets).build()));
    }

    private LabNode first() {
        return nodes.values().iterator().next();
    }

    private void awaitQuorum() {
        int want = design.nodeNames().size();
        await("corosync quorum " + want + "/" + want, QUORUM_BOUND, () -> {
            for (LabNode n : nodes.values()) {
                QuorumStatus q = n.corosync().quorum();
                if (!q.quorate() || q.totalVotes() != want || q.members().size() != want) {
                    return false;
                }
            }
            return true;
        });
    }

    private void awaitOnline() {
        await("every node online in Pacemaker with a DC", ONLINE_BOUND, () -> {
            ClusterStatus s = first().statusOrNull();
            return s != null && s.summary().map(x -> x.dcPresent()).orElse(false)
                    && design.nodeNames().stream().allMatch(n -> s.node(n).map(x -> x.online()).orElse(false));
        });
    }

    /** Replaces the configuration section with the one san-cluster renders for the design (stand-ins for hardware). */
    private void loadCib() {
        String xml = CibWriter.configurationXml(design.cibConfiguration(poolDirectory()));
        Command c = Command.builder("cibadmin").args("--replace", "--scope", "configuration", "--xml-pipe").stdin(xml).build();
        CommandResult r = first().executor().run(c);
        if (r.exitCode() != 0) {
            throw new LabException("cibadmin --replace of the rendered configuration exited " + r.exitCode() + ": " + r.stderr() + r.stdout());
        }
    }

    private void awaitSettled() {
        await("every service started", SETTLE_BOUND, () -> {
            ClusterStatus s = first().statusOrNull();
            return s != null && design.services().stream().allMatch(r -> s.runningOn(r).size() == 1);
        });
        SettleResult r = first().pacemaker().waitForSettle(SETTLE_BOUND);
        if (r.outcome() != SettleResult.Outcome.SETTLED) {
            throw new LabException("the cluster did not settle within " + SETTLE_BOUND.toSeconds() + " s: " + r + logs());
        }
    }

    private interface Check {
        boolean ok();
    }

    private void await(String what, Duration bound, Check check) {
        long deadline = System.nanoTime() + bound.toNanos();
        RuntimeException last = null;
        while (System.nanoTime() < deadline) {
            try {
                if (check.ok()) {
                    return;
                }
                last = null;
            } catch (RuntimeException e) {
                // a tool that cannot answer yet (no IPC socket, not quorate): retried until the bound
                last = e;
            }
            LabNode.sleep(250);
        }
        throw new LabException("lab " + id + ": no " + what + " within " + bound.toSeconds() + " s" + (last == null ? "" : " (last: " + last + ")")
                + logs());
    }

    /**
     * Waits (bounded) until {@code ok} holds for the status {@code from} shows; returns that status.
     * Usage: {@code lab.awaitStatus("storage-b", s -> s.runningOn("zfs-pool").equals(List.of("storage-b")), Duration.ofSeconds(60))}.
     *
     * @throws LabException with the last status seen when the bound passes
     */
    public ClusterStatus awaitStatus(String from, Predicate<ClusterStatus> ok, Duration bound) {
        LabNode n = node(from);
        long deadline = System.nanoTime() + bound.toNanos();
        ClusterStatus last = null;
        while (System.nanoTime() < deadline) {
            last = n.statusOrNull();
            if (last != null && ok.test(last)) {
                return last;
            }
            LabNode.sleep(1000);
        }
        throw new LabException("lab " + id + ": the expected state was not seen from " + from + " within " + bound.toSeconds()
                + " s; last status: " + last);
    }

    private String logs() {
        StringBuilder b = new StringBuilder();
        nodes.values().forEach(n -> b.append(n.logs()));
        return b.toString();
    }

    /**
     * The lab's zfs-fuse pool of file vdevs (held by the first storage node's zfs-fuse and not moved on failover in the
     * standard lab; imported by Pacemaker's ZFS agent where {@code zfs-pool} runs with {@link LabDesign#withRealPool()}).
     * Usage: {@code lab.pool().status().state()}.
     */
    public LabPool pool() {
        return pool;
    }

    /**
     * The {@link SanCluster} over the lab's nodes: each node's {@link LabNode#clusterExecutor()} (real tools, iSCSI
     * sessions and LIO replayed), the capabilities probed once through them and passed as known. Usage:
     * {@code lab.cluster().plannedFailover("storage-b")}.
     */
    public synchronized SanCluster cluster() {
        if (cluster == null) {
            Map<String, Executor> executors = new LinkedHashMap<>();
            nodes.forEach((name, n) -> executors.put(name, n.clusterExecutor()));
            Map<String, NodeCapabilities> caps = SanCluster.of(design.design(), executors).capabilities();
            cluster = SanCluster.of(design.design(), executors, caps);
        }
        return cluster;
    }

    /** The lab's id (6 hex digits, part of every namespace name). Usage: {@code lab.id()}. */
    public String id() {
        return id;
    }

    /** The lab directory. Usage: {@code lab.directory()}. */
    public Path directory() {
        return dir;
    }

    /** The design the lab runs. Usage: {@code lab.design().services()}. */
    public LabDesign design() {
        return design;
    }

    /** The lab's network namespaces (the switch first). Usage: {@code lab.namespaces()}. */
    public List<String> namespaces() {
        return List.copyOf(namespaces);
    }

    /** The nodes in node-id order. Usage: {@code lab.nodes()}. */
    public List<LabNode> nodes() {
        return List.copyOf(nodes.values());
    }

    /** One node by name. Usage: {@code lab.node("quorum")}. */
    public LabNode node(String name) {
        LabNode n = nodes.get(name);
        if (n == null) {
            throw new LabException("no node " + name + " in lab " + id + " (nodes: " + nodes.keySet() + ")");
        }
        return n;
    }

    /** The PIDs now in a network namespace ({@code ip netns pids}). Usage: {@code Lab.netnsPids("sanlab-0a1b2c-quorum")}. */
    public static List<Long> netnsPids(String netns) {
        CommandResult r = TestExecutors.local().run(Command.of("ip", "netns", "pids", netns));
        return r.stdout().lines().map(String::trim).filter(x -> x.matches("[0-9]+")).map(Long::parseLong).toList();
    }

    /**
     * Tears the lab down: every process in its namespaces killed (SIGKILL: nothing of the lab needs a clean stop),
     * the namespaces deleted, libqb's /dev/shm files of those processes and the lab directory removed. Idempotent;
     * a problem is reported on stderr, never thrown. Usage: {@code lab.close()} (or try-with-resources).
     */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        for (String problem : teardown(dir, namespaces, pids)) {
            System.err.println("lab " + id + ": " + problem);
        }
        if (Thread.currentThread() != hook) {
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException e) {
                // the JVM is shutting down already: the hook runs (or ran) this same idempotent close
            }
        }
    }

    private void closeQuietly() {
        try {
            close();
        } catch (RuntimeException e) {
            System.err.println("lab " + id + ": cleanup failed: " + e);
        }
    }

    /** Kills, deletes and removes; returns the problems met (empty when all went). */
    private static List<String> teardown(Path dir, List<String> netns, Set<Long> seen) {
        List<String> problems = new ArrayList<>();
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (true) {
            List<Long> left = new ArrayList<>();
            for (String ns : netns) {
                left.addAll(netnsPids(ns));
            }
            seen.addAll(left);
            if (left.isEmpty()) {
                break;
            }
            if (System.nanoTime() > deadline) {
                problems.add("processes still running after 30 s: " + left);
                break;
            }
            for (long p : left) {
                TestExecutors.local().run(Command.of("kill", "-KILL", Long.toString(p)));
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                problems.add("interrupted while killing the lab's processes");
                break;
            }
        }
        // killed processes stay zombies until their parent (the JVM, or init for re-parented ones) reaps them: wait
        // (bounded) until every one is gone from /proc, so "no process left" holds when close() returns
        long reapDeadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        List<Long> unreaped = existing(seen);
        while (!unreaped.isEmpty() && System.nanoTime() < reapDeadline) {
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            unreaped = existing(seen);
        }
        if (!unreaped.isEmpty()) {
            problems.add("processes not reaped after 15 s: " + unreaped);
        }
        for (String ns : netns) {
            if (Files.exists(Path.of("/run/netns", ns))) {
                CommandResult r = TestExecutors.local().run(Command.of("ip", "netns", "delete", ns));
                if (r.exitCode() != 0) {
                    problems.add("ip netns delete " + ns + " exited " + r.exitCode() + ": " + r.stderr().strip());
                }
            }
        }
        problems.addAll(removeShm(seen));
        for (String m : mountsUnder(dir)) {
            TestExecutors.local().run(Command.of("umount", "-l", m));
        }
        try {
            deleteTree(dir);
        } catch (IOException | UncheckedIOException e) {
            problems.add("cannot remove " + dir + ": " + e);
        }
        try {
            // the base directory too, when no other lab is in it (another lab's directory keeps it: not an error)
            Files.deleteIfExists(dir.getParent());
        } catch (IOException e) {
            // not empty: another lab runs
        }
        return problems;
    }

    /** The PIDs that still have a /proc entry (running or zombie). */
    private static List<Long> existing(Set<Long> pids) {
        return pids.stream().filter(p -> Files.exists(Path.of("/proc", Long.toString(p)))).toList();
    }

    /** The state letter of /proc/PID/stat (R, S, Z, …), or empty when the process is gone. */
    private static String state(long pid) {
        String stat = read(Path.of("/proc", Long.toString(pid), "stat"));
        int close = stat.lastIndexOf(')');
        return close < 0 || close + 2 >= stat.length() ? "" : stat.substring(close + 2, close + 3);
    }

    private static List<String> removeShm(Set<Long> pids) {
        List<String> problems = new ArrayList<>();
        try {
            for (Path p : shmFilesOf(pids)) {
                deleteTree(p);
            }
        } catch (IOException | UncheckedIOException e) {
            problems.add("/dev/shm cleanup failed: " + e);
        }
        return problems;
    }

    /** libqb's /dev/shm entries ({@code qb-…-PID-…}) of the given processes. */
    static List<Path> shmFilesOf(Set<Long> pids) throws IOException {
        List<Path> out = new ArrayList<>();
        if (pids.isEmpty() || !Files.isDirectory(Path.of("/dev/shm"))) {
            return out;
        }
        try (Stream<Path> s = Files.list(Path.of("/dev/shm"))) {
            for (Path p : s.sorted().toList()) {
                String n = p.getFileName().toString();
                if (n.startsWith("qb-") && pids.stream().anyMatch(pid -> n.contains("-" + pid + "-"))) {
                    out.add(p);
                }
            }
        }
        return out;
    }

    /** Mount points in this (the host's) mount namespace at or under {@code dir}. */
    static List<String> mountsUnder(Path dir) {
        List<String> out = new ArrayList<>();
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/mountinfo"))) {
                String[] f = line.split(" ");
                if (f.length > 4 && (f[4].equals(dir.toString()) || f[4].startsWith(dir + "/"))) {
                    out.add(f[4]);
                }
            }
        } catch (IOException e) {
            out.add("(cannot read /proc/self/mountinfo: " + e + ")");
        }
        return out;
    }

    private static void deleteTree(Path p) throws IOException {
        if (!Files.exists(p)) {
            return;
        }
        try (Stream<Path> w = Files.walk(p)) {
            for (Path x : w.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(x);
            }
        }
    }

    /**
     * What this lab left behind, each as a sentence; empty after a clean {@link #close()}. Checks, independently of
     * the teardown: {@code ip netns list} has none of the lab's namespaces; no process runs in any of the lab's
     * namespaces (by namespace inode, whatever its name) and none of the lab's processes lives on; no process in
     * any mount namespace has a mount whose source or mount point is in the lab directory; no libqb /dev/shm file
     * of the lab's processes; the lab directory is gone. Usage: {@code assertThat(lab.residue()).isEmpty()}.
     */
    public List<String> residue() {
        List<String> out = new ArrayList<>();
        String list = TestExecutors.local().runChecked(Command.of("ip", "netns", "list")).stdout();
        for (String line : list.lines().toList()) {
            String name = line.split(" ")[0];
            if (namespaces.contains(name)) {
                out.add("namespace " + name + " still listed by ip netns list");
            }
        }
        for (long pid : pids) {
            String st = state(pid);
            if (!st.isEmpty()) {
                out.add("process " + pid + " of the lab still in /proc (state " + st + ")");
            }
        }
        try (Stream<Path> procs = Files.list(Path.of("/proc"))) {
            for (Path p : procs.filter(x -> x.getFileName().toString().matches("[0-9]+")).sorted().toList()) {
                Optional<String> ns = readLink(p.resolve("ns/net"));
                if (ns.isPresent() && netnsInodes.stream().anyMatch(ino -> ns.get().equals("net:[" + ino + "]"))) {
                    out.add("process " + p.getFileName() + " (" + read(p.resolve("comm")).strip() + ") in a lab namespace");
                }
                String mi = read(p.resolve("mountinfo"));
                if (mi.contains(" " + dir + "/") || mi.contains(" " + dir + " ")) {
                    out.add("process " + p.getFileName() + " (" + read(p.resolve("comm")).strip() + ") has a mount from " + dir);
                }
            }
        } catch (IOException | UncheckedIOException e) {
            out.add("cannot scan /proc: " + e);
        }
        try {
            shmFilesOf(pids).forEach(f -> out.add("/dev/shm file " + f.getFileName() + " left"));
        } catch (IOException e) {
            out.add("cannot list /dev/shm: " + e);
        }
        mountsUnder(dir).forEach(m -> out.add("mount " + m + " left"));
        if (Files.exists(dir)) {
            out.add("lab directory " + dir + " left");
        }
        return out;
    }

    /** The PIDs the lab saw in its namespaces (filled by {@link #recordPids()} and at teardown). Usage: {@code lab.pids()}. */
    public Set<Long> pids() {
        return Set.copyOf(pids);
    }

    /** Records the PIDs now in the lab's namespaces, for {@link #residue()}. Usage: {@code lab.recordPids()}. */
    public void recordPids() {
        namespaces.forEach(ns -> pids.addAll(netnsPids(ns)));
    }

    private static Optional<String> readLink(Path p) {
        try {
            return Optional.of(Files.readSymbolicLink(p).toString());
        } catch (IOException | UnsupportedOperationException e) {
            return Optional.empty();
        }
    }

    private static String read(Path p) {
        try {
            return Files.readString(p);
        } catch (IOException | UncheckedIOException e) {
            return "";
        }
    }

    /**
     * Tears down every lab whose owning JVM no longer runs (killed before its shutdown hook could run): its processes,
     * namespaces, /dev/shm files and directory. Returns the ids reaped. Usage: {@code Lab.reapStale()}.
     */
    public static List<String> reapStale() {
        List<String> reaped = new ArrayList<>();
        Path base = baseDirectory();
        if (!Files.isDirectory(base)) {
            return reaped;
        }
        try (Stream<Path> s = Files.list(base)) {
            for (Path d : s.sorted().toList()) {
                Path state = d.resolve(STATE_FILE);
                List<String> lines = Files.exists(state) ? Files.readAllLines(state) : List.of();
                long owner = lines.stream().filter(l -> l.startsWith("owner=")).map(l -> l.substring(6).trim())
                        .filter(x -> x.matches("[0-9]+")).mapToLong(Long::parseLong).findFirst().orElse(-1);
                if (owner > 0 && ProcessHandle.of(owner).map(ProcessHandle::isAlive).orElse(false)) {
                    continue;
                }
                if (owner <= 0 && Files.getLastModifiedTime(d).toMillis() > System.currentTimeMillis() - 60_000) {
                    // a lab another JVM is creating this moment (directory made, owner line not yet written)
                    continue;
                }
                List<String> netns = lines.stream().filter(l -> l.startsWith("netns=" + PREFIX)).map(l -> l.substring(6).trim()).toList();
                for (String problem : teardown(d, netns, new TreeSet<>())) {
                    System.err.println("stale lab " + d.getFileName() + ": " + problem);
                }
                reaped.add(d.getFileName().toString());
            }
        } catch (IOException e) {
            throw new LabException("cannot read " + base + ": " + e.getMessage(), e);
        }
        return reaped;
    }

    @Override
    public String toString() {
        return "Lab[" + id + ", " + nodes.keySet() + "]";
    }
}
