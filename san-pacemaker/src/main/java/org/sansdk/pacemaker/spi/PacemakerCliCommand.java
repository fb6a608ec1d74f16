package org.sansdk.pacemaker.spi;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.sansdk.core.ParseException;
import org.sansdk.core.Violation;
import org.sansdk.core.spi.CliCommand;
import org.sansdk.pacemaker.cib.Cib;
import org.sansdk.pacemaker.cib.CibChange;
import org.sansdk.pacemaker.cib.CibParser;
import org.sansdk.pacemaker.cib.CibPatch;
import org.sansdk.pacemaker.design.SanResourceSet;

/**
 * {@code sanctl pacemaker ...}: checks a CIB against the design's intent and computes version-pinned patches.
 * Usage: {@code sanctl pacemaker check-intent cib.xml --storage storage-a,storage-b --quorum quorum --pool zfs-pool}
 */
public final class PacemakerCliCommand implements CliCommand {
    @Override
    public String name() {
        return "pacemaker";
    }

    @Override
    public String usage() {
        return String.join("\n",
                "sanctl pacemaker check-intent CIB.xml [--storage A,B] [--quorum NODE] [--pool RSC]",
                "    check STONITH, fencing per storage node, no self-fencing device, colocation and order with the pool,",
                "    nothing on the quorum node (defaults: storage-a,storage-b / quorum / zfs-pool); exit 1 on violations",
                "sanctl pacemaker patch LIVE.xml DESIRED.xml [--prune [--allow-pool-deletion]]",
                "    print the cibadmin --patch v2 diff from LIVE (cibadmin -Q) to DESIRED's configuration, pinned to LIVE's version;",
                "    changed elements are modified in place; deletions, deleted or slower monitors are listed as '# WARNING: ...' on stderr;",
                "    exit 3 when the patch deletes a resource or leaves one without a recurring monitor,",
                "    deleting the pool resource is refused unless --allow-pool-deletion");
    }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) {
        if (args.isEmpty()) {
            err.println(usage());
            return 2;
        }
        try {
            switch (args.get(0)) {
                case "check-intent":
                    return checkIntent(args.subList(1, args.size()), out, err);
                case "patch":
                    return patch(args.subList(1, args.size()), out, err);
                default:
                    err.println("sanctl pacemaker: unknown subcommand '" + args.get(0) + "'\n" + usage());
                    return 2;
            }
        } catch (ParseException e) {
            err.println(e.getMessage());
            return 1;
        } catch (IOException e) {
            err.println("sanctl pacemaker: " + e.getMessage());
            return 1;
        } catch (org.sansdk.core.SanException e) {
            err.println("sanctl pacemaker: " + e.getMessage());
            return 1;
        }
    }

    private int checkIntent(List<String> a, PrintStream out, PrintStream err) throws IOException {
        List<String> storage = List.of("storage-a", "storage-b");
        String quorum = "quorum";
        String pool = SanResourceSet.POOL;
        String file = null;
        for (int i = 0; i < a.size(); i++) {
            String w = a.get(i);
            if ((w.equals("--storage") || w.equals("--quorum") || w.equals("--pool")) && i + 1 < a.size()) {
                String v = a.get(++i);
                if (w.equals("--storage")) {
                    storage = List.of(v.split(","));
                } else if (w.equals("--quorum")) {
                    quorum = v;
                } else {
                    pool = v;
                }
            } else if (file == null && !w.startsWith("--")) {
                file = w;
            } else {
                err.println("sanctl pacemaker check-intent: unexpected '" + w + "'\n" + usage());
                return 2;
            }
        }
        if (file == null) {
            err.println(usage());
            return 2;
        }
        Cib cib = CibParser.parse(file, Files.readString(Path.of(file)));
        List<Violation> v = SanResourceSet.checkIntent(cib.configuration(), storage, quorum, pool);
        for (Violation x : v) {
            out.println(x);
        }
        if (v.isEmpty()) {
            out.println("ok: " + file + " (epoch " + cib.version() + ") keeps the design's intent");
        }
        return v.isEmpty() ? 0 : 1;
    }

    private int patch(List<String> a, PrintStream out, PrintStream err) throws IOException {
        List<String> files = new ArrayList<>();
        boolean prune = false;
        boolean allowPool = false;
        for (String w : a) {
            if (w.equals("--prune")) {
                prune = true;
            } else if (w.equals("--allow-pool-deletion")) {
                allowPool = true;
            } else {
                files.add(w);
            }
        }
        if (files.size() != 2) {
            err.println(usage());
            return 2;
        }
        Cib live = CibParser.parse(files.get(0), Files.readString(Path.of(files.get(0))));
        Cib desired = CibParser.parse(files.get(1), Files.readString(Path.of(files.get(1))));
        List<org.sansdk.pacemaker.cib.PatchOption> opts = new ArrayList<>();
        if (prune) {
            opts.add(org.sansdk.pacemaker.cib.PatchOption.PRUNE);
        }
        if (allowPool) {
            opts.add(org.sansdk.pacemaker.cib.PatchOption.ALLOW_POOL_DELETION);
        }
        CibPatch p = CibPatch.between(live, desired.configuration(), opts.toArray(new org.sansdk.pacemaker.cib.PatchOption[0]));
        for (CibChange c : p.changes()) {
            err.println("# " + c.describe());
        }
        for (org.sansdk.pacemaker.cib.CibFinding f : p.findings()) {
            err.println("# WARNING: " + f);
        }
        out.print(p.toXml());
        return p.deletesResources() || p.leavesUnmonitored() ? 3 : 0;
    }
}
