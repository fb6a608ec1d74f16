package org.sansdk.pacemaker.cib;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sansdk.core.CommandResult;
import org.sansdk.pacemaker.Tools;
import org.sansdk.pacemaker.design.SanResourceSet;
import org.sansdk.pacemaker.ops.Pcs;
import org.sansdk.pacemaker.sim.CrmSimulate;
import org.sansdk.pacemaker.sim.CrmSimulateParser;
import org.sansdk.pacemaker.sim.Simulation;
import org.sansdk.pacemaker.sim.VerifyResult;

/**
 * In-place patches applied by the real cibadmin ({@code CIB_file}) to a CIB whose status section says everything
 * runs (crm_simulate's result after all three nodes joined), then checked with crm_verify (rc 0) and crm_simulate
 * {@code -S}: a meta-only or monitor-timeout-only change stops and starts nothing; a parameter change restarts its
 * resource (so the check can see a restart). A re-plan after applying is empty. The pcs form's
 * {@code cibadmin --replace} of one element is run the same way.
 */
class CibPatchRealToolsTest {

    @TempDir
    Path dir;
    Path running;

    @BeforeEach
    void everythingRunning() throws Exception {
        Path base = dir.resolve("generated.xml");
        Files.writeString(base, CibWriter.toXml(Cib.of(SanResourceSet.configuration(CibPatchInPlaceTest.design()))));
        running = dir.resolve("running.xml");
        CommandResult r = Tools.runOk(CrmSimulate.on(base).withQuorum().nodeUp("storage-a").nodeUp("storage-b").nodeUp("quorum")
                .saveTo(running).toCommand());
        assertThat(CrmSimulateParser.parse("crm_simulate", r.stdout()).after().orElseThrow().runningOn("zfs-pool")).containsExactly("storage-a");
    }

    private Cib query(Path file) {
        return CibParser.parse("cibadmin -Q", Tools.runOk(Pcs.file(file).cibQuery()).stdout());
    }

    /** Plans live → change(live), applies the v2 patch with the real cibadmin, verifies, re-plans, simulates. */
    private Simulation applyAndSimulate(String name, UnaryOperator<Configuration> change, List<String> expectedEditOps) throws Exception {
        Path file = dir.resolve(name + ".xml");
        Files.copy(running, file);
        Cib live = query(file);
        Configuration desired = change.apply(live.configuration());
        CibPatch p = CibPatch.between(live, desired, PatchOption.PRUNE);
        assertThat(p.changes()).singleElement().isInstanceOf(CibChange.Modify.class);
        assertThat(((CibChange.Modify) p.changes().get(0)).edits()).extracting(CibChange.Edit::operation).containsExactlyElementsOf(expectedEditOps);
        assertThat(p.deletedResources()).isEmpty();
        System.out.println(name + " findings: " + p.findings());
        p.apply(Tools.executor(), Map.of("CIB_file", file.toString()));
        Cib after = query(file);
        assertThat(CibPatch.between(after, desired, PatchOption.PRUNE).changes()).as("re-plan after applying").isEmpty();
        assertThat(after.configuration().constraints()).isEqualTo(live.configuration().constraints());
        VerifyResult v = VerifyResult.of(Tools.run(VerifyResult.command(file)));
        assertThat(v.outcome()).as("crm_verify %s: %s", name, v.messages()).isEqualTo(VerifyResult.Outcome.VALID);
        CommandResult r = Tools.runOk(CrmSimulate.on(file).toCommand());
        Simulation s = CrmSimulateParser.parse("crm_simulate", r.stdout());
        System.out.println(name + " transition: " + s.transition());
        return s;
    }

    private static Configuration replacing(Configuration c, Resource r) {
        List<Resource> rs = new ArrayList<>();
        for (Resource x : c.resources()) {
            rs.add(x.id().equals(r.id()) ? r : x);
        }
        return c.toBuilder().resources(rs).build();
    }

    private static Primitive pool(Configuration c) {
        return (Primitive) c.resource("zfs-pool").orElseThrow();
    }

    @Test
    void metaOnlyChange_appliedInPlace_stopsAndStartsNothing() throws Exception {
        Simulation s = applyAndSimulate("meta", c -> {
            Primitive p = pool(c);
            return replacing(c, new Primitive(p.id(), p.agent(), null, null, p.instanceAttributes(), List.of(NvSet.of("meta_attributes",
                    "zfs-pool-meta_attributes", List.of(new NvPair("zfs-pool-meta_attributes-migration-threshold", "migration-threshold", "3")))),
                    List.of(), p.operations(), List.of()));
        }, List.of("create"));
        assertThat(s.changedResources()).isEmpty();
        assertThat(s.after().orElseThrow().runningOn("zfs-pool")).containsExactly("storage-a");
    }

    @Test
    void monitorTimeoutOnlyChange_appliedInPlace_stopsAndStartsNothing() throws Exception {
        Simulation s = applyAndSimulate("monitor-timeout", c -> {
            Primitive p = pool(c);
            List<Operation> ops = p.operations().stream().map(o -> o.name().equals("monitor")
                    ? new Operation(o.id(), o.name(), o.interval(), "45s", o.role(), o.onFail(), o.other(), o.attributeSets()) : o).toList();
            return replacing(c, new Primitive(p.id(), p.agent(), null, null, p.instanceAttributes(), p.metaAttributes(), List.of(), ops, List.of()));
        }, List.of("modify"));
        assertThat(s.changedResources()).isEmpty();
        assertThat(s.transition()).noneMatch(t -> t.is("zfs-pool", "stop") || t.is("zfs-pool", "start"));
        assertThat(s.after().orElseThrow().runningOn("zfs-pool")).containsExactly("storage-a");
    }

