package org.sansdk.cluster.design;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A YAML document read into maps, lists and scalars that remember their line and column (Jackson's tree forgets
 * them). Duplicate keys and aliases are refused; a scalar keeps its tag ({@code !vault}) and its text as written.
 */
final class YamlTree {
    private YamlTree() {
    }

    /** A position in the file. */
    record Loc(int line, int column) {
    }

    /** A node of the tree. */
    sealed interface YNode permits YMap, YList, YScalar {
        Loc loc();
    }

    /** A mapping; keys in file order with the key's own position. */
    record YMap(Loc loc, Map<String, YNode> entries, Map<String, Loc> keyLocs) implements YNode {
    }

    /** A sequence. */
    record YList(Loc loc, List<YNode> items) implements YNode {
    }

    /** What kind of scalar the YAML resolver made of the text. */
    enum Kind { STRING, INT, FLOAT, BOOL, NULL }

    /**
     * A scalar: its text as written, its resolved kind, its tag ("" when none).
     */
    record YScalar(Loc loc, String text, Kind kind, String tag) implements YNode {
    }

    private static final YAMLFactory FACTORY = YAMLFactory.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();

    /** Reads one YAML document (an empty one is refused). */
    static YNode read(String source, String text) {
        try (YAMLParser p = (YAMLParser) FACTORY.createParser(text)) {
            JsonToken t = p.nextToken();
            if (t == null) {
                throw new DesignParseException(source, 1, 1, org.sansdk.core.ParseException.lineOf(text, 1), "a YAML document", "", null);
            }
            YNode root = node(p, source, text, "");
            if (p.nextToken() != null) {
                Loc l = loc(p.currentTokenLocation());
                throw new DesignParseException(source, l.line(), l.column(), org.sansdk.core.ParseException.lineOf(text, l.line()),
                        "a single YAML document", "", null);
            }
            return root;
        } catch (DesignParseException e) {
            throw e;
        } catch (JsonParseException e) {
            JsonLocation l = e.getLocation();
            int line = l == null ? 0 : l.getLineNr();
            int col = l == null ? 0 : l.getColumnNr();
            String msg = e.getOriginalMessage();
            String expected = msg.startsWith("Duplicate field")
                    ? "each key once per mapping; " + msg.replace("Duplicate field", "duplicate key")
                    : "well-formed YAML: " + firstLine(msg);
            throw new DesignParseException(source, line, col, org.sansdk.core.ParseException.lineOf(text, line), expected, "", e);
        } catch (IOException e) {
            throw new DesignParseException(source, 0, 0, "", "readable YAML: " + firstLine(e.getMessage()), "", e);
        }
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "";
        }
        int i = s.indexOf('\n');
        return i < 0 ? s : s.substring(0, i);
    }

    private static YNode node(YAMLParser p, String source, String text, String path) throws IOException {
        JsonToken t = p.currentToken();
        Loc loc = loc(p.currentTokenLocation());
        if (p.isCurrentAlias()) {
            throw new DesignParseException(source, loc.line(), loc.column(), org.sansdk.core.ParseException.lineOf(text, loc.line()),
                    "a value written out, not an alias (*" + p.getText() + ")", path, null);
        }
        switch (t) {
            case START_OBJECT: {
                Map<String, YNode> m = new LinkedHashMap<>();
                Map<String, Loc> keys = new LinkedHashMap<>();
                while (true) {
                    JsonToken k;
                    try {
                        k = p.nextToken();
                    } catch (JsonParseException e) {
                        String msg = e.getOriginalMessage();
                        if (msg.startsWith("Duplicate field")) {
                            String key = msg.substring(msg.indexOf('\'') + 1, msg.lastIndexOf('\''));
                            JsonLocation l = e.getLocation();
                            int line = l == null ? 0 : l.getLineNr();
                            throw new DesignParseException(source, line, l == null ? 0 : l.getColumnNr(),
                                    org.sansdk.core.ParseException.lineOf(text, line), "each key once per mapping; duplicate key '" + key + "'",
                                    join(path, key), e);
                        }
                        throw e;
                    }
                    if (k == JsonToken.END_OBJECT) {
                        break;
                    }
                    String key = p.currentName();
                    keys.put(key, loc(p.currentTokenLocation()));
                    p.nextToken();
                    m.put(key, node(p, source, text, join(path, key)));
                }
                return new YMap(loc, m, keys);
            }
            case START_ARRAY: {
                List<YNode> items = new ArrayList<>();
                while (p.nextToken() != JsonToken.END_ARRAY) {
                    items.add(node(p, source, text, path + "[" + items.size() + "]"));
                }
                return new YList(loc, items);
            }
            default: {
                String tag = p.getTypeId() == null ? "" : p.getTypeId().toString();
                Kind kind = switch (t) {
                    case VALUE_NUMBER_INT -> Kind.INT;
                    case VALUE_NUMBER_FLOAT -> Kind.FLOAT;
                    case VALUE_TRUE, VALUE_FALSE -> Kind.BOOL;
                    case VALUE_NULL -> Kind.NULL;
                    default -> Kind.STRING;
                };
                return new YScalar(loc, kind == Kind.NULL ? "" : p.getText(), kind, tag);
            }
        }
    }

    static String join(String path, String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    private static Loc loc(JsonLocation l) {
        return new Loc(l == null ? 0 : l.getLineNr(), l == null ? 0 : l.getColumnNr());
    }
}
