package org.sansdk.lio.chap;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import org.sansdk.core.Command;
import org.sansdk.core.Plan;
import org.sansdk.core.Secret;

/**
 * The design's encrypted CHAP credentials file ({@code /root/.iscsi-chap.env.enc}, mode 0600): {@code KEY=value}
 * lines ({@link ShellEnv}) encrypted like {@code openssl enc -aes-256-cbc -pbkdf2 -iter N -salt -pass
 * file:/etc/machine-id} ({@link OpenSslEnc}), which the node's scripts decrypt with
 * {@code eval "$(openssl enc -d ...)"}. Encryption happens in memory: the plaintext never touches disk, and the
 * plan step carrying the ciphertext is marked secret.
 * <p>Honest limits of the design: the key is {@code /etc/machine-id}, which is world-readable (mode 0444) and
 * often baked into VM templates, so this protects against copying the file to another machine or a backup,
 * not against a local user; the legacy no-{@code -pbkdf2} form ({@link OpenSslEnc.Kdf#LEGACY_SHA256}) is one
 * SHA-256 round and should be re-encrypted ({@link #reencrypt}). Use a high iteration count (the default here is
 * 600,000, OWASP's figure for PBKDF2-HMAC-SHA256; OpenSSL's own default is 10,000) and keep the scripts'
 * {@code -iter} equal to it.
 *
 * <pre>{@code Plan p = ChapEnvFile.writePlan("storage-a", ChapEnvFile.DEFAULT_PATH, creds, machineId, ChapEnvFile.DEFAULT_ITERATIONS);}</pre>
 */
public final class ChapEnvFile {

    /** Where the design deploys the file. */
    public static final Path DEFAULT_PATH = Path.of("/root/.iscsi-chap.env.enc");
    /** PBKDF2 iterations used when not told otherwise. */
    public static final int DEFAULT_ITERATIONS = 600_000;
    /** The passphrase file the design uses. */
    public static final Path MACHINE_ID = Path.of("/etc/machine-id");

    private ChapEnvFile() {
    }

    /** The passphrase as {@code -pass file:F} reads it: the first line without its newline. {@code ChapEnvFile.passphraseFromFile(bytes)} */
    public static Secret passphraseFromFile(byte[] content) {
        int end = 0;
        while (end < content.length && content[end] != '\n') {
            end++;
        }
        byte[] first = Arrays.copyOf(content, end);
        try {
            return Secret.ofUtf8(first);
        } finally {
            Arrays.fill(first, (byte) 0);
        }
    }

    /** Encrypts the entries (PBKDF2). {@code ChapEnvFile.seal(creds, machineId, 600000)} */
    public static byte[] seal(Map<String, Secret> entries, Secret passphrase, int iterations) {
        byte[] plain = ShellEnv.render(entries);
        try {
            return OpenSslEnc.encrypt(plain, passphrase, OpenSslEnc.Kdf.pbkdf2(iterations));
        } finally {
            Arrays.fill(plain, (byte) 0);
        }
    }

    /** Decrypts and parses. {@code ChapEnvFile.open(bytes, machineId, OpenSslEnc.Kdf.pbkdf2(600000))} */
    public static Map<String, Secret> open(byte[] file, Secret passphrase, OpenSslEnc.Kdf kdf) {
        byte[] plain = OpenSslEnc.decrypt(file, passphrase, kdf);
        try {
            return ShellEnv.parse("decrypted CHAP env", plain);
        } finally {
            Arrays.fill(plain, (byte) 0);
        }
    }

    /** Decrypts a file in any supported form and seals it again with PBKDF2. {@code ChapEnvFile.reencrypt(old, pass, Kdf.LEGACY_SHA256, 600000)} */
    public static byte[] reencrypt(byte[] file, Secret passphrase, OpenSslEnc.Kdf from, int iterations) {
        return seal(open(file, passphrase, from), passphrase, iterations);
    }

    /** A plan writing the encrypted file on {@code host}: atomic, mode 0600, root:root, content never shown. {@code ChapEnvFile.writePlan(...)} */
    public static Plan writePlan(String host, Path path, Map<String, Secret> entries, Secret passphrase, int iterations) {
        byte[] sealed = seal(entries, passphrase, iterations);
        return Plan.builder("deploy encrypted CHAP credentials " + path)
                .writeFile(host, path, sealed, 0600, "root:root", true, "CHAP credentials, AES-256-CBC/PBKDF2")
                .build();
    }

    /**
     * The decrypt command the node scripts run ({@code eval "$(…)"}); its stdout is the plaintext, so run it
     * only where the output is consumed directly. {@code ChapEnvFile.decryptCommand(path, 600000)}
     */
    public static Command decryptCommand(Path path, int iterations) {
        return Command.of("openssl", "enc", "-d", "-aes-256-cbc", "-pbkdf2", "-iter", Integer.toString(iterations),
                "-pass", "file:" + MACHINE_ID, "-in", path.toString());
    }

}
