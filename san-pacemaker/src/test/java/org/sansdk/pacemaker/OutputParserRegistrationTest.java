package org.sansdk.pacemaker;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.sansdk.core.spi.OutputParser;
import org.sansdk.pacemaker.cib.Cib;
import org.sansdk.pacemaker.sim.Simulation;
import org.sansdk.pacemaker.status.ClusterStatus;

class OutputParserRegistrationTest {

    private static Map<String, OutputParser> parsers() {
        Map<String, OutputParser> m = new TreeMap<>();
        ServiceLoader.load(OutputParser.class).forEach(p -> m.put(p.kind(), p));
        return m;
    }

    /** Like sanctl's mapper: Optional written as its value or null. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    private static ObjectMapper sanctlLikeMapper() {
        com.fasterxml.jackson.databind.module.SimpleModule m = new com.fasterxml.jackson.databind.module.SimpleModule();
        m.addSerializer((Class) java.util.Optional.class, new com.fasterxml.jackson.databind.JsonSerializer<java.util.Optional<?>>() {
            @Override
            public void serialize(java.util.Optional<?> v, com.fasterxml.jackson.core.JsonGenerator g,
                                  com.fasterxml.jackson.databind.SerializerProvider p) throws java.io.IOException {
                p.defaultSerializeValue(v.orElse(null), g);
            }
        });
        return new ObjectMapper().registerModule(m);
    }

    @Test
    void serviceLoader_findsCibCrmMonAndCrmSimulate() {
        assertThat(parsers()).containsKeys("cib", "crm-mon", "crm-simulate");
        assertThat(parsers().get("cib").description()).contains("cibadmin -Q");
    }

    @Test
    void cibParser_serializesResourcesAndConstraintsWithTypeNames() throws Exception {
        Object model = parsers().get("cib").parse("pcs-cib-all.xml", Fixtures.read("cib/pcs-cib-all.xml"));
        assertThat(model).isInstanceOf(Cib.class);
        JsonNode json = sanctlLikeMapper().valueToTree(model);
        JsonNode resources = json.get("configuration").get("resources");
        // pcs-cib-all.xml's resources begin <bundle id="B1" description="B1 description">, <bundle id="B2">
        assertThat(resources.get(0).get("type").asText()).isEqualTo("bundle");
        assertThat(resources.get(0).get("id").asText()).isEqualTo("B1");
        assertThat(resources.get(1).get("id").asText()).isEqualTo("B2");
        assertThat(json.get("configuration").get("constraints").findValuesAsText("type")).contains("location");
        assertThat(json.get("version").get("epoch").asLong()).isEqualTo(((Cib) model).version().epoch());
    }

    @Test
    void cibJson_secretTypedValuesMasked_parsedValuesAreWhatTheFileHolds() throws Exception {
        // the type decides, not the name: a Secret given to the SDK (SNMP community) is **** in JSON ...
        org.sansdk.pacemaker.cib.Primitive dev = org.sansdk.pacemaker.cib.Primitive.builder("f",
                        org.sansdk.pacemaker.cib.ResourceAgent.parse("stonith:fence_apc_snmp"))
                .instance("ip", "10.0.0.9").instanceSecret("community", org.sansdk.core.Secret.of("pr1vate-c0mm")).build();
        String ours = sanctlLikeMapper().writeValueAsString(dev);
        assertThat(ours).doesNotContain("pr1vate-c0mm").contains("\"name\":\"community\",\"value\":\"****\"")
                .contains("\"value\":\"10.0.0.9\"");
        // ... while a CIB read from XML has plain values (nothing in the XML says which are secret; no name guessing)
        String xml = Fixtures.read("cib/pcs-cib-empty-3.9.xml").replace("<resources/>",
                "<resources><primitive id=\"f\" class=\"stonith\" type=\"fence_apc_snmp\"><instance_attributes id=\"ia\">"
                        + "<nvpair id=\"ia-c\" name=\"community\" value=\"public\"/></instance_attributes></primitive></resources>");
        String parsed = sanctlLikeMapper().writeValueAsString(parsers().get("cib").parse("x", xml));
        assertThat(parsed).contains("\"name\":\"community\",\"value\":\"public\"");
    }

    @Test
    void crmMonParser_jsonHoldsTheFixturesNodesAndResources() throws Exception {
        JsonNode json = sanctlLikeMapper().valueToTree(parsers().get("crm-mon").parse("m", Fixtures.read("crm_mon/pcmk-cli-basic.xml")));
        // pcmk-cli-basic.xml: <node name="cluster01" id="1" online="true" …>, … <node name="httpd-bundle-2" … online="false">
        List<String> names = new ArrayList<>();
        json.get("nodes").forEach(n -> names.add(n.get("name").asText() + "=" + n.get("online").asBoolean()));
        assertThat(names).startsWith("cluster01=true", "cluster02=true", "httpd-bundle-0=true", "httpd-bundle-1=true",
                "httpd-bundle-2=false");
        // <resource id="Fencing" resource_agent="stonith:fence_xvm" role="Started" …>, <resource id="inactive-dhcpd" … role="Stopped">
        assertThat(json.toString()).contains("\"id\":\"Fencing\"").contains("stonith:fence_xvm").contains("\"id\":\"inactive-dhcpd\"");
    }

    @Test
    void crmSimulateParser_jsonHoldsTheFixturesActions() throws Exception {
        // sim-pcmk-sched-stonith-4.xml (real crm_simulate 2.1.5): four fencing node actions, then a blocked start
        JsonNode json = sanctlLikeMapper().valueToTree(parsers().get("crm-simulate").parse("s",
                Fixtures.read("crm_simulate/sim-pcmk-sched-stonith-4.xml")));
        List<String> actions = new ArrayList<>();
        json.get("actions").forEach(a -> actions.add(a.get("action").asText() + " " + a.path("resource").asText("") + "@" + a.get("node").asText()
                + (a.get("blocked").asBoolean() ? " blocked" : "")));
        assertThat(actions).containsExactly("Fence (reboot) @pcmk-10", "Fence (reboot) @pcmk-8", "Fence (reboot) @pcmk-7",
                "Fence (reboot) @pcmk-5", "start Fencing@pcmk-1 blocked");
    }
}
