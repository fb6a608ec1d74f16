package org.sansdk.lio.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.sansdk.core.ParseException;
import org.sansdk.core.SanException;
import org.sansdk.core.Violation;
import org.sansdk.core.spi.CliCommand;
import org.sansdk.lio.LioConfig;
import org.sansdk.lio.LioValidator;
import org.sansdk.lio.SaveconfigParser;
import org.sansdk.lio.proxmox.ProxmoxConformance;
import org.sansdk.lio.proxmox.ProxmoxStorage;
import org.sansdk.lio.sync.BackstoreNaming;
import org.sansdk.lio.sync.LunSyncPlanner;
import org.sansdk.lio.sync.SyncPlan;
import org.sansdk.lio.sync.ZvolListParser;

/**
 * {@code sanctl lio ...}: plan a LUN sync offline, check a config against Proxmox's LIO provider, validate.
 *
 * <pre>{@code sanctl lio plan-sync --config saveconfig.json --zvols zvols.txt --target IQN --tpg 2 --dataset san-pool/iscsi/hypervisor}</pre>
 */
public final class LioCliCommand implements CliCommand {

    private static final Set<String> FLAGS = Set.of("--remove-missing", "--fix-mapped-luns", "--script",
            "--allow-no-zvols");

    /** For ServiceLoader. */
    public LioCliCommand() {
    }

    @Override
    public String name() {
        return "lio";
    }

