package org.sansdk.pacemaker.design;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sansdk.core.Command;
import org.sansdk.pacemaker.Tools;
import org.sansdk.pacemaker.cib.Cib;
import org.sansdk.pacemaker.cib.CibWriter;
import org.sansdk.pacemaker.cib.Configuration;
import org.sansdk.pacemaker.cib.Group;
import org.sansdk.pacemaker.ops.Pcs;
import org.sansdk.pacemaker.sim.CrmSimulate;
import org.sansdk.pacemaker.sim.CrmSimulateParser;
import org.sansdk.pacemaker.sim.Simulation;
import org.sansdk.pacemaker.sim.VerifyResult;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * {@link ServiceOrdering#BY_DEPENDENCY} with the real scheduler: the CIB passes crm_verify, everything still starts
 * on the preferred node and moves as one on standby, and the transition graph Pacemaker computes (crm_simulate -G)
 * lets each service wait only for what it needs: the pool and every VIP (they listen on the VIPs), not each other.
 */
class ServiceOrderingSimulationTest {

    @TempDir
    Path dir;

    private Path write(ServiceOrdering ordering) throws Exception {
        Configuration conf = SanResourceSet.configuration(DesignFixtures.documentExample().build(), ordering);
        Path base = dir.resolve(ordering.key() + ".xml");
        Files.writeString(base, CibWriter.toXml(Cib.of(conf)));
        Path online = dir.resolve(ordering.key() + "-online.xml");
        Files.writeString(online, CibWriter.toXml(Cib.of(conf).withAllNodesOnline()));
        VerifyResult r = VerifyResult.of(Tools.run(VerifyResult.command(online)));
        assertThat(r.outcome()).as("crm_verify: %s", r.messages()).isEqualTo(VerifyResult.Outcome.VALID);
        return base;
    }

    /** For each start action on {@code node}: the start actions (any node) it waits for, from the transition graph. */
    private Map<String, List<String>> startInputs(Path before, String node) throws Exception {
        Path graph = dir.resolve("graph-" + before.getFileName());
        Tools.runOk(Command.of("crm_simulate", "-x", before.toString(), "-S", "-G", graph.toString()));
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        Document d = f.newDocumentBuilder().parse(graph.toFile());
        Map<String, List<String>> out = new LinkedHashMap<>();
        NodeList synapses = d.getElementsByTagName("synapse");
        for (int i = 0; i < synapses.getLength(); i++) {
            Element syn = (Element) synapses.item(i);
            Element set = (Element) syn.getElementsByTagName("action_set").item(0);
            Element op = (Element) set.getElementsByTagName("rsc_op").item(0);
            if (op == null || !"start".equals(op.getAttribute("operation")) || !node.equals(op.getAttribute("on_node"))) {
                continue;
            }
            String rsc = op.getAttribute("operation_key").replaceAll("_start_0$", "");
            List<String> waits = new ArrayList<>();
            NodeList inputs = syn.getElementsByTagName("inputs");
            if (inputs.getLength() > 0) {
                NodeList ops = ((Element) inputs.item(0)).getElementsByTagName("rsc_op");
                for (int j = 0; j < ops.getLength(); j++) {
                    Element in = (Element) ops.item(j);
                    if ("start".equals(in.getAttribute("operation"))) {
                        waits.add(in.getAttribute("operation_key").replaceAll("_start_0$", ""));
                    }
                }
            }
            out.put(rsc, waits);
        }
        return out;
    }

    @Test
    void byDependency_verifies_startsEverythingOnThePreferredNode_andEachServiceWaitsOnlyForWhatItNeeds() throws Exception {
        Path base = write(ServiceOrdering.BY_DEPENDENCY);
        Path up = dir.resolve("up.xml");
        Simulation s = CrmSimulateParser.parse("crm_simulate", Tools.runOk(CrmSimulate.on(base).withQuorum().nodeUp("storage-a")
                .nodeUp("storage-b").nodeUp("quorum").saveTo(up).toCommand()).stdout());
        for (String r : List.of("zfs-pool", "vip-enduser", "vip-hypervisor", "sync-iscsi-luns", "nfs-server", "smb-server")) {
            assertThat(s.after().orElseThrow().runningOn(r)).as(r).containsExactly("storage-a");
        }
        // standby of storage-a: what does each start on storage-b wait for?
        Tools.runOk(Pcs.file(up).nodeStandby("storage-a"));
        Map<String, List<String>> waits = startInputs(up, "storage-b");
        assertThat(waits.get("vip-enduser")).containsExactly("zfs-pool");
        assertThat(waits.get("vip-hypervisor")).containsExactly("zfs-pool");
        assertThat(waits.get("nfs-server")).containsExactlyInAnyOrder("zfs-pool", "vip-enduser", "vip-hypervisor");
        assertThat(waits.get("smb-server")).containsExactlyInAnyOrder("zfs-pool", "vip-enduser", "vip-hypervisor");
        assertThat(waits.get("sync-iscsi-luns")).containsExactlyInAnyOrder("zfs-pool", "vip-enduser", "vip-hypervisor");
    }

    @Test
    void group_makesEachServiceWaitForTheOneBeforeIt() throws Exception {
        Path base = write(ServiceOrdering.GROUP);
        Path up = dir.resolve("up.xml");
        Tools.runOk(CrmSimulate.on(base).withQuorum().nodeUp("storage-a").nodeUp("storage-b").nodeUp("quorum").saveTo(up).toCommand());
        Tools.runOk(Pcs.file(up).nodeStandby("storage-a"));
        Map<String, List<String>> waits = startInputs(up, "storage-b");
        // the group's members in order: each start waits for the member before it
        assertThat(waits.get("nfs-server")).contains("sync-iscsi-luns");
        assertThat(waits.get("smb-server")).contains("nfs-server");
        assertThat(waits.get("vip-hypervisor")).contains("vip-enduser");
    }

    @Test
    void byDependency_hasNoServiceGroup_andKeepsTheIntent() {
        Configuration conf = SanResourceSet.configuration(DesignFixtures.documentExample().build(), ServiceOrdering.BY_DEPENDENCY);
        assertThat(conf.resources()).noneMatch(r -> r instanceof Group g && g.id().equals(SanResourceSet.SERVICES));
        assertThat(SanResourceSet.checkIntent(conf, List.of("storage-a", "storage-b"), "quorum", "zfs-pool")).isEmpty();
    }
}
