package org.sansdk.pacemaker;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.sansdk.core.Command;
import org.sansdk.core.CommandResult;
import org.sansdk.core.Executor;
import org.sansdk.core.testing.Daemon;
import org.sansdk.core.testing.RealTools;
import org.sansdk.core.testing.TestExecutors;
import org.sansdk.pacemaker.status.ClusterStatus;
import org.sansdk.pacemaker.status.CrmMonParser;

/**
 * One real cluster node for tests: corosync + pacemakerd inside a network namespace and a private mount
 * namespace with its own /run and copies of /etc/corosync, /var/lib/corosync, /var/log/corosync,
 * /var/lib/pacemaker and /var/log/pacemaker (the real-tools notes of the project describe the setup). Reached through {@code nsenter}.
 */
public final class ClusterNode implements AutoCloseable {

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
    private final Set<Long> pids = new HashSet<>();

    private ClusterNode(String name, String netns, Path root) {
        this.name = name;
        this.netns = netns;
        this.root = root;
    }

    /** Requires root and the programs a node needs. */
    public static void requireTools() {
        RealTools.requireRoot();
        RealTools.require("corosync", "pacemakerd", "pcs", "nsenter", "unshare", "ip", "fence_dummy", "crm_mon", "stonith_admin",
                "crm_resource", "cibadmin", "corosync-quorumtool");
    }

    /** Prepares the node's state directories and corosync.conf and starts it in {@code netns}. */
    public static ClusterNode start(String name, String netns, String corosyncConf) throws IOException {
        Path root = Files.createTempDirectory("san-pcmk-" + name + "-");
        Files.setPosixFilePermissions(root, PosixFilePermissions.fromString("rwxr-xr-x"));
        for (String d : List.of("etc-corosync", "var-lib-corosync", "var-log-corosync", "var-lib-pacemaker/cib", "var-lib-pacemaker/pengine",
                "var-lib-pacemaker/blackbox", "var-lib-pacemaker/cores", "var-log-pacemaker")) {
            Files.createDirectories(root.resolve(d));
        }
        Files.writeString(root.resolve("etc-corosync/corosync.conf"), corosyncConf);
        TestExecutors.local().runChecked(Command.of("chown", "-R", "hacluster:haclient", root.resolve("var-lib-pacemaker").toString(),
                root.resolve("var-log-pacemaker").toString()));
        Path inner = root.resolve("inner.sh");
        Files.writeString(inner, INNER);
        Files.setPosixFilePermissions(inner, PosixFilePermissions.fromString("rwxr-xr-x"));
        ClusterNode n = new ClusterNode(name, netns, root);
        try {
            n.launch();
        } catch (IOException | RuntimeException | Error e) {
            // the caller never gets the node: stop what did start before failing
            n.close();
            throw e;
        }
        return n;
    }

