package org.sansdk.iscsi;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.sansdk.core.Secret;

/**
 * What {@code iscsiadm -m session -P 1|2|3} printed: targets, their sessions (portal, interface, state),
 * at level 2 timeouts, CHAP user names and negotiated parameters, at level 3 the SCSI host and the attached
 * disks with their states.
 *
 * <pre>{@code for (SessionTree.Session s : SessionTreeParser.parse("P3", text).sessions()) s.disks();}</pre>
 *
 * @param level                 1, 2 or 3 (which sections the sessions carry)
 * @param transportClassVersion the {@code iSCSI Transport Class version} header (level 3 only)
 * @param version               the open-iscsi {@code version} header (level 3 only)
 * @param targets               the targets in printed order
 */
public record SessionTree(int level, Optional<String> transportClassVersion, Optional<String> version,
                          List<Target> targets) {

    /** Copies the list. */
    public SessionTree {
        targets = List.copyOf(targets);
    }

    /** Every session of every target, in printed order: {@code tree.sessions().size()}. */
    public List<Session> sessions() {
        List<Session> all = new ArrayList<>();
        targets.forEach(t -> all.addAll(t.sessions()));
        return all;
    }

    /** The session with this id: {@code tree.session(18)}. */
    public Optional<Session> session(int sid) {
        return sessions().stream().filter(s -> s.sid() == sid).findFirst();
    }

    /**
     * A {@code Target:} block.
     *
     * <pre>{@code tree.targets().get(0).name()}</pre>
     *
     * @param name     the target name as printed
     * @param nodeType the {@code (non-flash)} suffix
     * @param sessions its sessions
     * @param line     1-based line of the {@code Target:} line
     */
    public record Target(String name, NodeType nodeType, List<Session> sessions, int line) {
        /** Copies the list. */
        public Target {
            sessions = List.copyOf(sessions);
        }
    }

    /**
     * One session (one {@code Current Portal:} block, or a blank line when iscsiadm repeats the portal of the
     * session before it).
     *
     * <pre>{@code s.sid(); s.sessionState(); s.disks();}</pre>
     *
     * @param target           the target name
     * @param currentPortal    the portal connected to (IPv6 as sysfs prints it, uncompressed)
     * @param persistentPortal the portal of the node record
     * @param iface            the interface section
     * @param sid              session id
     * @param connectionState  {@code LOGGED IN}, {@code TRANSPORT WAIT}, … or {@code Unknown}
     * @param sessionState     sysfs state: {@code LOGGED_IN}, {@code FAILED}, {@code FREE}, or {@code Unknown}
     * @param internalState    iscsid's state ({@code NO CHANGE}, {@code REOPEN}, …)
     * @param timeouts         level ≥ 2
     * @param chap             level ≥ 2
     * @param negotiated       level ≥ 2: negotiated parameters in printed order
     * @param scsi             level 3: host and devices
     * @param line             1-based line where the session starts
     */
    public record Session(String target, Portal currentPortal, Portal persistentPortal, Iface iface, int sid,
                          String connectionState, String sessionState, String internalState,
                          Optional<Timeouts> timeouts, Optional<Chap> chap, Map<String, String> negotiated,
                          Optional<ScsiHost> scsi, int line) {
        /** Copies the map. */
        public Session {
            negotiated = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(negotiated));
        }

        /** The attached disks (level 3), empty otherwise. */
        public List<ScsiDevice> disks() {
            return scsi.map(ScsiHost::devices).orElse(List.of());
        }

        /** True when sysfs says LOGGED_IN. */
        public boolean loggedIn() {
            return "LOGGED_IN".equals(sessionState);
        }
    }

    /**
     * The {@code Interface:} section; values as printed ({@code <empty>}, {@code (null)}, {@code default} kept).
     *
     * <pre>{@code s.iface().initiatorName()}</pre>
     *
     * @param name          Iface Name
     * @param transport     Iface Transport
     * @param initiatorName Iface Initiatorname
     * @param ipAddress     Iface IPaddress (IPv6 in brackets as printed)
     * @param hwAddress     Iface HWaddress
     * @param netdev        Iface Netdev
     */
    public record Iface(String name, String transport, String initiatorName, String ipAddress, String hwAddress,
                        String netdev) {
    }

    /**
     * The {@code Timeouts:} section, in seconds; empty where iscsiadm printed {@code <empty>}.
     *
     * <pre>{@code s.timeouts().orElseThrow().recovery()}</pre>
     *
     * @param recoverySeconds    Recovery Timeout (the session's replacement_timeout, sysfs recovery_tmo)
     * @param targetResetSeconds Target Reset Timeout
     * @param lunResetSeconds    LUN Reset Timeout
     * @param abortSeconds       Abort Timeout
     */
    public record Timeouts(OptionalInt recoverySeconds, OptionalInt targetResetSeconds, OptionalInt lunResetSeconds,
                           OptionalInt abortSeconds) {
        /** The recovery timeout as a Duration, if printed. */
        public Optional<Duration> recovery() {
            return recoverySeconds.isPresent() ? Optional.of(Duration.ofSeconds(recoverySeconds.getAsInt()))
                    : Optional.empty();
        }
    }

    /**
     * The {@code CHAP:} section. Passwords are present only when iscsiadm was run with {@code -S} and one was
     * set; otherwise iscsiadm printed {@code ********}.
     *
     * <pre>{@code s.chap().orElseThrow().username()}</pre>
     *
     * @param username   forward CHAP user name ("" for {@code <empty>})
     * @param password   forward secret, only when shown
     * @param usernameIn mutual CHAP user name ("" for {@code <empty>})
     * @param passwordIn mutual secret, only when shown
     */
    public record Chap(String username, Optional<Secret> password, String usernameIn, Optional<Secret> passwordIn) {
    }

    /**
     * The {@code Attached SCSI devices:} section.
     *
     * <pre>{@code s.scsi().orElseThrow().hostNumber()}</pre>
     *
     * @param available  false when iscsiadm printed {@code Unavailable}
     * @param hostNumber the SCSI host number
     * @param hostState  the host state ({@code running}, …)
     * @param devices    the LUNs
     */
    public record ScsiHost(boolean available, OptionalInt hostNumber, String hostState, List<ScsiDevice> devices) {
        /** Copies the list. */
        public ScsiHost {
            devices = List.copyOf(devices);
        }
    }

    /**
     * One {@code scsiH Channel 00 Id T Lun: L} line and its {@code Attached scsi disk sdX State: S} line.
     *
     * <pre>{@code d.disk().orElse("?") + " lun " + d.lun()}</pre>
     *
     * @param host    SCSI host
     * @param channel channel (always 0 for iSCSI)
     * @param id      SCSI target id
     * @param lun     the kernel's LUN number (as in {@code H:C:T:L})
     * @param disk    the block device name ({@code sdb}), absent when iscsiadm printed none
     * @param state   the device state ({@code running}, {@code offline}, {@code transport-offline}, …)
     */
    public record ScsiDevice(int host, int channel, int id, long lun, Optional<String> disk, Optional<String> state) {
    }
}
