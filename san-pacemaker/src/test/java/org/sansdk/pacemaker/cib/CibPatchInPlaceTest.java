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
import org.sansdk.core.SanException;
import org.sansdk.pacemaker.Tools;
import org.sansdk.pacemaker.design.FencingDevice;
import org.sansdk.pacemaker.design.SanResourceSpec;
import org.sansdk.pacemaker.design.SanResourceSet;
import org.sansdk.pacemaker.design.SanService;
import org.sansdk.pacemaker.ops.Pcs;

/**
 * CibPatch compares semantically and changes live elements in place: a CIB that real {@code pcs -f} built from the
 * design plans to nothing against the same design; each kind of change is a child-level edit, never a delete +
 * re-create of a resource that exists on both sides.
 */
class CibPatchInPlaceTest {

    static SanResourceSpec design() {
        return SanResourceSpec.builder()
                .vip("enduser", "10.30.30.10/24", "eth-enduser")
                .services(SanService.NFS, SanService.SMB)
                .cockpit("10.20.20.10/24", "eth-mgmt")
                .fencing(FencingDevice.of("storage-a", "fence_dummy", Map.of()))
                .fencing(FencingDevice.of("storage-b", "fence_dummy", Map.of()))
                .build();
    }

    /** The design built by the real pcs on an empty CIB (nodes added with cibadmin, as the golden test does). */
    static Cib builtByPcs(Path dir) throws Exception {
        Configuration ours = SanResourceSet.configuration(design());
        Path cib = dir.resolve("pcs.xml");
        Files.writeString(cib, Tools.runOk(Command.of("cibadmin", "--empty")).stdout());
        for (Node n : ours.nodes()) {
            Tools.runOk(Command.builder("cibadmin").args("-C", "-o", "nodes", "-X",
                    "<node id=\"" + n.id() + "\" uname=\"" + n.uname() + "\"/>").env("CIB_file", cib.toString()).build());
        }
        for (Command c : SanResourceSet.pcsCommands(design(), Pcs.file(cib))) {
            Tools.runOk(c);
        }
        return CibParser.parse("pcs -f", Tools.runOk(Pcs.file(cib).cibQuery()).stdout());
    }

    @Test
    void between_cibBuiltByRealPcs_andTheSameDesign_isEmpty(@TempDir Path dir) throws Exception {
        Cib live = builtByPcs(dir);
        Configuration desired = SanResourceSet.configuration(design());
        // what a naive comparison tripped over: pcs writes the monitor first, adds IPaddr2's start/stop with the agent's
        // default timeouts, and orders nvpairs its own way
        Primitive pcsPool = (Primitive) live.configuration().resource("zfs-pool").orElseThrow();
        assertThat(pcsPool.operations()).extracting(Operation::name).containsExactly("monitor", "start", "stop");
        assertThat(((Primitive) desired.resource("zfs-pool").orElseThrow()).operations()).extracting(Operation::name)
                .containsExactly("start", "stop", "monitor");
        assertThat(((Primitive) live.configuration().resource("vip-enduser").orElseThrow()).operations()).extracting(Operation::name)
                .containsExactly("monitor", "start", "stop");
        for (String id : List.of("zfs-pool", "san-services", "cockpit-group")) {
            assertThat(live.configuration().resource(id)).as(id).isNotEqualTo(desired.resource(id));
        }
        CibPatch p = CibPatch.between(live, desired, PatchOption.PRUNE);
        assertThat(p.changes()).extracting(CibChange::describe).isEmpty();
        assertThat(p.findings()).isEmpty();
        assertThat(p.deletedResources()).isEmpty();
    }

    // ---- each kind of change, on the generated configuration as "live" ----

    private static final String RES = "/cib/configuration/resources";

    private static Cib generatedLive() {
        Configuration c = SanResourceSet.configuration(design());
        Cib base = Cib.of(c);
        return new Cib(new CibVersion(0, 20, 3), base.validateWith(), base.rootAttributes(), c, List.of(), List.of());
    }

