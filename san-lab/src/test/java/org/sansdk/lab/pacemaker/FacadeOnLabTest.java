package org.sansdk.lab.pacemaker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sansdk.core.Command;
import org.sansdk.core.testing.RealTools;
import org.sansdk.corosync.QuorumStatus;
import org.sansdk.lab.Lab;
import org.sansdk.lab.LabDesign;
import org.sansdk.lab.LabNode;
import org.sansdk.pacemaker.Pacemaker;
import org.sansdk.pacemaker.cib.Cib;
import org.sansdk.pacemaker.cib.CibChangedException;
import org.sansdk.pacemaker.cib.CibPatch;
import org.sansdk.pacemaker.cib.Configuration;
import org.sansdk.pacemaker.cib.Constraint;
import org.sansdk.pacemaker.cib.Group;
import org.sansdk.pacemaker.cib.LocationConstraint;
import org.sansdk.pacemaker.cib.NvPair;
import org.sansdk.pacemaker.cib.NvSet;
import org.sansdk.pacemaker.cib.Operation;
import org.sansdk.pacemaker.cib.PatchOption;
import org.sansdk.pacemaker.cib.Primitive;
import org.sansdk.pacemaker.cib.Resource;
import org.sansdk.pacemaker.cib.ResourceAgent;
import org.sansdk.pacemaker.ops.SettleResult;
import org.sansdk.pacemaker.sim.VerifyResult;
import org.sansdk.pacemaker.status.ClusterStatus;

/**
 * san-pacemaker's facade ({@link Pacemaker}: CIB read, in-place patch with its epoch guard, standby, disable/enable,
 * cleanup, fencing history) against the standard three-node lab, once per class. Moved here from san-pacemaker's
 * one-node {@code LiveClusterTest} (san-pacemaker cannot depend on san-lab: san-lab depends on it through san-cluster).
 * Each test adds a group {@code svc} (two Dummies, preferring storage-a without limit) and a fencing device
 * {@code fence-ghost} for a node that does not exist (runs only on storage-a) to the lab's design, and starts from
 * that baseline whatever ran before.
 */
class FacadeOnLabTest {

    private static Lab lab;
    private static LabNode node;
    private static Pacemaker pm;
    /** The lab's configuration as started (the design): each test's baseline adds svc and fence-ghost to it. */
    private static Configuration bare;

    @BeforeAll
    static void startLab() {
        Lab.requireTools();
        RealTools.require("pcs");
        lab = Lab.start(LabDesign.standard());
        node = lab.node("storage-b");
        pm = node.pacemaker();
        bare = pm.cib().configuration();
    }

    @AfterAll
    static void closeLab() {
        if (lab != null) {
            lab.close();
            assertThat(lab.residue()).isEmpty();
        }
    }

    /** Applies {@code desired} (re-planning when status updates move the CIB version, bounded). */
    private static CibPatch applyRetrying(UnaryOperator<Configuration> toDesired, PatchOption... options) throws InterruptedException {
        for (int attempt = 0; attempt < 10; attempt++) {
            Cib live = pm.cib();
            CibPatch p = CibPatch.between(live, toDesired.apply(live.configuration()), options);
            if (p.isEmpty()) {
                return p;
            }
            try {
                pm.apply(p);
                return p;
            } catch (CibChangedException e) {
                Thread.sleep(1000);
            }
        }
        throw new AssertionError("could not apply a patch in 10 attempts");
    }

    /** The design as the lab started it: resources and constraints of {@link #bare}, the rest of {@code live}. */
    private static Configuration bareOf(Configuration live) {
        return live.toBuilder().resources(bare.resources()).constraints(bare.constraints()).rscDefaults(bare.rscDefaults()).build();
    }

