package org.sansdk.iscsi;

import java.util.Optional;
import java.util.OptionalLong;

/**
 * Which session a pool leaf rides on: the answer of {@link MirrorLegMapper}.
 *
 * <pre>{@code leg.kind() == MirrorLeg.Kind.REMOTE && leg.peerDisk().getAsLong() == 3}</pre>
 *
 * @param path        the leaf path as {@code zpool status -P} printed it
 * @param kind        remote (an iSCSI LUN), remote without a session, or local
 * @param byPath      the by-path name, when the leaf is one
 * @param sid         the session it rides on
 * @param target      the target name
 * @param peerDisk    the peer's disk number: the backend target's LUN index
 * @param disk        the SCSI disk ({@code sdc}) from {@code -P 3}
 * @param sessionState the session's sysfs state ({@code LOGGED_IN}, {@code FAILED}, …)
 * @param deviceState the SCSI device state ({@code running}, {@code transport-offline}, …)
 */
public record MirrorLeg(String path, Kind kind, Optional<ByPath> byPath, Optional<Integer> sid, Optional<String> target,
                        OptionalLong peerDisk, Optional<String> disk, Optional<String> sessionState,
                        Optional<String> deviceState) {
    /** What a leaf is. */
    public enum Kind {
        /** An iSCSI LUN with its session found. */
        REMOTE,
        /** An iSCSI by-path name with no session (or no such LUN) in the capture: the peer's leg is gone. */
        REMOTE_NO_SESSION,
        /** Not an iSCSI device of this capture (a local disk). */
        LOCAL
    }

    /** True when the session is logged in and the device running. */
    public boolean healthy() {
        return kind == Kind.REMOTE && sessionState.orElse("").equals("LOGGED_IN")
                && deviceState.orElse("").equals("running");
    }
}
