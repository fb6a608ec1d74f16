package org.sansdk.pacemaker.cib;

import java.util.List;

/**
 * A resource {@code <template>} (read): like a primitive, referenced by primitives' {@code template} attribute.
 * Usage: {@code template.body().agent()}.
 *
 * @param id   template id
 * @param body the template's agent, attributes and operations
 */
public record Template(String id, Primitive body) implements Resource {
    @Override
    public List<NvSet> metaAttributes() {
        return body.metaAttributes();
    }
}
