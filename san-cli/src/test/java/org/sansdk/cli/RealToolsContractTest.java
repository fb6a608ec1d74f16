package org.sansdk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.sansdk.core.Command;
import org.sansdk.core.CommandResult;
import org.sansdk.core.LocalExecutor;
import org.sansdk.core.testing.Daemon;
import org.sansdk.core.testing.NetNamespace;
import org.sansdk.core.testing.RealTools;
import org.sansdk.corosync.CorosyncAuthKey;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The JSON contract against what the real tools print here, for the shapes no recorded capture has: a live
 * two-node corosync 3 (one network namespace per node, joined by a veth pair) answers
 * {@code corosync-cfgtool -n} and {@code corosync-quorumtool -l} besides {@code -s} and {@code corosync-cmapctl};
 * the real {@code iscsiadm -m node / -m session} of this machine; a CIB built offline with {@code cibadmin}/{@code pcs -f}
 * and what {@code crm_mon} and {@code crm_simulate} print for it. Each output goes through {@code sanctl parse}
 * and must conform to the kind's schema.
 */
class RealToolsContractTest {
    @TempDir
    Path dir;

    /** sanctl parse KIND on a capture written to a file; the JSON, after checking exit 0 and the schema. */
    private JsonNode parseConforming(String kind, String name, String capture) throws IOException {
        Path f = dir.resolve(name);
        Files.writeString(f, capture, StandardCharsets.UTF_8);
        ContractSchemas.Parsed p = ContractSchemas.parse(kind, f.toString());
        assertThat(p.exit()).as(kind + " " + name + "\n" + capture + "\n" + p.stderr()).isZero();
        JsonNode json = p.json();
        assertThat(ContractSchemas.errors(kind, json)).as(kind + " " + name + "\n" + p.stdout()).isEmpty();
        return json;
    }

    private static void run(NetNamespace ns, String... argv) {
        ns.exec(List.of(argv)).requireSuccess(Command.of(argv));
    }

    @Test
    void liveTwoNodeCorosync_everyToolShape_conformsToItsSchema() throws Exception {
        RealTools.require("corosync", "corosync-cfgtool", "corosync-quorumtool", "corosync-cmapctl", "unshare", "ip");
        Path key = dir.resolve("authkey");
        CorosyncAuthKey.generate().writeTo(key);
        String conf = "totem {\n    version: 2\n    cluster_name: contract\n    transport: knet\n"
                + "    crypto_cipher: aes256\n    crypto_hash: sha256\n    keyfile: " + key + "\n    token: 3000\n}\n"
                + "nodelist {\n    node {\n        name: n1\n        nodeid: 1\n        ring0_addr: 10.201.0.1\n    }\n"
                + "    node {\n        name: n2\n        nodeid: 2\n        ring0_addr: 10.201.0.2\n    }\n}\n"
                + "quorum {\n    provider: corosync_votequorum\n    two_node: 1\n}\n"
                + "logging {\n    to_syslog: no\n    to_stderr: yes\n}\n";
        Path confFile = dir.resolve("corosync.conf");
        Files.writeString(confFile, conf);
        List<AutoCloseable> cleanup = new ArrayList<>();
        try {
            NetNamespace a = NetNamespace.create("san-sct");
            cleanup.add(0, a);
            NetNamespace b = NetNamespace.create("san-sct");
            cleanup.add(0, b);
            run(a, "ip", "link", "add", "v0", "type", "veth", "peer", "name", "v1", "netns", b.name());
            run(a, "ip", "addr", "add", "10.201.0.1/24", "dev", "v0");
            run(b, "ip", "addr", "add", "10.201.0.2/24", "dev", "v1");
            run(a, "ip", "link", "set", "v0", "up");
            run(b, "ip", "link", "set", "v1", "up");
            for (NetNamespace ns : List.of(a, b)) {
                // private /var/lib/corosync and /run: two corosyncs on one host must not share state or pid file
                Path state = Files.createDirectories(dir.resolve(ns.name() + "-state"));
                Daemon d = Daemon.start(List.of("ip", "netns", "exec", ns.name(), "unshare", "-m", "--propagation", "private",
                        "sh", "-c", "mount --bind \"$1\" /var/lib/corosync && mount -t tmpfs tmpfs /run && exec corosync -f -c \"$2\"",
                        "sh", state.toString(), confFile.toString()), dir.resolve(ns.name() + ".log"));
                cleanup.add(0, d);
            }
            long end = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            CommandResult members;
            while (true) {
                members = a.exec(List.of("corosync-quorumtool", "-l"));
                if (members.exitCode() == 0 && members.stdout().contains(" n2")) {
                    break;
                }
                if (System.nanoTime() > end) {
                    throw new AssertionError("the two corosyncs did not join: " + members.stdout() + members.stderr()
                            + Files.readString(dir.resolve(a.name() + ".log")));
                }
                Thread.sleep(250);
            }
            JsonNode list = parseConforming("quorumtool", "quorumtool-l.txt", members.stdout());
            assertThat(list.get("members")).hasSize(2);
            assertThat(list.at("/members/0/name").asText()).isEqualTo("n1");
            assertThat(list.at("/members/0/local").asBoolean()).isTrue();
            assertThat(list.at("/members/1/node_id").asInt()).isEqualTo(2);

            JsonNode status = parseConforming("quorumtool", "quorumtool-s.txt", a.exec(List.of("corosync-quorumtool", "-s")).stdout());
            assertThat(status.get("quorate").asBoolean()).isTrue();
            assertThat(status.get("total_votes").asInt()).isEqualTo(2);
            assertThat(status.get("flags").toString()).contains("2Node");

            JsonNode nodes = parseConforming("cfgtool", "cfgtool-n.txt", a.exec(List.of("corosync-cfgtool", "-n")).stdout());
            assertThat(nodes.get("local_node_id").asInt()).isEqualTo(1);
            assertThat(nodes.at("/nodes/0/node_id").asInt()).isEqualTo(2);
            assertThat(nodes.at("/nodes/0/links/0/source").asText()).isEqualTo("10.201.0.1");
            assertThat(nodes.at("/nodes/0/links/0/destination").asText()).isEqualTo("10.201.0.2");

            JsonNode links = parseConforming("cfgtool", "cfgtool-s.txt", a.exec(List.of("corosync-cfgtool", "-s")).stdout());
            assertThat(links.at("/links/0/address").asText()).isEqualTo("10.201.0.1");
            assertThat(links.at("/links/0/peers/1/state").asText()).isEqualTo("connected");

            JsonNode cmap = parseConforming("cmapctl", "cmapctl.txt", a.exec(List.of("corosync-cmapctl")).stdout());
            assertThat(cmap.toString()).contains("\"key\":\"totem.cluster_name\",\"type\":\"str\",\"value\":\"contract\"");
            parseConforming("cmapctl", "cmapctl-m-stats.txt", a.exec(List.of("corosync-cmapctl", "-m", "stats")).stdout());
        } finally {
            for (AutoCloseable c : cleanup) {
                c.close();
            }
        }
    }

