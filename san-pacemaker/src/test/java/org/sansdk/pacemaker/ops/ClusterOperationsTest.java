package org.sansdk.pacemaker.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sansdk.corosync.Corosync;
import org.sansdk.corosync.QuorumMember;
import org.sansdk.corosync.QuorumStatus;
import org.sansdk.corosync.QuorumToolParser;
import org.sansdk.core.CommandResult;
import org.sansdk.core.ParseException;
import org.sansdk.core.ReplayExecutor;
import org.sansdk.pacemaker.Fixtures;
import org.sansdk.pacemaker.Pacemaker;
import org.sansdk.pacemaker.Tools;
import org.sansdk.pacemaker.cib.Cib;
import org.sansdk.pacemaker.cib.CibWriter;
import org.sansdk.pacemaker.design.SanResourceSpec;
import org.sansdk.pacemaker.design.SanResourceSet;
import org.sansdk.pacemaker.sim.VerifyResult;
import org.sansdk.pacemaker.status.FenceEvent;

class ClusterOperationsTest {

    @Test
    void quorumStatus_corosync3WithQdevice_readsVotesFlagsAndMembers() {
        QuorumStatus q = QuorumToolParser.parseStatus("q", Fixtures.read("corosync/gh-hace171-quorumtool-s-corosync3-qdevice.txt"));
        assertThat(q.quorate()).isTrue();
        assertThat(q.ringId()).isEqualTo("1.16d");
        assertThat(q.expectedVotes()).isEqualTo(3);
        assertThat(q.totalVotes()).isEqualTo(3);
        assertThat(q.quorum()).isEqualTo(2);
        assertThat(q.flags()).containsExactly("Quorate", "Qdevice");
        assertThat(q.members()).containsExactly(
                new QuorumMember(1, 1, "A,V,NMW", "node1.local", true),
                new QuorumMember(2, 1, "A,V,NMW", "node2.local", false),
                new QuorumMember(0, 1, "", "Qdevice", false));
    }

    @Test
    void quorumStatus_twoNodeCorosync2_readsTrailingSpaceValues() {
        QuorumStatus q = QuorumToolParser.parseStatus("q", Fixtures.read("corosync/gh-supportutils37-quorumtool-s-2node.txt"));
        assertThat(q.nodeId()).isEqualTo(739312183L);
        assertThat(q.quorum()).isEqualTo(1);
        assertThat(q.flags()).containsExactly("2Node", "Quorate");
        assertThat(q.members()).extracting(QuorumMember::name).containsExactly("c1", "c2");
    }

    @Test
    void quorumStatus_garbage_isParseException() {
        assertThatThrownBy(() -> QuorumToolParser.parseStatus("q", "Quorum information\n------------------\nQuorate: maybe\nExpected votes: x\n"))
                .isInstanceOf(ParseException.class).hasMessageContaining("q:4:");
    }

    @Test
    void fencingHistory_schemaShapedList_readsEvents() {
        // shaped after /usr/share/pacemaker/api/stonith_admin-2.23.rng and fence-event-2.15.rng (no captured sample in the corpus)
        String xml = """
                <pacemaker-result api-version="2.25" request="stonith_admin --history * --output-as=xml">
                  <list name="event" count="2">
                    <fence_event status="success" action="reboot" target="storage-a" client="pacemaker-controld.1234" origin="storage-b" delegate="storage-b" completed="2026-11-25 06:45:30 +00:00"/>
                    <fence_event status="failed" exit-reason="timed out" action="off" target="storage-b" client="stonith_admin.99" origin="quorum"/>
                  </list>
                  <status code="0" message="OK"/>
                </pacemaker-result>
                """;
        List<FenceEvent> events = FencingHistory.parse("stonith_admin", xml);
        assertThat(events).containsExactly(
                new FenceEvent("storage-a", "reboot", "storage-b", "pacemaker-controld.1234", "storage-b", "success", "2026-11-25 06:45:30 +00:00", null),
                new FenceEvent("storage-b", "off", null, "stonith_admin.99", "quorum", "failed", null, "timed out"));
        assertThatThrownBy(() -> FencingHistory.parse("s", "<pacemaker-result><list><fence_event action=\"x\"/></list><status code=\"0\"/></pacemaker-result>"))
                .isInstanceOf(ParseException.class).hasMessageContaining("target");
    }

