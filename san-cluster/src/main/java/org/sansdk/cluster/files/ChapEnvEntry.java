package org.sansdk.cluster.files;

import java.util.Objects;
import org.sansdk.core.Secret;

/**
 * One {@code NAME='value'} line of the CHAP env file; the value is a {@link Secret} and prints as {@code ****}.
 *
 * <pre>{@code new ChapEnvEntry("ISCSI_CHAP_PASSWORD_HYPERVISOR", Secret.of(password))}</pre>
 *
 * @param name  the shell variable name (upper-case letters, digits, {@code _}; not a variable the shell uses)
 * @param value the secret value
 */
public record ChapEnvEntry(String name, Secret value) {
    /** Refuses nulls. */
    public ChapEnvEntry {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(value, "value");
    }
}