    private static String ok(LocalExecutor local, Command c) {
        CommandResult r = local.run(c);
        r.requireSuccess(c);
        return r.stdout();
    }

    @Test
    void offlinePacemaker_cibCrmMonAndCrmSimulate_conformToTheirSchemas() throws Exception {
        RealTools.require("cibadmin", "pcs", "crm_mon", "crm_simulate");
        LocalExecutor local = new LocalExecutor(Duration.ofSeconds(60));
        Path cib = dir.resolve("cib.xml");
        Files.writeString(cib, ok(local, Command.of("cibadmin", "--empty")));
        for (String node : List.of("1:storage-a", "2:storage-b")) {
            String[] idName = node.split(":");
            ok(local, Command.builder("cibadmin").args("-C", "-o", "nodes", "-X",
                    "<node id=\"" + idName[0] + "\" uname=\"" + idName[1] + "\"/>").env("CIB_file", cib.toString()).build());
        }
        ok(local, Command.of("pcs", "-f", cib.toString(), "resource", "create", "dummy1", "ocf:pacemaker:Dummy", "op", "monitor", "interval=10s"));
        ok(local, Command.of("pcs", "-f", cib.toString(), "property", "set", "stonith-enabled=false"));
        ok(local, Command.of("pcs", "-f", cib.toString(), "constraint", "location", "dummy1", "prefers", "storage-a=100"));

        JsonNode c = parseConforming("cib", "cib-parsed.xml", Files.readString(cib));
        assertThat(c.at("/configuration/resources/0/type").asText()).isEqualTo("primitive");
        assertThat(c.at("/configuration/resources/0/agent/type").asText()).isEqualTo("Dummy");
        assertThat(c.at("/configuration/constraints/0/type").asText()).isEqualTo("location");
        assertThat(c.at("/configuration/constraints/0/score").asText()).isEqualTo("100");

        String mon = ok(local, Command.builder("crm_mon").args("-1", "--output-as=xml").env("CIB_file", cib.toString()).build());
        JsonNode m = parseConforming("crm-mon", "crm_mon.xml", mon);
        assertThat(m.at("/nodes/0/name").asText()).isEqualTo("storage-a");
        assertThat(m.at("/resources/0/id").asText()).isEqualTo("dummy1");

        // both nodes come up with quorum: the location preference starts dummy1 on storage-a
        String sim = ok(local, Command.of("crm_simulate", "-x", cib.toString(), "-S", "-u", "storage-a", "-u", "storage-b", "-q", "1",
                "--output-as=xml"));
        JsonNode s = parseConforming("crm-simulate", "crm_simulate.xml", sim);
        assertThat(s.at("/actions/0/action").asText()).isEqualTo("start");
        assertThat(s.at("/actions/0/node").asText()).isEqualTo("storage-a");
        assertThat(s.at("/after/resources/0/nodes/0").asText()).isEqualTo("storage-a");
        assertThat(s.get("transition").toString()).contains("\"operation\":\"start\"");
    }

    @Test
    void realIscsiadm_nodeAndSessionListings_conformToTheirSchemas() throws Exception {
        RealTools.require("iscsiadm");
        LocalExecutor local = new LocalExecutor(Duration.ofSeconds(30));
        // exit 21 (ISCSI_ERR_NO_OBJS_FOUND) prints its one line on stderr; a listing goes to stdout
        CommandResult node = local.run(Command.of("iscsiadm", "-m", "node"));
        JsonNode n = parseConforming("iscsiadm-node", "iscsiadm-m-node.txt", node.exitCode() == 21 ? node.stderr() : node.stdout());
        assertThat(n.get("status").asText()).isEqualTo(node.exitCode() == 21 ? "NO_RECORDS" : "RECORDS");
        CommandResult session = local.run(Command.of("iscsiadm", "-m", "session"));
        JsonNode s = parseConforming("iscsiadm-session", "iscsiadm-m-session.txt",
                session.exitCode() == 21 ? session.stderr() : session.stdout());
        assertThat(s.get("status").asText()).isEqualTo(session.exitCode() == 21 ? "NO_ACTIVE_SESSIONS" : "SESSIONS");
    }
}
