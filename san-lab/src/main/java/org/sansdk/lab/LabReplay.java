package org.sansdk.lab;

import java.util.List;
import java.util.Optional;
import org.sansdk.cluster.DistroFamily;
import org.sansdk.cluster.design.Node;
import org.sansdk.cluster.map.DesignMapping;
import org.sansdk.core.Command;
import org.sansdk.core.CommandResult;
import org.sansdk.core.Executor;
import org.sansdk.core.ReplayExecutor;
import org.sansdk.iscsi.IscsiadmCommands;
import org.sansdk.iscsi.Portal;
import org.sansdk.lio.LioConfig;
import org.sansdk.lio.SaveconfigWriter;
import org.sansdk.lio.design.BackendTargetBuilder;
import org.sansdk.lio.design.ClientTargetBuilder;
import org.sansdk.lio.design.ClientTargetSpec;

/**
 * What the lab cannot run, answered from outputs rendered for the design: open-iscsi's sessions (no {@code iscsi_tcp}
 * module here) and LIO's saveconfig.json (no configfs). Everything else goes to the real node.
 * <ul>
 *   <li>{@code iscsiadm -m session} on a storage node: one logged-in backend session to the peer's backend target at
 *       the peer's storage address, port 3260, TPG 1, in open-iscsi's level-0 format ({@code tcp: [1] 10.99.10.2:3260,1
 *       iqn… (non-flash)}, the shape of the corpus captures); on the quorum node exit 21 "No active sessions".</li>
 *   <li>{@code cat -- SAVECONFIG} (Debian and RHEL paths) on a storage node: the node's backend target (one block
 *       backstore and LUN per disk, the peer's initiator as ACL) and, when a client VLAN offers iSCSI, the client
 *       target with every zvol of the design synced, written by san-lio's {@link SaveconfigWriter}; on the quorum node
 *       "No such file or directory".</li>
 *   <li>{@code targetcli --version} on a storage node: targetcli-fb 2.1.53; on the quorum node exit 127 (not installed). Any other targetcli
 *       call (a change) exits 1: the replayed LIO is read-only.</li>
 *   <li>Any other {@code iscsiadm} call: the replay's "no recorded answer" error naming the nearest replayed one.</li>
 * </ul>
 * Usage: {@code LabReplay.routing(design, "storage-a", node.executor())}.
 */
public final class LabReplay {
    /** The targetcli version the replay reports. */
    public static final String TARGETCLI_VERSION = "/usr/bin/targetcli version 2.1.53";

    private LabReplay() {
    }

    /** The replayed {@code iscsiadm -m session} of a node (exit 21 and no stdout for a node without a backend session). Usage: {@code LabReplay.sessions(d, "storage-a")}. */
    public static CommandResult sessions(LabDesign design, String node) {
        Node n = node(design, node);
        if (!n.isStorage()) {
            return CommandResult.of(21, "", "iscsiadm: No active sessions.\n");
        }
        DesignMapping m = DesignMapping.of(design.design());
        Node peer = m.peer(node);
        Portal p = m.backendPortal(peer.name());
        return CommandResult.ok("tcp: [1] " + p.address() + ":" + p.port() + "," + p.tpgt() + " " + peer.backendTargetIqn().orElseThrow()
                + " (non-flash)\n");
    }

    /** The replayed LIO configuration of a storage node (empty for the quorum node). Usage: {@code LabReplay.lio(d, "storage-a")}. */
    public static Optional<LioConfig> lio(LabDesign design, String node) {
        Node n = node(design, node);
        if (!n.isStorage()) {
            return Optional.empty();
        }
        DesignMapping m = DesignMapping.of(design.design());
        LioConfig cfg = BackendTargetBuilder.config(m.backendTarget(node));
        Optional<ClientTargetSpec> client = m.clientTarget();
        if (client.isPresent()) {
            cfg = ClientTargetBuilder.coldStart(cfg, client.get(), m.backendIqns(), m.zvols());
        }
        return Optional.of(cfg);
    }

    /** The replay executor of one node (only the replayed commands). Usage: {@code LabReplay.executor(d, "storage-b")}. */
    public static ReplayExecutor executor(LabDesign design, String node) {
        ReplayExecutor.Builder b = ReplayExecutor.builder().on(IscsiadmCommands.sessions().argv(), sessions(design, node));
        Optional<LioConfig> lio = lio(design, node);
        for (String path : java.util.Arrays.stream(DistroFamily.values()).map(f -> f.saveconfigPath().toString()).distinct().toList()) {
            b.on(List.of("cat", "--", path), lio.map(c -> CommandResult.ok(SaveconfigWriter.write(c)))
                    .orElse(CommandResult.of(1, "", "cat: " + path + ": No such file or directory\n")));
        }
        b.on(List.of("targetcli", "--version"), lio.isPresent() ? CommandResult.ok(TARGETCLI_VERSION + "\n")
                : CommandResult.of(127, "", "targetcli: command not found\n"));
        return b.build();
    }

    /** Whether a command is answered by the replay rather than the real node. Usage: {@code LabReplay.replayed(c)}. */
    public static boolean replayed(Command c) {
        String p = c.program();
        if (p.equals("iscsiadm") || p.equals("targetcli")) {
            return true;
        }
        return p.equals("cat") && c.argv().size() == 3 && c.argv().get(1).equals("--")
                && java.util.Arrays.stream(DistroFamily.values()).anyMatch(f -> f.saveconfigPath().toString().equals(c.argv().get(2)));
    }

    /**
     * An executor that answers the replayed commands from {@link #executor(LabDesign, String)} and runs everything else
     * on {@code real}. Usage: {@code LabReplay.routing(design, "storage-a", node.executor())}.
     */
    public static Executor routing(LabDesign design, String node, Executor real) {
        ReplayExecutor replay = executor(design, node);
        return c -> {
            if (!replayed(c)) {
                return real.run(c);
            }
            if (c.program().equals("targetcli") && !c.argv().equals(List.of("targetcli", "--version"))) {
                return CommandResult.of(1, "", "san-lab: LIO is replayed in the lab (no configfs): targetcli changes are not possible\n");
            }
            return replay.run(c);
        };
    }

    private static Node node(LabDesign design, String node) {
        return design.design().node(node).orElseThrow(() -> new LabException("no node " + node + " in the lab design"));
    }
}
