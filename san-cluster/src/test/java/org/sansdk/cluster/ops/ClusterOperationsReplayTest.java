package org.sansdk.cluster.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.sansdk.cluster.DistroFamily;
import org.sansdk.cluster.NodeCapabilities;
import org.sansdk.cluster.SanCluster;
import org.sansdk.cluster.design.ClientService;
import org.sansdk.cluster.design.ClientVlanSpec;
import org.sansdk.cluster.design.DatasetSpec;
import org.sansdk.cluster.design.IscsiAccess;
import org.sansdk.cluster.design.IscsiSettings;
import org.sansdk.cluster.design.Placement;
import org.sansdk.cluster.design.SanDesign;
import org.sansdk.cluster.design.ZvolSpec;
import org.sansdk.cluster.map.DesignMapping;
import org.sansdk.core.Command;
import org.sansdk.core.CommandResult;
import org.sansdk.core.Executor;
import org.sansdk.core.Iqn;
import org.sansdk.core.ReplayExecutor;
import org.sansdk.core.Size;
import org.sansdk.lio.LioConfig;
import org.sansdk.lio.SaveconfigWriter;
import org.sansdk.lio.design.BackendTargetBuilder;
import org.sansdk.lio.design.ClientTargetBuilder;
import org.sansdk.lio.design.ClientTargetSpec;
import org.sansdk.zfs.DeviceState;
import org.sansdk.zfs.ScanStatus;

/**
 * The operations against recorded outputs of the lab (resources/ops, see SOURCES.md): the refusals the live lab cannot
 * produce on demand, and the exact commands each operation runs.
 */
class ClusterOperationsReplayTest {
    private static final String LEG_B0 = "/dev/disk/by-path/ip-10.99.10.2:3260-iscsi-iqn.2025-01.lab.san:storage-b-lun-0-part1";
    private static final String LEG_B1 = "/dev/disk/by-path/ip-10.99.10.2:3260-iscsi-iqn.2025-01.lab.san:storage-b-lun-1-part1";
    private static final List<String> SERVICES = List.of("zfs-pool", "vip-enduser", "nfs-server", "smb-server");

