package org.sansdk.cluster.design;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Damaged design files (a line dropped, duplicated, cut short or with a character replaced) are read or refused
 * with a located, typed error: never another exception, never a hang; what is read goes through DesignRules
 * without an exception.
 */
class DesignReaderPropertyTest {
    private static final List<String> LINES = lines();

    private static List<String> lines() {
        try {
            return Files.readAllLines(Path.of("..", "examples", "designs", "reference.yml"));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** One damage: kind 0 drop, 1 duplicate, 2 cut the line short, 3 replace a character. */
    record Damage(int kind, int line, int column, char with) {
        String apply() {
            List<String> l = new ArrayList<>(LINES);
            int i = line % l.size();
            String s = l.get(i);
            switch (kind) {
                case 0 -> l.remove(i);
                case 1 -> l.add(i, s);
                case 2 -> l.set(i, s.substring(0, column % (s.length() + 1)));
                default -> {
                    if (!s.isEmpty()) {
                        int c = column % s.length();
                        l.set(i, s.substring(0, c) + with + s.substring(c + 1));
                    }
                }
            }
            return String.join("\n", l) + "\n";
        }
    }

    @Provide
    Arbitrary<Damage> damages() {
        return Combinators.combine(Arbitraries.integers().between(0, 3), Arbitraries.integers().between(0, 10_000),
                Arbitraries.integers().between(0, 200), Arbitraries.of(':', '-', ' ', '{', '[', '"', '\'', '*', '&', '!', '#',
                        'x', '0', '\t')).as(Damage::new);
    }

    @Property(tries = 300, seed = "20261128", maxDiscardRatio = 1)
    void damagedFilesAreReadOrRefusedWithALocatedTypedError(@ForAll("damages") Damage damage) {
        String text = damage.apply();
        try {
            SanDesign d = SanDesignYaml.parse("reference.yml", text);
            assertThat(d.storageNodes()).hasSize(2);
            // whatever reads, the rules check without an exception of their own
            assertThat(org.sansdk.cluster.rules.DesignRules.check(d)).allSatisfy(f -> assertThat(f.id()).isNotBlank());
        } catch (DesignParseException e) {
            assertThat(e.line()).isBetween(0, LINES.size() + 2);
            assertThat(e.source()).isEqualTo("reference.yml");
        } catch (DesignException e) {
            assertThat(e.problems()).isNotEmpty().allSatisfy(p -> {
                assertThat(p.source()).isEqualTo("reference.yml");
                assertThat(p.line()).isBetween(1, LINES.size() + 2);
                assertThat(p.path()).isNotNull();
            });
        }
    }
}
