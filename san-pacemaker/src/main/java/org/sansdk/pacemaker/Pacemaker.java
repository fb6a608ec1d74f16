package org.sansdk.pacemaker;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.sansdk.core.Command;
import org.sansdk.core.CommandResult;
import org.sansdk.core.Executor;
import org.sansdk.pacemaker.cib.Cib;
import org.sansdk.pacemaker.cib.CibParser;
import org.sansdk.pacemaker.cib.CibPatch;
import org.sansdk.pacemaker.cib.Configuration;
import org.sansdk.pacemaker.cib.PatchOption;
import org.sansdk.pacemaker.ops.CrmCommands;
import org.sansdk.pacemaker.ops.FencingHistory;
import org.sansdk.pacemaker.ops.Pcs;
import org.sansdk.pacemaker.ops.SettleResult;
import org.sansdk.pacemaker.sim.VerifyResult;
import org.sansdk.pacemaker.status.ClusterStatus;
import org.sansdk.pacemaker.status.CrmMonParser;
import org.sansdk.pacemaker.status.FenceEvent;

/**
 * Facade over one cluster node's Pacemaker tools through an {@link Executor}: read the CIB and status, change
 * the configuration with a version-pinned patch, and run cluster operations. The only class here that holds an
 * executor; everything else is data. Quorum ({@code corosync-quorumtool -s}) is corosync's: san-corosync's
 * {@code Corosync.on(executor).quorum()}.
 *
 * <p>What callers catch: {@link ResourceNotFoundException} (a resource operation on an id the CIB lacks),
 * {@link org.sansdk.pacemaker.cib.CibChangedException} ({@link #apply}), {@link AuthenticationFailedException}
 * ({@link #hostAuth}), {@link FencingFailedException} ({@link #fence}); any other failed command is a
 * {@link org.sansdk.core.CommandFailedException} (all are {@link org.sansdk.core.SanException}s).
 *
 * <p>Usage: {@code Pacemaker pm = Pacemaker.on(executor); pm.standby("storage-a"); pm.waitForSettle(Duration.ofMinutes(2));}
 */
public final class Pacemaker {
    private final Executor executor;
    private final Pcs pcs;
    private final Optional<Path> cibFile;

    private Pacemaker(Executor executor, Optional<Path> cibFile) {
        this.executor = Objects.requireNonNull(executor, "executor");
        this.cibFile = cibFile;
        this.pcs = cibFile.map(Pcs::file).orElse(Pcs.live());
    }

    /** Against the live cluster on the executor's host. Usage: {@code Pacemaker.on(new LocalExecutor())}. */
    public static Pacemaker on(Executor executor) {
        return new Pacemaker(executor, Optional.empty());
    }

    /**
     * The same facade against a CIB file on the executor's host instead of the live cluster ({@code pcs -f FILE},
     * {@code CIB_file=FILE}). Usage: {@code Pacemaker.on(executor).cibFile(Path.of("cib.xml"))}.
     */
    public Pacemaker cibFile(Path cib) {
        return new Pacemaker(executor, Optional.of(Objects.requireNonNull(cib, "cib")));
    }

    /** The CIB file this facade works on, empty for the live cluster. Usage: {@code pm.cibFile().isPresent()}. */
    public Optional<Path> cibFile() {
        return cibFile;
    }

    /** The pcs command factory this facade uses. Usage: {@code pm.pcs().nodeStandby("a")}. */
    public Pcs pcs() {
        return pcs;
    }

    /** {@code cibadmin -Q} parsed. Usage: {@code pm.cib().version()}. */
    public Cib cib() {
        return CibParser.parse("cibadmin -Q", executor.runChecked(pcs.cibQuery()).stdout());
    }

    /**
     * {@code crm_mon -1 --output-as=xml} parsed. Usage: {@code pm.status().runningOn("zfs-pool")}.
     *
     * @throws org.sansdk.core.SanException when crm_mon reports an error in its output (e.g. "Could not connect to the
     *                                      CIB", which crm_mon 2.1 prints with exit 0 and status code 0 and no nodes)
     */
    public ClusterStatus status() {
        ClusterStatus s = CrmMonParser.parse("crm_mon", executor.runChecked(pcs.crmMon()).stdout());
        if (!s.errors().isEmpty()) {
            throw new org.sansdk.core.SanException("crm_mon reported: " + String.join("; ", s.errors()));
        }
        return s;
    }

    /**
     * Plans the change from the live CIB to a desired configuration ({@link CibPatch#between(Cib, Configuration,
     * PatchOption...)}: live elements the desired configuration lacks are kept unless {@link PatchOption#PRUNE}).
     * Usage: {@code pm.plan(desired)} / {@code pm.plan(desired, PatchOption.PRUNE)}.
     */
    public CibPatch plan(Configuration desired, PatchOption... options) {
        return CibPatch.between(cib(), desired, options);
    }

    /** Applies a planned patch (refuses when the CIB changed since planning). Usage: {@code pm.apply(patch)}. */
    public void apply(CibPatch patch) {
        patch.apply(executor, cibFile.map(p -> java.util.Map.of("CIB_file", p.toString())).orElse(java.util.Map.of()));
    }

    /** {@code pcs node standby}. Usage: {@code pm.standby("storage-a")}. */
    public void standby(String node) {
        executor.runChecked(pcs.nodeStandby(node));
    }

    /** {@code pcs node unstandby}. Usage: {@code pm.unstandby("storage-a")}. */
    public void unstandby(String node) {
        executor.runChecked(pcs.nodeUnstandby(node));
    }

