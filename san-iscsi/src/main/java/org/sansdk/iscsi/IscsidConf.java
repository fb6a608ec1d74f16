package org.sansdk.iscsi;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.sansdk.core.ParseException;
import org.sansdk.core.ParseWarning;
import org.sansdk.core.Plan;
import org.sansdk.core.Secret;

/**
 * {@code /etc/iscsi/iscsid.conf}: every line kept in order (comments, blank lines, spacing), so an unedited file
 * renders byte for byte as read. Known keys (open-iscsi 2.1.8's node, discovery and iscsid settings) are typed
 * and checked; unknown keys are kept and flagged ({@link #warnings()}); the {@code *.password} and
 * {@code *.password_in} values are {@link Secret}s and never appear in {@link #toString()}.
 *
 * <pre>{@code IscsidConf c = IscsidConf.parse("iscsid.conf", text).with("node.startup", "automatic"); c.render();}</pre>
 */
public final class IscsidConf {
    /** Debian's path of the file. */
    public static final Path DEFAULT_PATH = Path.of("/etc/iscsi/iscsid.conf");

    private static final Set<String> KNOWN = loadKeys();
    private static final Pattern INT = Pattern.compile("-?\\d{1,10}");
    private static final Pattern SETTING = Pattern.compile("([A-Za-z][A-Za-z0-9_.\\[\\]]*)\\s*=.*");

    private final List<Line> lines;
    private final boolean endsWithNewline;
    private final List<ParseWarning> warnings;
    private final String source;

    /**
     * One line of the file.
     *
     * <pre>{@code if (line instanceof IscsidConf.Setting s) s.key();}</pre>
     */
    public sealed interface Line permits Text, Setting {
        /** The 1-based line number where it was read, 0 for a line added by an edit. */
        int line();
    }

    /**
     * A blank line or a comment, kept as is.
     *
     * <pre>{@code new IscsidConf.Text("# comment", 0)}</pre>
     *
     * @param text the line without its newline
     * @param line 1-based line number, 0 when added
     */
    public record Text(String text, int line) implements Line {
    }

    /**
     * A {@code key = value} line. The text around the value is kept for a byte-identical rendering.
     *
     * <pre>{@code s.key(); s.value();}</pre>
     *
     * @param key    the setting name
     * @param value  the value (for a password: empty, see {@code secret})
     * @param secret the value of a password setting
     * @param before the text before the value ({@code "node.startup = "})
     * @param after  the text after the value (trailing spaces)
     * @param line   1-based line number, 0 when added
     */
    public record Setting(String key, String value, Optional<Secret> secret, String before, String after, int line)
            implements Line {
        /** True when open-iscsi 2.1.8 knows this key. */
        public boolean known() {
            return KNOWN.contains(key);
        }

        @Override
        public String toString() {
            return before + (secret.isPresent() ? Secret.MASK : value) + after;
        }
    }

    private IscsidConf(String source, List<Line> lines, boolean endsWithNewline, List<ParseWarning> warnings) {
        this.source = source;
        this.lines = List.copyOf(lines);
        this.endsWithNewline = endsWithNewline;
        this.warnings = List.copyOf(warnings);
    }

