package org.sansdk.zfs;

import java.util.stream.Collectors;

/** A compact, reviewable text form of a parsed status, used by the golden corpus test. */
final class StatusSummary {
    private StatusSummary() {
    }

    static String of(ZpoolStatusReport r) {
        StringBuilder sb = new StringBuilder();
        for (PoolStatus p : r.pools()) {
            sb.append("pool ").append(p.name()).append(" state=").append(p.state());
            p.id().ifPresent(x -> sb.append(" id=").append(x));
            p.messageId().ifPresent(x -> sb.append(" msg=").append(x));
            sb.append('\n');
            p.status().ifPresent(s -> text(sb, "status", s));
            p.action().ifPresent(s -> text(sb, "action", s));
            p.see().ifPresent(s -> sb.append("  see: ").append(s).append('\n'));
            p.scan().ifPresent(s -> {
                sb.append("  scan ").append(s.function()).append(' ').append(s.state());
                s.rebuildVdev().ifPresent(x -> sb.append(" rebuild=").append(x));
                s.startedAt().ifPresent(x -> sb.append(" started=[").append(x).append(']'));
                s.endedAt().ifPresent(x -> sb.append(" ended=[").append(x).append(']'));
                s.scanned().ifPresent(x -> sb.append(" scanned=").append(x));
                s.issued().ifPresent(x -> sb.append(" issued=").append(x));
                s.total().ifPresent(x -> sb.append(" total=").append(x));
                s.scanRate().ifPresent(x -> sb.append(" scanRate=").append(x));
                s.issueRate().ifPresent(x -> sb.append(" issueRate=").append(x));
                s.percentDone().ifPresent(x -> sb.append(" pct=").append(x));
                s.timeToGo().ifPresent(x -> sb.append(" togo=").append(x));
                s.processed().ifPresent(x -> sb.append(" processed=").append(x));
                s.duration().ifPresent(x -> sb.append(" took=").append(x));
                s.errors().ifPresent(x -> sb.append(" errors=").append(x));
                sb.append('\n');
            });
            p.otherSections().forEach((k, v) -> sb.append("  ").append(k).append(": ").append(v).append('\n'));
            p.root().ifPresent(v -> tree(sb, v, 2));
            for (ClassSection s : p.classes()) {
                sb.append("  section ").append(s.allocationClass());
                s.state().ifPresent(x -> sb.append(' ').append(x));
                s.errors().ifPresent(e -> sb.append(' ').append(e.read()).append('/').append(e.write()).append('/')
                        .append(e.checksum()));
                s.notes().forEach(n -> sb.append(" [").append(n).append(']'));
                sb.append('\n');
                s.vdevs().forEach(v -> tree(sb, v, 4));
            }
            p.errors().ifPresent(e -> {
                sb.append("  errors count=").append(e.count().isPresent() ? "" + e.count().getAsLong() : "-");
                e.listUnavailable().ifPresent(x -> sb.append(" unavailable=").append(x));
                sb.append('\n');
                e.permanent().forEach(x -> sb.append("    ").append(x).append('\n'));
            });
        }
        r.warnings().forEach(w -> sb.append("warning ").append(w.line()).append(':').append(w.column()).append(' ')
                .append(w.message()).append('\n'));
        return sb.toString();
    }

    private static void text(StringBuilder sb, String key, String value) {
        String pad = "  " + key + ": ";
        for (String line : value.split("\n", -1)) {
            sb.append(pad).append(line).append('\n');
            pad = " ".repeat(pad.length());
        }
    }

    private static void tree(StringBuilder sb, Vdev v, int indent) {
        sb.append(" ".repeat(indent)).append(v.name()).append(' ').append(v.kind()).append(' ').append(v.state());
        v.path().ifPresent(x -> sb.append(" path=").append(x));
        v.errors().ifPresent(e -> sb.append(' ').append(e.read()).append('/').append(e.write()).append('/')
                .append(e.checksum()).append(e.approximate() ? "~" : ""));
        if (!v.notes().isEmpty()) {
            sb.append(' ').append(v.notes().stream().map(Object::toString).collect(Collectors.joining(" ")));
        }
        if (!v.columns().isEmpty()) {
            sb.append(' ').append(v.columns());
        }
        sb.append('\n');
        v.children().forEach(c -> tree(sb, c, indent + 2));
    }
}
