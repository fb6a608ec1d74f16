package org.sansdk.lab;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.sansdk.cluster.SanCluster;
import org.sansdk.cluster.change.ChangeLayer;
import org.sansdk.cluster.change.ChangeOptions;
import org.sansdk.cluster.change.ClusterChangePlan;
import org.sansdk.cluster.change.CorosyncChange;
import org.sansdk.cluster.design.ClientService;
import org.sansdk.cluster.design.ClientVlanSpec;
import org.sansdk.cluster.design.CorosyncTiming;
import org.sansdk.cluster.design.Placement;
import org.sansdk.cluster.design.SanDesign;
import org.sansdk.core.Command;
import org.sansdk.core.Executor;
import org.sansdk.corosync.QuorumStatus;
import java.util.ArrayList;
import org.sansdk.pacemaker.cib.Configuration;
import org.sansdk.pacemaker.cib.Group;
import org.sansdk.pacemaker.cib.Operation;
import org.sansdk.pacemaker.cib.PatchOption;
import org.sansdk.pacemaker.cib.Primitive;
import org.sansdk.pacemaker.cib.Resource;
import org.sansdk.pacemaker.status.ClusterStatus;

/**
 * Day two on the real lab (corosync + Pacemaker in network namespaces, ONE lab for every try): random design changes
 * — resource stickiness, the preferred node and its score, a client VLAN (its VIP) added or removed, nfs-server's
 * monitor interval (through the pluggable design → CIB mapping), and reloadable
 * corosync timing (token, join, max_messages) — planned with {@code SanCluster.plan}, applied, and then: planning again
 * is empty, every node is quorate with 3 votes, corosync runs with the new token ({@code runtime.config.totem.token}
 * from corosync-cmapctl), and every service runs where stickiness says: the design's rule keeps stickiness above the
 * preference score, so a preference moved to the other node leaves every running service where it is.
 */
class LabPlanTest {
    static Lab lab;
    static SanCluster cluster;
    static SanDesign current;
    static String where = "storage-a";

    record Change(int stickiness, String preferred, int score, boolean extraVlan, long token, long join, int maxMessages,
                  int nfsMonitorSeconds) {
    }

    /** The resource whose monitor interval the tries change (through the pluggable design -> CIB mapping). */
    static final String MONITORED = "nfs-server";

    static ChangeOptions options(int nfsMonitorSeconds) {
        return ChangeOptions.all().layers(ChangeLayer.PACEMAKER, ChangeLayer.COROSYNC)
                .pacemakerMapping(d -> withMonitor(new LabDesign(d).cibConfiguration(), nfsMonitorSeconds))
                .patchOptions(PatchOption.PRUNE);
    }

    /** The lab's CIB configuration with {@link #MONITORED}'s monitor every {@code seconds} s (0: as rendered). */
    static Configuration withMonitor(Configuration c, int seconds) {
        if (seconds == 0) {
            return c;
        }
        List<Resource> rs = new ArrayList<>();
        for (Resource r : c.resources()) {
            if (r instanceof Group g) {
                rs.add(new Group(g.id(), g.metaAttributes(), g.members().stream().map(m -> monitor(m, seconds)).toList()));
            } else if (r instanceof Primitive p) {
                rs.add(monitor(p, seconds));
            } else {
                rs.add(r);
            }
        }
        return c.toBuilder().resources(rs).build();
    }

    private static Primitive monitor(Primitive p, int seconds) {
        if (!p.id().equals(MONITORED)) {
            return p;
        }
        List<Operation> ops = new ArrayList<>();
        for (Operation o : p.operations()) {
            ops.add(o.name().equals("monitor") ? new Operation(p.id() + "-monitor-" + seconds + "s", "monitor", seconds + "s",
                    o.timeout(), o.role(), o.onFail(), o.other(), o.attributeSets()) : o);
        }
        return new Primitive(p.id(), p.agent(), p.template(), p.description(), p.instanceAttributes(), p.metaAttributes(),
                p.utilization(), ops, p.unknown(), p.operationsAttributes());
    }

    @BeforeContainer
    static void startLab() {
        Lab.requireTools();
        current = LabDesign.standard().design();
        lab = Lab.start(new LabDesign(current));
        Map<String, Executor> ex = new LinkedHashMap<>();
        for (LabNode n : lab.nodes()) {
            ex.put(n.name(), n.executor());
        }
        cluster = SanCluster.of(current, ex);
    }

