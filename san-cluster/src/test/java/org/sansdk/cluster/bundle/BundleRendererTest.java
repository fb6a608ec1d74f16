package org.sansdk.cluster.bundle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sansdk.cluster.map.ReferenceDesign;
import org.sansdk.core.Secret;
import org.sansdk.core.SanException;

class BundleRendererTest {
    static final Bundle RESOLVED = BundleRenderer.create().render(ReferenceDesign.resolved());
    static final Bundle UNRESOLVED = BundleRenderer.create().render(ReferenceDesign.unresolved());

    @Test
    void everyNodeGetsItsFiles_withTheirModes() {
        assertThat(RESOLVED.nodes()).containsExactly("storage-a", "storage-b", "quorum");
        assertThat(RESOLVED.files("quorum")).extracting(BundleFile::path).containsExactly("/etc/corosync/corosync.conf");
        assertThat(RESOLVED.files("storage-b")).extracting(BundleFile::path).contains("/etc/iscsi/iscsid.conf",
                "/etc/iscsi/initiatorname.iscsi", "/etc/iscsi/nodes/iqn.2025-01.lab.home:storage-a/10.10.10.1,3260,1/default",
                BundleRenderer.BACKEND_BATCH, BundleRenderer.BACKEND_SAVECONFIG, BundleRenderer.CLIENT_BATCH);
        assertThat(RESOLVED.files("storage-b")).extracting(BundleFile::path).doesNotContain(BundleRenderer.CIB_XML);
        assertThat(RESOLVED.file("storage-a", BundleRenderer.CIB_XML).orElseThrow().mode()).isEqualTo(0600);
        assertThat(RESOLVED.file("storage-a", BundleRenderer.PCS_SCRIPT).orElseThrow().mode()).isEqualTo(0700);
        assertThat(RESOLVED.file("quorum", BundleRenderer.COROSYNC_CONF).orElseThrow().mode()).isEqualTo(0644);
        assertThat(RESOLVED.file("storage-a", "/etc/iscsi/iscsid.conf").orElseThrow().mode()).isEqualTo(0600);
        // every secret file is 0600 or stricter (BundleFile refuses otherwise) and the secret ones are marked
        assertThat(RESOLVED.file("storage-a", BundleRenderer.BACKEND_BATCH).orElseThrow().sensitivity()).isEqualTo(Sensitivity.SECRET);
        assertThat(RESOLVED.file("storage-a", BundleRenderer.CIB_XML).orElseThrow().sensitivity()).isEqualTo(Sensitivity.SECRET);
        assertThat(UNRESOLVED.file("storage-a", BundleRenderer.CIB_XML).orElseThrow().sensitivity()).isEqualTo(Sensitivity.PLAIN);
    }

    @Test
    void corosyncConf_isTheSameOnEveryNode_andTheAuthkeyIsCreatedNotRendered() {
        byte[] a = RESOLVED.file("storage-a", BundleRenderer.COROSYNC_CONF).orElseThrow().bytes();
        assertThat(RESOLVED.file("quorum", BundleRenderer.COROSYNC_CONF).orElseThrow().bytes()).isEqualTo(a);
        assertThat(RESOLVED.files()).extracting(BundleFile::path).doesNotContain(BundleRenderer.AUTHKEY);
        assertThat(RESOLVED.steps("storage-a")).extracting(s -> s.command().argv())
                .contains(List.of("corosync-keygen", "-k", "/etc/corosync/authkey"),
                        List.of("scp", "-p", "/etc/corosync/authkey", "root@10.20.20.3:/etc/corosync/authkey"));
    }

    @Test
    void commands_runInStageOrder_andThePoolIsCreatedOnceOnTheFirstNode() {
        List<BundleStep> steps = RESOLVED.steps();
        for (int i = 1; i < steps.size(); i++) {
            assertThat(steps.get(i).stage()).isGreaterThanOrEqualTo(steps.get(i - 1).stage());
        }
        assertThat(steps.stream().filter(s -> s.command().argv().size() > 1 && s.command().argv().subList(0, 2).equals(List.of("zpool", "create"))))
                .extracting(BundleStep::node).containsExactly("storage-a");
        assertThat(RESOLVED.steps("storage-a")).extracting(BundleStep::shell)
                .contains("iscsiadm -m node -T iqn.2025-01.lab.home:storage-b -p 10.10.10.2:3260,1 --login",
                        "zgenhostid 7d1c0a01", "zpool export san-pool", "targetcli < /root/san-bundle/backend-target.targetcli",
                        "sgdisk -n1:0:0 -t1:bf01 -c1:data-a-l /dev/disk/by-id/ata-SSD_A_11");
        assertThat(RESOLVED.steps("quorum")).extracting(BundleStep::stage).doesNotContain(Stage.POOL, Stage.DISKS);
    }

