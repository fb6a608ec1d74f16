package org.sansdk.pacemaker.cib;

import java.util.List;

/**
 * A {@code <group>}: primitives started in order and kept together.
 * Usage: {@code new Group("san-services", List.of(), List.of(vip, nfs))}.
 *
 * @param id             group id
 * @param metaAttributes meta attributes
 * @param members        member primitives in start order
 * @param other          attributes other than id (description, ...), kept as read
 * @param unknown        child elements without a typed component (instance_attributes, ...), kept verbatim
 */
public record Group(String id, List<NvSet> metaAttributes, List<Primitive> members, java.util.Map<String, String> other,
                    List<org.sansdk.pacemaker.xml.XmlElement> unknown) implements Resource {
    /** Copies. Usage: see type. */
    public Group {
        metaAttributes = List.copyOf(metaAttributes);
        members = List.copyOf(members);
        other = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(other));
        unknown = List.copyOf(unknown);
    }

    /** A group with only the typed parts. Usage: {@code new Group("san-services", List.of(), List.of(vip, nfs))}. */
    public Group(String id, List<NvSet> metaAttributes, List<Primitive> members) {
        this(id, metaAttributes, members, java.util.Map.of(), List.of());
    }
}
