package org.sansdk.cluster.health;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.sansdk.cluster.DistroFamily;
import org.sansdk.cluster.NodeCapabilities;
import org.sansdk.cluster.SanCluster;
import org.sansdk.cluster.design.IscsiSettings;
import org.sansdk.cluster.design.Node;
import org.sansdk.cluster.design.SanDesign;
import org.sansdk.cluster.design.ZvolSpec;
import org.sansdk.core.Command;
import org.sansdk.core.CommandResult;
import org.sansdk.core.Executor;
import org.sansdk.core.HostUnreachableException;
import org.sansdk.core.Iqn;
import org.sansdk.core.ReplayExecutor;
import org.sansdk.core.Size;

/** The lab's design (the captures in resources/health come from a lab built from it) and replay helpers. */
final class HealthFixtures {
    static final List<String> CRM_MON = List.of("crm_mon", "-1", "--output-as=xml");
    static final List<String> QUORUMTOOL = List.of("corosync-quorumtool", "-s");
    static final List<String> CFGTOOL = List.of("corosync-cfgtool", "-s");
    static final List<String> SESSIONS = List.of("iscsiadm", "-m", "session");
    static final List<String> SAVECONFIG = List.of("cat", "--", "/etc/rtslib-fb-target/saveconfig.json");

    private HealthFixtures() {
    }

    /** storage-a (1), storage-b (2), quorum (3) on 10.99.20/24 and 10.99.10/24, disks data-x-0/1, pool {@code pool}. */
    static SanDesign.Builder lab(String pool) {
        return org.sansdk.cluster.LabShapedDesign.builder(pool);
    }

    static SanDesign lab() {
        return lab("lab-pool").build();
    }

    /** The lab design with a client target and one zvol, for the LIO checks. */
    static SanDesign withClientTarget(String iqn) {
        return lab("lab-pool").iscsi(new IscsiSettings(Optional.of(Iqn.parse(iqn)), Duration.ofSeconds(5), Duration.ofSeconds(10),
                Duration.ofSeconds(2), Duration.ofSeconds(2), Optional.empty()))
                .zvol(new ZvolSpec("vm-100-disk-0", Size.parse("8G"), Optional.empty())).build();
    }

    /** Debian with a zfs-fuse-like userland (no {@code zfs version}: zpool status without -P), no pcs. */
    static Map<String, NodeCapabilities> caps(SanDesign d) {
        Map<String, NodeCapabilities> m = new LinkedHashMap<>();
        for (Node n : d.nodes()) {
            m.put(n.name(), new NodeCapabilities(n.name(), DistroFamily.DEBIAN, "debian", Optional.of("12"), Optional.empty(),
                    Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), List.of()));
        }
        return m;
    }

    static String res(String name) {
        try (InputStream in = HealthFixtures.class.getResourceAsStream("/health/" + name)) {
            if (in == null) {
                throw new IllegalStateException("no test resource health/" + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static List<String> zpoolStatus(String pool) {
        return List.of("zpool", "status", "-v", pool);
    }

    /** An executor that cannot reach its host. */
    static Executor unreachable(String host) {
        return new Executor() {
            @Override
            public CommandResult run(Command command) {
                throw new HostUnreachableException(host, "ssh: connect to host " + host + " port 22: No route to host");
            }

            @Override
            public String toString() {
                return "unreachable " + host;
            }
        };
    }

    static SanCluster cluster(SanDesign d, Executor a, Executor b, Executor q) {
        return SanCluster.of(d, Map.of("storage-a", a, "storage-b", b, "quorum", q), caps(d));
    }

    /** A node's replay: crm_mon, quorumtool and cfgtool from the named captures (null: not recorded). */
    static ReplayExecutor.Builder node(String crmMon, String quorum, int quorumExit, String cfgtool) {
        ReplayExecutor.Builder b = ReplayExecutor.builder();
        if (crmMon != null) {
            b.on(CRM_MON, res(crmMon));
        }
        if (quorum != null) {
            b.on(QUORUMTOOL, CommandResult.of(quorumExit, res(quorum), ""));
        }
        if (cfgtool != null) {
            b.on(CFGTOOL, res(cfgtool));
        }
        return b;
    }
}
