package org.sansdk.cluster.bundle;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sansdk.cluster.design.Node;
import org.sansdk.cluster.design.SanDesign;
import org.sansdk.cluster.map.DesignMapping;
import org.sansdk.cluster.map.ReferenceDesign;
import org.sansdk.core.Command;
import org.sansdk.core.CommandResult;
import org.sansdk.core.Executor;
import org.sansdk.core.testing.RealTools;
import org.sansdk.core.testing.TestExecutors;
import org.sansdk.iscsi.Iscsiadm;
import org.sansdk.iscsi.NodeRecord;
import org.sansdk.iscsi.NodeRecordParser;

/**
 * Each storage node's rendered open-iscsi files (iscsid.conf, initiatorname.iscsi, the node record of the peer's
 * target at its rendered path) installed into a private /etc/iscsi (a scratch directory bind-mounted in a private
 * mount namespace), then read back by the real iscsiadm: every key of the record must come back with its value
 * (iscsiadm drops keys it does not know, and its {@code -o update} refuses them with rc 7).
 */
class RealIscsiadmProofTest {
    static final SanDesign DESIGN = ReferenceDesign.resolved();
    static final Bundle BUNDLE = BundleRenderer.create().render(DESIGN);

    @TempDir
    Path dir;

    @Test
    void iscsiadmAcceptsTheNodeRecordKeys() throws Exception {
        RealTools.requireFrom("iscsiadm", "open-iscsi");
        RealTools.require("unshare", "mount");
        RealTools.requireRoot();
        DesignMapping m = DesignMapping.of(DESIGN);
        for (Node n : DESIGN.storageNodes()) {
            Path etc = dir.resolve(n.name());
            String recPath = m.backendNodeRecordPath(n.name()).toString();
            for (BundleFile f : BUNDLE.files(n.name())) {
                if (f.path().startsWith("/etc/iscsi/")) {
                    Path p = etc.resolve(f.path().substring("/etc/iscsi/".length()));
                    Files.createDirectories(p.getParent());
                    Files.write(p, f.bytes());
                }
            }
            Executor priv = privateEtcIscsi(etc);
            NodeRecord rendered = NodeRecordParser.parse(recPath,
                    new String(BUNDLE.file(n.name(), recPath).orElseThrow().bytes(), StandardCharsets.UTF_8));
            Node peer = m.peer(n.name());
            NodeRecord shown = Iscsiadm.on(priv).showWithSecrets(peer.backendTargetIqn().orElseThrow(), m.backendPortal(peer.name()));
            for (NodeRecord.Entry e : rendered.entries()) {
                if (NodeRecord.isSecretKey(e.key())) {
                    assertThat(shown.secret(e.key())).as(n.name() + " " + e.key()).isEqualTo(e.value().secret());
                } else {
                    assertThat(shown.value(e.key())).as(n.name() + " " + e.key()).hasValue(e.value().text());
                }
            }
            assertThat(shown.value("node.session.timeo.replacement_timeout")).hasValue("5");
            assertThat(shown.value("iface.initiatorname")).hasValue(n.initiatorIqn().orElseThrow().toString());
            // and every non-secret node key is one iscsiadm -o update accepts (an unknown key gives rc 7; iface.* keys
            // belong to iface mode, which refuses them here with rc 7 too: the show above checked those)
            for (NodeRecord.Entry e : rendered.entries()) {
                if (!NodeRecord.isSecretKey(e.key()) && !e.key().startsWith("iface.") && !List.of("node.name", "node.tpgt", "node.conn[0].address",
                        "node.conn[0].port").contains(e.key())) {
                    CommandResult r = priv.run(Command.of("iscsiadm", "-m", "node", "-T", peer.backendTargetIqn().orElseThrow().toString(),
                            "-p", m.backendPortal(peer.name()).argument(), "-o", "update", "-n", e.key(), "-v", e.value().text()));
                    assertThat(r.exitCode()).as(n.name() + " update " + e.key() + ": " + r.stderr()).isZero();
                }
            }
            CommandResult unknown = priv.run(Command.of("iscsiadm", "-m", "node", "-T", peer.backendTargetIqn().orElseThrow().toString(),
                    "-p", m.backendPortal(peer.name()).argument(), "-o", "update", "-n", "node.session.timeo.no_such_key", "-v", "1"));
            assertThat(unknown.exitCode()).as("the check can fail: an unknown key").isEqualTo(7);
        }
    }

    @Test
    void iscsidConfAndInitiatorNameReadBack() {
        // no real program reads iscsid.conf here: iscsiadm -o new asks a running iscsid for its defaults and there is
        // no iscsid (no iscsi_tcp). The strongest check is san-iscsi's reader, whose key list is open-iscsi 2.1.8's.
        for (Node n : DESIGN.storageNodes()) {
            org.sansdk.iscsi.IscsidConf conf = org.sansdk.iscsi.IscsidConf.parse(n.name() + ":/etc/iscsi/iscsid.conf",
                    new String(BUNDLE.file(n.name(), "/etc/iscsi/iscsid.conf").orElseThrow().bytes(), StandardCharsets.UTF_8));
            assertThat(conf.unknownKeys()).as(n.name()).isEmpty();
            assertThat(conf.warnings()).as(n.name()).isEmpty();
            assertThat(conf.replacementTimeout()).hasValue(java.time.Duration.ofSeconds(5));
            assertThat(conf.loginTimeout()).hasValue(java.time.Duration.ofSeconds(10));
            assertThat(conf.noopOutInterval()).hasValue(java.time.Duration.ofSeconds(2));
            assertThat(conf.noopOutTimeout()).hasValue(java.time.Duration.ofSeconds(2));
            assertThat(conf.startup()).hasValue(org.sansdk.iscsi.NodeStartup.AUTOMATIC);
            assertThat(conf.settings()).noneMatch(st -> st.secret().isPresent());
            // initiatorname.iscsi (read by iscsid only): san-iscsi's reader gives back the design's initiator IQN
            org.sansdk.iscsi.InitiatorName name = org.sansdk.iscsi.InitiatorName.parse(n.name() + ":/etc/iscsi/initiatorname.iscsi",
                    new String(BUNDLE.file(n.name(), "/etc/iscsi/initiatorname.iscsi").orElseThrow().bytes(), StandardCharsets.UTF_8));
            assertThat(name.iqn()).isEqualTo(n.initiatorIqn().orElseThrow());
        }
    }

    /** Runs commands in {@code unshare -m} with {@code etc} bind-mounted over /etc/iscsi. */
    private static Executor privateEtcIscsi(Path etc) {
        Executor local = TestExecutors.local();
        return command -> {
            List<String> argv = new ArrayList<>(List.of("unshare", "-m", "--propagation", "private", "sh", "-c",
                    "mount --bind \"$0\" /etc/iscsi && exec \"$@\"", etc.toString()));
            argv.addAll(command.argv());
            Command.Builder b = Command.builder(argv.get(0)).args(argv.subList(1, argv.size()));
            command.stdin().ifPresent(b::stdin);
            return local.run(b.build());
        };
    }
}
