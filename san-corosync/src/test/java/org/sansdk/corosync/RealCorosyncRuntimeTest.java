package org.sansdk.corosync;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sansdk.core.Command;
import org.sansdk.core.CommandResult;
import org.sansdk.core.Executor;
import org.sansdk.core.testing.Daemon;
import org.sansdk.core.testing.NetNamespace;
import org.sansdk.core.testing.ParserContract;
import org.sansdk.core.testing.RealTools;

/**
 * A real corosync 3 on loopback in a throw-away network namespace (its own /var/lib/corosync in a private
 * mount namespace, the key from {@link CorosyncAuthKey}, aes256/sha256): the token it runs with is
 * token + (nodes - 2) × token_coefficient, consensus defaults to 1.2 × that, and every parser reads the real
 * output of corosync-quorumtool, corosync-cfgtool and corosync-cmapctl.
 */
class RealCorosyncRuntimeTest {

    @TempDir
    Path dir;

    /** A running single-host corosync whose nodelist has {@code nodes} loopback addresses (only the first answers). */
    final class Running implements AutoCloseable {
        final NetNamespace ns;
        final Daemon daemon;
        final Executor executor;

        Running(String name, int nodes, String totemExtra) throws IOException {
            RealTools.require("corosync", "corosync-cmapctl", "corosync-quorumtool", "corosync-cfgtool", "unshare");
            Path key = dir.resolve(name + ".authkey");
            CorosyncAuthKey.generate().writeTo(key);
            Path state = Files.createDirectories(dir.resolve(name + "-state"));
            StringBuilder nl = new StringBuilder();
            for (int i = 1; i <= nodes; i++) {
                nl.append("    node {\n        name: n").append(i).append("\n        nodeid: ").append(i)
                        .append("\n        ring0_addr: 127.0.0.").append(i).append("\n    }\n");
            }
            String conf = "totem {\n    version: 2\n    cluster_name: " + name + "\n    transport: knet\n"
                    + "    crypto_cipher: aes256\n    crypto_hash: sha256\n    keyfile: " + key + "\n" + totemExtra + "}\n"
                    + "nodelist {\n" + nl + "}\nquorum {\n    provider: corosync_votequorum\n}\n"
                    + "logging {\n    to_syslog: no\n    to_stderr: yes\n}\n";
            Path f = dir.resolve(name + ".conf");
            Files.writeString(f, conf);
            ns = NetNamespace.create("san-coro");
            Daemon d = null;
            try {
                d = Daemon.start(List.of("ip", "netns", "exec", ns.name(), "unshare", "-m", "--propagation", "private",
                        "sh", "-c", "mount --bind \"$1\" /var/lib/corosync && exec corosync -f -c \"$2\"", "sh",
                        state.toString(), f.toString()), dir.resolve(name + ".log"));
                executor = c -> ns.exec(c.argv());
                long end = System.nanoTime() + Duration.ofSeconds(30).toNanos();
                while (executor.run(Command.of("corosync-cmapctl", "runtime.config.totem.token")).exitCode() != 0) {
                    if (System.nanoTime() > end || !d.isAlive()) {
                        throw new AssertionError("corosync did not come up: " + Files.readString(d.log()));
                    }
                    Thread.sleep(200);
                }
                daemon = d;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                close(d);
                throw new AssertionError(e);
            } catch (RuntimeException | Error | IOException e) {
                close(d);
                throw e;
            }
        }

        private void close(Daemon d) {
            if (d != null) {
                d.close();
            }
            ns.close();
        }

        @Override
        public void close() {
            close(daemon);
        }
    }

