package org.sansdk.pacemaker.status;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.sansdk.core.ParseException;
import org.sansdk.pacemaker.Fixtures;
import org.sansdk.pacemaker.Tools;
import org.sansdk.pacemaker.ops.Pcs;

class CrmMonParserTest {

    static List<String> corpus() {
        return Fixtures.list("crm_mon");
    }

    private static ClusterStatus mon(String file) {
        return CrmMonParser.parse(file, Fixtures.read("crm_mon/" + file));
    }

    @ParameterizedTest
    @MethodSource("corpus")
    void parse_everyCorpusOutput_nodesAndResourcesEqualTheJdkDomReading(String file) throws Exception {
        // oracle: the JDK's DOM on the same file (not our parser): each node's name/online/standby/unclean/maintenance,
        // each primitive's id, role and nodes, in document order
        String text = Fixtures.read("crm_mon/" + file);
        ClusterStatus s = CrmMonParser.parse(file, text);
        javax.xml.parsers.DocumentBuilderFactory f = javax.xml.parsers.DocumentBuilderFactory.newInstance();
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        org.w3c.dom.Element root = f.newDocumentBuilder().parse(new org.xml.sax.InputSource(new java.io.StringReader(text))).getDocumentElement();
        java.util.List<String> domNodes = new java.util.ArrayList<>();
        java.util.List<String> domResources = new java.util.ArrayList<>();
        for (org.w3c.dom.Node c = root.getFirstChild(); c != null; c = c.getNextSibling()) {
            if (c instanceof org.w3c.dom.Element e && e.getTagName().equals("nodes")) {
                for (org.w3c.dom.Node n = e.getFirstChild(); n != null; n = n.getNextSibling()) {
                    if (n instanceof org.w3c.dom.Element ne && ne.getTagName().equals("node")) {
                        domNodes.add(ne.getAttribute("name") + " online=" + ne.getAttribute("online") + " standby=" + ne.getAttribute("standby")
                                + " unclean=" + ne.getAttribute("unclean") + " maintenance=" + ne.getAttribute("maintenance"));
                    }
                }
            } else if (c instanceof org.w3c.dom.Element e && e.getTagName().equals("resources")) {
                org.w3c.dom.NodeList rs = e.getElementsByTagName("resource");
                for (int i = 0; i < rs.getLength(); i++) {
                    org.w3c.dom.Element r = (org.w3c.dom.Element) rs.item(i);
                    java.util.List<String> on = new java.util.ArrayList<>();
                    for (org.w3c.dom.Node n = r.getFirstChild(); n != null; n = n.getNextSibling()) {
                        if (n instanceof org.w3c.dom.Element ne && ne.getTagName().equals("node")) {
                            on.add(ne.getAttribute("name"));
                        }
                    }
                    domResources.add(r.getAttribute("id") + " role=" + r.getAttribute("role") + " on=" + on);
                }
            }
        }
        assertThat(s.nodes()).extracting(n -> n.name() + " online=" + n.online() + " standby=" + n.standby() + " unclean=" + n.unclean()
                + " maintenance=" + n.maintenance()).containsExactlyElementsOf(domNodes);
        assertThat(s.primitives()).extracting(r -> r.id() + " role=" + r.role().orElse("") + " on=" + r.nodes())
                .containsExactlyElementsOf(domResources);
    }

    @Test
    void parse_basic_readsSummaryNodesResourcesAndHistory() {
        ClusterStatus s = mon("pcmk-cli-basic.xml");
        Summary sum = s.summary().orElseThrow();
        assertThat(sum.stack()).isEqualTo("corosync");
        assertThat(sum.dcName()).isEqualTo("cluster02");
        assertThat(sum.withQuorum()).isTrue();
        assertThat(sum.nodesConfigured()).isEqualTo(5);
        assertThat(sum.resourcesConfigured()).isEqualTo(32);
        assertThat(sum.resourcesDisabled()).isEqualTo(4);
        assertThat(sum.clusterOptions()).containsEntry("no-quorum-policy", "stop").containsEntry("stonith-timeout-ms", "60000");
        MonNode c2 = s.node("cluster02").orElseThrow();
        assertThat(c2.dc()).isTrue();
        assertThat(c2.resourcesRunning()).isEqualTo(9);
        assertThat(s.node("httpd-bundle-2").orElseThrow().online()).isFalse();
        assertThat(s.runningOn("Fencing")).containsExactly("cluster01");
        assertThat(s.runningOn("ping")).containsExactlyInAnyOrder("cluster01", "cluster02");
        MonResource promotable = s.resources().stream().filter(r -> r.id().equals("promotable-clone")).findFirst().orElseThrow();
        assertThat(promotable.kind()).isEqualTo(MonResource.Kind.CLONE);
        assertThat(promotable.children()).extracting(r -> r.role().orElseThrow())
                .containsExactly("Promoted", "Unpromoted", "Stopped", "Stopped", "Stopped");
        MonResource bundle = s.resources().stream().filter(r -> r.id().equals("httpd-bundle")).findFirst().orElseThrow();
        assertThat(bundle.children()).hasSize(3).allMatch(r -> r.kind() == MonResource.Kind.REPLICA);
        assertThat(s.nodeAttributes().get("cluster01")).containsEntry("location", "office").containsEntry("pingd", "1000");
        assertThat(s.history()).contains(new OperationHistory("cluster02", "ping", 12, "monitor", 0, "OK", 10000, 2031));
        assertThat(s.bans()).singleElement().satisfies(b -> assertThat(b).containsEntry("id", "not-on-cluster1").containsEntry("node", "cluster01"));
        assertThat(s.resultCode()).isZero();
        assertThat(s.resultMessage()).isEqualTo("OK");
    }

