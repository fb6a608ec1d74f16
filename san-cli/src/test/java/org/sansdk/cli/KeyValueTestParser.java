package org.sansdk.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import org.sansdk.core.ParseException;
import org.sansdk.core.spi.OutputParser;

/** A test-only kind: {@code key=value} lines, to exercise sanctl's plumbing independent of tool modules. */
public final class KeyValueTestParser implements OutputParser {
    @Override
    public String kind() {
        return "test-kv";
    }

    @Override
    public String description() {
        return "key=value lines (test only)";
    }

    @Override
    public Object parse(String sourceName, String text) {
        Map<String, Object> out = new LinkedHashMap<>();
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            if (line.isEmpty()) {
                continue;
            }
            int eq = line.indexOf('=');
            if (eq <= 0) {
                throw new ParseException(sourceName, i + 1, 1, line, "key=value");
            }
            out.put(line.substring(0, eq), line.substring(eq + 1));
        }
        out.put("secret", org.sansdk.core.Secret.of("never-shown"));
        out.put("maybe", java.util.Optional.empty());
        return out;
    }
}
