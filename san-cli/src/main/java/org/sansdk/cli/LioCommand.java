package org.sansdk.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.sansdk.core.Iqn;
import org.sansdk.core.ParseException;
import org.sansdk.core.SanException;
import org.sansdk.core.Size;
import org.sansdk.core.Violation;
import org.sansdk.core.ZfsName;
import org.sansdk.lio.LioConfig;
import org.sansdk.lio.LioValidator;
import org.sansdk.lio.SaveconfigParser;
import org.sansdk.lio.proxmox.ProxmoxConformance;
import org.sansdk.lio.proxmox.ProxmoxStorage;
import org.sansdk.lio.sync.BackstoreNaming;
import org.sansdk.lio.sync.LunSyncPlanner;
import org.sansdk.lio.sync.SyncPlan;
import org.sansdk.lio.sync.Zvol;
import org.sansdk.zfs.ListRow;
import org.sansdk.zfs.ZfsListParser;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code sanctl lio ...}: plan a LUN sync offline, check a saveconfig.json against Proxmox's LIO provider,
 * validate one. Files are read strictly as UTF-8; {@code -} reads stdin. The zvol listing is read with san-zfs's
 * {@link ZfsListParser} and handed to san-lio's planner as {@link Zvol} values.
 *
 * <pre>{@code sanctl lio plan-sync --config saveconfig.json --zvols zvols.txt --target IQN --tpg 2 --dataset san-pool/iscsi/hypervisor}</pre>
 *
 * <p>Exit codes: 0 ok, 1 refused input or violations found (message on stderr, {@code file:line:column} for a parse
 * error), 2 usage error.
 */
