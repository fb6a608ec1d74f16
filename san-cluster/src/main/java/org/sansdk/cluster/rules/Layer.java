package org.sansdk.cluster.rules;

/**
 * Which layer a finding comes from: the cross-layer rules of san-cluster, or a tool module's own validator run on
 * what the design maps to.
 * Usage: {@code findings.stream().filter(f -> f.layer() == Layer.COROSYNC)}.
 */
public enum Layer {
    /** san-cluster's cross-layer rules. */
    CLUSTER,
    /** san-corosync's {@code CorosyncValidator} on the rendered corosync.conf. */
    COROSYNC,
    /** san-pacemaker's {@code validateDesign} and {@code checkIntent} on the design's resource set. */
    PACEMAKER,
    /** san-lio's target builders and {@code LioValidator} on the backend and client targets. */
    LIO,
    /** san-zfs's {@code zpool create} design rules on the pool layout. */
    ZFS,
    /** san-iscsi's CHAP rules on the backend credentials. */
    ISCSI
}