    @Test
    void parameterChange_appliedInPlace_restartsOnlyThatResourceAndWhatDependsOnIt() throws Exception {
        Simulation s = applyAndSimulate("param", c -> {
            Group g = (Group) c.resource("san-services").orElseThrow();
            List<Primitive> members = new ArrayList<>(g.members());
            Primitive vip = members.get(0);
            members.set(0, new Primitive(vip.id(), vip.agent(), null, null, List.of(NvSet.of("instance_attributes", "vip-enduser-instance_attributes",
                    List.of(new NvPair("vip-enduser-instance_attributes-ip", "ip", "10.30.30.11"),
                            new NvPair("vip-enduser-instance_attributes-cidr_netmask", "cidr_netmask", "24"),
                            new NvPair("vip-enduser-instance_attributes-nic", "nic", "eth-enduser")))), List.of(), List.of(), vip.operations(), List.of()));
            return replacing(c, new Group(g.id(), g.metaAttributes(), members));
        }, List.of("modify"));
        assertThat(s.changedResources()).contains("vip-enduser").doesNotContain("zfs-pool", "cockpit-service", "vip-cockpit");
    }

    @Test
    void groupReorder_appliedByRealCibadminAsMoves_givesTheDesiredMemberOrder() throws Exception {
        Simulation s = applyAndSimulate("reorder", c -> {
            Group g = (Group) c.resource("san-services").orElseThrow();
            List<Primitive> members = new ArrayList<>(g.members());
            java.util.Collections.swap(members, 1, 2);
            return replacing(c, new Group(g.id(), g.metaAttributes(), members));
        }, List.of("move", "move", "move"));
        Group g = (Group) query(dir.resolve("reorder.xml")).configuration().resource("san-services").orElseThrow();
        assertThat(g.members()).extracting(Primitive::id).containsExactly("vip-enduser", "smb-server", "nfs-server");
        // Pacemaker 2.1.5 restarts nothing for a new member order of running members; it is the next start order
        assertThat(s.changedResources()).isEmpty();
    }

    private static Configuration desiredReorderAdd(Configuration c) {
        Group g = (Group) c.resource("san-services").orElseThrow();
        List<Primitive> members = new ArrayList<>(g.members());
        java.util.Collections.swap(members, 1, 2);
        members.add(2, Primitive.builder("iscsi-target", ResourceAgent.parse("systemd:target")).op("monitor", "60s", null).build());
        return replacing(c, new Group(g.id(), g.metaAttributes(), members));
    }

    @Test
    void groupReorderPlusNewMember_appliedByRealCibadmin_givesExactlyTheDesiredOrder() throws Exception {
        Simulation s = applyAndSimulate("reorder-add", CibPatchRealToolsTest::desiredReorderAdd, List.of("move", "move", "create", "move"));
        assertThat(CibPatch.between(query(running), desiredReorderAdd(query(running).configuration()), PatchOption.PRUNE).findings()).extracting(CibFinding::describe).containsExactly(
                "REORDERS group san-services [vip-enduser, nfs-server, smb-server] -> [vip-enduser, smb-server, nfs-server]: the start order changes",
                "INSERTS iscsi-target into group san-services before [nfs-server]: Pacemaker restarts the members after it (group order)");
        Group g = (Group) query(dir.resolve("reorder-add.xml")).configuration().resource("san-services").orElseThrow();
        assertThat(g.members()).extracting(Primitive::id).containsExactly("vip-enduser", "smb-server", "iscsi-target", "nfs-server");
        // the real scheduler starts the new member and restarts the member after it (group order), nothing before it
        assertThat(s.changedResources()).containsExactlyInAnyOrder("iscsi-target", "nfs-server");
    }

    @Test
    void pcsForm_startTimeoutChange_cibadminReplaceOfTheOneElement_keepsConstraints_replansEmpty_restartsNothing() throws Exception {
        Path file = dir.resolve("pcs-form.xml");
        Files.copy(running, file);
        Cib live = query(file);
        Primitive p = pool(live.configuration());
        List<Operation> ops = p.operations().stream().map(o -> o.name().equals("start")
                ? new Operation(o.id(), o.name(), o.interval(), "200s", o.role(), o.onFail(), o.other(), o.attributeSets()) : o).toList();
        Configuration desired = replacing(live.configuration(), new Primitive(p.id(), p.agent(), null, null, p.instanceAttributes(),
                p.metaAttributes(), List.of(), ops, List.of()));
        CibPatch patch = CibPatch.between(live, desired, PatchOption.PRUNE);
        List<org.sansdk.core.Command> cmds = patch.pcsCommands(desired, Pcs.file(file));
        assertThat(cmds).singleElement().extracting(org.sansdk.core.Command::argv)
                .isEqualTo(List.of("cibadmin", "--replace", "--scope", "resources", "--xml-pipe"));
        Tools.runOk(cmds.get(0));
        Cib after = query(file);
        assertThat(CibPatch.between(after, desired, PatchOption.PRUNE).isEmpty()).isTrue();
        assertThat(after.configuration().resources()).extracting(Resource::id).isEqualTo(live.configuration().resources().stream().map(Resource::id).toList());
        assertThat(after.configuration().constraints()).isEqualTo(live.configuration().constraints());
        assertThat(VerifyResult.of(Tools.run(VerifyResult.command(file))).outcome()).isEqualTo(VerifyResult.Outcome.VALID);
        Simulation s = CrmSimulateParser.parse("crm_simulate", Tools.runOk(CrmSimulate.on(file).toCommand()).stdout());
        System.out.println("start-timeout transition: " + s.transition());
        assertThat(s.changedResources()).isEmpty();
    }
}
