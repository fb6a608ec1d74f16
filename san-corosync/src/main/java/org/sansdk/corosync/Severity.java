package org.sansdk.corosync;

/**
 * How bad a broken rule is: an {@code ERROR} makes {@code sanctl corosync check} exit 1.
 *
 * <pre>{@code if (finding.rule().severity() == Severity.ERROR) fail();}</pre>
 */
public enum Severity {
    /** corosync refuses the file, or the cluster it builds does not fail over as designed. */
    ERROR,
    /** Works, but is probably not what was meant. */
    WARNING
}
