package org.sansdk.pacemaker.cib;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

import java.util.List;
import java.util.Optional;

/**
 * A resource in the CIB {@code <resources>} section: closed family.
 * Usage: {@code if (r instanceof Group g) g.members().forEach(...)}.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.PROPERTY, property = "type")
@JsonSubTypes({
        @JsonSubTypes.Type(value = Primitive.class, name = "primitive"),
        @JsonSubTypes.Type(value = Group.class, name = "group"),
        @JsonSubTypes.Type(value = Clone.class, name = "clone"),
        @JsonSubTypes.Type(value = Bundle.class, name = "bundle"),
        @JsonSubTypes.Type(value = Template.class, name = "template"),
        @JsonSubTypes.Type(value = UnknownResource.class, name = "unknown")})
public sealed interface Resource permits Primitive, Group, Clone, Bundle, Template, UnknownResource {
    /** The resource id. Usage: {@code r.id()}. */
    String id();

    /** Meta attribute sets (target-role, resource-stickiness, ...). Usage: {@code r.metaAttributes()}. */
    List<NvSet> metaAttributes();

    /** A meta attribute from the unconditional sets. Usage: {@code r.meta("target-role")}. */
    default Optional<String> meta(String name) {
        return NvSet.lookup(metaAttributes(), name);
    }

    /** This resource and all nested resources, depth first. Usage: {@code r.flatten().stream()}. */
    default List<Resource> flatten() {
        List<Resource> out = new java.util.ArrayList<>();
        out.add(this);
        if (this instanceof Group g) {
            for (Primitive p : g.members()) {
                out.add(p);
            }
        } else if (this instanceof Clone c) {
            out.addAll(c.child().flatten());
        } else if (this instanceof Bundle b) {
            b.primitive().ifPresent(out::add);
        }
        return out;
    }
}
