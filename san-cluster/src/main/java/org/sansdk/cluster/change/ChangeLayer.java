package org.sansdk.cluster.change;

/**
 * A part of what a node runs that a change plan compares with the design.
 * Usage: {@code ChangeOptions.all().layers(ChangeLayer.PACEMAKER, ChangeLayer.COROSYNC)}.
 */
public enum ChangeLayer {
    /** The CIB's configuration (resources, constraints, properties), patched in place. */
    PACEMAKER,
    /** corosync.conf, reloaded with {@code corosync-cfgtool -R} or flagged for a restart. */
    COROSYNC,
    /** iscsid.conf and the backend node record of each storage node. */
    ISCSI,
    /** The LIO configuration (backend and client targets) of each storage node. */
    LIO
}
