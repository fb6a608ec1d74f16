/**
 * san-iscsi: the initiator side ({@code iscsiadm} parsers and commands, {@code iscsid.conf}, CHAP node
 * records, the udev by-path codec, mirror-leg mapping).
 *
 * <pre>{@code module my.app { requires org.sansdk.iscsi; }}</pre>
 */
module org.sansdk.iscsi {
    exports org.sansdk.iscsi;

    requires transitive org.sansdk.core;

    // the iscsid-conf kind returns records of this package for the caller's Jackson to serialise
    opens org.sansdk.iscsi.internal to com.fasterxml.jackson.databind;

    provides org.sansdk.core.spi.OutputParser with
            org.sansdk.iscsi.internal.SessionOutputParser,
            org.sansdk.iscsi.internal.NodeOutputParser,
            org.sansdk.iscsi.internal.IscsidConfOutputParser;
}
