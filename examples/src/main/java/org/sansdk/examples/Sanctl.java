package org.sansdk.examples;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.temporal.Temporal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.ServiceLoader;
import java.util.TreeMap;
import org.sansdk.core.ParseException;
import org.sansdk.core.SanException;
import org.sansdk.core.Secret;
import org.sansdk.core.spi.CliCommand;
import org.sansdk.core.spi.OutputParser;

/**
 * {@code sanctl}: the command-line face of san-sdk. {@code sanctl parse KIND FILE|-} prints the canonical
 * JSON of any supported tool output; tool modules add kinds and sub-commands through
 * {@link OutputParser} and {@link CliCommand} services.
 *
 * <pre>{@code ./sanctl parse zpool-status examples/samples/zpool-status-resilver.txt}</pre>
 *
 * <p>Exit codes: 0 ok, 1 parse or command failure (message with file:line:column on stderr), 2 usage.
 */
public final class Sanctl {
    /** Exit code for success. */
    public static final int OK = 0;
    /** Exit code for a parse or command failure. */
    public static final int FAILED = 1;
    /** Exit code for a usage error. */
    public static final int USAGE = 2;

    private final PrintStream out;
    private final PrintStream err;
    private final TreeMap<String, OutputParser> parsers = new TreeMap<>();
    private final TreeMap<String, CliCommand> commands = new TreeMap<>();

    /** A CLI writing to the given streams, with every parser and command found on the class path. */
    public Sanctl(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
        for (OutputParser p : ServiceLoader.load(OutputParser.class)) {
            parsers.put(p.kind(), p);
        }
        for (CliCommand c : ServiceLoader.load(CliCommand.class)) {
            commands.put(c.name(), c);
        }
    }

    /** Entry point. */
    public static void main(String[] args) {
        System.exit(new Sanctl(System.out, System.err).run(List.of(args)));
    }

    /** Runs one invocation and returns its exit code. */
    public int run(List<String> args) {
        if (args.isEmpty()) {
            err.print(help());
            return USAGE;
        }
        String first = args.get(0);
        if (first.equals("--help") || first.equals("-h") || first.equals("help")) {
            out.print(help());
            return OK;
        }
        if (first.equals("parse")) {
            return parse(args.subList(1, args.size()));
        }
        CliCommand c = commands.get(first);
        if (c != null) {
            try {
                return c.run(List.copyOf(args.subList(1, args.size())), out, err);
            } catch (ParseException e) {
                err.println("sanctl: " + e.getMessage());
                return FAILED;
            } catch (SanException e) {
                err.println("sanctl " + first + ": " + e.getMessage());
                return FAILED;
            }
        }
        err.println("sanctl: unknown command \"" + first + "\"; see sanctl --help");
        return USAGE;
    }

    /** The help text: every command and every parse kind. */
    public String help() {
        StringBuilder sb = new StringBuilder();
        sb.append("usage: sanctl COMMAND [ARGS]\n\n")
                .append("san-sdk command line: parse tool outputs to JSON, plan and check SAN configuration.\n\n")
                .append("commands:\n")
                .append("  parse KIND FILE|-    print the canonical JSON of a tool output (- reads stdin)\n")
                .append("  --help               this text\n");
        for (CliCommand c : commands.values()) {
            sb.append('\n');
            for (String line : c.usage().strip().split("\n")) {
                sb.append("  ").append(line).append('\n');
            }
        }
        sb.append("\nparse kinds:\n");
        if (parsers.isEmpty()) {
            sb.append("  (none registered)\n");
        }
        int width = parsers.keySet().stream().mapToInt(String::length).max().orElse(0);
        for (OutputParser p : parsers.values()) {
            sb.append("  ").append(p.kind()).append(" ".repeat(width - p.kind().length() + 2)).append(p.description()).append('\n');
        }
        sb.append("\nexit codes: 0 ok, 1 parse or command failure, 2 usage (a sub-command may add its own, see its usage)\n");
        return sb.toString();
    }

    private int parse(List<String> args) {
        if (args.size() != 2) {
            err.println("usage: sanctl parse KIND FILE|-   (kinds: " + String.join(", ", parsers.keySet()) + ")");
            return USAGE;
        }
        OutputParser parser = parsers.get(args.get(0));
        if (parser == null) {
            err.println("sanctl parse: unknown kind \"" + args.get(0) + "\"; known kinds: "
                    + (parsers.isEmpty() ? "none" : String.join(", ", parsers.keySet())));
            return USAGE;
        }
        String file = args.get(1);
        String source = file.equals("-") ? "<stdin>" : file;
        byte[] bytes;
        try {
            bytes = file.equals("-") ? System.in.readAllBytes() : Files.readAllBytes(Path.of(file));
        } catch (NoSuchFileException e) {
            err.println("sanctl parse: no such file: " + file);
            return FAILED;
        } catch (IOException e) {
            err.println("sanctl parse: cannot read " + file + ": " + e.getMessage());
            return FAILED;
        }
        Object model;
        try {
            model = parser.parse(source, ParseException.decodeUtf8(source, bytes));
        } catch (ParseException e) {
            err.println(e.getMessage());
            return FAILED;
        } catch (SanException e) {
            err.println("sanctl parse: " + e.getMessage());
            return FAILED;
        }
        try {
            out.println(json().writeValueAsString(model));
        } catch (IOException e) {
            err.println("sanctl parse: cannot render JSON: " + e.getMessage());
            return FAILED;
        }
        return OK;
    }

    /** The JSON mapper sanctl prints with: indented, Optional as its value or null, secrets as ****. */
    public static ObjectMapper json() {
        SimpleModule m = new SimpleModule("sanctl");
        add(m, Secret.class, (v, gen, p) -> gen.writeString(Secret.MASK));
        @SuppressWarnings({"unchecked", "rawtypes"})
        Class<Optional<?>> optional = (Class) Optional.class;
        add(m, optional, (v, gen, p) -> p.defaultSerializeValue(v.orElse(null), gen));
        add(m, OptionalInt.class, (v, gen, p) -> p.defaultSerializeValue(v.isPresent() ? v.getAsInt() : null, gen));
        add(m, OptionalLong.class, (v, gen, p) -> p.defaultSerializeValue(v.isPresent() ? v.getAsLong() : null, gen));
        add(m, Duration.class, (v, gen, p) -> gen.writeString(v.toString()));
        add(m, Temporal.class, (v, gen, p) -> gen.writeString(v.toString()));
        add(m, Path.class, (v, gen, p) -> gen.writeString(v.toString()));
        return new ObjectMapper().registerModule(m)
                .enable(SerializationFeature.INDENT_OUTPUT)
                .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS);
    }

    /** Writes one value; the shape of a Jackson serializer without its boilerplate. */
    @FunctionalInterface
    private interface Writer<T> {
        void write(T value, JsonGenerator gen, SerializerProvider provider) throws IOException;
    }

    private static <T> void add(SimpleModule module, Class<T> type, Writer<T> writer) {
        module.addSerializer(type, new JsonSerializer<T>() {
            @Override
            public void serialize(T value, JsonGenerator gen, SerializerProvider provider) throws IOException {
                writer.write(value, gen, provider);
            }
        });
    }

    /** The registered parse kinds, sorted. */
    public List<String> kinds() {
        List<String> k = new ArrayList<>(parsers.keySet());
        k.sort(Comparator.naturalOrder());
        return k;
    }
}
