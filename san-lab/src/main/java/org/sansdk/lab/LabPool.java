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
 * and no mountpoint: nothing is written to /etc/zfs and nothing is mounted. Pacemaker's {@code zfs-pool} resource
 * stays a Dummy: the pool does not move on failover.
 *
 * <pre>{@code lab.pool().offlineLegsOf("storage-b"); lab.pool().status().state(); // DEGRADED}</pre>
 */
public final class LabPool {
    /** Size of each file vdev (sparse). */
    public static final long LEG_BYTES = 128L << 20;

    private final String name;
    private final LabNode node;
    private final Map<String, List<Path>> legs;

    private LabPool(String name, LabNode node, Map<String, List<Path>> legs) {
        this.name = name;
        this.node = node;
        this.legs = legs;
    }

    /** Creates the files, starts zfs-fuse in {@code node}'s namespaces and creates the pool (bounded). */
    static LabPool create(LabDesign design, LabNode node, Path dir) throws IOException {
        Files.createDirectories(dir);
        Map<String, List<Path>> legs = new LinkedHashMap<>();
        for (Node n : design.design().storageNodes()) {
            List<Path> files = new ArrayList<>();
            // named as the importing node's zpool shows real legs (ClusterOperations.legNames): its own disks by partition
            // label, the peer's by the by-path name of the peer's backend LUN; SanCluster finds legs by that last component
            for (String name : ClusterOperations.legNames(design.design(), n.name(), node.name())) {
                Path f = dir.resolve(name);
                try (RandomAccessFile r = new RandomAccessFile(f.toFile(), "rw")) {
                    r.setLength(LEG_BYTES);
                }
                files.add(f);
            }
            legs.put(n.name(), List.copyOf(files));
        }
        String zfsFuse = RealTools.find("zfs-fuse").orElseThrow(() -> new LabException("zfs-fuse not found")).toString();
        // /var/lock is /run/lock here: it must exist in the node's private /run for zfs-fuse's lock file
        Daemon.start(List.of("nsenter", "-t", Long.toString(node.pacemakerdPid()), "-n", "-m", "-u", "sh", "-c",
                "mkdir -p /run/lock && exec " + zfsFuse + " -n --no-kstat-mount"), dir.resolve("zfs-fuse.log"));
        Executor x = node.executor();
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (x.run(Command.of("zpool", "list")).exitCode() != 0) {
            if (System.nanoTime() > deadline) {
                throw new LabException("zfs-fuse did not answer within 30 s on " + node.name() + ": " + read(dir.resolve("zfs-fuse.log")));
            }
            LabNode.sleep(200);
        }
        String pool = design.design().pool().name();
        List<List<Path>> byNode = new ArrayList<>(legs.values());
        Command.Builder create = Command.builder("zpool").args("create", "-o", "cachefile=none", "-m", "none", pool);
        for (int i = 0; i < byNode.get(0).size(); i++) {
            create.arg("mirror");
            for (List<Path> l : byNode) {
                create.arg(l.get(i).toString());
            }
        }
        CommandResult r = x.run(create.build());
        if (r.exitCode() != 0) {
            throw new LabException("zpool create " + pool + " exited " + r.exitCode() + ": " + r.stderr());
        }
        return new LabPool(pool, node, legs);
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

    /** The node whose zfs-fuse holds the pool. Usage: {@code lab.pool().node().name()}. */
    public LabNode node() {
        return node;
    }

    /** The file vdevs of a storage node's disks, in design order. Usage: {@code lab.pool().legsOf("storage-b")}. */
    public List<Path> legsOf(String storageNode) {
        List<Path> l = legs.get(storageNode);
        if (l == null) {
            throw new LabException("no storage node " + storageNode + " (storage nodes: " + legs.keySet() + ")");
        }
        return l;
    }

    /** {@code zpool status} of the pool, parsed by san-zfs. Usage: {@code lab.pool().status().state()}. */
    public PoolStatus status() {
        CommandResult r = node.executor().runChecked(ZpoolCommands.status(name, DevicePaths.SHORT));
        return ZpoolStatusParser.parse("zpool status " + name, r.stdout()).pool(name)
                .orElseThrow(() -> new LabException("zpool status shows no pool " + name + ": " + r.stdout()));
    }

    /**
     * Takes a storage node's legs offline (what the pool sees when that node's backend target is gone): the pool
     * turns DEGRADED. Usage: {@code lab.pool().offlineLegsOf("storage-b")}.
     */
    public void offlineLegsOf(String storageNode) {
        for (Path p : legsOf(storageNode)) {
            node.executor().runChecked(Command.of("zpool", "offline", name, p.toString()));
        }
    }

    /** Brings a storage node's legs back online (a resilver follows). Usage: {@code lab.pool().onlineLegsOf("storage-b")}. */
    public void onlineLegsOf(String storageNode) {
        for (Path p : legsOf(storageNode)) {
            node.executor().runChecked(Command.of("zpool", "online", name, p.toString()));
        }
    }
}
