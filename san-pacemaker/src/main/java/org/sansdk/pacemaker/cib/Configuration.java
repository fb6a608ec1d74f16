package org.sansdk.pacemaker.cib;

import java.util.List;
import java.util.Optional;
import org.sansdk.pacemaker.xml.XmlElement;

/**
 * The CIB {@code <configuration>} section. An interface with a {@link Builder} (not a record): the section grows with
 * Pacemaker, and a new part is a new accessor and builder method, not a new constructor argument for every caller.
 * Usage: {@code cib.configuration().resource("zfs-pool")};
 * {@code Configuration.builder().resources(List.of(pool)).build()}; {@code conf.toBuilder().resources(other).build()}.
 */
public interface Configuration {
    /** The cluster property sets ({@code <crm_config>}). Usage: {@code conf.crmConfig()}. */
    List<NvSet> crmConfig();

    /** The nodes. Usage: {@code conf.nodes()}. */
    List<Node> nodes();

    /** The top-level resources in document order. Usage: {@code conf.resources()}. */
    List<Resource> resources();

    /** The constraints in document order. Usage: {@code conf.constraints()}. */
    List<Constraint> constraints();

    /** The fencing levels. Usage: {@code conf.fencingTopology()}. */
    List<FencingLevel> fencingTopology();

    /** The rsc_defaults meta sets. Usage: {@code conf.rscDefaults()}. */
    List<NvSet> rscDefaults();

    /** The op_defaults meta sets. Usage: {@code conf.opDefaults()}. */
    List<NvSet> opDefaults();

    /** The tags. Usage: {@code conf.tags()}. */
    List<Tag> tags();

    /** The alerts. Usage: {@code conf.alerts()}. */
    List<Alert> alerts();

    /** The ACL entries. Usage: {@code conf.acls()}. */
    List<AclEntry> acls();

    /** The configuration children without a typed model, kept verbatim. Usage: {@code conf.unknown()}. */
    List<XmlElement> unknown();

    /** A builder with every part empty. Usage: {@code Configuration.builder().crmConfig(sets).build()}. */
    static Builder builder() {
        return new Builder();
    }

    /** A builder holding this configuration's parts. Usage: {@code conf.toBuilder().resources(rs).build()}. */
    default Builder toBuilder() {
        Builder b = new Builder();
        b.crmConfig = crmConfig();
        b.nodes = nodes();
        b.resources = resources();
        b.constraints = constraints();
        b.fencingTopology = fencingTopology();
        b.rscDefaults = rscDefaults();
        b.opDefaults = opDefaults();
        b.tags = tags();
        b.alerts = alerts();
        b.acls = acls();
        b.unknown = unknown();
        return b;
    }

    /** An empty configuration. Usage: {@code Configuration.empty()}. */
    static Configuration empty() {
        return builder().build();
    }

    /** A cluster property from unconditional sets. Usage: {@code conf.property("stonith-enabled")}. */
    default Optional<String> property(String name) {
        return NvSet.lookup(crmConfig(), name);
    }

    /** A node by name. Usage: {@code conf.node("storage-a")}. */
    default Optional<Node> node(String uname) {
        return nodes().stream().filter(n -> uname.equals(n.uname())).findFirst();
    }

    /** Any resource (nested too) by id. Usage: {@code conf.resource("vip-enduser")}. */
    default Optional<Resource> resource(String id) {
        for (Resource r : allResources()) {
            if (id.equals(r.id())) {
                return Optional.of(r);
            }
        }
        return Optional.empty();
    }

    /** All resources, nested ones included, depth first. Usage: {@code conf.allResources().size()}. */
    default List<Resource> allResources() {
        List<Resource> out = new java.util.ArrayList<>();
        for (Resource r : resources()) {
            out.addAll(r.flatten());
        }
        return out;
    }

