package org.sansdk.pacemaker;

import java.util.ArrayList;
import java.util.List;
import org.sansdk.core.Command;
import org.sansdk.core.CommandResult;
import org.sansdk.core.testing.RealTools;
import org.sansdk.core.testing.TestExecutors;

/** Runs real Pacemaker tools for tests (program resolved from PATH or sbin). */
public final class Tools {
    private Tools() {
    }

    /** Runs a command, resolving its program to an absolute path; requires the program (skip/fail per RealTools). */
    public static CommandResult run(Command c) {
        RealTools.require(c.program());
        String abs = RealTools.find(c.program()).orElseThrow().toString();
        List<String> argv = new ArrayList<>(c.argv());
        argv.set(0, abs);
        Command.Builder b = Command.builder(abs).args(argv.subList(1, argv.size()));
        c.env().forEach(b::env);
        c.stdin().ifPresent(b::stdin);
        c.timeout().ifPresent(b::timeout);
        return TestExecutors.local().run(b.build());
    }

    /** An executor that runs real tools the same way (programs resolved, skip/fail per RealTools). */
    public static org.sansdk.core.Executor executor() {
        return Tools::run;
    }

    /** Runs and requires exit 0. */
    public static CommandResult runOk(Command c) {
        CommandResult r = run(c);
        if (r.exitCode() != 0) {
            throw new AssertionError(c + " exited " + r.exitCode() + ": " + r.stderr() + r.stdout());
        }
        return r;
    }
}
