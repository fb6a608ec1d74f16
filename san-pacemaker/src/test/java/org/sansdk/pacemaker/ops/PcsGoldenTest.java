package org.sansdk.pacemaker.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sansdk.core.Command;
import org.sansdk.pacemaker.Tools;
import org.sansdk.pacemaker.cib.Cib;
import org.sansdk.pacemaker.cib.CibParser;
import org.sansdk.pacemaker.cib.CibWriter;
import org.sansdk.pacemaker.cib.Configuration;
import org.sansdk.pacemaker.cib.Constraint;
import org.sansdk.pacemaker.cib.Group;
import org.sansdk.pacemaker.cib.Node;
import org.sansdk.pacemaker.cib.NvPair;
import org.sansdk.pacemaker.cib.NvSet;
import org.sansdk.pacemaker.cib.Operation;
import org.sansdk.pacemaker.cib.Primitive;
import org.sansdk.pacemaker.cib.Resource;
import org.sansdk.pacemaker.design.FencingDevice;
import org.sansdk.pacemaker.design.SanResourceSpec;
import org.sansdk.pacemaker.design.SanResourceSet;
import org.sansdk.pacemaker.design.SanService;

/**
 * Golden test: our pcs argv lists, run by the real {@code pcs -f} on an empty CIB, give the same configuration as
 * our own CIB XML (ignoring epoch/num_updates/cib-last-written, nvpair/op order, and the default operations pcs adds).
 */
class PcsGoldenTest {

    /**
     * Operations pcs 0.11 adds from agent metadata when the command does not name them: IPaddr2's start and stop
     * (timeout 20s). Our model leaves them to the agent defaults.
     */
    static final Set<String> PCS_DEFAULT_OPS = Set.of(
            "vip-enduser-start-interval-0s", "vip-enduser-stop-interval-0s",
            "vip-cockpit-start-interval-0s", "vip-cockpit-stop-interval-0s");

    @Test
    void pcsCommands_runByRealPcs_giveOurConfiguration(@TempDir Path dir) throws Exception {
        SanResourceSpec d = SanResourceSpec.builder()
                .vip("enduser", "10.30.30.10/24", "eth-enduser")
                .services(SanService.NFS, SanService.SMB)
                .cockpit("10.20.20.10/24", "eth-mgmt")
                .fencing(FencingDevice.of("storage-a", "fence_dummy", java.util.Map.of()))
                .fencing(FencingDevice.of("storage-b", "fence_dummy", java.util.Map.of()))
                .build();
        Configuration ours = SanResourceSet.configuration(d);

        Path cib = dir.resolve("pcs.xml");
        Files.writeString(cib, Tools.runOk(Command.of("cibadmin", "--empty")).stdout());
        for (Node n : ours.nodes()) {
            Tools.runOk(Command.builder("cibadmin").args("-C", "-o", "nodes", "-X",
                    "<node id=\"" + n.id() + "\" uname=\"" + n.uname() + "\"/>").env("CIB_file", cib.toString()).build());
        }
        for (Command c : SanResourceSet.pcsCommands(d, Pcs.file(cib))) {
            Tools.runOk(c);
        }
        Cib fromPcs = CibParser.parse("pcs -f", Files.readString(cib));
        Cib fromUs = CibParser.parse("ours", CibWriter.toXml(Cib.of(ours)));

        List<Operation> added = new ArrayList<>();
        Configuration pcsNormal = normalize(fromPcs.configuration(), added);
        assertThat(added).extracting(Operation::id).containsExactlyInAnyOrderElementsOf(PCS_DEFAULT_OPS);
        assertThat(added).allSatisfy(o -> assertThat(o.timeout()).isEqualTo("20s"));
        assertThat(pcsNormal).isEqualTo(normalize(fromUs.configuration(), new ArrayList<>()));
        assertThat(fromPcs.validateWith()).isEqualTo(fromUs.validateWith());
    }

