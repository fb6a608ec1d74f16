package org.sansdk.pacemaker.cib;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/**
 * A condition inside a {@link Rule}: closed family of attribute, date, resource/op expressions,
 * nested rules and unknown elements kept verbatim.
 * Usage: {@code if (expr instanceof AttributeExpression a && a.attribute().equals("#uname")) ...}
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.PROPERTY, property = "type")
@JsonSubTypes({
        @JsonSubTypes.Type(value = AttributeExpression.class, name = "expression"),
        @JsonSubTypes.Type(value = DateExpression.class, name = "date_expression"),
        @JsonSubTypes.Type(value = Rule.class, name = "rule"),
        @JsonSubTypes.Type(value = OtherExpression.class, name = "other")})
public sealed interface RuleExpression
        permits AttributeExpression, DateExpression, Rule, OtherExpression {
    /** The XML id. Usage: {@code expr.id()}. */
    String id();
}
