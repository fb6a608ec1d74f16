package org.sansdk.cluster.bundle;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;

/**
 * One file of the bundle: the node it belongs to, its absolute target path there, its mode, its bytes, the runbook
 * stage that installs it and whether it holds a secret. {@code toString()} never shows the content.
 * Usage: {@code BundleFile.text("storage-a", "/etc/iscsi/iscsid.conf", 0600, text, Stage.INITIATOR, Sensitivity.PLAIN)}.
 *
 * @param node        the node name
 * @param path        the absolute path on the node
 * @param mode        octal permission bits ({@code 0644})
 * @param bytes       the content
 * @param stage       the runbook stage that installs it
 * @param sensitivity whether it holds a secret
 */
public record BundleFile(String node, String path, int mode, byte[] bytes, Stage stage, Sensitivity sensitivity) {
    /** Copies the bytes; refuses relative paths, {@code ..} and a secret file readable by others. Usage: see type. */
    public BundleFile {
        Objects.requireNonNull(node, "node");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(stage, "stage");
        Objects.requireNonNull(sensitivity, "sensitivity");
        if (!path.startsWith("/") || path.endsWith("/") || path.contains("/../") || path.endsWith("/..") || path.contains("//")) {
            throw new IllegalArgumentException("a bundle file needs a normalised absolute path; got '" + path + "'");
        }
        if (mode < 0 || mode > 07777) {
            throw new IllegalArgumentException("mode " + Integer.toOctalString(mode) + " out of range");
        }
        if (sensitivity == Sensitivity.SECRET && (mode & 077) != 0) {
            throw new IllegalArgumentException("secret file " + path + " must not be readable by group or others (mode "
                    + String.format("%04o", mode) + ")");
        }
        bytes = bytes.clone();
    }

    /** A text file (UTF-8). Usage: see type. */
    public static BundleFile text(String node, String path, int mode, String text, Stage stage, Sensitivity sensitivity) {
        return new BundleFile(node, path, mode, text.getBytes(StandardCharsets.UTF_8), stage, sensitivity);
    }

    /** A copy of the content. Usage: {@code f.bytes()}. */
    @Override
    public byte[] bytes() {
        return bytes.clone();
    }

    /** The mode as four octal digits ({@code 0600}). Usage: {@code f.modeText()}. */
    public String modeText() {
        return String.format("%04o", mode);
    }

    /** SHA-256 of the content, lower-case hex. Usage: {@code f.sha256()}. */
    public String sha256() {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Equal node, path, mode, stage, sensitivity and bytes. Usage: {@code a.equals(b)}. */
    @Override
    public boolean equals(Object o) {
        return o instanceof BundleFile f && f.node.equals(node) && f.path.equals(path) && f.mode == mode && f.stage == stage
                && f.sensitivity == sensitivity && Arrays.equals(f.bytes, bytes);
    }

    /** Consistent with equals. Usage: {@code f.hashCode()}. */
    @Override
    public int hashCode() {
        return Objects.hash(node, path, mode, stage, sensitivity, Arrays.hashCode(bytes));
    }

    /** Node, path, mode and size; never the content. Usage: {@code f.toString()}. */
    @Override
    public String toString() {
        return "BundleFile[" + node + ":" + path + " " + modeText() + " " + bytes.length + " bytes " + stage
                + (sensitivity == Sensitivity.SECRET ? " secret" : "") + "]";
    }
}
