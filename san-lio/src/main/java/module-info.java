/**
 * san-lio: LIO targets, {@code saveconfig.json} read/write, targetcli batches, LUN sync, the Proxmox LUN
 * service and the encrypted CHAP file.
 *
 * <pre>{@code module my.app { requires org.sansdk.lio; }}</pre>
 */
module org.sansdk.lio {
    exports org.sansdk.lio;
    exports org.sansdk.lio.chap;
    exports org.sansdk.lio.design;
    exports org.sansdk.lio.json;
    exports org.sansdk.lio.proxmox;
    exports org.sansdk.lio.reconcile;
    exports org.sansdk.lio.sync;
    exports org.sansdk.lio.targetcli;

    requires transitive org.sansdk.core;
    requires com.fasterxml.jackson.databind;

    provides org.sansdk.core.spi.OutputParser with org.sansdk.lio.internal.SaveconfigOutputParser;
}
