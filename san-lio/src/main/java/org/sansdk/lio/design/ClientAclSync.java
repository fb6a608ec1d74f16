package org.sansdk.lio.design;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.sansdk.core.Iqn;
import org.sansdk.core.ParseException;
import org.sansdk.core.SanException;
import org.sansdk.lio.Chap;
import org.sansdk.lio.LioConfig;
import org.sansdk.lio.Lun;
import org.sansdk.lio.NodeAcl;
import org.sansdk.lio.Target;
import org.sansdk.lio.Tpg;
import org.sansdk.lio.sync.SyncFinding;
import org.sansdk.lio.sync.SyncPlan;
import org.sansdk.lio.targetcli.LioChange;

/**
 * Brings an ACL-mode TPG's node ACLs in line with the wanted initiators (what {@code sync-iscsi-luns} does
 * with {@code acls-<vlan>.conf}): {@code authentication} follows whether the initiators have CHAP (all or none);
 * a new initiator gets its ACL, its CHAP and every TPG LUN mapped under the
 * TPG LUN index; an initiator whose CHAP changed gets it re-set (password rotation); an ACL not in the list is
 * reported and deleted only with {@link ExtraAcls#REMOVE}.
 *
 * <pre>{@code SyncPlan p = ClientAclSync.plan(cfg, iqn, 2, wanted, ClientAclSync.ExtraAcls.KEEP); p.toPlan("storage-a");}</pre>
 */
public final class ClientAclSync {
    private ClientAclSync() {
    }

    /** What to do with an ACL whose initiator is not in the wanted list. */
    public enum ExtraAcls {
        /** Report it ({@link SyncFinding.ExtraAcl}) and keep it. */
        KEEP,
        /** Report it and delete it. */
        REMOVE
    }

    /**
     * Plans the ACL changes for TPG {@code tag} of {@code targetIqn}.
     * {@code ClientAclSync.plan(cfg, iqn, 2, wanted, ClientAclSync.ExtraAcls.KEEP)}
     */
    public static SyncPlan plan(LioConfig cfg, Iqn targetIqn, int tag, List<ClientTpg.InitiatorAcl> wanted,
                                ExtraAcls extra) {
        String target = targetIqn.toString();
        boolean removeExtra = extra == ExtraAcls.REMOVE;
        Target t = cfg.target(target).orElseThrow(() -> new SanException("no target " + target));
        Tpg tpg = t.tpg(tag).orElseThrow(() -> new SanException("no tpg" + tag + " in " + target));
        if (tpg.generatesNodeAcls()) {
            throw new SanException(target + " tpg" + tag + " is in generate_node_acls mode: it has no ACL list to sync");
        }
        List<LioChange> changes = new ArrayList<>();
        List<SyncFinding> findings = new ArrayList<>();
        long withChap = wanted.stream().filter(w -> w.chap().hasCredentials()).count();
        if (withChap != 0 && withChap != wanted.size()) {
            throw new SanException("only " + withChap + " of " + wanted.size() + " initiators have CHAP: give all of"
                    + " them CHAP or none (authentication is per TPG)");
        }
        long auth = withChap > 0 ? 1L : 0L;
        boolean authChanges = tpg.attribute("authentication").orElse(0L) != auth;
        if (authChanges && auth == 0) {
            changes.add(new LioChange.SetTpgAttributes(target, tag, java.util.Map.of("authentication", 0L)));
        }
        Set<String> wantedIqns = new HashSet<>();
        for (ClientTpg.InitiatorAcl w : wanted) {
            String iqn = w.iqn().toString();
            if (!wantedIqns.add(iqn)) {
                throw new SanException("initiator " + iqn + " is listed twice");
            }
            Optional<NodeAcl> have = tpg.acl(iqn);
            if (have.isEmpty()) {
                changes.add(new LioChange.CreateAcl(target, tag, iqn));
                if (w.chap().hasCredentials()) {
                    changes.add(LioChange.SetAuth.onAcl(target, tag, iqn, w.chap()));
                }
                for (Lun l : tpg.luns()) {
                    changes.add(new LioChange.CreateMappedLun(target, tag, iqn, l.index(), l.index()));
                }
            } else if (!sameChap(have.get().chap(), w.chap())) {
                changes.add(LioChange.SetAuth.onAcl(target, tag, iqn, w.chap()));
            }
        }
        if (authChanges && auth == 1) {
            // credentials first, then enforce: no window where logins need CHAP that is not set yet
            changes.add(new LioChange.SetTpgAttributes(target, tag, java.util.Map.of("authentication", 1L)));
        }
        for (NodeAcl a : tpg.nodeAcls()) {
            if (!wantedIqns.contains(a.nodeWwn())) {
                findings.add(new SyncFinding.ExtraAcl(a.nodeWwn(), removeExtra));
                if (removeExtra) {
                    changes.add(new LioChange.DeleteAcl(target, tag, a.nodeWwn()));
                }
            }
        }
        return new SyncPlan(changes, findings, cfg);
    }

