package org.sansdk.cluster.change;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.sansdk.cluster.SanCluster;
import org.sansdk.cluster.design.Node;
import org.sansdk.cluster.design.SanDesign;
import org.sansdk.cluster.map.DesignMapping;
import org.sansdk.core.Command;
import org.sansdk.core.CommandResult;
import org.sansdk.core.Executor;
import org.sansdk.core.Plan;
import org.sansdk.corosync.CorosyncConf;
import org.sansdk.corosync.CorosyncConfParser;
import org.sansdk.corosync.CorosyncConfWriter;
import org.sansdk.iscsi.IscsidConf;
import org.sansdk.iscsi.NodeRecord;
import org.sansdk.iscsi.NodeRecordFile;
import org.sansdk.iscsi.NodeRecordParser;
import org.sansdk.lio.Lio;
import org.sansdk.lio.LioConfig;
import org.sansdk.lio.SaveconfigUnreadableException;
import org.sansdk.lio.design.BackendTargetBuilder;
import org.sansdk.lio.design.ClientTargetBuilder;
import org.sansdk.lio.reconcile.LioReconciler;
import org.sansdk.lio.sync.SyncPlan;
import org.sansdk.pacemaker.Pacemaker;
import org.sansdk.pacemaker.cib.CibPatch;
import org.sansdk.pacemaker.cib.PatchOption;

/**
 * Plans a changed design against what each node of a cluster runs (what {@code SanCluster.plan(changed)} calls):
 * reads each node's corosync.conf, iscsid.conf, backend node record, saveconfig.json and (on the first node) the CIB
 * through its executor, compares them with what the design maps to, and keeps only the differences.
 * <ul>
 * <li>corosync.conf: the rendered file when any key differs, with {@link CorosyncChange}'s reload-or-restart verdict;</li>
 * <li>iscsid.conf: compared setting by setting through san-iscsi's reader (comments do not count); the backend node
 * record: the design's keys only (iscsiadm adds its defaults), secrets compared without being shown;</li>
 * <li>LIO: {@link LioReconciler} toward the backend target plus the client target with the design's zvols;</li>
 * <li>CIB: {@link Pacemaker#plan} (an in-place {@link CibPatch}) on the first node of the design.</li>
 * </ul>
 *
 * <pre>{@code ClusterChangePlan p = ChangePlanner.plan(cluster, changed, ChangeOptions.all());}</pre>
 */
public final class ChangePlanner {
    /** Where corosync reads its configuration. */
    public static final Path COROSYNC_CONF = Path.of("/etc/corosync/corosync.conf");

    private ChangePlanner() {
    }

    /** The change plan of {@code changed} against the running {@code cluster}. {@code ChangePlanner.plan(cluster, changed, ChangeOptions.all())} */
    public static ClusterChangePlan plan(SanCluster cluster, SanDesign changed, ChangeOptions options) {
        Objects.requireNonNull(changed, "changed");
        DesignMapping m = DesignMapping.of(changed);
        List<ChangePlan> out = new ArrayList<>();
        boolean first = true;
        for (Node n : changed.nodes()) {
            String name = n.name();
            Executor ex = cluster.executorFor(name);
            List<FileChange> files = new ArrayList<>();
            Optional<CorosyncChange> corosync = Optional.empty();
            if (options.has(ChangeLayer.COROSYNC)) {
                CorosyncConf want = m.corosyncFor(name);
                String text = CorosyncConfWriter.render(want);
                Optional<String> have = read(ex, COROSYNC_CONF);
                CorosyncChange c = have.map(h -> CorosyncChange.between(CorosyncConfParser.parse(name + ":" + COROSYNC_CONF, h), want))
                        .orElseGet(() -> CorosyncChange.between(CorosyncConf.of(List.of()), want));
                if (!c.isEmpty()) {
                    List<String> diff = new ArrayList<>();
                    c.changes().forEach((k, v) -> diff.add(k + ": " + v));
                    files.add(new FileChange(name, COROSYNC_CONF, diff, Plan.builder("corosync.conf on " + name)
                            .writeFile(name, COROSYNC_CONF, text.getBytes(StandardCharsets.UTF_8), 0644, "root:root", false,
                                    "corosync.conf as the design renders it").build()));
                }
                corosync = Optional.of(c);
            }
            if (options.has(ChangeLayer.ISCSI) && n.isStorage()) {
                iscsid(ex, m, name).ifPresent(files::add);
                nodeRecord(ex, m, name).ifPresent(files::add);
            }
            Optional<SyncPlan> lio = Optional.empty();
            if (options.has(ChangeLayer.LIO) && n.isStorage()) {
                Lio l = lio(cluster, name, options);
                LioConfig current;
                try {
                    current = l.config();
                } catch (SaveconfigUnreadableException e) {
                    if (!e.absent()) {
                        throw e;
                    }
                    current = LioConfig.empty();
                }
                lio = Optional.of(reconciler(changed, name, options).plan(current));
            }
            Optional<CibPatch> cib = Optional.empty();
            if (first && options.has(ChangeLayer.PACEMAKER)) {
                Pacemaker pm = Pacemaker.on(ex);
                org.sansdk.pacemaker.cib.Cib live = pm.cib();
                // never let the patch delete a live fence password the design did not supply, nor swap it for lrm://
                // before the secret files exist
                CibPatch p = org.sansdk.pacemaker.cib.CibPatch.between(live,
                        FenceSecretGuard.keepLiveSecrets(changed, options.pacemakerConfiguration(changed), live),
                        options.patchOptions().toArray(PatchOption[]::new));
                cib = Optional.of(p);
            }
            first = false;
            out.add(new ChangePlan(name, files, corosync, lio, cib));
        }
        return new ClusterChangePlan(cluster, changed, options, out);
    }

