package org.sansdk.lab;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.sansdk.cluster.ops.ClusterOperations;
import org.sansdk.cluster.design.Node;
import org.sansdk.core.Command;
import org.sansdk.core.CommandResult;
import org.sansdk.core.Executor;
import org.sansdk.core.testing.Daemon;
import org.sansdk.core.testing.RealTools;
import org.sansdk.zfs.DevicePaths;
import org.sansdk.zfs.PoolStatus;
import org.sansdk.zfs.ZpoolCommands;
import org.sansdk.zfs.ZpoolStatusParser;

/**
 * The lab's pool: a real ZFS (zfs-fuse 0.7.0, pool version 23) of sparse file vdevs in the lab directory, one file
 * per disk of the design, each storage node's i-th disk mirrored with the other's i-th (the design's cross-node
 * mirrors). The files carry the names the importing node's zpool would show for real legs
 * ({@code ClusterOperations.legNames}): {@code data-a-0} for storage-a's own disk, {@code ip-10.99.10.2:3260-iscsi-…-lun-0-part1}
 * for storage-b's LUN reached over iSCSI. Its zfs-fuse daemon runs inside the first storage node's namespaces (its private /run holds the socket
 * and lock, so a zfs-fuse of the host or of another test is not touched), created with {@code cachefile=none}
 * and no mountpoint: nothing is written to /etc/zfs and nothing is mounted. In the standard lab Pacemaker's
 * {@code zfs-pool} resource stays a Dummy: the pool does not move on failover.
 * <p>With {@link LabDesign.PoolMode#REAL} both storage nodes run a zfs-fuse (each in its own namespaces), the pool is
 * created once in storage-a's namespaces and exported before Pacemaker starts, and the real {@code ocf:heartbeat:ZFS}
 * agent imports it ({@code zpool import -f -d <pool directory> -o cachefile=none}) where Pacemaker places
 * {@code zfs-pool}: {@link #importedOn()} says where it is, and {@link #node()}, {@link #status()} and the leg methods
 * follow the importing node.
 *
 * <pre>{@code lab.pool().offlineLegsOf("storage-b"); lab.pool().status().state(); // DEGRADED}</pre>
 */
public final class LabPool {
    /** Size of each file vdev (sparse). */
    public static final long LEG_BYTES = 128L << 20;

    private final String name;
    private final LabNode node;
    private final Map<String, List<Path>> legs;
    /** The storage nodes whose zfs-fuse may import the pool (real pool), empty in the standard lab. */
    private final Map<String, LabNode> importers;

    private LabPool(String name, LabNode node, Map<String, List<Path>> legs, Map<String, LabNode> importers) {
        this.name = name;
        this.node = node;
        this.legs = legs;
        this.importers = importers;
    }

    /** The sparse files of every storage node's disks, named as {@code firstNode}'s zpool shows real legs. */
    private static Map<String, List<Path>> legFiles(LabDesign design, String firstNode, Path dir) throws IOException {
        Files.createDirectories(dir);
        Map<String, List<Path>> legs = new LinkedHashMap<>();
        for (Node n : design.design().storageNodes()) {
            List<Path> files = new ArrayList<>();
            // named as the importing node's zpool shows real legs (ClusterOperations.legNames): its own disks by partition
            // label, the peer's by the by-path name of the peer's backend LUN; SanCluster finds legs by that last component
            for (String name : ClusterOperations.legNames(design.design(), n.name(), firstNode)) {
                Path f = dir.resolve(name);
                try (RandomAccessFile r = new RandomAccessFile(f.toFile(), "rw")) {
                    r.setLength(LEG_BYTES);
                }
                files.add(f);
            }
            legs.put(n.name(), List.copyOf(files));
        }
        return legs;
    }

    private static Command.Builder createCommand(String zpool, String pool, Map<String, List<Path>> legs) {
        List<List<Path>> byNode = new ArrayList<>(legs.values());
        Command.Builder create = Command.builder(zpool).args("create", "-o", "cachefile=none", "-m", "none", pool);
        for (int i = 0; i < byNode.get(0).size(); i++) {
            create.arg("mirror");
            for (List<Path> l : byNode) {
                create.arg(l.get(i).toString());
            }
        }
        return create;
    }