    @Test
    void parse_partiallyActive_readsFailures() {
        ClusterStatus s = mon("pcmk-cli-partially-active.xml");
        // call="2" interval="0" (no last-rc-change: the regression output strips times)
        assertThat(s.failures()).containsExactly(new Failure("dummy-2_monitor_0", "cluster02", "Unimplemented", "", 3, "monitor", "Done",
                2, 0, null));
    }

    @Test
    void parse_realCrmMonFailure_keepsCallIdIntervalAndLastRcChange() {
        // crm_mon 2.1.5 (CIB_file=) on the scheduler's on_fail_demote3 CIB: a failed 10 s monitor
        ClusterStatus s = mon("real-crm_mon-2.1.5-on_fail_demote3.xml");
        assertThat(s.failures()).containsExactly(new Failure("rsc1_monitor_10000", "rhel7-4", "not running", "", 7, "monitor", "complete",
                20, 10000, "2020-06-16 19:23:21Z"));
    }

    @Test
    void parse_legacyCrmMonFormat_readsDoubleColonAgentsAndTickets() {
        ClusterStatus s = mon("hace-crm_mon-xml-legacy-1.1.18-saphana.xml");
        assertThat(s.apiVersion()).isEqualTo("2.0.0");
        assertThat(s.summary().orElseThrow().dcName()).isEqualTo("node01");
        MonResource hana = s.primitives().stream().filter(r -> r.id().equals("rsc_SAPHana_PRD_HDB00")).findFirst().orElseThrow();
        assertThat(hana.agent()).contains("ocf::suse:SAPHana");
        assertThat(hana.role()).contains("Master");
        assertThat(s.tickets()).isEmpty();
        assertThat(s.history()).anySatisfy(h -> {
            assertThat(h.resource()).isEqualTo("test-stop");
            assertThat(h.call()).isEqualTo(35);
            assertThat(h.task()).isEqualTo("stop");
            assertThat(h.execTimeMs()).isEqualTo(12);
        });
    }

    @Test
    void parse_pcsAllResources_readsTickets() {
        ClusterStatus s = mon("pcs-crm_mon.all_resources.xml");
        assertThat(s.tickets()).containsEntry("custom-ticket1", "revoked").containsEntry("ticket2", "revoked");
    }

    @Test
    void parse_maintenanceNode_isFlagged() {
        ClusterStatus s = mon("pcmk-cli-node-maintenance.xml");
        // from the fixture: cluster02 and httpd-bundle-1 have maintenance="true", httpd-bundle-2 is offline
        assertThat(s.nodes()).extracting(MonNode::name, MonNode::online, MonNode::maintenance).containsExactly(
                org.assertj.core.groups.Tuple.tuple("cluster01", true, false), org.assertj.core.groups.Tuple.tuple("cluster02", true, true),
                org.assertj.core.groups.Tuple.tuple("httpd-bundle-0", true, false), org.assertj.core.groups.Tuple.tuple("httpd-bundle-1", true, true),
                org.assertj.core.groups.Tuple.tuple("httpd-bundle-2", false, false));
    }

