package org.sansdk.iscsi.real;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.sansdk.core.Command;
import org.sansdk.core.CommandResult;
import org.sansdk.core.Executor;
import org.sansdk.core.testing.TestExecutors;

/**
 * A scratch open-iscsi directory and an executor that runs every command in a private mount namespace with
 * that directory bind-mounted over {@code /etc/iscsi} (the host's own database is never touched; the mount
 * dies with the namespace, so nothing is left mounted even when a test fails). Records every command run.
 */
final class PrivateIscsiDir implements AutoCloseable {
    final Path dir;
    final List<Command> seen = new ArrayList<>();
    private final Executor local = TestExecutors.local();

    PrivateIscsiDir(String iscsidConf, String initiatorName) {
        try {
            dir = Files.createTempDirectory("san-iscsi-db");
            Files.writeString(dir.resolve("iscsid.conf"), iscsidConf, StandardCharsets.UTF_8);
            Files.writeString(dir.resolve("initiatorname.iscsi"), initiatorName, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Runs the command inside {@code unshare -m} with the scratch directory on /etc/iscsi. */
    Executor executor() {
        return command -> {
            synchronized (seen) {
                seen.add(command);
            }
            List<String> argv = new ArrayList<>(List.of("unshare", "-m", "--propagation", "private", "sh", "-c",
                    "mount --bind \"$0\" /etc/iscsi && exec \"$@\"", dir.toString()));
            argv.addAll(command.argv());
            Command.Builder b = Command.builder(argv.get(0)).args(argv.subList(1, argv.size()));
            command.stdin().ifPresent(b::stdin);
            CommandResult r = local.run(b.build());
            return r;
        };
    }

    @Override
    public void close() {
        try (Stream<Path> s = Files.walk(dir)) {
            s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
