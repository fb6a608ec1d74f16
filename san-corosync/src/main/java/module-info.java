/**
 * san-corosync: the {@code corosync.conf} model, parser, renderer and rules, timing, and the
 * {@code corosync-quorumtool}/{@code cfgtool}/{@code cmapctl} parsers.
 *
 * <pre>{@code module my.app { requires org.sansdk.corosync; }}</pre>
 */
module org.sansdk.corosync {
    exports org.sansdk.corosync;

    requires transitive org.sansdk.core;

    provides org.sansdk.core.spi.OutputParser with
            org.sansdk.corosync.internal.CorosyncConfOutputParser,
            org.sansdk.corosync.internal.QuorumtoolOutputParser,
            org.sansdk.corosync.internal.CfgtoolOutputParser,
            org.sansdk.corosync.internal.CmapctlOutputParser;
}
