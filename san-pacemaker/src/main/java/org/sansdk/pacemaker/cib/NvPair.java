package org.sansdk.pacemaker.cib;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Locale;
import java.util.Objects;

/**
 * One {@code <nvpair>}: a named value inside an attribute set.
 * Usage: {@code new NvPair("zfs-pool-instance_attributes-pool", "pool", "san-pool")}.
 *
 * @param id    the XML id (may be null when an id-ref is used)
 * @param name  attribute name
 * @param value attribute value (null when the pair only names, e.g. in some ACL or unset cases)
 */
public record NvPair(String id, String name, @JsonIgnore String value) {
    /** Validates. Usage: {@code new NvPair(null, "target-role", "Stopped")}. */
    public NvPair {
        Objects.requireNonNull(name, "name");
    }

    /**
     * True when the name says the value is a secret (fence agent {@code password}, {@code passwd},
     * {@code snmp_priv_passwd}, tokens...). Usage: {@code pair.isSecret()}.
     */
    @JsonIgnore
    public boolean isSecret() {
        return isSecretName(name);
    }

    /** True for names that hold secrets (contain passw, secret or token). Usage: {@code NvPair.isSecretName("passwd")}. */
    public static boolean isSecretName(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        return n.contains("passw") || n.contains("secret") || n.contains("token");
    }

    /** The value as shown in JSON and {@link #toString()}: secrets as {@code ****}. Usage: {@code pair.displayValue()}. */
    @JsonProperty("value")
    public String displayValue() {
        return isSecret() && value != null ? "****" : value;
    }

    /** Never shows a secret value. Usage: {@code pair.toString()}. */
    @Override
    public String toString() {
        return "NvPair[id=" + id + ", name=" + name + ", value=" + displayValue() + "]";
    }
}
