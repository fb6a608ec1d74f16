package org.sansdk.pacemaker.cib;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Objects;
import org.sansdk.core.Secret;

/**
 * One {@code <nvpair>}: a named value inside an attribute set. The value is typed ({@link NvValue}): plain text or a
 * {@link Secret}; only the type decides whether it is masked and kept off argv (no parameter-name pattern).
 * Usage: {@code new NvPair("zfs-pool-instance_attributes-pool", "pool", "san-pool")},
 * {@code NvPair.secret("fence-a-instance_attributes-community", "community", Secret.of(c))}.
 *
 * @param id      the XML id (may be null when an id-ref is used)
 * @param name    attribute name
 * @param content the value (null when the pair only names, e.g. in some ACL or unset cases)
 */
public record NvPair(String id, String name, @JsonIgnore NvValue content) {
    /** Validates. Usage: {@code new NvPair(null, "target-role", NvValue.plain("Stopped"))}. */
    public NvPair {
        Objects.requireNonNull(name, "name");
    }

    /** A plain pair (null value allowed). Usage: {@code new NvPair(null, "target-role", "Stopped")}. */
    public NvPair(String id, String name, String value) {
        this(id, name, value == null ? null : NvValue.plain(value));
    }

    /** A pair whose value is a secret. Usage: {@code NvPair.secret(id, "password", Secret.of(pw))}. */
    public static NvPair secret(String id, String name, Secret value) {
        return new NvPair(id, name, NvValue.secret(value));
    }

    /** True when the value is a {@link Secret}. Usage: {@code pair.isSecret()}. */
    @JsonIgnore
    public boolean isSecret() {
        return content != null && content.isSecret();
    }

    /**
     * The plain value (null when absent). For a secret value this refuses (no name of the value in the message): a
     * caller that needs it for the CIB uses {@code content().reveal()} deliberately.
     * Usage: {@code pair.value()}.
     *
     * @throws IllegalStateException when the value is a secret
     */
    @JsonIgnore
    public String value() {
        if (content == null) {
            return null;
        }
        return content.plain().orElseThrow(() -> new IllegalStateException("nvpair " + name + " holds a secret: use content()"));
    }

    /** The value as shown in JSON and {@link #toString()}: secrets as {@code ****}. Usage: {@code pair.displayValue()}. */
    @JsonProperty("value")
    public String displayValue() {
        return content == null ? null : content.display();
    }

    /** The text Pacemaker must receive (secret in clear, or null): for CIB XML only. Usage: internal to writers. */
    String revealed() {
        return content == null ? null : content.reveal();
    }

    /** Never shows a secret value. Usage: {@code pair.toString()}. */
    @Override
    public String toString() {
        return "NvPair[id=" + id + ", name=" + name + ", value=" + displayValue() + "]";
    }
}
