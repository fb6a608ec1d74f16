package org.sansdk.cluster.design;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * A damaged copy of the corpus inventory (one line of one file dropped, duplicated or given a stray character) imports
 * or is refused with a typed error naming a file of the inventory: never another exception.
 */
class InventoryImportPropertyTest {
    private static final List<String> FILES = List.of("inventory.yml", "group_vars/all.yml",
            "group_vars/storage_nodes/cluster.yml", "group_vars/storage_nodes/iscsi.yml", "group_vars/storage_nodes/zfs.yml",
            "host_vars/storage-a.yml", "host_vars/quorum.yml");

    record Damage(int file, int line, int kind, char with) {
    }

    @Provide
    Arbitrary<Damage> damages() {
        return Combinators.combine(Arbitraries.integers().between(0, FILES.size() - 1), Arbitraries.integers().between(0, 500),
                Arbitraries.integers().between(0, 2), Arbitraries.of(':', '-', '{', '"', '|', '!', 'x', ' ')).as(Damage::new);
    }

    @Property(tries = 80, seed = "20261128", maxDiscardRatio = 1)
    void damagedInventoriesImportOrAreRefusedWithATypedError(@ForAll("damages") Damage damage) throws IOException {
        Path src = AnsibleInventoryImportTest.corpus();
        Path dir = Files.createTempDirectory("inv");
        try {
            try (Stream<Path> s = Files.walk(src)) {
                for (Path p : s.toList()) {
                    Path t = dir.resolve(src.relativize(p).toString());
                    if (Files.isDirectory(p)) {
                        Files.createDirectories(t);
                    } else {
                        Files.copy(p, t);
                    }
                }
            }
            Path f = dir.resolve(FILES.get(damage.file()));
            List<String> lines = new ArrayList<>(Files.readAllLines(f));
            int i = damage.line() % lines.size();
            switch (damage.kind()) {
                case 0 -> lines.remove(i);
                case 1 -> lines.add(i, lines.get(i));
                default -> lines.set(i, damage.with() + lines.get(i));
            }
            Files.write(f, lines);
            try {
                assertThat(AnsibleInventoryImport.read(dir).design().nodes()).isNotEmpty();
            } catch (DesignParseException e) {
                assertThat(FILES).contains(e.source());
                assertThat(e.line()).isPositive();
            } catch (DesignException e) {
                assertThat(e.problems()).isNotEmpty().allSatisfy(p -> assertThat(p.source()).isNotEmpty());
            }
        } finally {
            try (Stream<Path> s = Files.walk(dir)) {
                s.sorted(Comparator.reverseOrder()).forEach(p -> {
                    try {
                        Files.delete(p);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
            }
        }
    }
}
