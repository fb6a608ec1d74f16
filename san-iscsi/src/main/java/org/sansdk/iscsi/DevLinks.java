package org.sansdk.iscsi;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.sansdk.core.Command;
import org.sansdk.core.CommandResult;
import org.sansdk.core.Executor;

/**
 * Resolves {@code /dev/disk/by-path} links to the kernel's device names ({@code sdc}, {@code sdc1}) on a host,
 * through the executor ({@code readlink -e}), so a by-path leaf can be checked against the {@code sdX} the
 * session's {@code -P 3} lists. The tree root is {@code /dev} on a live host, or a recorded copy.
 *
 * <pre>{@code Map<String, String> names = DevLinks.on(executor).resolve(List.of(leaf));}</pre>
 */
public final class DevLinks {
    /** The live /dev. */
    public static final Path DEV = Path.of("/dev");
    private final Executor executor;
    private final Path root;

    private DevLinks(Executor executor, Path root) {
        this.executor = Objects.requireNonNull(executor);
        this.root = Objects.requireNonNull(root);
    }

    /** On a host's /dev. */
    public static DevLinks on(Executor executor) {
        return new DevLinks(executor, DEV);
    }

    /** On a /dev tree under another root (a recorded tree). */
    public static DevLinks on(Executor executor, Path devRoot) {
        return new DevLinks(executor, devRoot);
    }

    /** The command: {@code readlink -e PATH…} (one resolved path per line; exit 1 when any is dangling). */
    public Command command(List<String> devPaths) {
        List<String> argv = new ArrayList<>(List.of("readlink", "-e", "--"));
        devPaths.forEach(p -> argv.add(onRoot(p)));
        return Command.of(argv);
    }

    /**
     * Resolves each path under {@code /dev} to its kernel device name; a path that does not resolve (a leg whose
     * LUN is gone) is left out of the map.
     */
    public Map<String, String> resolve(List<String> devPaths) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String p : devPaths) {
            CommandResult r = executor.run(command(List.of(p)));
            String target = r.stdout().strip();
            if (r.exitCode() == 0 && !target.isEmpty() && target.indexOf('\n') < 0) {
                out.put(p, Path.of(target).getFileName().toString());
            }
        }
        return out;
    }

    private String onRoot(String devPath) {
        if (!devPath.startsWith("/dev/")) {
            throw new IllegalArgumentException("not a path under /dev: " + devPath);
        }
        return root.resolve(devPath.substring(5)).toString();
    }
}
