package org.sansdk.cluster.bundle;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sansdk.cluster.map.ReferenceDesign;
import org.sansdk.core.Command;
import org.sansdk.core.CommandResult;
import org.sansdk.core.testing.RealTools;
import org.sansdk.core.testing.TestExecutors;

/**
 * Every line of the rendered targetcli batches (backend target of each storage node, client target) read by the real
 * configshell-fb parser, the module targetcli reads its commands with (the kernel target needs configfs, which is
 * not here): each line must parse completely into the path, command and key=value parameters it was written with.
 */
class RealTargetcliProofTest {
    /** Parses stdin lines with ConfigShell's grammar and compares with a plain split (argv[1]: a preferences dir). */
    static final String CHECK = String.join("\n",
            "import sys",
            "from configshell_fb import ConfigShell",
            "sh = ConfigShell(sys.argv[1])",
            "bad = []",
            "n = 0",
            "for i, line in enumerate(sys.stdin.read().split('\\n')):",
            "    if not line or line.startswith('#'):",
            "        continue",
            "    n += 1",
            "    try:",
            "        sh._parser.parseString(line, parseAll=True)",
            "    except Exception:",
            "        bad.append('%d: not fully parsed' % i)",
            "        continue",
            "    _, path, command, pparams, kparams = sh._parse_cmdline(line)",
            "    toks = line.split(' ')",
            "    want_path = toks[0] if toks[0].startswith('/') else ''",
            "    rest = toks[1:] if want_path else toks",
            "    want_cmd = rest[0] if rest else ''",
            "    want_k = dict(t.split('=', 1) for t in rest[1:] if '=' in t)",
            "    want_p = [t for t in rest[1:] if '=' not in t]",
            "    if (path, command, pparams, kparams) != (want_path, want_cmd, want_p, want_k):",
            "        bad.append('%d: read as path=%r command=%r' % (i, path, command))",
            "print('ok %d' % n if not bad else 'bad\\n' + '\\n'.join(bad))");

    @TempDir
    Path dir;

    @Test
    void configshellParsesEveryBatchLine() throws Exception {
        String python = pythonWithConfigshell();
        for (Bundle b : List.of(BundleRenderer.create().render(ReferenceDesign.resolved()),
                BundleRenderer.create().render(ReferenceDesign.unresolved()))) {
            List<String> scripts = new ArrayList<>();
            for (String node : List.of("storage-a", "storage-b")) {
                scripts.add(new String(b.file(node, BundleRenderer.BACKEND_BATCH).orElseThrow().bytes(), StandardCharsets.US_ASCII));
                scripts.add(new String(b.file(node, BundleRenderer.CLIENT_BATCH).orElseThrow().bytes(), StandardCharsets.US_ASCII));
            }
            String all = String.join("", scripts);
            CommandResult r = TestExecutors.local().runChecked(Command.builder(python).args("-c", CHECK, dir.toString())
                    .secretStdin(all.getBytes(StandardCharsets.US_ASCII)).build());
            long lines = all.lines().filter(l -> !l.isEmpty() && !l.startsWith("#")).count();
            assertThat(r.stdout().lines().filter(l -> !l.startsWith("Warning:")).toList()).containsExactly("ok " + lines);
        }
    }

    @Test
    void theCheckerCanFail() throws Exception {
        String python = pythonWithConfigshell();
        CommandResult r = TestExecutors.local().runChecked(Command.builder(python).args("-c", CHECK, dir.toString())
                .stdin("/iscsi/iqn.2025-01.lab.home:t/tpg1 set auth userid=u password=ab{cd}\n").build());
        assertThat(r.stdout()).contains("bad");
    }

    /** A python3 that imports configshell_fb (Debian's /usr/bin/python3 first: python3-configshell-fb installs there). */
    private static String pythonWithConfigshell() {
        RealTools.requireFrom("python3", "python3");
        for (String candidate : List.of("/usr/bin/python3", "python3")) {
            if (candidate.startsWith("/") && !Files.isExecutable(Path.of(candidate))) {
                continue;
            }
            if (TestExecutors.local().run(Command.of(candidate, "-c", "import configshell_fb")).isSuccess()) {
                return candidate;
            }
        }
        String msg = "missing real tool: python3 module configshell_fb (Debian package python3-configshell-fb)";
        if (RealTools.required()) {
            Assertions.fail(msg + " (" + RealTools.ENV + "=required)");
        }
        Assumptions.abort(msg);
        return "unreachable";
    }
}