    @Test
    void noSecretInManifestRunbookReportOrArgv() {
        for (Bundle b : List.of(RESOLVED, UNRESOLVED)) {
            for (Secret s : ReferenceDesign.SECRETS.values()) {
                String v = s.reveal();
                assertThat(b.manifest()).doesNotContain(v);
                assertThat(b.runbook()).doesNotContain(v);
                assertThat(b.report()).doesNotContain(v);
                assertThat(b.toString()).doesNotContain(v);
                b.steps().forEach(st -> {
                    assertThat(String.join(" ", st.command().argv())).doesNotContain(v);
                    assertThat(st.shell()).doesNotContain(v);
                    assertThat(st.command().toString()).doesNotContain(v);
                });
                b.files().forEach(f -> assertThat(f.toString()).doesNotContain(v));
            }
        }
        // the secrets are in the secret files of the resolved bundle, and only there
        String batch = new String(RESOLVED.file("storage-a", BundleRenderer.BACKEND_BATCH).orElseThrow().bytes(), StandardCharsets.UTF_8);
        assertThat(batch).contains("Backend-chap-secret-1");
        RESOLVED.files().stream().filter(f -> f.sensitivity() == Sensitivity.PLAIN).forEach(f -> {
            String text = new String(f.bytes(), StandardCharsets.UTF_8);
            ReferenceDesign.SECRETS.values().forEach(s -> assertThat(text).as(f.path()).doesNotContain(s.reveal()));
        });
        // the manifest does not hash secret files
        assertThat(RESOLVED.manifest()).contains("storage-a\t" + BundleRenderer.BACKEND_BATCH + "\t0600\tsecret\n");
    }

    @Test
    void withoutSecrets_noFileHoldsAPlaceholder_andTheReportSaysWhatToSupply() {
        for (BundleFile f : UNRESOLVED.files()) {
            String text = new String(f.bytes(), StandardCharsets.UTF_8);
            assertThat(text).as(f.path()).doesNotContain("unset").doesNotContain("password=").doesNotContain("CHANGEME");
            assertThat(f.sensitivity()).as(f.path()).isEqualTo(Sensitivity.PLAIN);
        }
        String rec = new String(UNRESOLVED.file("storage-a",
                "/etc/iscsi/nodes/iqn.2025-01.lab.home:storage-b/10.10.10.2,3260,1/default").orElseThrow().bytes(), StandardCharsets.UTF_8);
        assertThat(rec).contains("node.session.auth.username = iscsi-repl-user").doesNotContain("node.session.auth.password");
        assertThat(UNRESOLVED.report()).contains("| backend-chap | `SAN_SECRET_BACKEND_CHAP` | iscsi.backend_chap.password |");
        assertThat(UNRESOLVED.runbook()).contains("SAN_SECRET_FENCE_STORAGE_B_PASSWORD");
        assertThat(RESOLVED.report()).contains("Every secret the design refers to was supplied");
    }

    @Test
    void pcsScript_putsNoSecretOnArgv_andReadsFenceCredentialsFromA0600File() {
        String script = new String(RESOLVED.file("storage-a", BundleRenderer.PCS_SCRIPT).orElseThrow().bytes(), StandardCharsets.UTF_8);
        assertThat(script).contains("umask 077").contains("cibadmin --create --scope resources --xml-pipe < /root/san-bundle/pcs-stdin/")
                .doesNotContain("-p ").doesNotContain("Bmc-a-password-3");
        BundleFile stdin = RESOLVED.files("storage-a").stream().filter(f -> f.path().startsWith("/root/san-bundle/pcs-stdin/"))
                .findFirst().orElseThrow();
        assertThat(stdin.mode()).isEqualTo(0600);
        assertThat(new String(stdin.bytes(), StandardCharsets.UTF_8)).contains("Bmc-a-password-3");
    }

    @Test
    void reportAndRunbook_carryTheTimingCorrectionsAndProofs() {
        assertThat(RESOLVED.report()).contains("| Detection | ~4–5 s (iSCSI timeout + Corosync) / 0 s | 10.23 s | 0 s |")
                .contains("COROSYNC-NODE-NAMED-QUORUM").contains("`consensus: 4800 # 1.2× token timeout`");
        Proof.ALL.forEach(p -> assertThat(RESOLVED.report()).contains("`" + p.test() + "`"));
        int i = 0;
        for (Stage s : Stage.values()) {
            int at = RESOLVED.runbook().indexOf(". " + s.title() + "\n");
            assertThat(at).as(s.name()).isGreaterThan(i);
            i = at;
        }
    }

