/** The module-path consumer (the class-path consumer compiles without this file). */
module consumer {
    requires org.sansdk.zfs;
    requires org.sansdk.iscsi;
    requires org.sansdk.lio;
    requires org.sansdk.corosync;
    requires org.sansdk.pacemaker;
    requires org.sansdk.cluster;

    uses org.sansdk.core.spi.OutputParser;
}