    /**
     * Applies the patch with the real {@code cibadmin --patch} to a CIB file holding {@code live} and returns what
     * cibadmin wrote; a re-plan against {@code desired} must then be empty.
     */
    private static Cib appliedByRealCibadmin(Cib live, Configuration desired, CibPatch p) throws Exception {
        Path f = Files.createTempFile("inplace", ".xml");
        try {
            Files.writeString(f, CibWriter.toXml(live));
            p.apply(org.sansdk.pacemaker.Tools.executor(), Map.of("CIB_file", f.toString()));
            Cib after = CibParser.parse("cibadmin --patch result", Files.readString(f));
            assertThat(CibPatch.between(after, desired).changes()).as("re-plan after the real cibadmin applied it").isEmpty();
            return after;
        } finally {
            Files.deleteIfExists(f);
        }
    }

    private static Configuration replace(Configuration c, Resource r) {
        List<Resource> rs = new ArrayList<>();
        for (Resource x : c.resources()) {
            rs.add(x.id().equals(r.id()) ? r : x);
        }
        return c.toBuilder().resources(rs).build();
    }

    private static Configuration withConstraints(Configuration c, List<Constraint> cons) {
        return c.toBuilder().constraints(cons).build();
    }

    private static Primitive pool(Configuration c) {
        return (Primitive) c.resource("zfs-pool").orElseThrow();
    }

    private static Group services(Configuration c) {
        return (Group) c.resource("san-services").orElseThrow();
    }

    private static Primitive withOps(Primitive p, List<Operation> ops) {
        return new Primitive(p.id(), p.agent(), p.template(), p.description(), p.instanceAttributes(), p.metaAttributes(), p.utilization(),
                ops, p.unknown(), p.operationsAttributes());
    }

    private static Primitive withMeta(Primitive p, String name, String value) {
        return new Primitive(p.id(), p.agent(), p.template(), p.description(), p.instanceAttributes(),
                List.of(NvSet.of("meta_attributes", p.id() + "-meta_attributes", List.of(new NvPair(p.id() + "-meta_attributes-" + name, name, value)))),
                p.utilization(), p.operations(), p.unknown(), p.operationsAttributes());
    }

    private static CibChange.Modify onlyModify(CibPatch p, String id) {
        assertThat(p.changes()).singleElement().isInstanceOf(CibChange.Modify.class);
        CibChange.Modify m = (CibChange.Modify) p.changes().get(0);
        assertThat(m.id()).isEqualTo(id);
        assertThat(p.deletedResources()).isEmpty();
        assertThat(p.findings()).isEmpty();
        // no delete of a top-level resource or constraint element (a child nvpair/op/member is fine)
        assertThat(p.toXml()).doesNotContainPattern("operation=\"delete\" path=\"/cib/configuration/(resources|constraints)/[a-z_]+\\[@id=&apos;[^&]+&apos;\\]\"");
        return m;
    }

    /** The pcs form of a single in-place change: one cibadmin --replace of that element, XML on stdin. */
    private static String onlyReplace(CibPatch p, Configuration desired, String scope) {
        List<Command> cmds = p.pcsCommands(desired, Pcs.live());
        assertThat(cmds).singleElement().extracting(Command::argv).isEqualTo(List.of("cibadmin", "--replace", "--scope", scope, "--xml-pipe"));
        return new String(cmds.get(0).stdin().orElseThrow(), java.nio.charset.StandardCharsets.UTF_8);
    }

