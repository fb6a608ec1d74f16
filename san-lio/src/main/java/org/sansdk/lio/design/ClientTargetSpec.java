package org.sansdk.lio.design;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.UnaryOperator;
import org.sansdk.core.Iqn;
import org.sansdk.lio.LioConfig;
import org.sansdk.lio.sync.BackstoreNaming;
import org.sansdk.lio.sync.LunSyncPlanner;
import org.sansdk.lio.sync.SyncFinding;
import org.sansdk.lio.sync.SyncPlan;
import org.sansdk.lio.sync.Zvol;
import org.sansdk.lio.targetcli.LioChange;

/**
 * The design's client-facing target (section 7): one IQN, separate from the backend targets' IQNs, with one
 * TPG per iSCSI client VLAN.
 *
 * <pre>{@code ClientTargetSpec spec = new ClientTargetSpec(Iqn.parse("iqn.2025-01.lab.home:san-client-target"), vlans);}</pre>
 *
 * @param targetIqn   the client-facing target's IQN
 * @param clientVlans every client VLAN in the inventory's order (TPG tag = position + 1)
 */
public record ClientTargetSpec(Iqn targetIqn, List<ClientTpg> clientVlans) {

    /** Copies the list. */
    public ClientTargetSpec {
        Objects.requireNonNull(targetIqn, "targetIqn");
        clientVlans = List.copyOf(clientVlans);
    }

    /** The TPG tag of a VLAN: its 1-based position in {@link #clientVlans()}. {@code spec.tagOf(vlan)} */
    public int tagOf(ClientTpg vlan) {
        int i = clientVlans.indexOf(vlan);
        if (i < 0) {
            throw new IllegalArgumentException("VLAN " + vlan.name() + " is not in this spec");
        }
        return i + 1;
    }

    /** The VLANs offering iSCSI, in list order. {@code spec.iscsiVlans()} */
    public List<ClientTpg> iscsiVlans() {
        return clientVlans.stream().filter(ClientTpg::iscsi).toList();
    }

    /** {@code <zvol>} with one iSCSI VLAN, {@code <vlan>-<zvol>} with several (the design's rule). {@code spec.namingFor(vlan)} */
    public BackstoreNaming namingFor(ClientTpg vlan) {
        return iscsiVlans().size() <= 1 ? BackstoreNaming.plain() : BackstoreNaming.vlan(vlan.name());
    }

    /**
     * The LUN sync of every iSCSI VLAN's TPG as one plan (one targetcli process, one {@code saveconfig}), each
     * VLAN planned on the result of the previous one. {@code spec.planSync(cfg, zvols).toPlan("storage-a")}
     */
    public SyncPlan planSync(LioConfig config, List<Zvol> zvols) {
        return planSync(config, zvols, UnaryOperator.identity());
    }

    /**
     * Like {@link #planSync(LioConfig, List)} with options for every VLAN's planner (removeMissing, previous, ...).
     * {@code spec.planSync(cfg, zvols, p -> p.previous(lastZvols))}
     */
    public SyncPlan planSync(LioConfig config, List<Zvol> zvols, UnaryOperator<LunSyncPlanner> options) {
        List<LioChange> changes = new ArrayList<>();
        List<SyncFinding> findings = new ArrayList<>();
        LioConfig current = config;
        for (ClientTpg vlan : iscsiVlans()) {
            SyncPlan p = options.apply(planner(vlan)).plan(current, zvols);
            changes.addAll(p.changes());
            findings.addAll(p.findings());
            current = p.after();
        }
        return new SyncPlan(changes, findings, config);
    }

    /** The LUN sync planner for one VLAN's TPG, with the design's naming. {@code spec.planner(vlan).plan(cfg, zvols)} */
    public LunSyncPlanner planner(ClientTpg vlan) {
        return LunSyncPlanner.forTpg(targetIqn, tagOf(vlan), vlan.dataset()).naming(namingFor(vlan));
    }
}
