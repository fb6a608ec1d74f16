package org.sansdk.lab;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import org.sansdk.core.Command;
import org.sansdk.core.CommandResult;
import org.sansdk.core.Executor;
import org.sansdk.core.testing.Daemon;
import org.sansdk.core.testing.RealTools;
import org.sansdk.core.testing.TestExecutors;
import org.sansdk.corosync.Corosync;
import org.sansdk.pacemaker.Pacemaker;
import org.sansdk.pacemaker.status.ClusterStatus;
import org.sansdk.pacemaker.status.CrmMonParser;

/**
 * One lab node: corosync + pacemakerd inside the node's network namespace and a private mount namespace with its
 * own tmpfs on /run and the node's directories bind-mounted over /etc/corosync, /var/lib/corosync,
 * /var/log/corosync, /var/lib/pacemaker and /var/log/pacemaker. The mounts live only in that mount namespace:
 * they go away with its last process. Reached through {@code nsenter}.
 *
 * <pre>{@code Pacemaker pm = lab.node("storage-b").pacemaker();}</pre>
 */
public final class LabNode {

    /** Runs inside the new mount namespace: private state directories, then corosync and pacemakerd. */
    private static final String INNER = """
            #!/bin/bash
            set -e
            R="$1"
            mount -t tmpfs tmpfs /run
            mkdir -p /run/crm /run/pacemaker
            mount --bind "$R/etc-corosync" /etc/corosync
            mount --bind "$R/var-lib-corosync" /var/lib/corosync
            mount --bind "$R/var-log-corosync" /var/log/corosync
            mount --bind "$R/var-lib-pacemaker" /var/lib/pacemaker
            mount --bind "$R/var-log-pacemaker" /var/log/pacemaker
            rm -f "$R/pacemakerd.pid" "$R/corosync.pid"
            # only a lab with the real pool (LabDesign.PoolMode.REAL) writes these two files
            if [ -f "$R/fence-agent" ]; then mount --bind "$R/fence-agent" /usr/sbin/fence_dummy; fi
            if [ -f "$R/zfs-fuse.on" ]; then
                ZF=$(sed -n 1p "$R/zfs-fuse.on"); ZP=$(sed -n 2p "$R/zfs-fuse.on")
                mkdir -p /run/lock
                "$ZF" -n --no-kstat-mount > "$R/zfs-fuse.out" 2>&1 &
                echo "$!" > "$R/zfs-fuse.pid"
                for i in $(seq 150); do if "$ZP" list > /dev/null 2>&1; then break; fi; sleep 0.2; done
            fi
            corosync -f > "$R/corosync.out" 2>&1 &
            CS=$!
            echo "$CS" > "$R/corosync.pid"
            sleep 1
            PCMK_logfile=/var/log/pacemaker/pacemaker.log PCMK_logfacility=none pacemakerd > "$R/pacemakerd.out" 2>&1 &
            PM=$!
            echo "$PM" > "$R/pacemakerd.pid"
            trap 'kill -TERM $PM 2>/dev/null; wait $PM; kill -TERM $CS 2>/dev/null; wait $CS; exit 0' TERM INT
            wait
            """;

    private final String name;
    private final String netns;
    private final Path root;
    private Daemon daemon;
    private long pacemakerd;
    private volatile Executor clusterExecutor;

    private LabNode(String name, String netns, Path root) {
        this.name = name;
        this.netns = netns;
        this.root = root;
    }

