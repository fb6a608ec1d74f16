package org.sansdk.zfs;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.sansdk.core.Command;

/**
 * Renders {@code zpool import}: by name, from directories ({@code -d}), with {@code -o cachefile=none}
 * (the cluster, not the boot cache file, decides where a pool is imported). {@code -f} is only rendered with
 * a {@link FencingProof}; there is no other way to force.
 *
 * <p>{@code ZpoolImport.pool("san-pool").searchDir("/dev/disk/by-path").cachefileNone().build()}
 *
 * <p>{@link #design(String, HostIdCheck)} is the import of the HA design's pool: it takes the host id
 * preflight of both storage nodes (multihost only stops a double import when their ids differ), sets
 * {@code cachefile=none}, and a forced import must name one of the two checked nodes as the fenced one and
 * have been confirmed at most {@link #DESIGN_MAX_PROOF_AGE} ago (a proof from an earlier failover says
 * nothing about now).
 * Pool and new names are checked ({@code zpool} reads any operand starting with {@code -} as an option, so
 * {@code zpool import san-pool -f} would force).
 */
public final class ZpoolImport {
    /** How old a fencing proof may be for a forced design import. */
    public static final Duration DESIGN_MAX_PROOF_AGE = Duration.ofMinutes(15);

    private ZpoolImport() {
    }

    /**
     * Import of one pool by name (or numeric id).
     *
     * <p>{@code ZpoolImport.pool("san-pool")}
     *
     * @param nameOrId pool name or id
     * @return the builder
     */
    public static Builder pool(String nameOrId) {
        return new Builder(nameOrId, null);
    }

    /**
     * Import of the design's pool on one of two checked storage nodes: {@code -o cachefile=none}, and
     * {@link Builder#force(FencingProof)} only for a proof naming one of the checked nodes.
     *
     * <p>{@code ZpoolImport.design("san-pool", HostIdPreflight.check("storage-a", a, "storage-b", b))}
     *
     * @param pool pool name
     * @param hostIds the host id preflight of both storage nodes (required)
     * @return the builder
     */
    public static Builder design(String pool, HostIdCheck hostIds) {
        Objects.requireNonNull(hostIds, "the design import needs the host id preflight (HostIdPreflight.check)");
        return new Builder(pool, hostIds).cachefileNone();
    }

    /** Options of one import; nothing runs. */
    public static final class Builder {
        private final String pool;
        private final List<String> dirs = new ArrayList<>();
        private final Map<String, String> props = new LinkedHashMap<>();
        private FencingProof proof;
        private boolean noMount;
        private String altroot;
        private String newName;
        private final HostIdCheck hostIds;
        private Clock clock = Clock.systemUTC();

        private Builder(String pool, HostIdCheck hostIds) {
            if (pool == null || pool.isBlank()) {
                throw new IllegalArgumentException("pool name is required");
            }
            this.pool = Operands.poolOrId(pool);
            this.hostIds = hostIds;
        }

        /**
         * {@code -d DIR}: search this directory for devices (repeatable).
         *
         * <p>{@code .searchDir("/dev/disk/by-path")}
         *
         * @param dir directory
         * @return this
         */
        public Builder searchDir(String dir) {
            dirs.add(Objects.requireNonNull(dir));
            return this;
        }

        /**
         * {@code -o cachefile=none}.
         *
         * <p>{@code .cachefileNone()}
         *
         * @return this
         */
        public Builder cachefileNone() {
            props.put("cachefile", "none");
            return this;
        }

        /**
         * {@code -o name=value}.
         *
         * <p>{@code .property("readonly", "on")}
         *
         * @param name property
         * @param value value
         * @return this
         */
        public Builder property(String name, String value) {
            props.put(name, value);
            return this;
        }

        /**
         * {@code -N}: import without mounting.
         *
         * <p>{@code .noMount()}
         *
         * @return this
         */
        public Builder noMount() {
            this.noMount = true;
            return this;
        }

        /**
         * {@code -R}: alternate root.
         *
         * <p>{@code .altroot("/mnt")}
         *
         * @param path root
         * @return this
         */
        public Builder altroot(String path) {
            this.altroot = path;
            return this;
        }

        /**
         * Import under another name.
         *
         * <p>{@code .as("restored")}
         *
         * @param name the new name
         * @return this
         */
        public Builder as(String name) {
            org.sansdk.core.ZfsName.pool(Operands.pool(name));
            this.newName = name;
            return this;
        }

        /**
         * {@code -f}, allowed only with proof that the peer was fenced.
         *
         * <p>{@code .force(FencingProof.stonith("storage-b", when, evidence))}
         *
         * @param fencingProof the evidence (required)
         * @return this
         */
        public Builder force(FencingProof fencingProof) {
            Objects.requireNonNull(fencingProof, "a forced import needs a FencingProof");
            if (hostIds != null) {
                Instant now = clock.instant();
                if (fencingProof.confirmedAt().isAfter(now.plusSeconds(60))
                        || fencingProof.confirmedAt().isBefore(now.minus(DESIGN_MAX_PROOF_AGE))) {
                    throw new IllegalArgumentException("the fencing of '" + fencingProof.fencedNode() + "' was "
                            + "confirmed at " + fencingProof.confirmedAt() + ", not within the last "
                            + DESIGN_MAX_PROOF_AGE.toMinutes() + " minutes of " + now + ": fence again before forcing");
                }
            }
            if (hostIds != null && !hostIds.covers(fencingProof.fencedNode())) {
                throw new IllegalArgumentException("the fenced node '" + fencingProof.fencedNode() + "' is not one "
                        + "of the storage nodes of the host id check (" + hostIds.first().node() + ", "
                        + hostIds.second().node() + ")");
            }
            this.proof = fencingProof;
            return this;
        }

        /**
         * The clock the age of a fencing proof is measured with (tests; default UTC system clock). Set it
         * before {@link #force(FencingProof)}.
         *
         * <p>{@code .clock(Clock.fixed(now, ZoneOffset.UTC))}
         *
         * @param c the clock
         * @return this
         */
        public Builder clock(Clock c) {
            this.clock = Objects.requireNonNull(c, "clock");
            return this;
        }

        /**
         * The proof given for {@code -f}, if any.
         *
         * <p>{@code builder.fencingProof()}
         *
         * @return the proof
         */
        public Optional<FencingProof> fencingProof() {
            return Optional.ofNullable(proof);
        }

        /**
         * The host id preflight this design import was given, if any.
         *
         * <p>{@code builder.hostIds()}
         *
         * @return the check
         */
        public Optional<HostIdCheck> hostIds() {
            return Optional.ofNullable(hostIds);
        }

        /**
         * Renders the command.
         *
         * <p>{@code Command c = builder.build();}
         *
         * @return the argv
         */
        public Command build() {
            Command.Builder c = Command.builder("zpool").arg("import");
            for (String d : dirs) {
                c.args("-d", d);
            }
            props.forEach((k, v) -> c.args("-o", k + "=" + v));
            if (noMount) {
                c.arg("-N");
            }
            if (altroot != null) {
                c.args("-R", altroot);
            }
            if (proof != null) {
                c.arg("-f");
            }
            c.arg(pool);
            if (newName != null) {
                c.arg(newName);
            }
            return c.build();
        }
    }
}
