package org.sansdk.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.sansdk.cluster.design.CorosyncTiming;
import org.sansdk.cluster.design.Disk;
import org.sansdk.cluster.design.Fencing;
import org.sansdk.cluster.design.IscsiSettings;
import org.sansdk.cluster.design.Network;
import org.sansdk.cluster.design.Node;
import org.sansdk.cluster.design.NodeRole;
import org.sansdk.cluster.design.Placement;
import org.sansdk.cluster.design.Pool;
import org.sansdk.cluster.design.SanDesign;
import org.sansdk.cluster.design.SecretRef;
import org.sansdk.core.Command;
import org.sansdk.core.CommandResult;
import org.sansdk.core.Executor;
import org.sansdk.core.HostExecutors;
import org.sansdk.core.IpCidr;
import org.sansdk.core.Iqn;
import org.sansdk.core.Plan;
import org.sansdk.core.RecordingExecutor;
import org.sansdk.core.ReplayExecutor;
import org.sansdk.core.SanException;
import org.sansdk.core.SshExecutor;
import org.sansdk.zfs.HostId;

class SanClusterTest {

    /** Two storage nodes (2 disks each) and a quorum node, both corosync links on every node. */
    static SanDesign design() {
        SanDesign.Builder b = SanDesign.builder().clusterName("san-cluster")
                .network(new Network("management", 20, IpCidr.parse("10.20.20.0/24"), 1500))
                .network(new Network("storage", 10, IpCidr.parse("10.10.10.0/24"), 9000));
        for (String x : List.of("a", "b")) {
            int i = x.equals("a") ? 1 : 2;
            Node.Builder n = Node.builder("storage-" + x, NodeRole.STORAGE).nodeId(i).hostId(new HostId(0x7d1c0a00L + i))
                    .address("management", "10.20.20." + i + "/24").address("storage", "10.10.10." + i + "/24")
                    .corosyncLinks("management", "storage")
                    .backendTargetIqn(Iqn.parse("iqn.2025-01.lab.home:storage-" + x))
                    .initiatorIqn(Iqn.parse("iqn.2025-01.lab.home:initiator-" + x));
            for (int d = 0; d < 2; d++) {
                n.disk(new Disk("/dev/disk/by-id/ata-SSD_" + x + "_" + d, "data-" + x + "-" + d));
            }
            b.node(n.build());
            b.fencing(new Fencing("storage-" + x, "fence_ipmilan", Map.of("ip", "10.20.20.10" + i),
                    Map.of("password", new SecretRef("fence-" + x)), Duration.ofSeconds(60)));
        }
        b.node(Node.builder("quorum", NodeRole.QUORUM).nodeId(3).address("management", "10.20.20.3/24")
                .address("storage", "10.10.10.3/24").corosyncLinks("management", "storage").build());
        Map<String, String> props = new LinkedHashMap<>();
        props.put("multihost", "on");
        return b.pool(new Pool("san-pool", props, Map.of()))
                .corosync(new CorosyncTiming(Duration.ofMillis(4000), Optional.empty(), Duration.ofMillis(1000), 20,
                        Duration.ofMillis(650)))
                .iscsi(new IscsiSettings(Optional.empty(), Duration.ofSeconds(5), Duration.ofSeconds(10),
                        Duration.ofSeconds(2), Duration.ofSeconds(2), Optional.empty()))
                .placement(new Placement("storage-a", 100, 200, Duration.ofSeconds(150), Duration.ofSeconds(90)))
                .build();
    }

    static final String DEBIAN_OS_RELEASE = """
            PRETTY_NAME="Debian GNU/Linux 12 (bookworm)"
            NAME="Debian GNU/Linux"
            VERSION_ID="12"
            VERSION="12 (bookworm)"
            VERSION_CODENAME=bookworm
            ID=debian
            HOME_URL="https://www.debian.org/"
            """;

    static final String ROCKY_OS_RELEASE = """
            NAME="Rocky Linux"
            VERSION="9.3 (Blue Onyx)"
            ID="rocky"
            ID_LIKE="rhel centos fedora"
            VERSION_ID="9.3"
            """;

    static ReplayExecutor debianStorageNode() {
        return ReplayExecutor.builder()
                .on(List.of("cat", "/etc/os-release"), DEBIAN_OS_RELEASE)
                .on(List.of("zfs", "version"), "zfs-2.1.11-1\nzfs-kmod-2.1.11-1\n")
                .on(List.of("pcs", "--version"), "0.11.5\n")
                .on(List.of("corosync", "-v"), "Corosync Cluster Engine, version '3.1.7'\nCopyright (c) 2006-2021 Red Hat, Inc.\n")
                .on(List.of("targetcli", "--version"), "/usr/bin/targetcli version 2.1.53\n")
                .build();
    }