    /** Creates the pool and exports it, in a zfs-fuse run for this only; the script's arguments: zfs-fuse, log, zpool, pool, create args. */
    private static final String CREATE_EXPORTED = """
            set -e
            mount -t tmpfs tmpfs /run
            mkdir -p /run/lock
            ZF="$1"; LOG="$2"; ZP="$3"; POOL="$4"; shift 4
            "$ZF" -n --no-kstat-mount > "$LOG" 2>&1 &
            Z=$!
            trap 'kill -KILL $Z 2>/dev/null || true' EXIT
            ok=""
            for i in $(seq 150); do if "$ZP" list > /dev/null 2>&1; then ok=1; break; fi; sleep 0.2; done
            if [ -z "$ok" ]; then echo "zfs-fuse did not answer within 30 s" >&2; exit 1; fi
            "$ZP" "$@"
            "$ZP" export "$POOL"
            kill -TERM $Z
            wait $Z || true
            trap - EXIT
            """;

    /**
     * The real pool's first step ({@link LabDesign.PoolMode#REAL}), before any node starts: the files in {@code dir}, then
     * in the first storage node's network namespace (a private mount namespace with a tmpfs on /run, so the zfs-fuse
     * socket is its own) a zfs-fuse that creates the pool and exports it, and stops. Returns the legs by node.
     */
    static Map<String, List<Path>> createExported(LabDesign design, String firstNode, String netns, Path dir, Path log) throws IOException {
        Map<String, List<Path>> legs = legFiles(design, firstNode, dir);
        String zfsFuse = RealTools.find("zfs-fuse").orElseThrow(() -> new LabException("zfs-fuse not found")).toString();
        String zpool = RealTools.find("zpool").orElseThrow(() -> new LabException("zpool not found")).toString();
        String pool = design.design().pool().name();
        Command create = createCommand(zpool, pool, legs).build();
        Command c = Command.builder("ip").args("netns", "exec", netns, "unshare", "-m", "--propagation", "private", "bash", "-c",
                CREATE_EXPORTED, "bash", zfsFuse, log.toString(), zpool, pool).args(create.argv().subList(1, create.argv().size()))
                .timeout(Duration.ofSeconds(90)).build();
        CommandResult r = org.sansdk.core.testing.TestExecutors.local().run(c);
        if (r.exitCode() != 0) {
            throw new LabException("creating and exporting " + pool + " in " + netns + " exited " + r.exitCode() + ": " + r.stderr()
                    + read(log));
        }
        return legs;
    }

    /** The real pool over the storage nodes' zfs-fuse daemons (each started by its node before corosync). */
    static LabPool real(LabDesign design, Map<String, List<Path>> legs, Map<String, LabNode> storageNodes) {
        LabNode first = storageNodes.values().iterator().next();
        return new LabPool(design.design().pool().name(), first, legs, Map.copyOf(storageNodes));
    }

    /** Creates the files, starts zfs-fuse in {@code node}'s namespaces and creates the pool (bounded). */
    static LabPool create(LabDesign design, LabNode node, Path dir) throws IOException {
        Map<String, List<Path>> legs = legFiles(design, node.name(), dir);
        String zfsFuse = RealTools.find("zfs-fuse").orElseThrow(() -> new LabException("zfs-fuse not found")).toString();
        // /var/lock is /run/lock here: it must exist in the node's private /run for zfs-fuse's lock file
        // the program's path goes in as "$1", not spliced into the script
        Daemon.start(List.of("nsenter", "-t", Long.toString(node.pacemakerdPid()), "-n", "-m", "-u", "sh", "-c",
                "mkdir -p /run/lock && exec \"$1\" -n --no-kstat-mount", "sh", zfsFuse), dir.resolve("zfs-fuse.log"));
        Executor x = node.executor();
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (x.run(Command.of("zpool", "list")).exitCode() != 0) {
            if (System.nanoTime() > deadline) {
                throw new LabException("zfs-fuse did not answer within 30 s on " + node.name() + ": " + read(dir.resolve("zfs-fuse.log")));
            }
            LabNode.sleep(200);
        }
        String pool = design.design().pool().name();
        CommandResult r = x.run(createCommand("zpool", pool, legs).build());
        if (r.exitCode() != 0) {
            throw new LabException("zpool create " + pool + " exited " + r.exitCode() + ": " + r.stderr());
        }
        return new LabPool(pool, node, legs, Map.of());
    }

    private static String read(Path p) {
        try {
            return Files.readString(p);
        } catch (IOException e) {
            return "";
        }
    }

    /** The pool name (the design's). Usage: {@code lab.pool().name()}. */
    public String name() {
        return name;
    }

