package org.sansdk.cluster.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.sansdk.cluster.DistroFamily;
import org.sansdk.cluster.NodeCapabilities;
import org.sansdk.cluster.ToolVersion;
import org.sansdk.core.Command;
import org.sansdk.core.CommandResult;
import org.sansdk.core.CommandTimeoutException;
import org.sansdk.core.Executor;
import org.sansdk.core.HostUnreachableException;
import org.sansdk.core.ParseException;
import org.sansdk.core.SanException;

/**
 * Probes a node's capabilities with one argv command per program and parses what each prints. Not API.
 * An unreachable host or a timeout propagates (a node we cannot reach has no "missing programs"); a program
 * that cannot be started or exits 127 is absent; output that is not what the program prints is a
 * {@link ParseException} naming the host and the command.
 */
public final class CapabilityProbe {
    /** The os-release file, read with cat (argv, no shell). */
    public static final Command OS_RELEASE = Command.of("cat", "/etc/os-release");
    /** OpenZFS: {@code zfs-2.1.11-1} then {@code zfs-kmod-2.1.11-1} (OpenZFS 0.8+). */
    public static final Command ZFS_VERSION = Command.of("zfs", "version");
    /** pcs: a single line, {@code 0.11.5}. */
    public static final Command PCS_VERSION = Command.of("pcs", "--version");
    /** corosync: {@code Corosync Cluster Engine, version '3.1.7'} then a copyright line. */
    public static final Command COROSYNC_VERSION = Command.of("corosync", "-v");
    /** targetcli-fb: {@code /usr/bin/targetcli version 2.1.53}. */
    public static final Command TARGETCLI_VERSION = Command.of("targetcli", "--version");

    private static final Pattern OS_LINE = Pattern.compile("([A-Z0-9_]+)=(.*)");
    private static final Pattern ZFS_USER = Pattern.compile("zfs-(\\d[^\\s]*)");
    private static final Pattern ZFS_KMOD = Pattern.compile("zfs-kmod-(\\d[^\\s]*)");
    private static final Pattern PCS = Pattern.compile("(\\d+\\.\\d+[^\\s]*)");
    private static final Pattern COROSYNC = Pattern.compile("Corosync Cluster Engine, version '(\\d[^']*)'");
    private static final Pattern TARGETCLI = Pattern.compile("\\S*targetcli version (\\d\\S*)");

    private CapabilityProbe() {
    }

    /** Runs every probe on {@code executor} for {@code host}. */
    public static NodeCapabilities probe(String host, Executor executor) {
        List<String> notes = new ArrayList<>();
        Optional<String> osText = run(host, executor, OS_RELEASE, notes);
        Map<String, String> os = osText.map(t -> parseOsRelease(host + ": /etc/os-release", t)).orElse(Map.of());
        // os-release(5): a missing ID means "linux"
        String id = os.getOrDefault("ID", "linux");
        DistroFamily family = DistroFamily.of(id, os.getOrDefault("ID_LIKE", ""));
        Optional<String> zfs = run(host, executor, ZFS_VERSION, notes);
        Optional<ToolVersion> openZfs = zfs.map(t -> firstLine(host, ZFS_VERSION, t, ZFS_USER, true)).flatMap(o -> o);
        Optional<ToolVersion> kmod = zfs.flatMap(t -> secondLine(host, t));
        Optional<ToolVersion> pcs = run(host, executor, PCS_VERSION, notes).flatMap(t -> firstLine(host, PCS_VERSION, t, PCS, true));
        Optional<ToolVersion> corosync = run(host, executor, COROSYNC_VERSION, notes)
                .flatMap(t -> firstLine(host, COROSYNC_VERSION, t, COROSYNC, true));
        Optional<ToolVersion> targetcli = run(host, executor, TARGETCLI_VERSION, notes)
                .flatMap(t -> firstLine(host, TARGETCLI_VERSION, t, TARGETCLI, true));
        return new NodeCapabilities(host, family, id, Optional.ofNullable(os.get("VERSION_ID")), openZfs, kmod, pcs,
                corosync, targetcli, notes);
    }

    private static Optional<String> run(String host, Executor executor, Command c, List<String> notes) {
        CommandResult r;
        try {
            r = executor.run(c);
        } catch (HostUnreachableException | CommandTimeoutException e) {
            throw e;
        } catch (SanException e) {
            notes.add(c.program() + ": " + e.getMessage());
            return Optional.empty();
        }
        if (r.exitCode() != 0) {
            notes.add(c.program() + ": exit " + r.exitCode() + (r.exitCode() == 127 ? " (not installed)" : ""));
            return Optional.empty();
        }
        return Optional.of(r.stdout());
    }

    /**
     * Parses os-release: {@code KEY=value} lines, values unquoted or in double or single quotes, {@code #}
     * comments and blank lines. A line of another shape or a repeated key is refused with its line.
     */
    public static Map<String, String> parseOsRelease(String source, String text) {
        if (text.isBlank()) {
            throw new ParseException(source, 1, 1, "", "KEY=value lines (os-release(5)); the file is empty");
        }
        Map<String, String> out = new LinkedHashMap<>();
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            Matcher m = OS_LINE.matcher(line);
            if (!m.matches()) {
                throw new ParseException(source, i + 1, 1, lines[i], "KEY=value (os-release(5))");
            }
            String v = m.group(2);
            if (v.length() >= 2 && (v.startsWith("\"") && v.endsWith("\"") || v.startsWith("'") && v.endsWith("'"))) {
                v = v.substring(1, v.length() - 1).replace("\\\"", "\"").replace("\\\\", "\\").replace("\\$", "$").replace("\\`", "`");
            } else if (v.startsWith("\"") || v.startsWith("'")) {
                throw new ParseException(source, i + 1, line.indexOf('=') + 2, lines[i], "a closing quote");
            }
            if (out.putIfAbsent(m.group(1), v) != null) {
                throw new ParseException(source, i + 1, 1, lines[i], "each key once (" + m.group(1) + " is repeated)");
            }
        }
        return out;
    }

    private static Optional<ToolVersion> firstLine(String host, Command c, String text, Pattern p, boolean required) {
        String source = host + ": " + String.join(" ", c.argv());
        String first = text.lines().findFirst().orElse("").strip();
        Matcher m = p.matcher(first);
        if (!m.matches()) {
            if (!required) {
                return Optional.empty();
            }
            throw new ParseException(source, 1, 1, first, "the version line " + c.program() + " prints (" + p.pattern() + ")");
        }
        return Optional.of(ToolVersion.parse(m.group(1)));
    }

    private static Optional<ToolVersion> secondLine(String host, String text) {
        List<String> lines = text.lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
        if (lines.size() < 2) {
            return Optional.empty();   // userland only: the module is not loaded
        }
        Matcher m = ZFS_KMOD.matcher(lines.get(1));
        if (!m.matches()) {
            throw new ParseException(host + ": zfs version", 2, 1, lines.get(1), "zfs-kmod-VERSION");
        }
        return Optional.of(ToolVersion.parse(m.group(1)));
    }
}
