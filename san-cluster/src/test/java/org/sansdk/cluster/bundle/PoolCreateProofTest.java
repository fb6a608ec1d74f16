package org.sansdk.cluster.bundle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.sansdk.cluster.map.DesignMapping;
import org.sansdk.cluster.map.ReferenceDesign;
import org.sansdk.core.Command;
import org.sansdk.core.ValidationException;
import org.sansdk.iscsi.ByPath;
import org.sansdk.zfs.ZpoolCreate;

/**
 * The bundle's zpool create by san-zfs's design rules (zfs-fuse, the only ZFS here, is pool version 23: it has no
 * multihost, autotrim or lz4, so it cannot run a modern create): the command in the bundle is the one
 * {@code ZpoolCreate.design} builds and checks, each mirror pairs one local partlabel leg with the peer's same LUN
 * by by-path, and the rules refuse what the design forbids.
 */
class PoolCreateProofTest {

    @Test
    void zpoolCreateKeepsTheDesignRules() {
        Bundle b = BundleRenderer.create().render(ReferenceDesign.resolved());
        Command create = b.steps("storage-a").stream().filter(s -> s.stage() == Stage.POOL)
                .map(BundleStep::command).filter(c -> c.argv().get(1).equals("create") && c.program().equals("zpool"))
                .findFirst().orElseThrow();
        List<String> argv = create.argv();
        assertThat(argv).containsSubsequence("-o", "multihost=on");
        List<String[]> mirrors = new ArrayList<>();
        for (int i = 0; i < argv.size(); i++) {
            if (argv.get(i).equals("mirror")) {
                mirrors.add(new String[] {argv.get(i + 1), argv.get(i + 2)});
            }
        }
        assertThat(mirrors).hasSize(12);
        for (int i = 0; i < mirrors.size(); i++) {
            assertThat(mirrors.get(i)[0]).startsWith("/dev/disk/by-partlabel/data-a-");
            assertThat(ZpoolCreate.ISCSI_BY_PATH.test(mirrors.get(i)[1])).isTrue();
            ByPath leg = ByPath.parse(mirrors.get(i)[1].substring(ByPath.DIR.length()));
            assertThat(leg.target()).isEqualTo(ReferenceDesign.PREFIX + ":storage-b");
            assertThat(leg.address()).isEqualTo("10.10.10.2");
            assertThat(leg.lun()).isEqualTo(i);
            assertThat(leg.partition()).isEqualTo(1);
        }
        // the same layout rebuilt through the design builder gives the same argv (the rules passed)
        DesignMapping m = DesignMapping.of(ReferenceDesign.resolved());
        assertThat(m.zpoolCreate()).isEqualTo(create);
        // and the rules refuse what the design forbids: two local legs, multihost off, no host-id proof
        assertThatThrownBy(() -> ZpoolCreate.design("san-pool").hostIds(m.hostIds())
                .mirror("/dev/disk/by-partlabel/data-a-a", "/dev/disk/by-partlabel/data-a-b").build())
                .isInstanceOf(ValidationException.class).hasMessageContaining("ZFS-CREATE-001");
        assertThatThrownBy(() -> ZpoolCreate.design("san-pool").hostIds(m.hostIds()).property("multihost", "off")
                .mirror(mirrors.get(0)[0], mirrors.get(0)[1]).build())
                .isInstanceOf(ValidationException.class).hasMessageContaining("ZFS-CREATE-002");
        assertThatThrownBy(() -> ZpoolCreate.design("san-pool").mirror(mirrors.get(0)[0], mirrors.get(0)[1]).build())
                .isInstanceOf(ValidationException.class).hasMessageContaining("ZFS-CREATE-007");
    }
}
