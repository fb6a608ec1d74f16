package org.sansdk.lio.chap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sansdk.core.Command;
import org.sansdk.core.CommandResult;
import org.sansdk.core.Executor;
import org.sansdk.core.Plan;
import org.sansdk.core.SanException;
import org.sansdk.core.Secret;
import org.sansdk.core.testing.RealTools;
import org.sansdk.core.testing.TestExecutors;

/** Both directions against the real {@code openssl enc} (OpenSSL 3 on Debian 12). */
class OpenSslCompatibilityTest {
    static final String MACHINE_ID = "4f2a9c1be0d34e7c8a5b6d7e8f901234";
    static final byte[] PLAIN = ("ISCSI_CHAP_USER='proxmox-shared'\nISCSI_CHAP_PASSWORD='p@ss w0rd'\\''\"$x'\n")
            .getBytes(StandardCharsets.UTF_8);

    @TempDir
    Path dir;
    Path passFile;
    Executor sh;

    @BeforeEach
    void setUp() throws Exception {
        RealTools.require("openssl");
        passFile = dir.resolve("machine-id");
        Files.writeString(passFile, MACHINE_ID + "\n");
        sh = TestExecutors.local();
    }

    private byte[] opensslEncrypt(byte[] plain, String... kdfArgs) {
        Command.Builder b = Command.builder("openssl").args("enc", "-aes-256-cbc", "-salt");
        b.args(kdfArgs).args("-pass", "file:" + passFile, "-a", "-A").stdin(plain);
        CommandResult r = sh.runChecked(b.build());
        return Base64.getDecoder().decode(r.stdout().trim());
    }

    private String opensslDecrypt(byte[] enc, String... kdfArgs) throws Exception {
        Path f = dir.resolve("in.enc");
        Files.write(f, enc);
        Command.Builder b = Command.builder("openssl").args("enc", "-d", "-aes-256-cbc").args(kdfArgs)
                .args("-pass", "file:" + passFile, "-in", f.toString());
        return sh.runChecked(b.build()).stdout();
    }

    @Test
    void javaPbkdf2_decryptsWithOpenssl() throws Exception {
        byte[] enc = OpenSslEnc.encrypt(PLAIN, Secret.of(MACHINE_ID), OpenSslEnc.Kdf.pbkdf2(1000));
        assertThat(opensslDecrypt(enc, "-pbkdf2", "-iter", "1000")).isEqualTo(new String(PLAIN, StandardCharsets.UTF_8));
    }

    @Test
    void opensslPbkdf2_decryptsInJava() {
        byte[] enc = opensslEncrypt(PLAIN, "-pbkdf2", "-iter", "1000");
        assertThat(OpenSslEnc.decrypt(enc, ChapEnvFile.passphraseFromFile((MACHINE_ID + "\n").getBytes()),
                OpenSslEnc.Kdf.pbkdf2(1000))).isEqualTo(PLAIN);
    }

    @Test
    void opensslDefaultPbkdf2Iterations_are10000() {
        byte[] enc = opensslEncrypt(PLAIN, "-pbkdf2");
        assertThat(OpenSslEnc.decrypt(enc, Secret.of(MACHINE_ID), OpenSslEnc.Kdf.pbkdf2(10000))).isEqualTo(PLAIN);
    }

    @Test
    void opensslLegacyWithoutPbkdf2_decryptsInJavaAsSha256BytesToKey() {
        byte[] enc = opensslEncrypt(PLAIN);
        assertThat(OpenSslEnc.decrypt(enc, Secret.of(MACHINE_ID), OpenSslEnc.Kdf.LEGACY_SHA256)).isEqualTo(PLAIN);
        assertThatThrownBy(() -> OpenSslEnc.decrypt(enc, Secret.of(MACHINE_ID), OpenSslEnc.Kdf.pbkdf2(10000)))
                .isInstanceOf(SanException.class).hasMessageNotContaining(MACHINE_ID);
    }

    @Test
    void javaLegacy_decryptsWithOpensslWithoutPbkdf2() throws Exception {
        byte[] enc = OpenSslEnc.encrypt(PLAIN, Secret.of(MACHINE_ID), OpenSslEnc.Kdf.LEGACY_SHA256);
        assertThat(opensslDecrypt(enc)).isEqualTo(new String(PLAIN, StandardCharsets.UTF_8));
        // the old MD5 form decrypts with -md md5
        byte[] md5 = OpenSslEnc.encrypt(PLAIN, Secret.of(MACHINE_ID), OpenSslEnc.Kdf.LEGACY_MD5);
        assertThat(opensslDecrypt(md5, "-md", "md5")).isEqualTo(new String(PLAIN, StandardCharsets.UTF_8));
    }

