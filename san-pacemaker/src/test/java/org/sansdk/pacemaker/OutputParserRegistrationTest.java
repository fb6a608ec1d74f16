package org.sansdk.pacemaker;

import static org.assertj.core.api.Assertions.assertThat;

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
        assertThat(resources.get(0).get("type").asText()).isIn("primitive", "group", "clone", "bundle", "template");
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
    void crmMonAndSimulateParsers_returnTheirModels() {
        assertThat(parsers().get("crm-mon").parse("m", Fixtures.read("crm_mon/pcmk-cli-basic.xml"))).isInstanceOf(ClusterStatus.class);
        String sim = "<pacemaker-result api-version=\"2.25\" request=\"crm_simulate\"><actions/><transition/><status code=\"0\" message=\"OK\"/></pacemaker-result>";
        assertThat(parsers().get("crm-simulate").parse("s", sim)).isInstanceOf(Simulation.class);
    }
}
