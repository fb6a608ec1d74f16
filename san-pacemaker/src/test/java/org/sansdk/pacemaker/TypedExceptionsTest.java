package org.sansdk.pacemaker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sansdk.core.Command;
import org.sansdk.core.CommandFailedException;
import org.sansdk.core.CommandResult;
import org.sansdk.core.Executor;
import org.sansdk.core.SanException;
import org.sansdk.core.Secret;
import org.sansdk.core.testing.RealTools;
import org.sansdk.core.testing.TestExecutors;
import org.sansdk.pacemaker.cib.Cib;
import org.sansdk.pacemaker.cib.CibWriter;
import org.sansdk.pacemaker.design.FencingDevice;
import org.sansdk.pacemaker.design.SanResourceSpec;
import org.sansdk.pacemaker.design.SanResourceSet;
import org.sansdk.pacemaker.ops.Pcs;

/** What callers catch, each against what the real tool prints and exits. */
class TypedExceptionsTest {

    private static Path designCib(Path dir) throws Exception {
        Path file = dir.resolve("cib.xml");
        Files.writeString(file, CibWriter.toXml(Cib.of(SanResourceSet.configuration(SanResourceSpec.builder()
                .vip("enduser", "10.30.30.10/24", "eth0")
                .fencing(FencingDevice.of("storage-a", "fence_dummy", Map.of()))
                .fencing(FencingDevice.of("storage-b", "fence_dummy", Map.of())).build())).withAllNodesOnline()));
        return file;
    }

    @Test
    void unknownResource_pcs_isResourceNotFound(@TempDir Path dir) throws Exception {
        Pacemaker pm = Pacemaker.on(Tools.executor()).cibFile(designCib(dir));
        // real pcs 0.11: exit 1, "Error: bundle/clone/group/resource[/tag] 'nosuch' does not exist"
        for (Runnable op : List.<Runnable>of(() -> pm.enable("nosuch"), () -> pm.disable("nosuch"), () -> pm.clear("nosuch"))) {
            assertThatThrownBy(op::run).isInstanceOfSatisfying(ResourceNotFoundException.class, e -> {
                assertThat(e.resource()).isEqualTo("nosuch");
                assertThat(e.exitCode()).isEqualTo(1);
                assertThat(e.stderrTail()).contains("'nosuch' does not exist");
            }).isInstanceOf(CommandFailedException.class).isInstanceOf(SanException.class);
        }
        // an existing resource is no error; another failure stays a plain CommandFailedException
        pm.disable("san-services");
        assertThatThrownBy(() -> pm.cleanup("san-services")).isInstanceOf(CommandFailedException.class)
                .isNotInstanceOf(ResourceNotFoundException.class);   // pcs refuses -f for cleanup
    }

    @Test
    void unknownResource_crmResource_exit105_matches(@TempDir Path dir) throws Exception {
        Path cib = designCib(dir);
        Command locate = Command.builder("crm_resource").arg("--locate").arg("-r").arg("nosuch").env("CIB_file", cib.toString()).build();
        CommandResult r = Tools.run(locate);
        // real crm_resource 2.1: exit 105 (CRM_EX_NOSUCH), "crm_resource: Resource 'nosuch' not found"
        assertThat(r.exitCode()).isEqualTo(ResourceNotFoundException.CRM_EX_NOSUCH);
        assertThat(r.stderr()).contains("Resource 'nosuch' not found");
        assertThat(ResourceNotFoundException.matches(r)).isTrue();
        Command known = Command.builder("crm_resource").arg("--locate").arg("-r").arg("zfs-pool").env("CIB_file", cib.toString()).build();
        assertThat(ResourceNotFoundException.matches(Tools.run(known))).isFalse();
    }

    @Test
    void fencingWithoutAFencer_isFencingFailed() {
        RealTools.require("stonith_admin");
        // no fencer in a fresh network namespace (its IPC sockets are per namespace): stonith_admin exits 102
        try (org.sansdk.core.testing.NetNamespace ns = org.sansdk.core.testing.NetNamespace.create("san-fence")) {
            Executor inNs = c -> TestExecutors.local().run(copy(c, ns.command(c.argv()).argv()));
            assertThatThrownBy(() -> Pacemaker.on(inNs).fence("storage-a")).isInstanceOfSatisfying(FencingFailedException.class, e -> {
                assertThat(e.node()).isEqualTo("storage-a");
                assertThat(e.exitCode()).isEqualTo(102);
                assertThat(e.stderrTail()).contains("Couldn't fence storage-a");
            });
        }
    }

