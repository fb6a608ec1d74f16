package org.sansdk.cluster.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.sansdk.core.Secret;

class EncryptedChapEnvTest {
    static final String MACHINE_ID = "4f2a9c1be0d34e7c8a5b6d7e8f901234";
    static final String PASSWORD = "s3cr'et $HOME `id` \"q\" \\n";

    static EncryptedChapEnv env(String password, int iterations) {
        return new EncryptedChapEnv(List.of(new ChapEnvEntry("ISCSI_CHAP_USER", Secret.of("proxmox-shared")),
                new ChapEnvEntry("ISCSI_CHAP_PASSWORD", Secret.of(password))), Secret.of(MACHINE_ID), iterations);
    }

    @Test
    void opensslSaltedFormatMode0600AndSameBytesForTheSameInput() {
        HostFile a = env(PASSWORD, 10_000).render();
        HostFile b = env(PASSWORD, 10_000).render();
        assertThat(a.path()).isEqualTo("/root/.iscsi-chap.env.enc");
        assertThat(a.mode()).isEqualTo(0600);
        assertThat(a.owner()).isEqualTo("root:root");
        assertThat(a.ownerOnly()).isTrue();
        byte[] bytes = a.content();
        assertThat(new String(bytes, 0, 8, StandardCharsets.US_ASCII)).isEqualTo("Salted__");
        assertThat((bytes.length - 16) % 16).isZero();
        assertThat(b.content()).isEqualTo(bytes);
        // another password or iteration count: another salt (bytes 8-15), so another key and IV
        assertThat(Arrays.copyOfRange(env(PASSWORD + "x", 10_000).render().content(), 8, 16))
                .isNotEqualTo(Arrays.copyOfRange(bytes, 8, 16));
        assertThat(Arrays.copyOfRange(env(PASSWORD, 10_001).render().content(), 8, 16))
                .isNotEqualTo(Arrays.copyOfRange(bytes, 8, 16));
    }

    @Test
    void refusalsNameTheFieldAndNeverTheValue() {
        assertField(new EncryptedChapEnv(List.of(new ChapEnvEntry("PATH", Secret.of(PASSWORD))), Secret.of(MACHINE_ID),
                10_000), "entries[0].name");
        assertField(new EncryptedChapEnv(List.of(new ChapEnvEntry("chap_user", Secret.of(PASSWORD))),
                Secret.of(MACHINE_ID), 10_000), "entries[0].name");
        assertField(new EncryptedChapEnv(List.of(new ChapEnvEntry("LD_PRELOAD", Secret.of(PASSWORD))),
                Secret.of(MACHINE_ID), 10_000), "entries[0].name");
        assertField(new EncryptedChapEnv(List.of(new ChapEnvEntry("A", Secret.of(PASSWORD)),
                new ChapEnvEntry("A", Secret.of(PASSWORD))), Secret.of(MACHINE_ID), 10_000), "entries[1].name");
        assertField(new EncryptedChapEnv(List.of(new ChapEnvEntry("A", Secret.of(PASSWORD + "\0"))),
                Secret.of(MACHINE_ID), 10_000), "entries[0].value");
        assertField(new EncryptedChapEnv(List.of(), Secret.of(MACHINE_ID), 10_000), "entries");
        assertField(new EncryptedChapEnv(List.of(new ChapEnvEntry("A", Secret.of(PASSWORD))),
                Secret.of(MACHINE_ID + "\nx"), 10_000), "passphrase");
        assertField(new EncryptedChapEnv(List.of(new ChapEnvEntry("A", Secret.of(PASSWORD))), Secret.of(""), 10_000),
                "passphrase");
        assertField(new EncryptedChapEnv(List.of(new ChapEnvEntry("A", Secret.of(PASSWORD))), Secret.of(MACHINE_ID),
                9_999), "iterations");
    }

    private static void assertField(EncryptedChapEnv e, String field) {
        assertThatThrownBy(e::render).isInstanceOfSatisfying(HostFileInputException.class, x -> {
            assertThat(x.field()).isEqualTo(field);
            assertThat(x.getMessage()).doesNotContain(PASSWORD).doesNotContain("s3cr").doesNotContain(MACHINE_ID);
        });
    }

    @Test
    void printedFormsHideSecrets() {
        EncryptedChapEnv e = env(PASSWORD, 10_000);
        assertThat(e.toString()).isEqualTo("EncryptedChapEnv[ISCSI_CHAP_USER=****, ISCSI_CHAP_PASSWORD=****;"
                + " passphrase ****, iterations 10000]");
        assertThat(e.entries().get(1).toString()).doesNotContain("s3cr");
        assertThat(e.render().toString()).doesNotContain("s3cr");
        assertThat(e.render().plan("storage-a").toString()).doesNotContain("s3cr");
        assertThat(e.decryptCommand().argv()).containsExactly("openssl", "enc", "-d", "-aes-256-cbc", "-pbkdf2",
                "-iter", "10000", "-pass", "file:/etc/machine-id", "-in", "/root/.iscsi-chap.env.enc");
    }
}
