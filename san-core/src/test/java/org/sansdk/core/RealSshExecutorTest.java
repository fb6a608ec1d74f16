package org.sansdk.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sansdk.core.testing.Daemon;
import org.sansdk.core.testing.RealTools;

/**
 * The executor contract against a real OpenSSH server on 127.0.0.1 (a throw-away sshd with its own host
 * key and authorized key), so quoting is proven through ssh, sshd and root's real login shell.
 */
class RealSshExecutorTest extends ExecutorContract {
    @TempDir
    static Path dir;
    private static Daemon sshd;
    private static int port;

    @BeforeAll
    static void startSshd() throws Exception {
        RealTools.requireRoot();
        RealTools.requireFrom("ssh", "openssh-client");
        RealTools.requireFrom("ssh-keygen", "openssh-client");
        Path sshdBin = RealTools.requireFrom("sshd", "openssh-server");
        LocalExecutor local = new LocalExecutor(Duration.ofSeconds(30));
        local.runChecked(Command.of("ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f", dir.resolve("host_key").toString()));
        local.runChecked(Command.of("ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f", dir.resolve("client_key").toString()));
        Files.copy(dir.resolve("client_key.pub"), dir.resolve("authorized_keys"));
        Files.createDirectories(Path.of("/run/sshd")); // privilege separation directory
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        Files.writeString(dir.resolve("sshd_config"), String.join("\n",
                "Port " + port, "ListenAddress 127.0.0.1", "HostKey " + dir.resolve("host_key"),
                "AuthorizedKeysFile " + dir.resolve("authorized_keys"), "PermitRootLogin prohibit-password",
                "PasswordAuthentication no", "KbdInteractiveAuthentication no", "StrictModes no", "UsePAM no",
                "PidFile " + dir.resolve("sshd.pid"), "AcceptEnv NONE", ""));
        sshd = Daemon.start(List.of(sshdBin.toString(), "-D", "-e", "-f", dir.resolve("sshd_config").toString()),
                dir.resolve("sshd.log"));
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (true) {
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress("127.0.0.1", port), 200);
                break;
            } catch (IOException e) {
                if (System.nanoTime() > deadline || !sshd.isAlive()) {
                    throw new IllegalStateException("sshd did not start: " + Files.readString(dir.resolve("sshd.log")));
                }
                Thread.sleep(100);
            }
        }
    }

    @AfterAll
    static void stopSshd() {
        if (sshd != null) {
            sshd.close();
        }
    }

    private SshExecutor ssh() {
        return SshExecutor.builder("127.0.0.1").user("root").port(port)
                .identityFile(dir.resolve("client_key"))
                .option("StrictHostKeyChecking", "no").option("UserKnownHostsFile", "/dev/null")
                .option("LogLevel", "ERROR")
                .connectTimeout(Duration.ofSeconds(5)).build();
    }

    @Override
    Executor executor(List<Scenario> scenarios) {
        return ssh();
    }

    @Test
    void hostileArgv_survivesRealSshAndLoginShell() {
        // seeded, so a failure replays: 20 argv lists of 1-5 words of 0-10 hostile characters
        java.util.Random random = new java.util.Random(20261128);
        String chars = "'\" $`\\\n*?;&|<>(){}#~!ab";
        List<List<String>> samples = new java.util.ArrayList<>();
        for (int i = 0; i < 20; i++) {
            List<String> argv = new java.util.ArrayList<>();
            for (int w = 1 + random.nextInt(5); w > 0; w--) {
                StringBuilder word = new StringBuilder();
                for (int c = random.nextInt(11); c > 0; c--) {
                    word.append(chars.charAt(random.nextInt(chars.length())));
                }
                argv.add(word.toString());
            }
            samples.add(argv);
        }
        for (List<String> argv : samples) {
            List<String> cmd = new java.util.ArrayList<>(List.of("printf", "%s\\0"));
            cmd.addAll(argv);
            String out = ssh().runChecked(Command.of(cmd)).stdout();
            List<String> back = new java.util.ArrayList<>(List.of(out.split("\0", -1)));
            back.remove(back.size() - 1);
            assertThat(back).isEqualTo(argv);
        }
    }

    @Test
    void closedPort_isHostUnreachable() {
        SshExecutor e = SshExecutor.builder("127.0.0.1").port(1).connectTimeout(Duration.ofSeconds(2))
                .option("BatchMode", "yes").build();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> e.run(Command.of("true")))
                .isInstanceOf(HostUnreachableException.class).hasMessageContaining("127.0.0.1");
    }

    @Test
    void timeout_killsTheCommandOnTheRemoteHost() {
        String marker = "san-real-ssh-timeout-" + System.nanoTime();
        Command c = Command.builder("sh").args("-c", "sleep 30; echo " + marker)
                .timeout(Duration.ofSeconds(1)).build();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> ssh().run(c)).isInstanceOf(CommandTimeoutException.class);
        // sshd ran it on this same machine: it must be gone
        assertThat(new LocalExecutor().run(Command.of("pgrep", "-f", marker)).exitCode()).isEqualTo(1);
    }
}