    /**
     * Parses the file.
     *
     * @throws ParseException when empty, a line is neither a comment nor {@code key = value}, or a known key
     *                        has a value of the wrong type
     */
    public static IscsidConf parse(String source, String text) {
        if (text == null || text.isBlank()) {
            throw new ParseException(source, 1, 1, "", "iscsid.conf settings (the file is empty)");
        }
        List<Line> out = new ArrayList<>();
        List<ParseWarning> warnings = new ArrayList<>();
        Map<String, Integer> seen = new LinkedHashMap<>();
        String[] raw = text.split("\n", -1);
        boolean nl = text.endsWith("\n");
        int count = nl ? raw.length - 1 : raw.length;
        for (int i = 0; i < count; i++) {
            String l = raw[i];
            String t = l.strip();
            if (t.isEmpty() || t.startsWith("#")) {
                out.add(new Text(l, i + 1));
                continue;
            }
            if (!SETTING.matcher(t).matches()) {
                throw new ParseException(source, i + 1, l.indexOf(t) + 1, l, "\"key = value\" or a # comment");
            }
            int eq = l.indexOf('=');
            String key = l.substring(0, eq).strip();
            int vs = eq + 1;
            while (vs < l.length() && (l.charAt(vs) == ' ' || l.charAt(vs) == '\t')) {
                vs++;
            }
            int ve = l.length();
            while (ve > vs && (l.charAt(ve - 1) == ' ' || l.charAt(ve - 1) == '\t' || l.charAt(ve - 1) == '\r')) {
                ve--;
            }
            String value = l.substring(vs, ve);
            String problem = checkValue(key, value);
            if (problem != null) {
                throw new ParseException(source, i + 1, vs + 1, NodeRecord.isSecretKey(key) ? key + " = " + Secret.MASK : l,
                        problem);
            }
            if (!KNOWN.contains(key)) {
                warnings.add(new ParseWarning(source, i + 1, 1, "unknown key " + key
                        + " (open-iscsi 2.1.8 does not know it; iscsiadm -o update refuses it with exit code 7)"));
            }
            Integer before = seen.put(key, i + 1);
            if (before != null) {
                warnings.add(new ParseWarning(source, i + 1, 1, "key " + key + " set again (also on line " + before
                        + "); open-iscsi uses the last one"));
            }
            boolean secret = NodeRecord.isSecretKey(key);
            out.add(new Setting(key, secret ? "" : value, secret ? Optional.of(Secret.of(value)) : Optional.empty(),
                    l.substring(0, vs), l.substring(ve), i + 1));
        }
        return new IscsidConf(source, out, nl, warnings);
    }

