package org.sansdk.iscsi;

import org.sansdk.core.Command;

/**
 * A login was refused for its credentials (iscsiadm exit 24, or libiscsi's "Authentication failure"): wrong
 * initiator name for the ACL, CHAP user/secret, or a mutual CHAP secret the target did not prove.
 *
 * <pre>{@code catch (IscsiAuthenticationException e) { rotateChap(); }}</pre>
 */
public class IscsiAuthenticationException extends IscsiadmException {
    private static final long serialVersionUID = 1L;

    /** For a command and its exit code. */
    public IscsiAuthenticationException(Command command, int exitCode) {
        super(command, exitCode, ": the target refused the credentials");
    }

    /** With what the initiator reported (for libiscsi, whose exit code does not tell authentication apart). */
    public IscsiAuthenticationException(Command command, int exitCode, String detail) {
        super(command, exitCode, ": authentication failed: " + detail);
    }
}
