package org.sansdk.cluster.change;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sansdk.cluster.SanCluster;
import org.sansdk.cluster.design.ChapLogin;
import org.sansdk.cluster.design.ClientService;
import org.sansdk.cluster.design.ClientVlanSpec;
import org.sansdk.cluster.design.CorosyncTiming;
import org.sansdk.cluster.design.IscsiAccess;
import org.sansdk.cluster.design.Placement;
import org.sansdk.cluster.design.SanDesign;
import org.sansdk.cluster.design.SecretRef;
import org.sansdk.cluster.design.TestDesigns;
import org.sansdk.core.Command;
import org.sansdk.core.CommandResult;
import org.sansdk.core.Executor;
import org.sansdk.core.LocalExecutor;
import org.sansdk.core.testing.RealTools;
import org.sansdk.corosync.CorosyncConfParser;
import org.sansdk.lio.SaveconfigWriter;
import org.sansdk.lio.reconcile.LioLock;
import org.sansdk.lio.sync.SyncPlan;

/**
 * {@code cluster.plan(changed)} against three nodes whose files live in memory (cat / the atomic write commands),
 * with the real {@code cibadmin} on an offline CIB file for the storage-a node's CIB (Pacemaker validates and applies
 * the version-pinned patch itself). targetcli cannot run here: the stand-in checks it got exactly the planned batch
 * and writes the model's result (san-lio proves batch text and model agree, line by line).
 */
class ChangePlannerTest {

    /** A node: an in-memory file system for cat and Plan's atomic write; cibadmin on a real offline CIB file. */
    static final class FakeNode implements Executor {
        final String name;
        final Map<String, String> files = new LinkedHashMap<>();
        final Path cib;
        final List<Command> commands = new ArrayList<>();
        Function<Command, CommandResult> targetcli = c -> CommandResult.of(127, "", "targetcli: not expected");

        FakeNode(String name, Path cib) {
            this.name = name;
            this.cib = cib;
        }

        @Override
        public synchronized CommandResult run(Command c) {
            commands.add(c);
            List<String> a = c.argv();
            switch (c.program()) {
                case "cat": {
                    String f = files.get(a.get(a.size() - 1));
                    return f == null ? CommandResult.of(1, "", "cat: " + a.get(a.size() - 1) + ": No such file or directory") : CommandResult.ok(f);
                }
                case "install":
                    files.put(a.get(a.size() - 1), "");
                    return CommandResult.ok("");
                case "dd":
                    files.put(a.get(1).substring("of=".length()), new String(c.stdin().orElseThrow(), StandardCharsets.UTF_8));
                    return CommandResult.ok("");
                case "chown", "chmod", "sync":
                    return CommandResult.ok("");
                case "mv":
                    files.put(a.get(4), files.remove(a.get(3)));
                    return CommandResult.ok("");
                case "cibadmin": {
                    Command.Builder b = c.toBuilder().env("CIB_file", cib.toString());
                    return new LocalExecutor().run(b.build());
                }
                case "targetcli":
                    return targetcli.apply(c);
                case "corosync-cfgtool":
                    return CommandResult.ok("Reloading corosync.conf...\nDone\n");
                default:
                    return CommandResult.of(127, "", c.program() + ": not in the fake node");
            }
        }
    }

    static SanDesign day1() {
        return TestDesigns.small().build();
    }

    /** Day two: token 4000 → 5000 ms, stickiness 200 → 300, a second iSCSI VLAN (lab, ACL mode) appended. */
    static SanDesign day2() {
        return TestDesigns.small()
                .corosync(new CorosyncTiming(Duration.ofMillis(5000), Optional.empty(), Duration.ofMillis(1000), 20,
                        Duration.ofMillis(650)))
                .placement(new Placement("storage-a", 100, 300, Duration.ofSeconds(150), Duration.ofSeconds(90)))
                .build();
    }

    Map<String, FakeNode> nodes;
    SanCluster cluster;

    void start(Path dir) throws Exception {
        RealTools.requireFrom("cibadmin", "pacemaker-cli-utils");
        Path cib = dir.resolve("cib.xml");
        Files.writeString(cib, new LocalExecutor().runChecked(Command.of("cibadmin", "--empty")).stdout());
        nodes = new LinkedHashMap<>();
        for (String n : List.of("storage-a", "storage-b", "quorum")) {
            FakeNode f = new FakeNode(n, cib);
            f.files.put("/etc/os-release", "ID=debian\nVERSION_ID=\"12\"\n");
            if (n.startsWith("storage")) {
                // what targetcli's first saveconfig writes on a node without targets
                f.files.put("/etc/rtslib-fb-target/saveconfig.json", SaveconfigWriter.write(org.sansdk.lio.LioConfig.empty()));
            }
            nodes.put(n, f);
        }
        cluster = SanCluster.of(day1(), nodes, Map.of());
    }

