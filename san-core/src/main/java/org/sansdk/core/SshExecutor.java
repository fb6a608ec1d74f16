package org.sansdk.core;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Runs commands on a remote host through the system {@code ssh} binary:
 * {@code ssh -o BatchMode=yes -o ConnectTimeout=N [-p PORT] [user@]host -- <quoted argv>}. This is the
 * only place in san-sdk where a command line string is built, always through {@link PosixQuoting}, so the
 * remote shell reads back exactly the argv that was given. ssh's exit code 255 becomes
 * {@link HostUnreachableException}; stdin is forwarded. A command with a timeout runs remotely under
 * {@code timeout -k 5 SECONDS}, so the remote process is terminated too (killing the local ssh alone leaves
 * it running); its exit 124/137 becomes {@link CommandTimeoutException}, and the local ssh gets a longer
 * watchdog as a backstop.
 *
 * <pre>{@code Executor b = SshExecutor.builder("storage-b").user("root").build(); b.run(Command.of("zpool", "status"));}</pre>
 */
public final class SshExecutor implements Executor {
    private static final Pattern HOST = Pattern.compile("[A-Za-z0-9_.:\\[\\]%-]+");
    private static final Pattern USER = Pattern.compile("[A-Za-z0-9_.][A-Za-z0-9_.-]*");

    private final String host;
    private final String user;
    private final Integer port;
    private final Path identityFile;
    private final Duration connectTimeout;
    private final String sshBinary;
    private final Map<String, String> options;
    private final Executor local;

    private SshExecutor(Builder b) {
        this.host = b.host;
        this.user = b.user;
        this.port = b.port;
        this.identityFile = b.identityFile;
        this.connectTimeout = b.connectTimeout;
        this.sshBinary = b.sshBinary;
        this.options = Map.copyOf(b.options);
        this.local = b.local == null ? new LocalExecutor() : b.local;
    }

    /** Starts an executor for the given host name or address. */
    public static Builder builder(String host) {
        return new Builder(host);
    }

    /** The remote host. */
    public String host() {
        return host;
    }

    /** The local {@code ssh} command that runs {@code command} remotely (what {@link #run} executes). */
    public Command sshCommand(Command command) {
        Command.Builder b = Command.builder(sshBinary)
                .args("-o", "BatchMode=yes", "-o", "ConnectTimeout=" + Math.max(1, connectTimeout.toSeconds()));
        options.forEach((k, v) -> b.args("-o", k + "=" + v));
        if (port != null) {
            b.args("-p", port.toString());
        }
        if (identityFile != null) {
            b.args("-i", identityFile.toString());
        }
        b.arg(user == null ? host : user + "@" + host).arg("--").arg(remoteLine(command));
        byte[] secretEnv = secretEnvStdin(command);
        byte[] stdin = command.stdin().orElse(null);
        if (secretEnv.length > 0) {
            // secret values travel ahead of the command's own stdin, never on a command line (ps, /proc)
            byte[] all = new byte[secretEnv.length + (stdin == null ? 0 : stdin.length)];
            System.arraycopy(secretEnv, 0, all, 0, secretEnv.length);
            if (stdin != null) {
                System.arraycopy(stdin, 0, all, secretEnv.length, stdin.length);
            }
            b.secretStdin(all);
        } else if (stdin != null) {
            if (command.stdinIsSecret()) {
                b.secretStdin(stdin);
            } else {
                b.stdin(stdin);
            }
        }
        command.secrets().forEach(b::secret);
        // the remote `timeout` fires first; the local watchdog only guards against a hung connection
        command.timeout().ifPresent(t -> b.timeout(t.plus(connectTimeout).plus(LOCAL_GRACE)));
        return b.build();
    }

    /** Extra time the local ssh process gets beyond the remote timeout and the connect timeout. */
    private static final Duration LOCAL_GRACE = Duration.ofSeconds(15);
    /** Seconds between the remote TERM and KILL. */
    private static final int KILL_AFTER_SECONDS = 5;