    @Test
    void ipmiFencingDevice_acceptedByRealPcsAgentMetadata_withPasswordRedactedInArgvText(@TempDir Path dir) throws Exception {
        FencingDevice ipmi = FencingDevice.ipmi("storage-a", "10.20.20.101", "bmcadmin", org.sansdk.core.Secret.of("s3cret-bmc"));
        Configuration ours = SanResourceSet.configuration(SanResourceSpec.builder().vip("enduser", "10.30.30.10/24", "eth0")
                .fencing(ipmi).fencing(FencingDevice.of("storage-b", "fence_dummy", java.util.Map.of())).build());
        Primitive dev = (Primitive) ours.resource("fence-storage-a").orElseThrow();
        // explicit opt-in (a throwaway test password): the default path would use cibadmin, which does not check parameters
        Command create = Pcs.file(dir.resolve("ipmi.xml")).withSecretsOnArgv().create(dev);
        assertThat(create.toString()).doesNotContain("s3cret-bmc").contains("password=****");
        Path cib = dir.resolve("ipmi.xml");
        Files.writeString(cib, Tools.runOk(Command.of("cibadmin", "--empty")).stdout());
        // pcs checks every parameter name against fence_ipmilan's installed metadata (rc 1 on an unknown one)
        Tools.runOk(create);
        Primitive fromPcs = (Primitive) CibParser.parse("pcs", Files.readString(cib)).configuration().resource("fence-storage-a").orElseThrow();
        assertThat(CibWriter.resourceXml(normalize(fromPcs, new ArrayList<>()))).isEqualTo(CibWriter.resourceXml(normalize(dev, new ArrayList<>())));
        assertThat(fromPcs.param("password")).contains("s3cret-bmc");
    }

    /** Operations pcs adds to ocf:pacemaker:Dummy and Stateful from their metadata when the command names only monitors. */
    static final Set<String> PCS_DEFAULT_CLONE_OPS = Set.of(
            "d-migrate_from-interval-0s", "d-migrate_to-interval-0s", "d-reload-interval-0s", "d-reload-agent-interval-0s",
            "d-start-interval-0s", "d-stop-interval-0s",
            "s-demote-interval-0s", "s-notify-interval-0s", "s-promote-interval-0s", "s-reload-agent-interval-0s",
            "s-start-interval-0s", "s-stop-interval-0s");

    @Test
    void clones_runByRealPcs_giveOurCloneAndPromotableElements(@TempDir Path dir) throws Exception {
        Primitive d = Primitive.builder("d", org.sansdk.pacemaker.cib.ResourceAgent.parse("ocf:pacemaker:Dummy")).op("monitor", "10s", null).build();
        Primitive s = new Primitive("s", org.sansdk.pacemaker.cib.ResourceAgent.parse("ocf:pacemaker:Stateful"), null, null, List.of(), List.of(),
                List.of(), List.of(
                        new Operation("s-monitor-interval-10s", "monitor", "10s", null, "Promoted", null, java.util.Map.of(), List.of()),
                        new Operation("s-monitor-interval-11s", "monitor", "11s", null, "Unpromoted", null, java.util.Map.of(), List.of())),
                List.of());
        org.sansdk.pacemaker.cib.Clone dClone = new org.sansdk.pacemaker.cib.Clone("d-clone", false, List.of(NvSet.of("meta_attributes",
                "d-clone-meta_attributes", List.of(new NvPair("d-clone-meta_attributes-interleave", "interleave", "true")))), d);
        org.sansdk.pacemaker.cib.Clone sClone = new org.sansdk.pacemaker.cib.Clone("s-clone", false, List.of(NvSet.of("meta_attributes",
                "s-clone-meta_attributes", List.of(new NvPair("s-clone-meta_attributes-notify", "notify", "true"),
                        new NvPair("s-clone-meta_attributes-promotable", "promotable", "true")))), s);
        Configuration ours = Configuration.builder().resources(List.of(dClone, sClone)).build();
        Path cib = dir.resolve("clones.xml");
        Files.writeString(cib, Tools.runOk(Command.of("cibadmin", "--empty")).stdout());
        List<Command> cmds = Pcs.file(cib).commandsFor(ours);
        assertThat(cmds).extracting(c -> c.argv().subList(3, c.argv().size())).contains(
                List.of("resource", "clone", "d", "d-clone", "interleave=true"),
                List.of("resource", "promotable", "s", "s-clone", "notify=true"));
        for (Command c : cmds) {
            Tools.runOk(c);
        }
        Configuration fromPcs = CibParser.parse("pcs -f", Files.readString(cib)).configuration();
        List<Operation> added = new ArrayList<>();
        assertThat(normalizeClones(fromPcs, added)).isEqualTo(normalizeClones(CibParser.parse("ours", CibWriter.toXml(Cib.of(ours))).configuration(),
                new ArrayList<>()));
        assertThat(added).extracting(Operation::id).containsExactlyInAnyOrderElementsOf(PCS_DEFAULT_CLONE_OPS);
        assertThat(((org.sansdk.pacemaker.cib.Clone) fromPcs.resource("s-clone").orElseThrow()).isPromotable()).isTrue();
    }