    @Test
    void paramChanged_modifiesThatNvpairOnly() {
        Cib live = generatedLive();
        Group g = services(live.configuration());
        Primitive vip = g.members().get(0);
        Primitive vip2 = new Primitive(vip.id(), vip.agent(), null, null, List.of(NvSet.of("instance_attributes", "vip-enduser-instance_attributes", List.of(
                new NvPair("vip-enduser-instance_attributes-ip", "ip", "10.30.30.11"),
                new NvPair("vip-enduser-instance_attributes-cidr_netmask", "cidr_netmask", "24"),
                new NvPair("vip-enduser-instance_attributes-nic", "nic", "eth-enduser")))), List.of(), List.of(), vip.operations(), List.of());
        List<Primitive> members = new ArrayList<>(g.members());
        members.set(0, vip2);
        Configuration desired = replace(live.configuration(), new Group(g.id(), g.metaAttributes(), members));
        CibPatch p = CibPatch.between(live, desired, PatchOption.PRUNE);
        CibChange.Modify m = onlyModify(p, "san-services");
        String nv = RES + "/group[@id='san-services']/primitive[@id='vip-enduser']/instance_attributes[@id='vip-enduser-instance_attributes']"
                + "/nvpair[@id='vip-enduser-instance_attributes-ip']";
        assertThat(m.edits()).singleElement().satisfies(e -> {
            assertThat(e.operation()).isEqualTo("modify");
            assertThat(e.path()).isEqualTo(nv);
            assertThat(e.attributes()).containsExactly(Map.entry("id", "vip-enduser-instance_attributes-ip"), Map.entry("name", "ip"),
                    Map.entry("value", "10.30.30.11"));
        });
        assertThat(p.toXml()).contains("<change operation=\"modify\" path=\"" + nv.replace("'", "&apos;") + "\">",
                "<change-attr name=\"value\" operation=\"set\" value=\"10.30.30.11\"/>",
                "<nvpair id=\"vip-enduser-instance_attributes-ip\" name=\"ip\" value=\"10.30.30.11\"/>");
        assertThat(onlyReplace(p, desired, "resources")).startsWith("<group id=\"san-services\">").contains("value=\"10.30.30.11\"");
    }

    @Test
    void opTimeoutChanged_modifiesThatOpOnly_andEqualDurationsAreNoChange() {
        Cib live = generatedLive();
        Primitive pool = pool(live.configuration());
        List<Operation> ops = new ArrayList<>();
        for (Operation o : pool.operations()) {
            ops.add(o.name().equals("start") ? Operation.of("some-other-id", "start", "0", "200s")
                    : o.name().equals("stop") ? Operation.of(o.id(), "stop", "0s", "90000ms") : o);
        }
        Configuration desired = replace(live.configuration(), withOps(pool, ops));
        CibPatch p = CibPatch.between(live, desired);
        CibChange.Modify m = onlyModify(p, "zfs-pool");
        assertThat(m.edits()).singleElement().satisfies(e -> {
            assertThat(e.operation()).isEqualTo("modify");
            assertThat(e.path()).isEqualTo(RES + "/primitive[@id='zfs-pool']/operations/op[@id='zfs-pool-start-interval-0s']");
            assertThat(e.attributes()).containsEntry("timeout", "200s").containsEntry("id", "zfs-pool-start-interval-0s").containsEntry("interval", "0s");
        });
        assertThat(m.describe()).isEqualTo("modify resource zfs-pool in place (modify op[@id='zfs-pool-start-interval-0s'])");
        assertThat(onlyReplace(p, desired, "resources")).startsWith("<primitive id=\"zfs-pool\"").contains("timeout=\"200s\"");
    }

