package org.sansdk.pacemaker.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.sansdk.core.SanException;
import org.sansdk.pacemaker.Fixtures;
import org.sansdk.pacemaker.cib.CibParser;
import org.sansdk.pacemaker.cib.ColocationConstraint;
import org.sansdk.pacemaker.cib.Configuration;
import org.sansdk.pacemaker.cib.LocationConstraint;
import org.sansdk.pacemaker.cib.OrderConstraint;

class PcsTest {

    @Test
    void clusterOperations_renderTheDocumentedPcsCommandLines() {
        Pcs pcs = Pcs.live();
        assertThat(pcs.nodeStandby("storage-a").argv()).containsExactly("pcs", "node", "standby", "storage-a");
        assertThat(pcs.nodeUnstandby("storage-a").argv()).containsExactly("pcs", "node", "unstandby", "storage-a");
        assertThat(pcs.resourceMove("zfs-pool", "storage-b").argv()).containsExactly("pcs", "resource", "move", "zfs-pool", "storage-b");
        assertThat(pcs.resourceClear("zfs-pool").argv()).containsExactly("pcs", "resource", "clear", "zfs-pool");
        assertThat(pcs.resourceCleanup("zfs-pool", "storage-a").argv())
                .containsExactly("pcs", "resource", "cleanup", "zfs-pool", "node=storage-a");
        assertThat(pcs.resourceEnable("san-services").argv()).containsExactly("pcs", "resource", "enable", "san-services");
        assertThat(pcs.resourceDisable("san-services").argv()).containsExactly("pcs", "resource", "disable", "san-services");
        assertThat(Pcs.waitForSettle(Duration.ofMinutes(2)).argv()).containsExactly("crm_resource", "--wait", "--timeout=120s");
        assertThat(Pcs.fencingHistory().argv()).containsExactly("stonith_admin", "--history", "*", "--output-as=xml");
        assertThat(Pcs.file(Path.of("/tmp/c.xml")).crmMon().env()).containsEntry("CIB_file", "/tmp/c.xml");
        assertThat(Pcs.file(Path.of("/tmp/c.xml")).nodeStandby("a").argv()).containsExactly("pcs", "-f", "/tmp/c.xml", "node", "standby", "a");
    }

    @Test
    void constraint_shortForms_matchPcsSyntax() {
        Pcs pcs = Pcs.live();
        assertThat(pcs.constraint(LocationConstraint.prefers("zfs-pool", "storage-a", "100")).argv())
                .containsExactly("pcs", "constraint", "location", "zfs-pool", "prefers", "storage-a=100");
        assertThat(pcs.constraint(LocationConstraint.prefers("fence-a", "storage-a", "-INFINITY")).argv())
                .containsExactly("pcs", "constraint", "location", "fence-a", "avoids", "storage-a=INFINITY");
        assertThat(pcs.constraint(ColocationConstraint.with("san-services", "zfs-pool")).argv())
                .containsExactly("pcs", "constraint", "colocation", "add", "san-services", "with", "zfs-pool", "INFINITY");
        OrderConstraint optional = new OrderConstraint("o", "a", "b", null, null, "Optional", null, "false", List.of());
        assertThat(pcs.constraint(optional).argv())
                .containsExactly("pcs", "constraint", "order", "start", "a", "then", "start", "b", "kind=Optional", "symmetrical=false");
    }

    @Test
    void constraint_withResourceSets_refusesAndPointsToCibPatch() {
        Configuration c = CibParser.parse("x", Fixtures.read("cib/pcmk-sched-tags-coloc-order-2.xml")).configuration();
        ColocationConstraint withSets = c.constraints(ColocationConstraint.class).get(0);
        assertThatThrownBy(() -> Pcs.live().constraint(withSets)).isInstanceOf(SanException.class).hasMessageContaining("CIB patch");
    }

    @Test
    void create_andConstraint_withPartsPcsWouldDrop_refuseInsteadOfLosingThem() {
        org.sansdk.pacemaker.cib.Cib c = org.sansdk.pacemaker.cib.CibParser.parse("x", """
                <cib epoch="1" num_updates="0" admin_epoch="0" validate-with="pacemaker-3.9"><configuration><crm_config/><nodes/>
                <resources>
                  <group id="g" description="d"><primitive id="a" class="ocf" provider="pacemaker" type="Dummy"/></group>
                  <primitive id="u" class="ocf" provider="pacemaker" type="Dummy"><utilization id="u-ut"><nvpair id="u-ut-c" name="cpu" value="1"/></utilization></primitive>
                </resources>
                <constraints><rsc_order id="o" first="a" then="u" require-all="false"/></constraints>
                </configuration><status/></cib>
                """);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Pcs.live().commandsFor(c.configuration()))
                .isInstanceOf(org.sansdk.core.SanException.class).hasMessageContaining("group g").hasMessageContaining("CIB patch");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Pcs.live().create(
                (org.sansdk.pacemaker.cib.Primitive) c.configuration().resource("u").orElseThrow()))
                .isInstanceOf(org.sansdk.core.SanException.class).hasMessageContaining("utilization");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Pcs.live().constraint(c.configuration().constraints().get(0)))
                .isInstanceOf(org.sansdk.core.SanException.class).hasMessageContaining("constraint o");
    }
}
