package org.sansdk.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code sanctl schema KIND}: prints the JSON Schema (draft 2020-12) that {@code sanctl parse KIND} output
 * is held to; {@code sanctl schema --list} lists the kinds that have one. The schemas ship in the jar under
 * {@code org/sansdk/cli/schemas/KIND.schema.json}; docs/json-contract.md explains them.
 *
 * <pre>{@code sanctl schema zpool-status > zpool-status.schema.json}</pre>
 */
@Command(name = "schema", mixinStandardHelpOptions = true,
        description = {"Print the JSON Schema (draft 2020-12) that 'sanctl parse KIND' output is held to,",
            "or list the kinds (--list). Validate with any 2020-12 validator; see docs/json-contract.md.",
            "  sanctl schema zpool-status > zpool-status.schema.json"},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:printed", "1:the kind has no schema in this build", "2:usage error (unknown kind, no KIND)"})
public final class SchemaCommand implements Callable<Integer> {
    /** Where the schemas are on the class path. */
    public static final String RESOURCE_DIR = "/org/sansdk/cli/schemas/";

    private final List<String> kinds;
    private final PrintStream out;
    private final PrintStream err;

    @Option(names = "--list", description = "list the kinds that have a schema, one per line")
    private boolean list;

    @Parameters(index = "0", arity = "0..1", paramLabel = "KIND", description = "a parse kind (sanctl parse --help)")
    private String kind;

    /**
     * The command over the given parse kinds.
     *
     * <pre>{@code new SchemaCommand(sanctl.kinds(), System.out, System.err)}</pre>
     *
     * @param kinds the parse kinds sanctl offers
     * @param out   where the schema or list goes
     * @param err   where errors go
     */
    public SchemaCommand(List<String> kinds, PrintStream out, PrintStream err) {
        this.kinds = List.copyOf(kinds);
        this.out = out;
        this.err = err;
    }

    /**
     * The schema text of a kind, or null when this build has none.
     *
     * <pre>{@code String s = SchemaCommand.schema("cib");}</pre>
     *
     * @param kind a parse kind
     * @return the schema JSON text (UTF-8 decoded), or null
     * @throws IOException when the resource cannot be read
     */
    public static String schema(String kind) throws IOException {
        if (!kind.matches("[a-z0-9-]+")) {
            return null;
        }
        try (InputStream in = SchemaCommand.class.getResourceAsStream(RESOURCE_DIR + kind + ".schema.json")) {
            return in == null ? null : new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Override
    public Integer call() throws IOException {
        if (list) {
            if (kind != null) {
                err.println("sanctl schema: --list takes no KIND");
                return Sanctl.USAGE;
            }
            List<String> with = new ArrayList<>();
            for (String k : kinds) {
                if (schema(k) != null) {
                    with.add(k);
                }
            }
            with.forEach(out::println);
            return Sanctl.OK;
        }
        if (kind == null) {
            err.println("sanctl schema: give a KIND or --list (sanctl schema --help)");
            return Sanctl.USAGE;
        }
        if (!kinds.contains(kind)) {
            err.println("sanctl schema: unknown kind '" + kind + "' (sanctl schema --list)");
            return Sanctl.USAGE;
        }
        String s = schema(kind);
        if (s == null) {
            err.println("sanctl schema: kind '" + kind + "' has no schema in this build");
            return Sanctl.FAILED;
        }
        out.print(s.endsWith("\n") ? s : s + "\n");
        return Sanctl.OK;
    }
}
