package org.sansdk.zfs;

import java.util.Locale;

/**
 * State of a pool, a vdev or a spare as {@code zpool status} prints it.
 *
 * <p>{@code DeviceState s = DeviceState.fromText("UNAVAIL");}
 *
 * <p>JSON output ({@code zpool status -j}) reports vdevs with the kernel's raw vdev state names
 * ({@code HEALTHY}, {@code CANT_OPEN}, {@code CLOSED}); {@link #fromJson(String, String)} maps them to the
 * names the text output shows, the way libzfs' {@code zpool_state_to_name} does.
 */
public enum DeviceState {
    /** Healthy. */
    ONLINE,
    /** Working with reduced redundancy. */
    DEGRADED,
    /** Too many errors, or corrupt: not used. */
    FAULTED,
    /** Taken offline by the administrator. */
    OFFLINE,
    /** Cannot be opened. */
    UNAVAIL,
    /** Physically removed while the system was running. */
    REMOVED,
    /** Pool suspended after I/O failures. */
    SUSPENDED,
    /** A hot spare that is free. */
    AVAIL,
    /** A hot spare that is in use. */
    INUSE,
    /** Split into a new pool. */
    SPLIT,
    /**
     * The kernel's {@code VDEV_STATE_CLOSED} (only in JSON; text prints it as OFFLINE, which would claim an
     * administrator took the device offline).
     */
    CLOSED,
    /** A state name this library does not know. */
    UNKNOWN;

    /**
     * Parses a state word of the text output; unknown words give {@link #UNKNOWN}.
     *
     * <p>{@code DeviceState.fromText("ONLINE")}
     *
     * @param word the state column
     * @return the state
     */
    public static DeviceState fromText(String word) {
        if (word == null) {
            return UNKNOWN;
        }
        switch (word) {
            case "ONLINE": return ONLINE;
            case "DEGRADED": return DEGRADED;
            case "FAULTED": return FAULTED;
            case "OFFLINE": return OFFLINE;
            case "UNAVAIL": return UNAVAIL;
            case "REMOVED": return REMOVED;
            case "SUSPENDED": return SUSPENDED;
            case "AVAIL": return AVAIL;
            case "INUSE": return INUSE;
            case "SPLIT": return SPLIT;
            default: return UNKNOWN;
        }
    }

    /**
     * True when the word is a state the text output prints.
     *
     * <p>{@code DeviceState.isStateWord("AVAIL")}
     *
     * @param word a token
     * @return whether it names a state
     */
    public static boolean isStateWord(String word) {
        return fromText(word) != UNKNOWN || "UNKNOWN".equals(word);
    }

    /**
     * Maps a JSON {@code state} (and optional {@code aux}) to the state the text output would show:
     * {@code HEALTHY} is ONLINE, {@code CANT_OPEN} is UNAVAIL (FAULTED with aux BAD_LOG,
     * SPLIT with SPLIT_POOL), {@code CLOSED} is OFFLINE.
     *
     * <p>{@code DeviceState.fromJson("CANT_OPEN", null)}
     *
     * @param state the JSON state
     * @param aux the JSON aux reason, may be null
     * @return the state
     */
    public static DeviceState fromJson(String state, String aux) {
        if (state == null) {
            return UNKNOWN;
        }
        String s = state.toUpperCase(Locale.ROOT);
        switch (s) {
            case "HEALTHY": return ONLINE;
            case "CLOSED": return CLOSED;
            case "CANT_OPEN":
                // libzfs zpool_state_to_name: CANT_OPEN with CORRUPT_DATA or BAD_LOG prints as FAULTED
                if ("BAD_LOG".equals(aux) || "CORRUPT_DATA".equals(aux)) {
                    return FAULTED;
                }
                if ("SPLIT_POOL".equals(aux)) {
                    return SPLIT;
                }
                return UNAVAIL;
            default: return fromText(s);
        }
    }
}
