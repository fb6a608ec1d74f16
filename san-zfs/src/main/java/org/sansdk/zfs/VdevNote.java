package org.sansdk.zfs;

/**
 * Text printed after a vdev's counters: {@code (resilvering)}, {@code was /dev/...}, {@code cannot open},
 * trim/initialize progress, old-format amounts ({@code 58.5K resilvered}).
 *
 * <p>{@code vdev.notes().stream().anyMatch(n -> n instanceof VdevNote.Resilvering)}
 */
public sealed interface VdevNote {

    /**
     * The note as printed.
     *
     * <p>{@code note.text()}
     *
     * @return the text
     */
    String text();

    /** {@code (resilvering)}: the device is receiving resilvered data. */
    record Resilvering() implements VdevNote {
        @Override
        public String text() {
            return "(resilvering)";
        }
    }

    /** {@code (repairing)}: a scrub is repairing the device. */
    record Repairing() implements VdevNote {
        @Override
        public String text() {
            return "(repairing)";
        }
    }

    /** {@code (awaiting resilver)}: a deferred resilver. */
    record AwaitingResilver() implements VdevNote {
        @Override
        public String text() {
            return "(awaiting resilver)";
        }
    }

    /**
     * {@code was /dev/...}: the device is missing; this was its path.
     *
     * @param path the former path
     */
    record Was(String path) implements VdevNote {
        @Override
        public String text() {
            return "was " + path;
        }
    }

    /**
     * Reason a device is not usable ({@code cannot open}, {@code corrupted data}, {@code too many errors},
     * {@code insufficient replicas}, {@code currently in use}, ...), the vdev's "aux" state.
     *
     * @param reason the text
     */
    record Aux(String reason) implements VdevNote {
        @Override
        public String text() {
            return reason;
        }

        /**
         * The libzfs aux name JSON output uses for this reason ({@code OPEN_FAILED}, ...), or the text
         * upper-cased when unknown.
         *
         * <p>{@code new VdevNote.Aux("cannot open").jsonName()  // "OPEN_FAILED"}
         *
         * @return the aux name
         */
        public String jsonName() {
            switch (reason) {
                case "cannot open": return "OPEN_FAILED";
                case "corrupted data": return "CORRUPT_DATA";
                case "missing device": return "BAD_GUID_SUM";
                case "insufficient replicas": return "NO_REPLICAS";
                case "newer version": return "VERSION_NEWER";
                case "incompatible version": return "VERSION_OLDER";
                case "unsupported feature(s)": return "UNSUP_FEAT";
                case "unsupported minimum blocksize": return "ASHIFT_TOO_BIG";
                case "currently in use": return "SPARED";
                case "too many errors": return "ERR_EXCEEDED";
                case "experienced I/O failures": return "IO_FAILURE";
                case "bad intent log": return "BAD_LOG";
                case "external device fault": return "EXTERNAL";
                case "split into new pool": return "SPLIT_POOL";
                case "all children offline": return "CHILDREN_OFFLINE";
                case "invalid label": return "BAD_LABEL";
                default:
                    if (reason.startsWith("in use by pool")) {
                        return "SPARED";
                    }
                    return reason.toUpperCase(java.util.Locale.ROOT).replace(' ', '_');
            }
        }
    }

    /**
     * TRIM state of a leaf ({@code (trim unsupported)}, {@code (0% trimmed, started at ...)}).
     *
     * @param detail the text inside the parentheses
     */
    record Trim(String detail) implements VdevNote {
        @Override
        public String text() {
            return "(" + detail + ")";
        }
    }

    /**
     * Initialize state of a leaf ({@code (uninitialized)}, {@code (12% initialized, started at ...)}).
     *
     * @param detail the text inside the parentheses
     */
    record Initialize(String detail) implements VdevNote {
        @Override
        public String text() {
            return "(" + detail + ")";
        }
    }

    /**
     * Old (Solaris, ZoL 0.6, zfs-fuse) per-device scan amount: {@code 58.5K resilvered},
     * {@code 1.50M repaired}.
     *
     * @param bytes the amount, K=1024
     * @param what {@code resilvered} or {@code repaired}
     * @param printed the amount as printed
     */
    record Amount(long bytes, String what, String printed) implements VdevNote {
        @Override
        public String text() {
            return printed + " " + what;
        }
    }

    /** {@code (removing)}: the top-level vdev is being removed. */
    record Removing() implements VdevNote {
        @Override
        public String text() {
            return "(removing)";
        }
    }

    /** {@code (non-allocating)}. */
    record NonAllocating() implements VdevNote {
        @Override
        public String text() {
            return "(non-allocating)";
        }
    }

    /**
     * {@code block size: 512B configured, 4096B native}.
     *
     * @param detail the text after {@code block size: }
     */
    record BlockSize(String detail) implements VdevNote {
        @Override
        public String text() {
            return "block size: " + detail;
        }
    }

    /**
     * Any other note, kept verbatim.
     *
     * @param text the text
     */
    record Other(String text) implements VdevNote {
    }
}
