package org.sansdk.lio.design;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.sansdk.core.Iqn;
import org.sansdk.core.SanException;
import org.sansdk.core.ValidationException;
import org.sansdk.core.Violation;
import org.sansdk.core.ZfsName;
import org.sansdk.lio.LioConfig;
import org.sansdk.lio.LioValidator;
import org.sansdk.lio.Tpg;
import org.sansdk.lio.sync.SyncFinding;
import org.sansdk.lio.sync.SyncPlan;
import org.sansdk.lio.sync.Zvol;
import org.sansdk.lio.targetcli.LioChange;
import org.sansdk.lio.targetcli.TargetcliBatch;

/**
 * Builds the client-facing target of design section 7 (what {@code setup-client-iscsi-target.sh} does):
 * one TPG per iSCSI VLAN numbered by its list position, a portal on that VLAN's VIP only (the default
 * {@code 0.0.0.0} portal is removed), and either ACL mode (each listed initiator, with its own CHAP when
 * given) or {@code generate_node_acls} mode ({@code generate_node_acls=1}, {@code demo_mode_write_protect=0},
 * {@code cache_dynamic_acls=1}, one TPG-level CHAP). {@code authentication} is 1 exactly when credentials
 * exist. LUNs are added by the VLAN's {@link org.sansdk.lio.sync.LunSyncPlanner}.
 * <p>Refused (rather than silently insecure): an ACL-mode VLAN where only some initiators have CHAP — with
 * {@code authentication=0} their CHAP would not be enforced, with {@code authentication=1} the others could
 * not log in; and a client IQN equal to a backend IQN.
 * <p>The portals bind to VIPs that exist only on the active node: the passive node needs
 * {@code net.ipv4.ip_nonlocal_bind=1} (design section 7) or restoring this configuration there fails.
 *
 * <pre>{@code LioConfig cfg = ClientTargetBuilder.coldStart(spec, Set.of(Iqn.parse("iqn.2025-01.lab.home:storage-a")), zvols);}</pre>
 */
public final class ClientTargetBuilder {
    private ClientTargetBuilder() {
    }

    /** The ordered changes creating the target, TPGs, portals, attributes, ACLs and CHAP. {@code ClientTargetBuilder.changes(spec, backendIqns)} */
    public static List<LioChange> changes(ClientTargetSpec spec, Collection<Iqn> backendIqns) {
        check(spec, backendIqns);
        String iqn = spec.targetIqn().toString();
        List<LioChange> out = new ArrayList<>();
        out.add(new LioChange.CreateIscsiTarget(iqn));
        out.add(new LioChange.DeletePortal(iqn, 1, "0.0.0.0", 3260));
        for (ClientTpg vlan : spec.iscsiVlans()) {
            int tag = spec.tagOf(vlan);
            if (tag != 1) {
                out.add(new LioChange.CreateTpg(iqn, tag));
                // targetcli gives the new TPG 0.0.0.0:3260 when tpg1 no longer has it: drop it before binding the VIP
                out.add(new LioChange.DeletePortal(iqn, tag, "0.0.0.0", 3260));
            }
            out.add(new LioChange.CreatePortal(iqn, tag, vlan.portalAddress(), vlan.port()));
            Map<String, Long> attrs = new LinkedHashMap<>();
            if (vlan.access() instanceof ClientTpg.Open open) {
                attrs.put("generate_node_acls", 1L);
                attrs.put("demo_mode_write_protect", 0L);
                attrs.put("cache_dynamic_acls", 1L);
                attrs.put("authentication", open.chap().hasCredentials() ? 1L : 0L);
                out.add(new LioChange.SetTpgAttributes(iqn, tag, attrs));
                if (open.chap().hasCredentials()) {
                    out.add(LioChange.SetAuth.onTpg(iqn, tag, open.chap()));
                }
            } else if (vlan.access() instanceof ClientTpg.Acls acls) {
                boolean chap = acls.initiators().stream().anyMatch(a -> a.chap().hasCredentials());
                attrs.put("generate_node_acls", 0L);
                attrs.put("cache_dynamic_acls", 0L);
                attrs.put("authentication", chap ? 1L : 0L);
                out.add(new LioChange.SetTpgAttributes(iqn, tag, attrs));
                for (ClientTpg.InitiatorAcl a : acls.initiators()) {
                    out.add(new LioChange.CreateAcl(iqn, tag, a.iqn().toString()));
                    if (a.chap().hasCredentials()) {
                        out.add(LioChange.SetAuth.onAcl(iqn, tag, a.iqn().toString(), a.chap()));
                    }
                }
            }
        }
        return out;
    }

