package org.sansdk.lio;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import org.sansdk.core.AtomicFiles;
import org.sansdk.core.Plan;
import org.sansdk.core.SanException;

/**
 * Where {@code saveconfig.json} lives and how it is written: atomically (temporary file, fsync, rename),
 * mode 0600 (it holds CHAP passwords), root-owned, in the distribution's directory. A plan step marks the
 * content secret so dry runs never print it.
 *
 * <pre>{@code SaveconfigFile.write(SaveconfigFile.Distro.DEBIAN.path(), cfg);  // local, atomic, 0600}</pre>
 */
public final class SaveconfigFile {

    /** File mode rtslib uses. */
    public static final int MODE = 0600;

    /** The distribution families and their saveconfig paths. */
    public enum Distro {
        /** Debian, Ubuntu, Proxmox VE: {@code /etc/rtslib-fb-target/saveconfig.json}. */
        DEBIAN("/etc/rtslib-fb-target/saveconfig.json"),
        /** RHEL, Rocky, Fedora, Arch, SUSE: {@code /etc/target/saveconfig.json}. */
        RHEL("/etc/target/saveconfig.json");

        private final Path path;

        Distro(String path) {
            this.path = Path.of(path);
        }

        /** The absolute path. {@code Distro.DEBIAN.path()} */
        public Path path() {
            return path;
        }
    }

    private SaveconfigFile() {
    }

    /** The file to read, in Proxmox's LIO provider order (Debian path first). {@code SaveconfigFile.locate(Files::exists)} */
    public static Optional<Path> locate(Predicate<Path> exists) {
        for (Distro d : List.of(Distro.DEBIAN, Distro.RHEL)) {
            if (exists.test(d.path())) {
                return Optional.of(d.path());
            }
        }
        return Optional.empty();
    }

    /**
     * Reads and parses a local file, decoded strictly as UTF-8 (a byte that is not UTF-8 is a ParseException on
     * its line). {@code SaveconfigFile.read(path)}
     */
    public static ParsedSaveconfig read(Path path) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(path);
        } catch (IOException e) {
            throw new SanException("cannot read " + path + ": " + e.getMessage(), e);
        }
        return SaveconfigParser.parseDocument(path.toString(), bytes);
    }

    /** Writes a local file atomically with mode 0600, rtslib layout. {@code SaveconfigFile.write(path, cfg)} */
    public static void write(Path path, LioConfig config) {
        write(path, config, SaveconfigFormat.RTSLIB);
    }

    /** Writes a local file atomically with mode 0600 in a given layout. {@code SaveconfigFile.write(path, doc.config(), doc.format())} */
    public static void write(Path path, LioConfig config, SaveconfigFormat format) {
        AtomicFiles.write(path, SaveconfigWriter.write(config, format).getBytes(StandardCharsets.UTF_8), MODE, null);
    }

    /**
     * A plan writing the file on {@code host} (atomic, 0600, root:root, content secret). Apply it while the
     * target is stopped or follow it with {@code targetctl restore}; the running kernel state is not changed.
     * {@code SaveconfigFile.writePlan("storage-a", Distro.DEBIAN, cfg)}
     */
    public static Plan writePlan(String host, Distro distro, LioConfig config) {
        byte[] bytes = SaveconfigWriter.write(config).getBytes(StandardCharsets.UTF_8);
        return Plan.builder("write " + distro.path()).writeFile(host, distro.path(), bytes, MODE, "root:root", true,
                "LIO configuration (contains CHAP secrets)").build();
    }
}
