package org.sansdk.pacemaker.ops;

import org.sansdk.core.Command;
import org.sansdk.core.CommandFailedException;

/**
 * A {@code cibsecret} run failed, or a value cannot be stored through it. The reason comes from cibsecret's exit code
 * (it exits with Pacemaker's {@code crm_exit_t} values); the message carries cibsecret's own output (it prints its
 * errors on stdout) with the command's secrets redacted and any CIB value it quotes ({@code <…>}) masked. A
 * {@link CommandFailedException}, so callers that catch that still do; for {@link Reason#NOT_STORABLE} nothing ran and
 * {@link #command()} is a bare {@code cibsecret set} with exit code 64 (usage).
 *
 * <pre>{@code try { exec.run(...); } catch (CibSecretException e) { if (e.reason() == CibSecretException.Reason.DIGEST_MISMATCH) … }}</pre>
 */
public class CibSecretException extends CommandFailedException {
    private static final long serialVersionUID = 1L;

    /** Why cibsecret failed. */
    public enum Reason {
        /** The value cannot pass through cibsecret unchanged (see {@link CibSecret#set}); nothing ran. */
        NOT_STORABLE,
        /** Exit 105 ({@code CRM_EX_NOSUCH}): no such resource in the CIB, or nothing to stash. */
        NO_SUCH_RESOURCE,
        /** Exit 104 ({@code CRM_EX_DIGEST}): the local value does not match its {@code .sign} MD5. */
        DIGEST_MISMATCH,
        /** Exit 72 ({@code CRM_EX_OSFILE}): no local {@code .sign} file (the secret was never set or synced here). */
        NO_LOCAL_SECRET,
        /** Exit 78 ({@code CRM_EX_CONFIG}): the CIB holds another plain value, or the parameter is not a secret. */
        CIB_CONFLICT,
        /** Exit 69 ({@code CRM_EX_UNAVAILABLE}): Pacemaker is not running here, or the node list cannot be read. */
        UNAVAILABLE,
        /** Exit 5 ({@code CRM_EX_NOT_INSTALLED}): md5sum or every copy program (pssh, pdsh, ssh) is missing. */
        NOT_INSTALLED,
        /** Exit 1 or 64: anything else (a failed copy to a peer, a failed CIB write, usage). */
        FAILED;

        /** The reason for one of cibsecret's exit codes. Usage: {@code Reason.ofExitCode(104)}. */
        public static Reason ofExitCode(int exitCode) {
            return switch (exitCode) {
                case 105 -> NO_SUCH_RESOURCE;
                case 104 -> DIGEST_MISMATCH;
                case 72 -> NO_LOCAL_SECRET;
                case 78 -> CIB_CONFLICT;
                case 69 -> UNAVAILABLE;
                case 5 -> NOT_INSTALLED;
                default -> FAILED;
            };
        }
    }

    private final Reason reason;

    /** A failed run. Usage: {@code throw new CibSecretException(command, 104, output)} (output is redacted here). */
    public CibSecretException(Command command, int exitCode, String output) {
        super(command, exitCode, maskCibValues(output));
        this.reason = Reason.ofExitCode(exitCode);
    }

    /** A value refused before anything ran. Usage: {@code throw new CibSecretException("a leading blank")}. */
    public CibSecretException(String why) {
        super(Command.of("cibsecret", "set"), 64, "value not storable through cibsecret: " + why);
        this.reason = Reason.NOT_STORABLE;
    }

    /** Why it failed. Usage: {@code e.reason()}. */
    public Reason reason() {
        return reason;
    }

    /** cibsecret quotes a conflicting CIB value as {@code <value>}: that value may be a password, so it is masked. */
    static String maskCibValues(String output) {
        return output == null ? "" : output.replaceAll("<[^>\\n]*>", "<****>");
    }
}
