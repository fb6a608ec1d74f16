package org.sansdk.zfs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.sansdk.core.CommandResult;
import org.sansdk.core.ParseException;
import org.sansdk.core.Plan;
import org.sansdk.core.ReplayExecutor;
import org.sansdk.core.SanException;

/**
 * Host id preflight (DR-09) against replayed outputs in the shapes the real programs print: coreutils
 * {@code hostid} ("%08x\n"), the SPL module's /proc file ("%lx\n", no leading zeros), {@code od -An -tx4 -N4}
 * (" deadbeef\n", nothing for an empty file) and the "No such file or directory" errors of cat and od.
 */
class HostIdPreflightTest {
    private static final List<String> OD = HostIdPreflight.readHostidFile("/etc/hostid");
    private static final CommandResult NO_SPL = CommandResult.of(1, "",
            "cat: /proc/sys/kernel/spl/hostid: No such file or directory\n");
    private static final CommandResult NO_FILE = CommandResult.of(1, "", "od: /etc/hostid: No such file or directory\n");

    private static ReplayExecutor node(String libc, CommandResult spl, CommandResult od) {
        return ReplayExecutor.builder().on(HostIdPreflight.LIBC_HOSTID, libc)
                .on(HostIdPreflight.SPL_HOSTID, spl).on(OD, od).build();
    }

    private static ReplayExecutor etcHostid(String hex) {
        return node(hex + "\n", NO_SPL, CommandResult.ok(" " + hex + "\n"));
    }

    @Test
    void parse_hostidShapes_readHexWithOrWithoutPrefixAndLeadingZeros() {
        assertThat(HostId.parse("hostid", "007f0101\n").value()).isEqualTo(0x007f0101L);
        assertThat(HostId.parse("spl", "a8c01e0a\n").hex()).isEqualTo("a8c01e0a");
        assertThat(HostId.parse("spl", "7f0101\n").hex()).isEqualTo("007f0101");
        assertThat(HostId.parse("od", " deadbeef\n")).isEqualTo(new HostId(0xdeadbeefL));
        assertThat(HostId.parse("arg", "0xDEADBEEF")).isEqualTo(new HostId(0xdeadbeefL));
        assertThat(HostId.parse("spl", "0\n").isZero()).isTrue();
    }

    @Test
    void parse_notAHostId_throwsLocatedParseException() {
        assertThatThrownBy(() -> HostId.parse("storage-a: hostid", "hostid: command not found\n"))
                .isInstanceOfSatisfying(ParseException.class, e -> {
                    assertThat(e.source()).isEqualTo("storage-a: hostid");
                    assertThat(e.line()).isEqualTo(1);
                    assertThat(e.offendingLine()).isEqualTo("hostid: command not found");
                });
        assertThatThrownBy(() -> HostId.parse("x", "123456789")).isInstanceOf(ParseException.class);
        assertThatThrownBy(() -> HostId.parse("x", "")).isInstanceOf(ParseException.class);
        assertThatThrownBy(() -> HostId.parse("x", null)).isInstanceOf(ParseException.class);
    }

    @Test
    void fromEtcHostid_readsLittleEndianLikeZgenhostidWritesIt() {
        // zgenhostid deadbeef writes ef be ad de on x86-64
        assertThat(HostId.fromEtcHostid(new byte[] {(byte) 0xef, (byte) 0xbe, (byte) 0xad, (byte) 0xde}).hex())
                .isEqualTo("deadbeef");
        assertThat(HostId.fromEtcHostid(new byte[0])).isEqualTo(HostId.NONE);
        assertThat(HostId.fromEtcHostid(new byte[] {1, 2})).isEqualTo(new HostId(0x0201));
    }

    @Test
    void loopbackShape_isRecognised() {
        assertThat(HostId.parse("h", "007f0101").looksLikeLoopbackFallback()).isTrue();
        assertThat(HostId.parse("h", "007f0100").looksLikeLoopbackFallback()).isTrue();
        assertThat(HostId.parse("h", "a8c01e0a").looksLikeLoopbackFallback()).isFalse();
    }

    @Test
    void probe_etcHostidWithoutModule_readsTheFile() {
        NodeHostId a = HostIdPreflight.probe("storage-a", etcHostid("0a1b2c3d"));
        assertThat(a.hostId().hex()).isEqualTo("0a1b2c3d");
        assertThat(a.source()).isEqualTo(NodeHostId.Source.ETC_HOSTID);
        assertThat(a.libcHostid()).contains(new HostId(0x0a1b2c3dL));
    }

