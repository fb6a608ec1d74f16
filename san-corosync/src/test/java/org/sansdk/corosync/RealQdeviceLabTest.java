package org.sansdk.corosync;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sansdk.core.Command;
import org.sansdk.core.CommandResult;
import org.sansdk.core.Executor;
import org.sansdk.core.LocalExecutor;
import org.sansdk.core.testing.Daemon;
import org.sansdk.core.testing.NetNamespace;
import org.sansdk.core.testing.ParserContract;
import org.sansdk.core.testing.RealTools;

/**
 * The qdevice alternative to a full third node, proven with the real daemons: two corosync nodes and a
 * corosync-qnetd arbiter, each in its own network namespace joined by a bridge (and private /run and
 * /var/lib/corosync mounts), a corosync-qdevice on each node. The rendered config passes the validator and
 * corosync -t; with the qdevice the cluster counts 3 votes; when storage-b's corosync is SIGKILLed storage-a
 * stays quorate on its own vote plus the qdevice's (a plain two-node cluster without two_node would not); when
 * the arbiter is gone too, storage-a loses quorum. TLS is switched off for the lab only (no certificates).
 */
class RealQdeviceLabTest {

    @TempDir
    Path dir;
    private final Deque<AutoCloseable> cleanup = new ArrayDeque<>();
    private final LocalExecutor local = new LocalExecutor();

    @AfterEach
    void down() {
        while (!cleanup.isEmpty()) {
            try {
                cleanup.pop().close();
            } catch (Exception e) {
                // keep cleaning
            }
        }
    }

    private NetNamespace ns() {
        NetNamespace n = NetNamespace.create("san-qd");
        cleanup.push(n);
        return n;
    }

    private Daemon daemon(List<String> argv, String log) {
        Daemon d = Daemon.start(argv, dir.resolve(log));
        cleanup.push(d);
        return d;
    }

    private void run(NetNamespace n, String... argv) {
        n.exec(List.of(argv)).requireSuccess(Command.of(argv));
    }

    private Executor in(long pid) {
        return c -> {
            List<String> argv = new ArrayList<>(List.of("nsenter", "-t", Long.toString(pid), "-n", "-m"));
            argv.addAll(c.argv());
            return local.run(Command.of(argv));
        };
    }

    private static QuorumStatus waitFor(Executor node, Predicate<QuorumStatus> done, Duration max) throws InterruptedException {
        long end = System.nanoTime() + max.toNanos();
        String last = "";
        while (System.nanoTime() < end) {
            CommandResult r = node.run(Command.of("corosync-quorumtool", "-s"));
            last = r.stdout() + r.stderr();
            if (r.exitCode() == 0 || r.exitCode() == 2) {
                QuorumStatus s = QuorumToolParser.parseStatus("live", r.stdout());
                if (done.test(s)) {
                    return s;
                }
            }
            Thread.sleep(500);
        }
        throw new AssertionError("quorum state not reached in " + max + "; last output:\n" + last);
    }

