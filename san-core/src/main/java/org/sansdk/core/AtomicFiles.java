package org.sansdk.core;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.GroupPrincipal;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.nio.file.attribute.UserPrincipalLookupService;
import java.security.SecureRandom;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.Set;

/**
 * Writes files on this host atomically: the content goes to a temporary file in the same directory,
 * created with mode 0600 so nobody else can read it while it is written, is fsync'ed, gets its final
 * mode and owner, and is renamed over the target; the directory is fsync'ed last. Readers see the old
 * file or the new one, never a partial write.
 *
 * <pre>{@code AtomicFiles.write(Path.of("/etc/rtslib-fb-target/saveconfig.json"), bytes, 0600, null);}</pre>
 */
public final class AtomicFiles {
    private static final SecureRandom RANDOM = new SecureRandom();

    private AtomicFiles() {
    }

    /**
     * Atomically replaces {@code target} with {@code content}.
     *
     * @param mode  octal permission bits, for example {@code 0600} or {@code 0644}
     * @param owner {@code user} or {@code user:group}, or null to keep the writer's
     */
    public static void write(Path target, byte[] content, int mode, String owner) {
        Path dir = target.toAbsolutePath().getParent();
        if (dir == null) {
            throw new SanException("cannot write " + target + ": it has no parent directory");
        }
        Path tmp = dir.resolve("." + target.getFileName() + ".tmp-" + HexFormat.of().formatHex(randomBytes()));
        try {
            Set<PosixFilePermission> ownerOnly = PosixFilePermissions.fromString("rw-------");
            try (FileChannel ch = FileChannel.open(tmp, EnumSet.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE),
                    PosixFilePermissions.asFileAttribute(ownerOnly))) {
                ByteBuffer buf = ByteBuffer.wrap(content);
                while (buf.hasRemaining()) {
                    ch.write(buf);
                }
                ch.force(true);
            }
            if (owner != null) {
                chown(tmp, owner);
            }
            Files.setPosixFilePermissions(tmp, permissions(mode));
            try {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                throw new SanException("cannot rename atomically into " + dir + ": " + e.getMessage(), e);
            }
            fsyncDirectory(dir);
        } catch (FileAlreadyExistsException e) {
            throw new SanException("temporary file " + tmp + " already exists; retry", e);
        } catch (IOException | UnsupportedOperationException e) {
            throw new SanException("cannot write " + target + ": " + e.getMessage(), e);
        } finally {
            try {
                Files.deleteIfExists(tmp);
            } catch (IOException ignored) {
                // the temporary file was renamed or never created
            }
        }
    }

    /** Converts octal mode bits ({@code 0640}) to permissions; setuid/setgid/sticky bits are refused. */
    public static Set<PosixFilePermission> permissions(int mode) {
        if (mode < 0 || mode > 0777) {
            throw new IllegalArgumentException("mode must be within 0000..0777, got " + Integer.toOctalString(mode));
        }
        StringBuilder sb = new StringBuilder(9);
        String rwx = "rwx";
        for (int i = 8; i >= 0; i--) {
            sb.append((mode & (1 << i)) != 0 ? rwx.charAt(2 - i % 3) : '-');
        }
        return PosixFilePermissions.fromString(sb.toString());
    }

    private static void chown(Path file, String owner) throws IOException {
        String[] parts = owner.split(":", 2);
        UserPrincipalLookupService lookup = file.getFileSystem().getUserPrincipalLookupService();
        PosixFileAttributeView view = Files.getFileAttributeView(file, PosixFileAttributeView.class);
        if (!parts[0].isEmpty()) {
            UserPrincipal user = lookup.lookupPrincipalByName(parts[0]);
            view.setOwner(user);
        }
        if (parts.length == 2 && !parts[1].isEmpty()) {
            GroupPrincipal group = lookup.lookupPrincipalByGroupName(parts[1]);
            view.setGroup(group);
        }
    }

    private static void fsyncDirectory(Path dir) {
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true);
        } catch (IOException e) {
            // some file systems refuse to open directories for fsync; the rename itself is already atomic
        }
    }

    private static byte[] randomBytes() {
        byte[] b = new byte[6];
        RANDOM.nextBytes(b);
        return b;
    }
}