    /** Starts (again) corosync and pacemakerd with the same state directories. */
    public void launch() throws IOException {
        Path pidFile = root.resolve("pacemakerd.pid");
        Files.deleteIfExists(pidFile);
        daemon = Daemon.start(List.of("ip", "netns", "exec", netns, "unshare", "-m", "-u", "--propagation", "private",
                root.resolve("inner.sh").toString(), root.toString()), root.resolve("inner.log"));
        // bounded: 30 s for the inner script to start corosync and pacemakerd (fails early when the script died)
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        try {
            while (System.nanoTime() < deadline && !pidFileComplete(pidFile) && daemon.isAlive()) {
                Thread.sleep(100);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (!pidFileComplete(pidFile)) {
            throw new AssertionError("pacemakerd did not start on " + name + " (inner script " + (daemon.isAlive() ? "still running" : "exited")
                    + "): " + tail(root.resolve("inner.log")) + tail(root.resolve("corosync.out")) + tail(root.resolve("pacemakerd.out")));
        }
        pacemakerd = Long.parseLong(Files.readString(pidFile).trim());
    }

    private static boolean pidFileComplete(Path pidFile) {
        try {
            return Files.exists(pidFile) && Files.readString(pidFile).trim().matches("[0-9]+");
        } catch (IOException e) {
            return false;
        }
    }

    private static String tail(Path p) {
        try {
            String t = Files.exists(p) ? Files.readString(p) : "";
            return "\n--- " + p.getFileName() + ": " + (t.length() > 2000 ? t.substring(t.length() - 2000) : t);
        } catch (IOException e) {
            return "";
        }
    }

    /** The node name. */
    public String name() {
        return name;
    }

    /** Runs commands inside this node's namespaces (programs resolved like the other real-tool tests). */
    public Executor executor() {
        return c -> {
            String abs = RealTools.find(c.program()).orElseThrow().toString();
            Command.Builder b = Command.builder("nsenter").args("-t", Long.toString(pacemakerd), "-n", "-m", "-u", abs)
                    .args(c.argv().subList(1, c.argv().size())).timeout(c.timeout().orElse(Duration.ofSeconds(90)));
            c.env().forEach(b::env);
            c.stdin().ifPresent(b::stdin);
            return Tools.run(b.build());
        };
    }

    /** The facade on this node. */
    public Pacemaker pacemaker() {
        return Pacemaker.on(executor());
    }

    /** crm_mon as seen from this node, or null when it cannot answer yet. */
    public ClusterStatus statusOrNull() {
        CommandResult r = executor().run(Command.of("crm_mon", "-1", "--output-as=xml"));
        return r.exitCode() == 0 ? CrmMonParser.parse("crm_mon", r.stdout()) : null;
    }

    /** Records the PIDs in this node's network namespace (for /dev/shm cleanup). */
    public void recordPids() {
        CommandResult r = TestExecutors.local().run(Command.of("ip", "netns", "pids", netns));
        r.stdout().lines().filter(l -> !l.isBlank()).forEach(l -> pids.add(Long.parseLong(l.trim())));
    }

    /** SIGKILLs this node's corosync: an unplanned failure of the node's membership. */
    public void killCorosync() throws IOException {
        recordPids();
        String pid = Files.readString(root.resolve("corosync.pid")).trim();
        TestExecutors.local().runChecked(Command.of("kill", "-KILL", pid));
    }

    /** Stops pacemakerd and corosync (SIGTERM, then SIGKILL after the grace period). */
    public void stop() {
        recordPids();
        if (daemon != null) {
            daemon.stop(Duration.ofSeconds(60));
        }
        // daemons pacemakerd left behind in their own process groups (after a killed corosync); then wait (bounded)
        // until the namespace is empty, so a relaunch never races a dying corosync for its port and state files
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (true) {
            List<String> left = TestExecutors.local().run(Command.of("ip", "netns", "pids", netns)).stdout().lines()
                    .map(String::trim).filter(x -> x.matches("[0-9]+")).toList();
            left.forEach(l -> pids.add(Long.parseLong(l)));
            if (left.isEmpty() || System.nanoTime() > deadline) {
                break;
            }
            for (String l : left) {
                TestExecutors.local().run(Command.of("kill", "-KILL", l));
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
    }

    /**
     * Stops the node and removes libqb's /dev/shm leftovers of the processes it ran. Best effort
     * and idempotent: a cleanup problem is reported on stderr, never thrown (it must not hide the test's own result
     * nor stop the other nodes' cleanup).
     */
    @Override
    public void close() {
        try {
            stop();
        } catch (RuntimeException e) {
            System.err.println("ClusterNode " + name + ": stop failed: " + e);
        }
        try (Stream<Path> s = Files.list(Path.of("/dev/shm"))) {
            for (Path p : s.toList()) {
                String n = p.getFileName().toString();
                for (long pid : pids) {
                    if (n.startsWith("qb-") && n.contains("-" + pid + "-")) {
                        deleteTree(p);
                        break;
                    }
                }
            }
        } catch (IOException | UncheckedIOException e) {
            System.err.println("ClusterNode " + name + ": /dev/shm cleanup failed: " + e);
        }
        // the state directory (logs, CIB, pengine inputs) stays in the temp dir for a post-mortem; nothing reads it again
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
     * Runs {@code cleanup} once: from the test's {@code @AfterAll}, or from a JVM shutdown hook when the JVM is stopped
     * first (surefire timeout, Ctrl-C), so processes and namespaces never outlive the test run.
     */
    public static Runnable onceAndAtExit(Runnable cleanup) {
        java.util.concurrent.atomic.AtomicBoolean done = new java.util.concurrent.atomic.AtomicBoolean();
        Runnable once = () -> {
            if (done.compareAndSet(false, true)) {
                cleanup.run();
            }
        };
        Runtime.getRuntime().addShutdownHook(new Thread(once, "cluster-cleanup"));
        return once;
    }

    /** corosync.conf for nodes named and addressed as given (node ids 1..n). */
    public static String corosyncConf(List<String> names, List<String> addresses) {
        StringBuilder b = new StringBuilder("""
                totem {
                    version: 2
                    cluster_name: san-test
                    transport: knet
                    crypto_cipher: none
                    crypto_hash: none
                    token: 3000
                }
                nodelist {
                """);
        for (int i = 0; i < names.size(); i++) {
            b.append("    node {\n        ring0_addr: ").append(addresses.get(i)).append("\n        name: ").append(names.get(i))
                    .append("\n        nodeid: ").append(i + 1).append("\n    }\n");
        }
        return b.append("""
                }
                quorum {
                    provider: corosync_votequorum
                }
                logging {
                    to_logfile: yes
                    logfile: /var/log/corosync/corosync.log
                    to_stderr: no
                    to_syslog: no
                }
                """).toString();
    }
}