    @Test
    void probe_loadedModule_winsOverTheFile() {
        ReplayExecutor e = node("0a1b2c3d\n", CommandResult.ok("a8c01e0a\n"), CommandResult.ok(" 0a1b2c3d\n"));
        NodeHostId n = HostIdPreflight.probe("storage-a", e);
        assertThat(n.hostId().hex()).isEqualTo("a8c01e0a");
        assertThat(n.source()).isEqualTo(NodeHostId.Source.SPL_MODULE);
        assertThat(e.commandsSeen()).extracting(c -> c.argv().get(0)).containsExactly("hostid", "cat");
    }

    @Test
    void probe_noFileNoModule_isZeroEvenThoughHostidPrintsAValue() {
        NodeHostId n = HostIdPreflight.probe("storage-a", node("007f0101\n", NO_SPL, NO_FILE));
        assertThat(n.hostId()).isEqualTo(HostId.NONE);
        assertThat(n.source()).isEqualTo(NodeHostId.Source.MISSING);
        assertThat(n.describe()).contains("storage-a: 00000000").contains("`hostid` prints 007f0101, which ZFS does not use");
    }

    @Test
    void probe_emptyFile_isZero() {
        assertThat(HostIdPreflight.probe("n", node("007f0101\n", NO_SPL, CommandResult.ok(""))).hostId())
                .isEqualTo(HostId.NONE);
    }

    @Test
    void probe_unreadableFile_throwsNamingNodeAndError() {
        ReplayExecutor e = node("0a1b2c3d\n", NO_SPL, CommandResult.of(1, "", "od: /etc/hostid: Permission denied\n"));
        assertThatThrownBy(() -> HostIdPreflight.probe("storage-b", e)).isInstanceOf(SanException.class)
                .hasMessageContaining("storage-b").hasMessageContaining("Permission denied");
    }

    @Test
    void check_distinctIds_givesTheProof() {
        HostIdCheck c = HostIdPreflight.check("storage-a", etcHostid("0a1b2c3d"), "storage-b", etcHostid("5e6f7a8b"));
        assertThat(c.hostIdOf("storage-a").hex()).isEqualTo("0a1b2c3d");
        assertThat(c.hostIdOf("storage-b").hex()).isEqualTo("5e6f7a8b");
        assertThat(c.covers("storage-b")).isTrue();
        assertThat(c.covers("quorum")).isFalse();
    }

    @Test
    void check_clonedNodesWithTheSameId_isRefused() {
        assertThatThrownBy(() -> HostIdPreflight.check("storage-a", etcHostid("0a1b2c3d"),
                "storage-b", etcHostid("0a1b2c3d")))
                .isInstanceOfSatisfying(HostIdConflictException.class, e -> {
                    assertThat(e.problems()).containsExactly(HostIdConflictException.Problem.SAME);
                    assertThat(e.first().node()).isEqualTo("storage-a");
                    assertThat(e.getMessage()).contains("storage-a: 0a1b2c3d (/etc/hostid)")
                            .contains("storage-b: 0a1b2c3d (/etc/hostid)");
                });
    }

    @Test
    void check_bothWithoutHostidFile_isRefusedAsZeroAndSame() {
        // two fresh Debian nodes: `hostid` prints 007f0101 on both, ZFS uses 0 on both
        assertThatThrownBy(() -> HostIdPreflight.check("storage-a", node("007f0101\n", NO_SPL, NO_FILE),
                "storage-b", node("007f0101\n", NO_SPL, NO_FILE)))
                .isInstanceOfSatisfying(HostIdConflictException.class, e -> assertThat(e.problems())
                        .containsExactly(HostIdConflictException.Problem.ZERO, HostIdConflictException.Problem.SAME));
    }

    @Test
    void check_oneZeroOrInvalid_isRefused() {
        assertThatThrownBy(() -> HostIdPreflight.check("storage-a", etcHostid("0a1b2c3d"),
                "storage-b", node("0a1b2c3d\n", CommandResult.ok("0\n"), CommandResult.ok(" 00000000\n"))))
                .isInstanceOfSatisfying(HostIdConflictException.class, e -> assertThat(e.problems())
                        .containsExactly(HostIdConflictException.Problem.ZERO));
        assertThatThrownBy(() -> HostIdPreflight.check("storage-a", etcHostid("ffffffff"),
                "storage-b", etcHostid("0a1b2c3d")))
                .isInstanceOfSatisfying(HostIdConflictException.class, e -> assertThat(e.problems())
                        .containsExactly(HostIdConflictException.Problem.INVALID));
        NodeHostId a = new NodeHostId("storage-a", new HostId(1), NodeHostId.Source.ETC_HOSTID, Optional.empty());
        NodeHostId a2 = new NodeHostId("storage-a", new HostId(2), NodeHostId.Source.ETC_HOSTID, Optional.empty());
        assertThatThrownBy(() -> new HostIdCheck(a, a2)).isInstanceOfSatisfying(HostIdConflictException.class,
                e -> assertThat(e.problems()).containsExactly(HostIdConflictException.Problem.SAME_NODE));
    }

