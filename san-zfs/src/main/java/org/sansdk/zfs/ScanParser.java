package org.sansdk.zfs;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import org.sansdk.core.ParseWarning;
import org.sansdk.zfs.ScanStatus.ScanFunction;
import org.sansdk.zfs.ScanStatus.ScanState;

/**
 * Reads the {@code scan:}/{@code scrub:} lines of every known release into a {@link ScanStatus}. Unknown
 * wording keeps the lines with state UNKNOWN and a located warning.
 */
final class ScanParser {

    private final List<String> lines;
    private final int lineNo;
    private final String source;
    private final List<ParseWarning> warnings;

    private ScanFunction function = ScanFunction.NONE;
    private ScanState state = ScanState.UNKNOWN;
    private String rebuildVdev;
    private String startedAt;
    private String endedAt;
    private long scanned = -1;
    private long issued = -1;
    private long total = -1;
    private long scanRate = -1;
    private long issueRate = -1;
    private double percent = Double.NaN;
    private Duration toGo;
    private long processed = -1;
    private Duration duration;
    private long errors = -1;
    private final java.util.Set<String> approximate = new java.util.TreeSet<>();

    private ScanParser(List<String> lines, int lineNo, String source, List<ParseWarning> warnings) {
        this.lines = lines;
        this.lineNo = lineNo;
        this.source = source;
        this.warnings = warnings;
    }

    /**
     * Parses the first line (value after {@code scan:}) and its continuation lines.
     *
     * @param lines stripped lines
     * @param lineNo 1-based line of the first line, for warnings
     * @param source source name
     * @param warnings receives warnings
     * @return the scan status
     */
    static ScanStatus parse(List<String> lines, int lineNo, String source, List<ParseWarning> warnings) {
        return new ScanParser(lines, lineNo, source, warnings).run();
    }

    private ScanStatus run() {
        String first = lines.get(0);
        boolean understood = first(first);
        for (int k = 1; k < lines.size(); k++) {
            if (!progressLine(lines.get(k))) {
                warnings.add(new ParseWarning(source, lineNo + k, 1,
                        "scan progress line not understood; kept in ScanStatus.lines()"));
            }
        }
        if (!understood) {
            warnings.add(new ParseWarning(source, lineNo, 1,
                    "scan line not fully understood; kept in ScanStatus.lines()"));
        }
        return new ScanStatusValue(function, state, Optional.ofNullable(rebuildVdev), Optional.ofNullable(startedAt),
                Optional.ofNullable(endedAt), opt(scanned), opt(issued), opt(total), opt(scanRate),
                opt(issueRate), Double.isNaN(percent) ? OptionalDouble.empty() : OptionalDouble.of(percent),
                Optional.ofNullable(toGo), opt(processed), Optional.ofNullable(duration), opt(errors), lines, approximate);
    }

    private static OptionalLong opt(long v) {
        return v < 0 ? OptionalLong.empty() : OptionalLong.of(v);
    }

    /** Returns false when the line was not understood. */
    private boolean first(String s) {
        if (s.equals("none requested")) {
            state = ScanState.NONE_REQUESTED;
            return true;
        }
        String r;
        boolean resilvered = false;
        if (s.startsWith("error scrub ")) {
            function = ScanFunction.ERROR_SCRUB;
            r = s.substring(12);
        } else if (s.startsWith("scrub ")) {
            function = ScanFunction.SCRUB;
            r = s.substring(6);
        } else if (s.startsWith("resilvered ")) {
            function = ScanFunction.RESILVER;
            resilvered = true;
            r = s.substring(11);
        } else if (s.startsWith("resilver ")) {
            function = ScanFunction.RESILVER;
            r = s.substring(9);
        } else {
            return false;
        }
        if (r.startsWith("(")) {
            int close = r.indexOf(')');
            if (close < 0) {
                return false;
            }
            rebuildVdev = r.substring(1, close);
            r = r.substring(close + 1).strip();
        }
        if (resilvered) {
            // "<amount> in <duration> with N errors on <date>"
            state = ScanState.FINISHED;
            int sp = r.indexOf(' ');
            if (sp < 0) {
                return false;
            }
            processed = size(r.substring(0, sp), "processed");
            return finished(r.substring(sp + 1)) && processed >= 0;
        }
        if (r.startsWith("in progress since ")) {
            state = ScanState.IN_PROGRESS;
            startedAt = r.substring(18).strip();
            return true;
        }
        if (r.startsWith("in progress")) {
            // Solaris / zfs-fuse: "in progress, 0.14% done, 0h0m to go" or "in progress for 0h0m, 45.20% done, ..."
            state = ScanState.IN_PROGRESS;
            String rest = r.substring(11);
            if (rest.startsWith(" for ")) {
                int comma = rest.indexOf(',');
                if (comma < 0) {
                    return false;
                }
                duration = NiceNumbers.parseDuration(rest.substring(5, comma));
                rest = rest.substring(comma);
            }
            if (rest.startsWith(",")) {
                return progressLine(rest.substring(1).strip());
            }
            return rest.isEmpty();
        }
        if (r.startsWith("paused since ")) {
            state = ScanState.PAUSED;
            return true;
        }
        if (r.startsWith("canceled on ")) {
            state = ScanState.CANCELED;
            endedAt = r.substring(12).strip();
            return true;
        }
        if (r.startsWith("stopped after ")) {
            state = ScanState.CANCELED;
            return afterWith(r.substring(14));
        }
        if (r.startsWith("completed after ")) {
            state = ScanState.FINISHED;
            return afterWith(r.substring(16));
        }
        if (r.startsWith("repaired ")) {
            state = ScanState.FINISHED;
            String rest = r.substring(9);
            int sp = rest.indexOf(' ');
            if (sp < 0) {
                return false;
            }
            processed = size(rest.substring(0, sp), "processed");
            return finished(rest.substring(sp + 1)) && processed >= 0;
        }
        return false;
    }

