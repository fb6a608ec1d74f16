package org.sansdk.benchmarks.pacemaker;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.sansdk.pacemaker.cib.Cib;
import org.sansdk.pacemaker.cib.CibVersion;
import org.sansdk.pacemaker.cib.CibWriter;
import org.sansdk.pacemaker.cib.Configuration;
import org.sansdk.pacemaker.cib.LrmOp;
import org.sansdk.pacemaker.cib.LrmResource;
import org.sansdk.pacemaker.cib.Node;
import org.sansdk.pacemaker.cib.NodeState;
import org.sansdk.pacemaker.cib.Primitive;
import org.sansdk.pacemaker.cib.Resource;
import org.sansdk.pacemaker.cib.ResourceAgent;

/**
 * Inputs for the Pacemaker benchmarks: the corpus's 685 KB {@code pcs-cib-large.xml} and a generated CIB
 * whose status section carries a long operation history, shaped like {@code cibadmin -Q} output.
 *
 * <pre>{@code String xml = PacemakerFixtures.largeOpHistoryCib(10_000_000);}</pre>
 */
public final class PacemakerFixtures {
    /** Path of the corpus file inside the repository. */
    public static final String LARGE = "san-pacemaker/src/test/resources/corpus/cib/pcs-cib-large.xml";

    private PacemakerFixtures() {
    }

    /** Reads pcs-cib-large.xml from the repository (found from the working directory upwards, or -Dsansdk.root). */
    public static String pcsCibLarge() {
        Path start = Path.of(System.getProperty("sansdk.root", ".")).toAbsolutePath();
        for (Path p = start; p != null; p = p.getParent()) {
            Path f = p.resolve(LARGE);
            if (Files.isRegularFile(f)) {
                try {
                    return Files.readString(f);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
        throw new IllegalStateException("cannot find " + LARGE + " above " + start + "; run from the repository or pass -Dsansdk.root=");
    }

    /**
     * A CIB of at least {@code minBytes}: 3 nodes, Dummy primitives, and per node and resource a history of
     * recurring-monitor, start, stop and failure records with every attribute Pacemaker 2.1 writes.
     */
    public static String largeOpHistoryCib(int minBytes) {
        int resources = 200;
        List<Resource> rs = new ArrayList<>();
        for (int i = 0; i < resources; i++) {
            rs.add(Primitive.builder("rsc" + i, ResourceAgent.parse("ocf:pacemaker:Dummy"))
                    .instance("fake", "value" + i).op("monitor", "10s", "20s").op("start", "0s", "20s").op("stop", "0s", "20s").build());
        }
        List<Node> nodes = List.of(new Node("1", "node-a", null, List.of(), List.of()), new Node("2", "node-b", null, List.of(), List.of()),
                new Node("3", "node-c", null, List.of(), List.of()));
        Configuration conf = Configuration.builder().nodes(nodes).resources(rs).build();
        // size one history, then scale the ops per resource so the document just exceeds minBytes
        String probe = render(conf, nodes, resources, 4);
        int opsPerResource = Math.max(4, (int) Math.ceil(4.0 * minBytes / probe.length()));
        String xml = render(conf, nodes, resources, opsPerResource);
        while (xml.length() < minBytes) {
            opsPerResource++;
            xml = render(conf, nodes, resources, opsPerResource);
        }
        return xml;
    }

    private static String render(Configuration conf, List<Node> nodes, int resources, int opsPerResource) {
        List<NodeState> states = new ArrayList<>();
        for (Node n : nodes) {
            List<LrmResource> lrm = new ArrayList<>();
            for (int i = 0; i < resources; i++) {
                List<LrmOp> ops = new ArrayList<>();
                for (int k = 0; k < opsPerResource; k++) {
                    String op = k % 4 == 0 ? "start" : k % 4 == 2 ? "stop" : "monitor";
                    long interval = op.equals("monitor") ? 10000 : 0;
                    Map<String, String> other = new LinkedHashMap<>();
                    other.put("operation_key", "rsc" + i + "_" + op + "_" + interval);
                    other.put("crm-debug-origin", "do_update_resource");
                    other.put("crm_feature_set", "3.16.1");
                    other.put("transition-magic", "0:0;" + k + ":" + i + ":0:4a8b9b0a-0b0c-4d6e-9f00-1234567890ab");
                    other.put("queue-time", "0");
                    other.put("op-digest", "f2317cad3d54cec5d7d7aa7d0bf35cf8");
                    other.put("last-run", Long.toString(1700000000L + k));
                    ops.add(new LrmOp("rsc" + i + "_" + op + "_" + k, op, 10 + k, 0, 0, interval, 1700000000L + k, 42,
                            n.uname(), null, k + ":" + i + ":0:4a8b9b0a-0b0c-4d6e-9f00-1234567890ab", other));
                }
                lrm.add(new LrmResource("rsc" + i, ResourceAgent.parse("ocf:pacemaker:Dummy"), ops));
            }
            Map<String, String> trans = new LinkedHashMap<>();
            trans.put("fail-count-rsc1#monitor_10000", "1");
            states.add(new NodeState(n.id(), n.uname(), "true", "online", "member", "member", trans, lrm,
                    Map.of("crm-debug-origin", "do_update_resource")));
        }
        Cib base = Cib.of(conf);
        return CibWriter.toXml(new Cib(new CibVersion(0, 100, 5000), base.validateWith(), base.rootAttributes(), conf, states, List.of()));
    }
}