    static String res(String name) {
        try (InputStream in = ClusterOperationsReplayTest.class.getResourceAsStream("/ops/" + name)) {
            if (in == null) {
                throw new AssertionError("no resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    /** The lab's standard design (san-lab's LabDesign.standard(), which san-cluster's tests cannot depend on), pool named {@code pool}. */
    static SanDesign.Builder labDesign(String pool) {
        return org.sansdk.cluster.LabShapedDesign.builder(pool, true).dataset(new DatasetSpec("share", Map.of()))
                .placement(new Placement("storage-a", 100, 200, Duration.ofSeconds(150), Duration.ofSeconds(90)));
    }

    static NodeCapabilities debian(String host) {
        return new NodeCapabilities(host, DistroFamily.DEBIAN, "debian", Optional.of("12"), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty(), List.of());
    }

    static SanCluster cluster(SanDesign d, Map<String, Executor> executors) {
        Map<String, NodeCapabilities> caps = new LinkedHashMap<>();
        executors.keySet().forEach(n -> caps.put(n, debian(n)));
        return SanCluster.of(d, executors, caps);
    }

    static final List<String> MON = List.of("crm_mon", "-1", "--output-as=xml");
    static final List<String> CIB = List.of("cibadmin", "-Q");
    static final CommandResult NOT_IMPORTED = CommandResult.of(1, "", "cannot open 'lab-pool': no such pool\n");
    static final CommandResult ZFS_FUSE_NO_P = CommandResult.of(2, "", "invalid option 'P'\nusage:\n\tstatus [-vx] [pool] ...\n");

    static String session(String address, String iqn) {
        return "tcp: [1] " + address + ":3260,1 " + iqn + " (non-flash)\n";
    }

    /** Every node answering crm_mon with {@code mon}; storage-a imports lab-pool ({@code zpool}); backend sessions both ways. */
    static Map<String, ReplayExecutor.Builder> lab(String mon, String cib, String... zpool) {
        Map<String, ReplayExecutor.Builder> m = new LinkedHashMap<>();
        for (String n : List.of("storage-a", "storage-b", "quorum")) {
            m.put(n, ReplayExecutor.builder().on(MON, res(mon)).on(CIB, cib));
        }
        m.get("storage-a").on(List.of("zpool", "status", "-P", "-v", "lab-pool"), ZFS_FUSE_NO_P);
        for (String z : zpool) {
            m.get("storage-a").on(List.of("zpool", "status", "-v", "lab-pool"), res(z));
        }
        m.get("storage-b").on(List.of("zpool", "status", "-P", "-v", "lab-pool"), NOT_IMPORTED);
        m.get("storage-a").on(List.of("iscsiadm", "-m", "session"), session("10.99.10.2", "iqn.2025-01.lab.san:storage-b"));
        m.get("storage-b").on(List.of("iscsiadm", "-m", "session"), session("10.99.10.1", "iqn.2025-01.lab.san:storage-a"));
        return m;
    }

    static Map<String, Executor> build(Map<String, ReplayExecutor.Builder> m) {
        Map<String, Executor> out = new LinkedHashMap<>();
        m.forEach((k, v) -> out.put(k, v.build()));
        return out;
    }

    static ClusterOperations ops(SanDesign d, Map<String, Executor> x) {
        return ClusterOperations.of(cluster(d, x)).pollInterval(Duration.ofMillis(1));
    }

    static List<List<String>> seen(Map<String, Executor> x, String node) {
        return ((ReplayExecutor) x.get(node)).commandsSeen().stream().map(Command::argv).toList();
    }

    // ------------------------------------------------------------------ planned failover

    @Test
    void plannedFailover_standbyThenArrivalsThenUnstandby_noPcs() {
        Map<String, ReplayExecutor.Builder> m = lab("crm_mon-all-on-a.xml", res("cibadmin-Q.xml"), "zpool-status-lab-resilvered.txt");
        m.get("storage-b").on(MON, res("crm_mon-all-on-b.xml"))
                .on(List.of("crm_attribute", "--node", "storage-a", "--name", "standby", "--update", "on", "--lifetime", "forever"), "")
                .on(List.of("crm_attribute", "--node", "storage-a", "--name", "standby", "--update", "off", "--lifetime", "forever"), "");
        Map<String, Executor> x = build(m);
        FailoverReport r = ops(labDesign("lab-pool").build(), x).plannedFailover("storage-b", FailoverOption.UNSTANDBY_AFTER);
        assertThat(r.from()).isEqualTo("storage-a");
        assertThat(r.to()).isEqualTo("storage-b");
        assertThat(r.completed()).isTrue();
        assertThat(r.arrivals().keySet()).containsExactlyElementsOf(SERVICES);
        assertThat(r.steps()).extracting(OperationStep::name).containsSubsequence("checked", "standby", "arrived", "unstandby");
        List<List<String>> b = seen(x, "storage-b");
        assertThat(b).filteredOn(c -> c.get(0).equals("crm_attribute")).extracting(c -> c.get(6)).containsExactly("on", "off");
        for (String n : x.keySet()) {
            assertThat(seen(x, n)).noneMatch(c -> c.get(0).equals("pcs"));
        }
    }

    @Test
    void plannedFailover_moveConstraint_movesThePoolWithALifetimeAndClears() {
        Map<String, ReplayExecutor.Builder> m = lab("crm_mon-all-on-a.xml", res("cibadmin-Q.xml"), "zpool-status-lab-resilvered.txt");
        m.get("storage-b").on(MON, res("crm_mon-all-on-b.xml"))
                .on(List.of("crm_resource", "--move", "--resource", "zfs-pool", "--node", "storage-b", "--lifetime", "PT600S"), "")
                .on(List.of("crm_resource", "--clear", "--resource", "zfs-pool"), "");
        Map<String, Executor> x = build(m);
        FailoverReport r = ops(labDesign("lab-pool").build(), x).plannedFailover("storage-b", FailoverOption.MOVE_CONSTRAINT);
        assertThat(r.completed()).isTrue();
        assertThat(r.method()).isEqualTo("move constraint");
        assertThat(seen(x, "storage-b")).filteredOn(c -> c.get(0).equals("crm_resource")).extracting(c -> c.get(1)).containsExactly("--move", "--clear");
    }

    @Test
    void plannedFailover_timeout_namesWhatDidNotArrive() {
        Map<String, ReplayExecutor.Builder> m = lab("crm_mon-all-on-a.xml", res("cibadmin-Q.xml"), "zpool-status-lab-resilvered.txt");
        m.get("storage-b").on(List.of("crm_attribute", "--node", "storage-a", "--name", "standby", "--update", "on", "--lifetime", "forever"), "");
        Map<String, Executor> x = build(m);
        FailoverReport r = ops(labDesign("lab-pool").build(), x).failoverTimeout(Duration.ofMillis(50)).plannedFailover("storage-b");
        assertThat(r.completed()).isFalse();
        assertThat(r.notArrived()).containsExactlyElementsOf(SERVICES);
    }

    private static OperationRefusedException refused(String mon, String cib, String to, FailoverOption... options) {
        Map<String, Executor> x = build(lab(mon, cib, "zpool-status-lab-resilvered.txt"));
        try {
            ops(labDesign("lab-pool").build(), x).plannedFailover(to, options);
        } catch (OperationRefusedException e) {
            for (String n : x.keySet()) {
                assertThat(seen(x, n)).as("nothing changed on " + n).noneMatch(c -> c.get(0).startsWith("crm_attribute") || c.get(0).equals("crm_resource"));
            }
            return e;
        }
        throw new AssertionError("not refused");
    }

    @Test
    void refused_noQuorum_andTheTargetOffline_bothNamed() {
        OperationRefusedException e = refused("crm_mon-no-quorum.xml", res("cibadmin-Q.xml"), "storage-b");
        assertThat(e.refusals()).extracting(Refusal::reason).contains(Refusal.Reason.NO_QUORUM, Refusal.Reason.NODE_OFFLINE);
        assertThat(e.getMessage()).contains("storage-b is not online").contains("no quorum");
    }

    @Test
    void refused_targetUnclean() {
        OperationRefusedException e = refused("crm_mon-storage-b-unclean.xml", res("cibadmin-Q.xml"), "storage-b");
        assertThat(e.has(Refusal.Reason.NODE_UNCLEAN)).isTrue();
        assertThat(e.has(Refusal.Reason.NODE_OFFLINE)).isTrue();
    }

    @Test
    void refused_failedResource_namesIt() {
        OperationRefusedException e = refused("crm_mon-failed-action.xml", res("cibadmin-Q.xml"), "storage-b");
        assertThat(e.refusals()).filteredOn(r -> r.reason() == Refusal.Reason.FAILED_RESOURCES).singleElement()
                .satisfies(r -> assertThat(r.detail()).contains("nfs-server"));
    }

    @Test
    void refused_stonithDisabled() {
        OperationRefusedException e = refused("crm_mon-stonith-disabled.xml", res("cibadmin-Q.xml"), "storage-b");
        assertThat(e.refusals()).extracting(Refusal::reason).containsExactly(Refusal.Reason.FENCING_DISABLED);
    }

    @Test
    void refused_noFencingDeviceForStorageB() {
        // the captured CIB with fence-storage-b's pcmk_host_list pointing elsewhere: no device declares it fences storage-b
        String cib = res("cibadmin-Q.xml").replace("value=\"storage-b\"", "value=\"elsewhere\"");
        assertThat(cib).isNotEqualTo(res("cibadmin-Q.xml"));
        OperationRefusedException e = refused("crm_mon-all-on-a.xml", cib, "storage-b");
        assertThat(e.refusals()).extracting(Refusal::reason).containsExactly(Refusal.Reason.NO_FENCING_DEVICE);
        assertThat(e.refusals().get(0).detail()).contains("storage-b");
    }

    @Test
    void refused_fencingDeviceOfStorageBDisabled() {
        // the captured CIB with fence-storage-b disabled (meta target-role=Stopped, what `pcs stonith disable` sets)
        String cib = res("cibadmin-Q.xml").replace("<primitive id=\"fence-storage-b\" class=\"stonith\" type=\"fence_dummy\">",
                "<primitive id=\"fence-storage-b\" class=\"stonith\" type=\"fence_dummy\"><meta_attributes id=\"fence-storage-b-meta\">"
                        + "<nvpair id=\"fence-storage-b-meta-target-role\" name=\"target-role\" value=\"Stopped\"/></meta_attributes>");
        assertThat(cib).contains("fence-storage-b-meta-target-role");
        OperationRefusedException e = refused("crm_mon-all-on-a.xml", cib, "storage-b");
        assertThat(e.refusals()).extracting(Refusal::reason).containsExactly(Refusal.Reason.NO_FENCING_DEVICE);
        assertThat(e.refusals().get(0).detail()).contains("fence-storage-b").contains("Stopped");
    }

    @Test
    void refused_targetNotReintegrated_itsLegsOffline_andNoSessionToTheSource() {
        // storage-b came back but was not reintegrated: its legs are OFFLINE in the pool on storage-a (capture of the
        // lab), and its initiator has no session to storage-a's backend target
        Map<String, ReplayExecutor.Builder> m = lab("crm_mon-all-on-a.xml", res("cibadmin-Q.xml"), "zpool-status-lab-degraded.txt");
        m.put("storage-b", ReplayExecutor.builder().on(MON, res("crm_mon-all-on-a.xml")).on(CIB, res("cibadmin-Q.xml"))
                .on(List.of("zpool", "status", "-P", "-v", "lab-pool"), NOT_IMPORTED)
                .on(List.of("iscsiadm", "-m", "session"), CommandResult.of(21, "", "iscsiadm: No active sessions.\n")));
        Map<String, Executor> x = build(m);
        List<Refusal> r = ops(labDesign("lab-pool").build(), x).failoverChecks("storage-b");
        assertThat(r).extracting(Refusal::reason).containsExactly(Refusal.Reason.TARGET_LEGS_NOT_ONLINE,
                Refusal.Reason.ISCSI_SESSION_MISSING);
        assertThat(r.get(0).detail()).contains(LEG_B0.substring(LEG_B0.lastIndexOf('/') + 1) + "=OFFLINE")
                .contains(LEG_B1.substring(LEG_B1.lastIndexOf('/') + 1) + "=OFFLINE");
        assertThat(r.get(1).detail()).contains("storage-b has no session to iqn.2025-01.lab.san:storage-a");
        assertThatThrownBy(() -> ops(labDesign("lab-pool").build(), x).plannedFailover("storage-b"))
                .isInstanceOf(OperationRefusedException.class);
        assertThat(seen(x, "storage-b")).noneMatch(c -> c.get(0).equals("crm_attribute"));
    }

    @Test
    void refused_quorumNodeAsTarget() {
        OperationRefusedException e = refused("crm_mon-all-on-a.xml", res("cibadmin-Q.xml"), "quorum");
        assertThat(e.refusals()).extracting(Refusal::reason).containsExactly(Refusal.Reason.NOT_A_STORAGE_NODE);
    }

    @Test
    void refused_whileResilvering_unlessAsked() {
        // the corpus capture of a real resilver (pool "tank"), read on storage-a where Pacemaker runs the pool
        Map<String, ReplayExecutor.Builder> m = lab("crm_mon-all-on-a.xml", res("cibadmin-Q.xml"));
        m.get("storage-a").on(List.of("zpool", "status", "-P", "-v", "tank"), res("asok-truenas-resilver-replacing-4.txt"));
        Map<String, Executor> x = build(m);
        ClusterOperations ops = ops(labDesign("tank").build(), x);
        List<Refusal> r = ops.failoverChecks("storage-b");
        // the capture's devices are TrueNAS's, not the lab's: storage-b's legs are not in it at all, which refuses too
        assertThat(r).extracting(Refusal::reason).containsExactly(Refusal.Reason.POOL_RESILVERING, Refusal.Reason.TARGET_LEGS_NOT_ONLINE);
        assertThat(r.get(0).detail()).contains("RESILVER IN_PROGRESS").contains("0.00%");
        assertThat(ops.failoverChecks("storage-b", FailoverOption.EVEN_IF_RESILVERING)).extracting(Refusal::reason)
                .containsExactly(Refusal.Reason.TARGET_LEGS_NOT_ONLINE);
        ResilverProgress p = ops.resilverProgress();
        assertThat(p.node()).isEqualTo("storage-a");
        assertThat(p.resilvering()).isTrue();
        assertThat(p.percentDone().getAsDouble()).isEqualTo(0.0);
        assertThat(p.timeToGo()).isEmpty();
        assertThat(p.approximate()).contains("scanned", "total");
    }

    @Test
    void checks_afterFailoverAndUnstandby_failingBackIsSafe() {
        // crm_mon-all-on-b.xml was captured right after UNSTANDBY_AFTER: storage-a is online and out of standby again
        Map<String, Executor> x = build(lab("crm_mon-all-on-b.xml", res("cibadmin-Q.xml"), "zpool-status-lab-resilvered.txt"));
        assertThat(ops(labDesign("lab-pool").build(), x).failoverChecks("storage-a")).isEmpty();
    }

    // ------------------------------------------------------------------ reintegrate

    @Test
    void reintegrate_onlinesExactlyTheReturningNodesLegs_followsTheResilver_noMove() {
        Map<String, ReplayExecutor.Builder> m = lab("crm_mon-all-on-a.xml", res("cibadmin-Q.xml"), "zpool-status-lab-degraded.txt",
                "zpool-status-lab-resilvered.txt");
        m.get("storage-a").on(List.of("zpool", "online", "lab-pool", LEG_B0), "").on(List.of("zpool", "online", "lab-pool", LEG_B1), "");
        Map<String, Executor> x = build(m);
        ReintegrationReport r = ops(labDesign("lab-pool").build(), x).reintegrate("storage-b");
        assertThat(r.survivor()).isEqualTo("storage-a");
        assertThat(r.legsOnlined()).containsExactly(LEG_B0, LEG_B1);
        assertThat(r.legsCleared()).isEmpty();
        assertThat(r.finalLegs()).containsExactly(DeviceState.ONLINE, DeviceState.ONLINE);
        assertThat(r.poolState()).isEqualTo(DeviceState.ONLINE);
        assertThat(r.resilver().function()).isEqualTo(ScanStatus.ScanFunction.RESILVER);
        assertThat(r.resilver().state()).isEqualTo(ScanStatus.ScanState.FINISHED);
        assertThat(r.resilverSeen()).isTrue();
        assertThat(r.completed()).isTrue();
        List<List<String>> a = seen(x, "storage-a");
        assertThat(a).filteredOn(c -> c.get(0).equals("zpool") && !c.get(1).equals("status")).containsExactly(
                List.of("zpool", "online", "lab-pool", LEG_B0), List.of("zpool", "online", "lab-pool", LEG_B1));
        for (String n : x.keySet()) {
            assertThat(seen(x, n)).noneMatch(c -> List.of("crm_attribute", "crm_resource", "pcs").contains(c.get(0)));
        }
        assertThat(r.steps()).extracting(OperationStep::name).endsWith("failback held");
    }

    @Test
    void reintegrate_whenNoNewScanShowsAfterOnline_isNotComplete() {
        // zpool status keeps answering the capture from before the online (the previous scan, the legs OFFLINE): the
        // resilver of the onlined legs was never seen, so the node is not back in full
        Map<String, ReplayExecutor.Builder> m = lab("crm_mon-all-on-a.xml", res("cibadmin-Q.xml"), "zpool-status-lab-degraded.txt");
        m.get("storage-a").on(List.of("zpool", "online", "lab-pool", LEG_B0), "").on(List.of("zpool", "online", "lab-pool", LEG_B1), "");
        Map<String, Executor> x = build(m);
        ReintegrationReport r = ops(labDesign("lab-pool").build(), x).resilverTimeout(Duration.ofMillis(300)).reintegrate("storage-b");
        assertThat(r.legsOnlined()).containsExactly(LEG_B0, LEG_B1);
        assertThat(r.resilverSeen()).isFalse();
        assertThat(r.completed()).isFalse();
        assertThat(r.describe()).contains("no resilver seen within 0.3 s of zpool online").endsWith("NOT complete");
    }

    @Test
    void reintegrate_clearsOnlyTheLegThatShowsErrors() {
        Map<String, ReplayExecutor.Builder> m = lab("crm_mon-all-on-a.xml", res("cibadmin-Q.xml"), "zpool-status-lab-cksum-errors.txt",
                "zpool-status-lab-cksum-errors.txt", "zpool-status-lab-resilvered.txt");
        m.get("storage-a").on(List.of("zpool", "clear", "lab-pool", LEG_B0), "");
        Map<String, Executor> x = build(m);
        ReintegrationReport r = ops(labDesign("lab-pool").build(), x).reintegrate("storage-b");
        assertThat(r.legsOnlined()).isEmpty();
        assertThat(r.legsCleared()).containsExactly(LEG_B0);
        assertThat(seen(x, "storage-a")).filteredOn(c -> c.get(0).equals("zpool") && !c.get(1).equals("status"))
                .containsExactly(List.of("zpool", "clear", "lab-pool", LEG_B0));
    }

    @Test
    void reintegrate_refused_sessionMissing_noStickiness_poolOnTheReturningNode() {
        // storage-b's initiator shows no session (iscsiadm exit 21); rsc_defaults removed from the captured CIB; crm_mon with
        // everything on storage-b (so storage-b is not "returning")
        String cib = res("cibadmin-Q.xml").replaceAll("(?s)<rsc_defaults>.*</rsc_defaults>", "");
        assertThat(cib).doesNotContain("resource-stickiness");
        Map<String, ReplayExecutor.Builder> m = new LinkedHashMap<>();
        for (String n : List.of("storage-a", "storage-b", "quorum")) {
            m.put(n, ReplayExecutor.builder().on(MON, res("crm_mon-all-on-b.xml")).on(CIB, cib));
        }
        m.get("storage-a").on(List.of("zpool", "status", "-P", "-v", "lab-pool"), ZFS_FUSE_NO_P)
                .on(List.of("zpool", "status", "-v", "lab-pool"), res("zpool-status-lab-degraded.txt"))
                .on(List.of("iscsiadm", "-m", "session"), session("10.99.10.2", "iqn.2025-01.lab.san:storage-b"));
        m.get("storage-b").on(List.of("iscsiadm", "-m", "session"), CommandResult.of(21, "", "iscsiadm: No active sessions.\n"));
        Map<String, Executor> x = build(m);
        assertThatThrownBy(() -> ops(labDesign("lab-pool").build(), x).reintegrate("storage-b"))
                .isInstanceOfSatisfying(OperationRefusedException.class, e -> assertThat(e.refusals()).extracting(Refusal::reason)
                        .containsExactly(Refusal.Reason.POOL_RESOURCE_PLACEMENT, Refusal.Reason.NO_STICKINESS, Refusal.Reason.ISCSI_SESSION_MISSING));
        assertThat(seen(x, "storage-a")).noneMatch(c -> c.get(0).equals("zpool") && !c.get(1).equals("status"));
    }

    @Test
    void reintegrate_quorumNode_refused() {
        Map<String, Executor> x = build(lab("crm_mon-all-on-a.xml", res("cibadmin-Q.xml")));
        assertThatThrownBy(() -> ops(labDesign("lab-pool").build(), x).reintegrate("quorum"))
                .isInstanceOfSatisfying(OperationRefusedException.class, e -> assertThat(e.has(Refusal.Reason.NOT_A_STORAGE_NODE)).isTrue());
    }

    @Test
    void legNames_designAndPeer() {
        SanDesign d = labDesign("lab-pool").build();
        assertThat(ClusterOperations.legNames(d, "storage-a", "storage-a")).containsExactly("data-a-0", "data-a-1");
        assertThat(ClusterOperations.legNames(d, "storage-b", "storage-a")).containsExactly(
                "ip-10.99.10.2:3260-iscsi-iqn.2025-01.lab.san:storage-b-lun-0-part1", "ip-10.99.10.2:3260-iscsi-iqn.2025-01.lab.san:storage-b-lun-1-part1");
        assertThat(ClusterOperations.legNames(d, "storage-a", "storage-b")).containsExactly(
                "ip-10.99.10.1:3260-iscsi-iqn.2025-01.lab.san:storage-a-lun-0-part1", "ip-10.99.10.1:3260-iscsi-iqn.2025-01.lab.san:storage-a-lun-1-part1");
    }

    // ------------------------------------------------------------------ LUN sync

    static SanDesign iscsiDesign() {
        SanDesign base = labDesign("lab-pool").build();
        return base.toBuilder()
                .clientVlan(ClientVlanSpec.builder("hypervisor", 40).subnet("10.99.40.0/24").mtu(1500).vip("10.99.40.10/24")
                        .services(ClientService.ISCSI).access(new IscsiAccess.GenerateNodeAcls(Optional.empty())).dataset("iscsi").build())
                .zvol(new ZvolSpec("iscsi/vm-1", Size.parse("1G"), Optional.empty()))
                .iscsi(new IscsiSettings(Optional.of(Iqn.parse("iqn.2025-01.lab.san:client")), base.iscsi().replacementTimeout(),
                        base.iscsi().loginTimeout(), base.iscsi().noopOutInterval(), base.iscsi().noopOutTimeout(), Optional.empty()))
                .build();
    }

    @Test
    void syncLuns_onTheNodeRunningThePool_zvolsFromZfsList_oneTargetcliBatch() {
        SanDesign d = iscsiDesign();
        DesignMapping map = DesignMapping.of(d);
        ClientTargetSpec spec = map.clientTarget().orElseThrow();
        // before: storage-a's backend target and the client target without LUNs (what setup leaves before the first sync)
        LioConfig before = ClientTargetBuilder.batch(spec, map.backendIqns()).applyTo(BackendTargetBuilder.config(map.backendTarget("storage-a")));
        Map<String, ReplayExecutor.Builder> m = lab("crm_mon-all-on-a.xml", res("cibadmin-Q.xml"), "zpool-status-lab-resilvered.txt");
        // zfs list -Hp: two volumes (the second not in the design: the sync follows the pool, not the design)
        m.get("storage-a").on(List.of("zfs", "list", "-Hp", "-o", "name,volsize", "-t", "volume", "-r", "lab-pool"),
                "lab-pool/iscsi/vm-1\t1073741824\nlab-pool/iscsi/vm-2\t2147483648\n");
        List<Command> targetcli = new ArrayList<>();
        Map<String, Executor> x = build(m);
        ReplayExecutor replayA = (ReplayExecutor) x.get("storage-a");
        int[] reads = {0};
        List<org.sansdk.lio.sync.Zvol> zvols = List.of(org.sansdk.lio.sync.Zvol.of("lab-pool/iscsi/vm-1", Size.ofBytes(1073741824L)),
                org.sansdk.lio.sync.Zvol.of("lab-pool/iscsi/vm-2", Size.ofBytes(2147483648L)));
        String after = SaveconfigWriter.write(spec.planSync(before, zvols).after());
        x.put("storage-a", c -> {
            if (c.program().equals("targetcli")) {
                targetcli.add(c);
                return CommandResult.ok("");
            }
            if (c.argv().equals(List.of("cat", "--", "/etc/rtslib-fb-target/saveconfig.json"))) {
                return CommandResult.ok(reads[0]++ == 0 ? SaveconfigWriter.write(before) : after);
            }
            return replayA.run(c);
        });
        // the node lock's own commands (mkfifo/flock/dd with fresh names) cannot be recorded: LioLockTest proves the lock
        LunSyncReport r = ops(d, x).lioLock(org.sansdk.lio.reconcile.LioLock.none()).syncLuns();
        assertThat(r.node()).isEqualTo("storage-a");
        assertThat(r.zvols()).extracting(z -> z.name().toString()).containsExactly("lab-pool/iscsi/vm-1", "lab-pool/iscsi/vm-2");
        assertThat(r.plan().isEmpty()).isFalse();
        assertThat(targetcli).hasSize(1);
        assertThat(reads[0]).isEqualTo(2);
        assertThat(seen(x, "storage-b")).noneMatch(c -> c.get(0).equals("zfs"));
    }

    @Test
    void syncLuns_onANodeNotRunningThePool_refused() {
        Map<String, Executor> x = build(lab("crm_mon-all-on-a.xml", res("cibadmin-Q.xml"), "zpool-status-lab-resilvered.txt"));
        assertThatThrownBy(() -> ops(iscsiDesign(), x).syncLuns("storage-b"))
                .isInstanceOfSatisfying(OperationRefusedException.class, e -> assertThat(e.refusals()).extracting(Refusal::reason)
                        .containsExactly(Refusal.Reason.POOL_RESOURCE_PLACEMENT, Refusal.Reason.POOL_NOT_IMPORTED));
        assertThatThrownBy(() -> ops(labDesign("lab-pool").build(), x).syncLuns("storage-a"))
                .isInstanceOfSatisfying(OperationRefusedException.class, e -> assertThat(e.refusals()).extracting(Refusal::reason)
                        .containsExactly(Refusal.Reason.NO_CLIENT_TARGET));
    }
}
