package org.sansdk.pacemaker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sansdk.pacemaker.cib.PatchOption;
import org.sansdk.core.Command;
import org.sansdk.core.Executor;
import org.sansdk.core.testing.NetNamespace;
import org.sansdk.pacemaker.cib.Cib;
import org.sansdk.pacemaker.cib.CibChangedException;
import org.sansdk.pacemaker.cib.CibPatch;
import org.sansdk.pacemaker.cib.Configuration;
import org.sansdk.pacemaker.cib.Group;
import org.sansdk.pacemaker.cib.NvPair;
import org.sansdk.pacemaker.cib.NvSet;
import org.sansdk.pacemaker.cib.Primitive;
import org.sansdk.pacemaker.cib.Resource;
import org.sansdk.pacemaker.cib.ResourceAgent;
import org.sansdk.corosync.Corosync;
import org.sansdk.corosync.QuorumStatus;
import org.sansdk.pacemaker.ops.SettleResult;
import org.sansdk.pacemaker.sim.VerifyResult;
import org.sansdk.pacemaker.status.ClusterStatus;

/**
 * A real one-node cluster (corosync on 127.0.0.1 + pacemakerd) in its own network and mount namespaces, with
 * private copies of the corosync/pacemaker state directories and a private /run. The facade's operations run
 * against it through {@code nsenter}.
 */
class LiveClusterTest {

    private static NetNamespace ns;
    private static ClusterNode node;
    private static Pacemaker pm;

    private static Runnable cleanup;

    @BeforeAll
    static void startCluster() throws Exception {
        ClusterNode.requireTools();
        cleanup = ClusterNode.onceAndAtExit(LiveClusterTest::cleanUp);
        ns = NetNamespace.create("san-pcmk");
        node = ClusterNode.start("storage-a", ns.name(), ClusterNode.corosyncConf(List.of("storage-a"), List.of("127.0.0.1")));
        pm = node.pacemaker();
        // a one-node cluster elects itself DC in about 20 s
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (true) {
            ClusterStatus s = node.statusOrNull();
            if (s != null && s.summary().map(x -> x.dcPresent()).orElse(false) && s.node("storage-a").map(n -> n.online()).orElse(false)) {
                break;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("cluster did not come up");
            }
            Thread.sleep(1000);
        }
        node.recordPids();
        bare = pm.cib().configuration();
    }

    /** The configuration the cluster started with (no resources): each test's baseline adds the services to it. */
    private static Configuration bare;

