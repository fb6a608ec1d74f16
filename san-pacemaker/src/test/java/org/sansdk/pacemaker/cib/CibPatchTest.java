package org.sansdk.pacemaker.cib;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sansdk.core.Command;
import org.sansdk.core.CommandResult;
import org.sansdk.pacemaker.Tools;
import org.sansdk.pacemaker.design.FencingDevice;
import org.sansdk.pacemaker.design.SanResourceSpec;
import org.sansdk.pacemaker.design.SanResourceSet;
import org.sansdk.pacemaker.design.SanService;
import org.sansdk.pacemaker.ops.Pcs;
import org.sansdk.pacemaker.sim.VerifyResult;

class CibPatchTest {

    private static SanResourceSpec.Builder design() {
        return SanResourceSpec.builder().vip("enduser", "10.30.30.10/24", "eth-enduser").services(SanService.NFS)
                .fencing(FencingDevice.of("storage-a", "fence_dummy", Map.of()))
                .fencing(FencingDevice.of("storage-b", "fence_dummy", Map.of()));
    }

    /** A "live" CIB: an older version of the design plus things the cluster or an operator added. */
    private static Cib live() {
        Configuration old = SanResourceSet.configuration(design().stickiness(300).build());
        List<NvSet> props = List.of(NvSet.of("cluster_property_set", "cib-bootstrap-options", List.of(
                new NvPair("cib-bootstrap-options-stonith-enabled", "stonith-enabled", "true"),
                new NvPair("cib-bootstrap-options-dc-version", "dc-version", "2.1.5-a3f44794f94"))));
        List<Resource> res = new ArrayList<>(old.resources());
        res.add(Primitive.builder("old-dummy", ResourceAgent.parse("ocf:pacemaker:Dummy")).build());
        List<Constraint> cons = new ArrayList<>(old.constraints());
        cons.add(new LocationConstraint("cli-ban-zfs-pool-on-storage-a", "zfs-pool", null, "storage-a", "-INFINITY", null, null, List.of(), List.of()));
        cons.add(new LocationConstraint("location-old-dummy-quorum--INFINITY", "old-dummy", null, "quorum", "-INFINITY", null, null, List.of(), List.of()));
        Configuration c = Configuration.builder().crmConfig(props).nodes(old.nodes()).resources(res).constraints(cons).rscDefaults(old.rscDefaults()).build();
        Cib base = Cib.of(c);
        return new Cib(new CibVersion(0, 41, 7), base.validateWith(), base.rootAttributes(), c, List.of(), List.of());
    }

    @Test
    void between_sameConfiguration_isEmpty() {
        Cib live = live();
        assertThat(CibPatch.between(live, live.configuration(), PatchOption.PRUNE).isEmpty()).isTrue();
    }

    @Test
    void between_olderDesign_modifiesChangedInPlaceAndPrunesUnknownLoudlyButKeepsCliBans() {
        Configuration desired = SanResourceSet.configuration(design().vip("hypervisor", "10.40.40.10/24", "eth-hypervisor").build());
        CibPatch p = CibPatch.between(live(), desired, PatchOption.PRUNE);
        assertThat(p.changes()).extracting(CibChange::describe).containsExactly(
                "delete resource old-dummy",
                "modify resource san-services in place (create primitive[@id='vip-hypervisor'])",
                "delete constraint location-old-dummy-quorum--INFINITY",
                "update resource defaults set rsc_defaults-meta_attributes in place "
                        + "(modify nvpair[@id='rsc_defaults-meta_attributes-resource-stickiness'])");
        assertThat(p.deletedResources()).containsExactly("old-dummy");
        assertThat(p.findings()).extracting(CibFinding::describe).containsExactly(
                "DELETES resource old-dummy: it is not in the desired configuration; Pacemaker stops it and constraints that reference it no longer apply",
                "INSERTS vip-hypervisor into group san-services before [nfs-server]: Pacemaker restarts the members after it (group order)");
        // typed: callers filter by kind and resource, not by the text
        assertThat(p.findings()).extracting(CibFinding::kind, CibFinding::resource).containsExactly(
                org.assertj.core.groups.Tuple.tuple(CibFinding.Kind.DELETES_RESOURCE, "old-dummy"),
                org.assertj.core.groups.Tuple.tuple(CibFinding.Kind.INSERTS, "vip-hypervisor"));
        assertThat(p.basedOn()).isEqualTo(new CibVersion(0, 41, 7));
        assertThat(p.target()).isEqualTo(new CibVersion(0, 42, 0));
        assertThat(p.toXml()).contains("<source admin_epoch=\"0\" epoch=\"41\" num_updates=\"7\"/>")
                .contains("path=\"/cib/configuration/resources/primitive[@id=&apos;old-dummy&apos;]\"");
        assertThat(CibPatch.between(live(), desired).changes()).extracting(CibChange::id).doesNotContain("old-dummy");
        assertThat(p.pcsCommands(desired, Pcs.live())).extracting(Command::argv).contains(
                List.of("pcs", "resource", "delete", "old-dummy", "--force"),
                List.of("pcs", "constraint", "delete", "location-old-dummy-quorum--INFINITY"),
                List.of("pcs", "resource", "defaults", "update", "resource-stickiness=200"));
    }