    @Test
    void settleResult_classifiesExitCodes() {
        assertThat(SettleResult.of(CommandResult.of(0, "", "")).outcome()).isEqualTo(SettleResult.Outcome.SETTLED);
        assertThat(SettleResult.of(CommandResult.of(124, "", "Pending actions: ...")).outcome()).isEqualTo(SettleResult.Outcome.TIMED_OUT);
        assertThat(SettleResult.of(CommandResult.of(102, "", "not connected")).outcome()).isEqualTo(SettleResult.Outcome.FAILED);
    }

    @Test
    void verifyResult_tellsWarningsFromErrors() {
        assertThat(VerifyResult.of(CommandResult.of(78, "", "crm_verify: Warnings found during check: config may not be valid\n")).outcome())
                .isEqualTo(VerifyResult.Outcome.WARNINGS);
        assertThat(VerifyResult.of(CommandResult.of(78, "", "crm_verify: Errors found during check: config not valid\n")).outcome())
                .isEqualTo(VerifyResult.Outcome.ERRORS);
        assertThat(VerifyResult.of(CommandResult.of(0, "", "")).outcome()).isEqualTo(VerifyResult.Outcome.VALID);
        assertThatThrownBy(() -> VerifyResult.of(CommandResult.of(78, "", ""))).isInstanceOf(ParseException.class);
    }

    @Test
    void crmVerify_realErrors_areClassifiedAsErrors(@TempDir Path dir) throws Exception {
        Path bad = dir.resolve("bad.xml");
        // a colocation with a resource that does not exist: the scheduler reports a configuration error
        Files.writeString(bad, Fixtures.read("cib/pcs-cib-empty-3.9.xml").replace("<constraints/>",
                "<constraints><rsc_colocation id=\"c\" rsc=\"nope\" with-rsc=\"none\" score=\"INFINITY\"/></constraints>"));
        VerifyResult r = VerifyResult.of(Tools.run(VerifyResult.command(bad)));
        assertThat(r.outcome()).isEqualTo(VerifyResult.Outcome.ERRORS);
    }

    @Test
    void facade_withReplayExecutor_runsTheExpectedCommands() {
        ReplayExecutor ex = ReplayExecutor.builder()
                .on(List.of("pcs", "node", "standby", "storage-a"), "")
                .on(List.of("crm_resource", "--wait", "--timeout=60s"), CommandResult.of(124, "", "Pending: zfs-pool start"))
                .on(List.of("corosync-quorumtool", "-s"), CommandResult.of(2, Fixtures.read("corosync/gh-supportutils37-quorumtool-s-2node.txt")
                        .replace("Quorate:          Yes", "Quorate:          No"), ""))
                .build();
        Pacemaker pm = Pacemaker.on(ex);
        pm.standby("storage-a");
        assertThat(pm.waitForSettle(Duration.ofSeconds(60)).outcome()).isEqualTo(SettleResult.Outcome.TIMED_OUT);
        assertThat(Corosync.on(ex).quorum().quorate()).isFalse();
    }

    @Test
    void facade_onFile_standbyShowsInStatusAndVerify(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("cib.xml");
        Cib cib = Cib.of(SanResourceSet.configuration(SanResourceSpec.builder().vip("enduser", "10.30.30.10/24", "eth0")
                .fencing(org.sansdk.pacemaker.design.FencingDevice.of("storage-a", "fence_dummy", java.util.Map.of()))
                .fencing(org.sansdk.pacemaker.design.FencingDevice.of("storage-b", "fence_dummy", java.util.Map.of())).build()))
                .withAllNodesOnline();
        Files.writeString(file, CibWriter.toXml(cib));
        Pacemaker pm = Pacemaker.on(Tools.executor()).cibFile(file);
        pm.standby("storage-b");
        assertThat(pm.status().node("storage-b").orElseThrow().standby()).isTrue();
        assertThat(pm.cib().configuration().node("storage-b").orElseThrow().isStandby()).isTrue();
        assertThat(pm.verify().outcome()).isEqualTo(VerifyResult.Outcome.VALID);
        pm.unstandby("storage-b");
        assertThat(pm.status().node("storage-b").orElseThrow().standby()).isFalse();
        pm.disable("san-services");
        assertThat(pm.cib().configuration().resource("san-services").orElseThrow().meta("target-role")).contains("Stopped");
        pm.enable("san-services");
        assertThat(Optional.of(pm.cib().configuration().resource("san-services").orElseThrow().meta("target-role")))
                .isNotEqualTo(Optional.of(Optional.of("Stopped")));
    }
}
