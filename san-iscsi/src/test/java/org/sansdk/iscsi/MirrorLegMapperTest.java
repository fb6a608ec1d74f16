package org.sansdk.iscsi;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.sansdk.core.testing.TestExecutors;

class MirrorLegMapperTest {
    static final String B = "iqn.2025-01.lab.home:storage-b";

    @Test
    void eachLeafToItsSessionPeerDiskAndState() {
        SessionTree tree = SessionTreeParser.parse("P3", Corpus.iscsiadm("written-session-P3-ipv6-lun300-failed.txt"));
        // leaves as zpool status -P prints whole-disk vdevs (partition 1) on Linux
        List<MirrorLeg> legs = MirrorLegMapper.map(List.of(
                "/dev/disk/by-id/ata-LOCAL_DISK_0-part1",
                "/dev/disk/by-path/ip-10.10.10.2:3260-iscsi-" + B + "-lun-1-part1",
                "/dev/disk/by-path/ip-10.10.10.2:3260-iscsi-" + B + "-lun-0x412c000000000000-part1",
                "/dev/disk/by-path/ip-fd00:10::2:3260-iscsi-" + B + "-lun-0-part1",
                "/dev/disk/by-path/ip-10.10.10.2:3260-iscsi-" + B + "-lun-9-part1",
                "/dev/sdd1"), tree);
        assertThat(legs).extracting(MirrorLeg::kind).containsExactly(MirrorLeg.Kind.LOCAL, MirrorLeg.Kind.REMOTE,
                MirrorLeg.Kind.REMOTE, MirrorLeg.Kind.REMOTE, MirrorLeg.Kind.REMOTE_NO_SESSION, MirrorLeg.Kind.REMOTE);
        assertThat(legs.get(1).sid()).hasValue(7);
        assertThat(legs.get(1).disk()).hasValue("sdc");
        assertThat(legs.get(1).peerDisk()).hasValue(1);
        assertThat(legs.get(1).healthy()).isTrue();
        assertThat(legs.get(2).disk()).hasValue("sde");
        assertThat(legs.get(2).peerDisk()).hasValue(300);
        assertThat(legs.get(3).sid()).hasValue(8);
        assertThat(legs.get(3).sessionState()).hasValue("FAILED");
        assertThat(legs.get(3).deviceState()).hasValue("transport-offline");
        assertThat(legs.get(3).healthy()).isFalse();
        assertThat(legs.get(4).peerDisk()).hasValue(9);
        assertThat(legs.get(5).peerDisk()).hasValue(2);
        assertThat(legs.get(5).byPath().orElseThrow().name()).isEqualTo("ip-10.10.10.2:3260-iscsi-" + B + "-lun-2");
    }

    @Test
    void byPathLinksOfARecordedDevTreeResolveToTheDisksTheSessionsList() {
        SessionTree tree = SessionTreeParser.parse("P3", Corpus.iscsiadm("written-session-P3-ipv6-lun300-failed.txt"));
        List<String> leaves = List.of(
                "/dev/disk/by-path/ip-10.10.10.2:3260-iscsi-" + B + "-lun-0-part1",
                "/dev/disk/by-path/ip-10.10.10.2:3260-iscsi-" + B + "-lun-1-part1",
                "/dev/disk/by-path/ip-10.10.10.2:3260-iscsi-" + B + "-lun-0x412c000000000000-part1",
                "/dev/disk/by-path/ip-fd00:10::2:3260-iscsi-" + B + "-lun-0-part1",
                "/dev/disk/by-path/ip-10.10.10.2:3260-iscsi-" + B + "-lun-9-part1");
        java.util.Map<String, String> resolved = DevLinks.on(TestExecutors.local(), Path.of("src/test/recorded/dev"))
                .resolve(leaves);
        assertThat(resolved.values()).containsExactly("sdb1", "sdc1", "sde1", "sdf1");
        assertThat(resolved).doesNotContainKey(leaves.get(4));   // dangling: the LUN is gone
        for (MirrorLeg leg : MirrorLegMapper.map(leaves.subList(0, 4), tree)) {
            assertThat(resolved.get(leg.path()).replaceFirst("\\d+$", "")).isEqualTo(leg.disk().orElseThrow());
        }
    }

    @Test
    void recoveryTimeoutOfLiveSessionsFromARecordedSysfsTree() {
        Path root = Path.of("src/test/recorded/sysfs");
        RecoveryTimeoutCheck check = RecoveryTimeoutCheck.on(TestExecutors.local(), root);
        assertThat(check.live()).extracting(RecoveryTimeoutCheck.Live::sid).containsExactlyInAnyOrder(7, 8, 9);
        List<RecoveryTimeoutCheck.Stale> stale = check.check(Duration.ofSeconds(5));
        assertThat(stale).extracting(RecoveryTimeoutCheck.Stale::sid).containsExactlyInAnyOrder(8, 9);
        assertThat(stale).allSatisfy(s -> assertThat(s.live()).isEqualTo(Duration.ofSeconds(120)));
        NodeRecord rec = new NodeRecord("2.1.8", List.of(
                new NodeRecord.Entry("node.name", NodeRecord.Value.of(B)),
                new NodeRecord.Entry("node.session.timeo.replacement_timeout", NodeRecord.Value.of("5"))));
        assertThat(check.check(rec)).singleElement().satisfies(s -> {
            assertThat(s.sid()).isEqualTo(8);
            assertThat(s.target()).isEqualTo(B);
        });
        assertThat(RecoveryTimeoutCheck.on(TestExecutors.local(), Path.of("src/test/recorded/no-such-sysfs")).live()).isEmpty();
    }
}