    private static Configuration normalizeClones(Configuration c, List<Operation> dropped) {
        List<Resource> res = new ArrayList<>();
        for (Resource r : c.resources()) {
            org.sansdk.pacemaker.cib.Clone cl = (org.sansdk.pacemaker.cib.Clone) r;
            Primitive p = (Primitive) cl.child();
            List<Operation> ops = new ArrayList<>();
            for (Operation o : p.operations()) {
                if (PCS_DEFAULT_CLONE_OPS.contains(o.id())) {
                    dropped.add(o);
                } else {
                    ops.add(o);
                }
            }
            ops.sort(Comparator.comparing(Operation::id));
            res.add(new org.sansdk.pacemaker.cib.Clone(cl.id(), cl.legacyMaster(), sets(cl.metaAttributes()),
                    new Primitive(p.id(), p.agent(), p.template(), p.description(), sets(p.instanceAttributes()), sets(p.metaAttributes()),
                            sets(p.utilization()), ops, p.unknown(), p.operationsAttributes()), cl.other(), cl.unknown()));
        }
        return c.toBuilder().resources(res).build();
    }

    private static Configuration normalize(Configuration c, List<Operation> droppedDefaults) {
        List<Resource> res = new ArrayList<>();
        for (Resource r : c.resources()) {
            if (r instanceof Primitive p) {
                res.add(normalize(p, droppedDefaults));
            } else if (r instanceof Group g) {
                res.add(new Group(g.id(), sets(g.metaAttributes()), g.members().stream().map(m -> normalize(m, droppedDefaults)).toList(),
                        g.other(), g.unknown()));
            } else {
                res.add(r);
            }
        }
        List<Constraint> cons = new ArrayList<>(c.constraints());
        cons.sort(Comparator.comparing(Constraint::id));
        return c.toBuilder().crmConfig(sets(c.crmConfig())).resources(res).constraints(cons).rscDefaults(sets(c.rscDefaults())).opDefaults(sets(c.opDefaults())).build();
    }

    private static Primitive normalize(Primitive p, List<Operation> droppedDefaults) {
        List<Operation> ops = new ArrayList<>();
        for (Operation o : p.operations()) {
            if (PCS_DEFAULT_OPS.contains(o.id())) {
                droppedDefaults.add(o);
            } else {
                ops.add(o);
            }
        }
        ops.sort(Comparator.comparing(Operation::id));
        return new Primitive(p.id(), p.agent(), p.template(), p.description(), sets(p.instanceAttributes()), sets(p.metaAttributes()),
                sets(p.utilization()), ops, p.unknown(), p.operationsAttributes());
    }

    private static List<NvSet> sets(List<NvSet> sets) {
        return sets.stream().map(s -> {
            List<NvPair> pairs = new ArrayList<>(s.pairs());
            pairs.sort(Comparator.comparing(NvPair::name));
            return new NvSet(s.kind(), s.id(), s.idRef(), s.score(), s.rule(), pairs);
        }).toList();
    }
}