    /**
     * The baseline every test starts from, whatever ran before (or alone, -Dtest=FacadeOnLabTest#method): no node in
     * standby, the design plus svc and fence-ghost as {@link #withServices} has them (in-place changes of an earlier
     * test reverted), enabled, failures cleaned up, settled, svc on storage-a.
     */
    @BeforeEach
    void baseline() throws InterruptedException {
        for (String n : lab.design().nodeNames()) {
            if (pm.status().node(n).map(x -> x.standby()).orElse(false)) {
                pm.unstandby(n);
            }
        }
        applyRetrying(c -> withServices(bareOf(c)), PatchOption.PRUNE);
        if (pm.cib().configuration().resource("svc").flatMap(r -> r.meta("target-role")).isPresent()) {
            pm.enable("svc");
        }
        pm.cleanup();
        settle();
        ClusterStatus s = pm.status();
        assertThat(s.runningOn("d1")).containsExactly("storage-a");
        assertThat(s.runningOn("d2")).containsExactly("storage-a");
    }

    private static void settle() {
        SettleResult r = pm.waitForSettle(Duration.ofSeconds(120));
        if (r.outcome() != SettleResult.Outcome.SETTLED) {
            System.err.println("settle: " + r + "\ncrm_mon:\n" + node.executor().run(Command.of("crm_mon", "-1", "-A", "-f", "-r")).stdout());
        }
        assertThat(r.outcome()).as(r.toString()).isEqualTo(SettleResult.Outcome.SETTLED);
    }

    /** The live configuration with svc (d1, d2; storage-a preferred) and fence-ghost (storage-a only) added. */
    private static Configuration withServices(Configuration live) {
        List<Resource> res = new ArrayList<>(live.resources());
        res.removeIf(r -> r.id().equals("fence-ghost") || r.id().equals("svc"));
        res.add(Primitive.builder("fence-ghost", new ResourceAgent("stonith", null, "fence_dummy")).instance("pcmk_host_list", "ghost")
                .op("monitor", "60s", null).build());
        res.add(new Group("svc", List.of(), List.of(
                Primitive.builder("d1", ResourceAgent.parse("ocf:pacemaker:Dummy")).op("monitor", "10s", null).build(),
                Primitive.builder("d2", ResourceAgent.parse("ocf:pacemaker:Dummy")).op("monitor", "10s", null).build())));
        List<Constraint> cons = new ArrayList<>(live.constraints());
        List<Constraint> mine = List.of(LocationConstraint.prefers("svc", "storage-a", "INFINITY"),
                LocationConstraint.prefers("fence-ghost", "storage-b", "-INFINITY"),
                LocationConstraint.prefers("fence-ghost", "quorum", "-INFINITY"));
        cons.removeIf(c -> mine.stream().anyMatch(m -> m.id().equals(c.id())));
        cons.addAll(mine);
        return live.toBuilder().resources(res).constraints(cons).build();
    }

    @Test
    void quorum_threeNodeLab_isQuorateWithOneLocalMemberPerNode() {
        for (LabNode n : lab.nodes()) {
            QuorumStatus q = n.corosync().quorum();
            assertThat(q.quorate()).as(n.name()).isTrue();
            assertThat(q.members()).as(n.name()).extracting(m -> m.name()).containsExactlyInAnyOrder("storage-a", "storage-b", "quorum");
            assertThat(q.members()).as(n.name()).filteredOn(m -> m.local()).singleElement()
                    .satisfies(m -> assertThat(m.name()).isEqualTo(n.name()));
        }
    }