    /** {@code pcs resource move RSC NODE}. Usage: {@code pm.move("zfs-pool", "storage-b")}. */
    public void move(String rsc, String node) {
        ResourceNotFoundException.runChecked(executor, pcs.resourceMove(rsc, node), rsc);
    }

    /** {@code pcs resource move RSC} (away from where it runs). Usage: {@code pm.move("zfs-pool")}. */
    public void move(String rsc) {
        ResourceNotFoundException.runChecked(executor, pcs.resourceMove(rsc), rsc);
    }

    /** {@code pcs resource clear}. Usage: {@code pm.clear("zfs-pool")}. */
    public void clear(String rsc) {
        ResourceNotFoundException.runChecked(executor, pcs.resourceClear(rsc), rsc);
    }

    /** {@code pcs resource cleanup RSC}. Usage: {@code pm.cleanup("zfs-pool")}. */
    public void cleanup(String rsc) {
        ResourceNotFoundException.runChecked(executor, pcs.resourceCleanup(rsc), rsc);
    }

    /** {@code pcs resource cleanup} (every resource). Usage: {@code pm.cleanup()}. */
    public void cleanup() {
        executor.runChecked(pcs.resourceCleanup());
    }

    /** {@code pcs resource enable}. Usage: {@code pm.enable("san-services")}. */
    public void enable(String rsc) {
        ResourceNotFoundException.runChecked(executor, pcs.resourceEnable(rsc), rsc);
    }

    /** {@code pcs resource disable}. Usage: {@code pm.disable("san-services")}. */
    public void disable(String rsc) {
        ResourceNotFoundException.runChecked(executor, pcs.resourceDisable(rsc), rsc);
    }

    /** The pcs-free command factory this facade uses (crm_attribute, crm_resource). Usage: {@code pm.crm().standby("a")}. */
    public CrmCommands crm() {
        return cibFile.map(CrmCommands::file).orElse(CrmCommands.live());
    }

    /**
     * Puts a node in standby without pcs ({@code crm_attribute --node NODE --name standby --update on --lifetime forever}):
     * its resources leave it. Usage: {@code pm.crmStandby("storage-a")}.
     */
    public void crmStandby(String node) {
        executor.runChecked(crm().standby(node));
    }

    /** Takes a node out of standby without pcs ({@code … --update off …}). Usage: {@code pm.crmUnstandby("storage-a")}. */
    public void crmUnstandby(String node) {
        executor.runChecked(crm().unstandby(node));
    }

    /**
     * Moves a resource without pcs ({@code crm_resource --move --resource RSC --node NODE}): leaves a
     * {@code cli-prefer-RSC} constraint until {@link #crmClear(String)}. Usage: {@code pm.crmMove("zfs-pool", "storage-b")}.
     */
    public void crmMove(String rsc, String node) {
        ResourceNotFoundException.runChecked(executor, crm().move(rsc, node), rsc);
    }

    /**
     * Moves a resource without pcs, the constraint expiring after {@code lifetime}.
     * Usage: {@code pm.crmMove("zfs-pool", "storage-b", Duration.ofMinutes(5))}.
     */
    public void crmMove(String rsc, String node, Duration lifetime) {
        ResourceNotFoundException.runChecked(executor, crm().move(rsc, node, lifetime), rsc);
    }

    /** Removes a resource's move/ban constraints without pcs ({@code crm_resource --clear}). Usage: {@code pm.crmClear("zfs-pool")}. */
    public void crmClear(String rsc) {
        ResourceNotFoundException.runChecked(executor, crm().clear(rsc), rsc);
    }

    /** Waits for the cluster to settle. Usage: {@code pm.waitForSettle(Duration.ofMinutes(2)).outcome()}. */
    public SettleResult waitForSettle(Duration timeout) {
        return SettleResult.of(executor.run(Pcs.waitForSettle(timeout)));
    }

    /**
     * {@code stonith_admin --reboot NODE}: fences a node through the cluster's fencer and waits for the result.
     * Usage: {@code pm.fence("storage-a")}.
     *
     * @throws FencingFailedException when stonith_admin does not confirm the fencing (the node's state is unknown)
     */
    public void fence(String node) {
        Command c = Pcs.fenceReboot(node);
        CommandResult r = executor.run(c);
        if (r.exitCode() != 0) {
            throw new FencingFailedException(node, c, r);
        }
    }

    /**
     * {@code pcs host auth NODE… -u USER} with the password on stdin (never on argv): authenticates this node's pcs
     * to the nodes' pcsd. Usage: {@code pm.hostAuth(List.of("storage-a", "storage-b"), "hacluster", password)}.
     *
     * @throws AuthenticationFailedException when a node's pcsd refuses the user name and password
     */
    public void hostAuth(List<String> nodes, String user, org.sansdk.core.Secret password) {
        Command c = Pcs.hostAuth(nodes, user, password);
        CommandResult r = executor.run(c);
        if (r.exitCode() != 0) {
            List<String> refused = AuthenticationFailedException.refusedNodes(r);
            if (!refused.isEmpty()) {
                throw new AuthenticationFailedException(refused, c, r);
            }
            throw new org.sansdk.core.CommandFailedException(c, r);
        }
    }

    /** Fencing history of all nodes. Usage: {@code pm.fencingHistory()}. */
    public List<FenceEvent> fencingHistory() {
        return FencingHistory.parse("stonith_admin --history", executor.runChecked(Pcs.fencingHistory()).stdout());
    }

    /** {@code crm_verify -L -V} (live) or {@code --xml-file} (file). Usage: {@code pm.verify().outcome()}. */
    public VerifyResult verify() {
        Command c = cibFile.map(VerifyResult::command).orElse(VerifyResult.liveCommand());
        return VerifyResult.of(executor.run(c));
    }
}
