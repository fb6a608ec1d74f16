package org.sansdk.zfs;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CrossNodeMirrorsTest {
    private static final String A0 = "/dev/disk/by-partlabel/data-a-a";
    private static final String A1 = "/dev/disk/by-partlabel/data-a-b";
    private static final String B0 = "/dev/disk/by-path/ip-10.10.10.2:3260-iscsi-iqn.2024-01.lan.san:storage-b-lun-0";
    private static final String B1 = "/dev/disk/by-path/ip-10.10.10.2:3260-iscsi-iqn.2024-01.lan.san:storage-b-lun-1";

    private static PoolStatus pool(String leg0State, String leg1State, String note) {
        String text = "  pool: san-pool\n state: DEGRADED\nconfig:\n\n"
                + "\tNAME  STATE     READ WRITE CKSUM\n"
                + "\tsan-pool  DEGRADED     0     0     0\n"
                + "\t  mirror-0  DEGRADED     0     0     0\n"
                + "\t    " + A0 + "  ONLINE       0     0     0\n"
                + "\t    " + B0 + "  " + leg0State + "       0     0     0" + note + "\n"
                + "\t  mirror-1  DEGRADED     0     0     0\n"
                + "\t    " + B1 + "  " + leg1State + "       0     0     0\n"
                + "\t    " + A1 + "  ONLINE       0     0     0\n\nerrors: No known data errors\n";
        return ZpoolStatusParser.parse("t", text).pools().get(0);
    }

    @Test
    void of_peerNodeDown_marksEveryRemoteLegDown() {
        CrossNodeMirrors v = CrossNodeMirrors.of(pool("UNAVAIL", "UNAVAIL", "  cannot open"), ZpoolCreate.ISCSI_BY_PATH);
        assertThat(v.mirrors()).hasSize(2).allSatisfy(m -> {
            assertThat(m.crossNode()).isTrue();
            assertThat(m.remoteDown()).isTrue();
            assertThat(m.localDown()).isFalse();
        });
        assertThat(v.mirrors().get(1).remote().orElseThrow().name()).isEqualTo(B1);
        assertThat(v.peerDown()).isTrue();
        assertThat(v.fullyRedundant()).isFalse();
    }

    @Test
    void of_oneRemoteLegFaulted_isNotPeerDown() {
        CrossNodeMirrors v = CrossNodeMirrors.of(pool("FAULTED", "ONLINE", "  too many errors"), ZpoolCreate.ISCSI_BY_PATH);
        assertThat(v.peerDown()).isFalse();
        assertThat(v.mirrors().get(0).redundant()).isFalse();
        assertThat(v.mirrors().get(1).redundant()).isTrue();
    }

    @Test
    void of_nonDesignLayout_isReportedAsOther() {
        CrossNodeMirrors v = CrossNodeMirrors.of(Corpus.parse("asok-raidz2-write-error.txt").pools().get(0),
                ZpoolCreate.ISCSI_BY_PATH);
        assertThat(v.mirrors()).isEmpty();
        assertThat(v.other()).hasSize(1);
        assertThat(v.fullyRedundant()).isFalse();
    }
}