    static ReplayExecutor rockyQuorumNode() {
        return ReplayExecutor.builder()
                .on(List.of("cat", "/etc/os-release"), ROCKY_OS_RELEASE)
                .on(List.of("zfs", "version"), CommandResult.of(127, "", "zfs: command not found"))
                .on(List.of("pcs", "--version"), "0.11.7\n")
                .on(List.of("corosync", "-v"), "Corosync Cluster Engine, version '3.1.8'\n")
                .on(List.of("targetcli", "--version"), CommandResult.of(127, "", "targetcli: command not found"))
                .build();
    }

    @Test
    void capabilities_areProbedWithArgvCommands_andReadFromWhatEachProgramPrints() {
        SanCluster cluster = SanCluster.of(design(), Map.of("storage-a", debianStorageNode(), "storage-b",
                debianStorageNode(), "quorum", rockyQuorumNode()));
        Map<String, NodeCapabilities> caps = cluster.capabilities();
        assertThat(caps.keySet()).containsExactly("storage-a", "storage-b", "quorum");
        NodeCapabilities a = caps.get("storage-a");
        assertThat(a.family()).isEqualTo(DistroFamily.DEBIAN);
        assertThat(a.osId()).isEqualTo("debian");
        assertThat(a.osVersion()).contains("12");
        assertThat(a.openZfs().orElseThrow().numbers()).containsExactly(2, 1, 11);
        assertThat(a.zfsKmod().orElseThrow().text()).isEqualTo("2.1.11-1");
        assertThat(a.zpoolJson()).as("zpool status -j arrived in OpenZFS 2.3").isFalse();
        assertThat(a.pcs().orElseThrow().text()).isEqualTo("0.11.5");
        assertThat(a.pcsModern()).isTrue();
        assertThat(a.corosync3()).isTrue();
        assertThat(a.targetcli().orElseThrow().numbers()).containsExactly(2, 1, 53);
        assertThat(a.saveconfigPath()).hasToString("/etc/rtslib-fb-target/saveconfig.json");
        assertThat(a.notes()).isEmpty();

        NodeCapabilities q = caps.get("quorum");
        assertThat(q.family()).as("ID=rocky").isEqualTo(DistroFamily.RHEL);
        assertThat(q.osVersion()).contains("9.3");
        assertThat(q.openZfs()).isEmpty();
        assertThat(q.targetcli()).isEmpty();
        assertThat(q.corosync().orElseThrow().text()).isEqualTo("3.1.8");
        assertThat(q.saveconfigPath()).hasToString("/etc/target/saveconfig.json");
        assertThat(q.notes()).containsExactly("zfs: exit 127 (not installed)", "targetcli: exit 127 (not installed)");
        assertThat(q.describe()).isEqualTo("quorum: rocky 9.3 (RHEL), OpenZFS —, pcs 0.11.7, corosync 3.1.8, targetcli —");
    }

    @Test
    void capabilities_areProbedOncePerNode() {
        ReplayExecutor a = debianStorageNode();
        SanCluster cluster = SanCluster.of(design(), Map.of("storage-a", a, "storage-b", debianStorageNode(),
                "quorum", rockyQuorumNode()));
        cluster.node("storage-a").capabilities();
        cluster.node("storage-a").capabilities();
        cluster.capabilities();
        assertThat(a.commandsSeen()).extracting(Command::program)
                .containsExactly("cat", "zfs", "pcs", "corosync", "targetcli");
    }

    @Test
    void zpoolJson_followsTheOpenZfsVersion() {
        ReplayExecutor newer = ReplayExecutor.builder()
                .on(List.of("cat", "/etc/os-release"), DEBIAN_OS_RELEASE)
                .on(List.of("zfs", "version"), "zfs-2.3.1-1\nzfs-kmod-2.3.1-1\n")
                .on(List.of("pcs", "--version"), "0.11.9\n")
                .on(List.of("corosync", "-v"), "Corosync Cluster Engine, version '3.1.9'\n")
                .on(List.of("targetcli", "--version"), "/usr/bin/targetcli version 2.1.58\n")
                .build();
        SanCluster cluster = SanCluster.of(design(), Map.of("storage-a", newer, "storage-b", debianStorageNode(),
                "quorum", rockyQuorumNode()));
        assertThat(cluster.node("storage-a").capabilities().zpoolJson()).isTrue();
        assertThat(cluster.node("storage-b").capabilities().zpoolJson()).isFalse();
    }

