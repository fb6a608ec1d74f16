package org.sansdk.pacemaker.cib;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/**
 * A constraint in the CIB {@code <constraints>} section: closed family.
 * Usage: {@code if (c instanceof ColocationConstraint col) ...}.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.PROPERTY, property = "type")
@JsonSubTypes({
        @JsonSubTypes.Type(value = LocationConstraint.class, name = "location"),
        @JsonSubTypes.Type(value = ColocationConstraint.class, name = "colocation"),
        @JsonSubTypes.Type(value = OrderConstraint.class, name = "order"),
        @JsonSubTypes.Type(value = TicketConstraint.class, name = "ticket"),
        @JsonSubTypes.Type(value = UnknownConstraint.class, name = "unknown")})
public sealed interface Constraint
        permits LocationConstraint, ColocationConstraint, OrderConstraint, TicketConstraint, UnknownConstraint {
    /** The constraint id. Usage: {@code c.id()}. */
    String id();
}
