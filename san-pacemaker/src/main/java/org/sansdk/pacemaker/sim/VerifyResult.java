package org.sansdk.pacemaker.sim;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.sansdk.core.Command;
import org.sansdk.core.CommandResult;
import org.sansdk.core.ParseException;

/**
 * The outcome of {@code crm_verify}: rc 0 valid; rc 78 for errors AND warnings, told apart by
 * {@code Errors found} / {@code Warnings found} on stderr.
 * Usage: {@code VerifyResult r = VerifyResult.of(executor.run(VerifyResult.command(path)));}
 *
 * @param outcome  valid, warnings or errors
 * @param exitCode crm_verify's exit code
 * @param messages the stderr lines (trimmed, non-empty)
 */
public record VerifyResult(Outcome outcome, int exitCode, List<String> messages) {
    /** Copies. Usage: see type. */
    public VerifyResult {
        messages = List.copyOf(messages);
    }

    /** Closed set of outcomes. Usage: {@code VerifyResult.Outcome.VALID}. */
    public enum Outcome {
        /** rc 0. */
        VALID,
        /** only warnings. */
        WARNINGS,
        /** errors (the configuration is invalid). */
        ERRORS
    }

    /** {@code crm_verify --xml-file FILE} (add {@code -V} for details). Usage: {@code VerifyResult.command(Path.of("cib.xml"))}. */
    public static Command command(Path cib) {
        return Command.of("crm_verify", "--xml-file", cib.toString());
    }

    /** {@code crm_verify -L -V}: checks the live CIB. Usage: {@code VerifyResult.liveCommand()}. */
    public static Command liveCommand() {
        return Command.of("crm_verify", "-L", "-V");
    }

    /**
     * Classifies a crm_verify result.
     * Usage: {@code VerifyResult.of(result).outcome()}.
     *
     * @throws ParseException when rc is non-zero but stderr says neither errors nor warnings were found
     */
    public static VerifyResult of(CommandResult r) {
        List<String> lines = new ArrayList<>();
        for (String l : r.stderr().split("\n")) {
            if (!l.isBlank()) {
                lines.add(l.trim());
            }
        }
        if (r.exitCode() == 0) {
            return new VerifyResult(Outcome.VALID, 0, lines);
        }
        if (r.stderr().contains("Errors found")) {
            return new VerifyResult(Outcome.ERRORS, r.exitCode(), lines);
        }
        if (r.stderr().contains("Warnings found")) {
            return new VerifyResult(Outcome.WARNINGS, r.exitCode(), lines);
        }
        // schema failures and unreadable files: crm_verify exits non-zero with its own messages
        if (!lines.isEmpty()) {
            return new VerifyResult(Outcome.ERRORS, r.exitCode(), lines);
        }
        throw new ParseException("crm_verify", 1, 1, "", "'Errors found' or 'Warnings found' on stderr with exit code " + r.exitCode());
    }
}
