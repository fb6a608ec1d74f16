package org.sansdk.pacemaker.cib;

/**
 * A condition inside a {@link Rule}: closed family of attribute, date, resource/op expressions,
 * nested rules and unknown elements kept verbatim.
 * Usage: {@code if (expr instanceof AttributeExpression a && a.attribute().equals("#uname")) ...}
 */
public sealed interface RuleExpression
        permits AttributeExpression, DateExpression, Rule, OtherExpression {
    /** The XML id. Usage: {@code expr.id()}. */
    String id();
}