@Command(name = "lio", mixinStandardHelpOptions = true, synopsisSubcommandLabel = "COMMAND",
        description = "LIO (targetcli) configuration: plan a LUN sync, check against Proxmox, validate.",
        subcommands = {LioCommand.PlanSync.class, LioCommand.CheckProxmox.class, LioCommand.Validate.class},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:ok", "1:refused input or violations found (file:line:column on stderr)", "2:usage error"})
public final class LioCommand implements Callable<Integer> {
    /** Exit code for success. */
    public static final int OK = 0;
    /** Exit code for refused input, a failed plan or violations found. */
    public static final int FAILED = 1;
    /** Exit code for a usage error. */
    public static final int USAGE = 2;

    private static final List<String> ZVOL_COLUMNS = List.of("name", "volsize");

    private final PrintStream out;
    private final PrintStream err;

    @Spec
    private CommandSpec spec;

    /** The command writing to the given streams. {@code new CommandLine(new LioCommand(System.out, System.err))} */
    public LioCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    /**
     * The picocli command line of {@code lio} and its sub-commands, with the factory that gives them the streams.
     * {@code LioCommand.commandLine(System.out, System.err).execute(args)}
     */
    public static CommandLine commandLine(PrintStream out, PrintStream err) {
        LioCommand lio = new LioCommand(out, err);
        CommandLine cl = new CommandLine(lio, new Factory(lio));
        cl.setOut(new java.io.PrintWriter(out, true, java.nio.charset.StandardCharsets.UTF_8));
        cl.setErr(new java.io.PrintWriter(err, true, java.nio.charset.StandardCharsets.UTF_8));
        return cl;
    }

    @Override
    public Integer call() {
        spec.commandLine().usage(err);
        return USAGE;
    }

    /** {@code sanctl lio plan-sync}. */
    @Command(name = "plan-sync", mixinStandardHelpOptions = true, sortOptions = false,
            description = {"Plan the LUN sync of one TPG offline: the changes (+) and findings (!), never renumbering a LUN.",
                "ZVOLS is what 'zfs list -Hp -t volume -o name,volsize -d 1 DATASET' prints; an empty listing is refused",
                "unless --allow-no-zvols says that no zvols is a valid answer."},
            exitCodeListHeading = "%nExit codes:%n",
            exitCodeList = {"0:planned (the plan may be empty)", "1:refused input (file:line:column) or the planner refused",
                "2:usage error"})
    static final class PlanSync implements Callable<Integer> {
        private final LioCommand lio;

        @Option(names = "--config", required = true, paramLabel = "FILE", description = "saveconfig.json (- for stdin)")
        String config;
        @Option(names = "--zvols", required = true, paramLabel = "FILE", description = "the zvol listing (- for stdin)")
        String zvols;
        @Option(names = "--target", required = true, paramLabel = "IQN", converter = IqnConverter.class,
                description = "the target's IQN")
        Iqn target;
        @Option(names = "--tpg", required = true, paramLabel = "N", converter = TpgConverter.class,
                description = "the TPG tag (N or tpgN)")
        int tpg;
        @Option(names = "--dataset", required = true, paramLabel = "DATASET", converter = ZfsNameConverter.class,
                description = "the dataset whose direct child zvols the TPG exports")
        ZfsName dataset;
        @Option(names = "--naming", paramLabel = "plain|vlan:NAME|proxmox:POOL", defaultValue = "plain",
                converter = NamingConverter.class, description = "backstore names of new zvols (default: ${DEFAULT-VALUE})")
        BackstoreNaming naming;
        @Option(names = "--device-root", paramLabel = "DIR", description = "where zvol device nodes live (default /dev/zvol)")
        String deviceRoot;
        @Option(names = "--previous", paramLabel = "FILE", description = "the previous zvol listing, to report grown zvols")
        String previous;
        @Option(names = "--remove-missing", description = "delete LUNs and backstores of vanished zvols (default: report)")
        boolean removeMissing;
        @Option(names = "--fix-mapped-luns", description = "remap ACL mappings whose number differs from the LUN index")
        boolean fixMappedLuns;
        @Option(names = "--script", description = "also print the targetcli batch (secrets redacted)")
        boolean script;
        @Option(names = "--allow-no-zvols", description = "an empty zvol listing means no zvols")
        boolean allowNoZvols;

        PlanSync(LioCommand lio) {
            this.lio = lio;
        }

        @Override
        public Integer call() {
            return lio.guard(() -> {
                LioConfig cfg = SaveconfigParser.parse(config, read(config));
                List<Zvol> listed = parseZvols(zvols, read(zvols), allowNoZvols);
                LunSyncPlanner planner = LunSyncPlanner.forTpg(target, tpg, dataset).naming(naming);
                if (removeMissing) {
                    planner.removeMissing();
                }
                if (fixMappedLuns) {
                    planner.fixMappedLuns();
                }
                if (deviceRoot != null) {
                    planner.deviceRoot(deviceRoot);
                }
                if (previous != null) {
                    planner.previous(parseZvols(previous, read(previous), true));
                }
                SyncPlan plan = planner.plan(cfg, listed);
                lio.out.print(plan);
                if (script && !plan.isEmpty()) {
                    lio.out.println("# targetcli batch (one process, stdin):");
                    lio.out.print(plan.batch().redactedScript());
                }
                return OK;
            });
        }
    }

    /** {@code sanctl lio check-proxmox}. */
    @Command(name = "check-proxmox", mixinStandardHelpOptions = true, sortOptions = false,
            description = {"Report every way Proxmox's LIO provider would trip over FILE: for one storage definition",
                "(--target, --tpg and --pool together), or for every iSCSI TPG."},
            exitCodeListHeading = "%nExit codes:%n",
            exitCodeList = {"0:no violation", "1:violations found (one per line) or refused input", "2:usage error"})
    static final class CheckProxmox implements Callable<Integer> {
        private final LioCommand lio;

        @Spec
        private CommandSpec spec;

        @Parameters(index = "0", paramLabel = "FILE", description = "saveconfig.json (- for stdin)")
        String file;
        @Option(names = "--target", paramLabel = "IQN", converter = IqnConverter.class, description = "the storage's target")
        Iqn target;
        @Option(names = "--tpg", paramLabel = "N", converter = TpgConverter.class,
                description = "the storage's lio_tpg (N or tpgN)")
        Integer tpg;
        @Option(names = "--pool", paramLabel = "POOL", converter = ZfsNameConverter.class,
                description = "the storage's pool (dataset of the VM zvols)")
        ZfsName pool;
        @Option(names = "--base", paramLabel = "DIR", description = "the storage's zfs-base-path (default /dev)")
        String base;

        CheckProxmox(LioCommand lio) {
            this.lio = lio;
        }

        @Override
        public Integer call() {
            CommandLine cl = spec.commandLine();
            if (target != null || tpg != null || pool != null) {
                for (Object[] o : new Object[][] {{"--target", target}, {"--tpg", tpg}, {"--pool", pool}}) {
                    if (o[1] == null) {
                        throw new CommandLine.ParameterException(cl, "Missing " + o[0]
                                + ": --target, --tpg and --pool go together");
                    }
                }
            }
            return lio.guard(() -> {
                LioConfig cfg = SaveconfigParser.parse(file, read(file));
                List<Violation> v = target == null ? ProxmoxConformance.checkAll(cfg)
                        : ProxmoxConformance.check(cfg, new ProxmoxStorage(target, tpg, pool, base));
                return report(v, lio.out);
            });
        }
    }

    /** {@code sanctl lio validate}. */
    @Command(name = "validate", mixinStandardHelpOptions = true,
            description = "Rule-checked validation of a saveconfig.json (LIO-* rules, one violation per line).",
            exitCodeListHeading = "%nExit codes:%n",
            exitCodeList = {"0:no violation", "1:violations found or refused input (file:line:column)", "2:usage error"})
    static final class Validate implements Callable<Integer> {
        private final LioCommand lio;

        @Parameters(index = "0", paramLabel = "FILE", description = "saveconfig.json (- for stdin)")
        String file;

        Validate(LioCommand lio) {
            this.lio = lio;
        }

        @Override
        public Integer call() {
            return lio.guard(() -> report(LioValidator.validate(SaveconfigParser.parse(file, read(file))), lio.out));
        }
    }

    /** Runs a sub-command body: a refused input or file is exit 1 with {@code error: MESSAGE} on stderr. */
    private int guard(Callable<Integer> body) {
        try {
            return body.call();
        } catch (SanException e) {
            err.println("error: " + e.getMessage());
            return FAILED;
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            err.println("error: " + e.getMessage());
            return FAILED;
        }
    }

    private static int report(List<Violation> v, PrintStream out) {
        if (v.isEmpty()) {
            out.println("ok: no violations");
            return OK;
        }
        for (Violation x : v) {
            out.println(x.ruleId() + " " + x.path() + ": " + x.message());
        }
        out.println(v.size() + " violation(s)");
        return FAILED;
    }


    /**
     * Reads {@code zfs list -Hp -t volume -o name,volsize} output as zvols, through san-zfs's {@link ZfsListParser}
     * (column count), then per line: exact byte sizes, a zvol name (pool/.../volume), each zvol once, a newline
     * ending the last line (zfs ends every line with one: otherwise the capture was cut). Empty output is refused
     * unless {@code allowNone}: {@code zfs list -d 1} prints nothing both for a dataset without zvols and a wrong
     * one. Errors are located {@link ParseException}s.
     */
    static List<Zvol> parseZvols(String source, String text, boolean allowNone) {
        if (text.isBlank()) {
            if (allowNone) {
                return List.of();
            }
            throw new ParseException(source, 1, 1, "", "one name<TAB>volsize line per zvol (zfs list -Hp -o"
                    + " name,volsize); the output is empty (use --allow-no-zvols when no zvols is a valid answer)");
        }
        List<ListRow> rows = ZfsListParser.parse(source, text, ZVOL_COLUMNS);
        String[] lines = text.split("\n", -1);
        List<Zvol> out = new ArrayList<>(rows.size());
        Map<String, Integer> seen = new HashMap<>();
        int r = 0;
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].endsWith("\r") ? lines[i].substring(0, lines[i].length() - 1) : lines[i];
            if (line.isEmpty()) {
                continue;
            }
            if (i == lines.length - 1) {
                throw new ParseException(source, i + 1, line.length() + 1, line,
                        "a newline ending the last line (zfs list ends every line with one: the output was cut)");
            }
            ListRow row = rows.get(r++);
            String name = row.name();
            String size = row.values().get("volsize");
            if (!size.matches("\\d{1,19}")) {
                throw new ParseException(source, i + 1, name.length() + 2, line,
                        "volsize in bytes (use zfs list -p for exact numbers)");
            }
            Zvol z;
            try {
                z = Zvol.of(name, Size.ofBytes(Long.parseLong(size)));
            } catch (IllegalArgumentException e) {
                throw new ParseException(source, i + 1, 1, line, "a zvol name pool/.../volume (" + e.getMessage() + ")");
            }
            Integer first = seen.putIfAbsent(name, i + 1);
            if (first != null) {
                throw new ParseException(source, i + 1, 1, line,
                        "each zvol once (" + name + " is already listed at line " + first + ")");
            }
            out.add(z);
        }
        return out;
    }

    /** A file's bytes decoded strictly as UTF-8 ({@code -}: stdin). */
    static String read(String file) {
        try {
            byte[] bytes = file.equals("-") ? System.in.readAllBytes() : Files.readAllBytes(Path.of(file));
            return ParseException.decodeUtf8(file, bytes);
        } catch (NoSuchFileException e) {
            throw new SanException("no such file: " + file, e);
        } catch (IOException e) {
            throw new SanException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    /** {@code --naming plain|vlan:NAME|proxmox:POOL}. */
    static final class NamingConverter implements CommandLine.ITypeConverter<BackstoreNaming> {
        @Override
        public BackstoreNaming convert(String spec) {
            if (spec.equals("plain")) {
                return BackstoreNaming.plain();
            }
            if (spec.startsWith("vlan:") && spec.length() > 5) {
                return BackstoreNaming.vlan(spec.substring(5));
            }
            if (spec.startsWith("proxmox:") && spec.length() > 8) {
                try {
                    return BackstoreNaming.proxmox(ZfsName.parse(spec.substring(8)));
                } catch (IllegalArgumentException e) {
                    throw new CommandLine.TypeConversionException(e.getMessage());
                }
            }
            throw new CommandLine.TypeConversionException("'" + spec + "': plain, vlan:NAME or proxmox:POOL");
        }
    }

    /** {@code --target IQN}: a usage error naming the broken rule. */
    static final class IqnConverter implements CommandLine.ITypeConverter<Iqn> {
        @Override
        public Iqn convert(String value) {
            try {
                return Iqn.parse(value);
            } catch (IllegalArgumentException e) {
                throw new CommandLine.TypeConversionException(e.getMessage());
            }
        }
    }

    /** {@code --dataset}/{@code --pool}: a ZFS name. */
    static final class ZfsNameConverter implements CommandLine.ITypeConverter<ZfsName> {
        @Override
        public ZfsName convert(String value) {
            try {
                return ZfsName.parse(value);
            } catch (IllegalArgumentException e) {
                throw new CommandLine.TypeConversionException(e.getMessage());
            }
        }
    }

    /** {@code --tpg N} or {@code --tpg tpgN} (as Proxmox's storage.cfg writes it): 1..65535. */
    static final class TpgConverter implements CommandLine.ITypeConverter<Integer> {
        @Override
        public Integer convert(String value) {
            String digits = value.startsWith("tpg") ? value.substring(3) : value;
            if (!digits.matches("\\d{1,5}") || Integer.parseInt(digits) < 1 || Integer.parseInt(digits) > 65535) {
                throw new CommandLine.TypeConversionException("'" + value + "' is not a TPG tag: N or tpgN, 1..65535");
            }
            return Integer.parseInt(digits);
        }
    }

    /** Gives the sub-commands their parent (for its streams). */
    private static final class Factory implements CommandLine.IFactory {
        private final LioCommand lio;

        Factory(LioCommand lio) {
            this.lio = lio;
        }

        @Override
        public <K> K create(Class<K> cls) throws Exception {
            if (cls == PlanSync.class) {
                return cls.cast(new PlanSync(lio));
            }
            if (cls == CheckProxmox.class) {
                return cls.cast(new CheckProxmox(lio));
            }
            if (cls == Validate.class) {
                return cls.cast(new Validate(lio));
            }
            return CommandLine.defaultFactory().create(cls);
        }
    }
}
