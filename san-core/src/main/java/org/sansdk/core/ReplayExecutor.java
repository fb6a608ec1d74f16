package org.sansdk.core;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Answers commands from recorded outputs, for tests and offline tools. Several answers recorded for the
 * same argv are given in order, and the last one repeats (a resilver polled until done). An unrecorded
 * command throws and names the nearest recorded one.
 *
 * <pre>{@code Executor e = ReplayExecutor.builder().on(List.of("zpool", "status", "-P", "-v", "san-pool"), statusText).build();}</pre>
 */
public final class ReplayExecutor implements Executor {
    private final Map<List<String>, Deque<CommandResult>> answers;
    private final List<Command> seen = new ArrayList<>();

    private ReplayExecutor(Map<List<String>, List<CommandResult>> recorded) {
        this.answers = new LinkedHashMap<>();
        recorded.forEach((k, v) -> answers.put(k, new ArrayDeque<>(v)));
    }

    /** Starts a recording. */
    public static Builder builder() {
        return new Builder();
    }

    @Override
    public synchronized CommandResult run(Command command) {
        Deque<CommandResult> queue = answers.get(command.argv());
        if (queue == null) {
            throw new SanException("no recorded answer for: " + command + nearest(command));
        }
        seen.add(command);
        return queue.size() > 1 ? queue.removeFirst() : queue.getFirst();
    }

    /** The commands answered so far, in order. */
    public synchronized List<Command> commandsSeen() {
        return List.copyOf(seen);
    }

    private String nearest(Command command) {
        String want = command.redact(String.join(" ", command.argv()));
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (List<String> argv : answers.keySet()) {
            String have = String.join(" ", argv);
            int d = distance(want, have);
            if (d < bestDistance) {
                bestDistance = d;
                best = PosixQuoting.join(argv);
            }
        }
        return best == null ? " (nothing is recorded)" : "; nearest recorded: " + command.redact(best);
    }

    /** Levenshtein distance, bounded to keep error reporting cheap. */
    private static int distance(String a, String b) {
        if (a.length() > 2000 || b.length() > 2000) {
            return Math.abs(a.length() - b.length()) + (a.startsWith(b) || b.startsWith(a) ? 0 : 1000);
        }
        return EditDistance.of(a, b);
    }

    /**
     * Records answers.
     *
     * <pre>{@code ReplayExecutor.builder().on(List.of("zpool", "list", "-Hp"), "san-pool\t...").build()}</pre>
     */
    public static final class Builder {
        private final Map<List<String>, List<CommandResult>> recorded = new LinkedHashMap<>();

        private Builder() {
        }

        /** Adds an answer for this exact argv; repeated calls add successive answers. */
        public Builder on(List<String> argv, CommandResult result) {
            recorded.computeIfAbsent(List.copyOf(argv), k -> new ArrayList<>()).add(result);
            return this;
        }

        /** Adds a successful answer with this stdout. */
        public Builder on(List<String> argv, String stdout) {
            return on(argv, CommandResult.ok(stdout));
        }

        /** Adds a successful answer whose stdout is the content of a recorded file. */
        public Builder onFile(List<String> argv, Path stdoutFile) {
            try {
                return on(argv, Files.readString(stdoutFile, StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new SanException("cannot read recorded output " + stdoutFile + ": " + e.getMessage(), e);
            }
        }

        /** Builds the executor. */
        public ReplayExecutor build() {
            return new ReplayExecutor(recorded);
        }
    }
}
