package org.sansdk.core;

/**
 * A command ran and exited non-zero. The message shows the command with secrets redacted, the exit
 * code and the last lines of stderr (also redacted).
 *
 * <pre>{@code catch (CommandFailedException e) { if (e.exitCode() == 1) ... }}</pre>
 */
public class CommandFailedException extends SanException {
    private static final long serialVersionUID = 1L;
    private static final int TAIL_LINES = 20;

    private final transient Command command;
    private final int exitCode;
    private final String stderrTail;

    /** Creates the exception for a finished command. */
    public CommandFailedException(Command command, CommandResult result) {
        this(command, result.exitCode(), result.stderr());
    }

    /** Creates the exception from a command, its exit code and its full stderr. */
    public CommandFailedException(Command command, int exitCode, String stderr) {
        this(command, exitCode, tail(command, stderr), true);
    }

    private CommandFailedException(Command command, int exitCode, String tail, boolean ignored) {
        super("command failed with exit code " + exitCode + ": " + command
                + (tail.isEmpty() ? "" : "\nstderr:\n" + tail));
        this.command = command;
        this.exitCode = exitCode;
        this.stderrTail = tail;
    }

    private static String tail(Command command, String stderr) {
        if (stderr == null || stderr.isEmpty()) {
            return "";
        }
        String[] lines = stderr.split("\n", -1);
        int from = Math.max(0, lines.length - TAIL_LINES);
        String tail = String.join("\n", java.util.Arrays.copyOfRange(lines, from, lines.length)).strip();
        return command.redact(tail);
    }

    /** The command that failed; its {@code toString()} is redacted. */
    public Command command() {
        return command;
    }

    /** The exit code. */
    public int exitCode() {
        return exitCode;
    }

    /** The last lines of stderr, secrets redacted. */
    public String stderrTail() {
        return stderrTail;
    }
}
