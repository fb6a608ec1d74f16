package org.sansdk.corosync;

import java.util.List;

/**
 * The result of {@link CorosyncCheck}: the rule findings and what {@code corosync -t} said.
 *
 * <pre>{@code CheckReport r = CorosyncCheck.check(Path.of("corosync.conf")); System.out.print(r.text()); System.exit(r.exitCode());}</pre>
 *
 * @param file      the file checked
 * @param findings  rule findings in order
 * @param corosync  {@code corosync -t}'s verdict, or {@link CorosyncCheck#NOT_RUN} when corosync is not installed
 */
public record CheckReport(String file, List<Finding> findings, ConfigCheck corosync) {
    /** Copies. */
    public CheckReport {
        findings = List.copyOf(findings);
    }

    /** The number of error findings. */
    public long errors() {
        return findings.stream().filter(f -> f.severity() == Severity.ERROR).count();
    }

    /** 1 when a rule of severity ERROR is broken or corosync -t refused the file, else 0. */
    public int exitCode() {
        boolean corosyncRefused = corosync != CorosyncCheck.NOT_RUN && !corosync.ok();
        return errors() > 0 || corosyncRefused ? 1 : 0;
    }

    /** A human-readable report: one line per finding with its fix, then corosync -t's verdict. */
    public String text() {
        StringBuilder sb = new StringBuilder();
        for (Finding f : findings) {
            sb.append(file).append(':').append(f.line()).append(": ").append(f.severity()).append(' ')
                    .append(f.ruleId()).append(' ').append(f.path().isEmpty() ? "" : f.path() + ": ").append(f.message())
                    .append("\n    fix: ").append(f.rule().fix()).append('\n');
        }
        if (corosync == CorosyncCheck.NOT_RUN) {
            sb.append("corosync -t: not run (corosync is not installed here)\n");
        } else {
            sb.append("corosync -t: exit ").append(corosync.exitCode())
                    .append(corosync.message().isEmpty() ? "" : " (" + corosync.message() + ")").append('\n');
        }
        sb.append(errors()).append(" error(s), ").append(findings.size() - errors()).append(" warning(s)\n");
        return sb.toString();
    }
}