    @Test
    void opAdded_createsThatOpUnderOperations() throws Exception {
        Cib live = generatedLive();
        Primitive pool = pool(live.configuration());
        List<Operation> ops = new ArrayList<>(pool.operations());
        ops.add(0, Operation.of("zfs-pool-monitor-interval-60s", "monitor", "60s", "120s"));
        Configuration desired = replace(live.configuration(), withOps(pool, ops));
        CibPatch p = CibPatch.between(live, desired);
        CibChange.Modify m = onlyModify(p, "zfs-pool");
        assertThat(m.edits()).singleElement().satisfies(e -> {
            assertThat(e.operation()).isEqualTo("create");
            assertThat(e.path()).isEqualTo(RES + "/primitive[@id='zfs-pool']/operations");
            assertThat(e.position()).isEqualTo(3);
            assertThat(e.xml()).isEqualTo("<op id=\"zfs-pool-monitor-interval-60s\" name=\"monitor\" interval=\"60s\" timeout=\"120s\"/>\n");
        });
        assertThat(p.toXml()).contains("<change operation=\"create\" path=\"/cib/configuration/resources/primitive[@id=&apos;zfs-pool&apos;]/operations\" position=\"3\">");
        // the real cibadmin applies it: the new op is the pool's 4th, with its interval and timeout
        Cib after = appliedByRealCibadmin(live, desired, p);
        assertThat(pool(after.configuration()).operations()).extracting(Operation::id, Operation::interval, Operation::timeout).containsExactly(
                org.assertj.core.groups.Tuple.tuple("zfs-pool-start-interval-0s", "0s", "150s"),
                org.assertj.core.groups.Tuple.tuple("zfs-pool-stop-interval-0s", "0s", "90s"),
                org.assertj.core.groups.Tuple.tuple("zfs-pool-monitor-interval-10s", "10s", null),
                org.assertj.core.groups.Tuple.tuple("zfs-pool-monitor-interval-60s", "60s", "120s"));
    }

    @Test
    void recurringOpRemoved_deletesThatOp_butIntervalZeroOpsPcsAddedAreKept() throws Exception {
        Cib live = generatedLive();
        Primitive pool = pool(live.configuration());
        Configuration desired = replace(live.configuration(), withOps(pool, List.of()));
        CibPatch patch = CibPatch.between(live, desired);
        // the pool is left unmonitored: a finding, and listed so a caller refuses it like a deletion
        assertThat(patch.findings()).extracting(CibFinding::describe).containsExactly("DELETES monitor of zfs-pool every 10 s: its failures are no longer seen (no monitor left)");
        assertThat(patch.findings()).singleElement().extracting(CibFinding::kind, CibFinding::resource)
                .containsExactly(CibFinding.Kind.DELETES_MONITOR, "zfs-pool");
        assertThat(patch.unmonitoredResources()).containsExactly("zfs-pool");
        CibPatch withoutFindings = new CibPatch(patch.basedOn(), patch.rootAttributes(), patch.changes(), patch.deletedResources(), List.of(),
                List.of(), patch.secrets());
        CibChange.Modify m = onlyModify(withoutFindings, "zfs-pool");
        assertThat(m.edits()).singleElement().satisfies(e -> {
            assertThat(e.operation()).isEqualTo("delete");
            assertThat(e.path()).isEqualTo(RES + "/primitive[@id='zfs-pool']/operations/op[@id='zfs-pool-monitor-interval-10s']");
        });
        // the real cibadmin applies it: only the monitor is gone
        Cib after = appliedByRealCibadmin(live, desired, patch);
        assertThat(pool(after.configuration()).operations()).extracting(Operation::id)
                .containsExactly("zfs-pool-start-interval-0s", "zfs-pool-stop-interval-0s");
    }

