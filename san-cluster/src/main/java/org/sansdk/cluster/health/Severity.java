package org.sansdk.cluster.health;

/**
 * How bad a {@link Finding} is, in increasing order ({@code compareTo} ranks them).
 * Usage: {@code if (health.overall().compareTo(Severity.WARNING) >= 0) page();}.
 */
public enum Severity {
    /** Nothing to report. */
    OK,
    /** Worth knowing, nothing to do (a node was fenced and the cluster recovered). */
    INFO,
    /** Redundancy or visibility is reduced (a leg, a link, a source that could not be read). */
    WARNING,
    /** Data or service is at risk or down (pool not imported, quorum lost, fencing failed). */
    CRITICAL
}
