package org.sansdk.pacemaker.cib;

import java.util.List;
import java.util.Optional;
import org.sansdk.pacemaker.xml.XmlElement;

/**
 * The CIB {@code <configuration>} section.
 * Usage: {@code cib.configuration().resource("zfs-pool")}.
 *
 * @param crmConfig        cluster property sets
 * @param nodes            nodes
 * @param resources        top-level resources in document order
 * @param constraints      constraints in document order
 * @param fencingTopology  fencing levels
 * @param rscDefaults      rsc_defaults meta sets
 * @param opDefaults       op_defaults meta sets
 * @param tags             tags
 * @param alerts           alerts
 * @param acls             ACL entries
 * @param unknown          configuration children without a typed record, kept verbatim
 */
public record Configuration(List<NvSet> crmConfig, List<Node> nodes, List<Resource> resources,
                            List<Constraint> constraints, List<FencingLevel> fencingTopology,
                            List<NvSet> rscDefaults, List<NvSet> opDefaults, List<Tag> tags, List<Alert> alerts,
                            List<AclEntry> acls, List<XmlElement> unknown) {
    /** Copies. Usage: see type. */
    public Configuration {
        crmConfig = List.copyOf(crmConfig);
        nodes = List.copyOf(nodes);
        resources = List.copyOf(resources);
        constraints = List.copyOf(constraints);
        fencingTopology = List.copyOf(fencingTopology);
        rscDefaults = List.copyOf(rscDefaults);
        opDefaults = List.copyOf(opDefaults);
        tags = List.copyOf(tags);
        alerts = List.copyOf(alerts);
        acls = List.copyOf(acls);
        unknown = List.copyOf(unknown);
    }

    /** An empty configuration. Usage: {@code Configuration.empty()}. */
    public static Configuration empty() {
        return new Configuration(List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of());
    }

    /** A cluster property from unconditional sets. Usage: {@code conf.property("stonith-enabled")}. */
    public Optional<String> property(String name) {
        return NvSet.lookup(crmConfig, name);
    }

    /** A node by name. Usage: {@code conf.node("storage-a")}. */
    public Optional<Node> node(String uname) {
        return nodes.stream().filter(n -> uname.equals(n.uname())).findFirst();
    }

    /** Any resource (nested too) by id. Usage: {@code conf.resource("vip-enduser")}. */
    public Optional<Resource> resource(String id) {
        for (Resource r : allResources()) {
            if (id.equals(r.id())) {
                return Optional.of(r);
            }
        }
        return Optional.empty();
    }

    /** All resources, nested ones included, depth first. Usage: {@code conf.allResources().size()}. */
    public List<Resource> allResources() {
        List<Resource> out = new java.util.ArrayList<>();
        for (Resource r : resources) {
            out.addAll(r.flatten());
        }
        return out;
    }

    /** All primitives, nested ones included. Usage: {@code conf.primitives()}. */
    public List<Primitive> primitives() {
        List<Primitive> out = new java.util.ArrayList<>();
        for (Resource r : allResources()) {
            if (r instanceof Primitive p) {
                out.add(p);
            }
        }
        return out;
    }

    /**
     * Ids used more than once among resources (nested ones included) and constraints, in first-seen order: Pacemaker
     * refuses such a CIB (ids are unique CIB-wide). Usage: {@code conf.duplicateIds().isEmpty()}.
     */
    public List<String> duplicateIds() {
        java.util.Set<String> seen = new java.util.HashSet<>();
        java.util.Set<String> dup = new java.util.LinkedHashSet<>();
        for (Resource r : allResources()) {
            if (r.id() != null && !seen.add(r.id())) {
                dup.add(r.id());
            }
        }
        for (Constraint c : constraints) {
            if (c.id() != null && !seen.add(c.id())) {
                dup.add(c.id());
            }
        }
        return List.copyOf(dup);
    }

    /** Constraints of one kind. Usage: {@code conf.constraints(OrderConstraint.class)}. */
    public <T extends Constraint> List<T> constraints(Class<T> kind) {
        List<T> out = new java.util.ArrayList<>();
        for (Constraint c : constraints) {
            if (kind.isInstance(c)) {
                out.add(kind.cast(c));
            }
        }
        return out;
    }
}
