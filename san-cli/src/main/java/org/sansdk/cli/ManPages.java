package org.sansdk.cli;

import java.util.List;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/**
 * Renders a picocli command tree as one man(7) page: NAME, SYNOPSIS, DESCRIPTION, OPTIONS, one COMMANDS
 * entry per sub-command (recursively, with its options and parameters) and EXIT STATUS.
 *
 * <pre>{@code String roff = ManPages.render(new Sanctl(System.out, System.err).commandLine());}</pre>
 */
final class ManPages {
    private ManPages() {
    }

    static String render(CommandLine root) {
        CommandSpec spec = root.getCommandSpec();
        StringBuilder sb = new StringBuilder();
        String version = String.join(" ", spec.version().length > 0 ? List.of(spec.version()[0]) : List.of(""));
        sb.append(".TH SANCTL 1 \"\" \"").append(esc(version)).append("\" \"san-sdk\"\n");
        sb.append(".SH NAME\n").append(spec.name()).append(" \\- ").append(esc(String.join(" ", spec.usageMessage().description()))).append('\n');
        sb.append(".SH SYNOPSIS\n.B ").append(spec.name()).append("\n[\\fIOPTIONS\\fR] \\fICOMMAND\\fR [\\fIARGS\\fR]\n");
        sb.append(".SH OPTIONS\n");
        options(sb, spec, false);
        sb.append(".SH COMMANDS\n");
        for (Map.Entry<String, CommandLine> e : root.getSubcommands().entrySet()) {
            command(sb, spec.name() + " " + e.getKey(), e.getValue());
        }
        sb.append(".PP\nEvery command answers \\fB\\-\\-help\\fR (exit 0).\n");
        sb.append(".SH EXIT STATUS\n");
        exitCodes(sb, spec);
        sb.append(".SH SEE ALSO\n.BR zpool (8),\n.BR targetcli (8),\n.BR pcs (8),\n.BR crm_mon (8)\n");
        return sb.toString();
    }

    private static void command(StringBuilder sb, String path, CommandLine cl) {
        CommandSpec spec = cl.getCommandSpec();
        sb.append(".TP\n.B ").append(esc(path));
        for (PositionalParamSpec p : spec.positionalParameters()) {
            if (!p.hidden()) {
                sb.append(" \\fI").append(esc(p.paramLabel())).append("\\fR");
            }
        }
        sb.append('\n');
        for (String d : spec.usageMessage().description()) {
            sb.append(esc(d)).append("\n.br\n");
        }
        if (!spec.positionalParameters().isEmpty() || spec.options().stream().anyMatch(o -> !o.usageHelp() && !o.versionHelp())
                || (!spec.usageMessage().exitCodeList().isEmpty() && cl.getSubcommands().isEmpty())) {
            sb.append(".RS\n");
            for (PositionalParamSpec p : spec.positionalParameters()) {
                if (!p.hidden()) {
                    sb.append(".TP\n.I ").append(esc(p.paramLabel())).append('\n')
                            .append(esc(String.join(" ", p.description()))).append('\n');
                }
            }
            options(sb, spec, true);
            if (spec.usageMessage().exitCodeList().size() > 0 && cl.getSubcommands().isEmpty()) {
                sb.append(".TP\nExit codes:\n");
                spec.usageMessage().exitCodeList().forEach((k, v) -> sb.append(".br\n").append(esc(k.strip() + " " + v)).append('\n'));
            }
            sb.append(".RE\n");
        }
        for (Map.Entry<String, CommandLine> e : cl.getSubcommands().entrySet()) {
            command(sb, path + " " + e.getKey(), e.getValue());
        }
    }

    private static void options(StringBuilder sb, CommandSpec spec, boolean skipHelp) {
        for (OptionSpec o : spec.options()) {
            if (o.hidden() || (skipHelp && (o.usageHelp() || o.versionHelp()))) {
                continue;
            }
            sb.append(".TP\n.B ").append(esc(String.join(", ", o.names())));
            if (o.arity().max() > 0 && !o.paramLabel().isEmpty()) {
                sb.append(" \\fI").append(esc(o.paramLabel())).append("\\fR");
            }
            sb.append('\n').append(esc(String.join(" ", o.description()))).append('\n');
        }
    }

    private static void exitCodes(StringBuilder sb, CommandSpec spec) {
        spec.usageMessage().exitCodeList().forEach((k, v) -> sb.append(".TP\n.B ").append(esc(k.strip())).append('\n')
                .append(esc(v)).append('\n'));
    }

    /** Escapes text for roff: backslashes, and a leading dot or quote that would start a request. */
    static String esc(String s) {
        String t = s.replace("\\", "\\e").replace("-", "\\-");
        if (t.startsWith(".") || t.startsWith("'")) {
            t = "\\&" + t;
        }
        return t;
    }
}
