package org.sansdk.pacemaker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.sansdk.core.Command;
import org.sansdk.core.CommandResult;
import org.sansdk.core.Executor;
import org.sansdk.core.testing.Daemon;
import org.sansdk.core.testing.NetNamespace;
import org.sansdk.core.testing.RealTools;
import org.sansdk.core.testing.TestExecutors;
import org.sansdk.pacemaker.cib.Cib;
import org.sansdk.pacemaker.cib.CibChangedException;
import org.sansdk.pacemaker.cib.CibPatch;
import org.sansdk.pacemaker.cib.Configuration;
import org.sansdk.pacemaker.cib.Group;
import org.sansdk.pacemaker.cib.NvPair;
import org.sansdk.pacemaker.cib.NvSet;
import org.sansdk.pacemaker.cib.Primitive;
import org.sansdk.pacemaker.cib.Resource;
import org.sansdk.pacemaker.cib.ResourceAgent;
import org.sansdk.pacemaker.ops.QuorumStatus;
import org.sansdk.pacemaker.ops.SettleResult;
import org.sansdk.pacemaker.sim.VerifyResult;
import org.sansdk.pacemaker.status.ClusterStatus;

/**
 * A real one-node cluster (corosync on 127.0.0.1 + pacemakerd) in its own network and mount namespaces, with
 * private copies of the corosync/pacemaker state directories and a private /run. The facade's operations run
 * against it through {@code nsenter}.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LiveClusterTest {

    private static NetNamespace ns;
    private static Daemon cluster;
    private static Path root;
    private static long pacemakerd;
    private static Pacemaker pm;
    private static final List<Long> PIDS = new ArrayList<>();

    private static final String COROSYNC_CONF = """
            totem {
                version: 2
                cluster_name: san-test
                transport: knet
                crypto_cipher: none
                crypto_hash: none
            }
            nodelist {
                node {
                    ring0_addr: 127.0.0.1
                    name: storage-a
                    nodeid: 1
                }
            }
            quorum {
                provider: corosync_votequorum
            }
            logging {
                to_logfile: yes
                logfile: /var/log/corosync/corosync.log
                to_stderr: no
                to_syslog: no
            }
            """;

    /** Runs inside the new mount namespace: private state directories, then corosync and pacemakerd. */
    private static final String INNER = """
            #!/bin/bash
            set -e
            R="$1"
            mount -t tmpfs tmpfs /run
            mkdir -p /run/crm /run/pacemaker
            mount --bind "$R/etc-corosync" /etc/corosync
            mount --bind "$R/var-lib-corosync" /var/lib/corosync
            mount --bind "$R/var-log-corosync" /var/log/corosync
            mount --bind "$R/var-lib-pacemaker" /var/lib/pacemaker
            mount --bind "$R/var-log-pacemaker" /var/log/pacemaker
            corosync -f > "$R/corosync.out" 2>&1 &
            CS=$!
            sleep 1
            PCMK_logfile=/var/log/pacemaker/pacemaker.log PCMK_logfacility=none pacemakerd > "$R/pacemakerd.out" 2>&1 &
            PM=$!
            echo "$PM" > "$R/pacemakerd.pid"
            trap 'kill -TERM $PM 2>/dev/null; wait $PM; kill -TERM $CS 2>/dev/null; wait $CS; exit 0' TERM INT
            wait
            """;

    @BeforeAll
    static void startCluster() throws Exception {
        RealTools.requireRoot();
        RealTools.require("corosync", "pacemakerd", "pcs", "nsenter", "unshare", "ip", "fence_dummy", "crm_mon", "stonith_admin");
        root = Files.createTempDirectory("san-pcmk-live");
        Files.setPosixFilePermissions(root, PosixFilePermissions.fromString("rwxr-xr-x"));
        for (String d : List.of("etc-corosync", "var-lib-corosync", "var-log-corosync", "var-lib-pacemaker/cib", "var-lib-pacemaker/pengine",
                "var-lib-pacemaker/blackbox", "var-lib-pacemaker/cores", "var-log-pacemaker")) {
            Files.createDirectories(root.resolve(d));
        }
        Files.writeString(root.resolve("etc-corosync/corosync.conf"), COROSYNC_CONF);
        TestExecutors.local().runChecked(Command.of("chown", "-R", "hacluster:haclient", root.resolve("var-lib-pacemaker").toString(),
                root.resolve("var-log-pacemaker").toString()));
        Path inner = root.resolve("inner.sh");
        Files.writeString(inner, INNER);
        Files.setPosixFilePermissions(inner, PosixFilePermissions.fromString("rwxr-xr-x"));
        ns = NetNamespace.create("san-pcmk");
        cluster = Daemon.start(List.of("ip", "netns", "exec", ns.name(), "unshare", "-m", "-u", "--propagation", "private",
                inner.toString(), root.toString()), root.resolve("inner.log"));
        Path pidFile = root.resolve("pacemakerd.pid");
        for (int i = 0; i < 100 && !Files.exists(pidFile); i++) {
            Thread.sleep(100);
        }
        if (!Files.exists(pidFile)) {
            throw new AssertionError("pacemakerd did not start: " + Files.readString(root.resolve("inner.log")));
        }
        pacemakerd = Long.parseLong(Files.readString(pidFile).trim());
        pm = Pacemaker.using(inNamespace());
        // a one-node cluster elects itself DC in about 20 s
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (true) {
            CommandResult r = inNamespace().run(Command.of("crm_mon", "-1", "--output-as=xml"));
            if (r.exitCode() == 0) {
                ClusterStatus s = org.sansdk.pacemaker.status.CrmMonParser.parse("crm_mon", r.stdout());
                if (s.summary().map(x -> x.dcPresent()).orElse(false) && s.node("storage-a").map(n -> n.online()).orElse(false)) {
                    break;
                }
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("cluster did not come up: " + Files.readString(root.resolve("inner.log")));
            }
            Thread.sleep(1000);
        }
        CommandResult pids = TestExecutors.local().run(Command.of("ip", "netns", "pids", ns.name()));
        pids.stdout().lines().filter(l -> !l.isBlank()).forEach(l -> PIDS.add(Long.parseLong(l.trim())));
    }

    /** Runs commands inside the cluster's namespaces, programs resolved like the other real-tool tests. */
    private static Executor inNamespace() {
        return c -> {
            String abs = RealTools.find(c.program()).orElseThrow().toString();
            Command.Builder b = Command.builder("nsenter").args("-t", Long.toString(pacemakerd), "-n", "-m", "-u", abs)
                    .args(c.argv().subList(1, c.argv().size())).timeout(Duration.ofSeconds(90));
            c.env().forEach(b::env);
            c.stdin().ifPresent(b::stdin);
            return Tools.run(b.build());
        };
    }

    @AfterAll
    static void stopCluster() throws IOException {
        if (cluster != null) {
            cluster.stop(Duration.ofSeconds(60));
        }
        if (ns != null) {
            ns.close();
        }
        // libqb leaves ring buffers of the daemons we started in /dev/shm
        try (var s = Files.list(Path.of("/dev/shm"))) {
            for (Path p : s.toList()) {
                String n = p.getFileName().toString();
                for (long pid : PIDS) {
                    if (n.startsWith("qb-") && n.contains("-" + pid + "-")) {
                        Files.deleteIfExists(p);
                    }
                }
            }
        }
    }

    private static void settle() {
        assertThat(pm.waitForSettle(Duration.ofSeconds(60)).outcome()).isEqualTo(SettleResult.Outcome.SETTLED);
    }

    private static Configuration withServices(Configuration live) {
        List<NvSet> props = new ArrayList<>(live.crmConfig());
        props.add(NvSet.of("cluster_property_set", "san-options", List.of(new NvPair("san-options-stonith-enabled", "stonith-enabled", "true"))));
        List<Resource> res = new ArrayList<>(live.resources());
        res.add(Primitive.builder("fence-ghost", new ResourceAgent("stonith", null, "fence_dummy")).instance("pcmk_host_list", "ghost")
                .op("monitor", "60s", null).build());
        res.add(new Group("svc", List.of(), List.of(
                Primitive.builder("d1", ResourceAgent.parse("ocf:pacemaker:Dummy")).op("monitor", "10s", null).build(),
                Primitive.builder("d2", ResourceAgent.parse("ocf:pacemaker:Dummy")).op("monitor", "10s", null).build())));
        return new Configuration(props, live.nodes(), res, live.constraints(), live.fencingTopology(), live.rscDefaults(),
                live.opDefaults(), live.tags(), live.alerts(), live.acls(), live.unknown());
    }

    @Test
    @Order(1)
    void quorum_oneNodeCluster_isQuorateWithLocalMember() {
        QuorumStatus q = pm.quorum();
        assertThat(q.quorate()).isTrue();
        assertThat(q.members()).singleElement().satisfies(m -> {
            assertThat(m.name()).isEqualTo("storage-a");
            assertThat(m.local()).isTrue();
        });
    }

    @Test
    @Order(2)
    void patch_appliedToLiveCib_startsTheNewResources() {
        settle();
        CibPatch patch = null;
        for (int attempt = 0; attempt < 5; attempt++) {
            Cib live = pm.cib();
            patch = CibPatch.between(live, withServices(live.configuration()), false);
            try {
                pm.apply(patch);
                break;
            } catch (CibChangedException e) {
                // a status update moved num_updates between planning and applying: re-plan, as documented
                patch = null;
            }
        }
        assertThat(patch).isNotNull();
        settle();
        ClusterStatus s = pm.status();
        assertThat(s.runningOn("d1")).containsExactly("storage-a");
        assertThat(s.runningOn("d2")).containsExactly("storage-a");
        assertThat(s.runningOn("fence-ghost")).containsExactly("storage-a");
        assertThat(pm.cib().configuration().property("stonith-enabled")).contains("true");
        assertThat(pm.verify().outcome()).isEqualTo(VerifyResult.Outcome.VALID);
    }

    @Test
    @Order(3)
    void patch_afterAConcurrentChange_isRefused() {
        settle();
        Cib live = pm.cib();
        Configuration c = live.configuration();
        List<NvSet> defaults = List.of(NvSet.of("meta_attributes", "rsc_defaults-meta_attributes",
                List.of(new NvPair("rsc_defaults-meta_attributes-resource-stickiness", "resource-stickiness", "200"))));
        CibPatch p = CibPatch.between(live, new Configuration(c.crmConfig(), c.nodes(), c.resources(), c.constraints(), c.fencingTopology(),
                defaults, c.opDefaults(), c.tags(), c.alerts(), c.acls(), c.unknown()), false);
        inNamespace().runChecked(pm.pcs().propertySet("maintenance-mode", "false"));
        assertThatThrownBy(() -> pm.apply(p)).isInstanceOf(CibChangedException.class);
        assertThat(pm.cib().configuration().rscDefaults()).isEmpty();
    }

    @Test
    @Order(4)
    void standby_stopsEverything_unstandby_startsItAgain() {
        settle();
        pm.standby("storage-a");
        settle();
        ClusterStatus s = pm.status();
        assertThat(s.node("storage-a").orElseThrow().standby()).isTrue();
        assertThat(s.runningOn("d1")).isEmpty();
        pm.unstandby("storage-a");
        settle();
        assertThat(pm.status().runningOn("d1")).containsExactly("storage-a");
    }

    @Test
    @Order(5)
    void disableEnableCleanup_changeTargetRoleAndKeepRunning() {
        settle();
        pm.disable("svc");
        settle();
        assertThat(pm.status().runningOn("d2")).isEmpty();
        pm.enable("svc");
        settle();
        assertThat(pm.status().runningOn("d2")).containsExactly("storage-a");
        pm.cleanup(Optional.of("d1"));
        settle();
        assertThat(pm.status().runningOn("d1")).containsExactly("storage-a");
    }

    @Test
    @Order(6)
    void fencing_ofAnotherNode_showsInFencingHistory() {
        settle();
        inNamespace().runChecked(Command.of("stonith_admin", "--reboot", "ghost", "--timeout", "30"));
        assertThat(pm.fencingHistory()).anySatisfy(e -> {
            assertThat(e.target()).isEqualTo("ghost");
            assertThat(e.action()).isEqualTo("reboot");
            assertThat(e.status()).isEqualTo("success");
            assertThat(e.delegate()).isEqualTo("storage-a");
        });
    }
}