    /** Prepares the node's directories with the given corosync.conf, authkey and the CIB pacemaker-based starts from. */
    static LabNode prepare(String name, String netns, Path root, String corosyncConf, byte[] authkey, String seedCib) throws IOException {
        Files.createDirectories(root);
        Files.setPosixFilePermissions(root, PosixFilePermissions.fromString("rwxr-xr-x"));
        for (String d : List.of("etc-corosync", "var-lib-corosync", "var-log-corosync", "var-lib-pacemaker/cib", "var-lib-pacemaker/pengine",
                "var-lib-pacemaker/blackbox", "var-lib-pacemaker/cores", "var-log-pacemaker")) {
            Files.createDirectories(root.resolve(d));
        }
        Files.writeString(root.resolve("etc-corosync/corosync.conf"), corosyncConf);
        Path key = root.resolve("etc-corosync/authkey");
        Files.write(key, authkey);
        Files.setPosixFilePermissions(key, PosixFilePermissions.fromString("r--------"));
        // the CIB pacemaker-based finds at start (no cib.xml.sig beside it: based warns "No on-disk digest" and loads it)
        Files.writeString(root.resolve("var-lib-pacemaker/cib/cib.xml"), seedCib);
        Files.setPosixFilePermissions(root.resolve("var-lib-pacemaker/cib/cib.xml"), PosixFilePermissions.fromString("rw-------"));
        TestExecutors.local().runChecked(Command.of("chown", "-R", "hacluster:haclient", root.resolve("var-lib-pacemaker").toString(),
                root.resolve("var-log-pacemaker").toString()));
        Path inner = root.resolve("inner.sh");
        Files.writeString(inner, INNER);
        Files.setPosixFilePermissions(inner, PosixFilePermissions.fromString("rwxr-xr-x"));
        return new LabNode(name, netns, root);
    }

    /**
     * Makes this node run the real pool's pieces at its next start ({@link LabDesign.PoolMode#REAL}): the lab's fencing
     * agent bind-mounted over {@value LabFenceAgent#AGENT_PATH} in its mount namespace and, on a storage node, a zfs-fuse
     * (its socket in the node's private /run) started before corosync.
     */
    void realPool(Path fenceAgent, boolean storage) throws IOException {
        Files.copy(fenceAgent, root.resolve("fence-agent"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        Files.setPosixFilePermissions(root.resolve("fence-agent"), PosixFilePermissions.fromString("rwxr-xr-x"));
        if (storage) {
            String zfsFuse = RealTools.find("zfs-fuse").orElseThrow(() -> new LabException("zfs-fuse not found")).toString();
            String zpool = RealTools.find("zpool").orElseThrow(() -> new LabException("zpool not found")).toString();
            Files.writeString(root.resolve("zfs-fuse.on"), zfsFuse + "\n" + zpool + "\n");
        }
    }

    /** The PID of this node's zfs-fuse (real-pool lab), or -1 when it has none. */
    long zfsFusePid() {
        try {
            Path f = root.resolve("zfs-fuse.pid");
            return Files.exists(f) ? Long.parseLong(Files.readString(f).trim()) : -1;
        } catch (IOException | NumberFormatException e) {
            return -1;
        }
    }

    /** Starts corosync and pacemakerd (again, with the same state directories). Usage: {@code node.launch()}. */
    public void launch() {
        start();
        awaitStarted();
    }

    /** Starts the inner script (corosync, then pacemakerd) without waiting; {@link #awaitStarted()} waits. */
    void start() {
        Path pidFile = root.resolve("pacemakerd.pid");
        try {
            Files.deleteIfExists(pidFile);
        } catch (IOException e) {
            throw new LabException(name + ": cannot remove " + pidFile + ": " + e.getMessage(), e);
        }
        daemon = Daemon.start(List.of("ip", "netns", "exec", netns, "unshare", "-m", "-u", "--propagation", "private",
                root.resolve("inner.sh").toString(), root.toString()), root.resolve("inner.log"));
    }

    /** Waits (30 s bound) until the inner script has started pacemakerd; fails early when the script died. */
    void awaitStarted() {
        Path pidFile = root.resolve("pacemakerd.pid");
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline && !pidFileComplete(pidFile) && daemon.isAlive()) {
            sleep(100);
        }
        if (!pidFileComplete(pidFile)) {
            throw new LabException("pacemakerd did not start on " + name + " (inner script " + (daemon.isAlive() ? "still running" : "exited")
                    + "): " + logs());
        }
        try {
            pacemakerd = Long.parseLong(Files.readString(pidFile).trim());
        } catch (IOException e) {
            throw new LabException(name + ": cannot read " + pidFile, e);
        }
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LabException("interrupted", e);
        }
    }

    private static boolean pidFileComplete(Path pidFile) {
        try {
            return Files.exists(pidFile) && Files.readString(pidFile).trim().matches("[0-9]+");
        } catch (IOException e) {
            return false;
        }
    }