    @Test
    void patch_appliedToLiveCib_startsTheNewResources_andARePlanIsEmpty() throws InterruptedException {
        // from the baseline, take the test's resources away (prune), then add them with a patch
        CibPatch removal = applyRetrying(FacadeOnLabTest::bareOf, PatchOption.PRUNE);
        assertThat(removal.deletedResources()).containsExactlyInAnyOrder("fence-ghost", "svc", "d1", "d2");
        // what this step needs is that the pruned resources are gone: wait for exactly that (bounded)
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (!(pm.status().runningOn("d1").isEmpty() && pm.status().runningOn("fence-ghost").isEmpty())
                && System.nanoTime() < deadline) {
            Thread.sleep(500);
        }
        assertThat(pm.status().runningOn("d1")).isEmpty();
        assertThat(pm.status().runningOn("fence-ghost")).isEmpty();
        CibPatch patch = null;
        Configuration desired = null;
        for (int attempt = 0; attempt < 10; attempt++) {
            Cib live = pm.cib();
            desired = withServices(live.configuration());
            patch = CibPatch.between(live, desired);
            try {
                pm.apply(patch);
                break;
            } catch (CibChangedException e) {
                // a status update moved num_updates between planning and applying: re-plan, as documented (bounded)
                patch = null;
                Thread.sleep(1000);
            }
        }
        assertThat(patch).isNotNull();
        settle();
        ClusterStatus s = pm.status();
        assertThat(s.runningOn("d1")).containsExactly("storage-a");
        assertThat(s.runningOn("d2")).containsExactly("storage-a");
        assertThat(s.runningOn("fence-ghost")).containsExactly("storage-a");
        assertThat(pm.cib().configuration().property("stonith-enabled")).contains("true");
        assertThat(pm.verify().outcome()).isEqualTo(VerifyResult.Outcome.VALID);
        // the live CIB now has Pacemaker's additions (dc-version, cluster-infrastructure, status): nothing left to change
        assertThat(CibPatch.between(pm.cib(), desired).changes()).extracting(c -> c.describe()).isEmpty();
    }

    /** The call id of the resource's last non-recurring operation (its start while it runs) on a node. */
    private static int lastCallId(Cib cib, String rsc, String nodeName) {
        return cib.status().stream().filter(n -> nodeName.equals(n.uname())).flatMap(n -> n.lrmResources().stream())
                .filter(r -> r.id().equals(rsc)).flatMap(r -> r.ops().stream()).filter(o -> o.id().equals(rsc + "_last_0"))
                .mapToInt(o -> o.callId()).max().orElse(-1);
    }

    @Test
    void inPlaceChange_metaAndMonitorTimeout_onLiveCluster_restartsNothing() throws InterruptedException {
        settle();
        Cib before = pm.cib();
        int d1Start = lastCallId(before, "d1", "storage-a");
        int d2Start = lastCallId(before, "d2", "storage-a");
        assertThat(d1Start).isPositive();
        CibPatch patch = null;
        Configuration desired = null;
        for (int attempt = 0; attempt < 10 && patch == null; attempt++) {
            Cib live = pm.cib();
            Configuration c = live.configuration();
            List<Resource> res = new ArrayList<>();
            for (Resource r : c.resources()) {
                if (r instanceof Group g && g.id().equals("svc")) {
                    Primitive d1 = g.members().get(0);
                    Primitive d2 = g.members().get(1);
                    d1 = new Primitive(d1.id(), d1.agent(), null, null, d1.instanceAttributes(), d1.metaAttributes(), List.of(),
                            d1.operations().stream().map(o -> o.name().equals("monitor") ? new Operation(o.id(), o.name(),
                                    o.interval(), "25s", o.role(), o.onFail(), o.other(), o.attributeSets()) : o).toList(), List.of());
                    d2 = new Primitive(d2.id(), d2.agent(), null, null, d2.instanceAttributes(), List.of(NvSet.of("meta_attributes",
                            "d2-meta_attributes", List.of(new NvPair("d2-meta_attributes-migration-threshold", "migration-threshold", "5")))),
                            List.of(), d2.operations(), List.of());
                    res.add(new Group(g.id(), g.metaAttributes(), List.of(d1, d2)));
                } else {
                    res.add(r);
                }
            }
            desired = c.toBuilder().resources(res).build();
            CibPatch p = CibPatch.between(live, desired);
            assertThat(p.changes()).extracting(x -> x.describe())
                    .containsExactly("modify resource svc in place (modify op[@id='d1-monitor-interval-10s'], create meta_attributes[@id='d2-meta_attributes'])");
            assertThat(p.deletedResources()).isEmpty();
            try {
                pm.apply(p);
                patch = p;
            } catch (CibChangedException e) {
                Thread.sleep(1000);
            }
        }
        assertThat(patch).isNotNull();
        settle();
        Cib after = pm.cib();
        assertThat(((Primitive) after.configuration().resource("d1").orElseThrow()).operations())
                .anySatisfy(o -> assertThat(o.timeout()).isEqualTo("25s"));
        assertThat(after.configuration().resource("d2").orElseThrow().meta("migration-threshold")).contains("5");
        // neither member was stopped and started again: their last start on storage-a is still the same executor call
        assertThat(lastCallId(after, "d1", "storage-a")).isEqualTo(d1Start);
        assertThat(lastCallId(after, "d2", "storage-a")).isEqualTo(d2Start);
        assertThat(pm.status().runningOn("d1")).containsExactly("storage-a");
        assertThat(CibPatch.between(after, desired).isEmpty()).isTrue();
    }

