package org.sansdk.core;

import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * An ordered list of steps (run a command on a host, write a file with mode and owner) that is data until
 * it is applied. {@code toString()} prints a readable script with secrets redacted and secret file contents
 * left out; {@link #applyTo(Executor)} runs the steps in order and stops at the first failure, naming it.
 *
 * <pre>{@code
 * Plan plan = Plan.builder("sync LUNs").run("storage-a", Command.of("targetcli", "saveconfig"), "persist").build();
 * System.out.println(plan);      // exactly what would run
 * plan.applyTo(executor);
 * }</pre>
 */
public final class Plan {
    /** Host name used for steps meant for the executor's own host. */
    public static final String LOCAL = "localhost";

    private final String title;
    private final List<Step> steps;

    private Plan(String title, List<Step> steps) {
        this.title = Objects.requireNonNull(title, "title");
        this.steps = List.copyOf(steps);
    }

    /** Starts a plan with a title saying what it achieves. */
    public static Builder builder(String title) {
        return new Builder(title);
    }

    /** A plan with nothing to do. */
    public static Plan empty(String title) {
        return new Plan(title, List.of());
    }

    /** The plan's title. */
    public String title() {
        return title;
    }

    /** The steps in the order they run. */
    public List<Step> steps() {
        return steps;
    }

    /** True when there is nothing to do. */
    public boolean isEmpty() {
        return steps.isEmpty();
    }

    /** This plan's steps followed by {@code other}'s. */
    public Plan plus(Plan other) {
        List<Step> all = new ArrayList<>(steps);
        all.addAll(other.steps);
        return new Plan(title, all);
    }

    /** Applies every step through one executor (commands and file writes alike). */
    public PlanResult applyTo(Executor executor) {
        Objects.requireNonNull(executor, "executor");
        return applyToHosts(host -> executor);
    }

    /**
     * Applies every step through the executor for its host; stops at the first failure.
     *
     * @throws PlanStepFailedException naming the failed step; earlier steps stay applied
     */
    public PlanResult applyToHosts(Function<String, Executor> executors) {
        long start = System.nanoTime();
        List<CommandResult> results = new ArrayList<>();
        for (int i = 0; i < steps.size(); i++) {
            Step step = steps.get(i);
            try {
                Executor e = Objects.requireNonNull(executors.apply(step.host()), "no executor for host " + step.host());
                if (step instanceof RunStep run) {
                    results.add(e.runChecked(run.command()));
                } else if (step instanceof WriteFileStep write) {
                    writeFile(e, write);
                }
            } catch (RuntimeException ex) {
                throw new PlanStepFailedException(title, i, step, ex);
            }
        }
        return new PlanResult(steps.size(), List.copyOf(results), Duration.ofNanos(System.nanoTime() - start));
    }

    private static void writeFile(Executor e, WriteFileStep w) {
        if (e instanceof LocalExecutor) {
            AtomicFiles.write(w.path(), w.content(), w.mode(), w.owner());
            return;
        }
        for (Command c : w.remoteCommands()) {
            e.runChecked(c);
        }
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        sb.append("# plan: ").append(title).append(" (").append(steps.size())
                .append(steps.size() == 1 ? " step)" : " steps)").append('\n');
        for (int i = 0; i < steps.size(); i++) {
            Step s = steps.get(i);
            sb.append("# ").append(i + 1).append(". ").append(s.why().isEmpty() ? "" : s.why() + " ")
                    .append("[on ").append(s.host()).append("]\n");
            if (s instanceof RunStep run) {
                sb.append(run.command()).append('\n');
            } else if (s instanceof WriteFileStep w) {
                sb.append(w.render());
            }
        }
        return sb.toString();
    }

    /** One step of a plan. */
    public sealed interface Step permits RunStep, WriteFileStep {
        /** The host the step runs on. */
        String host();

        /** Why the step is there (may be empty). */
        String why();

        /** A one-line redacted description. */
        String describe();
    }

    /**
     * Run a command on a host.
     *
     * @param host    where
     * @param command what (printed redacted)
     * @param why     why
     */
    public record RunStep(String host, Command command, String why) implements Step {
        /** Validates the fields. */
        public RunStep {
            Objects.requireNonNull(host, "host");
            Objects.requireNonNull(command, "command");
            why = why == null ? "" : why;
        }

        @Override
        public String describe() {
            return "run on " + host + ": " + command;
        }

        @Override
        public String toString() {
            return describe();
        }
    }

    /**
     * Write a whole file atomically with a mode and owner.
     *
     * @param host    where
     * @param path    absolute path of the file
     * @param content the bytes (never printed when {@code secret})
     * @param mode    permission bits, for example {@code 0600}
     * @param owner   {@code user[:group]} or null
     * @param secret  whether the content must never be shown
     * @param why     why
     */
    public record WriteFileStep(String host, Path path, byte[] content, int mode, String owner, boolean secret, String why)
            implements Step {
        /** Validates and copies the fields. */
        public WriteFileStep {
            Objects.requireNonNull(host, "host");
            Objects.requireNonNull(path, "path");
            if (!path.isAbsolute()) {
                throw new IllegalArgumentException("a plan writes absolute paths only: " + path);
            }
            content = Objects.requireNonNull(content, "content").clone();
            AtomicFiles.permissions(mode);
            if (owner != null && !owner.matches("[A-Za-z0-9_.][A-Za-z0-9_.-]*(:[A-Za-z0-9_.][A-Za-z0-9_.-]*)?")) {
                throw new IllegalArgumentException("owner must be user or user:group, got " + owner);
            }
            why = why == null ? "" : why;
        }

        /** A copy of the content. */
        @Override
        public byte[] content() {
            return content.clone();
        }

        @Override
        public String describe() {
            return "write " + path + " on " + host + " (mode " + octal(mode) + (owner == null ? "" : ", owner " + owner)
                    + ", " + content.length + " bytes" + (secret ? ", secret" : "") + ")";
        }

        @Override
        public String toString() {
            return describe();
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof WriteFileStep w && host.equals(w.host) && path.equals(w.path)
                    && java.util.Arrays.equals(content, w.content) && mode == w.mode && Objects.equals(owner, w.owner)
                    && secret == w.secret && why.equals(w.why);
        }

        @Override
        public int hashCode() {
            return Objects.hash(host, path, java.util.Arrays.hashCode(content), mode, owner, secret, why);
        }

        /**
         * The commands that write this file atomically on a host reached through a plain {@link Executor}:
         * create the temporary file with mode 0600 before any byte is written, write and fsync it, set
         * owner and mode, rename it over the target, fsync the directory.
         */
        public List<Command> remoteCommands() {
            String dir = path.getParent().toString();
            String tmp = dir + "/." + path.getFileName() + ".san-tmp";
            List<Command> cmds = new ArrayList<>();
            cmds.add(Command.of("install", "-m", "0600", "-T", "/dev/null", tmp));
            Command.Builder dd = Command.builder("dd").args("of=" + tmp, "conv=fsync", "status=none");
            if (secret) {
                dd.secretStdin(content);
            } else {
                dd.stdin(content);
            }
            cmds.add(dd.build());
            if (owner != null) {
                cmds.add(Command.of("chown", owner, tmp));
            }
            cmds.add(Command.of("chmod", octal(mode), tmp));
            cmds.add(Command.of("mv", "-f", "-T", tmp, path.toString()));
            cmds.add(Command.of("sync", dir));
            return cmds;
        }

        String render() {
            StringBuilder sb = new StringBuilder();
            String shown = secret ? null : text(content);
            String delim = "SAN_EOF";
            if (shown != null && (shown.contains("\n" + delim + "\n") || shown.startsWith(delim + "\n"))) {
                shown = null;
            }
            if (shown == null) {
                sb.append("# write ").append(content.length).append(" bytes to ").append(PosixQuoting.quote(path.toString()))
                        .append(secret ? " (secret: content not shown)" : " (binary: content not shown)").append('\n');
            } else {
                sb.append("cat > ").append(PosixQuoting.quote(path.toString())).append(" <<'").append(delim).append("'\n")
                        .append(shown);
                if (!shown.isEmpty() && !shown.endsWith("\n")) {
                    sb.append("\n# (no newline at end of file)\n");
                }
                sb.append(delim).append('\n');
            }
            if (owner != null) {
                sb.append("chown ").append(PosixQuoting.quote(owner)).append(' ').append(PosixQuoting.quote(path.toString())).append('\n');
            }
            sb.append("chmod ").append(octal(mode)).append(' ').append(PosixQuoting.quote(path.toString())).append('\n');
            return sb.toString();
        }

        private static String text(byte[] bytes) {
            try {
                String s = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
                return s.indexOf('\0') >= 0 ? null : s;
            } catch (CharacterCodingException e) {
                return null;
            }
        }
    }

    static String octal(int mode) {
        String s = Integer.toOctalString(mode);
        return "0".repeat(Math.max(0, 4 - s.length())) + s;
    }

    /**
     * Result of applying a plan.
     *
     * @param stepsApplied   how many steps ran
     * @param commandResults the results of the run steps, in order
     * @param duration       total time
     */
    public record PlanResult(int stepsApplied, List<CommandResult> commandResults, Duration duration) {
        /** Copies the list. */
        public PlanResult {
            commandResults = List.copyOf(commandResults);
        }
    }

    /**
     * Builds a {@link Plan}.
     *
     * <pre>{@code Plan.builder("write CHAP file").writeFile("storage-a", Path.of("/root/.iscsi-chap.env.enc"), bytes, 0600, "root:root", true, "credentials").build()}</pre>
     */
    public static final class Builder {
        private final String title;
        private final List<Step> steps = new ArrayList<>();

        private Builder(String title) {
            this.title = title;
        }

        /** Adds a command step. */
        public Builder run(String host, Command command, String why) {
            steps.add(new RunStep(host, command, why));
            return this;
        }

        /** Adds a file write step. */
        public Builder writeFile(String host, Path path, byte[] content, int mode, String owner, boolean secret, String why) {
            steps.add(new WriteFileStep(host, path, content, mode, owner, secret, why));
            return this;
        }

        /** Adds a step. */
        public Builder step(Step step) {
            steps.add(Objects.requireNonNull(step));
            return this;
        }

        /** Adds all steps of another plan. */
        public Builder addAll(Plan other) {
            steps.addAll(other.steps());
            return this;
        }

        /** True when no step was added yet. */
        public boolean isEmpty() {
            return steps.isEmpty();
        }

        /** Builds the plan. */
        public Plan build() {
            return new Plan(title, steps);
        }
    }
}
