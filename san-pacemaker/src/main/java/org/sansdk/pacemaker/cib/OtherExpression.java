package org.sansdk.pacemaker.cib;

import org.sansdk.pacemaker.xml.XmlElement;

/**
 * A rule condition kept verbatim: {@code rsc_expression}, {@code op_expression} or anything newer.
 * Usage: {@code ((OtherExpression) e).element().name()}.
 *
 * @param element the element as read
 */
public record OtherExpression(XmlElement element) implements RuleExpression {
    @Override
    public String id() {
        return element.get("id");
    }
}
