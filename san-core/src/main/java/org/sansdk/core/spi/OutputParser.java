package org.sansdk.core.spi;

/**
 * A parser that {@code sanctl parse KIND FILE} can use. Tool modules register implementations in
 * {@code META-INF/services/org.sansdk.core.spi.OutputParser}.
 *
 * <pre>{@code ServiceLoader.load(OutputParser.class).forEach(p -> System.out.println(p.kind()));}</pre>
 */
public interface OutputParser {
    /** The kind name used on the command line, for example {@code zpool-status}. */
    String kind();

    /** One line for {@code sanctl --help}. */
    String description();

    /**
     * Parses the text. Returns a value Jackson serialises as the canonical JSON (a record, a map or a
     * {@code JsonNode}).
     *
     * @throws org.sansdk.core.ParseException when the text cannot be parsed
     */
    Object parse(String sourceName, String text);
}
