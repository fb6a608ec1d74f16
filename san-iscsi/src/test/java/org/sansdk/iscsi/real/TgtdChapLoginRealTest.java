package org.sansdk.iscsi.real;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.sansdk.core.Command;
import org.sansdk.core.CommandResult;
import org.sansdk.core.Executor;
import org.sansdk.core.Iqn;
import org.sansdk.core.Plan;
import org.sansdk.core.SanException;
import org.sansdk.core.Secret;
import org.sansdk.core.testing.Daemon;
import org.sansdk.core.testing.NetNamespace;
import org.sansdk.core.testing.RealTools;
import org.sansdk.core.testing.TestExecutors;
import org.sansdk.iscsi.ChapCredentials;
import org.sansdk.iscsi.FastFailoverProfile;
import org.sansdk.iscsi.InitiatorName;
import org.sansdk.iscsi.IscsiAuthenticationException;
import org.sansdk.iscsi.Iscsiadm;
import org.sansdk.iscsi.IscsidConf;
import org.sansdk.iscsi.LibiscsiProbe;
import org.sansdk.iscsi.NodeRecord;
import org.sansdk.iscsi.NodeRecordFile;
import org.sansdk.iscsi.Portal;

/**
 * tgtd on 127.0.0.1 in a network namespace of its own, a target that admits only storage-a's IQN with CHAP and
 * mutual CHAP; the node record this module writes, read back by the real iscsiadm ({@code -o show -S}), gives
 * the values a real libiscsi login uses; wrong values fail as authentication errors.
 */
class TgtdChapLoginRealTest {
    static final Iqn TARGET = Iqn.parse("iqn.2025-01.lab.home:storage-b");
    static final Iqn INITIATOR = Iqn.parse("iqn.2025-01.lab.home:storage-a");
    static final Secret FWD = Secret.of("Fwd-secret-0123");
    static final Secret MUT = Secret.of("Mut-secret-4567");
    static final Portal PORTAL = Portal.of("127.0.0.1", 3260, 1);

    static NetNamespace ns;
    static Daemon tgtd;
    static Path work;
    static String controlPort;
    static final Executor LOCAL = TestExecutors.local();

    @BeforeAll
    static void start() throws Exception {
        RealTools.requireFrom("tgtd", "tgt");
        RealTools.requireFrom("iscsi-inq", "libiscsi-bin");
        RealTools.requireFrom("iscsiadm", "open-iscsi");
        RealTools.requireRoot();
        work = Files.createTempDirectory("san-iscsi-tgtd");
        ns = NetNamespace.create("saniscsi");
        // tgtd's management socket lives in /var/run/tgtd (shared by every namespace): a port of our own
        controlPort = Integer.toString(2000 + new SecureRandom().nextInt(6000));
        tgtd = Daemon.start(List.of("ip", "netns", "exec", ns.name(), "tgtd", "-f", "-C", controlPort,
                "--iscsi", "portal=127.0.0.1:3260"), work.resolve("tgtd.log"));
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (tgtadm("--op", "show", "--mode", "target").exitCode() != 0) {
            if (System.nanoTime() > deadline || !tgtd.isAlive()) {
                throw new IllegalStateException("tgtd did not start: " + Files.readString(work.resolve("tgtd.log")));
            }
            Thread.sleep(100);
        }
        Path img = work.resolve("lun1.img");
        try (var f = new java.io.RandomAccessFile(img.toFile(), "rw")) {
            f.setLength(16L << 20);
        }
        ok(tgtadm("--op", "new", "--mode", "target", "--tid", "1", "-T", TARGET.toString()));
        ok(tgtadm("--op", "new", "--mode", "logicalunit", "--tid", "1", "--lun", "1", "-b", img.toString()));
        ok(tgtadm("--op", "bind", "--mode", "target", "--tid", "1", "--initiator-name", INITIATOR.toString()));
        ok(tgtadm("--op", "new", "--mode", "account", "--user", "storage-a", "--password", FWD.reveal()));
        ok(tgtadm("--op", "bind", "--mode", "account", "--tid", "1", "--user", "storage-a"));
        ok(tgtadm("--op", "new", "--mode", "account", "--user", "storage-b", "--password", MUT.reveal()));
        ok(tgtadm("--op", "bind", "--mode", "account", "--tid", "1", "--user", "storage-b", "--outgoing"));
    }

    @AfterAll
    static void stop() throws Exception {
        try {
            if (tgtd != null) {
                tgtd.stop(Duration.ofSeconds(2));
            }
        } finally {
            try {
                if (ns != null) {
                    ns.close();
                }
            } finally {
                if (controlPort != null) {
                    Files.deleteIfExists(Path.of("/var/run/tgtd/socket." + controlPort));
                    Files.deleteIfExists(Path.of("/var/run/tgtd/socket." + controlPort + ".lock"));
                }
                if (work != null) {
                    try (var files = Files.walk(work)) {
                        files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
                    }
                }
            }
        }
    }

