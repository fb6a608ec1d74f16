package org.sansdk.core;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * An iSCSI name (RFC 3720 section 3.2.6, RFC 3721): {@code iqn.YYYY-MM.reverse.domain[:suffix]},
 * {@code eui.} + 16 hex digits, or {@code naa.} + 16 or 32 hex digits. Normalised to lower case (iSCSI
 * names compare case-insensitively), at most 223 bytes. Errors name the rule that was broken.
 *
 * <pre>{@code Iqn target = Iqn.parse("iqn.2025-01.lab.home:storage-a"); target.type(); // IQN}</pre>
 */
public final class Iqn implements Comparable<Iqn> {
    /** The three iSCSI name formats. */
    public enum Type { IQN, EUI, NAA }

    /** RFC 3720: an iSCSI name is at most 223 bytes (UTF-8). */
    public static final int MAX_BYTES = 223;
    private static final Pattern LABEL = Pattern.compile("[a-z0-9]([a-z0-9-]*[a-z0-9])?");
    private static final Pattern SUFFIX = Pattern.compile("[a-z0-9.:_-]*");
    private static final Pattern HEX = Pattern.compile("[0-9a-f]+");

    private final String value;
    private final Type type;

    private Iqn(String value, Type type) {
        this.value = value;
        this.type = type;
    }

    /**
     * Parses and normalises an iSCSI name.
     *
     * @throws IllegalArgumentException saying which rule the name breaks
     */
    public static Iqn parse(String text) {
        Objects.requireNonNull(text, "iSCSI name");
        String s = text.strip().toLowerCase(Locale.ROOT);
        if (s.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
            throw bad(text, "longer than " + MAX_BYTES + " bytes (RFC 3720 3.2.6)");
        }
        if (s.startsWith("iqn.")) {
            return new Iqn(s, checkIqn(text, s));
        }
        if (s.startsWith("eui.")) {
            String hex = s.substring(4);
            if (hex.length() != 16 || !HEX.matcher(hex).matches()) {
                throw bad(text, "an eui. name needs exactly 16 hex digits (EUI-64)");
            }
            return new Iqn(s, Type.EUI);
        }
        if (s.startsWith("naa.")) {
            String hex = s.substring(4);
            if ((hex.length() != 16 && hex.length() != 32) || !HEX.matcher(hex).matches()) {
                throw bad(text, "a naa. name needs 16 or 32 hex digits (RFC 3980)");
            }
            return new Iqn(s, Type.NAA);
        }
        throw bad(text, "an iSCSI name starts with iqn., eui. or naa.");
    }

    private static Type checkIqn(String text, String s) {
        // iqn.YYYY-MM.reversed.domain[:anything]
        if (s.length() < 12 || s.charAt(8) != '-' || s.charAt(11) != '.') {
            throw bad(text, "an iqn. name continues with the date the naming authority owned the domain, "
                    + "as YYYY-MM, then '.' (iqn.2025-01.lab.home)");
        }
        String year = s.substring(4, 8);
        String month = s.substring(9, 11);
        if (!year.chars().allMatch(Character::isDigit) || !month.chars().allMatch(Character::isDigit)) {
            throw bad(text, "the iqn. date must be digits YYYY-MM");
        }
        int m = Integer.parseInt(month);
        if (m < 1 || m > 12) {
            throw bad(text, "the iqn. month must be 01 to 12");
        }
        String rest = s.substring(12);
        int colon = rest.indexOf(':');
        String authority = colon < 0 ? rest : rest.substring(0, colon);
        if (authority.isEmpty()) {
            throw bad(text, "the iqn. name needs a reversed domain name after the date");
        }
        for (String label : authority.split("\\.", -1)) {
            if (!LABEL.matcher(label).matches()) {
                throw bad(text, "the reversed domain \"" + authority + "\" has an invalid label \"" + label
                        + "\" (letters, digits and inner hyphens only)");
            }
        }
        if (colon >= 0) {
            String suffix = rest.substring(colon + 1);
            if (suffix.isEmpty()) {
                throw bad(text, "a ':' must be followed by a unique name");
            }
            if (!SUFFIX.matcher(suffix).matches()) {
                throw bad(text, "the unique name after ':' may hold only letters, digits, '.', ':', '-' and '_'"
                        + " (no spaces, no control characters)");
            }
        }
        return Type.IQN;
    }

    private static IllegalArgumentException bad(String text, String rule) {
        return new IllegalArgumentException("invalid iSCSI name \"" + text + "\": " + rule);
    }

    /** The name format. */
    public Type type() {
        return type;
    }

    /** For {@code iqn.} names, the part after the first ':' (empty when there is none). */
    public String suffix() {
        int colon = value.indexOf(':');
        return type != Type.IQN || colon < 0 ? "" : value.substring(colon + 1);
    }

    @Override
    public int compareTo(Iqn o) {
        return value.compareTo(o.value);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Iqn other && value.equals(other.value);
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }

    /** The normalised name, exactly as parsed back by {@link #parse}. */
    @Override
    public String toString() {
        return value;
    }
}
