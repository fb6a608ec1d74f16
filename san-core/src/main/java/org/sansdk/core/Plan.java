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

/**
 * An ordered list of steps (run a command on a host, write a file with mode and owner) that is data until
 * it is applied. {@code toString()} prints a readable script with secrets redacted and secret file contents
 * left out; {@link #applyTo(HostExecutors)} runs each step on the host it names, in order, and stops at the first
 * failure, naming it; {@link #applyTo(Executor)} does the same for a plan on one host only.
 *
 * <pre>{@code
 * Plan plan = Plan.builder("sync LUNs").run("storage-a", Command.of("targetcli", "saveconfig"), "persist").build();
 * System.out.println(plan);      // exactly what would run
 * plan.applyTo(executor);                        // every step names storage-a
 * plan.applyTo(HostExecutors.of(Map.of("storage-a", sshA, "storage-b", sshB)));
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

    /** The hosts the steps name, in the order they first appear. */
    public List<String> hosts() {
        return steps.stream().map(Step::host).distinct().toList();
    }

    /**
     * Applies every step through one executor (commands and file writes alike); stops at the first failure.
     * Only for a plan whose steps all name the same host: one executor reaches one host.
     *
     * @throws MultiHostPlanException  when the steps name more than one host (nothing is applied)
     * @throws PlanStepFailedException naming the failed step; earlier steps stay applied
     */
    public PlanResult applyTo(Executor executor) {
        Objects.requireNonNull(executor, "executor");
        List<String> hosts = hosts();
        if (hosts.size() > 1) {
            throw new MultiHostPlanException(title, hosts);
        }
        return apply(host -> executor);
    }

    /**
     * Applies every step through the executor for the host it names; stops at the first failure. Every host
     * is looked up before the first step runs, so a missing one applies nothing.
     *
     * @throws HostExecutors.UnknownHostException when a step's host has no executor (nothing is applied)
     * @throws PlanStepFailedException naming the failed step; earlier steps stay applied
     */
    public PlanResult applyTo(HostExecutors executors) {
        Objects.requireNonNull(executors, "executors");
        java.util.Map<String, Executor> byHost = new java.util.LinkedHashMap<>();
        for (String host : hosts()) {
            byHost.put(host, Objects.requireNonNull(executors.executorFor(host), "no executor for host " + host));
        }
        return apply(byHost::get);
    }

    /** {@link #applyTo(HostExecutors)} for a lambda: {@code plan.applyToHosts(h -> executors.get(h))}. */
    public PlanResult applyToHosts(HostExecutors executors) {
        return applyTo(executors);
    }

    /**
     * The rest of this plan after a failure: the steps from the failed one on, to run again once the cause is
     * fixed. The failed step runs again, so it must be idempotent; when it says it is not, check by hand what
     * it did and use {@link #resumeAfter(PlanStepFailedException)}.
     *
     * @throws SanException when the failed step is not idempotent, or the exception is not from this plan
     */
    public Plan resumeFrom(PlanStepFailedException failure) {
        int i = failedIndex(failure);
        Step step = steps.get(i);
        if (!step.idempotent()) {
            throw new SanException("step " + (i + 1) + " (" + step.describe() + ") is not idempotent and may have "
                    + "taken effect before it failed; check it by hand, then resume with resumeAfter(failure)");
        }
        return new Plan(title, steps.subList(i, steps.size()));
    }

    /** The rest of this plan after a failure, without the failed step (the caller confirmed it took effect). */
    public Plan resumeAfter(PlanStepFailedException failure) {
        int i = failedIndex(failure);
        return new Plan(title, steps.subList(i + 1, steps.size()));
    }

    private int failedIndex(PlanStepFailedException failure) {
        int i = failure.stepIndex();
        if (!failure.planTitle().equals(title) || i >= steps.size() || !steps.get(i).equals(failure.step())) {
            throw new SanException("this failure (\"" + failure.planTitle() + "\" step " + failure.stepNumber()
                    + ") is not from plan \"" + title + "\"");
        }
        return i;
    }

    private PlanResult apply(java.util.function.Function<String, Executor> executors) {
        long start = System.nanoTime();
        List<CommandResult> results = new ArrayList<>();
        for (int i = 0; i < steps.size(); i++) {
            Step step = steps.get(i);
            try {
                Executor e = executors.apply(step.host());
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
                sb.append(run.command().toScript());
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

        /**
         * Whether running the step again after it ran (wholly or partly) leaves the same result, so a failed
         * plan can be resumed from it. File writes are; a command says so when it is built.
         */
        boolean idempotent();
    }

    /**
     * Run a command on a host.
     *
     * @param host    where
     * @param command what (printed redacted)
     * @param why     why
     * @param rerun   whether running it again is safe (see {@link Step#idempotent()})
     */
    public record RunStep(String host, Command command, String why, Rerun rerun) implements Step {
        /** Validates the fields. */
        public RunStep {
            Objects.requireNonNull(host, "host");
            Objects.requireNonNull(command, "command");
            Objects.requireNonNull(rerun, "rerun");
            why = why == null ? "" : why;
        }

        /** An idempotent command step. */
        public RunStep(String host, Command command, String why) {
            this(host, command, why, Rerun.SAFE);
        }

        @Override
        public boolean idempotent() {
            return rerun == Rerun.SAFE;
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

        /** A whole-file atomic write: running it again gives the same file. */
        @Override
        public boolean idempotent() {
            return true;
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

        static String text(byte[] bytes) {
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

    /** Whether a step can run again after it ran, wholly or in part. */
    public enum Rerun {
        /** Running it again leaves the same result (a resumed plan may repeat it). */
        SAFE,
        /** Running it again fails or does something twice (a resumed plan must not repeat it unchecked). */
        NOT_SAFE
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

        /**
         * Adds a command step that must not simply run twice (for example {@code zpool create}): a plan that
         * failed at it is not resumed from it without a check by hand.
         */
        public Builder runOnce(String host, Command command, String why) {
            steps.add(new RunStep(host, command, why, Rerun.NOT_SAFE));
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
