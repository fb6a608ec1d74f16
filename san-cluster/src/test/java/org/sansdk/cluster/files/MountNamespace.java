package org.sansdk.cluster.files;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.sansdk.core.Command;
import org.sansdk.core.CommandResult;
import org.sansdk.core.LocalExecutor;
import org.sansdk.core.testing.RealTools;

/**
 * Runs one real program in a private mount namespace ({@code unshare -m}, propagation private) with test files
 * bind-mounted over system paths, so a tool reads our file as {@code /etc/exports} or {@code /etc/modprobe.d}
 * without touching the host's. The namespace ends with the process: nothing to clean up. The bind list and the
 * program travel as positional parameters of a fixed script, never spliced into it.
 */
final class MountNamespace {
    private static final String SCRIPT = "set -e; while [ \"$1\" != -- ]; do mount --bind \"$1\" \"$2\"; shift 2; done;"
            + " shift; exec \"$@\"";

    private final Map<Path, String> binds = new LinkedHashMap<>();

    static MountNamespace create() {
        RealTools.requireRoot();
        RealTools.require("unshare", "sh");
        return new MountNamespace();
    }

    /** Bind-mounts {@code source} (a file or directory of the test) over {@code target}. */
    MountNamespace bind(Path source, String target) {
        binds.put(source, target);
        return this;
    }

    /** Runs argv inside the namespace; the exit code and both streams are returned, not checked. */
    CommandResult run(String... argv) {
        List<String> all = new ArrayList<>(List.of("unshare", "-m", "--propagation", "private", "sh", "-c", SCRIPT, "sh"));
        for (Map.Entry<Path, String> b : binds.entrySet()) {
            all.add(b.getKey().toString());
            all.add(b.getValue());
        }
        all.add("--");
        all.addAll(List.of(argv));
        return new LocalExecutor(Duration.ofSeconds(60)).run(Command.of(all));
    }
}
