package org.sansdk.core;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * A dry run: records every command it is given and runs nothing. Answers exit 0 with empty output, or
 * whatever the optional responder returns.
 *
 * <pre>{@code var dry = new RecordingExecutor(); plan.applyTo(dry); dry.commands().forEach(System.out::println);}</pre>
 */
public final class RecordingExecutor implements Executor {
    private final List<Command> commands = new ArrayList<>();
    private final Function<Command, CommandResult> responder;

    /** A recorder answering every command with exit 0 and empty output. */
    public RecordingExecutor() {
        this(c -> CommandResult.ok(""));
    }

    /** A recorder answering with {@code responder}. */
    public RecordingExecutor(Function<Command, CommandResult> responder) {
        this.responder = responder;
    }

    @Override
    public synchronized CommandResult run(Command command) {
        commands.add(command);
        return responder.apply(command);
    }

    /** The commands recorded so far, in order. */
    public synchronized List<Command> commands() {
        return List.copyOf(commands);
    }

    /** The recorded commands as a redacted, pasteable script: text stdin as heredocs (see {@link Command#toScript()}). */
    public synchronized String script() {
        StringBuilder sb = new StringBuilder();
        for (Command c : commands) {
            sb.append(c.toScript());
        }
        return sb.toString();
    }

    /** Forgets the recorded commands. */
    public synchronized void clear() {
        commands.clear();
    }
}