    @Test
    void theQdeviceVoteKeepsTheSurvivorQuorate() throws Exception {
        RealTools.require("corosync", "corosync-quorumtool", "nsenter", "unshare");
        RealTools.requireFrom("corosync-qnetd", "corosync-qnetd");
        RealTools.requireFrom("corosync-qdevice", "corosync-qdevice");
        Path key = dir.resolve("authkey");
        CorosyncAuthKey.generate().writeTo(key);
        CorosyncConf built = CorosyncConfBuilder.cluster("qlab").token(Duration.ofMillis(3000)).keyfile(key).withoutSyslog()
                .node("storage-a", 1, "10.20.20.1").node("storage-b", 2, "10.20.20.2")
                .qdevice("10.20.20.3", QdeviceAlgorithm.FFSPLIT).build();
        String text = CorosyncConfWriter.render(built).replace("            algorithm: ffsplit\n",
                "            algorithm: ffsplit\n            tls: off\n");
        assertThat(CorosyncValidator.validate(CorosyncConfParser.parse("qlab", text))).isEmpty();
        Path conf = dir.resolve("corosync.conf");
        Files.writeString(conf, text);

        NetNamespace hub = ns();
        run(hub, "ip", "link", "add", "br0", "type", "bridge");
        run(hub, "ip", "link", "set", "br0", "up");
        List<NetNamespace> hosts = List.of(ns(), ns(), ns());
        for (int i = 0; i < 3; i++) {
            NetNamespace h = hosts.get(i);
            String v = "vq" + i;
            run(hub, "ip", "link", "add", v, "type", "veth", "peer", "name", "eth0", "netns", h.name());
            run(hub, "ip", "link", "set", v, "master", "br0");
            run(hub, "ip", "link", "set", v, "up");
            run(h, "ip", "addr", "add", "10.20.20." + (i + 1) + "/24", "dev", "eth0");
            run(h, "ip", "link", "set", "eth0", "up");
        }
        CommandResult t = hosts.get(0).exec(List.of("corosync", "-t", "-c", conf.toString()));
        assertThat(t.exitCode()).as("corosync -t as storage-a: %s", t.stderr()).isZero();

        Path qrun = Files.createDirectories(dir.resolve("q-run"));
        daemon(List.of("ip", "netns", "exec", hosts.get(2).name(), "unshare", "-m", "--propagation", "private", "sh", "-c",
                "mount --bind \"$1\" /run && exec corosync-qnetd -f -s off", "sh", qrun.toString()), "qnetd.log");
        List<Daemon> coro = new ArrayList<>();
        List<Daemon> qdev = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            Path run = Files.createDirectories(dir.resolve("n" + i + "-run"));
            Path lib = Files.createDirectories(dir.resolve("n" + i + "-lib"));
            coro.add(daemon(List.of("ip", "netns", "exec", hosts.get(i).name(), "unshare", "-m", "--propagation", "private",
                    "sh", "-c", "mount --bind \"$1\" /run && mount --bind \"$2\" /var/lib/corosync && exec corosync -f -c \"$3\"",
                    "sh", run.toString(), lib.toString(), conf.toString()), "corosync-" + i + ".log"));
        }
        Executor a = in(coro.get(0).pid());
        waitFor(a, s -> s.nodes() == 2 && s.quorate(), Duration.ofSeconds(40));
        for (int i = 0; i < 2; i++) {
            qdev.add(daemon(List.of("nsenter", "-t", Long.toString(coro.get(i).pid()), "-n", "-m", "corosync-qdevice", "-f"),
                    "qdevice-" + i + ".log"));
        }
        // steady state: both nodes' qdevices registered, alive and casting their vote (A,V), 3 votes in total
        QuorumStatus both = waitFor(a, s -> s.totalVotes() == 3
                && s.members().stream().filter(m -> !m.qdeviceRow()).allMatch(m -> m.qdevice().equals("A,V,NMW")),
                Duration.ofSeconds(40));
        assertThat(both.flags()).containsExactly("Quorate", "Qdevice");
        assertThat(both.members()).containsExactly(new QuorumMember(1, 1, "A,V,NMW", "storage-a", true),
                new QuorumMember(2, 1, "A,V,NMW", "storage-b", false), new QuorumMember(0, 1, "", "Qdevice", false));
        String live = a.run(Command.of("corosync-quorumtool", "-s")).stdout();
        ParserContract.linePrefixes("live qdevice status", live, x -> QuorumToolParser.parseStatus("live", x), x -> false, k -> false);

        // corosync-cfgtool with a real peer on the link
        String n = a.run(Command.of("corosync-cfgtool", "-n")).stdout();
        CfgNodes reach = CfgToolParser.parseNodes("live -n", n);
        assertThat(reach.nodes()).singleElement().satisfies(peer -> {
            assertThat(peer.nodeId()).isEqualTo(2);
            assertThat(peer.links()).singleElement().satisfies(l -> {
                assertThat(l.source()).isEqualTo("10.20.20.1");
                assertThat(l.destination()).isEqualTo("10.20.20.2");
                assertThat(l.connected()).isTrue();
            });
        });
        ParserContract.linePrefixes("live cfgtool -n", n, x -> CfgToolParser.parseNodes("live", x), x -> false,
                k -> k == 1);
        CfgStatus links = Corosync.on(a).links();
        assertThat(links.links()).singleElement().satisfies(l -> assertThat(l.peers())
                .containsExactly(new CfgStatus.Peer(1, "localhost"), new CfgStatus.Peer(2, "connected")));

        long killed = coro.get(1).pid();
        local.run(Command.of("kill", "-KILL", Long.toString(killed)));
        qdev.get(1).close();
        QuorumStatus alone = waitFor(a, s -> s.nodes() == 1, Duration.ofSeconds(30));
        assertThat(alone.quorate()).isTrue();
        assertThat(alone.totalVotes()).isEqualTo(2);
        assertThat(alone.expectedVotes()).isEqualTo(3);
        assertThat(Corosync.on(a).quorum().quorate()).isTrue();

        cleanup.stream().filter(c -> c instanceof Daemon d && d.log().getFileName().toString().equals("qnetd.log"))
                .findFirst().ifPresent(c -> ((Daemon) c).close());
        QuorumStatus lost = waitFor(a, s -> !s.quorate(), Duration.ofSeconds(40));
        assertThat(lost.totalVotes()).isEqualTo(1);
        cleanup.push(() -> removeShm(killed));
    }

    /** libqb files of the SIGKILLed corosync (named with its pid) stay in the shared /dev/shm. */
    private static void removeShm(long pid) throws IOException {
        try (var s = Files.list(Path.of("/dev/shm"))) {
            for (Path p : s.filter(p -> p.getFileName().toString().matches("qb-(corosync-)?" + pid + "-.*")).toList()) {
                try (var w = Files.walk(p)) {
                    w.sorted(java.util.Comparator.reverseOrder()).forEach(x -> x.toFile().delete());
                }
            }
        }
    }
}
