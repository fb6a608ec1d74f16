package org.sansdk.pacemaker.status;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A resource in crm_mon's {@code <resources>}: a primitive instance, group, clone, bundle or bundle replica.
 * Usage: {@code r.kind() == MonResource.Kind.PRIMITIVE && r.active()}.
 *
 * @param kind       element kind
 * @param id         id (clone instances repeat the primitive id)
 * @param attributes all attributes as reported (role, resource_agent, managed, failed, ...)
 * @param nodes      names of the nodes the primitive runs on
 * @param children   members (groups), instances (clones), replicas (bundles), replica parts
 */
public record MonResource(Kind kind, String id, Map<String, String> attributes, List<String> nodes, List<MonResource> children) {
    /** Copies. Usage: see type. */
    public MonResource {
        attributes = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(attributes));
        nodes = List.copyOf(nodes);
        children = List.copyOf(children);
    }

    /** Closed family of crm_mon resource elements. Usage: {@code MonResource.Kind.CLONE}. */
    public enum Kind {
        /** {@code <resource>}. */
        PRIMITIVE,
        /** {@code <group>}. */
        GROUP,
        /** {@code <clone>}. */
        CLONE,
        /** {@code <bundle>}. */
        BUNDLE,
        /** {@code <replica>}. */
        REPLICA
    }

    /** The role (Started, Stopped, Promoted, Unpromoted, Master, Slave...). Usage: {@code r.role()}. */
    public Optional<String> role() {
        return Optional.ofNullable(attributes.get("role"));
    }

    /** The agent as reported ({@code ocf:heartbeat:ZFS}; legacy {@code ocf::heartbeat:ZFS}). Usage: {@code r.agent()}. */
    public Optional<String> agent() {
        return Optional.ofNullable(attributes.get("resource_agent"));
    }

    /** True when active. Usage: {@code r.active()}. */
    public boolean active() {
        return "true".equals(attributes.get("active"));
    }

    /** True when failed. Usage: {@code r.failed()}. */
    public boolean failed() {
        return "true".equals(attributes.get("failed"));
    }

    /** True when managed (absent = true). Usage: {@code r.managed()}. */
    public boolean managed() {
        return !"false".equals(attributes.get("managed"));
    }

    /** This and all nested resources, depth first. Usage: {@code r.flatten()}. */
    public List<MonResource> flatten() {
        List<MonResource> out = new ArrayList<>();
        out.add(this);
        for (MonResource c : children) {
            out.addAll(c.flatten());
        }
        return out;
    }
}
