package org.sansdk.iscsi;

import org.sansdk.core.Command;
import org.sansdk.core.SanException;

/**
 * iscsiadm exited with a code that means failure for the operation; the code is typed.
 *
 * <pre>{@code catch (IscsiadmException e) { if (e.exit() == IscsiadmExit.TRANS_TIMEOUT) retryLater(); }}</pre>
 */
public class IscsiadmException extends SanException {
    private static final long serialVersionUID = 1L;
    private final transient IscsiadmExit exit;
    private final int exitCode;

    /** For a command (shown redacted) and its exit code. */
    public IscsiadmException(Command command, int exitCode) {
        this(command, exitCode, "");
    }

    /** With a detail appended to the message. */
    protected IscsiadmException(Command command, int exitCode, String detail) {
        super(String.join(" ", command.redactedArgv()) + ": exit " + exitCode
                + (command.program().endsWith(IscsiadmCommands.ISCSIADM) ? " (" + IscsiadmExit.of(exitCode).name() + ": "
                + IscsiadmExit.of(exitCode).meaning() + ")" : "") + detail);
        this.exit = IscsiadmExit.of(exitCode);
        this.exitCode = exitCode;
    }

    /** The typed exit code. */
    public IscsiadmExit exit() {
        return exit;
    }

    /** The numeric exit code. */
    public int exitCode() {
        return exitCode;
    }

    /** For an exit code: the subclass that fits it. */
    static IscsiadmException of(Command command, int exitCode) {
        IscsiadmExit e = IscsiadmExit.of(exitCode);
        if (e == IscsiadmExit.LOGIN_AUTH_FAILED) {
            return new IscsiAuthenticationException(command, exitCode);
        }
        return new IscsiadmException(command, exitCode);
    }
}