    static ChangeOptions options() {
        return ChangeOptions.all().lioLock(LioLock.none());
    }

    /** Lets the targetcli stand-in accept exactly the batches of {@code plan} and write their model result. */
    void acceptLio(ClusterChangePlan plan) {
        for (ChangePlan p : plan.nodes()) {
            FakeNode n = nodes.get(p.node());
            Optional<SyncPlan> lio = p.lio();
            n.targetcli = c -> {
                SyncPlan l = lio.orElseThrow();
                assertThat(c.stdin().map(b -> new String(b, StandardCharsets.US_ASCII))).contains(l.batch().script());
                n.files.put("/etc/rtslib-fb-target/saveconfig.json", SaveconfigWriter.write(l.after()));
                return CommandResult.ok("");
            };
        }
    }

    @Test
    void dayOne_onBareNodes_thenDayTwo_rendersOnlyTheChanges_andReplanAfterApplyIsEmpty(@TempDir Path dir) throws Exception {
        start(dir);
        // the capability probe for the saveconfig path is not part of this test: LIO path is Debian's
        ClusterChangePlan first = cluster.plan(day1(), options().lioExtras(org.sansdk.lio.reconcile.LioReconciler.Extras.KEEP));
        assertThat(first.isEmpty()).isFalse();
        acceptLio(first);
        first.apply();
        ClusterChangePlan again = cluster.plan(day1(), options());
        assertThat(again.isEmpty()).as(again.summary()).isTrue();
        assertThat(again.summary()).isEqualTo("day-two change of san-cluster: nothing to do\nstorage-a: no changes\n"
                + "storage-b: no changes\nquorum: no changes\n");

        ClusterChangePlan two = cluster.plan(day2(), options());
        for (String n : List.of("storage-a", "storage-b", "quorum")) {
            ChangePlan p = two.node(n).orElseThrow();
            assertThat(p.files()).extracting(f -> f.path().toString()).containsExactly("/etc/corosync/corosync.conf");
            assertThat(p.files().get(0).differences()).containsExactly("totem.token: 4000 -> 5000");
            assertThat(p.corosync().orElseThrow().activation()).isEqualTo(CorosyncChange.Activation.RELOAD);
            assertThat(p.lio().map(SyncPlan::isEmpty).orElse(true)).isTrue();
        }
        assertThat(two.reloadsCorosync()).isTrue();
        var cib = two.node("storage-a").orElseThrow().cib().orElseThrow();
        assertThat(cib.changes()).hasSize(1);
        assertThat(cib.changes().get(0).describe()).contains("rsc_defaults").contains("resource-stickiness");
        assertThat(two.plan().steps()).last().satisfies(s ->
                assertThat(((org.sansdk.core.Plan.RunStep) s).command().argv()).containsExactly("corosync-cfgtool", "-R"));
        two.apply();
        assertThat(nodes.get("quorum").commands).noneMatch(c -> c.program().equals("corosync-cfgtool"));
        assertThat(nodes.get("storage-a").commands).filteredOn(c -> c.program().equals("corosync-cfgtool")).hasSize(1);
        // Pacemaker itself applied the pinned patch to the CIB file
        String cibXml = new LocalExecutor().runChecked(Command.builder("cibadmin").arg("-Q")
                .env("CIB_file", dir.resolve("cib.xml").toString()).build()).stdout();
        assertThat(cibXml).containsPattern("name=\"resource-stickiness\" value=\"300\"");
        ClusterChangePlan after = cluster.plan(day2(), options());
        assertThat(after.isEmpty()).as(after.summary()).isTrue();
        assertThat(CorosyncConfParser.parse("x", nodes.get("quorum").files.get("/etc/corosync/corosync.conf"))
                .value("totem.token")).contains("5000");
    }

    @Test
    void aNewIscsiVlan_changesOnlyItsTpgInLio_addsItsVipToTheCib_andConverges(@TempDir Path dir) throws Exception {
        start(dir);
        ClusterChangePlan first = cluster.plan(day1(), options());
        acceptLio(first);
        first.apply();
        SanDesign withLab = TestDesigns.small().clientVlan(ClientVlanSpec.builder("lab", 50).subnet("10.50.50.0/24").mtu(9000)
                .vip("10.50.50.10/24").services(ClientService.ISCSI)
                .access(new IscsiAccess.GenerateNodeAcls(Optional.of(new ChapLogin("lab-shared", new SecretRef("lab-tpg-chap")))))
                .dataset("iscsi/lab").build()).dataset(new org.sansdk.cluster.design.DatasetSpec("iscsi/lab", Map.of())).build();
        ClusterChangePlan p = cluster.plan(withLab, options());
        SyncPlan lio = p.node("storage-a").orElseThrow().lio().orElseThrow();
        String script = lio.batch().redactedScript();
        assertThat(script.lines().filter(l -> !l.equals("saveconfig") && !l.equals("exit")))
                .allMatch(l -> l.contains("/tpg3") || l.contains(" create tag=3") || l.startsWith("# (secret line)"), script);
        assertThat(p.node("storage-a").orElseThrow().files()).isEmpty();
        assertThat(p.node("storage-a").orElseThrow().cib().orElseThrow().changes()).extracting(x -> x.describe())
                .anyMatch(d -> d.contains("lab"));
        assertThat(p.summary()).contains("storage-a:\n  LIO: 4 changes", "quorum: no changes\n");
        acceptLio(p);
        p.apply();
        assertThat(cluster.plan(withLab, options()).isEmpty()).isTrue();
    }

