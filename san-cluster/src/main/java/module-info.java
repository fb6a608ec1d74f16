/**
 * san-cluster: the whole SAN — the design ({@code SanDesign}, its YAML and Ansible-inventory readers), the
 * cross-layer rules, the design mapped onto every tool, the per-node bundle, the failover timing model, the host
 * files, and {@code SanCluster} (one executor per node, each tool's facade, node capabilities).
 *
 * <pre>{@code module my.app { requires org.sansdk.cluster; }}</pre>
 */
module org.sansdk.cluster {
    exports org.sansdk.cluster;
    exports org.sansdk.cluster.bundle;
    exports org.sansdk.cluster.change;
    exports org.sansdk.cluster.design;
    exports org.sansdk.cluster.files;
    exports org.sansdk.cluster.health;
    exports org.sansdk.cluster.map;
    exports org.sansdk.cluster.ops;
    exports org.sansdk.cluster.rules;

    requires transitive org.sansdk.core;
    requires transitive org.sansdk.zfs;
    requires transitive org.sansdk.iscsi;
    requires transitive org.sansdk.lio;
    requires transitive org.sansdk.corosync;
    requires transitive org.sansdk.pacemaker;
    requires com.fasterxml.jackson.dataformat.yaml;
}
