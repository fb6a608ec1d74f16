package org.sansdk.cluster.design;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.sansdk.cluster.design.YamlTree.Kind;
import org.sansdk.cluster.design.YamlTree.Loc;
import org.sansdk.cluster.design.YamlTree.YList;
import org.sansdk.cluster.design.YamlTree.YMap;
import org.sansdk.cluster.design.YamlTree.YNode;
import org.sansdk.cluster.design.YamlTree.YScalar;

/** Typed, located access to a {@link YamlTree}: every wrong type, missing or unknown key becomes a located problem. */
final class YamlFields {
    private static final Pattern DURATION = Pattern.compile("(\\d{1,9})(ms|s|min|h)");

    private final String source;
    private final List<DesignException.Problem> problems = new ArrayList<>();
    private final Map<String, Loc> locs = new HashMap<>();

    YamlFields(String source) {
        this.source = source;
    }

    List<DesignException.Problem> problems() {
        return problems;
    }

    void problem(String path, Loc at, String message) {
        problems.add(new DesignException.Problem(path, message, source, at.line(), at.column()));
    }

    void note(String path, YNode n) {
        locs.put(path, n.loc());
    }

    /** The location of a path, or of its nearest located ancestor. */
    Loc locate(String path) {
        String p = path;
        while (true) {
            Loc l = locs.get(p);
            if (l != null || p.isEmpty()) {
                return l == null ? new Loc(0, 0) : l;
            }
            int dot = Math.max(p.lastIndexOf('.'), p.lastIndexOf('['));
            p = dot < 0 ? "" : p.substring(0, dot);
        }
    }

    /** The problems of a design build, located in the file. */
    List<DesignException.Problem> locateAll(List<DesignException.Problem> ps) {
        List<DesignException.Problem> out = new ArrayList<>();
        for (DesignException.Problem p : ps) {
            Loc l = locate(p.path());
            out.add(p.at(source, l.line(), l.column()));
        }
        return out;
    }

    YMap map(YNode n, String path) {
        if (n == null) {
            return null;
        }
        note(path, n);
        if (n instanceof YMap m) {
            return m;
        }
        problem(path, n.loc(), "expected a mapping (key: value lines), found " + describe(n));
        return null;
    }

    List<YNode> list(YNode n, String path) {
        if (n == null) {
            return List.of();
        }
        note(path, n);
        if (n instanceof YList l) {
            return l.items();
        }
        problem(path, n.loc(), "expected a list, found " + describe(n));
        return List.of();
    }

    /** Refuses keys not in {@code allowed}, suggesting the nearest. */
    void keys(YMap m, String path, Collection<String> allowed) {
        if (m == null) {
            return;
        }
        for (Map.Entry<String, Loc> e : m.keyLocs().entrySet()) {
            if (!allowed.contains(e.getKey())) {
                String near = nearest(e.getKey(), allowed);
                problem(YamlTree.join(path, e.getKey()), e.getValue(), "unknown key '" + e.getKey() + "'"
                        + (near == null ? "; expected one of " + allowed : "; did you mean '" + near + "'?"));
            }
        }
    }

    YNode required(YMap m, String key, String path) {
        if (m == null) {
            return null;
        }
        YNode n = m.entries().get(key);
        if (n == null || (n instanceof YScalar s && s.kind() == Kind.NULL)) {
            problem(YamlTree.join(path, key), m.loc(), "required key '" + key + "' is missing");
            return null;
        }
        note(YamlTree.join(path, key), n);
        return n;
    }

    YNode optional(YMap m, String key, String path) {
        if (m == null) {
            return null;
        }
        YNode n = m.entries().get(key);
        if (n == null || (n instanceof YScalar s && s.kind() == Kind.NULL)) {
            return null;
        }
        note(YamlTree.join(path, key), n);
        return n;
    }

    String text(YNode n, String path) {
        if (n == null) {
            return null;
        }
        if (n instanceof YScalar s && s.kind() != Kind.NULL) {
            return s.text();
        }
        problem(path, n.loc(), "expected a single value, found " + describe(n));
        return null;
    }

    Integer integer(YNode n, String path) {
        if (n == null) {
            return null;
        }
        if (n instanceof YScalar s && s.kind() == Kind.INT) {
            try {
                return Integer.valueOf(s.text());
            } catch (NumberFormatException e) {
                problem(path, n.loc(), "expected a decimal integer, found '" + s.text() + "'");
                return null;
            }
        }
        problem(path, n.loc(), "expected an integer, found " + describe(n));
        return null;
    }

    Boolean bool(YNode n, String path) {
        if (n == null) {
            return null;
        }
        if (n instanceof YScalar s && s.kind() == Kind.BOOL && (s.text().equals("true") || s.text().equals("false"))) {
            return Boolean.valueOf(s.text());
        }
        problem(path, n.loc(), "expected true or false, found " + describe(n));
        return null;
    }

    Duration duration(YNode n, String path) {
        String t = n instanceof YScalar s && s.kind() == Kind.STRING ? s.text() : null;
        if (n == null) {
            return null;
        }
        Matcher m = t == null ? null : DURATION.matcher(t);
        if (m == null || !m.matches()) {
            problem(path, n.loc(), "expected a duration with its unit (4000ms, 5s, 2min, 1h), found " + describe(n));
            return null;
        }
        long v = Long.parseLong(m.group(1));
        return switch (m.group(2)) {
            case "ms" -> Duration.ofMillis(v);
            case "s" -> Duration.ofSeconds(v);
            case "min" -> Duration.ofMinutes(v);
            default -> Duration.ofHours(v);
        };
    }

    <T> T convert(YNode n, String path, String expected, Function<String, T> f) {
        String t = text(n, path);
        if (t == null) {
            return null;
        }
        try {
            return f.apply(t);
        } catch (RuntimeException e) {
            problem(path, n.loc(), "expected " + expected + ", found '" + t + "': " + e.getMessage());
            return null;
        }
    }

    /** A mapping of names to single values (numbers and booleans as written). */
    Map<String, String> stringMap(YNode n, String path) {
        Map<String, String> out = new LinkedHashMap<>();
        YMap m = map(n, path);
        if (m == null) {
            return out;
        }
        m.entries().forEach((k, v) -> {
            String p = YamlTree.join(path, k);
            note(p, v);
            String t = text(v, p);
            if (t != null) {
                out.put(k, t);
            }
        });
        return out;
    }

    static String describe(YNode n) {
        if (n instanceof YMap) {
            return "a mapping";
        }
        if (n instanceof YList) {
            return "a list";
        }
        YScalar s = (YScalar) n;
        return switch (s.kind()) {
            case NULL -> "nothing";
            case INT -> "the integer " + s.text();
            case FLOAT -> "the number " + s.text();
            case BOOL -> "the boolean '" + s.text() + "'";
            default -> "'" + s.text() + "'";
        };
    }

    static String nearest(String key, Collection<String> allowed) {
        String best = null;
        int bestD = Integer.MAX_VALUE;
        for (String a : allowed) {
            int d = org.sansdk.core.EditDistance.of(key.toLowerCase(java.util.Locale.ROOT).replace('-', '_'), a);
            if (d < bestD) {
                bestD = d;
                best = a;
            }
        }
        return best != null && bestD <= Math.max(2, key.length() / 3) ? best : null;
    }

}
