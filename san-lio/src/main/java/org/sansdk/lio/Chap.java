package org.sansdk.lio;

import java.util.Objects;
import java.util.Optional;
import org.sansdk.core.Secret;

/**
 * CHAP settings of a TPG, a node ACL or (as discovery auth) a fabric module: the initiator's credential
 * ({@code userid}/{@code password}) and optionally the mutual one the target presents back. rtslib writes
 * each of the four keys only when non-empty, so each part is optional. Passwords are {@link Secret}s and
 * {@link #toString()} never shows them.
 *
 * <pre>{@code Chap chap = Chap.of("iscsi-repl-user", Secret.of(pw)).withMutual("iscsi-target-user", Secret.of(mpw));}</pre>
 */
public record Chap(Optional<String> userid, Optional<Secret> password,
                   Optional<String> mutualUserid, Optional<Secret> mutualPassword) {

    /** No CHAP at all. */
    public static final Chap NONE = new Chap(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());

    /** Refuses null parts. */
    public Chap {
        Objects.requireNonNull(userid, "userid");
        Objects.requireNonNull(password, "password");
        Objects.requireNonNull(mutualUserid, "mutualUserid");
        Objects.requireNonNull(mutualPassword, "mutualPassword");
    }

    /** One-way CHAP: the initiator proves it knows {@code password}. {@code Chap.of("u", Secret.of("p"))} */
    public static Chap of(String userid, Secret password) {
        return new Chap(Optional.of(userid), Optional.of(password), Optional.empty(), Optional.empty());
    }

    /** Adds mutual CHAP (the target proves itself to the initiator). {@code chap.withMutual("t", Secret.of("q"))} */
    public Chap withMutual(String mutualUserid, Secret mutualPassword) {
        return new Chap(userid, password, Optional.of(mutualUserid), Optional.of(mutualPassword));
    }

    /** True when none of the four parts is set. {@code if (acl.chap().isEmpty()) ...} */
    public boolean isEmpty() {
        return userid.isEmpty() && password.isEmpty() && mutualUserid.isEmpty() && mutualPassword.isEmpty();
    }

    /** True when a complete one-way credential (userid and password) is set. {@code chap.hasCredentials()} */
    public boolean hasCredentials() {
        return userid.isPresent() && password.isPresent();
    }

    /** True when a complete mutual credential is set. {@code chap.hasMutual()} */
    public boolean hasMutual() {
        return mutualUserid.isPresent() && mutualPassword.isPresent();
    }

    @Override
    public String toString() {
        if (isEmpty()) {
            return "Chap[none]";
        }
        return "Chap[userid=" + userid.orElse("") + ", password=" + (password.isPresent() ? Secret.MASK : "")
                + (mutualUserid.isPresent() || mutualPassword.isPresent()
                ? ", mutualUserid=" + mutualUserid.orElse("") + ", mutualPassword="
                + (mutualPassword.isPresent() ? Secret.MASK : "") : "")
                + "]";
    }
}
