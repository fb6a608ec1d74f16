package org.sansdk.lio.sync;

import java.util.List;
import java.util.Objects;
import org.sansdk.core.Plan;
import org.sansdk.lio.LioConfig;
import org.sansdk.lio.SaveconfigWriter;
import org.sansdk.lio.targetcli.LioChange;
import org.sansdk.lio.targetcli.TargetcliBatch;

/**
 * The result of {@link LunSyncPlanner#plan}: the ordered changes (backstores before LUNs before mapped
 * LUNs), what was noticed, and the configuration before. Render it as one targetcli batch
 * ({@link #toPlan(String)}) or as a complete {@code saveconfig.json} ({@link #saveconfigJson()}).
 *
 * <pre>{@code SyncPlan p = planner.plan(cfg, zvols); if (!p.isEmpty()) p.toPlan("storage-a").applyTo(executor);}</pre>
 */
public record SyncPlan(List<LioChange> changes, List<SyncFinding> findings, LioConfig before) {

    /** Copies the lists. */
    public SyncPlan {
        changes = List.copyOf(changes);
        findings = List.copyOf(findings);
        Objects.requireNonNull(before, "before");
    }

    /** True when nothing needs to change (findings may still exist). {@code plan.isEmpty()} */
    public boolean isEmpty() {
        return changes.isEmpty();
    }

    /** The changes as one targetcli batch. {@code plan.batch().script()} */
    public TargetcliBatch batch() {
        return TargetcliBatch.of(changes);
    }

    /** The configuration after the changes. {@code plan.after()} */
    public LioConfig after() {
        return batch().applyTo(before);
    }

    /** A complete saveconfig.json for a cold start (contains CHAP secrets of the config: write it 0600). {@code plan.saveconfigJson()} */
    public String saveconfigJson() {
        return SaveconfigWriter.write(after());
    }

    /** One targetcli process on {@code host}, or an empty plan. {@code plan.toPlan("storage-a")} */
    public Plan toPlan(String host) {
        return batch().toPlan(host, "sync iSCSI LUNs");
    }

    /**
     * One line for JShell and logs: how many changes of which kind, how many findings.
     * {@code plan.describe()  // 5 changes (1 CreateBlockBackstore, 1 CreateLun, 3 CreateMappedLun), 0 findings}
     */
    public String describe() {
        if (changes.isEmpty()) {
            return "no changes, " + findings.size() + (findings.size() == 1 ? " finding" : " findings");
        }
        java.util.Map<String, Integer> kinds = new java.util.LinkedHashMap<>();
        for (LioChange c : changes) {
            kinds.merge(c.getClass().getSimpleName(), 1, Integer::sum);
        }
        StringBuilder sb = new StringBuilder().append(changes.size()).append(changes.size() == 1 ? " change (" : " changes (");
        String sep = "";
        for (java.util.Map.Entry<String, Integer> e : kinds.entrySet()) {
            sb.append(sep).append(e.getValue()).append(' ').append(e.getKey());
            sep = ", ";
        }
        return sb.append("), ").append(findings.size()).append(findings.size() == 1 ? " finding" : " findings").toString();
    }

    /** Changes and findings, one per line, without secrets. {@code System.out.println(plan)} */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        if (changes.isEmpty()) {
            sb.append("# no changes\n");
        }
        for (LioChange c : changes) {
            sb.append("+ ").append(c.describe()).append('\n');
        }
        for (SyncFinding f : findings) {
            sb.append("! ").append(f.describe()).append('\n');
        }
        return sb.toString();
    }
}
