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
import org.sansdk.pacemaker.design.SanClusterDesign;
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
        SanClusterDesign d = SanClusterDesign.builder()
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

    private static Configuration normalize(Configuration c, List<Operation> droppedDefaults) {
        List<Resource> res = new ArrayList<>();
        for (Resource r : c.resources()) {
            if (r instanceof Primitive p) {
                res.add(normalize(p, droppedDefaults));
            } else if (r instanceof Group g) {
                res.add(new Group(g.id(), sets(g.metaAttributes()), g.members().stream().map(m -> normalize(m, droppedDefaults)).toList()));
            } else {
                res.add(r);
            }
        }
        List<Constraint> cons = new ArrayList<>(c.constraints());
        cons.sort(Comparator.comparing(Constraint::id));
        return new Configuration(sets(c.crmConfig()), c.nodes(), res, cons, c.fencingTopology(), sets(c.rscDefaults()),
                sets(c.opDefaults()), c.tags(), c.alerts(), c.acls(), c.unknown());
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
                sets(p.utilization()), ops, p.unknown());
    }

    private static List<NvSet> sets(List<NvSet> sets) {
        return sets.stream().map(s -> {
            List<NvPair> pairs = new ArrayList<>(s.pairs());
            pairs.sort(Comparator.comparing(NvPair::name));
            return new NvSet(s.kind(), s.id(), s.idRef(), s.score(), s.rule(), pairs);
        }).toList();
    }
}
