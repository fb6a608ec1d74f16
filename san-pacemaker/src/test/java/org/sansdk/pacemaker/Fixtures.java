package org.sansdk.pacemaker;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** Test fixtures from src/test/resources/corpus (see corpus/README.md for provenance). */
public final class Fixtures {
    private Fixtures() {
    }

    /**
     * A {@code stonith_admin --history '*' --output-as=xml} document shaped after Pacemaker's API schema
     * (stonith_admin-2.23.rng, fence-event-2.15.rng): the corpus has no captured one (written here, not captured).
     */
    public static final String FENCE_HISTORY = """
            <pacemaker-result api-version="2.25" request="stonith_admin --history * --output-as=xml">
              <list name="event" count="1">
                <fence_event status="success" action="reboot" target="storage-a" client="pacemaker-controld.1234" origin="storage-b" delegate="storage-b" completed="2026-11-25 06:45:30 +00:00"/>
              </list>
              <status code="0" message="OK"/>
            </pacemaker-result>
            """;

    /** Reads a corpus file. */
    public static String read(String path) {
        try (InputStream in = Fixtures.class.getResourceAsStream("/corpus/" + path)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** File names in a corpus directory. */
    public static List<String> list(String dir) {
        try {
            Path p = Path.of(Fixtures.class.getResource("/corpus/" + dir).toURI());
            try (Stream<Path> s = Files.list(p)) {
                return s.map(x -> x.getFileName().toString()).filter(n -> n.endsWith(".xml")).sorted().toList();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
