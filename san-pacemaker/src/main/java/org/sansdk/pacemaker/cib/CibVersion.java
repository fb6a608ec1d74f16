package org.sansdk.pacemaker.cib;

/**
 * The CIB version triple {@code admin_epoch.epoch.num_updates}, ordered as Pacemaker orders them.
 * Usage: {@code if (!live.version().sameConfiguration(planned)) throw ...}.
 *
 * @param adminEpoch admin_epoch
 * @param epoch      epoch (bumped on every configuration change)
 * @param numUpdates num_updates (bumped on status changes)
 */
public record CibVersion(long adminEpoch, long epoch, long numUpdates) implements Comparable<CibVersion> {
    /** True when admin_epoch and epoch are equal (status-only changes do not count). Usage: {@code a.sameConfiguration(b)}. */
    public boolean sameConfiguration(CibVersion other) {
        return adminEpoch == other.adminEpoch && epoch == other.epoch;
    }

    @Override
    public int compareTo(CibVersion o) {
        int c = Long.compare(adminEpoch, o.adminEpoch);
        if (c != 0) {
            return c;
        }
        c = Long.compare(epoch, o.epoch);
        return c != 0 ? c : Long.compare(numUpdates, o.numUpdates);
    }

    /** {@code admin_epoch.epoch.num_updates}. Usage: {@code v.toString()}. */
    @Override
    public String toString() {
        return adminEpoch + "." + epoch + "." + numUpdates;
    }
}
