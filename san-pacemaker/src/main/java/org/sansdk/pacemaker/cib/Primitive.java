package org.sansdk.pacemaker.cib;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.sansdk.pacemaker.xml.XmlElement;

/**
 * A {@code <primitive>}: one resource agent instance (a fencing device when the class is {@code stonith}).
 * Usage: {@code Primitive.builder("zfs-pool", ResourceAgent.parse("ocf:heartbeat:ZFS")).instance("pool", "san-pool").build()}.
 *
 * @param id                 resource id
 * @param agent              agent, or null when the primitive only references a template
 * @param template           template id or null
 * @param description        description or null
 * @param instanceAttributes agent parameters
 * @param metaAttributes     meta attributes
 * @param utilization        utilization sets
 * @param operations         configured operations
 * @param unknown            child elements without a typed record (kept verbatim)
 * @param operationsAttributes attributes of the {@code <operations>} element as read (id, id-ref), usually empty
 */
public record Primitive(String id, ResourceAgent agent, String template, String description,
                        List<NvSet> instanceAttributes, List<NvSet> metaAttributes, List<NvSet> utilization,
                        List<Operation> operations, List<XmlElement> unknown, java.util.Map<String, String> operationsAttributes)
        implements Resource {
    /** Copies. Usage: see {@link #builder}. */
    public Primitive {
        instanceAttributes = List.copyOf(instanceAttributes);
        metaAttributes = List.copyOf(metaAttributes);
        utilization = List.copyOf(utilization);
        operations = List.copyOf(operations);
        unknown = List.copyOf(unknown);
        operationsAttributes = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(operationsAttributes));
    }

    /** A primitive whose operations element has no attributes. Usage: prefer {@link #builder}. */
    public Primitive(String id, ResourceAgent agent, String template, String description, List<NvSet> instanceAttributes,
                     List<NvSet> metaAttributes, List<NvSet> utilization, List<Operation> operations, List<XmlElement> unknown) {
        this(id, agent, template, description, instanceAttributes, metaAttributes, utilization, operations, unknown, java.util.Map.of());
    }

    /** A parameter value from the unconditional instance sets. Usage: {@code p.param("ip")}. */
    public Optional<String> param(String name) {
        return NvSet.lookup(instanceAttributes, name);
    }

    /** True for a fencing device. Usage: {@code p.isFencingDevice()}. */
    public boolean isFencingDevice() {
        return agent != null && agent.isStonith();
    }

    /** Starts a builder. Usage: {@code Primitive.builder("vip", ResourceAgent.parse("ocf:heartbeat:IPaddr2"))}. */
    public static Builder builder(String id, ResourceAgent agent) {
        return new Builder(id, agent);
    }

    /** Builder for primitives with pcs-style ids ({@code <rsc>-instance_attributes-<name>}). Usage: see {@link Primitive#builder}. */
    public static final class Builder {
        private final String id;
        private final ResourceAgent agent;
        private final List<NvPair> instance = new ArrayList<>();
        private final List<NvPair> meta = new ArrayList<>();
        private final List<NvPair> util = new ArrayList<>();
        private final List<Operation> ops = new ArrayList<>();
        private String description;

        private Builder(String id, ResourceAgent agent) {
            this.id = id;
            this.agent = agent;
        }

        /** Adds an agent parameter. Usage: {@code b.instance("ip", "10.30.30.10")}. */
        public Builder instance(String name, String value) {
            instance.add(new NvPair(id + "-instance_attributes-" + name, name, value));
            return this;
        }

        /**
         * Adds an agent parameter whose value is a secret (a fence agent's password or SNMP community): masked in every
         * printed form, kept off argv ({@code cibadmin --xml-pipe} on secret stdin), written in clear only into the CIB
         * XML Pacemaker receives. Usage: {@code b.instanceSecret("community", Secret.of(c))}.
         */
        public Builder instanceSecret(String name, org.sansdk.core.Secret value) {
            instance.add(NvPair.secret(id + "-instance_attributes-" + name, name, value));
            return this;
        }

        /** Adds a meta attribute. Usage: {@code b.meta("target-role", "Stopped")}. */
        public Builder meta(String name, String value) {
            meta.add(new NvPair(id + "-meta_attributes-" + name, name, value));
            return this;
        }

        /** Adds a utilization value. Usage: {@code b.utilization("cpu", "2")}. */
        public Builder utilization(String name, String value) {
            util.add(new NvPair(id + "-utilization-" + name, name, value));
            return this;
        }

        /** Adds an operation with a pcs-style id. Usage: {@code b.op("start", "0s", "150s")}. */
        public Builder op(String name, String interval, String timeout) {
            ops.add(Operation.of(id + "-" + name + "-interval-" + interval, name, interval, timeout));
            return this;
        }

        /** Sets the description. Usage: {@code b.description("pool import")}. */
        public Builder description(String text) {
            this.description = text;
            return this;
        }

        /** Builds. Usage: {@code b.build()}. */
        public Primitive build() {
            List<NvSet> ia = instance.isEmpty() ? List.of() : List.of(NvSet.of("instance_attributes", id + "-instance_attributes", instance));
            List<NvSet> ma = meta.isEmpty() ? List.of() : List.of(NvSet.of("meta_attributes", id + "-meta_attributes", meta));
            List<NvSet> ut = util.isEmpty() ? List.of() : List.of(NvSet.of("utilization", id + "-utilization", util));
            return new Primitive(id, agent, null, description, ia, ma, ut, ops, List.of());
        }
    }
}
