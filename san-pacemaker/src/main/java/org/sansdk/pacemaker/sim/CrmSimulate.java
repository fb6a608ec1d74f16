package org.sansdk.pacemaker.sim;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.sansdk.core.Command;

/**
 * A {@code crm_simulate} run as a command: nodes up ({@code -u}), failing ({@code -f}), leaving ({@code -d}),
 * injected op results ({@code -i}), op failures during the transition ({@code -F}), quorum ({@code -q}), saved
 * result ({@code -O}). Quorum is not computed by crm_simulate: pass it.
 * Usage: {@code CrmSimulate.on(cib).withQuorum().fail("storage-a").saveTo(out).toCommand()}.
 */
public final class CrmSimulate {
    private final Path cib;
    private final List<String> args = new ArrayList<>();
    private Optional<Path> out = Optional.empty();

    private CrmSimulate(Path cib) {
        this.cib = cib;
    }

    /** Simulates from a CIB file. Usage: {@code CrmSimulate.on(Path.of("cib.xml"))}. */
    public static CrmSimulate on(Path cib) {
        return new CrmSimulate(cib);
    }

    /** Brings a node online. Usage: {@code sim.nodeUp("storage-a")}. */
    public CrmSimulate nodeUp(String node) {
        args.add("-u");
        args.add(node);
        return this;
    }

    /** Marks a node failed (unclean: fenced). Usage: {@code sim.fail("storage-a")}. */
    public CrmSimulate fail(String node) {
        args.add("-f");
        args.add(node);
        return this;
    }

    /** Takes a node offline cleanly. Usage: {@code sim.nodeDown("storage-a")}. */
    public CrmSimulate nodeDown(String node) {
        args.add("-d");
        args.add(node);
        return this;
    }

    /** Injects an op result into history ({@code rsc_op_intervalms@node=rc}). Usage: {@code sim.inject("zfs-pool", "monitor", 10000, "storage-a", 7)}. */
    public CrmSimulate inject(String rsc, String op, long intervalMs, String node, int rc) {
        args.add("-i");
        args.add(rsc + "_" + op + "_" + intervalMs + "@" + node + "=" + rc);
        return this;
    }

    /** Makes an op fail when the transition runs it. Usage: {@code sim.failOp("zfs-pool", "stop", 0, "storage-a", 1)}. */
    public CrmSimulate failOp(String rsc, String op, long intervalMs, String node, int rc) {
        args.add("-F");
        args.add(rsc + "_" + op + "_" + intervalMs + "@" + node + "=" + rc);
        return this;
    }

    /** Simulates with quorum ({@code -q 1}). Usage: {@code sim.withQuorum()}. */
    public CrmSimulate withQuorum() {
        args.add("-q");
        args.add("1");
        return this;
    }

    /** Simulates without quorum ({@code -q 0}). Usage: {@code sim.withoutQuorum()}. */
    public CrmSimulate withoutQuorum() {
        args.add("-q");
        args.add("0");
        return this;
    }

    /** Saves the resulting CIB. Usage: {@code sim.saveTo(Path.of("after.xml"))}. */
    public CrmSimulate saveTo(Path file) {
        this.out = Optional.of(file);
        return this;
    }

    /** The argv: {@code crm_simulate -x CIB -S ... [-O OUT] --output-as=xml}. Usage: {@code executor.runChecked(sim.toCommand())}. */
    public Command toCommand() {
        Command.Builder b = Command.builder("crm_simulate").arg("-x").arg(cib.toString()).arg("-S").args(args);
        out.ifPresent(p -> b.arg("-O").arg(p.toString()));
        return b.arg("--output-as=xml").build();
    }
}