    /** "in D with N errors on DATE". */
    private boolean finished(String r) {
        if (!r.startsWith("in ")) {
            return false;
        }
        return afterWith(r.substring(3));
    }

    /** "D with N errors on DATE". */
    private boolean afterWith(String r) {
        int with = r.indexOf(" with ");
        if (with < 0) {
            return false;
        }
        duration = NiceNumbers.parseDuration(r.substring(0, with));
        String rest = r.substring(with + 6);
        int sp = rest.indexOf(' ');
        if (sp < 0) {
            return false;
        }
        errors = NiceNumbers.parseLong(rest, 0, sp);
        int on = rest.indexOf(" on ");
        if (on >= 0) {
            endedAt = rest.substring(on + 4).strip();
        }
        return duration != null && errors >= 0 && on >= 0;
    }

    /** A progress line: comma-separated clauses. Returns false when a clause is not understood. */
    private boolean progressLine(String s) {
        if (s.startsWith("scrub started on ")) {
            startedAt = s.substring(17).strip();
            return true;
        }
        boolean ok = true;
        for (String clause : s.split(", ")) {
            ok &= clause(clause.strip());
        }
        return ok;
    }

    private boolean clause(String c) {
        if (c.isEmpty()) {
            return true;
        }
        if (c.equals("no estimated completion time")) {
            return true;
        }
        if (c.endsWith(" to go")) {
            toGo = NiceNumbers.parseDuration(c.substring(0, c.length() - 6));
            return toGo != null;
        }
        if (c.endsWith("% done")) {
            percent = NiceNumbers.parsePercent(c.substring(0, c.length() - 5));
            return !Double.isNaN(percent);
        }
        String[] t = c.strip().split("\\s+");
        if (t.length == 2 && t[1].equals("total")) {
            total = size(t[0], "total");
            return total >= 0;
        }
        if (t.length == 2 && (t[1].equals("repaired") || t[1].equals("resilvered"))) {
            processed = size(t[0], "processed");
            return processed >= 0;
        }
        // "A / B scanned [at R/s]", "A scanned [at R/s]", "A scanned out of B at R/s", "A issued [at] R/s"
        int verbAt = -1;
        for (int k = 0; k < t.length; k++) {
            if (t[k].equals("scanned") || t[k].equals("issued")) {
                verbAt = k;
                break;
            }
        }
        if (verbAt < 1) {
            return false;
        }
        boolean isScan = t[verbAt].equals("scanned");
        long amount = size(t[0], isScan ? "scanned" : "issued");
        long of = -1;
        if (verbAt == 3 && t[1].equals("/")) {
            of = size(t[2], "total");
        } else if (verbAt != 1) {
            return false;
        }
        long rate = -1;
        int k = verbAt + 1;
        if (k + 2 < t.length && t[k].equals("out") && t[k + 1].equals("of")) {
            of = size(t[k + 2], "total");
            k += 3;
        }
        if (k < t.length && t[k].equals("at")) {
            k++;
        }
        if (k < t.length) {
            rate = NiceNumbers.parseRate(t[k]);
            if (rate == NiceNumbers.INVALID) {
                return false;
            }
            if (NiceNumbers.isRounded(t[k], 0, t[k].length())) {
                approximate.add(isScan ? "scanRate" : "issueRate");
            }
            k++;
        }
        if (k != t.length || amount < 0) {
            return false;
        }
        if (isScan) {
            scanned = amount;
            if (rate >= 0) {
                scanRate = rate;
            }
        } else {
            issued = amount;
            if (rate >= 0) {
                issueRate = rate;
            }
        }
        if (of >= 0) {
            total = of;
        }
        return true;
    }

    /** A printed size; a rounded one ({@code 82.1M}) is recorded as approximate under {@code figure}. */
    private long size(String s, String figure) {
        long v = NiceNumbers.parseSize(s);
        if (v == NiceNumbers.INVALID) {
            return -1;
        }
        if (NiceNumbers.isRounded(s, 0, s.length())) {
            approximate.add(figure);
        } else {
            approximate.remove(figure);
        }
        return v;
    }

    static List<String> copy(List<String> l) {
        return new ArrayList<>(l);
    }
}