    @Test
    void metaChanged_modifiesTheNvpair_metaAdded_createsTheSet_operatorTargetRoleKept() {
        Cib base = generatedLive();
        Configuration liveConf = replace(base.configuration(), withMeta(pool(base.configuration()), "migration-threshold", "3"));
        Cib live = new Cib(base.version(), base.validateWith(), base.rootAttributes(), liveConf, List.of(), List.of());
        Configuration desired = replace(liveConf, withMeta(pool(liveConf), "migration-threshold", "5"));
        CibPatch p = CibPatch.between(live, desired);
        assertThat(onlyModify(p, "zfs-pool").edits()).singleElement().satisfies(e -> {
            assertThat(e.operation()).isEqualTo("modify");
            assertThat(e.path()).isEqualTo(RES + "/primitive[@id='zfs-pool']/meta_attributes[@id='zfs-pool-meta_attributes']"
                    + "/nvpair[@id='zfs-pool-meta_attributes-migration-threshold']");
            assertThat(e.attributes()).containsEntry("value", "5");
        });
        // a meta set the live primitive does not have yet: created as a child of the primitive
        CibPatch add = CibPatch.between(base, desired);
        assertThat(onlyModify(add, "zfs-pool").edits()).singleElement().satisfies(e -> {
            assertThat(e.operation()).isEqualTo("create");
            assertThat(e.path()).isEqualTo(RES + "/primitive[@id='zfs-pool']");
            assertThat(e.position()).isEqualTo(1);
            assertThat(e.xml()).startsWith("<meta_attributes id=\"zfs-pool-meta_attributes\">");
        });
        // pcs resource disable left target-role=Stopped: operator state, not removed by a desired set that omits it
        Configuration disabled = replace(base.configuration(), withMeta(pool(base.configuration()), "target-role", "Stopped"));
        Cib liveDisabled = new Cib(base.version(), base.validateWith(), base.rootAttributes(), disabled, List.of(), List.of());
        assertThat(CibPatch.between(liveDisabled, base.configuration(), PatchOption.PRUNE).isEmpty()).isTrue();
    }

    @Test
    void constraintScoreChanged_modifiesTheConstraintAttributes() throws Exception {
        Cib live = generatedLive();
        List<Constraint> cons = new ArrayList<>();
        for (Constraint c : live.configuration().constraints()) {
            cons.add(c.id().equals("location-zfs-pool-storage-a-100")
                    ? new LocationConstraint(c.id(), "zfs-pool", null, "storage-a", "50", null, null, List.of(), List.of()) : c);
        }
        assertThat(cons).isNotEqualTo(live.configuration().constraints());
        Configuration desired = withConstraints(live.configuration(), cons);
        CibPatch p = CibPatch.between(live, desired, PatchOption.PRUNE);
        CibChange.Modify m = onlyModify(p, "location-zfs-pool-storage-a-100");
        assertThat(m.section()).isEqualTo(CibChange.Section.CONSTRAINTS);
        assertThat(m.edits()).singleElement().satisfies(e -> {
            assertThat(e.operation()).isEqualTo("modify");
            assertThat(e.path()).isEqualTo("/cib/configuration/constraints/rsc_location[@id='location-zfs-pool-storage-a-100']");
            assertThat(e.attributes()).containsExactly(Map.entry("id", "location-zfs-pool-storage-a-100"), Map.entry("rsc", "zfs-pool"),
                    Map.entry("node", "storage-a"), Map.entry("score", "50"));
        });
        assertThat(p.toXml()).contains("<change-result>\n      <rsc_location id=\"location-zfs-pool-storage-a-100\" rsc=\"zfs-pool\" node=\"storage-a\" score=\"50\"/>");
        assertThat(onlyReplace(p, desired, "constraints")).isEqualTo(
                "<rsc_location id=\"location-zfs-pool-storage-a-100\" rsc=\"zfs-pool\" node=\"storage-a\" score=\"50\"/>\n");
        // the real cibadmin applies it: score 50, every other constraint as it was, in the same order
        Cib after = appliedByRealCibadmin(live, desired, p);
        assertThat(after.configuration().constraints()).isEqualTo(cons);
        assertThat(after.configuration().constraints(LocationConstraint.class)).filteredOn(l -> l.id().equals("location-zfs-pool-storage-a-100"))
                .extracting(LocationConstraint::score).containsExactly("50");
    }

