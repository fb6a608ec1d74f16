package org.sansdk.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.sansdk.core.Command;
import org.sansdk.core.LocalExecutor;
import org.sansdk.core.testing.RealTools;

/**
 * A user who clones the project has only the project: no tracked file may point at a folder beside the
 * checkout or at the absolute path of the machine it was built on.
 */
class SelfContainedTest {
    /** A sibling folder of the checkout, or an absolute path under the build machine's work root. */
    static final Pattern OUTSIDE = Pattern.compile("\\.\\./" + "shared\\b|(?<![\\w.-])/" + "work/");

    @Test
    void noTrackedFile_namesAFolderOutsideTheCheckout() throws Exception {
        RealTools.requireFrom("git", "git");
        Path root = Path.of("..").toAbsolutePath().normalize();
        String listing = new LocalExecutor().runChecked(Command.of("git", "-C", root.toString(), "ls-files", "-z")).stdout();
        List<String> hits = new ArrayList<>();
        int files = 0;
        for (String name : listing.split("\0")) {
            if (name.isEmpty()) {
                continue;
            }
            Path f = root.resolve(name);
            if (!Files.isRegularFile(f)) {
                continue;
            }
            files++;
            byte[] bytes = Files.readAllBytes(f);
            String text = new String(bytes, StandardCharsets.ISO_8859_1);   // any byte is a char: binary files too
            int line = 1;
            for (String l : text.split("\n", -1)) {
                if (OUTSIDE.matcher(l).find()) {
                    hits.add(name + ":" + line + ": " + l.strip());
                }
                line++;
            }
        }
        assertThat(files).as("tracked files read").isGreaterThan(100);
        assertThat(hits).as("tracked files naming a folder outside the checkout").isEmpty();
    }

    @Test
    void thePatternFindsWhatItMustAndSparesWhatItMay() {
        assertThat(OUTSIDE.matcher("see ../" + "shared/corpus/SOURCES.md").find()).isTrue();
        assertThat(OUTSIDE.matcher("Copied from `/" + "work/shared/corpus`").find()).isTrue();
        assertThat(OUTSIDE.matcher("cd /" + "work/main && mvn").find()).isTrue();
        assertThat(OUTSIDE.matcher("the design's network/" + "work/ vlan").find()).isFalse();
        assertThat(OUTSIDE.matcher("/var/lib/pacemaker").find()).isFalse();
    }
}