    /**
     * The node whose zfs-fuse holds the pool: storage-a in the standard lab; with the real pool the one storage node that
     * has it imported now. Usage: {@code lab.pool().node().name()}.
     *
     * @throws LabException with the real pool, when it is imported on no storage node or on more than one
     */
    public LabNode node() {
        if (importers.isEmpty()) {
            return node;
        }
        List<String> on = importedOn();
        if (on.size() != 1) {
            throw new LabException("pool " + name + " is imported on " + (on.isEmpty() ? "no storage node" : on));
        }
        return importers.get(on.get(0));
    }

    /**
     * The storage nodes whose zfs-fuse has the pool imported now ({@code zpool list -H POOL} exits 0 there), in design
     * order; a node whose zfs-fuse is gone (fenced) has nothing imported. The standard lab's pool is always on its one
     * node. Usage: {@code assertThat(lab.pool().importedOn()).containsExactly("storage-b")}.
     */
    public List<String> importedOn() {
        if (importers.isEmpty()) {
            return List.of(node.name());
        }
        List<String> out = new ArrayList<>();
        importers.keySet().stream().sorted().forEach(n -> {
            if (zfsFuse(n).map(x -> x.run(Command.of("zpool", "list", "-H", name)).exitCode() == 0).orElse(false)) {
                out.add(n);
            }
        });
        return out;
    }

    /** An executor in the namespaces of the node's running zfs-fuse, when it runs. */
    private java.util.Optional<Executor> zfsFuse(String storageNode) {
        LabNode n = importers.get(storageNode);
        if (n == null) {
            throw new LabException("no storage node " + storageNode + " (storage nodes: " + legs.keySet() + ")");
        }
        long pid = n.zfsFusePid();
        return pid > 0 && ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)
                ? java.util.Optional.of(LabNode.executorIn(pid)) : java.util.Optional.empty();
    }

    /**
     * {@code zpool status} of the pool through one storage node's zfs-fuse (real pool; the standard lab's one node),
     * parsed by san-zfs. Usage: {@code lab.pool().statusOn("storage-b").state()}.
     *
     * @throws LabException when that node's zfs-fuse is gone or does not have the pool imported
     */
    public PoolStatus statusOn(String storageNode) {
        if (importers.isEmpty()) {
            if (!storageNode.equals(node.name())) {
                throw new LabException("the standard lab's pool is only in " + node.name() + "'s zfs-fuse, not " + storageNode + "'s");
            }
            return status(node.executor());
        }
        return status(zfsFuse(storageNode).orElseThrow(() -> new LabException(storageNode + "'s zfs-fuse is not running")));
    }

    private Executor executor() {
        if (importers.isEmpty()) {
            return node.executor();
        }
        String on = node().name();
        return zfsFuse(on).orElseThrow(() -> new LabException(on + "'s zfs-fuse is not running"));
    }

    /** The file vdevs of a storage node's disks, in design order. Usage: {@code lab.pool().legsOf("storage-b")}. */
    public List<Path> legsOf(String storageNode) {
        List<Path> l = legs.get(storageNode);
        if (l == null) {
            throw new LabException("no storage node " + storageNode + " (storage nodes: " + legs.keySet() + ")");
        }
        return l;
    }

    /** {@code zpool status} of the pool on {@link #node()}, parsed by san-zfs. Usage: {@code lab.pool().status().state()}. */
    public PoolStatus status() {
        return status(executor());
    }

    private PoolStatus status(Executor x) {
        CommandResult r = x.runChecked(ZpoolCommands.status(name, DevicePaths.SHORT));
        return ZpoolStatusParser.parse("zpool status " + name, r.stdout()).pool(name)
                .orElseThrow(() -> new LabException("zpool status shows no pool " + name + ": " + r.stdout()));
    }

    /**
     * Takes a storage node's legs offline (what the pool sees when that node's backend target is gone): the pool
     * turns DEGRADED. Usage: {@code lab.pool().offlineLegsOf("storage-b")}.
     */
    public void offlineLegsOf(String storageNode) {
        for (Path p : legsOf(storageNode)) {
            executor().runChecked(Command.of("zpool", "offline", name, p.toString()));
        }
    }

    /** Brings a storage node's legs back online (a resilver follows). Usage: {@code lab.pool().onlineLegsOf("storage-b")}. */
    public void onlineLegsOf(String storageNode) {
        for (Path p : legsOf(storageNode)) {
            executor().runChecked(Command.of("zpool", "online", name, p.toString()));
        }
    }
}
