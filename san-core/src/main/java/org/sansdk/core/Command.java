package org.sansdk.core;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A command as data: an argv list (never a shell string), optional stdin bytes, environment additions,
 * a timeout, and the {@link Secret}s it carries so that every printed form can hide them.
 * {@code toString()} is a POSIX-quoted line that can be pasted into a shell, with each secret as {@code ****}.
 *
 * <pre>{@code Command c = Command.builder("zpool").args("import", "-o", "cachefile=none", "san-pool").timeout(Duration.ofSeconds(150)).build();}</pre>
 */
public final class Command {
    private final List<String> argv;
    private final byte[] stdin;
    private final boolean stdinSecret;
    private final Map<String, String> env;
    private final java.util.Set<String> secretEnvNames;
    private final Duration timeout;
    private final List<Secret> secrets;

    private Command(Builder b) {
        if (b.argv.isEmpty()) {
            throw new IllegalArgumentException("a command needs at least the program name");
        }
        for (String a : b.argv) {
            Objects.requireNonNull(a, "argv element");
            if (a.indexOf('\0') >= 0) {
                throw new IllegalArgumentException("argv elements cannot contain NUL");
            }
        }
        if (b.argv.get(0).isEmpty()) {
            throw new IllegalArgumentException("the program name is empty");
        }
        this.argv = List.copyOf(b.argv);
        this.stdin = b.stdin == null ? null : b.stdin.clone();
        this.stdinSecret = b.stdinSecret;
        this.env = Collections.unmodifiableMap(new LinkedHashMap<>(b.env));
        this.secretEnvNames = Collections.unmodifiableSet(new java.util.LinkedHashSet<>(b.secretEnvNames));
        this.timeout = b.timeout;
        this.secrets = List.copyOf(b.secrets);
    }

    /** A command from its argv words. */
    public static Command of(String... argv) {
        return builder(argv[0]).args(List.of(argv).subList(1, argv.length)).build();
    }

    /** A command from an argv list. */
    public static Command of(List<String> argv) {
        if (argv.isEmpty()) {
            throw new IllegalArgumentException("a command needs at least the program name");
        }
        return builder(argv.get(0)).args(argv.subList(1, argv.size())).build();
    }

    /** Starts a command for the given program. */
    public static Builder builder(String program) {
        return new Builder(program);
    }

    /** A builder holding this command's values, to derive a variant. */
    public Builder toBuilder() {
        Builder b = new Builder(argv.get(0));
        b.argv.clear();
        b.argv.addAll(argv);
        b.stdin = stdin == null ? null : stdin.clone();
        b.stdinSecret = stdinSecret;
        b.env.putAll(env);
        b.secretEnvNames.addAll(secretEnvNames);
        b.timeout = timeout;
        b.secrets.addAll(secrets);
        return b;
    }

    /** The argv words, program first. Secret values appear here in clear: pass them only to a process. */
    public List<String> argv() {
        return argv;
    }

    /** The program (argv[0]). */
    public String program() {
        return argv.get(0);
    }

    /** Bytes to write to the process's stdin, if any (a copy). */
    public Optional<byte[]> stdin() {
        return stdin == null ? Optional.empty() : Optional.of(stdin.clone());
    }

    /** True when stdin holds secret material and must never be shown. */
    public boolean stdinIsSecret() {
        return stdinSecret;
    }

    /** Environment variables added to the inherited environment. */
    public Map<String, String> env() {
        return env;
    }

    /** The timeout after which the process is killed; executors apply their default when empty. */
    public Optional<Duration> timeout() {
        return Optional.ofNullable(timeout);
    }

    /**
     * The names of the environment variables whose values are secrets ({@link Builder#secretEnv}); an
     * executor that crosses a host boundary must not put these values on any command line.
     */
    public java.util.Set<String> secretEnvNames() {
        return secretEnvNames;
    }

    /** The secrets whose values this command carries in argv, env or stdin. */
    public List<Secret> secrets() {
        return secrets;
    }

    /** Replaces every secret value occurring in {@code text} with {@code ****}. */
    public String redact(String text) {
        return redact(text, secrets);
    }

    /** Replaces every value of {@code secrets} occurring in {@code text} with {@code ****}. */
    public static String redact(String text, List<Secret> secrets) {
        if (text == null || secrets.isEmpty()) {
            return text;
        }
        String out = text;
        // longest first, so a secret that contains another is masked whole
        List<String> values = new ArrayList<>();
        for (Secret s : secrets) {
            if (!s.isEmpty()) {
                values.add(s.reveal());
            }
        }
        values.sort((a, b) -> Integer.compare(b.length(), a.length()));
        for (String v : values) {
            out = out.replace(v, Secret.MASK);
        }
        return out;
    }

    /** The argv with secrets replaced by {@code ****}, for display. */
    public List<String> redactedArgv() {
        List<String> shown = new ArrayList<>(argv.size());
        for (String a : argv) {
            shown.add(redact(a));
        }
        return shown;
    }

