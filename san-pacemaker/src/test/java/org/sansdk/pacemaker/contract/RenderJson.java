package org.sansdk.pacemaker.contract;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.util.List;
import org.sansdk.pacemaker.Fixtures;
import org.sansdk.pacemaker.cib.CibParser;
import org.sansdk.pacemaker.sim.CrmSimulateParser;
import org.sansdk.pacemaker.status.CrmMonParser;

/** Renders every corpus file's parse as JSON (sanctl's mapper settings); run in a fresh JVM by the determinism test. */
public final class RenderJson {
    private RenderJson() {
    }

    /** The mapper sanctl uses (Optional as its value, indented). */
    @SuppressWarnings({"unchecked", "rawtypes"})
    public static ObjectMapper mapper() {
        com.fasterxml.jackson.databind.module.SimpleModule m = new com.fasterxml.jackson.databind.module.SimpleModule();
        m.addSerializer((Class) java.util.Optional.class, new com.fasterxml.jackson.databind.JsonSerializer<java.util.Optional<?>>() {
            @Override
            public void serialize(java.util.Optional<?> v, com.fasterxml.jackson.core.JsonGenerator g,
                                  com.fasterxml.jackson.databind.SerializerProvider p) throws java.io.IOException {
                p.defaultSerializeValue(v.orElse(null), g);
            }
        });
        return new ObjectMapper().registerModule(m).enable(SerializationFeature.INDENT_OUTPUT)
                .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS);
    }

    /** JSON of a model. */
    public static String json(Object model) {
        try {
            return mapper().writeValueAsString(model);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Every corpus parse, one JSON document after another. */
    public static String all() {
        StringBuilder b = new StringBuilder();
        for (String f : Fixtures.list("cib")) {
            b.append(f).append('\n').append(json(CibParser.parse(f, Fixtures.read("cib/" + f)))).append('\n');
        }
        for (String f : Fixtures.list("crm_mon")) {
            b.append(f).append('\n').append(json(CrmMonParser.parse(f, Fixtures.read("crm_mon/" + f)))).append('\n');
        }
        for (String f : List.of("sim-pcmk-sched-stonith-4.xml", "sim-pcmk-sched-migrate-start.xml")) {
            b.append(f).append('\n').append(json(CrmSimulateParser.parse(f, Fixtures.read("crm_simulate/" + f)))).append('\n');
        }
        return b.toString();
    }

    /** Prints {@link #all()}. */
    public static void main(String[] args) {
        System.out.print(all());
    }
}