    @Test
    void writeTo_laysOutNodeDirectoriesWithModes_andTheManifest(@TempDir Path dir) throws IOException {
        RESOLVED.writeTo(dir);
        Path rec = dir.resolve("storage-a/etc/iscsi/nodes/iqn.2025-01.lab.home:storage-b/10.10.10.2,3260,1/default");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(rec))).isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("storage-a/root/san-bundle/pcs-setup.sh"))))
                .isEqualTo("rwx------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("quorum/etc/corosync/corosync.conf"))))
                .isEqualTo("rw-r--r--");
        List<String> manifest = Files.readAllLines(dir.resolve(Bundle.MANIFEST));
        assertThat(manifest).hasSize(RESOLVED.files().size() + 1);
        assertThat(manifest.get(0)).isEqualTo("node\tpath\tmode\tsha256");
        BundleFile conf = RESOLVED.file("quorum", BundleRenderer.COROSYNC_CONF).orElseThrow();
        assertThat(manifest).contains("quorum\t/etc/corosync/corosync.conf\t0644\t" + conf.sha256());
        assertThat(Files.readString(dir.resolve(Bundle.REPORT))).isEqualTo(RESOLVED.report());
        // written again over itself: same result
        RESOLVED.writeTo(dir);
        assertThat(Files.readAllBytes(rec)).isEqualTo(RESOLVED.file("storage-a",
                "/etc/iscsi/nodes/iqn.2025-01.lab.home:storage-b/10.10.10.2,3260,1/default").orElseThrow().bytes());
    }

    @Test
    void contributions_addFilesAndFindings_andMayNotShadowABundleFile() {
        BundleContribution sysctl = new BundleContribution() {
            @Override
            public List<BundleFile> files(RenderContext ctx) {
                return List.of(BundleFile.text("storage-a", "/etc/sysctl.d/90-san.conf", 0644, "net.ipv4.ip_nonlocal_bind = 1\n",
                        Stage.SYSCTL, Sensitivity.PLAIN));
            }

            @Override
            public List<String> findings(RenderContext ctx) {
                return List.of("RULE-X: a contributed finding");
            }
        };
        Bundle b = BundleRenderer.create().with(sysctl).render(ReferenceDesign.resolved());
        assertThat(b.files("storage-a").get(0).path()).isEqualTo("/etc/sysctl.d/90-san.conf");
        assertThat(b.report()).contains("- RULE-X: a contributed finding");
        assertThat(b.runbook()).contains("/root/san-bundle-files/etc/sysctl.d/90-san.conf /etc/sysctl.d/90-san.conf");
        BundleContribution clash = ctx -> List.of(BundleFile.text("quorum", BundleRenderer.COROSYNC_CONF, 0644, "x",
                Stage.COROSYNC, Sensitivity.PLAIN));
        assertThatThrownBy(() -> BundleRenderer.create().with(clash).render(ReferenceDesign.resolved()))
                .isInstanceOf(SanException.class).hasMessageContaining("two bundle files for quorum:/etc/corosync/corosync.conf");
    }

    @Test
    void writeTo_removesTheFilesOfAnEarlierRender_andRefusesAForeignDirectory(@TempDir Path dir) throws IOException {
        Path out = dir.resolve("out");
        RESOLVED.writeTo(out);
        Path stdin = out.resolve("storage-a/root/san-bundle/pcs-stdin/01-cibadmin.xml");
        assertThat(stdin).exists();
        UNRESOLVED.writeTo(out);   // no fence secret: no cibadmin stdin file in this render
        assertThat(stdin).doesNotExist();
        for (Secret s : ReferenceDesign.SECRETS.values()) {
            try (var files = Files.walk(out)) {
                files.filter(Files::isRegularFile).forEach(f -> {
                    try {
                        assertThat(Files.readString(f)).as(f.toString()).doesNotContain(s.reveal());
                    } catch (IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                });
            }
        }
        Path foreign = dir.resolve("foreign");
        Files.createDirectories(foreign);
        Files.writeString(foreign.resolve("notes.txt"), "x");
        assertThatThrownBy(() -> RESOLVED.writeTo(foreign)).isInstanceOf(SanException.class).hasMessageContaining("MANIFEST.tsv");
    }

    @Test
    void contributions_forUnknownNodes_areRefused() {
        BundleContribution stray = ctx -> List.of(BundleFile.text("storage-c", "/etc/x", 0644, "x", Stage.SERVICES, Sensitivity.PLAIN));
        assertThatThrownBy(() -> BundleRenderer.create().with(stray).render(ReferenceDesign.resolved()))
                .isInstanceOf(SanException.class).hasMessageContaining("storage-c");
    }

    @Test
    void bundleFile_refusesUnsafeShapes() {
        assertThatThrownBy(() -> BundleFile.text("a", "etc/x", 0644, "", Stage.VERIFY, Sensitivity.PLAIN))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> BundleFile.text("a", "/etc/../x", 0644, "", Stage.VERIFY, Sensitivity.PLAIN))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> BundleFile.text("a", "/etc/x", 0640, "", Stage.VERIFY, Sensitivity.SECRET))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("must not be readable");
    }
}
