package org.sansdk.iscsi;

import java.util.Objects;
import org.sansdk.core.Command;
import org.sansdk.core.CommandResult;
import org.sansdk.core.Executor;
import org.sansdk.core.Iqn;
import org.sansdk.core.SanException;

/**
 * Checks that an initiator name and CHAP credentials log in to a target, with libiscsi's user-space
 * {@code iscsi-inq} (package libiscsi-bin): no kernel session, no iscsid, nothing left behind. Secrets go in
 * libiscsi's environment variables ({@code LIBISCSI_CHAP_PASSWORD}, {@code LIBISCSI_CHAP_TARGET_PASSWORD}),
 * passed as secret environment, never in the URL on argv. libiscsi exits 10 for every failure, so this class
 * reads its message to tell an authentication failure ({@link IscsiAuthenticationException}) from others.
 *
 * <pre>{@code LibiscsiProbe.on(executor).inquiry(portal, target, 1, initiator, chap);}</pre>
 */
public final class LibiscsiProbe {
    private final Executor executor;

    private LibiscsiProbe(Executor executor) {
        this.executor = Objects.requireNonNull(executor);
    }

    /** The probe on a host. */
    public static LibiscsiProbe on(Executor executor) {
        return new LibiscsiProbe(executor);
    }

    /** The {@code iscsi-inq} command for a LUN (CHAP values in secret environment variables). */
    public static Command inquiryCommand(Portal portal, Iqn target, int lun, Iqn initiator, ChapCredentials chap) {
        ChapRules.validate(chap);
        if (!chap.username().matches("[A-Za-z0-9._:-]+")) {
            throw new IllegalArgumentException("a CHAP user name for a libiscsi URL: letters, digits, . _ : -");
        }
        Command.Builder b = Command.builder("iscsi-inq").args("-i", initiator.toString(),
                "iscsi://" + chap.username() + "@" + portal.hostPort() + "/" + target + "/" + lun)
                .secretEnv("LIBISCSI_CHAP_PASSWORD", chap.password());
        if (chap.isMutual()) {
            b.env("LIBISCSI_CHAP_TARGET_USERNAME", chap.usernameIn().orElseThrow())
                    .secretEnv("LIBISCSI_CHAP_TARGET_PASSWORD", chap.passwordIn().orElseThrow());
        }
        return b.build();
    }

    /**
     * Logs in and runs a standard INQUIRY; returns iscsi-inq's report.
     *
     * @throws IscsiAuthenticationException when the target refused the credentials or failed mutual CHAP
     * @throws SanException                 for any other failure (the target or LUN not found, no connection)
     */
    public String inquiry(Portal portal, Iqn target, int lun, Iqn initiator, ChapCredentials chap) {
        Command c = inquiryCommand(portal, target, lun, initiator, chap);
        CommandResult r = executor.run(c);
        if (r.exitCode() == 0) {
            return r.stdout();
        }
        String err = c.redact(r.stderr() + r.stdout());
        if (err.contains("Authentication failure") || err.contains("Invalid CHAP_R")) {
            String what = err.contains("Invalid CHAP_R") ? "the target failed mutual CHAP (wrong username_in/password_in)"
                    : "the target refused the initiator's CHAP user or secret";
            throw new IscsiAuthenticationException(c, r.exitCode(), what);
        }
        throw new SanException(String.join(" ", c.redactedArgv()) + ": exit " + r.exitCode() + ": "
                + err.strip().lines().reduce((a, b) -> b).orElse(""));
    }
}