    @Test
    void garbledVersionOutput_isAParseErrorNamingHostAndCommand() {
        ReplayExecutor odd = ReplayExecutor.builder()
                .on(List.of("cat", "/etc/os-release"), DEBIAN_OS_RELEASE)
                .on(List.of("zfs", "version"), "zfs-2.1.11-1\nzfs-kmod-2.1.11-1\n")
                .on(List.of("pcs", "--version"), "Error: unable to read known-hosts\n")
                .build();
        SanCluster cluster = SanCluster.of(design(), Map.of("storage-a", odd, "storage-b", debianStorageNode(),
                "quorum", rockyQuorumNode()));
        assertThatThrownBy(() -> cluster.node("storage-a").capabilities())
                .isInstanceOf(org.sansdk.core.ParseException.class)
                .hasMessageContaining("storage-a: pcs --version:1:1:").hasMessageContaining("Error: unable to read known-hosts");
    }

    @Test
    void osRelease_repeatedKeyOrBadLine_refusedWithTheLine() {
        assertThatThrownBy(() -> org.sansdk.cluster.internal.CapabilityProbe.parseOsRelease("n: /etc/os-release",
                "ID=debian\nVERSION_ID=12\nID=ubuntu\n"))
                .isInstanceOf(org.sansdk.core.ParseException.class).hasMessageContaining("/etc/os-release:3:1:");
        assertThatThrownBy(() -> org.sansdk.cluster.internal.CapabilityProbe.parseOsRelease("n: /etc/os-release",
                "ID=debian\nthis is not os-release\n"))
                .isInstanceOf(org.sansdk.core.ParseException.class).hasMessageContaining("/etc/os-release:2:1:");
        assertThatThrownBy(() -> org.sansdk.cluster.internal.CapabilityProbe.parseOsRelease("n: /etc/os-release", ""))
                .isInstanceOf(org.sansdk.core.ParseException.class);
        assertThat(org.sansdk.cluster.internal.CapabilityProbe.parseOsRelease("n", "# comment\n\nNAME='Alpine Linux'\nID=alpine\n"))
                .containsEntry("NAME", "Alpine Linux").containsEntry("ID", "alpine");
    }

    @Test
    void inventory_mustNameExactlyTheDesignsNodes() {
        Executor any = debianStorageNode();
        assertThatThrownBy(() -> SanCluster.of(design(), Map.of("storage-a", any, "quorum", any)))
                .isInstanceOf(SanException.class).hasMessageContaining("without an executor: [storage-b]");
        assertThatThrownBy(() -> SanCluster.of(design(), Map.of("storage-a", any, "storage-b", any, "quorum", any, "storage-c", any)))
                .hasMessageContaining("not in the design: [storage-c]");
        SanCluster cluster = SanCluster.of(design(), Map.of("storage-a", any, "storage-b", any, "quorum", any));
        assertThatThrownBy(() -> cluster.node("storage-x")).isInstanceOf(UnknownNodeException.class)
                .hasMessageContaining("[storage-a, storage-b, quorum]");
        assertThat(cluster.storageNodes()).extracting(ClusterNode::name).containsExactly("storage-a", "storage-b");
    }

    @Test
    void overSsh_reachesEachNodeAtItsAddressOnTheNamedNetwork() {
        SanCluster cluster = SanCluster.overSsh(design(), "management", "root");
        assertThat(((SshExecutor) cluster.executorFor("storage-b")).host()).isEqualTo("10.20.20.2");
        assertThat(((SshExecutor) cluster.executorFor("quorum")).host()).isEqualTo("10.20.20.3");
        assertThatThrownBy(() -> SanCluster.overSsh(design(), "enduser", "root"))
                .hasMessageContaining("no address on network 'enduser' for [storage-a, storage-b, quorum]");
    }

    @Test
    void aPlanSpanningNodes_runsEachStepOnItsOwnNode() {
        RecordingExecutor a = new RecordingExecutor();
        RecordingExecutor b = new RecordingExecutor();
        RecordingExecutor q = new RecordingExecutor();
        SanCluster cluster = SanCluster.of(design(), Map.of("storage-a", a, "storage-b", b, "quorum", q));
        Plan plan = Plan.builder("two hosts")
                .run("storage-b", Command.of("zpool", "list"), "list b")
                .run("storage-a", Command.of("zfs", "list"), "list a")
                .build();
        plan.applyTo((HostExecutors) cluster);
        assertThat(a.commands()).extracting(Command::program).containsExactly("zfs");
        assertThat(b.commands()).extracting(Command::program).containsExactly("zpool");
        assertThat(q.commands()).isEmpty();
    }

