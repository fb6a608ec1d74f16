package org.sansdk.lab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.sansdk.cluster.design.Fencing;
import org.sansdk.pacemaker.cib.Configuration;
import org.sansdk.pacemaker.cib.Group;
import org.sansdk.pacemaker.cib.Primitive;
import org.sansdk.pacemaker.cib.Resource;

/** What the standard lab design renders: the design's addresses on two links, Dummy stand-ins, fence_dummy. */
class LabDesignTest {

    @Test
    void corosyncConfHasTheThreeNodesOnBothLinks() {
        String conf = LabDesign.standard().corosyncConf();
        // the addresses written in LabDesign.standardBuilder(): management 10.99.20.x is link 0, storage 10.99.10.x link 1
        assertThat(conf).contains("ring0_addr: 10.99.20.1").contains("ring1_addr: 10.99.10.1")
                .contains("ring0_addr: 10.99.20.3").contains("ring1_addr: 10.99.10.3")
                .contains("name: storage-a").contains("name: storage-b").contains("name: quorum")
                .contains("token: 3000").contains("cluster_name: san-lab");
    }

    @Test
    void cibStandsInDummyForHardwareAgents_andKeepsFenceDummy() {
        Configuration c = LabDesign.standard().cibConfiguration();
        int fencing = 0;
        for (Resource r : c.resources()) {
            for (Primitive p : r instanceof Group g ? g.members() : java.util.List.of((Primitive) r)) {
                if (p.isFencingDevice()) {
                    fencing++;
                    assertThat(p.agent().type()).isEqualTo("fence_dummy");
                } else {
                    assertThat(p.agent()).as(p.id()).isEqualTo(LabDesign.STAND_IN);
                }
            }
        }
        assertThat(fencing).isEqualTo(2);
        assertThat(LabDesign.standard().services()).startsWith("zfs-pool").contains("vip-enduser", "nfs-server", "smb-server");
    }

    @Test
    void theRealPoolVariantKeepsTheZfsAgent_importingFromTheLabsPoolDirectory() {
        assertThat(LabDesign.standard().poolMode()).isEqualTo(LabDesign.PoolMode.STAND_IN);
        LabDesign d = LabDesign.standard().withRealPool();
        assertThat(d.poolMode()).isEqualTo(LabDesign.PoolMode.REAL);
        Configuration c = d.cibConfiguration(java.nio.file.Path.of("lab-dir", "pool"));
        int zfs = 0;
        for (Resource r : c.resources()) {
            for (Primitive p : r instanceof Group g ? g.members() : java.util.List.of((Primitive) r)) {
                if (p.id().equals("zfs-pool")) {
                    zfs++;
                    assertThat(p.agent().toString()).isEqualTo("ocf:heartbeat:ZFS");
                    assertThat(p.param("pool")).hasValue("lab-pool");
                    assertThat(p.param("importargs")).hasValue("-d lab-dir/pool");
                } else if (p.isFencingDevice()) {
                    assertThat(p.agent().type()).isEqualTo("fence_dummy");
                } else {
                    assertThat(p.agent()).as(p.id()).isEqualTo(LabDesign.STAND_IN);
                }
            }
        }
        assertThat(zfs).isEqualTo(1);
        // without a running lab's directory: the ZFS primitive as rendered, no importargs
        assertThat(d.cibConfiguration().resources().stream().filter(r -> r instanceof Primitive p && LabDesign.isZfs(p)).count()
                + d.cibConfiguration().resources().stream().filter(r -> r instanceof Group).flatMap(r -> ((Group) r).members().stream())
                        .filter(p -> LabDesign.isZfs(p) && p.param("importargs").isEmpty()).count()).isEqualTo(1);
    }

    @Test
    void refusesAFencingAgentTheLabCannotRun() {
        var b = LabDesign.standardBuilder();
        b.fencing(java.util.List.of(new Fencing("storage-a", "fence_ipmilan", Map.of("ip", "192.0.2.1"), Map.of(), Duration.ofSeconds(60)),
                new Fencing("storage-b", "fence_dummy", Map.of(), Map.of(), Duration.ofSeconds(60))));
        assertThatThrownBy(() -> new LabDesign(b.build())).isInstanceOf(LabException.class).hasMessageContaining("fence_ipmilan");
    }
}