    /**
     * The remote shell line: {@code [NAME=$(head -c N; echo .) && NAME=${NAME%.} && export NAME && …]
     * [timeout -k 5 S] [env K=V …] argv}, every word quoted. Secret environment variables are read from the
     * head of stdin by byte count (so a value may hold newlines or any character), exported, and the rest of
     * stdin is the command's; only their names and lengths appear on the line.
     */
    static String remoteLine(Command command) {
        StringBuilder line = new StringBuilder();
        for (String name : command.secretEnvNames()) {
            if (!name.matches("[A-Za-z_][A-Za-z0-9_]*")) {
                throw new IllegalArgumentException("a secret environment variable over SSH needs a shell name: " + name);
            }
            int bytes = command.env().get(name).getBytes(StandardCharsets.UTF_8).length;
            line.append(name).append("=$(head -c ").append(bytes).append("; echo .) && ")
                    .append(name).append("=${").append(name).append("%.} && export ").append(name).append(" && ");
        }
        List<String> words = new ArrayList<>();
        command.timeout().ifPresent(t -> words.addAll(List.of("timeout", "-k", Integer.toString(KILL_AFTER_SECONDS),
                java.math.BigDecimal.valueOf(t.toMillis(), 3).stripTrailingZeros().toPlainString())));
        Map<String, String> plainEnv = new LinkedHashMap<>(command.env());
        plainEnv.keySet().removeAll(command.secretEnvNames());
        if (!plainEnv.isEmpty()) {
            words.add("env");
            plainEnv.forEach((k, v) -> words.add(k + "=" + v));
        }
        words.addAll(command.argv());
        return line.append(PosixQuoting.join(words)).toString();
    }

    /** The secret environment values, in {@link Command#secretEnvNames()} order, as stdin bytes. */
    private static byte[] secretEnvStdin(Command command) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        for (String name : command.secretEnvNames()) {
            out.writeBytes(command.env().get(name).getBytes(StandardCharsets.UTF_8));
        }
        return out.toByteArray();
    }

    @Override
    public CommandResult run(Command command) {
        Command ssh = sshCommand(command);
        CommandResult result = local.run(ssh);
        if (result.exitCode() == 255) {
            throw new HostUnreachableException(host, command.redact(result.stderr()));
        }
        if (command.timeout().isPresent() && (result.exitCode() == 124 || result.exitCode() == 137)) {
            // coreutils timeout: 124 after TERM, 137 when KILL was needed
            throw new CommandTimeoutException(command, command.timeout().get());
        }
        return result;
    }

    @Override
    public String toString() {
        return "SshExecutor[" + (user == null ? "" : user + "@") + host + (port == null ? "" : ":" + port) + "]";
    }

    /**
     * Builds an {@link SshExecutor}.
     *
     * <pre>{@code SshExecutor.builder("10.20.20.2").user("root").connectTimeout(Duration.ofSeconds(5)).build()}</pre>
     */
    public static final class Builder {
        private final String host;
        private String user;
        private Integer port;
        private Path identityFile;
        private Duration connectTimeout = Duration.ofSeconds(10);
        private String sshBinary = "ssh";
        private final Map<String, String> options = new LinkedHashMap<>();
        private Executor local;

        private Builder(String host) {
            Objects.requireNonNull(host, "host");
            if (!HOST.matcher(host).matches() || host.startsWith("-")) {
                throw new IllegalArgumentException("not a host name or address: " + host);
            }
            this.host = host;
        }

        /** Logs in as this user (default: ssh's own default). */
        public Builder user(String user) {
            if (!USER.matcher(user).matches()) {
                throw new IllegalArgumentException("not a user name: " + user);
            }
            this.user = user;
            return this;
        }

        /** Connects to this port. */
        public Builder port(int port) {
            if (port < 1 || port > 65535) {
                throw new IllegalArgumentException("port out of range: " + port);
            }
            this.port = port;
            return this;
        }

        /** Uses this private key. */
        public Builder identityFile(Path identityFile) {
            this.identityFile = identityFile;
            return this;
        }

        /** Gives up connecting after this long (ssh {@code ConnectTimeout}, whole seconds). */
        public Builder connectTimeout(Duration connectTimeout) {
            this.connectTimeout = Objects.requireNonNull(connectTimeout);
            return this;
        }

        /** Adds an {@code -o KEY=VALUE} option, for example {@code StrictHostKeyChecking=yes}. */
        public Builder option(String key, String value) {
            if (!key.matches("[A-Za-z][A-Za-z0-9]*")) {
                throw new IllegalArgumentException("not an ssh option name: " + key);
            }
            options.put(key, value);
            return this;
        }

        /** Uses another ssh binary (a path); tests use a stand-in that evaluates the line with {@code /bin/sh}. */
        public Builder sshBinary(String sshBinary) {
            this.sshBinary = Objects.requireNonNull(sshBinary);
            return this;
        }

        /** Runs the local {@code ssh} process through this executor (default: a {@link LocalExecutor}). */
        public Builder localExecutor(Executor local) {
            this.local = local;
            return this;
        }

        /** Builds the executor. */
        public SshExecutor build() {
            return new SshExecutor(this);
        }
    }
}