    @Override
    public String usage() {
        return String.join("\n",
                "lio plan-sync --config FILE --zvols FILE --target IQN --tpg N --dataset DATASET",
                "              [--naming plain|vlan:NAME|proxmox:POOL] [--device-root /dev/zvol]",
                "              [--previous ZVOLS_FILE] [--remove-missing] [--fix-mapped-luns] [--script]",
                "              [--allow-no-zvols]",
                "    plan the LUN sync (zvols as 'zfs list -Hp -t volume -o name,volsize' prints them; an empty",
                "    listing is refused unless --allow-no-zvols says that no zvols is a valid answer);",
                "    prints the changes only (+ findings); --script adds the targetcli batch (secrets redacted)",
                "lio check-proxmox FILE [--target IQN --tpg tpgN --pool POOL [--base /dev]]",
                "    report every way Proxmox's LIO provider would trip over FILE (exit 1 if any)",
                "lio validate FILE",
                "    rule-checked validation of a saveconfig.json (exit 1 if any violation)");
    }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) {
        if (args.isEmpty()) {
            err.println(usage());
            return 2;
        }
        try {
            Map<String, String> o = new HashMap<>();
            List<String> positional = new java.util.ArrayList<>();
            for (int i = 1; i < args.size(); i++) {
                String a = args.get(i);
                if (FLAGS.contains(a)) {
                    o.put(a, "true");
                } else if (a.startsWith("--")) {
                    if (i + 1 >= args.size()) {
                        err.println("missing value for " + a);
                        return 2;
                    }
                    o.put(a, args.get(++i));
                } else {
                    positional.add(a);
                }
            }
            return switch (args.get(0)) {
                case "plan-sync" -> planSync(o, out, err);
                case "check-proxmox" -> checkProxmox(positional, o, out, err);
                case "validate" -> validate(positional, out, err);
                default -> {
                    err.println("unknown lio command '" + args.get(0) + "'\n" + usage());
                    yield 2;
                }
            };
        } catch (UsageException e) {
            err.println(e.getMessage());
            err.println(usage());
            return 2;
        } catch (SanException e) {
            err.println("error: " + e.getMessage());
            return 1;
        }
    }

    private int planSync(Map<String, String> o, PrintStream out, PrintStream err) {
        for (String k : List.of("--config", "--zvols", "--target", "--tpg", "--dataset")) {
            req(o, k);
        }
        LioConfig cfg = SaveconfigParser.parse(req(o, "--config"), read(req(o, "--config")));
        boolean noneOk = o.containsKey("--allow-no-zvols");
        var zvols = noneOk ? ZvolListParser.parseAllowingNone(req(o, "--zvols"), read(req(o, "--zvols")))
                : ZvolListParser.parse(req(o, "--zvols"), read(req(o, "--zvols")));
        int tag;
        try {
            tag = Integer.parseInt(req(o, "--tpg").replaceFirst("^tpg", ""));
        } catch (NumberFormatException e) {
            throw new UsageException("--tpg must be a number (or tpgN)");
        }
        LunSyncPlanner planner = LunSyncPlanner.forTpg(req(o, "--target"), tag, req(o, "--dataset"))
                .naming(naming(o.getOrDefault("--naming", "plain")))
                .removeMissing(o.containsKey("--remove-missing"))
                .fixMappedLuns(o.containsKey("--fix-mapped-luns"));
        if (o.containsKey("--device-root")) {
            planner.deviceRoot(o.get("--device-root"));
        }
        if (o.containsKey("--previous")) {
            planner.previous(ZvolListParser.parseAllowingNone(o.get("--previous"), read(o.get("--previous"))));
        }
        SyncPlan plan = planner.plan(cfg, zvols);
        out.print(plan);
        if (o.containsKey("--script") && !plan.isEmpty()) {
            out.println("# targetcli batch (one process, stdin):");
            out.print(plan.batch().redactedScript());
        }
        return 0;
    }

    private int checkProxmox(List<String> positional, Map<String, String> o, PrintStream out, PrintStream err) {
        if (positional.size() != 1) {
            throw new UsageException("check-proxmox needs exactly one FILE");
        }
        LioConfig cfg = SaveconfigParser.parse(positional.get(0), read(positional.get(0)));
        List<Violation> v;
        if (o.containsKey("--target") || o.containsKey("--tpg") || o.containsKey("--pool")) {
            v = ProxmoxConformance.check(cfg, new ProxmoxStorage(req(o, "--target"), req(o, "--tpg"),
                    req(o, "--pool"), o.get("--base")));
        } else {
            v = ProxmoxConformance.checkAll(cfg);
        }
        return report(v, out);
    }

    private int validate(List<String> positional, PrintStream out, PrintStream err) {
        if (positional.size() != 1) {
            throw new UsageException("validate needs exactly one FILE");
        }
        return report(LioValidator.validate(SaveconfigParser.parse(positional.get(0), read(positional.get(0)))), out);
    }

    private static int report(List<Violation> v, PrintStream out) {
        if (v.isEmpty()) {
            out.println("ok: no violations");
            return 0;
        }
        for (Violation x : v) {
            out.println(x.ruleId() + " " + x.path() + ": " + x.message());
        }
        out.println(v.size() + " violation(s)");
        return 1;
    }

    private static BackstoreNaming naming(String spec) {
        if (spec.equals("plain")) {
            return BackstoreNaming.plain();
        }
        if (spec.startsWith("vlan:") && spec.length() > 5) {
            return BackstoreNaming.vlan(spec.substring(5));
        }
        if (spec.startsWith("proxmox:") && spec.length() > 8) {
            return BackstoreNaming.proxmox(spec.substring(8));
        }
        throw new UsageException("--naming must be plain, vlan:NAME or proxmox:POOL");
    }

    private static String req(Map<String, String> o, String key) {
        String v = o.get(key);
        if (v == null) {
            throw new UsageException("missing " + key);
        }
        return v;
    }

    private static String read(String file) {
        try {
            byte[] bytes = file.equals("-") ? System.in.readAllBytes() : Files.readAllBytes(Path.of(file));
            // strict: a byte that is not UTF-8 is a ParseException on its line, not a U+FFFD parsed as text
            return ParseException.decodeUtf8(file, bytes);
        } catch (IOException e) {
            throw new SanException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    /** A usage error (exit 2). */
    private static final class UsageException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        UsageException(String message) {
            super(message);
        }
    }
}
