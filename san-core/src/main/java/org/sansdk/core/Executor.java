package org.sansdk.core;

/**
 * Runs a {@link Command} somewhere: the local host, a remote host over SSH, a recording for tests, or
 * nowhere (dry run). The only port through which san-sdk touches a system.
 *
 * <pre>{@code Executor local = new LocalExecutor(); String out = local.runChecked(Command.of("zpool", "list", "-Hp")).stdout();}</pre>
 */
@FunctionalInterface
public interface Executor {
    /**
     * Runs the command to completion and returns its result, whatever the exit code.
     *
     * @throws CommandTimeoutException   when the command's timeout expired (the process was killed)
     * @throws HostUnreachableException  when a remote host could not be reached
     * @throws SanException              when the command could not be started at all
     */
    CommandResult run(Command command);

    /** Runs the command and throws {@link CommandFailedException} (redacted) unless it exited 0. */
    default CommandResult runChecked(Command command) {
        return run(command).requireSuccess(command);
    }
}
