package org.sansdk.core;

import java.time.Duration;

/**
 * A command did not finish within its timeout and was killed.
 *
 * <pre>{@code catch (CommandTimeoutException e) { retryLater(e.command()); }}</pre>
 */
public class CommandTimeoutException extends SanException {
    private static final long serialVersionUID = 1L;
    private final transient Command command;
    private final transient Duration timeout;

    /** Creates the exception for a killed command. */
    public CommandTimeoutException(Command command, Duration timeout) {
        super("command timed out after " + timeout.toMillis() + " ms and was killed: " + command);
        this.command = command;
        this.timeout = timeout;
    }

    /** The command that was killed (redacted {@code toString()}). */
    public Command command() {
        return command;
    }

    /** The timeout that expired. */
    public Duration timeout() {
        return timeout;
    }
}
