package org.sansdk.pacemaker.cib;

/**
 * A constraint in the CIB {@code <constraints>} section: closed family.
 * Usage: {@code if (c instanceof ColocationConstraint col) ...}.
 */
public sealed interface Constraint
        permits LocationConstraint, ColocationConstraint, OrderConstraint, TicketConstraint, UnknownConstraint {
    /** The constraint id. Usage: {@code c.id()}. */
    String id();
}
