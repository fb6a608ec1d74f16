package org.sansdk.zfs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.sansdk.core.Size;
import org.sansdk.core.ValidationException;
import org.sansdk.core.Violation;

class BuildersTest {
    private static final String LUN0 = "/dev/disk/by-path/ip-10.10.10.2:3260-iscsi-iqn.2024-01.lan.san:storage-b-lun-0";
    private static final String LUN1 = "/dev/disk/by-path/ip-10.10.10.2:3260-iscsi-iqn.2024-01.lan.san:storage-b-lun-1";
    private static final String LUN9 = "/dev/disk/by-path/ip-10.10.10.2:3260-iscsi-iqn.2024-01.lan.san:storage-b-lun-9";
    /** Two nodes as HostIdPreflight reports them after zgenhostid. */
    private static final HostIdCheck IDS = new HostIdCheck(
            new NodeHostId("storage-a", new HostId(0x0a1b2c3dL), NodeHostId.Source.ETC_HOSTID, java.util.Optional.empty()),
            new NodeHostId("storage-b", new HostId(0x5e6f7a8bL), NodeHostId.Source.ETC_HOSTID, java.util.Optional.empty()));

    @Test
    void zpoolCreate_design_rendersDesignPropertiesAndCrossNodeMirrors() {
        var c = ZpoolCreate.design("san-pool")
                .mirror("/dev/disk/by-partlabel/data-a-a", LUN0)
                .mirror(LUN1, "/dev/disk/by-partlabel/data-a-b")
                .logMirror("/dev/disk/by-id/nvme-slog-a", LUN9)
                .hostIds(IDS)
                .dryRun().build();
        assertThat(c.argv()).containsExactly("zpool", "create", "-n",
                "-o", "multihost=on", "-o", "ashift=12", "-o", "autotrim=on",
                "-O", "acltype=posixacl", "-O", "compression=lz4", "-O", "dnodesize=auto", "-O", "xattr=sa",
                "-O", "atime=off", "san-pool",
                "mirror", "/dev/disk/by-partlabel/data-a-a", LUN0,
                "mirror", LUN1, "/dev/disk/by-partlabel/data-a-b",
                "log", "mirror", "/dev/disk/by-id/nvme-slog-a", LUN9);
    }