    @Test
    void groupMemberAdded_createsItInTheGroupAtItsPosition() {
        Cib live = generatedLive();
        Group g = services(live.configuration());
        List<Primitive> members = new ArrayList<>(g.members());
        members.add(Primitive.builder("iscsi-target", org.sansdk.pacemaker.cib.ResourceAgent.parse("systemd:target")).op("monitor", "60s", null).build());
        Configuration desired = replace(live.configuration(), new Group(g.id(), g.metaAttributes(), members));
        CibPatch p = CibPatch.between(live, desired, PatchOption.PRUNE);
        assertThat(onlyModify(p, "san-services").edits()).singleElement().satisfies(e -> {
            assertThat(e.operation()).isEqualTo("create");
            assertThat(e.path()).isEqualTo(RES + "/group[@id='san-services']");
            assertThat(e.position()).isEqualTo(3);
            assertThat(e.xml()).startsWith("<primitive id=\"iscsi-target\" class=\"systemd\" type=\"target\">");
        });
    }

    @Test
    void groupMembersReordered_movesThem_andSaysTheStartOrderChanges() {
        Cib live = generatedLive();
        Group g = services(live.configuration());
        List<Primitive> members = new ArrayList<>(g.members());
        java.util.Collections.swap(members, 1, 2);
        Configuration desired = replace(live.configuration(), new Group(g.id(), g.metaAttributes(), members));
        CibPatch p = CibPatch.between(live, desired, PatchOption.PRUNE);
        assertThat(p.changes()).singleElement().isInstanceOf(CibChange.Modify.class);
        assertThat(((CibChange.Modify) p.changes().get(0)).edits()).extracting(e -> e.operation() + " " + e.path() + " " + e.position())
                .containsExactly(
                        "move " + RES + "/group[@id='san-services']/primitive[@id='vip-enduser'] 0",
                        "move " + RES + "/group[@id='san-services']/primitive[@id='smb-server'] 1",
                        "move " + RES + "/group[@id='san-services']/primitive[@id='nfs-server'] 2");
        assertThat(p.findings()).extracting(CibFinding::describe).containsExactly("REORDERS group san-services [vip-enduser, nfs-server, smb-server] -> "
                + "[vip-enduser, smb-server, nfs-server]: the start order changes");
        assertThat(p.deletedResources()).isEmpty();
    }

    @Test
    void resourceMissingFromDesired_withPrune_isDeletedLoudly_andThePoolOnlyWhenAllowed() {
        Cib live = generatedLive();
        Configuration c = live.configuration();
        Group g = services(c);
        Configuration withoutSmb = replace(c, new Group(g.id(), g.metaAttributes(), g.members().subList(0, 2)));
        CibPatch p = CibPatch.between(live, withoutSmb, PatchOption.PRUNE);
        assertThat(p.deletesResources()).isTrue();
        assertThat(p.deletedResources()).containsExactly("smb-server");
        assertThat(p.findings()).singleElement().asString().startsWith("DELETES resource smb-server");
        assertThat(((CibChange.Modify) p.changes().get(0)).edits()).extracting(CibChange.Edit::operation).containsExactly("delete");

        List<Resource> noPool = new ArrayList<>(c.resources());
        noPool.removeIf(r -> r.id().equals("zfs-pool"));
        Configuration desiredNoPool = c.toBuilder().resources(noPool).build();
        assertThatThrownBy(() -> CibPatch.between(live, desiredNoPool, PatchOption.PRUNE)).isInstanceOf(SanException.class)
                .hasMessageContaining("refusing to plan the deletion of zfs-pool");
        // without prune the pool is simply kept
        assertThat(CibPatch.between(live, desiredNoPool).isEmpty()).isTrue();
        CibPatch allowed = CibPatch.between(live, desiredNoPool, PatchOption.PRUNE, PatchOption.ALLOW_POOL_DELETION);
        assertThat(allowed.deletedResources()).containsExactly("zfs-pool");
        assertThat(allowed.findings()).singleElement().asString().startsWith("DELETES resource zfs-pool");
        assertThat(allowed.pcsCommands(desiredNoPool, Pcs.live())).extracting(Command::argv)
                .containsExactly(List.of("pcs", "resource", "delete", "zfs-pool", "--force"));
    }
}
