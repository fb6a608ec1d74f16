package org.sansdk.zfs;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** Test access to the corpus copied under src/test/resources/corpus (see the README there). */
final class Corpus {
    static final Path ROOT = Path.of("src/test/resources/corpus");

    private Corpus() {
    }

    static String read(String dir, String name) {
        try (InputStream in = Corpus.class.getResourceAsStream("/corpus/" + dir + "/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no corpus file " + dir + "/" + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String status(String name) {
        return read("zpool-status", name);
    }

    static List<String> names(String dir, String suffix) {
        try (Stream<Path> s = Files.list(ROOT.resolve(dir))) {
            return s.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(suffix)).sorted()
                    .collect(Collectors.toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static ZpoolStatusReport parse(String name) {
        return ZpoolStatusParser.parse(name, status(name));
    }
}
