package org.sansdk.iscsi;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Given a pool's leaf device paths (as {@code zpool status -P} prints them) and {@code iscsiadm -m session -P 3}
 * from the same storage node: which leaf rides on which session, the peer's disk number and the states. Takes
 * strings and the parsed tree, not san-zfs types. A by-path leaf is matched on the session's persistent portal
 * and target name and the LUN; a {@code /dev/sdX[N]} leaf on the attached disk name.
 *
 * <pre>{@code List<MirrorLeg> legs = MirrorLegMapper.map(List.of("/dev/sda1", "/dev/disk/by-path/ip-…-lun-0-part1"), tree);}</pre>
 */
public final class MirrorLegMapper {
    private MirrorLegMapper() {
    }

    /** Maps every leaf, in the given order. */
    public static List<MirrorLeg> map(List<String> leafPaths, SessionTree tree) {
        List<MirrorLeg> out = new ArrayList<>();
        List<SessionTree.Session> sessions = tree.sessions();
        for (String p : leafPaths) {
            out.add(map(p, sessions));
        }
        return out;
    }

    /** Maps one leaf. */
    public static MirrorLeg map(String path, SessionTree tree) {
        return map(path, tree.sessions());
    }

    private static MirrorLeg map(String path, List<SessionTree.Session> sessions) {
        if (ByPath.isByPath(path)) {
            ByPath bp;
            try {
                bp = ByPath.parse(path);
            } catch (IllegalArgumentException e) {
                return local(path);
            }
            for (SessionTree.Session s : sessions) {
                Portal pp = s.persistentPortal();
                if (pp.address().equalsIgnoreCase(bp.address()) && pp.port() == bp.port() && s.target().equals(bp.target())) {
                    for (SessionTree.ScsiDevice d : s.disks()) {
                        if (d.lun() == bp.lun()) {
                            return new MirrorLeg(path, MirrorLeg.Kind.REMOTE, Optional.of(bp), Optional.of(s.sid()),
                                    Optional.of(s.target()), ByPath.targetLun(bp.lun()), d.disk(),
                                    Optional.of(s.sessionState()), d.state());
                        }
                    }
                }
            }
            return new MirrorLeg(path, MirrorLeg.Kind.REMOTE_NO_SESSION, Optional.of(bp), Optional.empty(),
                    Optional.of(bp.target()), ByPath.targetLun(bp.lun()), Optional.empty(), Optional.empty(),
                    Optional.empty());
        }
        String name = path.startsWith("/dev/") ? path.substring(5) : path;
        String disk = name.replaceFirst("^(sd[a-z]+)\\d*$", "$1");
        if (!disk.equals(name) || name.matches("sd[a-z]+")) {
            for (SessionTree.Session s : sessions) {
                for (SessionTree.ScsiDevice d : s.disks()) {
                    if (d.disk().orElse("").equals(disk)) {
                        return new MirrorLeg(path, MirrorLeg.Kind.REMOTE, Optional.of(ByPath.of(
                                s.persistentPortal().address(), s.persistentPortal().port(), s.target(), d.lun())),
                                Optional.of(s.sid()), Optional.of(s.target()), ByPath.targetLun(d.lun()), d.disk(),
                                Optional.of(s.sessionState()), d.state());
                    }
                }
            }
        }
        return local(path);
    }

    private static MirrorLeg local(String path) {
        return new MirrorLeg(path, MirrorLeg.Kind.LOCAL, Optional.empty(), Optional.empty(), Optional.empty(),
                OptionalLong.empty(), Optional.empty(), Optional.empty(), Optional.empty());
    }
}