    @Test
    void hostAuth_wrongPassword_isAuthenticationFailed_andThePasswordIsOnStdinOnly(@TempDir Path dir) throws Exception {
        RealTools.requireRoot();
        RealTools.require("pcs", "unshare", "nsenter", "ip");
        Path pcsd = RealTools.find("pcsd").orElse(Path.of("/usr/sbin/pcsd"));
        if (!Files.isExecutable(pcsd)) {
            RealTools.require("pcsd");
        }
        Secret wrong = Secret.of("not-the-password-" + System.nanoTime());
        Command c = Pcs.hostAuth(List.of("localhost"), "hacluster", wrong);
        assertThat(String.join(" ", c.argv())).doesNotContain(wrong.reveal());
        assertThat(c.toString()).doesNotContain(wrong.reveal());
        // a private pcsd: own network namespace (port 2224 on its loopback), own /var/lib/pcsd, /var/log/pcsd and /run
        for (String d : List.of("lib", "log")) {
            Files.createDirectories(dir.resolve(d));
        }
        String script = "mount --bind " + dir.resolve("lib") + " /var/lib/pcsd && mount --bind " + dir.resolve("log")
                + " /var/log/pcsd && mount -t tmpfs tmpfs /run && ip link set lo up && exec " + pcsd;
        Process daemon = new ProcessBuilder("unshare", "-m", "-n", "--propagation", "private", "bash", "-c", script)
                .redirectErrorStream(true).redirectOutput(dir.resolve("pcsd.out").toFile()).start();
        try {
            String pid = Long.toString(daemon.pid());
            Executor inNs = cmd -> {
                List<String> argv = new ArrayList<>(List.of("nsenter", "-t", pid, "-m", "-n", "--"));
                argv.addAll(cmd.argv());
                return TestExecutors.local().run(copy(cmd, argv));
            };
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (inNs.run(Command.of("bash", "-c", "echo > /dev/tcp/127.0.0.1/2224")).exitCode() != 0) {
                assertThat(daemon.isAlive()).as("pcsd runs: " + Files.readString(dir.resolve("pcsd.out"))).isTrue();
                assertThat(System.nanoTime()).as("pcsd listens on 2224").isLessThan(deadline);
                Thread.sleep(500);
            }
            // real pcs 0.11 + pcsd: exit 1, "Error: localhost: Username and/or password is incorrect"
            assertThatThrownBy(() -> Pacemaker.on(inNs).hostAuth(List.of("localhost"), "hacluster", wrong))
                    .isInstanceOfSatisfying(AuthenticationFailedException.class, e -> {
                        assertThat(e.nodes()).containsExactly("localhost");
                        assertThat(e.exitCode()).isEqualTo(1);
                        assertThat(e.stderrTail()).contains("Username and/or password is incorrect");
                        assertThat(e.getMessage()).doesNotContain(wrong.reveal());
                    });
            // a node that does not answer is not an authentication failure
            assertThatThrownBy(() -> Pacemaker.on(inNs).hostAuth(List.of("nosuch-node.invalid"), "hacluster", wrong))
                    .isInstanceOf(CommandFailedException.class).isNotInstanceOf(AuthenticationFailedException.class)
                    .hasMessageContaining("Unable to communicate with nosuch-node.invalid");
        } finally {
            // pcsd's main process waits for its workers on SIGTERM: stop them all, forcibly
            daemon.descendants().forEach(ProcessHandle::destroyForcibly);
            daemon.destroyForcibly();
            daemon.waitFor(30, java.util.concurrent.TimeUnit.SECONDS);
        }
    }

    /** The same command with another argv (env, stdin, secrets and timeout kept). */
    private static Command copy(Command c, List<String> argv) {
        Command.Builder b = Command.builder(argv.get(0)).args(argv.subList(1, argv.size()));
        c.env().forEach(b::env);
        if (c.stdinIsSecret()) {
            c.stdin().ifPresent(b::secretStdin);
        } else {
            c.stdin().ifPresent(b::stdin);
        }
        c.secrets().forEach(b::secret);
        c.timeout().ifPresent(b::timeout);
        return b.build();
    }
}