    @Test
    void zgenhostid_rendersArgvAndRefusesZero() {
        assertThat(Zgenhostid.write(new HostId(0xdeadbeefL)).argv()).containsExactly("zgenhostid", "deadbeef");
        assertThat(Zgenhostid.write(new HostId(0x01234567L), Zgenhostid.ExistingFile.OVERWRITE, "/tmp/hostid").argv())
                .containsExactly("zgenhostid", "-f", "-o", "/tmp/hostid", "01234567");
        assertThat(Zgenhostid.randomIfMissing().argv()).containsExactly("zgenhostid");
        assertThatThrownBy(() -> Zgenhostid.write(HostId.NONE, Zgenhostid.ExistingFile.OVERWRITE)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Zgenhostid.write(HostId.INVALID, Zgenhostid.ExistingFile.OVERWRITE)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Zgenhostid.write(new HostId(1), Zgenhostid.ExistingFile.OVERWRITE, "-x")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void fixPlan_sameIds_rewritesTheSecondNodeOnlyWithADistinctId() {
        NodeHostId a = HostIdPreflight.probe("storage-a", etcHostid("0a1b2c3d"));
        NodeHostId b = HostIdPreflight.probe("storage-b", etcHostid("0a1b2c3d"));
        Plan p = Zgenhostid.fixPlan(a, b, new Random(7));
        assertThat(p.steps()).hasSize(1);
        Plan.RunStep step = (Plan.RunStep) p.steps().get(0);
        assertThat(step.host()).isEqualTo("storage-b");
        assertThat(step.command().argv()).hasSize(3).startsWith("zgenhostid", "-f");
        HostId fresh = HostId.parse("plan", step.command().argv().get(2));
        assertThat(fresh).isNotEqualTo(a.hostId());
        assertThat(fresh.usableForMultihost()).isTrue();
        assertThat(step.why()).contains("same host id");
    }

    @Test
    void fixPlan_bothZero_givesEachNodeItsOwnId_andFinePairNeedsNothing() {
        NodeHostId a = HostIdPreflight.probe("storage-a", node("007f0101\n", NO_SPL, NO_FILE));
        NodeHostId b = HostIdPreflight.probe("storage-b", node("007f0101\n", NO_SPL, NO_FILE));
        Plan p = Zgenhostid.fixPlan(a, b, new Random(1));
        assertThat(p.steps()).extracting(s -> ((Plan.RunStep) s).host()).containsExactly("storage-a", "storage-b");
        List<String> ids = p.steps().stream().map(s -> ((Plan.RunStep) s).command().argv().get(2)).toList();
        assertThat(ids.get(0)).isNotEqualTo(ids.get(1));
        NodeHostId fixedA = new NodeHostId("storage-a", HostId.parse("a", ids.get(0)), NodeHostId.Source.ETC_HOSTID,
                Optional.empty());
        NodeHostId fixedB = new NodeHostId("storage-b", HostId.parse("b", ids.get(1)), NodeHostId.Source.ETC_HOSTID,
                Optional.empty());
        assertThat(new HostIdCheck(fixedA, fixedB).covers("storage-a")).isTrue();
        assertThat(Zgenhostid.fixPlan(fixedA, fixedB, new Random(1)).isEmpty()).isTrue();
    }

    @Test
    void probe_hostidMissingOrOdd_stillReadsTheFile() {
        ReplayExecutor noHostid = ReplayExecutor.builder().on(HostIdPreflight.LIBC_HOSTID,
                        CommandResult.of(0, "hostid: command not found\n", ""))
                .on(HostIdPreflight.SPL_HOSTID, NO_SPL).on(OD, CommandResult.ok(" 0a1b2c3d\n")).build();
        NodeHostId n = HostIdPreflight.probe("storage-a", noHostid);
        assertThat(n.hostId().hex()).isEqualTo("0a1b2c3d");
        assertThat(n.libcHostid()).isEmpty();
    }
}
