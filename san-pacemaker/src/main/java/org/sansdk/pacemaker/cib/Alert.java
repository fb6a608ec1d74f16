package org.sansdk.pacemaker.cib;

import java.util.List;

/**
 * An {@code <alert>} (read): an agent path and its recipients.
 * Usage: {@code alert.recipients().get(0).value()}.
 *
 * @param id                 alert id
 * @param path               alert agent path
 * @param description        description or null
 * @param attributeSets      meta/instance attributes
 * @param recipients         recipients
 */
public record Alert(String id, String path, String description, List<NvSet> attributeSets, List<Recipient> recipients) {
    /** Copies. Usage: see type. */
    public Alert {
        attributeSets = List.copyOf(attributeSets);
        recipients = List.copyOf(recipients);
    }

    /**
     * A {@code <recipient>}.
     * Usage: {@code new Alert.Recipient("r1", "/var/log/alerts")}.
     *
     * @param id            recipient id
     * @param value         recipient value
     * @param description   description or null
     * @param attributeSets meta/instance attributes of the recipient
     */
    public record Recipient(String id, String value, String description, List<NvSet> attributeSets) {
        /** Copies. Usage: see type. */
        public Recipient {
            attributeSets = List.copyOf(attributeSets);
        }

        /** A recipient without description or attributes. Usage: {@code new Alert.Recipient("r1", "/var/log/alerts")}. */
        public Recipient(String id, String value) {
            this(id, value, null, List.of());
        }
    }
}
