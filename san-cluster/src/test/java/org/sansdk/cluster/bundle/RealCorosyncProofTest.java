package org.sansdk.cluster.bundle;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sansdk.cluster.design.Node;
import org.sansdk.cluster.design.SanDesign;
import org.sansdk.cluster.map.ReferenceDesign;
import org.sansdk.core.Command;
import org.sansdk.core.CommandResult;
import org.sansdk.core.testing.NetNamespace;
import org.sansdk.core.testing.RealTools;
import org.sansdk.corosync.CorosyncAuthKey;

/**
 * The rendered corosync.conf, byte for byte, through the real {@code corosync -t} from the point of view of every
 * node: a network namespace owning that node's link addresses (on a veth pair), and a private mount namespace with
 * a scratch directory (the rendered file + a fresh authkey) over /etc/corosync, so the host's files are untouched.
 */
class RealCorosyncProofTest {
    static final SanDesign DESIGN = ReferenceDesign.resolved();
    static final Bundle BUNDLE = BundleRenderer.create().render(DESIGN);

    @TempDir
    Path dir;

    @Test
    void corosyncAcceptsTheConfFromEachNodesAddresses() throws Exception {
        RealTools.requireFrom("corosync", "corosync");
        RealTools.require("ip", "unshare", "mount");
        for (Node n : DESIGN.nodes()) {
            Path etc = dir.resolve(n.name());
            Files.createDirectories(etc);
            Files.write(etc.resolve("corosync.conf"), BUNDLE.file(n.name(), BundleRenderer.COROSYNC_CONF).orElseThrow().bytes());
            CorosyncAuthKey.generate().writeTo(etc.resolve("authkey"));
            try (NetNamespace ns = NetNamespace.create("san-bundle")) {
                run(ns, "ip", "link", "add", "v0", "type", "veth", "peer", "name", "v1");
                run(ns, "ip", "link", "set", "v0", "up");
                run(ns, "ip", "link", "set", "v1", "up");
                for (String link : n.corosyncLinks()) {
                    run(ns, "ip", "addr", "add", n.address(link).orElseThrow().toString(), "dev", "v0");
                }
                List<String> argv = new ArrayList<>(List.of("unshare", "-m", "--propagation", "private", "sh", "-c",
                        "mount --bind \"$0\" /etc/corosync && exec \"$@\"", etc.toString(), "corosync", "-t"));
                CommandResult r = ns.exec(argv);
                assertThat(r.exitCode()).as("corosync -t as %s: %s", n.name(), r.stdout() + r.stderr()).isZero();
            }
        }
    }

    @Test
    void corosyncRefusesItWhereTheNodeOwnsNoAddress() throws Exception {
        // the other side: the same file from a namespace without any node address is refused (no local node)
        RealTools.requireFrom("corosync", "corosync");
        Path etc = dir.resolve("none");
        Files.createDirectories(etc);
        Files.write(etc.resolve("corosync.conf"), BUNDLE.file("quorum", BundleRenderer.COROSYNC_CONF).orElseThrow().bytes());
        CorosyncAuthKey.generate().writeTo(etc.resolve("authkey"));
        try (NetNamespace ns = NetNamespace.create("san-bundle")) {
            CommandResult r = ns.exec(List.of("unshare", "-m", "--propagation", "private", "sh", "-c",
                    "mount --bind \"$0\" /etc/corosync && exec \"$@\"", etc.toString(), "corosync", "-t"));
            assertThat(r.exitCode()).isNotZero();
        }
    }

    private static void run(NetNamespace ns, String... argv) {
        ns.exec(List.of(argv)).requireSuccess(Command.of(argv));
    }
}
