package org.sansdk.pacemaker.cib;

import java.util.List;
import org.sansdk.pacemaker.xml.XmlElement;

/**
 * A resources-section element the SDK has no record for, kept verbatim.
 * Usage: {@code ((UnknownResource) r).element().name()}.
 *
 * @param element the element as read
 */
public record UnknownResource(XmlElement element) implements Resource {
    @Override
    public String id() {
        return element.get("id");
    }

    @Override
    public List<NvSet> metaAttributes() {
        return List.of();
    }
}