    /** The tails of the node's logs, for a failure message. Usage: {@code node.logs()}. */
    public String logs() {
        StringBuilder b = new StringBuilder();
        for (String f : List.of("inner.log", "corosync.out", "pacemakerd.out", "var-log-corosync/corosync.log")) {
            Path p = root.resolve(f);
            try {
                String t = Files.exists(p) ? Files.readString(p) : "";
                b.append("\n--- ").append(name).append(' ').append(f).append(": ").append(t.length() > 1500 ? t.substring(t.length() - 1500) : t);
            } catch (IOException e) {
                b.append("\n--- ").append(f).append(": unreadable");
            }
        }
        return b.toString();
    }

    /** The node name. Usage: {@code node.name()}. */
    public String name() {
        return name;
    }

    /** The node's network namespace. Usage: {@code node.netns()}. */
    public String netns() {
        return netns;
    }

    /** The node's directory (state, logs, inner script). Usage: {@code node.directory()}. */
    public Path directory() {
        return root;
    }

    /**
     * Runs commands inside this node's network, mount and UTS namespaces (programs resolved from PATH or sbin).
     * Usage: {@code node.executor().run(Command.of("crm_mon", "-1"))}.
     */
    public Executor executor() {
        return executorIn(pacemakerd);
    }

    /** Runs commands inside the namespaces of one of this node's processes (pacemakerd, zfs-fuse). */
    static Executor executorIn(long pid) {
        return c -> {
            String abs = RealTools.find(c.program()).orElseThrow(() -> new LabException("program not found: " + c.program())).toString();
            Command.Builder b = Command.builder("nsenter").args("-t", Long.toString(pid), "-n", "-m", "-u", abs)
                    .args(c.argv().subList(1, c.argv().size())).timeout(c.timeout().orElse(Duration.ofSeconds(90)));
            c.env().forEach(b::env);
            c.stdin().ifPresent(b::stdin);
            return TestExecutors.local().run(b.build());
        };
    }

    /** Binds the replay of what the lab cannot run (iSCSI sessions, LIO) for this node of {@code design}. */
    void replay(LabDesign design) {
        clusterExecutor = LabReplay.routing(design, name, executor());
    }

    /**
     * {@link #executor()} with the lab's replay in front ({@link LabReplay}): {@code iscsiadm …}, {@code cat -- SAVECONFIG}
     * and {@code targetcli …} are answered from outputs rendered for the design; everything else runs on the real node.
     * What {@code Lab.cluster()} gives {@code SanCluster}. Usage: {@code node.clusterExecutor().run(Command.of("iscsiadm", "-m", "session"))}.
     */
    public Executor clusterExecutor() {
        Executor x = clusterExecutor;
        if (x == null) {
            throw new LabException(name + ": no replay bound (a node of a started lab has one)");
        }
        return x;
    }

    /** The Pacemaker facade on this node. Usage: {@code node.pacemaker().status()}. */
    public Pacemaker pacemaker() {
        return Pacemaker.on(executor());
    }

    /** The Corosync facade on this node. Usage: {@code node.corosync().quorum().quorate()}. */
    public Corosync corosync() {
        return Corosync.on(executor());
    }

    /** crm_mon as this node sees it, or null while it cannot answer. Usage: {@code node.statusOrNull()}. */
    public ClusterStatus statusOrNull() {
        CommandResult r = executor().run(Command.of("crm_mon", "-1", "--output-as=xml"));
        return r.exitCode() == 0 ? CrmMonParser.parse("crm_mon", r.stdout()) : null;
    }

    /** The PID of this node's pacemakerd (whose namespaces {@link #executor()} enters). Usage: {@code node.pacemakerdPid()}. */
    public long pacemakerdPid() {
        return pacemakerd;
    }

    /** The PID of this node's corosync. Usage: {@code node.corosyncPid()}. */
    public long corosyncPid() {
        try {
            return Long.parseLong(Files.readString(root.resolve("corosync.pid")).trim());
        } catch (IOException | NumberFormatException e) {
            throw new LabException(name + ": no corosync PID recorded", e);
        }
    }

    /** SIGKILLs this node's corosync: an unplanned failure of the node's membership. Usage: {@code node.killCorosync()}. */
    public void killCorosync() {
        TestExecutors.local().runChecked(Command.of("kill", "-KILL", Long.toString(corosyncPid())));
    }

    /** The PIDs now in this node's network namespace. Usage: {@code node.pids()}. */
    public List<Long> pids() {
        return Lab.netnsPids(netns);
    }

    @Override
    public String toString() {
        return "LabNode[" + name + " in " + netns + "]";
    }
}