    /** The changes as one targetcli batch. {@code ClientTargetBuilder.batch(spec, backendIqns)} */
    public static TargetcliBatch batch(ClientTargetSpec spec, Collection<Iqn> backendIqns) {
        return TargetcliBatch.of(changes(spec, backendIqns));
    }

    /**
     * The complete configuration for a cold start: target, TPGs and every VLAN's zvols synced, validated.
     * {@code SaveconfigWriter.write(ClientTargetBuilder.coldStart(spec, backendIqns, zvols))}
     */
    public static LioConfig coldStart(ClientTargetSpec spec, Collection<Iqn> backendIqns, List<Zvol> zvols) {
        return coldStart(LioConfig.empty(), spec, backendIqns, zvols);
    }

    /** Like {@link #coldStart(ClientTargetSpec, Collection, List)} on top of an existing config (e.g. the backend target). {@code coldStart(backendCfg, spec, iqns, zvols)} */
    public static LioConfig coldStart(LioConfig base, ClientTargetSpec spec, Collection<Iqn> backendIqns,
                                      List<Zvol> zvols) {
        LioConfig cfg = spec.planSync(batch(spec, backendIqns).applyTo(base), zvols).after();
        LioValidator.check(cfg);
        return cfg;
    }

    /**
     * Password rotation on an existing client target (what re-running the idempotent setup script does after a
     * new credentials file): every VLAN's CHAP brought in line with {@code spec} in one plan — the TPG-level
     * credential in {@code generate_node_acls} mode (set before {@code authentication=1}, cleared after
     * {@code authentication=0}), the ACLs' credentials in ACL mode ({@link ClientAclSync}, new initiators added,
     * extra ones only reported). LUNs, portals and TPGs are not touched.
     * {@code ClientTargetBuilder.reconcileAuth(cfg, spec).toPlan("storage-a")}
     */
    public static SyncPlan reconcileAuth(LioConfig cfg, ClientTargetSpec spec) {
        List<LioChange> changes = new ArrayList<>();
        List<SyncFinding> findings = new ArrayList<>();
        LioConfig current = cfg;
        for (ClientTpg vlan : spec.iscsiVlans()) {
            int tag = spec.tagOf(vlan);
            SyncPlan p;
            if (vlan.access() instanceof ClientTpg.Open open) {
                String iqn = spec.targetIqn().toString();
                Tpg tpg = current.target(iqn).flatMap(t -> t.tpg(tag)).orElseThrow(() ->
                        new SanException("no tpg" + tag + " in " + iqn + ": build the target first"));
                List<LioChange> c = new ArrayList<>();
                long auth = open.chap().hasCredentials() ? 1L : 0L;
                boolean authChanges = tpg.attribute("authentication").orElse(0L) != auth;
                if (authChanges && auth == 0) {
                    c.add(new LioChange.SetTpgAttributes(iqn, tag, Map.of("authentication", 0L)));
                }
                if (!tpg.chap().equals(open.chap())) {
                    c.add(LioChange.SetAuth.onTpg(iqn, tag, open.chap()));
                }
                if (authChanges && auth == 1) {
                    c.add(new LioChange.SetTpgAttributes(iqn, tag, Map.of("authentication", 1L)));
                }
                p = new SyncPlan(c, List.of(), current);
            } else {
                p = ClientAclSync.plan(current, spec.targetIqn(), tag, ((ClientTpg.Acls) vlan.access()).initiators(),
                        ClientAclSync.ExtraAcls.KEEP);
            }
            changes.addAll(p.changes());
            findings.addAll(p.findings());
            current = p.after();
        }
        return new SyncPlan(changes, findings, cfg);
    }