    static CommandResult tgtadm(String... args) {
        List<String> argv = new ArrayList<>(List.of("tgtadm", "-C", controlPort, "--lld", "iscsi"));
        argv.addAll(List.of(args));
        return LOCAL.run(Command.of(argv));
    }

    static void ok(CommandResult r) {
        assertThat(r.exitCode()).as(r.stderr()).isZero();
    }

    /** Runs a command inside the namespace, keeping its (secret) environment. */
    static Executor inNs() {
        return c -> {
            Command.Builder b = Command.builder("ip").args("netns", "exec", ns.name()).args(c.argv());
            for (Map.Entry<String, String> e : c.env().entrySet()) {
                if (c.secretEnvNames().contains(e.getKey())) {
                    b.secretEnv(e.getKey(), Secret.of(e.getValue()));
                } else {
                    b.env(e.getKey(), e.getValue());
                }
            }
            return LOCAL.run(b.build());
        };
    }

    /** Our record, written through a plan, read back by the real iscsiadm with -S. */
    static NodeRecord writtenAndReadBack() {
        try (PrivateIscsiDir db = new PrivateIscsiDir(IscsidConf.read(
                Path.of("src/test/resources/corpus/iscsid-conf/debian-12-open-iscsi-2.1.8-iscsid.conf")).render(),
                InitiatorName.of(INITIATOR).render())) {
            NodeRecord mine = NodeRecordFile.designRecord(TARGET, PORTAL, INITIATOR,
                    ChapCredentials.mutual("storage-a", FWD, "storage-b", MUT), FastFailoverProfile.design());
            Plan.builder("x").addAll(NodeRecordFile.plan(Plan.LOCAL, db.dir, mine)).build().applyTo(LOCAL);
            return Iscsiadm.on(db.executor()).showWithSecrets(TARGET, PORTAL);
        }
    }

    static ChapCredentials chapOf(NodeRecord r) {
        return ChapCredentials.mutual(r.value("node.session.auth.username").orElseThrow(),
                r.secret("node.session.auth.password").orElseThrow(),
                r.value("node.session.auth.username_in").orElseThrow(),
                r.secret("node.session.auth.password_in").orElseThrow());
    }

    @Test
    void theValuesOfOurNodeRecordLogInWithMutualChap() {
        NodeRecord r = writtenAndReadBack();
        Iqn initiator = Iqn.parse(r.value("iface.initiatorname").orElseThrow());
        Portal portal = Portal.of(r.value("node.conn[0].address").orElseThrow(),
                Integer.parseInt(r.value("node.conn[0].port").orElseThrow()), 1);
        Iqn target = Iqn.parse(r.value("node.name").orElseThrow());
        String inq = LibiscsiProbe.on(inNs()).inquiry(portal, target, 1, initiator, chapOf(r));
        assertThat(inq).contains("Peripheral Device Type:DIRECT_ACCESS").contains("Vendor:IET");
        Command c = LibiscsiProbe.inquiryCommand(portal, target, 1, initiator, chapOf(r));
        assertThat(String.join(" ", c.argv())).doesNotContain(FWD.reveal()).doesNotContain(MUT.reveal());
    }

    @Test
    void wrongForwardSecretIsAnAuthenticationError() {
        NodeRecord r = writtenAndReadBack();
        ChapCredentials bad = ChapCredentials.mutual("storage-a", Secret.of("Not-the-secret1"), "storage-b", MUT);
        assertThatThrownBy(() -> LibiscsiProbe.on(inNs()).inquiry(PORTAL, TARGET, 1,
                Iqn.parse(r.value("iface.initiatorname").orElseThrow()), bad))
                .isInstanceOf(IscsiAuthenticationException.class)
                .hasMessageContaining("refused the initiator's CHAP")
                .hasMessageNotContaining("Not-the-secret1");
    }

    @Test
    void wrongMutualSecretIsAnAuthenticationError() {
        ChapCredentials bad = ChapCredentials.mutual("storage-a", FWD, "storage-b", Secret.of("Not-the-mutual1"));
        assertThatThrownBy(() -> LibiscsiProbe.on(inNs()).inquiry(PORTAL, TARGET, 1, INITIATOR, bad))
                .isInstanceOf(IscsiAuthenticationException.class).hasMessageContaining("mutual CHAP");
    }

    @Test
    void anInitiatorOutsideTheAclIsRefusedButNotAsAuthentication() {
        assertThatThrownBy(() -> LibiscsiProbe.on(inNs()).inquiry(PORTAL, TARGET, 1,
                Iqn.parse("iqn.2025-01.lab.home:intruder"), ChapCredentials.mutual("storage-a", FWD, "storage-b", MUT)))
                .isInstanceOf(SanException.class).isNotInstanceOf(IscsiAuthenticationException.class)
                .hasMessageContaining("Target not found");
    }
}
