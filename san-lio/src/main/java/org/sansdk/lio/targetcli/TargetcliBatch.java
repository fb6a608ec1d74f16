package org.sansdk.lio.targetcli;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.sansdk.core.Command;
import org.sansdk.core.Plan;
import org.sansdk.lio.LioConfig;

/**
 * A list of {@link LioChange}s rendered as ONE targetcli process reading its commands from stdin, with a
 * single {@code saveconfig} at the end.
 * <p>Why a batch on stdin: each targetcli start costs ≥ 0.2 s and walks the whole configfs tree (per-call time
 * grows with the LUN count), so one process per command does not scale to thousands of zvols; and CHAP
 * passwords on a command line are visible to every local user in {@code ps}/{@code /proc/PID/cmdline},
 * while stdin is not. Why explicit numbers: targetcli's {@code auto_add_mapped_luns} gives an ACL the first
 * free mapped LUN number, which can differ from the TPG LUN index; every LUN here is created with
 * {@code lun=N add_mapped_luns=false} and every mapping with an explicit {@code mapped_lun=N}.
 * <p>Caveat: configshell keeps going after a failing line, so the exit code alone does not prove success;
 * re-read {@code saveconfig.json} and re-plan afterwards — a non-empty plan means something failed.
 *
 * <pre>{@code Plan p = TargetcliBatch.of(changes).toPlan("storage-a", "sync LUNs"); System.out.println(p);}</pre>
 */
public record TargetcliBatch(List<LioChange> changes) {

    /** Copies the list. */
    public TargetcliBatch {
        changes = List.copyOf(changes);
    }

    /** A batch of these changes. {@code TargetcliBatch.of(changes)} */
    public static TargetcliBatch of(List<LioChange> changes) {
        return new TargetcliBatch(changes);
    }

    /** True when there is nothing to do. {@code batch.isEmpty()} */
    public boolean isEmpty() {
        return changes.isEmpty();
    }

    /** True when some line carries a CHAP secret. {@code batch.hasSecrets()} */
    public boolean hasSecrets() {
        return changes.stream().anyMatch(LioChange::secret);
    }

    /** The stdin script (secrets included when present: never log it). {@code batch.script()} */
    public String script() {
        StringBuilder sb = new StringBuilder();
        for (LioChange c : changes) {
            sb.append(c.targetcli()).append('\n');
        }
        sb.append("saveconfig\nexit\n");
        return sb.toString();
    }

    /** The script with secret lines replaced by their description, safe to print. {@code batch.redactedScript()} */
    public String redactedScript() {
        StringBuilder sb = new StringBuilder();
        for (LioChange c : changes) {
            sb.append(c.secret() ? "# (secret line) " + c.describe() : c.targetcli()).append('\n');
        }
        sb.append("saveconfig\nexit\n");
        return sb.toString();
    }

    /**
     * The single targetcli command with the script on stdin (secret stdin when CHAP lines exist). Every CHAP value is
     * also declared to the command, so its printed forms and a failure's stderr (should targetcli echo a line) mask
     * it. {@code batch.command()}
     */
    public Command command() {
        byte[] bytes = script().getBytes(StandardCharsets.US_ASCII);
        Command.Builder b = Command.builder("targetcli").timeout(Duration.ofMinutes(10));
        changes.forEach(c -> c.secrets().forEach(b::secret));
        return (hasSecrets() ? b.secretStdin(bytes) : b.stdin(bytes)).build();
    }

    /** A plan with one step running the batch on {@code host}; empty plan when there are no changes. {@code batch.toPlan("storage-a", "sync")} */
    public Plan toPlan(String host, String title) {
        if (changes.isEmpty()) {
            return Plan.empty(title);
        }
        return Plan.builder(title).run(host, command(), changes.size() + " change(s) in one targetcli process").build();
    }

    /** The model after every change (what {@code saveconfig} would write, minus kernel defaults). {@code batch.applyTo(cfg)} */
    public LioConfig applyTo(LioConfig config) {
        LioConfig c = config;
        for (LioChange ch : changes) {
            c = ch.apply(c);
        }
        return c;
    }
}