    static SanDesign withSecrets(SanDesign d, String backendPassword) {
        return d.withSecrets(org.sansdk.cluster.design.SecretSource.of(Map.of(
                "backend-chap", org.sansdk.core.Secret.of(backendPassword),
                "backend-mutual-chap", org.sansdk.core.Secret.of("Mutual-pw-2b"),
                "hypervisor-tpg-chap", org.sansdk.core.Secret.of("Tpg-pw-3c"),
                "fence-storage-a-password", org.sansdk.core.Secret.of("Fence-a-4d"),
                "fence-storage-b-password", org.sansdk.core.Secret.of("Fence-b-5e"))));
    }

    @Test
    void rotatingTheBackendChapPassword_changesTheNodeRecordsAndAclAuth_only_andNeverShowsAPassword(@TempDir Path dir)
            throws Exception {
        start(dir);
        SanDesign before = withSecrets(day1(), "Old-repl-pw-1a");
        ClusterChangePlan first = cluster.plan(before, options());
        acceptLio(first);
        first.apply();
        assertThat(cluster.plan(before, options()).isEmpty()).isTrue();

        SanDesign rotated = withSecrets(day1(), "New-repl-pw-9z");
        ClusterChangePlan p = cluster.plan(rotated, options());
        for (String n : List.of("storage-a", "storage-b")) {
            ChangePlan np = p.node(n).orElseThrow();
            assertThat(np.files()).singleElement().satisfies(f -> {
                assertThat(f.path().toString()).startsWith("/etc/iscsi/nodes/");
                assertThat(f.differences()).containsExactly("node.session.auth.password: (secret changes)");
            });
            // the peer's initiator ACL on this node's backend target gets the new credential, nothing else
            assertThat(np.lio().orElseThrow().changes()).singleElement()
                    .isInstanceOf(org.sansdk.lio.targetcli.LioChange.SetAuth.class);
        }
        assertThat(p.node("quorum").orElseThrow().isEmpty()).isTrue();
        assertThat(p.node("storage-a").orElseThrow().cib().orElseThrow().isEmpty()).isTrue();
        String shown = p.summary() + p.plan();
        for (String pw : List.of("Old-repl-pw-1a", "New-repl-pw-9z", "Mutual-pw-2b", "Fence-a-4d")) {
            assertThat(shown).doesNotContain(pw);
        }
        acceptLio(p);
        p.apply();
        assertThat(cluster.plan(rotated, options()).isEmpty()).isTrue();
        assertThat(nodes.get("storage-b").files.entrySet()).filteredOn(e -> e.getKey().startsWith("/etc/iscsi/nodes/") && e.getKey().endsWith("/default"))
                .singleElement().satisfies(e -> assertThat(e.getValue()).contains("node.session.auth.password = New-repl-pw-9z"));
    }

    @Test
    void corosyncKeys_reloadOrRestart_asCorosyncReadsThem() {
        var base = org.sansdk.cluster.map.DesignMapping.of(day1()).corosync();
        var token = org.sansdk.cluster.map.DesignMapping.of(day2()).corosync();
        assertThat(CorosyncChange.between(base, token).activation()).isEqualTo(CorosyncChange.Activation.RELOAD);
        var renamed = org.sansdk.cluster.map.DesignMapping.of(TestDesigns.small().clusterName("other").build()).corosync();
        CorosyncChange c = CorosyncChange.between(base, renamed);
        assertThat(c.activation()).isEqualTo(CorosyncChange.Activation.RESTART);
        assertThat(c.restartKeys()).containsExactly("totem.cluster_name");
        assertThat(CorosyncChange.reloadable("totem.consensus")).isTrue();
        assertThat(CorosyncChange.reloadable("totem.crypto_cipher")).isFalse();
        assertThat(CorosyncChange.reloadable("quorum.two_node")).isFalse();
        assertThat(CorosyncChange.reloadable("nodelist.node[quorum].ring1_addr")).isTrue();
        assertThat(CorosyncChange.between(base, base).activation()).isEqualTo(CorosyncChange.Activation.NONE);
    }

}
