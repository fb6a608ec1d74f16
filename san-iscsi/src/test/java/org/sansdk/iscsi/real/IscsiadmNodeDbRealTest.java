package org.sansdk.iscsi.real;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.sansdk.core.Iqn;
import org.sansdk.core.Plan;
import org.sansdk.core.Secret;
import org.sansdk.core.testing.RealTools;
import org.sansdk.core.testing.TestExecutors;
import org.sansdk.iscsi.ChapCredentials;
import org.sansdk.iscsi.FastFailoverProfile;
import org.sansdk.iscsi.IscsiadmExit;
import org.sansdk.iscsi.Iscsiadm;
import org.sansdk.iscsi.IscsidConf;
import org.sansdk.iscsi.InitiatorName;
import org.sansdk.iscsi.NodeRecord;
import org.sansdk.iscsi.NodeRecordFile;
import org.sansdk.iscsi.Portal;
import org.sansdk.iscsi.UnknownSettingException;

/** The real iscsiadm (open-iscsi) on a private copy of its node database. */
class IscsiadmNodeDbRealTest {
    static final Iqn TARGET = Iqn.parse("iqn.2025-01.lab.home:storage-b");
    static final Iqn INITIATOR = Iqn.parse("iqn.2025-01.lab.home:storage-a");
    static final Portal PORTAL = Portal.of("10.10.10.2", 3260, 1);
    static final Secret FWD = Secret.of("Fwd-secret-0123");
    static final Secret MUT = Secret.of("Mut-secret-4567");

    @BeforeAll
    static void tools() {
        RealTools.requireFrom("iscsiadm", "open-iscsi");
        RealTools.require("unshare");
        RealTools.requireRoot();
    }

    static PrivateIscsiDir db() {
        return new PrivateIscsiDir(IscsidConf.read(Path.of("src/test/resources/corpus/iscsid-conf/debian-12-open-iscsi-2.1.8-iscsid.conf")).render(),
                InitiatorName.of(INITIATOR).render());
    }

    @Test
    void theRecordFileWeWriteIsWhatIscsiadmReadsWithEverySettingAndNoSecretOnAnyArgv() throws Exception {
        try (PrivateIscsiDir db = db()) {
            NodeRecord mine = NodeRecordFile.designRecord(TARGET, PORTAL, INITIATOR,
                    ChapCredentials.mutual("storage-a", FWD, "storage-b", MUT), FastFailoverProfile.design());
            Plan plan = NodeRecordFile.plan(Plan.LOCAL, db.dir, mine);
            assertThat(plan.toString()).doesNotContain(FWD.reveal()).doesNotContain(MUT.reveal());
            plan.applyTo(TestExecutors.local());
            Path file = NodeRecordFile.path(db.dir, TARGET, PORTAL, "default");
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");

            Iscsiadm iscsiadm = Iscsiadm.on(db.executor());
            assertThat(iscsiadm.nodes().nodes()).singleElement().satisfies(n -> {
                assertThat(n.portal()).isEqualTo(PORTAL);
                assertThat(n.target()).isEqualTo(TARGET.toString());
            });
            NodeRecord shown = iscsiadm.showWithSecrets(TARGET, PORTAL);
            for (NodeRecord.Entry e : mine.entries()) {
                if (e.value().kind() == NodeRecord.Value.Kind.SECRET) {
                    assertThat(shown.secret(e.key())).as(e.key()).isEqualTo(e.value().secret());
                } else {
                    assertThat(shown.value(e.key())).as(e.key()).hasValue(e.value().text());
                }
            }
            assertThat(shown.value("node.session.timeo.replacement_timeout")).hasValue("5");
            assertThat(shown.value("iface.initiatorname")).hasValue("iqn.2025-01.lab.home:storage-a");
            // without -S iscsiadm masks the passwords
            assertThat(iscsiadm.show(TARGET, PORTAL).secret("node.session.auth.password")).isEmpty();
            assertThat(db.seen).allSatisfy(c -> assertThat(String.join(" ", c.argv()))
                    .doesNotContain(FWD.reveal()).doesNotContain(MUT.reveal()));
        }
    }

    @Test
    void everyProfileKeyIsAcceptedByUpdateAndAnUnknownKeyIsATypedErrorNamingIt() {
        try (PrivateIscsiDir db = db()) {
            Iscsiadm iscsiadm = Iscsiadm.on(db.executor());
            iscsiadm.newNode(TARGET, PORTAL);
            int updated = 0;
            for (FastFailoverProfile.Value v : FastFailoverProfile.design().settings()) {
                if (NodeRecordFile.nodeKeys().contains(v.key())) {
                    iscsiadm.update(TARGET, PORTAL, v.key(), v.value());
                    updated++;
                }
            }
            assertThat(updated).isEqualTo(6);
            NodeRecord shown = iscsiadm.show(TARGET, PORTAL);
            assertThat(shown.value("node.startup")).hasValue("automatic");
            assertThat(shown.value("node.conn[0].timeo.noop_out_interval")).hasValue("2");
            assertThatThrownBy(() -> iscsiadm.update(TARGET, PORTAL, "node.session.bogus_knob", "1"))
                    .isInstanceOfSatisfying(UnknownSettingException.class, e -> {
                        assertThat(e.key()).isEqualTo("node.session.bogus_knob");
                        assertThat(e.exit()).isEqualTo(IscsiadmExit.INVAL);
                        assertThat(e.getMessage()).contains("node.session.bogus_knob");
                    });
            iscsiadm.delete(TARGET, PORTAL);
            assertThat(iscsiadm.nodes().noRecords()).isTrue();
        }
    }

