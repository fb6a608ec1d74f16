/**
 * san-zfs: pools, vdev trees, scan progress, the {@code zpool}/{@code zfs} parsers, facades and builders.
 * {@code ZpoolStatusJson.toJson} returns a Jackson {@code ObjectNode}, so Jackson databind is required
 * transitively.
 *
 * <pre>{@code module my.app { requires org.sansdk.zfs; }}</pre>
 */
module org.sansdk.zfs {
    exports org.sansdk.zfs;

    requires transitive org.sansdk.core;
    requires transitive com.fasterxml.jackson.databind;

    provides org.sansdk.core.spi.OutputParser with
            org.sansdk.zfs.internal.ZpoolStatusOutputParser,
            org.sansdk.zfs.internal.ZpoolJsonOutputParser,
            org.sansdk.zfs.internal.ZpoolImportOutputParser,
            org.sansdk.zfs.internal.ZpoolListOutputParser,
            org.sansdk.zfs.internal.ZpoolGetOutputParser,
            org.sansdk.zfs.internal.ZfsListOutputParser,
            org.sansdk.zfs.internal.ZfsGetOutputParser;
}
