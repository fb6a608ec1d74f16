package org.sansdk.pacemaker.cib;

import java.util.List;
import java.util.Optional;
import org.sansdk.pacemaker.xml.XmlElement;

/**
 * A {@code <bundle>} (read only): container runtime, image, replicas, and the optional inner primitive.
 * Usage: {@code bundle.image()}.
 *
 * @param id             bundle id
 * @param runtime        docker, podman or rkt (the container element name)
 * @param image          container image
 * @param replicas       replicas attribute or null
 * @param metaAttributes meta attributes
 * @param primitive      inner primitive
 * @param element        the whole element as read (network, storage, ...)
 */
public record Bundle(String id, String runtime, String image, String replicas, List<NvSet> metaAttributes,
                     Optional<Primitive> primitive, XmlElement element) implements Resource {
    /** Copies. Usage: see type. */
    public Bundle {
        metaAttributes = List.copyOf(metaAttributes);
    }
}
