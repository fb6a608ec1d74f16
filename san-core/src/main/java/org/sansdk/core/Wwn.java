package org.sansdk.core;

import java.util.Locale;
import java.util.Objects;

/**
 * A SCSI/Fibre Channel NAA World Wide Name: 16 or 32 hex digits, written {@code naa.5000c500a1b2c3d4}.
 * Accepts {@code naa.}, {@code 0x} and {@code wwn-0x} prefixes, colons between byte pairs and any case.
 *
 * <pre>{@code Wwn w = Wwn.parse("50:00:c5:00:a1:b2:c3:d4"); w.toString(); // naa.5000c500a1b2c3d4}</pre>
 */
public final class Wwn {
    private final String hex;

    private Wwn(String hex) {
        this.hex = hex;
    }

    /**
     * Parses a WWN.
     *
     * @throws IllegalArgumentException when it is not 16 or 32 hex digits, or the NAA field is not 1, 2, 3, 5 or 6
     */
    public static Wwn parse(String text) {
        Objects.requireNonNull(text, "WWN");
        String s = text.strip().toLowerCase(Locale.ROOT);
        for (String prefix : new String[] {"naa.", "wwn-0x", "0x"}) {
            if (s.startsWith(prefix)) {
                s = s.substring(prefix.length());
                break;
            }
        }
        if (s.indexOf(':') >= 0) {
            String[] pairs = s.split(":", -1);
            for (String p : pairs) {
                if (p.length() != 2) {
                    throw new IllegalArgumentException("invalid WWN \"" + text + "\": colon-separated form needs byte pairs");
                }
            }
            s = s.replace(":", "");
        }
        if ((s.length() != 16 && s.length() != 32) || !s.chars().allMatch(c -> Character.digit(c, 16) >= 0)) {
            throw new IllegalArgumentException("invalid WWN \"" + text + "\": expected 16 or 32 hex digits");
        }
        char naa = s.charAt(0);
        if ("12356".indexOf(naa) < 0) {
            throw new IllegalArgumentException("invalid WWN \"" + text + "\": NAA field " + naa
                    + " is not 1, 2, 3, 5 or 6 (IEEE formats)");
        }
        if ((naa == '6') != (s.length() == 32)) {
            throw new IllegalArgumentException("invalid WWN \"" + text + "\": NAA 6 names have 32 hex digits, others 16");
        }
        return new Wwn(s);
    }

    /** The lower-case hex digits without prefix. */
    public String hex() {
        return hex;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Wwn w && hex.equals(w.hex);
    }

    @Override
    public int hashCode() {
        return hex.hashCode();
    }

    /** {@code naa.} followed by the hex digits; parses back to an equal value. */
    @Override
    public String toString() {
        return "naa." + hex;
    }
}