    /** All primitives, nested ones included. Usage: {@code conf.primitives()}. */
    default List<Primitive> primitives() {
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
    default List<String> duplicateIds() {
        java.util.Set<String> seen = new java.util.HashSet<>();
        java.util.Set<String> dup = new java.util.LinkedHashSet<>();
        for (Resource r : allResources()) {
            if (r.id() != null && !seen.add(r.id())) {
                dup.add(r.id());
            }
        }
        for (Constraint c : constraints()) {
            if (c.id() != null && !seen.add(c.id())) {
                dup.add(c.id());
            }
        }
        return List.copyOf(dup);
    }

    /** Constraints of one kind. Usage: {@code conf.constraints(OrderConstraint.class)}. */
    default <T extends Constraint> List<T> constraints(Class<T> kind) {
        List<T> out = new java.util.ArrayList<>();
        for (Constraint c : constraints()) {
            if (kind.isInstance(c)) {
                out.add(kind.cast(c));
            }
        }
        return out;
    }

    /** Builds a {@link Configuration}; every part defaults to empty. Usage: {@code Configuration.builder().nodes(ns).build()}. */
    final class Builder {
        private List<NvSet> crmConfig = List.of();
        private List<Node> nodes = List.of();
        private List<Resource> resources = List.of();
        private List<Constraint> constraints = List.of();
        private List<FencingLevel> fencingTopology = List.of();
        private List<NvSet> rscDefaults = List.of();
        private List<NvSet> opDefaults = List.of();
        private List<Tag> tags = List.of();
        private List<Alert> alerts = List.of();
        private List<AclEntry> acls = List.of();
        private List<XmlElement> unknown = List.of();

        private Builder() {
        }

        /** Sets the cluster property sets ({@code <crm_config>}). Usage: {@code b.crmConfig(list)}. */
        public Builder crmConfig(List<NvSet> crmConfig) {
            this.crmConfig = java.util.Objects.requireNonNull(crmConfig, "crmConfig");
            return this;
        }

        /** Sets the nodes. Usage: {@code b.nodes(list)}. */
        public Builder nodes(List<Node> nodes) {
            this.nodes = java.util.Objects.requireNonNull(nodes, "nodes");
            return this;
        }

        /** Sets the top-level resources in document order. Usage: {@code b.resources(list)}. */
        public Builder resources(List<Resource> resources) {
            this.resources = java.util.Objects.requireNonNull(resources, "resources");
            return this;
        }

        /** Sets the constraints in document order. Usage: {@code b.constraints(list)}. */
        public Builder constraints(List<Constraint> constraints) {
            this.constraints = java.util.Objects.requireNonNull(constraints, "constraints");
            return this;
        }

        /** Sets the fencing levels. Usage: {@code b.fencingTopology(list)}. */
        public Builder fencingTopology(List<FencingLevel> fencingTopology) {
            this.fencingTopology = java.util.Objects.requireNonNull(fencingTopology, "fencingTopology");
            return this;
        }

        /** Sets the rsc_defaults meta sets. Usage: {@code b.rscDefaults(list)}. */
        public Builder rscDefaults(List<NvSet> rscDefaults) {
            this.rscDefaults = java.util.Objects.requireNonNull(rscDefaults, "rscDefaults");
            return this;
        }

        /** Sets the op_defaults meta sets. Usage: {@code b.opDefaults(list)}. */
        public Builder opDefaults(List<NvSet> opDefaults) {
            this.opDefaults = java.util.Objects.requireNonNull(opDefaults, "opDefaults");
            return this;
        }

        /** Sets the tags. Usage: {@code b.tags(list)}. */
        public Builder tags(List<Tag> tags) {
            this.tags = java.util.Objects.requireNonNull(tags, "tags");
            return this;
        }

        /** Sets the alerts. Usage: {@code b.alerts(list)}. */
        public Builder alerts(List<Alert> alerts) {
            this.alerts = java.util.Objects.requireNonNull(alerts, "alerts");
            return this;
        }

        /** Sets the ACL entries. Usage: {@code b.acls(list)}. */
        public Builder acls(List<AclEntry> acls) {
            this.acls = java.util.Objects.requireNonNull(acls, "acls");
            return this;
        }

        /** Sets the configuration children without a typed model, kept verbatim. Usage: {@code b.unknown(list)}. */
        public Builder unknown(List<XmlElement> unknown) {
            this.unknown = java.util.Objects.requireNonNull(unknown, "unknown");
            return this;
        }

        /** The configuration (lists copied). Usage: {@code b.build()}. */
        public Configuration build() {
            return new ConfigurationData(crmConfig, nodes, resources, constraints, fencingTopology, rscDefaults, opDefaults, tags, alerts, acls, unknown);
        }
    }
}