    @AfterContainer
    static void closeLab() {
        if (lab != null) {
            lab.close();
            assertThat(lab.residue()).isEmpty();
        }
    }

    @Provide
    Arbitrary<Change> changes() {
        return Combinators.combine(Arbitraries.of(150, 300, 1000), Arbitraries.of("storage-a", "storage-b"), Arbitraries.of(50, 100),
                Arbitraries.of(false, true), Arbitraries.of(3000L, 3500L, 4000L), Arbitraries.of(50L, 100L, 1000L),
                Arbitraries.of(17, 20), Arbitraries.of(0, 15, 30)).as(Change::new);
    }

    static SanDesign apply(Change c) {
        SanDesign.Builder b = LabDesign.standardBuilder()
                .placement(new Placement(c.preferred(), c.score(), c.stickiness(), Duration.ofSeconds(150), Duration.ofSeconds(90)))
                .corosync(new CorosyncTiming(Duration.ofMillis(c.token()), Optional.empty(), Duration.ofMillis(c.join()),
                        c.maxMessages(), Duration.ofMillis(650)));
        if (c.extraVlan()) {
            b.clientVlan(ClientVlanSpec.builder("backup", 40).subnet("10.99.40.0/24").mtu(1500).vip("10.99.40.10/24")
                    .services(ClientService.NFS).build());
        }
        return b.build();
    }

    @Property(tries = 10, seed = "20261128")
    void randomDesignChanges_planApplyReplanEmpty_quorate_servicesWhereStickinessSays(@ForAll("changes") Change c) {
        SanDesign changed = apply(c);
        ClusterChangePlan plan = cluster.plan(changed, options(c.nfsMonitorSeconds()));
        boolean cibChanged = plan.nodes().stream().anyMatch(p -> p.cib().map(x -> !x.isEmpty()).orElse(false));
        net.jqwik.api.statistics.Statistics.label("CIB").collect(cibChanged ? "patched" : "unchanged");
        net.jqwik.api.statistics.Statistics.label("corosync").collect(plan.reloadsCorosync() ? "reloaded" : "unchanged");
        long t0 = System.nanoTime();
        plan.apply();
        System.out.printf("try %s: plan+apply %.2f s%n", c, (System.nanoTime() - t0) / 1e9);
        current = changed;
        ClusterChangePlan again = cluster.plan(changed, options(c.nfsMonitorSeconds()));
        assertThat(again.isEmpty()).as(again.summary()).isTrue();
        // the design's rule keeps stickiness above the preference: moving the preference never moves a running service
        String expected = where;
        List<String> services = new LabDesign(changed).services();
        ClusterStatus s = lab.awaitStatus("quorum", x -> services.stream().allMatch(r -> x.runningOn(r).equals(List.of(expected))),
                Duration.ofSeconds(60));
        for (String r : services) {
            assertThat(s.runningOn(r)).as(r + " after " + c).containsExactly(expected);
        }
        where = expected;
        // the monitor interval the CIB now holds for the resource (read back from the live CIB)
        String want = c.nfsMonitorSeconds() == 0 ? null : c.nfsMonitorSeconds() + "s";
        if (want != null) {
            String cibXml = lab.node("quorum").executor().runChecked(Command.of("cibadmin", "-Q", "--scope", "resources")).stdout();
            assertThat(cibXml).contains("id=\"" + MONITORED + "-monitor-" + want + "\"");
        }
        long runtimeToken = c.token() + 650;   // token + token_coefficient * (3 nodes - 2)
        for (LabNode n : lab.nodes()) {
            QuorumStatus q = n.corosync().quorum();
            assertThat(q.quorate()).as(n.name()).isTrue();
            assertThat(q.totalVotes()).as(n.name()).isEqualTo(3);
            String cmap = n.executor().runChecked(Command.of("corosync-cmapctl", "-g", "runtime.config.totem.token")).stdout();
            assertThat(cmap.strip()).as(n.name()).endsWith("= " + runtimeToken);
        }
        plan.nodes().forEach(p -> p.corosync().ifPresent(x ->
                assertThat(x.activation()).isNotEqualTo(CorosyncChange.Activation.RESTART)));
    }
}
