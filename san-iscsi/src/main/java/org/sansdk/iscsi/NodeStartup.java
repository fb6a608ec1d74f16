package org.sansdk.iscsi;

import java.util.Locale;

/**
 * {@code node.startup}: whether iscsid logs in to a node at boot ({@code iscsiadm -m node -L automatic}).
 *
 * <pre>{@code conf.startup() == NodeStartup.AUTOMATIC}</pre>
 */
public enum NodeStartup {
    /** Logged in at boot. */
    AUTOMATIC,
    /** Only by hand. */
    MANUAL,
    /** Logged in by the initramfs (boot from iSCSI). */
    ONBOOT;

    /** The value as written in iscsid.conf. */
    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses a value: {@code NodeStartup.parse("automatic")}. */
    public static NodeStartup parse(String v) {
        for (NodeStartup s : values()) {
            if (s.value().equals(v)) {
                return s;
            }
        }
        throw new IllegalArgumentException("node.startup is automatic, manual or onboot, not \"" + v + "\"");
    }
}
