package org.sansdk.cluster.ops;

/**
 * Options of a planned failover. Usage: {@code cluster.plannedFailover("storage-b", FailoverOption.UNSTANDBY_AFTER)}.
 */
public enum FailoverOption {
    /** Fail over even while the pool resilvers (the resilver goes on after the import on the other node, from the start on older OpenZFS). */
    EVEN_IF_RESILVERING,
    /** Take the source node out of standby once everything runs on the target (stickiness keeps the resources there). */
    UNSTANDBY_AFTER,
    /**
     * Move through a location constraint ({@code crm_resource --move} of the pool, which the services follow by
     * colocation, with a lifetime; cleared afterwards) instead of putting the source node in standby.
     */
    MOVE_CONSTRAINT
}
