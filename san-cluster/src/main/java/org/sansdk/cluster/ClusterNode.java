package org.sansdk.cluster;

import java.util.Objects;
import org.sansdk.cluster.design.Node;
import org.sansdk.cluster.design.NodeRole;
import org.sansdk.cluster.internal.CapabilityProbe;
import org.sansdk.core.Executor;
import org.sansdk.corosync.Corosync;
import org.sansdk.iscsi.Iscsiadm;
import org.sansdk.lio.Lio;
import org.sansdk.pacemaker.Pacemaker;
import org.sansdk.zfs.Zfs;
import org.sansdk.zfs.Zpool;

/**
 * One node of a {@link SanCluster}: its design entry, its executor, and each tool's facade bound to that
 * executor. Capabilities are probed once, on first use, and the facades follow them (rtslib's saveconfig
 * path by distribution family). Usage: {@code cluster.node("storage-a").zpool().status("san-pool")}.
 */
public final class ClusterNode {
    private final Node node;
    private final Executor executor;
    private volatile NodeCapabilities capabilities;

    ClusterNode(Node node, Executor executor, NodeCapabilities known) {
        this.node = Objects.requireNonNull(node, "node");
        this.executor = Objects.requireNonNull(executor, "executor");
        this.capabilities = known;
    }

    /** The node's name (its corosync and Pacemaker name). Usage: {@code n.name()}. */
    public String name() {
        return node.name();
    }

    /** Storage or quorum. Usage: {@code n.role()}. */
    public NodeRole role() {
        return node.role();
    }

    /** The node as the design describes it. Usage: {@code n.design().disks()}. */
    public Node design() {
        return node;
    }

    /** The executor that reaches this node. Usage: {@code n.executor().run(Command.of("uptime"))}. */
    public Executor executor() {
        return executor;
    }

    /** What the node runs, probed on first call (argv commands: cat /etc/os-release, zfs version, pcs --version, corosync -v, targetcli --version). Usage: {@code n.capabilities().describe()}. */
    public NodeCapabilities capabilities() {
        NodeCapabilities c = capabilities;
        if (c == null) {
            synchronized (this) {
                c = capabilities;
                if (c == null) {
                    c = CapabilityProbe.probe(node.name(), executor);
                    capabilities = c;
                }
            }
        }
        return c;
    }

    /** zpool on this node. Usage: {@code n.zpool().status("san-pool")}. */
    public Zpool zpool() {
        return Zpool.on(executor);
    }

    /** zfs on this node. Usage: {@code n.zfs().list(List.of("name", "used"))}. */
    public Zfs zfs() {
        return Zfs.on(executor);
    }

    /** This node's LIO configuration (saveconfig.json at the path its distribution uses). Usage: {@code n.lio().luns()}. */
    public Lio lio() {
        return Lio.on(executor).onHost(node.name()).at(capabilities().saveconfigPath());
    }

    /** iscsiadm on this node (the backend initiator). Usage: {@code n.iscsi().sessions()}. */
    public Iscsiadm iscsi() {
        return Iscsiadm.on(executor);
    }

    /** corosync's tools on this node. Usage: {@code n.corosync().quorum()}. */
    public Corosync corosync() {
        return Corosync.on(executor);
    }

    /**
     * Pacemaker (crm_mon, cibadmin, pcs) through this node. The SDK writes pcs 0.10+ syntax ({@code pcs host auth},
     * {@code pcs cluster setup NAME NODE addr=…}): on a node whose pcs is older this is refused rather than run.
     * Usage: {@code n.pacemaker().status()}.
     *
     * @throws UnsupportedToolException when the node's pcs is older than 0.10
     */
    public Pacemaker pacemaker() {
        NodeCapabilities c = capabilities();
        if (c.pcs().isPresent() && !c.pcsModern()) {
            throw new UnsupportedToolException(node.name(), "pcs", c.pcs().get(), "0.10");
        }
        return Pacemaker.on(executor);
    }

    /**
     * The pool's status the best way this node offers: {@code zpool status -j} where OpenZFS has it (2.3+, the
     * producer's own JSON), the text otherwise. Usage: {@code n.poolStatus("san-pool").describe()}.
     */
    public org.sansdk.zfs.PoolStatus poolStatus(String pool) {
        return capabilities().zpoolJson() ? zpool().statusJson(pool) : zpool().status(pool);
    }

    /** {@code storage-a (STORAGE) via <executor>}. */
    @Override
    public String toString() {
        return node.name() + " (" + node.role() + ") via " + executor;
    }
}