    @Test
    void bundle_followsWhatEachNodeRuns() {
        SanDesign reference = org.sansdk.cluster.design.SanDesignYaml.read(java.nio.file.Path.of("..", "examples", "designs", "reference.yml"));
        ReplayExecutor rocky = ReplayExecutor.builder()
                .on(List.of("cat", "/etc/os-release"), ROCKY_OS_RELEASE)
                .on(List.of("zfs", "version"), "zfs-2.2.2-1\nzfs-kmod-2.2.2-1\n")
                .on(List.of("pcs", "--version"), "0.11.7\n")
                .on(List.of("corosync", "-v"), "Corosync Cluster Engine, version '3.1.8'\n")
                .on(List.of("targetcli", "--version"), "/usr/bin/targetcli version 2.1.57\n")
                .build();
        SanCluster cluster = SanCluster.of(reference, Map.of("storage-a", rocky, "storage-b", debianStorageNode(),
                "quorum", rockyQuorumNode()));
        org.sansdk.cluster.bundle.Bundle b = cluster.bundle();
        // storage-a and quorum run Rocky: dnf and RHEL names; storage-b runs Debian: apt-get
        assertThat(b.steps("storage-a")).extracting(s -> s.command().program()).contains("dnf").doesNotContain("apt-get");
        assertThat(b.steps("storage-b")).extracting(s -> s.command().program()).contains("apt-get").doesNotContain("dnf");
        assertThat(b.steps("storage-a")).anySatisfy(s -> assertThat(s.command().argv()).contains("iscsi-initiator-utils"));
        assertThat(b.steps("quorum")).extracting(s -> s.command().program()).contains("dnf");
    }

    @Test
    void anOldPcs_isRefusedBeforeAnythingRuns_andPoolStatusUsesJsonWhereOpenZfsHasIt() {
        ReplayExecutor old = ReplayExecutor.builder()
                .on(List.of("cat", "/etc/os-release"), ROCKY_OS_RELEASE)
                .on(List.of("zfs", "version"), "zfs-2.3.1-1\nzfs-kmod-2.3.1-1\n")
                .on(List.of("pcs", "--version"), "0.9.169\n")
                .on(List.of("corosync", "-v"), "Corosync Cluster Engine, version '2.4.5'\n")
                .on(List.of("targetcli", "--version"), "/usr/bin/targetcli version 2.1.fb49\n")
                .on(List.of("zpool", "status", "-j", "--json-int", "-P", "san-pool"), CommandResult.of(1, "", "recorded: -j was asked"))
                .build();
        SanCluster cluster = SanCluster.of(design(), Map.of("storage-a", old, "storage-b", debianStorageNode(),
                "quorum", rockyQuorumNode()));
        assertThatThrownBy(() -> cluster.node("storage-a").pacemaker()).isInstanceOf(UnsupportedToolException.class)
                .hasMessageContaining("storage-a runs pcs 0.9.169").hasMessageContaining("0.10 and later");
        assertThat(cluster.node("storage-a").capabilities().corosync3()).isFalse();
        // OpenZFS 2.3 has zpool status -j: poolStatus asks for it (the recorded answer is a failure, so it shows)
        assertThatThrownBy(() -> cluster.node("storage-a").poolStatus("san-pool")).hasMessageContaining("recorded: -j was asked");
    }

    @Test
    void aDryRunCluster_takesKnownCapabilities_andProbesNothing() {
        RecordingExecutor a = new RecordingExecutor();
        NodeCapabilities debian = new NodeCapabilities("storage-a", DistroFamily.DEBIAN, "debian", java.util.Optional.of("12"),
                java.util.Optional.of(ToolVersion.parse("2.1.11-1")), java.util.Optional.empty(),
                java.util.Optional.of(ToolVersion.parse("0.11.5")), java.util.Optional.of(ToolVersion.parse("3.1.7")),
                java.util.Optional.empty(), List.of());
        SanCluster cluster = SanCluster.of(design(), Map.of("storage-a", a, "storage-b", new RecordingExecutor(),
                "quorum", new RecordingExecutor()), Map.of("storage-a", debian));
        assertThat(cluster.node("storage-a").lio().path()).hasToString("/etc/rtslib-fb-target/saveconfig.json");
        cluster.node("storage-a").pacemaker();
        assertThat(a.commands()).isEmpty();
        assertThatThrownBy(() -> SanCluster.of(design(), Map.of("storage-a", a, "storage-b", a, "quorum", a),
                Map.of("storage-z", debian))).hasMessageContaining("not in the design: [storage-z]");
    }
}