    /**
     * Reads an initiator list file: one IQN per line, {@code #} comments and blank lines ignored; a list without
     * any initiator and an initiator listed twice are refused with the line. (The design
     * does not specify the format of {@code acls-<vlan>.conf}; this is the plain form. CHAP for these
     * initiators comes from the encrypted env file, not from this file.)
     * {@code ClientAclSync.parseList("acls-hypervisor.conf", text, Chap.NONE)}
     */
    public static List<ClientTpg.InitiatorAcl> parseList(String source, String text, Chap chap) {
        List<ClientTpg.InitiatorAcl> out = parseListAllowingNone(source, text, chap);
        if (out.isEmpty()) {
            // an empty list planned with removeExtra would delete every ACL and turn authentication off
            throw new ParseException(source, 1, 1, "", "one initiator name (iqn./eui./naa.) per line; the list is "
                    + (text == null || text.isBlank() ? "empty" : "only comments and blank lines")
                    + " (use parseListAllowingNone when no initiator is a valid answer)");
        }
        return out;
    }

    /**
     * Like {@link #parseList}, but a list without any initiator gives an empty list.
     * {@code ClientAclSync.parseListAllowingNone("acls-hypervisor.conf", text, Chap.NONE)}
     */
    public static List<ClientTpg.InitiatorAcl> parseListAllowingNone(String source, String text, Chap chap) {
        List<ClientTpg.InitiatorAcl> out = new ArrayList<>();
        java.util.Map<String, Integer> seen = new java.util.HashMap<>();
        if (text == null) {
            return out;
        }
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String l = lines[i].strip();
            if (l.isEmpty() || l.startsWith("#")) {
                continue;
            }
            // characters targetcli takes in an ACL path (/iscsi/IQN/tpgN/acls/INITIATOR)
            if (!l.matches("(iqn\\.\\d{4}-\\d{2}\\.[a-z0-9.-]+(:[A-Za-z0-9_.:-]+)?|eui\\.[0-9A-Fa-f]{16}"
                    + "|naa\\.[0-9A-Fa-f]{16,32})")) {
                throw new ParseException(source, i + 1, 1, lines[i], "one initiator name (iqn./eui./naa.) per line");
            }
            Integer first = seen.putIfAbsent(l, i + 1);
            if (first != null) {
                throw new ParseException(source, i + 1, 1, lines[i], "each initiator once (" + l
                        + " is already listed at line " + first + ")");
            }
            Iqn iqn;
            try {
                iqn = Iqn.parse(l);
            } catch (IllegalArgumentException e) {
                throw new ParseException(source, i + 1, 1, lines[i], "one initiator name (iqn./eui./naa.) per line: "
                        + e.getMessage());
            }
            out.add(new ClientTpg.InitiatorAcl(iqn, chap));
        }
        return out;
    }

    private static boolean sameChap(Chap a, Chap b) {
        return a.userid().equals(b.userid()) && a.mutualUserid().equals(b.mutualUserid())
                && a.password().equals(b.password()) && a.mutualPassword().equals(b.mutualPassword());
    }
}
