package org.sansdk.cli;

import org.sansdk.cluster.SanCluster;
import org.sansdk.cluster.design.SanDesign;
import picocli.CommandLine.Option;

/**
 * The options that reach a design's nodes, shared by {@code sanctl status} and {@code sanctl exporter} (a picocli
 * mixin): {@code --network NAME} (whose addresses reach the nodes, default management) and {@code --user USER} (the SSH
 * user, default root). Usage: {@code @Mixin ClusterAccess access; … access.connect(connector, design)}.
 */
public final class ClusterAccess {
    @Option(names = "--network", paramLabel = "NAME", defaultValue = "management",
            description = "the network whose addresses reach the nodes (default: ${DEFAULT-VALUE})")
    private String network = "management";

    @Option(names = "--user", paramLabel = "USER", defaultValue = "root", description = "the SSH user (default: ${DEFAULT-VALUE})")
    private String user = "root";

    /** The cluster of {@code design} through {@code connector} with these options. Usage: {@code access.connect(StatusCommand.SSH, d)}. */
    SanCluster connect(StatusCommand.Connector connector, SanDesign design) {
        return connector.connect(design, network, user);
    }
}