    @Test
    void patch_afterAConcurrentChange_isRefused() {
        settle();
        Cib live = pm.cib();
        Configuration c = live.configuration();
        List<NvSet> defaults = List.of(NvSet.of("meta_attributes", "rsc_defaults-meta_attributes",
                List.of(new NvPair("rsc_defaults-meta_attributes-resource-stickiness", "resource-stickiness", "333"))));
        CibPatch p = CibPatch.between(live, c.toBuilder().rscDefaults(defaults).build());
        node.executor().runChecked(pm.pcs().propertySet("maintenance-mode", "false"));
        assertThatThrownBy(() -> pm.apply(p)).isInstanceOf(CibChangedException.class);
        // the refused patch changed nothing: the design's stickiness stays
        assertThat(pm.cib().configuration().rscDefaults()).isEqualTo(bare.rscDefaults());
        assertThat(pm.cib().configuration().rscDefaults().toString()).doesNotContain("333");
    }

    @Test
    void standby_stopsEverythingOnTheNode_unstandby_startsItThereAgain() {
        settle();
        pm.standby("storage-a");
        settle();
        ClusterStatus s = pm.status();
        assertThat(s.node("storage-a").orElseThrow().standby()).isTrue();
        for (String r : resourcesOf(pm.cib().configuration())) {
            assertThat(s.runningOn(r)).as(r).doesNotContain("storage-a");
        }
        assertThat(s.runningOn("d1")).isNotEmpty();
        pm.unstandby("storage-a");
        settle();
        assertThat(pm.status().runningOn("d1")).containsExactly("storage-a");
    }

    /** Every primitive id of the configuration (group members included). */
    private static List<String> resourcesOf(Configuration c) {
        List<String> out = new ArrayList<>();
        for (Resource r : c.resources()) {
            if (r instanceof Group g) {
                g.members().forEach(m -> out.add(m.id()));
            } else {
                out.add(r.id());
            }
        }
        return out;
    }

    @Test
    void disableEnableCleanup_changeTargetRoleAndKeepRunning() {
        settle();
        pm.disable("svc");
        settle();
        assertThat(pm.status().runningOn("d2")).isEmpty();
        pm.enable("svc");
        settle();
        assertThat(pm.status().runningOn("d2")).containsExactly("storage-a");
        pm.cleanup("d1");
        settle();
        assertThat(pm.status().runningOn("d1")).containsExactly("storage-a");
    }

    @Test
    void fencing_ofAnotherNode_showsInFencingHistory() {
        settle();
        node.executor().runChecked(Command.of("stonith_admin", "--reboot", "ghost", "--timeout", "30"));
        assertThat(pm.fencingHistory()).anySatisfy(e -> {
            assertThat(e.target()).isEqualTo("ghost");
            assertThat(e.action()).isEqualTo("reboot");
            assertThat(e.status()).isEqualTo("success");
            // fence-ghost may run only on storage-a: the fencer there carried it out
            assertThat(e.delegate()).isEqualTo("storage-a");
        });
    }
}
