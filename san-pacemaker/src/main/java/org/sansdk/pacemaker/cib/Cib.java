package org.sansdk.pacemaker.cib;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.sansdk.pacemaker.xml.XmlElement;

/**
 * A whole CIB as {@code cibadmin -Q} prints it: version, root attributes, configuration, status.
 * Usage: {@code Cib cib = CibParser.parse("cibadmin -Q", xml); cib.configuration().property("stonith-enabled")}.
 *
 * @param version        admin_epoch/epoch/num_updates
 * @param validateWith   validate-with schema (e.g. pacemaker-3.9)
 * @param rootAttributes all root attributes as read (including the version ones)
 * @param configuration  configuration section
 * @param status         node states (empty when the CIB has no status)
 * @param unknown        other root children kept verbatim
 * @param sections       names of the configuration's child elements present in the document (an empty
 *                       {@code <rsc_defaults/>} counts), in document order (a fixed order: same input, same output),
 *                       so patches know whether to create a section
 * @param warnings       located remarks of the parser (an unknown element where a resource belongs, kept verbatim)
 */
public record Cib(CibVersion version, String validateWith, Map<String, String> rootAttributes,
                  Configuration configuration, List<NodeState> status, List<XmlElement> unknown, java.util.Set<String> sections,
                  List<org.sansdk.core.ParseWarning> warnings) {
    /** Copies. Usage: see type. */
    public Cib {
        rootAttributes = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(rootAttributes));
        status = List.copyOf(status);
        unknown = List.copyOf(unknown);
        // never Set.copyOf: its iteration order changes from one JVM run to the next
        sections = java.util.Collections.unmodifiableSet(new java.util.LinkedHashSet<>(sections));
        warnings = warnings == null ? List.of() : List.copyOf(warnings);
    }

    /** A CIB without parser warnings. Usage: {@code new Cib(version, "pacemaker-3.9", attrs, conf, List.of(), List.of(), sections)}. */
    public Cib(CibVersion version, String validateWith, Map<String, String> rootAttributes, Configuration configuration,
               List<NodeState> status, List<XmlElement> unknown, java.util.Set<String> sections) {
        this(version, validateWith, rootAttributes, configuration, status, unknown, sections, List.of());
    }

    /**
     * A CIB whose sections are those the schema requires plus the non-empty optional ones.
     * Usage: {@code new Cib(version, "pacemaker-3.9", attrs, conf, List.of(), List.of())}.
     */
    public Cib(CibVersion version, String validateWith, Map<String, String> rootAttributes, Configuration configuration,
               List<NodeState> status, List<XmlElement> unknown) {
        this(version, validateWith, rootAttributes, configuration, status, unknown, sectionsOf(configuration));
    }

    /** The sections a writer emits for a configuration. Usage: {@code Cib.sectionsOf(conf)}. */
    public static java.util.Set<String> sectionsOf(Configuration c) {
        java.util.Set<String> s = new java.util.LinkedHashSet<>(List.of("crm_config", "nodes", "resources", "constraints"));
        if (!c.fencingTopology().isEmpty()) {
            s.add("fencing-topology");
        }
        if (!c.rscDefaults().isEmpty()) {
            s.add("rsc_defaults");
        }
        if (!c.opDefaults().isEmpty()) {
            s.add("op_defaults");
        }
        if (!c.alerts().isEmpty()) {
            s.add("alerts");
        }
        if (!c.tags().isEmpty()) {
            s.add("tags");
        }
        if (!c.acls().isEmpty()) {
            s.add("acls");
        }
        return s;
    }

    /** A CIB with this configuration, version 0.1.0, schema pacemaker-3.9 and no status. Usage: {@code Cib.of(conf)}. */
    public static Cib of(Configuration configuration) {
        Map<String, String> attrs = new java.util.LinkedHashMap<>();
        attrs.put("crm_feature_set", "3.16.1");
        attrs.put("validate-with", "pacemaker-3.9");
        attrs.put("epoch", "1");
        attrs.put("num_updates", "0");
        attrs.put("admin_epoch", "0");
        return new Cib(new CibVersion(0, 1, 0), "pacemaker-3.9", attrs, configuration, List.of(), List.of());
    }

    /**
     * The same CIB with every configured node online as a cluster member and {@code have-quorum="1"}: the state a
     * running cluster gives a configuration, so {@code crm_verify} checks it without "unclean node" warnings and
     * {@code crm_simulate} starts from members. Usage: {@code CibWriter.toXml(cib.withAllNodesOnline())}.
     */
    public Cib withAllNodesOnline() {
        java.util.Map<String, String> attrs = new java.util.LinkedHashMap<>(rootAttributes);
        attrs.put("have-quorum", "1");
        List<NodeState> states = new java.util.ArrayList<>();
        for (Node n : configuration.nodes()) {
            states.add(new NodeState(n.id(), n.uname(), "true", "online", "member", "member", Map.of(), List.of(), Map.of()));
        }
        return new Cib(version, validateWith, attrs, configuration, states, unknown, sections, warnings);
    }

    /** A node's state by name. Usage: {@code cib.nodeState("storage-a")}. */
    public Optional<NodeState> nodeState(String uname) {
        return status.stream().filter(s -> uname.equals(s.uname())).findFirst();
    }

    /** The same CIB with another configuration. Usage: {@code cib.withConfiguration(c)}. */
    public Cib withConfiguration(Configuration c) {
        return new Cib(version, validateWith, rootAttributes, c, status, unknown, sectionsOf(c));
    }
}
