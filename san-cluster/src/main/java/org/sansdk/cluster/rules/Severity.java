package org.sansdk.cluster.rules;

/**
 * How bad a finding is; any {@code ERROR} makes {@code sanctl validate} exit 1.
 * Usage: {@code if (f.severity() == Severity.ERROR) fail();}
 */
public enum Severity {
    /** The design does not work or is unsafe (split brain, lost data, refused configuration). */
    ERROR,
    /** Works, but weaker than the design intends. */
    WARNING,
    /** Something the checks could not verify from the design alone. */
    INFO
}
