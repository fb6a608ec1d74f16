package org.sansdk.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.sansdk.core.ParseException;
import org.sansdk.iscsi.ByPath;
import org.sansdk.iscsi.FastFailoverProfile;
import org.sansdk.iscsi.MirrorLeg;
import org.sansdk.iscsi.MirrorLegMapper;
import org.sansdk.iscsi.SessionTreeParser;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code sanctl iscsi …}: the initiator side (san-iscsi). A thin shell over the module: by-path names, which
 * pool leaf rides on which session, and the fast-failover profile with its reasons.
 *
 * <pre>{@code new picocli.CommandLine(new IscsiCommand(System.out, System.err)).execute("by-path", name);}</pre>
 */
@Command(name = "iscsi", mixinStandardHelpOptions = true, synopsisSubcommandLabel = "COMMAND",
        description = "open-iscsi initiator side: by-path names, mirror legs per session, the fast-failover profile",
        subcommands = {IscsiCommand.ByPathCmd.class, IscsiCommand.Legs.class, IscsiCommand.Profile.class},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:ok", "1:input refused (file:line:column or the rule broken)", "2:usage error",
                "3:legs: a remote leg has no session, or its session/device is not healthy"})
public final class IscsiCommand implements Callable<Integer> {
    static final int UNHEALTHY = 3;
    final PrintStream out;
    final PrintStream err;

    /** The command writing to these streams. */
    public IscsiCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    @Override
    public Integer call() {
        err.println("sanctl iscsi: give a command (by-path, legs, fast-failover); see --help");
        return Sanctl.USAGE;
    }

    /** {@code sanctl iscsi by-path NAME…}: each name's portal, target, kernel LUN and target LUN as JSON. */
    @Command(name = "by-path", mixinStandardHelpOptions = true,
            description = "decode /dev/disk/by-path iSCSI names (udev's rules, LUNs from 256 in hex)")
    static final class ByPathCmd implements Callable<Integer> {
        @picocli.CommandLine.ParentCommand
        private IscsiCommand parent;
        @Parameters(arity = "1..*", paramLabel = "NAME", description = "ip-ADDR:PORT-iscsi-TARGET-lun-L[-partN]")
        private List<String> names;

        /** A decoded name for JSON. */
        record Decoded(String name, ByPath byPath, Long targetLun) {
        }

        @Override
        public Integer call() throws IOException {
            try {
                List<Decoded> d = names.stream().map(n -> {
                    ByPath p = ByPath.parse(n);
                    var t = ByPath.targetLun(p.lun());
                    return new Decoded(p.name(), p, t.isPresent() ? t.getAsLong() : null);
                }).toList();
                parent.out.println(Json.mapper().writeValueAsString(d));
                return Sanctl.OK;
            } catch (IllegalArgumentException e) {
                parent.err.println("sanctl iscsi by-path: " + e.getMessage());
                return Sanctl.FAILED;
            }
        }
    }

    /** {@code sanctl iscsi legs --sessions P3.txt LEAF…}: which leaf rides on which session. */
    @Command(name = "legs", mixinStandardHelpOptions = true,
            description = "map pool leaves (zpool status -P paths) to iSCSI sessions from iscsiadm -m session -P 3")
    static final class Legs implements Callable<Integer> {
        @picocli.CommandLine.ParentCommand
        private IscsiCommand parent;
        @Option(names = "--sessions", required = true, paramLabel = "FILE", description = "iscsiadm -m session -P 3 output")
        private Path sessions;
        @Parameters(arity = "1..*", paramLabel = "LEAF", description = "leaf device paths as zpool status -P prints them")
        private List<String> leaves;

        @Override
        public Integer call() throws IOException {
            try {
                String text = ParseException.decodeUtf8(sessions.toString(), Files.readAllBytes(sessions));
                List<MirrorLeg> legs = MirrorLegMapper.map(leaves, SessionTreeParser.parse(sessions.toString(), text));
                parent.out.println(Json.mapper().writeValueAsString(legs));
                boolean bad = legs.stream().anyMatch(l -> l.kind() != MirrorLeg.Kind.LOCAL && !l.healthy());
                return bad ? UNHEALTHY : Sanctl.OK;
            } catch (ParseException e) {
                parent.err.println(e.getMessage());
                return Sanctl.FAILED;
            }
        }
    }

    /** {@code sanctl iscsi fast-failover}: the design's profile, one {@code key = value  # reason} per line. */
    @Command(name = "fast-failover", mixinStandardHelpOptions = true,
            description = "print the design's iscsid.conf fast-failover profile with the reason for each value")
    static final class Profile implements Callable<Integer> {
        @picocli.CommandLine.ParentCommand
        private IscsiCommand parent;

        @Override
        public Integer call() {
            FastFailoverProfile.design().describe().forEach(parent.out::println);
            return Sanctl.OK;
        }
    }
}
