package org.sansdk.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * SshExecutor against a stand-in {@code ssh} that does what sshd does with the command line (hands it to
 * {@code sh -c}), so the quoting is proven by a real shell without needing an sshd.
 */
class SshExecutorTest extends ExecutorContract {

    static String fakeSsh() {
        try {
            return Path.of(SshExecutorTest.class.getResource("/fake-ssh").toURI()).toString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static SshExecutor.Builder builder(String host) {
        return SshExecutor.builder(host).sshBinary(fakeSsh());
    }

    @Override
    Executor executor(List<Scenario> scenarios) {
        return builder("storage-b").user("root").port(22).build();
    }

    @Test
    void sshCommand_hasBatchModeConnectTimeoutHostAndOneQuotedLine() {
        SshExecutor e = SshExecutor.builder("storage-b").user("root").connectTimeout(Duration.ofSeconds(7)).build();
        Command c = e.sshCommand(Command.of("zfs", "create", "san-pool/it's here"));
        assertThat(c.argv()).containsExactly("ssh", "-o", "BatchMode=yes", "-o", "ConnectTimeout=7",
                "root@storage-b", "--", "zfs create 'san-pool/it'\\''s here'");
    }

    @Test
    void sshCommand_secretArgument_isRedactedInToString() {
        SshExecutor e = SshExecutor.builder("storage-b").build();
        Secret s = Secret.of("hunter2");
        Command c = e.sshCommand(Command.builder("targetcli").secretArg("password=", s).build());
        assertThat(c.toString()).doesNotContain("hunter2").contains("password=****");
    }

    @Test
    void secretEnv_isOnNoCommandLine_onlyItsLengthIs_andTravelsOnSecretStdin() {
        Command c = ExecutorContract.SECRET_ENV.command();
        Command ssh = builder("storage-b").build().sshCommand(c);
        assertThat(ssh.argv()).noneMatch(a -> a.contains("s3cret"));
        assertThat(ssh.env()).isEmpty();
        assertThat(ssh.argv().get(ssh.argv().size() - 1))
                .startsWith("SAN_SECRET_VAR=$(head -c " + ENV_SECRET.reveal().getBytes(java.nio.charset.StandardCharsets.UTF_8).length + "; echo .)")
                .contains(" && env SAN_PLAIN_VAR=plain sh -c ");
        assertThat(ssh.stdinIsSecret()).isTrue();
        assertThat(new String(ssh.stdin().orElseThrow(), java.nio.charset.StandardCharsets.UTF_8))
                .isEqualTo(ENV_SECRET.reveal() + "stdin after\n");
        assertThat(ssh.toString()).doesNotContain("s3cret");
    }

    @Test
    void run_exit255_isHostUnreachable_carryingSshsOwnStderr() {
        // the real ssh client: a name in the reserved .invalid domain never resolves
        SshExecutor e = SshExecutor.builder("unreachable.invalid").connectTimeout(Duration.ofSeconds(3)).build();
        org.sansdk.core.testing.RealTools.require("ssh");
        assertThatThrownBy(() -> e.run(Command.of("true")))
                .isInstanceOfSatisfying(HostUnreachableException.class, ex -> assertThat(ex.getMessage())
                        .contains("unreachable.invalid").containsIgnoringCase("unreachable.invalid: "));
    }

    @Test
    void builder_refusesHostThatLooksLikeAnOption() {
        assertThatThrownBy(() -> SshExecutor.builder("-oProxyCommand=evil")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SshExecutor.builder("host;rm")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void timeout_runsRemotelyUnderCoreutilsTimeout_andKillsTheRemoteProcess() throws Exception {
        String marker = "san-ssh-timeout-" + System.nanoTime();
        SshExecutor e = builder("storage-b").build();
        Command c = Command.builder("sh").args("-c", "sleep 30; echo " + marker).timeout(Duration.ofMillis(700)).build();
        assertThat(e.sshCommand(c).argv().get(e.sshCommand(c).argv().size() - 1))
                .startsWith("timeout -k 5 0.7 sh -c ");
        long start = System.nanoTime();
        assertThatThrownBy(() -> e.run(c)).isInstanceOf(CommandTimeoutException.class).hasMessageContaining("700 ms");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
        // the remote side is gone too: nothing with the marker runs any more
        CommandResult ps = new LocalExecutor().run(Command.of("pgrep", "-f", marker));
        assertThat(ps.exitCode()).as("pgrep exit code (1 = no process)").isEqualTo(1);
    }

    @Test
    void noTimeout_noWrapper() {
        SshExecutor e = SshExecutor.builder("storage-b").build();
        assertThat(e.sshCommand(Command.of("true")).argv()).endsWith("--", "true");
        assertThat(e.sshCommand(Command.of("true")).timeout()).isEmpty();
    }
}
