package org.sansdk.cluster.ops;

import java.util.Objects;

/**
 * One reason an operation was refused, with what showed it. Usage: {@code e.refusals().get(0).reason()}.
 *
 * @param reason the reason
 * @param detail what was seen (node, resource, command)
 */
public record Refusal(Reason reason, String detail) {
    /** Checks the parts. Usage: {@code new Refusal(Refusal.Reason.NO_QUORUM, "crm_mon: with_quorum=false")}. */
    public Refusal {
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(detail, "detail");
    }

    /** Why an operation is not safe now. Usage: {@code Refusal.Reason.TARGET_STANDBY}. */
    public enum Reason {
        /** The node is not a storage node of the design. */
        NOT_A_STORAGE_NODE,
        /** No node answered crm_mon. */
        STATUS_UNAVAILABLE,
        /** The node is not online in Pacemaker. */
        NODE_OFFLINE,
        /** The node is UNCLEAN (needs fencing). */
        NODE_UNCLEAN,
        /** The node is in standby. */
        NODE_STANDBY,
        /** The node is in maintenance. */
        NODE_MAINTENANCE,
        /** The partition has no quorum. */
        NO_QUORUM,
        /** The pool is resilvering (a failover would restart or prolong it). */
        POOL_RESILVERING,
        /** No storage node shows the pool in zpool status. */
        POOL_NOT_IMPORTED,
        /** Pacemaker runs the pool resource nowhere, or not where the operation needs it. */
        POOL_RESOURCE_PLACEMENT,
        /** A resource has failed (failed actions or a failed resource). */
        FAILED_RESOURCES,
        /** stonith-enabled is not true. */
        FENCING_DISABLED,
        /** A storage node has no fencing device. */
        NO_FENCING_DEVICE,
        /** resource-stickiness is not set above zero: resources would fail back on their own. */
        NO_STICKINESS,
        /** A backend iSCSI session that must be logged in is not. */
        ISCSI_SESSION_MISSING,
        /** A leg of the node is not in the pool. */
        LEG_NOT_IN_POOL,
        /** The failover target's own legs are not all ONLINE (its copy is stale: reintegrate it first). */
        TARGET_LEGS_NOT_ONLINE,
        /** The design has no client-facing iSCSI target. */
        NO_CLIENT_TARGET
    }

    /** {@code REASON: detail}. */
    @Override
    public String toString() {
        return reason + ": " + detail;
    }
}
