package org.sansdk.cluster.rules;

import java.util.Objects;

/**
 * One broken (or unverifiable) rule of a design.
 * Usage: {@code System.out.println(finding)} → {@code ERROR CLUSTER-COROSYNC-LINKS nodes[2].corosync_links: … Fix: …}.
 *
 * @param id       rule id ({@code CLUSTER-…}, or the tool module's own: {@code COROSYNC-CONSENSUS}, {@code PCMK-…})
 * @param severity how bad
 * @param layer    which layer's rule
 * @param where    the design path it concerns ({@code client_vlans[1].vip})
 * @param reason   what is wrong and why it matters
 * @param fix      what to change
 */
public record DesignFinding(String id, Severity severity, Layer layer, String where, String reason, String fix) {
    /** Refuses nulls. Usage: see type. */
    public DesignFinding {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(layer, "layer");
        Objects.requireNonNull(where, "where");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(fix, "fix");
    }

    /** One line: severity, id, layer, where, reason and fix. Usage: {@code f.toString()}. */
    @Override
    public String toString() {
        return severity + " " + id + " [" + layer.name().toLowerCase(java.util.Locale.ROOT) + "] " + where + ": " + reason
                + " Fix: " + fix;
    }
}