    /** The node's LIO facade with the options' lock. */
    static Lio lio(SanCluster cluster, String node, ChangeOptions options) {
        return cluster.node(node).lio().lock(options.lioLock());
    }

    /** The desired LIO state of a storage node: its backend target, then the client target with the design's zvols. */
    static LioReconciler reconciler(SanDesign design, String node, ChangeOptions options) {
        DesignMapping m = DesignMapping.of(design);
        LioConfig desired = BackendTargetBuilder.config(m.backendTarget(node));
        if (m.clientTarget().isPresent()) {
            desired = ClientTargetBuilder.coldStart(desired, m.clientTarget().get(), m.backendIqns(), m.zvols());
        }
        return LioReconciler.toward(desired).extras(options.lioExtras());
    }

    private static Optional<FileChange> iscsid(Executor ex, DesignMapping m, String node) {
        IscsidConf want = m.iscsidConf(node);
        Map<String, Object> wantSettings = settings(want);
        Map<String, Object> haveSettings = read(ex, IscsidConf.DEFAULT_PATH)
                .map(t -> settings(IscsidConf.parse(node + ":" + IscsidConf.DEFAULT_PATH, t))).orElse(Map.of());
        List<String> diff = new ArrayList<>();
        wantSettings.forEach((k, v) -> {
            Object h = haveSettings.get(k);
            if (!v.equals(h)) {
                // a Secret prints as ****: the line says that it changes, never what to
                diff.add(k + ": " + (h == null ? "(none)" : h) + " -> " + v);
            }
        });
        if (diff.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new FileChange(node, IscsidConf.DEFAULT_PATH, diff, Plan.builder("iscsid.conf on " + node)
                .writeFile(node, IscsidConf.DEFAULT_PATH, want.render().getBytes(StandardCharsets.UTF_8), 0600, "root:root", false,
                        "iscsid.conf as the design renders it (iscsid reads it at its next start)").build()));
    }

    /** Setting → value, a secret as its {@code Secret} (compared by value, printed as ****). */
    private static Map<String, Object> settings(IscsidConf c) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (IscsidConf.Setting s : c.settings()) {
            out.put(s.key(), s.secret().isPresent() ? s.secret().get() : s.value());
        }
        return out;
    }

    private static Optional<FileChange> nodeRecord(Executor ex, DesignMapping m, String node) {
        NodeRecord want = m.backendNodeRecord(node);
        Path path = m.backendNodeRecordPath(node);
        Optional<NodeRecord> have = read(ex, path).map(t -> NodeRecordParser.parse(node + ":" + path, t));
        List<String> diff = new ArrayList<>();
        for (NodeRecord.Entry e : want.entries()) {
            Optional<NodeRecord.Entry> h = have.flatMap(r -> r.entries().stream().filter(x -> x.key().equals(e.key())).findFirst());
            if (h.isEmpty() || !h.get().value().equals(e.value())) {
                boolean secret = e.value().secret().isPresent();
                diff.add(e.key() + ": " + (secret ? "(secret changes)" : h.map(x -> x.value().toString()).orElse("(none)") + " -> "
                        + e.value()));
            }
        }
        if (diff.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new FileChange(node, path, diff, NodeRecordFile.plan(node, DesignMapping.ISCSI_DIR, want)));
    }

    /** The file's text, or empty when it does not exist. */
    private static Optional<String> read(Executor ex, Path path) {
        CommandResult r = ex.run(Command.of("cat", "--", path.toString()));
        if (r.isSuccess()) {
            return Optional.of(r.stdout());
        }
        if (r.stderr() != null && r.stderr().contains("No such file")) {
            return Optional.empty();
        }
        throw new org.sansdk.core.SanException("cannot read " + path + ": exit " + r.exitCode() + " " + (r.stderr() == null ? "" : r.stderr().strip()));
    }

}
