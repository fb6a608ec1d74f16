package org.sansdk.pacemaker.status;

import java.util.Map;

/**
 * crm_mon's {@code <summary>}.
 * Usage: {@code status.summary().withQuorum()}.
 *
 * @param stack               corosync, ...
 * @param dcName              DC node name or null
 * @param dcPresent           DC present
 * @param withQuorum          partition has quorum
 * @param lastUpdate          last update time text (may be empty: blanked in tests)
 * @param lastChange          last change time text
 * @param nodesConfigured     nodes configured
 * @param resourcesConfigured resources configured
 * @param resourcesDisabled   resources disabled
 * @param resourcesBlocked    resources blocked
 * @param clusterOptions      cluster options as reported (stonith-enabled, no-quorum-policy, ...)
 */
public record Summary(String stack, String dcName, boolean dcPresent, boolean withQuorum, String lastUpdate, String lastChange,
                      int nodesConfigured, int resourcesConfigured, int resourcesDisabled, int resourcesBlocked,
                      Map<String, String> clusterOptions) {
    /** Copies. Usage: see type. */
    public Summary {
        clusterOptions = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(clusterOptions));
    }
}
