package org.sansdk.pacemaker.cib;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.sansdk.core.ParseException;
import org.sansdk.pacemaker.Fixtures;

class CibParserTest {

    static List<String> corpus() {
        return Fixtures.list("cib");
    }

    private static Cib cib(String file) {
        return CibParser.parse(file, Fixtures.read("cib/" + file));
    }

    @ParameterizedTest
    @MethodSource("corpus")
    void parse_everyCorpusCib_givesConfigurationWithVersion(String file) throws Exception {
        String text = Fixtures.read("cib/" + file);
        Cib c = CibParser.parse(file, text);
        assertThat(c.validateWith()).isNotBlank();
        // epoch attribute as written in the file
        String epoch = text.replaceAll("(?s)^.*?<cib[^>]*\\sepoch=\"(\\d+)\".*$", "$1");
        assertThat(c.version().epoch()).isEqualTo(Long.parseLong(epoch));
        // oracle: the JDK's DOM on the same file: every <primitive> id and agent under <resources>, and every constraint
        // element's name and id, in document order
        org.w3c.dom.Element conf = dom(text);
        List<String> domPrimitives = new java.util.ArrayList<>();
        List<String> domConstraints = new java.util.ArrayList<>();
        for (org.w3c.dom.Element sec : children(conf)) {
            if (sec.getTagName().equals("resources")) {
                org.w3c.dom.NodeList ps = sec.getElementsByTagName("primitive");
                for (int i = 0; i < ps.getLength(); i++) {
                    org.w3c.dom.Element p = (org.w3c.dom.Element) ps.item(i);
                    domPrimitives.add(p.getAttribute("id") + " " + p.getAttribute("class") + ":" + p.getAttribute("type"));
                }
            } else if (sec.getTagName().equals("constraints")) {
                children(sec).forEach(x -> domConstraints.add(x.getTagName() + " " + x.getAttribute("id")));
            }
        }
        List<Primitive> ours = c.configuration().primitives();
        assertThat(ours).extracting(p -> p.id() + " " + (p.agent() == null ? ":" : p.agent().standard() + ":" + p.agent().type()))
                .containsExactlyInAnyOrderElementsOf(domPrimitives);
        assertThat(c.configuration().constraints()).extracting(x -> elementName(x) + " " + x.id()).containsExactlyElementsOf(domConstraints);
    }

    static org.w3c.dom.Element dom(String text) throws Exception {
        javax.xml.parsers.DocumentBuilderFactory f = javax.xml.parsers.DocumentBuilderFactory.newInstance();
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        org.w3c.dom.Element root = f.newDocumentBuilder().parse(new org.xml.sax.InputSource(new java.io.StringReader(text))).getDocumentElement();
        return children(root).stream().filter(e -> e.getTagName().equals("configuration")).findFirst().orElseThrow();
    }

