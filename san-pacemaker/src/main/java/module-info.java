/**
 * san-pacemaker: the CIB model, {@code cibadmin}/{@code crm_mon}/{@code crm_simulate} parsers, CIB XML and
 * {@code pcs} renderers, in-place CIB patches, the design's resource set and intent checks.
 *
 * <pre>{@code module my.app { requires org.sansdk.pacemaker; }}</pre>
 */
module org.sansdk.pacemaker {
    exports org.sansdk.pacemaker;
    exports org.sansdk.pacemaker.cib;
    exports org.sansdk.pacemaker.design;
    exports org.sansdk.pacemaker.ops;
    exports org.sansdk.pacemaker.sim;
    exports org.sansdk.pacemaker.status;
    exports org.sansdk.pacemaker.xml;

    requires transitive org.sansdk.core;
    requires com.fasterxml.jackson.annotation;
    requires java.xml;

    // Cib.configuration() is a ConfigurationData, a package-private record: Jackson (sanctl, or a caller
    // serialising a parsed CIB) must reach its accessors by reflection
    opens org.sansdk.pacemaker.cib to com.fasterxml.jackson.databind;

    provides org.sansdk.core.spi.OutputParser with
            org.sansdk.pacemaker.internal.CibOutputParser,
            org.sansdk.pacemaker.internal.CrmMonOutputParser,
            org.sansdk.pacemaker.internal.CrmSimulateOutputParser;
}
