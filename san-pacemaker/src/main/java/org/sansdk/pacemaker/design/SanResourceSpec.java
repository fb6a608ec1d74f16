package org.sansdk.pacemaker.design;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.sansdk.core.IpCidr;

/**
 * Typed input for the design's Pacemaker resource set: two storage nodes, one quorum node, one ZFS pool,
 * client VIPs, the services used, optional cockpit, fencing per storage node.
 * Usage: {@code SanResourceSpec.builder().pool("san-pool").storageNodes("storage-a", "storage-b").quorumNode("quorum")...build()}.
 *
 * @param poolName       ZFS pool name
 * @param importTimeout  start (import) timeout
 * @param exportTimeout  stop (export) timeout
 * @param poolMonitor    monitor interval of the pool
 * @param storageNodes   the two storage node names
 * @param quorumNode     the quorum-only node
 * @param preferredNode  storage node preferred at first start
 * @param preferenceScore location score for the preferred node
 * @param stickiness     resource-stickiness default (must exceed the preference to prevent failback)
 * @param vips           one VIP per client VLAN
 * @param services       services used
 * @param cockpit        cockpit VIP (on the management VLAN) when cockpit is managed
 * @param fencing        one fencing device per storage node
 */
public record SanResourceSpec(String poolName, Duration importTimeout, Duration exportTimeout, Duration poolMonitor,
                               List<String> storageNodes, String quorumNode, String preferredNode, int preferenceScore,
                               int stickiness, List<ClientVip> vips, Set<SanService> services, Optional<ClientVip> cockpit,
                               List<FencingDevice> fencing) {
    /** Copies. Usage: see {@link #builder()}. */
    public SanResourceSpec {
        Objects.requireNonNull(poolName, "poolName");
        storageNodes = List.copyOf(storageNodes);
        vips = List.copyOf(vips);
        // an EnumSet view, never Set.copyOf: its iteration order changes from one JVM run to the next
        services = java.util.Collections.unmodifiableSet(services.isEmpty() ? EnumSet.noneOf(SanService.class) : EnumSet.copyOf(services));
        cockpit = cockpit == null ? Optional.empty() : cockpit;
        fencing = List.copyOf(fencing);
    }

    /** Starts a builder with the design document's defaults (150 s import, 90 s export, stickiness 200, preference 100). Usage: {@code SanResourceSpec.builder()}. */
    public static Builder builder() {
        return new Builder();
    }

    /** Services in the design's group order (iSCSI, NFS, SMB). Usage: {@code d.orderedServices()}. */
    public List<SanService> orderedServices() {
        List<SanService> out = new ArrayList<>();
        for (SanService s : SanService.values()) {
            if (services.contains(s)) {
                out.add(s);
            }
        }
        return out;
    }

    /** Builder. Usage: see {@link SanResourceSpec#builder()}. */
    public static final class Builder {
        private String pool = "san-pool";
        private Duration importTimeout = Duration.ofSeconds(150);
        private Duration exportTimeout = Duration.ofSeconds(90);
        private Duration poolMonitor = Duration.ofSeconds(10);
        private List<String> storage = List.of("storage-a", "storage-b");
        private String quorum = "quorum";
        private String preferred;
        private int preference = 100;
        private int stickiness = 200;
        private final List<ClientVip> vips = new ArrayList<>();
        private final Set<SanService> services = EnumSet.noneOf(SanService.class);
        private ClientVip cockpit;
        private final List<FencingDevice> fencing = new ArrayList<>();

        private Builder() {
        }

        /** Pool name. Usage: {@code b.pool("san-pool")}. */
        public Builder pool(String name) {
            this.pool = name;
            return this;
        }

        /** Import/export timeouts. Usage: {@code b.poolTimeouts(Duration.ofSeconds(150), Duration.ofSeconds(90))}. */
        public Builder poolTimeouts(Duration importTimeout, Duration exportTimeout) {
            this.importTimeout = importTimeout;
            this.exportTimeout = exportTimeout;
            return this;
        }

        /** Pool monitor interval. Usage: {@code b.poolMonitor(Duration.ofSeconds(10))}. */
        public Builder poolMonitor(Duration interval) {
            this.poolMonitor = interval;
            return this;
        }

        /** The two storage nodes. Usage: {@code b.storageNodes("storage-a", "storage-b")}. */
        public Builder storageNodes(String a, String b) {
            this.storage = List.of(a, b);
            return this;
        }

        /** The quorum node. Usage: {@code b.quorumNode("quorum")}. */
        public Builder quorumNode(String name) {
            this.quorum = name;
            return this;
        }

        /** Preferred storage node and score. Usage: {@code b.preferredNode("storage-a", 100)}. */
        public Builder preferredNode(String node, int score) {
            this.preferred = node;
            this.preference = score;
            return this;
        }

        /** Default resource-stickiness. Usage: {@code b.stickiness(200)}. */
        public Builder stickiness(int value) {
            this.stickiness = value;
            return this;
        }

        /** Adds a client VIP. Usage: {@code b.vip("enduser", "10.30.30.10/24", "eth-enduser")}. */
        public Builder vip(String name, String cidr, String nic) {
            vips.add(new ClientVip(name, IpCidr.parse(cidr), nic));
            return this;
        }

        /** Adds services. Usage: {@code b.services(SanService.NFS, SanService.SMB)}. */
        public Builder services(SanService... s) {
            services.addAll(List.of(s));
            return this;
        }

        /** Manages cockpit with its VIP. Usage: {@code b.cockpit("10.20.20.10/24", "eth-mgmt")}. */
        public Builder cockpit(String cidr, String nic) {
            this.cockpit = new ClientVip("cockpit", IpCidr.parse(cidr), nic);
            return this;
        }

        /** Adds a fencing device. Usage: {@code b.fencing(FencingDevice.of("storage-a", "fence_dummy", Map.of()))}. */
        public Builder fencing(FencingDevice device) {
            fencing.add(device);
            return this;
        }

        /**
         * Builds and validates: every {@code SanResourceSet.validateDesign} rule except whether the fence agents are
         * installed on the nodes (that needs the nodes: call {@code validateDesign(design, installedFenceAgents(executor))}).
         * A missing or blank quorum node, a storage node without exactly one fencing device, an empty services group
         * and the rest are refused here, not at plan time.
         * Usage: {@code b.build()}.
         *
         * @throws org.sansdk.core.ValidationException listing every violation with its rule id (PCMK-DESIGN-*, PCMK-FENCE-*, PCMK-VIP-*)
         */
        public SanResourceSpec build() {
            SanResourceSpec d = new SanResourceSpec(pool, importTimeout, exportTimeout, poolMonitor, storage, quorum,
                    preferred == null && !storage.isEmpty() ? storage.get(0) : preferred, preference, stickiness, vips, services,
                    Optional.ofNullable(cockpit), fencing);
            SanResourceSet.validateDesign(d, agent -> true);
            return d;
        }
    }
}