    @Test
    void wrongPassphrase_isSanExceptionWithoutContent() {
        byte[] enc = OpenSslEnc.encrypt(PLAIN, Secret.of(MACHINE_ID), OpenSslEnc.Kdf.pbkdf2(1000));
        assertThatThrownBy(() -> OpenSslEnc.decrypt(enc, Secret.of("0000"), OpenSslEnc.Kdf.pbkdf2(1000)))
                .isInstanceOf(SanException.class).hasMessageContaining("wrong passphrase");
        assertThatThrownBy(() -> OpenSslEnc.decrypt("hello".getBytes(), Secret.of("x"), OpenSslEnc.Kdf.pbkdf2(1)))
                .isInstanceOf(SanException.class).hasMessageContaining("Salted__");
    }

    @Test
    void sealedFile_evalInShAfterOpensslDecrypt_givesValuesBack() throws Exception {
        RealTools.requireFrom("sh", "dash");
        Map<String, Secret> creds = new LinkedHashMap<>();
        creds.put("ISCSI_CHAP_USER", Secret.of("proxmox-shared"));
        creds.put("ISCSI_CHAP_PASSWORD", Secret.of("it's $(rm -rf /) `id` \\n \"x\"\n"));
        Path enc = dir.resolve("chap.env.enc");
        Files.write(enc, ChapEnvFile.seal(creds, Secret.of(MACHINE_ID), 2000));
        // what the node scripts do: eval "$(openssl enc -d ...)"
        String script = "eval \"$(openssl enc -d -aes-256-cbc -pbkdf2 -iter 2000 -pass file:$1 -in $2)\";"
                + " printf '%s\\0%s\\0' \"$ISCSI_CHAP_USER\" \"$ISCSI_CHAP_PASSWORD\"";
        String out = sh.runChecked(Command.of("/bin/sh", "-c", script, "sh", passFile.toString(), enc.toString()))
                .stdout();
        assertThat(out).isEqualTo("proxmox-shared\0it's $(rm -rf /) `id` \\n \"x\"\n\0");
    }

    @Test
    void writePlan_isSecret0600AndOpensWithTheMachineId() {
        Plan p = ChapEnvFile.writePlan("storage-a", ChapEnvFile.DEFAULT_PATH,
                Map.of("ISCSI_CHAP_PASSWORD", Secret.of("pw-123456789")), Secret.of(MACHINE_ID), 1000);
        Plan.WriteFileStep w = (Plan.WriteFileStep) p.steps().get(0);
        assertThat(w.mode()).isEqualTo(0600);
        assertThat(w.secret()).isTrue();
        assertThat(new String(w.content(), StandardCharsets.ISO_8859_1)).startsWith("Salted__")
                .doesNotContain("pw-123456789");
        assertThat(p.toString()).doesNotContain("pw-123456789");
        assertThat(ChapEnvFile.open(w.content(), Secret.of(MACHINE_ID), OpenSslEnc.Kdf.pbkdf2(1000)))
                .containsEntry("ISCSI_CHAP_PASSWORD", Secret.of("pw-123456789"));
        assertThat(ChapEnvFile.decryptCommand(ChapEnvFile.DEFAULT_PATH, 1000).argv()).containsExactly("openssl", "enc",
                "-d", "-aes-256-cbc", "-pbkdf2", "-iter", "1000", "-pass", "file:/etc/machine-id", "-in",
                "/root/.iscsi-chap.env.enc");
    }

    @Test
    void reencrypt_legacyFileBecomesPbkdf2() {
        byte[] legacy = opensslEncrypt(PLAIN);
        byte[] fresh = ChapEnvFile.reencrypt(legacy, Secret.of(MACHINE_ID), OpenSslEnc.Kdf.LEGACY_SHA256, 1000);
        assertThat(ChapEnvFile.open(fresh, Secret.of(MACHINE_ID), OpenSslEnc.Kdf.pbkdf2(1000)))
                .containsEntry("ISCSI_CHAP_PASSWORD", Secret.of("p@ss w0rd'\"$x"));
    }
}