    @Test
    void apply_toFileCib_givesDesiredConfigurationThatCrmVerifyAccepts(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("live.xml");
        Files.writeString(file, CibWriter.toXml(live()));
        Configuration desired = SanResourceSet.configuration(design().vip("hypervisor", "10.40.40.10/24", "eth-hypervisor").build());
        Cib before = CibParser.parse("cibadmin -Q", Tools.runOk(Pcs.file(file).cibQuery()).stdout());
        CibPatch p = CibPatch.between(before, desired, PatchOption.PRUNE);
        p.apply(Tools.executor(), Map.of("CIB_file", file.toString()));

        Cib after = CibParser.parse("after", Files.readString(file));
        // the patch moves the epoch on; the CIB manager bumps it again for the configuration change it applied
        assertThat(after.version().epoch()).isGreaterThan(before.version().epoch());
        // a v2 patch's root modify replaces every root attribute: the schema and feature set must survive
        assertThat(after.validateWith()).isEqualTo("pacemaker-3.9");
        assertThat(after.rootAttributes()).containsEntry("crm_feature_set", before.rootAttributes().get("crm_feature_set"));
        assertThat(after.configuration().resource("old-dummy")).isEmpty();
        assertThat(((Group) after.configuration().resource("san-services").orElseThrow()))
                .isEqualTo(desired.resource("san-services").orElseThrow());
        assertThat(after.configuration().property("dc-version")).contains("2.1.5-a3f44794f94");
        assertThat(after.configuration().constraints()).extracting(Constraint::id).contains("cli-ban-zfs-pool-on-storage-a");
        assertThat(NvSet.lookup(after.configuration().rscDefaults(), "resource-stickiness")).contains("200");
        assertThat(CibPatch.between(after, desired).isEmpty()).isTrue();
        Path verify = dir.resolve("verify.xml");
        Files.writeString(verify, CibWriter.toXml(after.withAllNodesOnline()));
        assertThat(VerifyResult.of(Tools.run(VerifyResult.command(verify))).outcome()).isEqualTo(VerifyResult.Outcome.VALID);
    }

    @Test
    void apply_afterSomeoneChangedTheCib_refuses(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("live.xml");
        Files.writeString(file, CibWriter.toXml(live()));
        Configuration desired = SanResourceSet.configuration(design().build());
        CibPatch p = CibPatch.between(CibParser.parse("q", Tools.runOk(Pcs.file(file).cibQuery()).stdout()), desired, PatchOption.PRUNE);
        Tools.runOk(Pcs.file(file).propertySet("maintenance-mode", "false"));
        assertThatThrownBy(() -> p.apply(Tools.executor(), Map.of("CIB_file", file.toString())))
                .isInstanceOf(CibChangedException.class)
                .hasMessageContaining("0.41.7")
                .satisfies(e -> assertThat(((CibChangedException) e).current().epoch()).isEqualTo(42));
        assertThat(CibParser.parse("x", Files.readString(file)).configuration().resource("old-dummy")).isPresent();
    }

    @Test
    void patch_pacemakerItselfRefusesAStaleVersion(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("live.xml");
        Files.writeString(file, CibWriter.toXml(live()));
        CibPatch p = CibPatch.between(live(), SanResourceSet.configuration(design().build()), PatchOption.PRUNE);
        // a status-only change bumps num_updates; Pacemaker's patch check is exact on the whole version
        Files.writeString(file, Files.readString(file).replace("num_updates=\"7\"", "num_updates=\"8\""));
        CommandResult r = Tools.run(p.command().toBuilder().env("CIB_file", file.toString()).build());
        assertThat(r.exitCode()).isEqualTo(103);
        assertThat(r.stderr()).contains("Update was older than existing configuration");
    }
}