    @Test
    void zpoolCreate_bothLegsLocalOrRemoteOrMultihostOff_isRefusedWithEveryViolation() {
        assertThatThrownBy(() -> ZpoolCreate.design("san-pool")
                .mirror("/dev/disk/by-partlabel/data-a-a", "/dev/disk/by-partlabel/data-a-b")
                .mirror(LUN0, LUN1)
                .hostIds(IDS)
                .property("multihost", "off").build())
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.violations())
                        .extracting(Violation::ruleId, Violation::path)
                        .containsExactly(
                                org.assertj.core.groups.Tuple.tuple("ZFS-CREATE-002", "properties.multihost"),
                                org.assertj.core.groups.Tuple.tuple("ZFS-CREATE-001", "vdevs[0]"),
                                org.assertj.core.groups.Tuple.tuple("ZFS-CREATE-001", "vdevs[1]")));
    }

    @Test
    void zpoolAdd_designSlogAndSpecial_asInDesignSection4() {
        assertThat(ZpoolAdd.design("san-pool").logMirror("/dev/disk/by-id/ata-SAMSUNG_SV843-a-slog", LUN9).build().argv())
                .containsExactly("zpool", "add", "san-pool", "log", "mirror", "/dev/disk/by-id/ata-SAMSUNG_SV843-a-slog", LUN9);
        assertThat(ZpoolAdd.design("san-pool").specialMirror(LUN1, "/dev/disk/by-id/ata-meta-a").dryRun().build().argv())
                .containsExactly("zpool", "add", "-n", "san-pool", "special", "mirror", LUN1, "/dev/disk/by-id/ata-meta-a");
        assertThatThrownBy(() -> ZpoolAdd.design("san-pool").logMirror(LUN0, LUN1).build())
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.violations())
                        .extracting(Violation::ruleId).containsExactly("ZFS-CREATE-001"));
        assertThatThrownBy(() -> ZpoolAdd.plain("t").build()).isInstanceOf(ValidationException.class);
    }

    @Test
    void zpoolAddAndCreate_shareOneVdevBuilder_sameLayoutSameArgvTail() {
        String slogA = "/dev/disk/by-id/ata-slog-a";
        String metaA = "/dev/disk/by-id/ata-meta-a";
        List<String> add = ZpoolAdd.design("san-pool").logMirror(slogA, LUN9).specialMirror(metaA, LUN1)
                .cache("/dev/disk/by-id/nvme-l2arc").spare("/dev/disk/by-id/ata-spare").build().argv();
        assertThat(add).containsExactly("zpool", "add", "san-pool", "log", "mirror", slogA, LUN9, "special", "mirror",
                metaA, LUN1, "cache", "/dev/disk/by-id/nvme-l2arc", "spare", "/dev/disk/by-id/ata-spare");
        List<String> create = ZpoolCreate.plain("t").vdev("/tmp/a").logMirror(slogA, LUN9).specialMirror(metaA, LUN1)
                .cache("/dev/disk/by-id/nvme-l2arc").spare("/dev/disk/by-id/ata-spare").build().argv();
        assertThat(create.subList(create.indexOf("/tmp/a") + 1, create.size())).isEqualTo(add.subList(3, add.size()));
        // the shared builder checks a device used twice in both (zpool add had no ZFS-CREATE-004 before)
        assertThatThrownBy(() -> ZpoolAdd.plain("t").spare("/tmp/s").cache("/tmp/s").build())
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.violations())
                        .extracting(Violation::ruleId).containsExactly("ZFS-CREATE-004"));
    }

    @Test
    void zpoolCreate_designWithUnstableDeviceName_isRefused() {
        assertThatThrownBy(() -> ZpoolCreate.design("san-pool").mirror("/dev/sda", LUN0).hostIds(IDS).build())
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.violations())
                        .extracting(Violation::ruleId).containsExactly("ZFS-CREATE-006"));
    }

    @Test
    void zpoolCreate_plain_hasNoModernOptions() {
        var c = ZpoolCreate.plain("t").mirror("/tmp/a", "/tmp/b").spare("/tmp/c").mountpoint("none").build();
        assertThat(c.argv()).containsExactly("zpool", "create", "-m", "none", "t", "mirror", "/tmp/a", "/tmp/b",
                "spare", "/tmp/c");
        assertThatThrownBy(() -> ZpoolCreate.plain("t").vdev("/tmp/a").spare("/tmp/a").build())
                .isInstanceOf(ValidationException.class).hasMessageContaining("used twice");
    }

    @Test
    void zfsCreate_datasetsAndZvols() {
        assertThat(ZfsCreate.filesystem("san-pool/nfs").property("sharenfs", "on").build().argv())
                .containsExactly("zfs", "create", "-o", "sharenfs=on", "san-pool/nfs");
        assertThat(ZfsCreate.zvol("san-pool/iscsi/vm-disk-01", Size.parse("100G")).volblocksize("64k").build().argv())
                .containsExactly("zfs", "create", "-V", "107374182400", "-o", "volblocksize=64k",
                        "san-pool/iscsi/vm-disk-01");
        assertThatThrownBy(() -> ZfsCreate.filesystem("san-pool/nfs").volblocksize("64k"))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void zpoolImport_neverForcesWithoutFencingProof() {
        assertThat(ZpoolImport.pool("san-pool").searchDir("/dev/disk/by-path").searchDir("/dev/disk/by-partlabel")
                .cachefileNone().build().argv())
                .containsExactly("zpool", "import", "-d", "/dev/disk/by-path", "-d", "/dev/disk/by-partlabel",
                        "-o", "cachefile=none", "san-pool");
        var proof = FencingProof.stonith("storage-b", Instant.parse("2026-01-01T00:00:00Z"),
                "stonith_admin --history storage-b: reboot of storage-b by storage-a succeeded");
        assertThat(ZpoolImport.pool("san-pool").cachefileNone().force(proof).build().argv())
                .containsExactly("zpool", "import", "-o", "cachefile=none", "-f", "san-pool");
        assertThatThrownBy(() -> ZpoolImport.pool("san-pool").force(null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> FencingProof.stonith("storage-b", Instant.now(), " "))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void zpoolCommands_renderArgv() {
        assertThat(ZpoolCommands.offline("san-pool", OfflineMode.TEMPORARY, LUN0).argv())
                .containsExactly("zpool", "offline", "-t", "san-pool", LUN0);
        assertThat(ZpoolCommands.replace("san-pool", "123", LUN0).argv())
                .containsExactly("zpool", "replace", "san-pool", "123", LUN0);
        assertThat(ZpoolCommands.status("san-pool").argv()).containsExactly("zpool", "status", "-P", "-v", "san-pool");
        assertThat(ZpoolCommands.clear("san-pool").argv()).containsExactly("zpool", "clear", "san-pool");
        assertThat(ZpoolCommands.export("san-pool").argv()).containsExactly("zpool", "export", "san-pool");
        assertThat(ZpoolCommands.export("san-pool", ExportMode.FORCE).argv()).containsExactly("zpool", "export", "-f", "san-pool");
        assertThat(ZpoolCommands.offline("san-pool", LUN0).argv()).containsExactly("zpool", "offline", "san-pool", LUN0);
        assertThat(ZpoolCommands.replace("san-pool", LUN0).argv()).containsExactly("zpool", "replace", "san-pool", LUN0);
        assertThat(ZpoolCommands.clear("san-pool", LUN0).argv()).containsExactly("zpool", "clear", "san-pool", LUN0);
        assertThat(ZpoolCommands.status("san-pool", DevicePaths.SHORT).argv()).containsExactly("zpool", "status", "-v", "san-pool");
        assertThat(ZpoolCommands.statusAll().argv()).containsExactly("zpool", "status", "-P", "-v");
        assertThat(ZpoolCommands.list(List.of("name", "health")).argv()).containsExactly("zpool", "list", "-Hp", "-o", "name,health");
        assertThat(ZpoolCommands.list(List.of("name"), "san-pool").argv()).containsExactly("zpool", "list", "-Hp", "-o", "name", "san-pool");
        assertThat(ZpoolCommands.scrub("san-pool").argv()).containsExactly("zpool", "scrub", "san-pool");
        assertThat(ZpoolCommands.online("san-pool", LUN0).argv()).containsExactly("zpool", "online", "san-pool", LUN0);
    }

    @Test
    void moduleTunables_designDefaults_dropObsoleteAndUnsafeOptions() {
        var r = ZfsModuleTunables.designDefaults(64L << 30).render();
        assertThat(r.text()).contains("options zfs zfs_arc_max=34359738368\n")
                .contains("options zfs zfs_txg_timeout=30\n")
                .contains("options zfs zfs_resilver_min_time_ms=27000\n")
                .doesNotContain("options zfs zfs_vdev_scheduler").doesNotContain("options zfs zfs_resilver_delay")
                .doesNotContain("zfs_nocacheflush=1");
        assertThat(r.warnings()).isEmpty();
        var plp = ZfsModuleTunables.builder().noCacheFlushBecauseEveryDeviceHasPlp().build().render();
        assertThat(plp.text()).contains("# WARNING: zfs_nocacheflush=1").endsWith("options zfs zfs_nocacheflush=1\n");
        assertThat(plp.warnings()).singleElement().asString().contains("power-loss protection");
        assertThat(ZfsModuleTunables.designDefaults(64L << 30).plan("storage-a").steps()).hasSize(1);
        assertThatThrownBy(() -> ZfsModuleTunables.builder().arcMaxBytes(1 << 20).build())
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void zpoolCreate_commandPrintsPasteable() {
        assertThat(ZpoolCreate.plain("t").vdev("/tmp/a b").build().toString()).contains("'/tmp/a b'");
        assertThat(ZpoolCreate.DESIGN_POOL_PROPERTIES).containsExactly(
                Map.entry("multihost", "on"), Map.entry("ashift", "12"), Map.entry("autotrim", "on"));
    }

    @Test
    void zpoolCreate_designWithoutHostIdPreflight_isRefused() {
        assertThatThrownBy(() -> ZpoolCreate.design("san-pool").mirror("/dev/disk/by-partlabel/data-a-a", LUN0).build())
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.violations())
                        .extracting(Violation::ruleId, Violation::path)
                        .containsExactly(org.assertj.core.groups.Tuple.tuple("ZFS-CREATE-007", "hostIds")));
        // plain pools (zfs-fuse, tests) have no multihost and need no preflight
        assertThat(ZpoolCreate.plain("t").vdev("/tmp/a").build().argv()).containsExactly("zpool", "create", "t", "/tmp/a");
    }

    @Test
    void zpoolImport_design_takesThePreflightAndOnlyAProofForOneOfItsNodes() {
        assertThat(ZpoolImport.design("san-pool", IDS).searchDir("/dev/disk/by-path").build().argv())
                .containsExactly("zpool", "import", "-d", "/dev/disk/by-path", "-o", "cachefile=none", "san-pool");
        var now = java.time.Clock.fixed(Instant.parse("2026-01-01T00:05:00Z"), java.time.ZoneOffset.UTC);
        var proofB = FencingProof.stonith("storage-b", Instant.parse("2026-01-01T00:00:00Z"), "fenced: reboot ok");
        assertThat(ZpoolImport.design("san-pool", IDS).clock(now).force(proofB).build().argv())
                .containsExactly("zpool", "import", "-o", "cachefile=none", "-f", "san-pool");
        var proofOther = FencingProof.stonith("quorum", Instant.parse("2026-01-01T00:00:00Z"), "fenced: reboot ok");
        assertThatThrownBy(() -> ZpoolImport.design("san-pool", IDS).clock(now).force(proofOther))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("quorum");
        // a proof from an earlier failover (or from the future) does not count
        var stale = FencingProof.stonith("storage-b", Instant.parse("2025-12-31T23:40:00Z"), "fenced: reboot ok");
        assertThatThrownBy(() -> ZpoolImport.design("san-pool", IDS).clock(now).force(stale))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("fence again");
        var future = FencingProof.stonith("storage-b", Instant.parse("2026-01-01T01:00:00Z"), "fenced: reboot ok");
        assertThatThrownBy(() -> ZpoolImport.design("san-pool", IDS).clock(now).force(future))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ZpoolImport.design("san-pool", null)).isInstanceOf(NullPointerException.class);
        assertThat(ZpoolImport.design("san-pool", IDS).hostIds()).contains(IDS);
    }

    @Test
    void operandsThatLookLikeOptions_areRefused() {
        // zpool uses getopt, which permutes: "zpool import san-pool -f" is a forced import
        assertThatThrownBy(() -> ZpoolImport.pool("-f")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ZpoolImport.pool("san-pool").as("-f")).isInstanceOf(IllegalArgumentException.class);
        assertThat(ZpoolImport.pool("13783646421373024673").build().argv())
                .containsExactly("zpool", "import", "13783646421373024673");
        assertThatThrownBy(() -> ZpoolCommands.export("-f")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ZpoolCommands.replace("san-pool", "-f", LUN0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ZpoolCommands.offline("san-pool", "-t")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ZpoolCommands.clear("san-pool", "-F")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ZpoolCommands.scrub("-s")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ZfsCommands.get(List.of("used"), "-r")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ZpoolCreate.plain("t").vdev("-f").build())
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.violations())
                        .extracting(Violation::ruleId).containsExactly("ZFS-CREATE-008"));
        assertThatThrownBy(() -> ZpoolAdd.plain("t").spare("-f").build()).isInstanceOf(ValidationException.class);
    }
}
