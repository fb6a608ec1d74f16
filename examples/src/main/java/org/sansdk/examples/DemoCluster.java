package org.sansdk.examples;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.sansdk.cluster.SanCluster;
import org.sansdk.cluster.design.Node;
import org.sansdk.cluster.design.SanDesign;
import org.sansdk.cluster.design.SanDesignYaml;
import org.sansdk.core.CommandResult;
import org.sansdk.core.Executor;
import org.sansdk.core.ReplayExecutor;

/**
 * A whole cluster to try the SDK on without one: the reference design (examples/designs/reference.yml) with
 * each node answering from outputs recorded by the real programs (see {@code demo/SOURCES.md} beside the
 * recordings): storage-a's pool DEGRADED with the peer's legs offline, every Pacemaker resource on storage-a,
 * the backend saveconfig.json, the nodes' capabilities. A command nobody recorded is refused by name.
 *
 * <pre>{@code
 * SanCluster demo = DemoCluster.create();
 * demo.node("storage-a").zpool().status("san-pool").describe();
 * }</pre>
 */
public final class DemoCluster {
    private static final String DIR = "/org/sansdk/examples/demo/";

    private DemoCluster() {
    }

    /** The demo cluster. Usage: see type. */
    public static SanCluster create() {
        SanDesign design = SanDesignYaml.parse("reference.yml", text("reference.yml"));
        Map<String, Executor> inventory = new LinkedHashMap<>();
        for (Node n : design.nodes()) {
            ReplayExecutor.Builder b = ReplayExecutor.builder()
                    .on(List.of("cat", "/etc/os-release"), text("os-release"))
                    .on(List.of("zfs", "version"), CommandResult.of(2, "", text("zfs-version.stderr")))
                    .on(List.of("pcs", "--version"), text("pcs-version.txt"))
                    .on(List.of("corosync", "-v"), text("corosync-v.txt"))
                    .on(List.of("targetcli", "--version"), CommandResult.of(127, "", "targetcli: command not found\n"))
                    .on(List.of("crm_mon", "-1", "--output-as=xml"), text("crm_mon.xml"));
            if (n.isStorage()) {
                b.on(List.of("zpool", "status", "-P", "-v", design.pool().name()), text("zpool-status-v-san-pool.txt"))
                        .on(List.of("cat", "--", "/etc/rtslib-fb-target/saveconfig.json"), text(n.name() + "-saveconfig.json"))
                        .on(List.of("iscsiadm", "-m", "session"), CommandResult.of(21, "", text("iscsiadm-session.stderr")));
            }
            inventory.put(n.name(), b.build());
        }
        return SanCluster.of(design, inventory);
    }

    private static String text(String name) {
        try (InputStream in = DemoCluster.class.getResourceAsStream(DIR + name)) {
            if (in == null) {
                throw new IllegalStateException("demo recording missing from the jar: " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
