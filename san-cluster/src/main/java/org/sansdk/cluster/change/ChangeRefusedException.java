package org.sansdk.cluster.change;

import org.sansdk.core.SanException;

/**
 * A day-two change the SDK will not plan because applying it would break the running cluster (e.g. fence passwords
 * switched to cibsecret before the secret files exist). The message says what to do first; it never holds a secret.
 * Usage: {@code try { cluster.plan(changed); } catch (ChangeRefusedException e) { … }}.
 */
public class ChangeRefusedException extends SanException {
    private static final long serialVersionUID = 1L;

    /** With the reason. Usage: {@code throw new ChangeRefusedException("…")}. */
    public ChangeRefusedException(String message) {
        super(message);
    }
}
