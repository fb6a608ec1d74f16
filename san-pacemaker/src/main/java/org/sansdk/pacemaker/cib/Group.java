package org.sansdk.pacemaker.cib;

import java.util.List;

/**
 * A {@code <group>}: primitives started in order and kept together.
 * Usage: {@code new Group("san-services", List.of(), List.of(vip, nfs))}.
 *
 * @param id             group id
 * @param metaAttributes meta attributes
 * @param members        member primitives in start order
 */
public record Group(String id, List<NvSet> metaAttributes, List<Primitive> members) implements Resource {
    /** Copies. Usage: see type. */
    public Group {
        metaAttributes = List.copyOf(metaAttributes);
        members = List.copyOf(members);
    }
}