    @Test
    void effectiveTokenIsTokenPlusCoefficientPerNodeBeyondTwoAndConsensusFollows() throws IOException {
        record Case(int nodes, String extra, TotemTiming expected) {
        }
        List<Case> cases = List.of(
                new Case(3, "    token: 4000\n", TotemTiming.of(3, Duration.ofMillis(4000))),
                new Case(5, "    token: 3000\n    token_coefficient: 1000\n    consensus: 9000\n",
                        new TotemTiming(5, Duration.ofMillis(3000), Duration.ofMillis(1000), Duration.ofMillis(9000))),
                new Case(2, "    token: 5000\n", TotemTiming.of(2, Duration.ofMillis(5000))));
        List<String> seen = new ArrayList<>();
        for (Case c : cases) {
            try (Running r = new Running("t" + c.nodes(), c.nodes(), c.extra())) {
                RuntimeTiming rt = Corosync.on(r.executor).runtimeTiming();
                seen.add(c.nodes() + " nodes " + c.extra().strip().replace("\n", ",") + " -> token " + rt.token().toMillis()
                        + " consensus " + rt.consensus().toMillis());
                assertThat(rt.token()).isEqualTo(c.expected().effectiveToken());
                assertThat(rt.consensus()).isEqualTo(c.expected().consensus());
                assertThat(rt.failureDetection()).isEqualTo(c.expected().failureDetection());
            }
        }
        seen.forEach(System.out::println);
        // the reference design's figures, as corosync 3.1.7 computed them in the first case
        assertThat(TotemTiming.of(3, Duration.ofMillis(4000)).effectiveToken()).isEqualTo(Duration.ofMillis(4650));
        assertThat(TotemTiming.of(3, Duration.ofMillis(4000)).consensus()).isEqualTo(Duration.ofMillis(5580));
    }

    @Test
    void toolsOutputOfARealCorosyncParsesAndQuorumFollowsTheExitCode() throws IOException {
        try (Running three = new Running("q3", 3, "    token: 3000\n")) {
            CommandResult s = three.executor.run(Command.of("corosync-quorumtool", "-s"));
            assertThat(s.exitCode()).isEqualTo(2);
            QuorumStatus q = Corosync.on(three.executor).quorum();
            assertThat(q.quorate()).isFalse();
            assertThat(q.activityBlocked()).isTrue();
            assertThat(q.expectedVotes()).isEqualTo(3);
            assertThat(q.totalVotes()).isEqualTo(1);
            assertThat(q.quorum()).isEqualTo(2);
            assertThat(q.members()).containsExactly(new QuorumMember(1, 1, "", "n1", true));
            assertThat(q.ringId()).matches("1\\.[0-9a-f]+");
            contract("quorumtool -s (live)", s.stdout(), t -> QuorumToolParser.parseStatus("live", t));

            String l = three.executor.run(Command.of("corosync-quorumtool", "-l")).stdout();
            assertThat(QuorumToolParser.parseList("live", l)).containsExactly(new QuorumMember(1, 1, "", "n1", true));

            CommandResult cs = three.executor.run(Command.of("corosync-cfgtool", "-s"));
            CfgStatus links = CfgToolParser.parseStatus("live", cs.stdout());
            assertThat(links.transport()).isEqualTo("knet");
            assertThat(links.links()).singleElement().satisfies(k -> {
                assertThat(k.address()).isEqualTo("127.0.0.1");
                assertThat(k.peers()).containsExactly(new CfgStatus.Peer(1, "localhost"),
                        new CfgStatus.Peer(2, "disconnected"), new CfgStatus.Peer(3, "disconnected"));
            });
            CfgNodes n = Corosync.on(three.executor).reachableNodes();
            assertThat(n.localNodeId()).isEqualTo(1);
            assertThat(n.nodes()).isEmpty();

            Map<String, CmapEntry> all = CmapParser.parse("live", three.executor.run(Command.of("corosync-cmapctl")).stdout());
            assertThat(all.get("totem.cluster_name").value()).isEqualTo("q3");
            assertThat(all.get("nodelist.node.2.ring0_addr").value()).isEqualTo("127.0.0.3");
            Map<String, CmapEntry> stats = Corosync.on(three.executor).stats("stats.");
            assertThat(stats).isNotEmpty().allSatisfy((k, v) -> assertThat(k).startsWith("stats."));
        }
        try (Running one = new Running("q1", 1, "")) {
            CommandResult s = one.executor.run(Command.of("corosync-quorumtool", "-s"));
            assertThat(s.exitCode()).isZero();
            QuorumStatus q = Corosync.on(one.executor).quorum();
            assertThat(q.quorate()).isTrue();
            assertThat(q.flags()).contains("Quorate");
            assertThat(q.activityBlocked()).isFalse();
            contract("quorumtool -s quorate (live)", s.stdout(), t -> QuorumToolParser.parseStatus("live", t));
        }
    }

    private static <T> void contract(String name, String text, java.util.function.Function<String, T> parse) {
        ParserContract.emptyRefused(parse);
        ParserContract.linePrefixes(name, text, parse, x -> false, k -> false);
        ParserContract.deterministic(text, parse, Object::toString);
    }
}