    /** Reads the file: {@code IscsidConf.read(IscsidConf.DEFAULT_PATH)}. */
    public static IscsidConf read(Path path) {
        try {
            return parse(path.toString(), ParseException.decodeUtf8(path.toString(), java.nio.file.Files.readAllBytes(path)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The type rule a known key breaks with this value, or null. */
    static String checkValue(String key, String value) {
        if (value.isEmpty()) {
            return null;
        }
        if (key.equals("node.startup") || key.equals("discovery.startup")) {
            return List.of("automatic", "manual", "onboot").contains(value) ? null : "automatic, manual or onboot";
        }
        if (key.endsWith(".auth.authmethod")) {
            return List.of("None", "CHAP").contains(value) ? null : "None or CHAP";
        }
        if (key.endsWith("InitialR2T") || key.endsWith("ImmediateData") || key.endsWith("FastAbort")
                || key.equals("node.leading_login")) {
            return List.of("Yes", "No").contains(value) ? null : "Yes or No";
        }
        if (key.equals("node.session.scan")) {
            return List.of("auto", "manual").contains(value) ? null : "auto or manual";
        }
        if (KNOWN.contains(key) && (key.contains("timeo") || key.endsWith("_timeout") || key.endsWith("_interval")
                || key.endsWith("Length") || key.endsWith("_max") || key.endsWith("queue_depth")
                || key.endsWith("nr_sessions") || key.endsWith("priority") || key.endsWith("MaxOutstandingR2T"))) {
            return INT.matcher(value).matches() ? null : "an integer for " + key;
        }
        if (NodeRecord.isSecretKey(key) && value.getBytes(StandardCharsets.UTF_8).length > 255) {
            return "a CHAP secret of at most 255 bytes";
        }
        return null;
    }

    private static Set<String> loadKeys() {
        try (InputStream in = IscsidConf.class.getResourceAsStream("iscsid-conf-keys.txt")) {
            Set<String> keys = new LinkedHashSet<>();
            for (String l : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (!l.isBlank()) {
                    keys.add(l.strip());
                }
            }
            return Collections.unmodifiableSet(keys);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The keys open-iscsi 2.1.8 knows in iscsid.conf (node, discovery and iscsid settings). */
    public static Set<String> knownKeys() {
        return KNOWN;
    }

    /** The lines in order. */
    public List<Line> lines() {
        return lines;
    }

    /** The active settings in order. */
    public List<Setting> settings() {
        return lines.stream().filter(l -> l instanceof Setting).map(l -> (Setting) l).toList();
    }

    /** Unknown keys and keys set twice, located. */
    public List<ParseWarning> warnings() {
        return warnings;
    }

    /** The keys open-iscsi does not know, in order. */
    public List<String> unknownKeys() {
        return settings().stream().filter(s -> !s.known()).map(Setting::key).distinct().toList();
    }

    /** False when the file does not end with a newline (an editor's choice, or a cut copy). */
    public boolean endsWithNewline() {
        return endsWithNewline;
    }

    /** The effective (last) plain value of a key: {@code conf.value("node.startup")}. */
    public Optional<String> value(String key) {
        Optional<String> v = Optional.empty();
        for (Setting s : settings()) {
            if (s.key().equals(key) && s.secret().isEmpty()) {
                v = Optional.of(s.value());
            }
        }
        return v;
    }

    /** The effective secret of a password key: {@code conf.secret("node.session.auth.password")}. */
    public Optional<Secret> secret(String key) {
        Optional<Secret> v = Optional.empty();
        for (Setting s : settings()) {
            if (s.key().equals(key) && s.secret().isPresent()) {
                v = s.secret();
            }
        }
        return v;
    }

    /** {@code node.startup}, if set. */
    public Optional<NodeStartup> startup() {
        return value("node.startup").map(NodeStartup::parse);
    }

    /** {@code node.session.timeo.replacement_timeout}, if set. */
    public Optional<Duration> replacementTimeout() {
        return seconds("node.session.timeo.replacement_timeout");
    }

    /** {@code node.conn[0].timeo.login_timeout}, if set. */
    public Optional<Duration> loginTimeout() {
        return seconds("node.conn[0].timeo.login_timeout");
    }

    /** {@code node.conn[0].timeo.noop_out_interval}, if set. */
    public Optional<Duration> noopOutInterval() {
        return seconds("node.conn[0].timeo.noop_out_interval");
    }

    /** {@code node.conn[0].timeo.noop_out_timeout}, if set. */
    public Optional<Duration> noopOutTimeout() {
        return seconds("node.conn[0].timeo.noop_out_timeout");
    }

    /** Session CHAP ({@code node.session.auth.*}) when authmethod is CHAP. */
    public Optional<ChapCredentials> sessionChap() {
        return chap("node.session.auth.");
    }

    /** Discovery CHAP ({@code discovery.sendtargets.auth.*}) when authmethod is CHAP. */
    public Optional<ChapCredentials> discoveryChap() {
        return chap("discovery.sendtargets.auth.");
    }

    private Optional<ChapCredentials> chap(String prefix) {
        if (!value(prefix + "authmethod").orElse("None").equals("CHAP")) {
            return Optional.empty();
        }
        String user = value(prefix + "username").orElse("");
        Secret pw = secret(prefix + "password").orElse(Secret.of(""));
        Optional<String> userIn = value(prefix + "username_in");
        Optional<Secret> pwIn = secret(prefix + "password_in");
        if (userIn.isPresent() && pwIn.isPresent()) {
            return Optional.of(ChapCredentials.mutual(user, pw, userIn.get(), pwIn.get()));
        }
        return Optional.of(ChapCredentials.oneWay(user, pw));
    }

    private Optional<Duration> seconds(String key) {
        return value(key).filter(v -> !v.isEmpty()).map(v -> Duration.ofSeconds(Long.parseLong(v)));
    }

    /**
     * A copy with {@code key = value}: the last active line of the key is changed in place; otherwise the
     * line goes right after a commented-out example of the key ({@code #key = …}), else at the end.
     *
     * @throws IllegalArgumentException for a password key (use {@link #withSecret}) or a value of the wrong type
     */
    public IscsidConf with(String key, String value) {
        if (NodeRecord.isSecretKey(key)) {
            throw new IllegalArgumentException(key + " is a password: use withSecret");
        }
        return set(key, value, Optional.empty());
    }

    /** A copy with a password key set: {@code conf.withSecret("node.session.auth.password", s)}. */
    public IscsidConf withSecret(String key, Secret value) {
        if (!NodeRecord.isSecretKey(key)) {
            throw new IllegalArgumentException(key + " is not a password key");
        }
        return set(key, "", Optional.of(value));
    }

    private IscsidConf set(String key, String value, Optional<Secret> secret) {
        String check = checkValue(key, secret.map(Secret::reveal).orElse(value));
        if (check != null) {
            throw new IllegalArgumentException(key + ": expected " + check);
        }
        if (value.contains("\n") || secret.map(s -> s.reveal().contains("\n")).orElse(false)) {
            throw new IllegalArgumentException(key + ": a value is one line");
        }
        List<Line> out = new ArrayList<>(lines);
        for (int i = out.size() - 1; i >= 0; i--) {
            if (out.get(i) instanceof Setting s && s.key().equals(key)) {
                out.set(i, new Setting(key, value, secret, s.before(), s.after(), s.line()));
                return copy(out);
            }
        }
        Setting fresh = new Setting(key, value, secret, key + " = ", "", 0);
        Pattern example = Pattern.compile("#\\s*" + Pattern.quote(key) + "\\s*=.*");
        for (int i = out.size() - 1; i >= 0; i--) {
            if (out.get(i) instanceof Text t && example.matcher(t.text().strip()).matches()) {
                out.add(i + 1, fresh);
                return copy(out);
            }
        }
        out.add(fresh);
        return copy(out);
    }

    /** A copy without any active line of {@code key} (commented-out examples stay). */
    public IscsidConf without(String key) {
        List<Line> out = new ArrayList<>(lines);
        out.removeIf(l -> l instanceof Setting s && s.key().equals(key));
        return copy(out);
    }

    private IscsidConf copy(List<Line> out) {
        List<ParseWarning> w = new ArrayList<>();
        for (Line l : out) {
            if (l instanceof Setting s && !s.known()) {
                w.add(new ParseWarning(source, s.line(), 1, "unknown key " + s.key()));
            }
        }
        return new IscsidConf(source, out, true, w);
    }

    /** The file's text, passwords in clear: write it with {@link #writePlan} (mode 0600). */
    public String render() {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < lines.size(); i++) {
            Line l = lines.get(i);
            if (l instanceof Text t) {
                b.append(t.text());
            } else {
                Setting s = (Setting) l;
                b.append(s.before()).append(s.secret().map(Secret::reveal).orElse(s.value())).append(s.after());
            }
            if (i < lines.size() - 1 || endsWithNewline) {
                b.append('\n');
            }
        }
        return b.toString();
    }

    /**
     * A plan writing the file atomically, mode 0600 root:root (it may hold CHAP secrets; the plan's text shows
     * no content).
     *
     * <pre>{@code IscsidConf.parse(src, text).writePlan("storage-a", IscsidConf.DEFAULT_PATH).applyTo(executor);}</pre>
     */
    public Plan writePlan(String host, Path path) {
        return Plan.builder("write " + path).writeFile(host, path, render().getBytes(StandardCharsets.UTF_8), 0600,
                "root:root", true, "iscsid.conf (may hold CHAP secrets)").build();
    }

    /** The file with passwords as {@code ****}. */
    @Override
    public String toString() {
        StringBuilder b = new StringBuilder();
        for (Line l : lines) {
            b.append(l instanceof Text t ? t.text() : l.toString()).append('\n');
        }
        return b.toString();
    }
}
