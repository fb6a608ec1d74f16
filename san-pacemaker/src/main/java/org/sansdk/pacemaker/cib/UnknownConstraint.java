package org.sansdk.pacemaker.cib;

import org.sansdk.pacemaker.xml.XmlElement;

/**
 * A constraints-section element without a typed record, kept verbatim.
 * Usage: {@code ((UnknownConstraint) c).element()}.
 *
 * @param element the element as read
 */
public record UnknownConstraint(XmlElement element) implements Constraint {
    @Override
    public String id() {
        return element.get("id");
    }
}