    /** Applies {@code desired} (re-planning when status updates move the CIB version, bounded), prune as asked. */
    private static CibPatch applyRetrying(java.util.function.UnaryOperator<Configuration> toDesired, PatchOption... options) throws InterruptedException {
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

    /**
     * The known baseline every test starts from, whatever ran before (or alone, -Dtest=LiveClusterTest#method):
     * storage-a online and not in standby, the services (svc group d1, d2 and fence-ghost) configured as
     * {@link #withServices} has them (in-place changes of an earlier test reverted), enabled, failures cleaned up,
     * settled with everything running.
     */
    @BeforeEach
    void baseline() throws InterruptedException {
        if (pm.status().node("storage-a").map(n -> n.standby()).orElse(false)) {
            pm.unstandby("storage-a");
        }
        applyRetrying(c -> withServices(c.toBuilder().resources(bare.resources()).rscDefaults(bare.rscDefaults()).build()), PatchOption.PRUNE);
        if (pm.cib().configuration().resource("svc").flatMap(r -> r.meta("target-role")).isPresent()) {
            pm.enable("svc");
        }
        pm.cleanup();
        settle();
        ClusterStatus s = pm.status();
        assertThat(s.runningOn("d1")).containsExactly("storage-a");
        assertThat(s.runningOn("d2")).containsExactly("storage-a");
    }

    private static Executor inNamespace() {
        return node.executor();
    }

    @AfterAll
    static void stopCluster() {
        if (cleanup != null) {
            cleanup.run();
        }
    }

    private static void cleanUp() {
        if (node != null) {
            node.close();
        }
        if (ns != null) {
            try {
                ns.close();
            } catch (RuntimeException e) {
                System.err.println("cleanup of " + ns.name() + " failed: " + e);
            }
        }
    }

    private static void settle() {
        // 120 s: on a loaded 2-core machine the transition after a prune was seen to take longer than 60 s
        SettleResult r = pm.waitForSettle(Duration.ofSeconds(120));
        if (r.outcome() != SettleResult.Outcome.SETTLED) {
            System.err.println("settle: " + r + "\ncrm_mon:\n" + node.executor().run(org.sansdk.core.Command.of("crm_mon", "-1", "-A", "-f", "-r")).stdout()
                    + "\nsimulate:\n" + node.executor().run(org.sansdk.core.Command.of("crm_simulate", "-L", "-S")).stdout());
        }
        assertThat(r.outcome()).as(r.toString()).isEqualTo(SettleResult.Outcome.SETTLED);
    }

    private static Configuration withServices(Configuration live) {
        List<NvSet> props = new ArrayList<>(live.crmConfig());
        props.removeIf(x -> "san-options".equals(x.id()));
        props.add(NvSet.of("cluster_property_set", "san-options", List.of(new NvPair("san-options-stonith-enabled", "stonith-enabled", "true"))));
        List<Resource> res = new ArrayList<>(live.resources());
        res.removeIf(r -> r.id().equals("fence-ghost") || r.id().equals("svc"));
        res.add(Primitive.builder("fence-ghost", new ResourceAgent("stonith", null, "fence_dummy")).instance("pcmk_host_list", "ghost")
                .op("monitor", "60s", null).build());
        res.add(new Group("svc", List.of(), List.of(
                Primitive.builder("d1", ResourceAgent.parse("ocf:pacemaker:Dummy")).op("monitor", "10s", null).build(),
                Primitive.builder("d2", ResourceAgent.parse("ocf:pacemaker:Dummy")).op("monitor", "10s", null).build())));
        return live.toBuilder().crmConfig(props).resources(res).build();
    }

    @Test
    void quorum_oneNodeCluster_isQuorateWithLocalMember() {
        QuorumStatus q = Corosync.on(inNamespace()).quorum();
        assertThat(q.quorate()).isTrue();
        assertThat(q.members()).singleElement().satisfies(m -> {
            assertThat(m.name()).isEqualTo("storage-a");
            assertThat(m.local()).isTrue();
        });
    }

    @Test
    void patch_appliedToLiveCib_startsTheNewResources_andARePlanIsEmpty() throws InterruptedException {
        // from the baseline, take the services away (prune), then add them with a patch
        CibPatch removal = applyRetrying(c -> c.toBuilder().resources(bare.resources()).build(), PatchOption.PRUNE);
        assertThat(removal.deletedResources()).containsExactlyInAnyOrder("fence-ghost", "svc", "d1", "d2");
        // not crm_resource --wait here: after a standby/unstandby earlier in the same cluster's life it was seen to
        // time out with no resource configured and an empty transition (crm_mon and crm_simulate -L agreed);
        // what this step needs is that the pruned resources are gone, so wait for exactly that (bounded)
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

    /** The call id of the resource's last non-recurring operation (its start while it runs) on any node. */
    private static int lastCallId(Cib cib, String rsc) {
        return cib.status().stream().flatMap(n -> n.lrmResources().stream()).filter(r -> r.id().equals(rsc))
                .flatMap(r -> r.ops().stream()).filter(o -> o.id().equals(rsc + "_last_0")).mapToInt(o -> o.callId()).max().orElse(-1);
    }

    @Test
    void inPlaceChange_metaAndMonitorTimeout_onLiveCluster_restartsNothing() throws InterruptedException {
        settle();
        Cib before = pm.cib();
        int d1Start = lastCallId(before, "d1");
        int d2Start = lastCallId(before, "d2");
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
                            d1.operations().stream().map(o -> o.name().equals("monitor") ? new org.sansdk.pacemaker.cib.Operation(o.id(), o.name(),
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
        // neither member was stopped and started again: their last start is still the same executor call
        assertThat(lastCallId(after, "d1")).isEqualTo(d1Start);
        assertThat(lastCallId(after, "d2")).isEqualTo(d2Start);
        assertThat(pm.status().runningOn("d1")).containsExactly("storage-a");
        assertThat(CibPatch.between(after, desired).isEmpty()).isTrue();
    }

    @Test
    void patch_afterAConcurrentChange_isRefused() {
        settle();
        Cib live = pm.cib();
        Configuration c = live.configuration();
        List<NvSet> defaults = List.of(NvSet.of("meta_attributes", "rsc_defaults-meta_attributes",
                List.of(new NvPair("rsc_defaults-meta_attributes-resource-stickiness", "resource-stickiness", "200"))));
        CibPatch p = CibPatch.between(live, c.toBuilder().rscDefaults(defaults).build());
        inNamespace().runChecked(pm.pcs().propertySet("maintenance-mode", "false"));
        assertThatThrownBy(() -> pm.apply(p)).isInstanceOf(CibChangedException.class);
        assertThat(pm.cib().configuration().rscDefaults()).isEmpty();
    }

    @Test
    void standby_stopsEverything_unstandby_startsItAgain() {
        settle();
        pm.standby("storage-a");
        settle();
        ClusterStatus s = pm.status();
        assertThat(s.node("storage-a").orElseThrow().standby()).isTrue();
        assertThat(s.runningOn("d1")).isEmpty();
        pm.unstandby("storage-a");
        settle();
        assertThat(pm.status().runningOn("d1")).containsExactly("storage-a");
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
        inNamespace().runChecked(Command.of("stonith_admin", "--reboot", "ghost", "--timeout", "30"));
        assertThat(pm.fencingHistory()).anySatisfy(e -> {
            assertThat(e.target()).isEqualTo("ghost");
            assertThat(e.action()).isEqualTo("reboot");
            assertThat(e.status()).isEqualTo("success");
            assertThat(e.delegate()).isEqualTo("storage-a");
        });
    }
}