    static List<org.w3c.dom.Element> children(org.w3c.dom.Element e) {
        List<org.w3c.dom.Element> out = new java.util.ArrayList<>();
        for (org.w3c.dom.Node n = e.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof org.w3c.dom.Element x) {
                out.add(x);
            }
        }
        return out;
    }

    static String elementName(Constraint x) {
        return x instanceof LocationConstraint ? "rsc_location" : x instanceof ColocationConstraint ? "rsc_colocation"
                : x instanceof OrderConstraint ? "rsc_order" : x instanceof TicketConstraint ? "rsc_ticket" : ((UnknownConstraint) x).element().name();
    }

    @Test
    void parse_freshPcsCluster_readsPropertiesNodesAndRscDefaults() {
        Cib c = cib("cfs-pcs-cluster-cib-fresh.xml");
        assertThat(c.configuration().property("cluster-name")).contains("mycluster");
        assertThat(c.configuration().nodes()).extracting(Node::uname).containsExactly("pcmk-1", "pcmk-2");
        assertThat(NvSet.lookup(c.configuration().rscDefaults(), "resource-stickiness")).contains("1");
        assertThat(c.status()).hasSize(2);
    }

    @Test
    void parse_bugLf2153_readsPromotableCloneGroupAndNodeStandby() {
        Cib c = cib("pcmk-sched-bug-lf-2153.xml");
        Clone ms = (Clone) c.configuration().resource("ms_drbd_iscsivg01").orElseThrow();
        assertThat(ms.isPromotable()).isTrue();
        assertThat(ms.meta("clone-max")).contains("2");
        assertThat(((Primitive) ms.child()).agent()).hasToString("ocf:linbit:drbd");
        assertThat(((Primitive) ms.child()).param("drbd_resource")).contains("iscsivg01");
        assertThat(c.configuration().nodes().stream().filter(Node::isStandby).count()).isEqualTo(1);
        assertThat(NvSet.lookup(c.configuration().rscDefaults(), "resource-stickiness")).contains("200");
    }

    @Test
    void parse_legacyMasterElement_marksPromotable() {
        Cib c = cib("hace-cibadmin-saphana-sles.xml");
        Clone m = (Clone) c.configuration().resource("msl_SAPHana_PRD_HDB00").orElseThrow();
        assertThat(m.legacyMaster()).isTrue();
        assertThat(m.isPromotable()).isTrue();
        OrderConstraint o = (OrderConstraint) c.configuration().constraints().stream()
                .filter(x -> x.id().equals("ord_SAPHana_PRD_HDB00")).findFirst().orElseThrow();
        assertThat(o.kind()).isEqualTo("Optional");
        assertThat(o.first()).isEqualTo("cln_SAPHanaTopology_PRD_HDB00");
        assertThat(o.then()).isEqualTo("msl_SAPHana_PRD_HDB00");
    }

    @Test
    void parse_dateRules_readsDateExpressions() {
        Cib c = cib("pcmk-sched-location-date-rules-1.xml");
        List<DateExpression> dates = c.configuration().constraints(LocationConstraint.class).stream()
                .flatMap(l -> l.rules().stream()).flatMap(r -> r.flatten().stream())
                .filter(e -> e instanceof DateExpression).map(e -> (DateExpression) e).toList();
        assertThat(dates).anySatisfy(d -> {
            assertThat(d.id()).isEqualTo("expression-1-2");
            assertThat(d.operation()).isEqualTo("lt");
            assertThat(d.end()).isEqualTo("2019-09-20 15:10:52 +00:00");
        });
        assertThat(dates).anySatisfy(d -> {
            assertThat(d.operation()).isEqualTo("gt");
            assertThat(d.start()).isEqualTo("2019-09-20 15:15:52 +00:00");
        });
        Rule outer = c.configuration().constraints(LocationConstraint.class).get(0).rules().get(0);
        assertThat(outer.booleanOp()).isEqualTo("and");
        assertThat(outer.expressions().get(0)).isEqualTo(new AttributeExpression("expression-1-1", "#uname", "eq", "rhel7-5", null, null));
        assertThat(c.configuration().property("fencing-enabled")).contains("1");
        Primitive fencing = (Primitive) c.configuration().resource("Fencing").orElseThrow();
        assertThat(fencing.isFencingDevice()).isTrue();
        assertThat(fencing.meta("migration-threshold")).contains("5");
    }

    @Test
    void parse_fencingLevels_readsTargetsPatternsAndDevices() {
        Cib c = cib("pcs-cib-fencing-levels.xml");
        List<FencingLevel> levels = c.configuration().fencingTopology();
        assertThat(levels).contains(new FencingLevel("fl-rh-2-1", 1, "rh-2", null, null, null, List.of("S3", "S4")));
        assertThat(levels).anySatisfy(l -> {
            assertThat(l.id()).isEqualTo("fl-rh-.-3");
            assertThat(l.index()).isEqualTo(3);
            assertThat(l.targetPattern()).isEqualTo("rh-.*");
        });
    }

    @Test
    void parse_ticketConstraint_readsLossPolicyAndRole() {
        Cib c = cib("pcmk-sched-ticket-promoted-1.xml");
        TicketConstraint t = c.configuration().constraints(TicketConstraint.class).get(0);
        assertThat(t).isEqualTo(new TicketConstraint("ms1-dep-ticketA", "ticketA", "ms1", "Promoted", "stop", List.of()));
    }

    @Test
    void parse_tagsAndTemplatesAndSets_readsReferences() {
        Cib tags = cib("pcs-cib-tags.xml");
        assertThat(tags.configuration().tags()).anySatisfy(t -> {
            assertThat(t.id()).isEqualTo("tag1");
            assertThat(t.references()).startsWith("x1", "x2", "x3");
        });
        Cib c = cib("pcmk-sched-tags-coloc-order-2.xml");
        Template tpl = (Template) c.configuration().resource("template1").orElseThrow();
        assertThat(tpl.body().agent()).hasToString("ocf:pacemaker:Dummy");
        ColocationConstraint col = c.configuration().constraints(ColocationConstraint.class).get(0);
        assertThat(col.sets()).extracting(ResourceSet::id).contains("tag1-template1-colo-0", "tag1-template1-colo-1");
        assertThat(col.sets().get(0).sequential()).isEqualTo("false");
        assertThat(col.sets().get(0).resources()).containsExactly("tag2");
    }

    @Test
    void parse_alerts_readsRecipientsAndAttributeSets() {
        Cib c = cib("pcs-cib-all.xml");
        assertThat(c.configuration().alerts()).extracting(Alert::id).containsExactly("alert1", "alert2", "alert-all");
        Alert all = c.configuration().alerts().get(2);
        assertThat(all.path()).isEqualTo("/path/all");
        assertThat(all.description()).isEqualTo("alert all options");
        assertThat(NvSet.lookup(all.attributeSets(), "aai1n")).contains("aai1v");
        assertThat(c.configuration().alerts().get(1).recipients()).extracting(Alert.Recipient::value)
                .containsExactly("test_value_1", "test_value_2");
        LocationConstraint l = (LocationConstraint) c.configuration().constraints().stream()
                .filter(x -> x.id().equals("location-R7-localhost-INFINITY")).findFirst().orElseThrow();
        assertThat(l.resourceDiscovery()).isEqualTo("always");
        assertThat(c.configuration().constraints(LocationConstraint.class)).anySatisfy(x -> assertThat(x.rscPattern()).isEqualTo("R*"));
    }

    @Test
    void parse_bundle_keepsRuntimeImageAndWholeElement() {
        Cib c = cib("pcmk-sched-bundle-interleave-start.xml");
        Bundle b = (Bundle) c.configuration().resource("base-bundle").orElseThrow();
        assertThat(b.runtime()).isEqualTo("podman");
        assertThat(b.image()).isEqualTo("localhost/pcmktest:base");
        assertThat(b.replicas()).isEqualTo("3");
        assertThat(b.element().name()).isEqualTo("bundle");
    }

    @Test
    void parse_utilization_readsNodeAndPlacementStrategy() {
        Cib c = cib("pcmk-sched-colocation-priority-group.xml");
        assertThat(c.configuration().property("placement-strategy")).contains("utilization");
        Node n1 = c.configuration().node("node1").orElseThrow();
        assertThat(NvSet.lookup(n1.utilization(), "cpu")).contains("2");
    }

    @Test
    void parse_perOpFailCounts_sumsToInfinity() {
        Cib c = cib("pcmk-sched-per-op-failcount.xml");
        NodeState s = c.status().stream().filter(x -> x.id().equals("3232238265")).findFirst().orElseThrow();
        assertThat(s.transientAttributes()).containsEntry("fail-count-prmDummy#monitor_10000", "1");
        assertThat(s.failCounts()).containsEntry("prmDummy", 1_000_000);
        LrmOp failed = s.lrm("prmDummy").orElseThrow().ops().stream()
                .filter(o -> o.id().equals("prmDummy_last_failure_0")).findFirst().orElseThrow();
        assertThat(failed.operation()).isEqualTo("stop");
        assertThat(failed.rcCode()).isEqualTo(5);
        assertThat(failed.opStatus()).isEqualTo(7);
        assertThat(failed.callId()).isEqualTo(18);
        assertThat(failed.lastRcChange()).isEqualTo(1491469462L);
        assertThat(failed.onNode()).isEqualTo("rh73-01-snmp");
        assertThat(failed.other()).containsEntry("op-secure-params", " passwd ");
        assertThat(failed.isFailure()).isTrue();
    }

    @Test
    void parse_nodeStateWithoutUname_keepsIdAndOfflineController() {
        Cib c = cib("pcmk-sched-pending-node-no-uname.xml");
        NodeState s2 = c.status().stream().filter(x -> x.id().equals("2")).findFirst().orElseThrow();
        assertThat(s2.uname()).isNull();
        assertThat(s2.crmd()).isEqualTo("offline");
        assertThat(s2.isOnline()).isFalse();
        assertThat(c.nodeState("node-1").orElseThrow().isOnline()).isTrue();
    }

    @Test
    void parse_emptyAcls_andAclEntries_areRead() {
        assertThat(cib("pcmk-sched-rule-int-as-integer-match.xml").configuration().acls()).isEmpty();
        String xml = """
                <cib validate-with="pacemaker-3.9" epoch="3" num_updates="0" admin_epoch="0">
                  <configuration><crm_config/><nodes/><resources/><constraints/>
                    <acls>
                      <acl_target id="alice"><role id="read-only"/></acl_target>
                      <acl_role id="read-only"><acl_permission id="ro-1" kind="read" xpath="/cib"/></acl_role>
                    </acls>
                    <future_section id="x"><thing a="b"/></future_section>
                  </configuration>
                  <status/>
                </cib>
                """;
        Cib c = CibParser.parse("inline", xml);
        assertThat(c.configuration().acls()).containsExactly(
                new AclEntry("acl_target", "alice", List.of("read-only"), List.of()),
                new AclEntry("acl_role", "read-only", List.of(), List.of(new AclEntry.Permission("ro-1", "read", "/cib", null, null))));
        assertThat(c.configuration().unknown()).singleElement().satisfies(e -> {
            assertThat(e.name()).isEqualTo("future_section");
            assertThat(e.children().get(0).attributes()).isEqualTo(Map.of("a", "b"));
        });
        assertThat(CibWriter.toXml(c)).contains("<future_section id=\"x\">").contains("<thing a=\"b\"/>");
    }

    /**
     * No corpus CIB declares pacemaker-3.10 (Debian 12's Pacemaker 2.1.5 stops at 3.9): the parser does not gate on the
     * schema version, and elements/attributes a newer schema adds are kept and written back.
     */
    @Test
    void parse_schema310WithNewerElementsAndAttributes_keepsThemAndWritesThemBack() {
        String xml = """
                <cib validate-with="pacemaker-3.10" epoch="7" num_updates="2" admin_epoch="0">
                  <configuration>
                    <crm_config/><nodes><node id="1" uname="a"/></nodes>
                    <resources>
                      <primitive id="d" class="ocf" provider="pacemaker" type="Dummy">
                        <future_child id="fc" x="1"/>
                      </primitive>
                      <group id="g" description="grp" critical="false">
                        <instance_attributes id="g-ia"><nvpair id="g-ia-x" name="x" value="1"/></instance_attributes>
                        <primitive id="e" class="ocf" provider="pacemaker" type="Dummy"/>
                      </group>
                      <future_resource id="fr"/>
                    </resources>
                    <constraints>
                      <rsc_colocation id="c" rsc="g" with-rsc="d" score="INFINITY" influence="false"/>
                      <rsc_order id="o" first="d" then="g" kind="Mandatory" require-all="false"/>
                      <future_constraint id="fcn"/>
                    </constraints>
                  </configuration>
                  <status/>
                </cib>
                """;
        Cib c = CibParser.parse("3.10", xml);
        assertThat(c.validateWith()).isEqualTo("pacemaker-3.10");
        assertThat(c.version()).isEqualTo(new CibVersion(0, 7, 2));
        Group g = (Group) c.configuration().resource("g").orElseThrow();
        assertThat(g.other()).containsEntry("description", "grp").containsEntry("critical", "false");
        assertThat(g.unknown()).singleElement().satisfies(e -> assertThat(e.name()).isEqualTo("instance_attributes"));
        assertThat(((Primitive) c.configuration().resource("d").orElseThrow()).unknown()).extracting(e -> e.name()).containsExactly("future_child");
        assertThat(c.configuration().resource("fr")).get().isInstanceOf(UnknownResource.class);
        assertThat(c.configuration().constraints(ColocationConstraint.class).get(0).other()).containsEntry("influence", "false");
        assertThat(c.configuration().constraints(OrderConstraint.class).get(0).other()).containsEntry("require-all", "false");
        assertThat(c.configuration().constraints()).anySatisfy(x -> assertThat(x).isInstanceOf(UnknownConstraint.class));
        String out = CibWriter.toXml(c);
        assertThat(out).contains("influence=\"false\"", "require-all=\"false\"", "<future_child id=\"fc\" x=\"1\"/>",
                "<future_resource id=\"fr\"/>", "<future_constraint id=\"fcn\"/>", "description=\"grp\"", "<nvpair id=\"g-ia-x\" name=\"x\" value=\"1\"/>");
        assertThat(CibParser.parse("again", out).configuration()).isEqualTo(c.configuration());
    }

    @Test
    void parse_xxePayload_isRefusedWithParseException() {
        String xxe = """
                <?xml version="1.0"?>
                <!DOCTYPE cib [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
                <cib epoch="1" num_updates="0" admin_epoch="0"><configuration><crm_config>
                <cluster_property_set id="x"><nvpair id="n" name="cluster-name" value="&xxe;"/></cluster_property_set>
                </crm_config><nodes/><resources/><constraints/></configuration></cib>
                """;
        assertThatThrownBy(() -> CibParser.parse("xxe.xml", xxe))
                .isInstanceOf(ParseException.class)
                .hasMessageContaining("DOCTYPE")
                .satisfies(e -> assertThat(((ParseException) e).line()).isEqualTo(2))
                .hasMessageNotContaining("root:");
    }

    @Test
    void parse_billionLaughs_isRefused() {
        String bomb = "<?xml version=\"1.0\"?><!DOCTYPE lolz [<!ENTITY lol \"lol\"><!ENTITY lol2 \"&lol;&lol;&lol;&lol;\">]>"
                + "<cib><configuration/>&lol2;</cib>";
        assertThatThrownBy(() -> CibParser.parse("bomb.xml", bomb)).isInstanceOf(ParseException.class);
    }

    @Test
    void parse_truncatedXml_reportsLineAndOffendingLine() {
        String text = Fixtures.read("cib/pcs-cib-empty-3.9.xml");
        String cut = text.substring(0, text.indexOf("</configuration>") + 5);
        assertThatThrownBy(() -> CibParser.parse("cut.xml", cut))
                .isInstanceOf(ParseException.class)
                .satisfies(e -> {
                    ParseException p = (ParseException) e;
                    assertThat(p.source()).isEqualTo("cut.xml");
                    assertThat(p.line()).isGreaterThan(1);
                    assertThat(p.expected()).contains("well-formed XML");
                });
    }

    @Test
    void parse_primitiveWithoutClass_namesTheElement() {
        String xml = "<cib epoch=\"1\">\n<configuration>\n<resources>\n<primitive id=\"p1\" type=\"Dummy\"/>\n</resources>\n</configuration>\n</cib>";
        assertThatThrownBy(() -> CibParser.parse("bad.xml", xml))
                .isInstanceOf(ParseException.class)
                .satisfies(e -> {
                    ParseException p = (ParseException) e;
                    assertThat(p.line()).isEqualTo(4);
                    assertThat(p.offendingLine()).isEqualTo("<primitive id=\"p1\" type=\"Dummy\"/>");
                    assertThat(p.expected()).contains("'class' or 'template'");
                });
    }


    @Test
    void parse_nonNumericEpoch_isParseException() {
        assertThatThrownBy(() -> CibParser.parse("e.xml", "<cib epoch=\"x1\"><configuration/></cib>"))
                .isInstanceOf(ParseException.class).hasMessageContaining("epoch");
    }

    @Test
    void parse_foreignRoot_isParseException() {
        assertThatThrownBy(() -> CibParser.parse("r.xml", "<pacemaker-result/>"))
                .isInstanceOf(ParseException.class).hasMessageContaining("<cib>");
    }

    @Test
    void parse_largePcsCib_constraintsInFileOrder() throws Exception {
        Cib c = cib("pcs-cib-large.xml");
        String text = Fixtures.read("cib/pcs-cib-large.xml");
        // values from the file: its first and last constraints, and the DOM's list of every constraint id in order
        assertThat(text).contains("<rsc_location id=\"location-dummy1-rh7-1-100\"");
        List<String> domIds = children(children(dom(text)).stream().filter(e -> e.getTagName().equals("constraints")).findFirst().orElseThrow())
                .stream().map(e -> e.getAttribute("id")).toList();
        assertThat(c.configuration().constraints()).extracting(Constraint::id).containsExactlyElementsOf(domIds);
    }
}