    private static void check(ClientTargetSpec spec, Collection<Iqn> backendIqns) {
        List<Violation> v = new ArrayList<>();
        if (backendIqns.contains(spec.targetIqn())) {
            v.add(new Violation("LIO-DESIGN-004", "targetIqn", "the client-facing target must not reuse a backend"
                    + " target IQN (" + spec.targetIqn() + "): use a separate IQN namespace"));
        }
        if (!LioValidator.isIscsiName(spec.targetIqn().toString())) {
            v.add(new Violation("LIO-TGT-002", "targetIqn", "'" + spec.targetIqn() + "' is not an iqn./eui./naa. name"));
        }
        if (spec.iscsiVlans().isEmpty()) {
            v.add(new Violation("LIO-DESIGN-005", "clientVlans", "no client VLAN offers iSCSI"));
        }
        Set<String> names = new HashSet<>();
        for (ClientTpg vlan : spec.clientVlans()) {
            if (!names.add(vlan.name())) {
                v.add(new Violation("LIO-DESIGN-009", "clientVlans", "VLAN " + vlan.name() + " is listed twice:"
                        + " TPG numbers come from list positions"));
            }
        }
        Set<String> vips = new HashSet<>();
        for (ClientTpg vlan : spec.iscsiVlans()) {
            String path = "clientVlans[" + (spec.tagOf(vlan) - 1) + "]";
            if (!LioValidator.isPortalAddress(vlan.portalAddress())) {
                v.add(new Violation("LIO-PORTAL-001", path, "VIP '" + vlan.vip()
                        + "' is not an IPv4 address or a bracketed IPv6 address"));
            }
            if (vlan.portalAddress().equals("0.0.0.0") || !vips.add(vlan.portalAddress() + ":" + vlan.port())) {
                v.add(new Violation("LIO-DESIGN-006", path, "VIP " + vlan.vip() + " must be a specific address,"
                        + " different per VLAN"));
            }
            if (vlan.dataset().equals(ZfsName.parse("none"))) {
                v.add(new Violation("LIO-DESIGN-007", path, "an iSCSI VLAN needs its zvol dataset"));
            }
            if (vlan.access() instanceof ClientTpg.Acls acls) {
                long withChap = acls.initiators().stream().filter(a -> a.chap().hasCredentials()).count();
                if (withChap != 0 && withChap != acls.initiators().size()) {
                    v.add(new Violation("LIO-AUTH-002", path, "only " + withChap + " of " + acls.initiators().size()
                            + " initiators have CHAP: give all of them CHAP or none"));
                }
                Set<String> seen = new HashSet<>();
                for (ClientTpg.InitiatorAcl a : acls.initiators()) {
                    if (!seen.add(a.iqn().toString())) {
                        v.add(new Violation("LIO-ACL-001", path, "duplicate initiator " + a.iqn()));
                    }
                    if (!LioValidator.isIscsiName(a.iqn().toString())) {
                        v.add(new Violation("LIO-ACL-002", path, "'" + a.iqn() + "' is not an iqn./eui./naa. name"));
                    }
                }
            }
        }
        if (spec.iscsiVlans().size() > 1) {
            Set<ZfsName> datasets = new HashSet<>();
            for (ClientTpg vlan : spec.iscsiVlans()) {
                if (!datasets.add(vlan.dataset())) {
                    v.add(new Violation("LIO-DESIGN-008", "clientVlans", "VLANs share dataset " + vlan.dataset()
                            + ": each iSCSI VLAN needs its own dataset"));
                }
            }
        }
        if (!v.isEmpty()) {
            throw new ValidationException(v);
        }
    }
}