    /**
     * iscsiadm learns the iscsid.conf path from iscsid (MGMT_IPC_CONFIG_FILE, usr/iscsiadm.c get_config_file);
     * with no iscsid a record made by {@code -o new} gets open-iscsi's built-in defaults, whatever the tuned
     * iscsid.conf says. That is why the SDK writes the whole node record itself instead of relying on
     * iscsid.conf defaults at {@code -o new} time.
     */
    @Test
    void withoutIscsidANewRecordIgnoresIscsidConfSoTheRecordFileCarriesTheProfile() {
        IscsidConf tuned = FastFailoverProfile.design().applyTo(
                IscsidConf.read(Path.of("src/test/resources/corpus/iscsid-conf/debian-12-open-iscsi-2.1.8-iscsid.conf")),
                ChapCredentials.mutual("storage-a", FWD, "storage-b", MUT),
                ChapCredentials.oneWay("disc-a", Secret.of("Disc-secret-012")));
        assertThat(tuned.startup()).hasValue(org.sansdk.iscsi.NodeStartup.AUTOMATIC);
        try (PrivateIscsiDir db = new PrivateIscsiDir(tuned.render(), InitiatorName.of(INITIATOR).render())) {
            Iscsiadm iscsiadm = Iscsiadm.on(db.executor());
            iscsiadm.newNode(TARGET, PORTAL);
            NodeRecord made = iscsiadm.show(TARGET, PORTAL);
            assertThat(made.value("node.startup")).hasValue("manual");
            assertThat(made.value("node.session.timeo.replacement_timeout")).hasValue("120");
            assertThat(made.value("node.session.auth.username")).isEmpty();
            // the record file written by NodeRecordFile carries the profile regardless
            Plan.builder("x").addAll(NodeRecordFile.plan(Plan.LOCAL, db.dir, NodeRecordFile.designRecord(TARGET, PORTAL,
                    INITIATOR, ChapCredentials.mutual("storage-a", FWD, "storage-b", MUT), FastFailoverProfile.design())))
                    .build().applyTo(TestExecutors.local());
            NodeRecord shown = iscsiadm.showWithSecrets(TARGET, PORTAL);
            for (FastFailoverProfile.Value v : FastFailoverProfile.design().settings()) {
                if (NodeRecordFile.nodeKeys().contains(v.key())) {
                    assertThat(shown.value(v.key())).as(v.key()).hasValue(v.value());
                }
            }
            assertThat(shown.secret("node.session.auth.password_in")).hasValue(MUT);
        }
    }

    @Test
    void theDiscoveryRecordWeWriteCarriesDiscoveryChap() {
        try (PrivateIscsiDir db = db()) {
            Secret disc = Secret.of("Disc-secret-012");
            Portal portal = Portal.of("10.10.10.2", 3260, Portal.NO_TPGT);
            NodeRecordFile.discoveryPlan(Plan.LOCAL, db.dir, portal, ChapCredentials.oneWay("disc-a", disc))
                    .applyTo(TestExecutors.local());
            org.sansdk.core.Command show = org.sansdk.core.Command.of("iscsiadm", "-m", "discoverydb", "-t", "sendtargets",
                    "-p", portal.hostPort(), "-o", "show", "-S");
            org.sansdk.core.CommandResult r = db.executor().run(show);
            assertThat(r.exitCode()).as(r.stderr()).isZero();
            NodeRecord rec = org.sansdk.iscsi.NodeRecordParser.parse("discoverydb -o show -S", r.stdout());
            assertThat(rec.value("discovery.sendtargets.address")).hasValue("10.10.10.2");
            assertThat(rec.value("discovery.sendtargets.auth.authmethod")).hasValue("CHAP");
            assertThat(rec.value("discovery.sendtargets.auth.username")).hasValue("disc-a");
            assertThat(rec.secret("discovery.sendtargets.auth.password")).hasValue(disc);
        }
    }

    @Test
    void withoutIscsidTheRealAnswersAreTyped() {
        try (PrivateIscsiDir db = db()) {
            Iscsiadm iscsiadm = Iscsiadm.on(db.executor());
            assertThat(iscsiadm.sessions().noActiveSessions()).isTrue();
            assertThat(iscsiadm.sessionTree(3).targets()).isEmpty();
            assertThat(iscsiadm.nodes().noRecords()).isTrue();
            assertThatThrownBy(() -> iscsiadm.show(TARGET, PORTAL))
                    .isInstanceOfSatisfying(org.sansdk.iscsi.IscsiadmException.class,
                            e -> assertThat(e.exit()).isEqualTo(IscsiadmExit.NO_OBJS_FOUND));
        }
    }
}
