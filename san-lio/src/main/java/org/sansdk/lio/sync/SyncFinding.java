package org.sansdk.lio.sync;

import org.sansdk.core.Size;

/**
 * Something a LUN sync noticed but did not (or could not) change on its own. Printed by
 * {@code sanctl lio plan-sync}; none of them contains a secret.
 *
 * <pre>{@code plan.findings().stream().filter(f -> f instanceof SyncFinding.OrphanLun).forEach(System.out::println);}</pre>
 */
public sealed interface SyncFinding {

    /** One line for humans. */
    String describe();

    /** A LUN exports a zvol of the dataset that no longer exists (removed only with {@code removeMissing}). */
    record OrphanLun(int lun, String storageObject, String dev, boolean removed) implements SyncFinding {
        @Override
        public String describe() {
            return "LUN " + lun + " (" + storageObject + ") exports " + dev + ", which is not in the zvol list"
                    + (removed ? ": removed" : ": kept (pass removeMissing to delete it)");
        }

        /** Same as {@link #describe()}. */
        @Override
        public String toString() {
            return describe();
        }
    }

    /** removeMissing was asked but the listing had no zvol under the dataset at all: nothing was removed. */
    record RemovalRefused(String dataset, int keptLuns) implements SyncFinding {
        @Override
        public String describe() {
            return "no zvol listed under " + dataset + ": " + keptLuns + " LUN(s) kept although removal was asked"
                    + " (is the pool imported? remove them one by one if the dataset is really empty)";
        }

        /** Same as {@link #describe()}. */
        @Override
        public String toString() {
            return describe();
        }
    }

    /** A zvol grew since the previous listing; block backstores see the new size, initiators must rescan. */
    record GrownZvol(String zvol, Size from, Size to) implements SyncFinding {
        @Override
        public String describe() {
            return "zvol " + zvol + " grew from " + from.toHuman() + " to " + to.toHuman()
                    + ": iblock reports the new size; rescan on the initiators (iscsiadm -m session --rescan)";
        }

        /** Same as {@link #describe()}. */
        @Override
        public String toString() {
            return describe();
        }
    }

    /** An existing backstore's unit serial is not the one derived from the zvol name (not changed live). */
    record IdentityMismatch(String backstore, String expected, String actual) implements SyncFinding {
        @Override
        public String describe() {
            return "backstore " + backstore + " has unit serial " + actual + ", expected " + expected
                    + ": the peer node would present a different disk after failover (recreate it in a maintenance window)";
        }

        /** Same as {@link #describe()}. */
        @Override
        public String toString() {
            return describe();
        }
    }

    /** The backstore name the zvol needs is taken by a backstore over another device. */
    record NameConflict(String zvol, String backstore, String existingDev) implements SyncFinding {
        @Override
        public String describe() {
            return "zvol " + zvol + " needs backstore name " + backstore + ", already used for " + existingDev
                    + ": skipped";
        }

        /** Same as {@link #describe()}. */
        @Override
        public String toString() {
            return describe();
        }
    }

    /** An ACL sees a LUN under another number than the TPG LUN index (left by targetcli's auto mapping). */
    record MappedLunMismatch(String initiator, int mappedLun, int tpgLun, boolean fixed) implements SyncFinding {
        @Override
        public String describe() {
            return initiator + " sees TPG LUN " + tpgLun + " as LUN " + mappedLun
                    + (fixed ? ": remapped to " + tpgLun : ": kept (pass fixMappedLuns to remap; the initiator sees a change)");
        }

        /** Same as {@link #describe()}. */
        @Override
        public String toString() {
            return describe();
        }
    }

    /** The mapped LUN number a LUN needs in an ACL is used by another mapping. */
    record MappedLunConflict(String initiator, int mappedLun, int wantedTpgLun, int usedByTpgLun)
            implements SyncFinding {
        @Override
        public String describe() {
            return initiator + " mapped LUN " + mappedLun + " points at TPG LUN " + usedByTpgLun + ", so TPG LUN "
                    + wantedTpgLun + " cannot be mapped under its own number: not mapped";
        }

        /** Same as {@link #describe()}. */
        @Override
        public String toString() {
            return describe();
        }
    }

    /** A zvol below the dataset but not directly in it (not exported: its name could collide). */
    record SkippedZvol(String zvol, String reason) implements SyncFinding {
        @Override
        public String describe() {
            return "zvol " + zvol + " skipped: " + reason;
        }

        /** Same as {@link #describe()}. */
        @Override
        public String toString() {
            return describe();
        }
    }

    /** An ACL that is not in the wanted initiator list (removed only when asked). */
    record ExtraAcl(String initiator, boolean removed) implements SyncFinding {
        @Override
        public String describe() {
            return "ACL for " + initiator + " is not in the initiator list" + (removed ? ": removed"
                    : ": kept (plan with ExtraAcls.REMOVE to delete it)");
        }

        /** Same as {@link #describe()}. */
        @Override
        public String toString() {
            return describe();
        }
    }

    /**
     * The desired state numbers a LUN (or an initiator's mapped LUN) differently from the node, where clients already
     * use it: the node's number is kept (a LUN is never renumbered by a reconcile).
     */
    record LunKept(String where, int kept, int desired, String storageObject) implements SyncFinding {
        @Override
        public String describe() {
            return where + ": " + storageObject + " stays LUN " + kept + " (desired " + desired
                    + "): LUN numbers clients use are never changed";
        }

        /** Same as {@link #describe()}. */
        @Override
        public String toString() {
            return describe();
        }
    }

    /** An object the node has and the desired state does not, left in place (reconcile with {@code Extras.REMOVE} to delete it). */
    record ExtraKept(String object) implements SyncFinding {
        @Override
        public String describe() {
            return object + " is not in the desired state: kept (pass Extras.REMOVE to delete it)";
        }

        /** Same as {@link #describe()}. */
        @Override
        public String toString() {
            return describe();
        }
    }

    /** A difference the reconcile does not change on its own, with why and what to do. */
    record NotReconciled(String object, String reason) implements SyncFinding {
        @Override
        public String describe() {
            return object + ": not changed, " + reason;
        }

        /** Same as {@link #describe()}. */
        @Override
        public String toString() {
            return describe();
        }
    }
}
