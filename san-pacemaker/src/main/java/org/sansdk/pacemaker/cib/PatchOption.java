package org.sansdk.pacemaker.cib;

/**
 * Options of {@link CibPatch#between(Cib, Configuration, PatchOption...)} (and {@code Pacemaker.plan}): without
 * any, live resources and constraints the desired configuration does not mention are kept and the pool resource is
 * never deleted or re-created.
 *
 * <p>Usage: {@code CibPatch.between(live, desired, PatchOption.PRUNE, PatchOption.ALLOW_POOL_DELETION)}
 */
public enum PatchOption {
    /** Also delete live resources/constraints the desired configuration does not have ({@code cli-} constraints are kept). */
    PRUNE,
    /**
     * Allow the plan to delete (or re-create) the resource holding the storage pool, which exports the pool and stops
     * every service; without it such a plan is refused.
     */
    ALLOW_POOL_DELETION
}