    /**
     * The command as a pasteable script fragment for dry runs: the {@link #toString()} line, and its stdin as
     * a quoted heredoc when it is text. In a secret stdin every line that holds one of the command's
     * registered secrets is printed as {@code ****}; a secret stdin with no registered secret, or binary
     * stdin, is not shown (only its length).
     *
     * <pre>{@code System.out.print(cmd.toScript());   // targetcli <<'SAN_EOF' … SAN_EOF}</pre>
     */
    public String toScript() {
        StringBuilder sb = new StringBuilder();
        for (Map.Entry<String, String> e : env.entrySet()) {
            String shown = secretEnvNames.contains(e.getKey()) ? Secret.MASK : redact(e.getValue());
            sb.append(e.getKey()).append('=').append(PosixQuoting.quote(shown)).append(' ');
        }
        sb.append(PosixQuoting.join(redactedArgv()));
        if (stdin == null) {
            return sb.append('\n').toString();
        }
        String text = Plan.WriteFileStep.text(stdin);
        // a secret stdin is shown line by line with secret lines masked, so it needs registered secrets that
        // each fit on one line; otherwise nothing of it is shown
        boolean hidden = text == null || (stdinSecret && (secrets.stream().allMatch(Secret::isEmpty)
                || secrets.stream().anyMatch(x -> x.reveal().indexOf('\n') >= 0 || x.reveal().indexOf('\r') >= 0)));
        String delim = "SAN_EOF";
        if (!hidden && (text.contains("\n" + delim + "\n") || text.startsWith(delim + "\n") || text.endsWith("\n" + delim))) {
            hidden = true;
        }
        if (hidden) {
            return sb.append("  # stdin: ").append(stdin.length).append(" bytes")
                    .append(stdinSecret ? " (secret, not shown)" : " (binary, not shown)").append('\n').toString();
        }
        sb.append(" <<'").append(delim).append("'\n");
        for (String line : text.split("\n", -1)) {
            sb.append(stdinSecret && !redact(line).equals(line) ? Secret.MASK : line).append('\n');
        }
        if (text.endsWith("\n")) {
            sb.setLength(sb.length() - 1);   // the last split element is the empty rest after the final newline
        } else {
            sb.append("# (no newline at end of stdin)\n");
        }
        return sb.append(delim).append('\n').toString();
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        for (Map.Entry<String, String> e : env.entrySet()) {
            String shown = secretEnvNames.contains(e.getKey()) ? Secret.MASK : redact(e.getValue());
            sb.append(e.getKey()).append('=').append(PosixQuoting.quote(shown)).append(' ');
        }
        sb.append(PosixQuoting.join(redactedArgv()));
        if (stdin != null) {
            sb.append("  # stdin: ").append(stdin.length).append(" bytes").append(stdinSecret ? " (secret)" : "");
        }
        return sb.toString();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Command c && argv.equals(c.argv) && env.equals(c.env)
                && java.util.Arrays.equals(stdin, c.stdin) && Objects.equals(timeout, c.timeout);
    }

    @Override
    public int hashCode() {
        return Objects.hash(argv, env, java.util.Arrays.hashCode(stdin), timeout);
    }

    /**
     * Builds a {@link Command}.
     *
     * <pre>{@code Command.builder("targetcli").secretStdin(script.getBytes(UTF_8)).build()}</pre>
     */
    public static final class Builder {
        private final List<String> argv = new ArrayList<>();
        private byte[] stdin;
        private boolean stdinSecret;
        private final Map<String, String> env = new LinkedHashMap<>();
        private final java.util.Set<String> secretEnvNames = new java.util.LinkedHashSet<>();
        private Duration timeout;
        private final List<Secret> secrets = new ArrayList<>();

        private Builder(String program) {
            Objects.requireNonNull(program, "program");
            argv.add(program);
        }

        /** Adds one argument. */
        public Builder arg(String arg) {
            argv.add(Objects.requireNonNull(arg, "arg"));
            return this;
        }

        /** Adds arguments. */
        public Builder args(String... args) {
            for (String a : args) {
                arg(a);
            }
            return this;
        }

        /** Adds arguments. */
        public Builder args(List<String> args) {
            for (String a : args) {
                arg(a);
            }
            return this;
        }

        /** Adds {@code prefix + secret} as one argument, printed as {@code prefix + ****}. Prefer stdin for secrets: argv is visible in {@code ps}. */
        public Builder secretArg(String prefix, Secret secret) {
            secrets.add(Objects.requireNonNull(secret, "secret"));
            return arg(prefix + secret.reveal());
        }

        /** Declares a secret that appears inside an argument or stdin, so printed forms mask it. */
        public Builder secret(Secret secret) {
            secrets.add(Objects.requireNonNull(secret, "secret"));
            return this;
        }

        /** Sets stdin bytes. */
        public Builder stdin(byte[] bytes) {
            this.stdin = bytes == null ? null : bytes.clone();
            this.stdinSecret = false;
            return this;
        }

        /** Sets stdin text (UTF-8). */
        public Builder stdin(String text) {
            return stdin(text.getBytes(StandardCharsets.UTF_8));
        }

        /** Sets stdin bytes that contain secrets: never printed, only their length. */
        public Builder secretStdin(byte[] bytes) {
            this.stdin = bytes.clone();
            this.stdinSecret = true;
            return this;
        }

        /** Adds an environment variable. */
        public Builder env(String name, String value) {
            if (name.isEmpty() || name.indexOf('=') >= 0) {
                throw new IllegalArgumentException("bad environment variable name: " + name);
            }
            env.put(name, Objects.requireNonNull(value, "value"));
            return this;
        }

        /** Adds an environment variable holding a secret, printed as {@code ****}. */
        public Builder secretEnv(String name, Secret value) {
            secrets.add(value);
            env(name, value.reveal());
            secretEnvNames.add(name);
            return this;
        }

        /** Sets the timeout after which the process is killed. */
        public Builder timeout(Duration timeout) {
            if (timeout != null && (timeout.isNegative() || timeout.isZero())) {
                throw new IllegalArgumentException("timeout must be positive: " + timeout);
            }
            this.timeout = timeout;
            return this;
        }

        /** Builds the command. */
        public Command build() {
            return new Command(this);
        }
    }
}