    @Test
    void parse_unmanagedOnOfflineNode_reportsManagedFalse() {
        ClusterStatus s = mon("pcmk-cli-unmanaged-offline-node.xml");
        assertThat(s.nodes()).extracting(MonNode::name, MonNode::online).containsExactly(
                org.assertj.core.groups.Tuple.tuple("cluster01", true), org.assertj.core.groups.Tuple.tuple("cluster02", false));
        // from the fixture: all three unmanaged, rsc2 still reported on the offline cluster02
        assertThat(s.primitives()).extracting(MonResource::id, MonResource::managed, r -> r.role().orElseThrow(), MonResource::nodes)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("Fencing", false, "Started", List.of("cluster01")),
                        org.assertj.core.groups.Tuple.tuple("rsc1", false, "Started", List.of("cluster01")),
                        org.assertj.core.groups.Tuple.tuple("rsc2", false, "Started", List.of("cluster02")));
    }

    @Test
    void parse_cibInsteadOfCrmMon_isParseException() {
        assertThatThrownBy(() -> CrmMonParser.parse("x", Fixtures.read("cib/pcs-cib-empty-3.9.xml")))
                .isInstanceOf(ParseException.class).hasMessageContaining("this looks like a CIB");
    }

    static List<String> cibCorpus() {
        return Fixtures.list("cib");
    }

    /**
     * The real crm_mon run on every corpus CIB ({@code CIB_file=F crm_mon -1 --output-as=xml}): its output parses, and
     * every node the CIB configures, as our CIB parser reads it from the same file, is listed with the same
     * online state as the CIB's node_state says (crm_mon and our NodeState.isOnline agree).
     */
    @ParameterizedTest
    @MethodSource("cibCorpus")
    void parse_liveCrmMonOnEveryCorpusCib_listsTheCibsNodesWithTheirState(String file, @TempDir Path dir) throws Exception {
        Path cib = dir.resolve(file);
        String text = Fixtures.read("cib/" + file);
        Files.writeString(cib, text);
        ClusterStatus s = CrmMonParser.parse("crm_mon " + file, Tools.runOk(Pcs.file(cib).crmMon()).stdout());
        assertThat(s.resultCode()).isZero();
        if (file.equals("hace-cibadmin-saphana-sles.xml")) {
            // Pacemaker 2.1.5 refuses this SLES CIB (schema pacemaker-3.0 as 2.1.5 reads it): crm_mon says so inside
            // <status code="0"> and lists nothing; the parser exposes it and the facade throws on it
            assertThat(s.errors()).containsExactly("Could not connect to the CIB: Update does not conform to the configured schema");
            assertThat(s.hasErrors()).isTrue();
            assertThat(s.nodes()).isEmpty();
            return;
        }
        assertThat(s.errors()).isEmpty();
        org.sansdk.pacemaker.cib.Cib parsed = org.sansdk.pacemaker.cib.CibParser.parse(file, text);
        int checked = 0;
        for (org.sansdk.pacemaker.cib.Node n : parsed.configuration().nodes()) {
            if (n.uname() == null || "ping".equals(n.type()) || "remote".equals(n.type())) {
                continue; // a remote node's state comes from its connection resource, not from node_state
            }
            MonNode m = s.node(n.uname()).orElseThrow(() -> new AssertionError(file + ": crm_mon does not list " + n.uname()));
            // crm_mon's online is corosync membership (in_ccm); our NodeState.isOnline() is the stricter "member,
            // controller up, joined", so it implies crm_mon's online and a usable node (not pending, not unclean) in
            // the corpus (crm_mon's pending/unclean also depend on join/expected history: scheduler semantics, not compared)
            parsed.nodeState(n.uname()).ifPresent(st -> {
                boolean member = st.inCcm() != null && !st.inCcm().equals("false") && !st.inCcm().equals("0");
                assertThat(m.online()).as("%s %s online", file, n.uname()).isEqualTo(member);
                if (st.isOnline()) {
                    assertThat(m.online() && !m.pending()).as("%s %s usable", file, n.uname()).isTrue();
                }
            });
            checked++;
        }
        assertThat(checked).as("cluster nodes checked in %s", file).isEqualTo((int) parsed.configuration().nodes().stream()
                .filter(n -> n.uname() != null && !"ping".equals(n.type()) && !"remote".equals(n.type())).count());
    }

    @Test
    void facadeStatus_crmMonErrorWithExitZero_isThrownNotAnEmptyCluster(@TempDir Path dir) throws Exception {
        Path cib = dir.resolve("refused.xml");
        Files.writeString(cib, Fixtures.read("cib/hace-cibadmin-saphana-sles.xml"));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> org.sansdk.pacemaker.Pacemaker.on(Tools.executor()).cibFile(cib).status())
                .isInstanceOf(org.sansdk.core.SanException.class).hasMessageContaining("Could not connect to the CIB");
    }

    @Test
    void parse_liveCrmMonFromCorpusCib_matchesTheCibContents(@TempDir Path dir) throws Exception {
        Path cib = dir.resolve("cib.xml");
        Files.writeString(cib, Fixtures.read("cib/pcmk-cli-crm_mon.xml"));
        String out = Tools.runOk(Pcs.file(cib).crmMon()).stdout();
        ClusterStatus s = CrmMonParser.parse("crm_mon -1 --output-as=xml", out);
        assertThat(s.nodes()).extracting(MonNode::name).contains("cluster01", "cluster02");
        assertThat(s.summary().orElseThrow().dcName()).isEqualTo("cluster02");
        assertThat(s.runningOn("Fencing")).containsExactly("cluster01");
        assertThat(s.resultCode()).isZero();
    }
}
