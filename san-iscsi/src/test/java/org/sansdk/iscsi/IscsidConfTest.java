package org.sansdk.iscsi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.sansdk.core.Iqn;
import org.sansdk.core.ParseException;
import org.sansdk.core.Plan;
import org.sansdk.core.Secret;
import org.sansdk.core.testing.ParserContract;

class IscsidConfTest {
    static final String DEBIAN = "corpus/iscsid-conf/debian-12-open-iscsi-2.1.8-iscsid.conf";
    static final Secret FWD = Secret.of("Fwd-secret-0123");
    static final Secret MUT = Secret.of("Mut-secret-4567");

    static String debian() {
        return Corpus.read(DEBIAN);
    }

    @Test
    void debiansOwnFileRoundTripsByteForByte() {
        byte[] original = Corpus.bytes(DEBIAN);
        IscsidConf c = IscsidConf.parse("iscsid.conf", new String(original, StandardCharsets.UTF_8));
        assertThat(c.render().getBytes(StandardCharsets.UTF_8)).isEqualTo(original);
        assertThat(c.unknownKeys()).isEmpty();
        assertThat(c.warnings()).isEmpty();
        assertThat(c.startup()).hasValue(NodeStartup.MANUAL);
        assertThat(c.replacementTimeout()).hasValue(Duration.ofSeconds(120));
        assertThat(c.loginTimeout()).hasValue(Duration.ofSeconds(15));
        assertThat(c.noopOutInterval()).hasValue(Duration.ofSeconds(5));
        assertThat(c.value("iscsid.startup")).hasValue("/bin/systemctl start iscsid.socket");
        assertThat(c.value("node.session.iscsi.MaxBurstLength")).hasValue("16776192");
        assertThat(c.sessionChap()).isEmpty();
        assertThat(c.settings()).hasSize(27);
    }

    @Test
    void editedCopiesRoundTripAndKeepCommentsAndOrder() {
        IscsidConf c = IscsidConf.parse("iscsid.conf", debian())
                .with("node.startup", "automatic")
                .with("node.session.auth.authmethod", "CHAP")
                .withSecret("node.session.auth.password", FWD);
        String text = c.render();
        assertThat(IscsidConf.parse("edited", text).render()).isEqualTo(text);
        String[] before = debian().split("\n");
        String[] after = text.split("\n");
        // the in-place change keeps the line; the two new keys go right after their commented examples
        assertThat(after).hasSize(before.length + 2);
        assertThat(text).contains("node.startup = automatic\n")
                .contains("#node.session.auth.authmethod = CHAP\nnode.session.auth.authmethod = CHAP\n")
                .contains("#node.session.auth.password = password\nnode.session.auth.password = Fwd-secret-0123\n");
        assertThat(c.toString()).doesNotContain("Fwd-secret-0123").contains("node.session.auth.password = ****");
    }

    @Test
    void unknownKeysAreKeptAndFlaggedWithTheirLine() {
        String text = debian() + "node.session.bogus_knob = 3\n";
        IscsidConf c = IscsidConf.parse("iscsid.conf", text);
        assertThat(c.unknownKeys()).containsExactly("node.session.bogus_knob");
        assertThat(c.warnings()).singleElement().satisfies(w -> {
            assertThat(w.line()).isEqualTo(text.split("\n").length);
            assertThat(w.message()).contains("node.session.bogus_knob");
        });
        assertThat(c.render()).isEqualTo(text);
    }

    @Test
    void knownKeysAreTyped() {
        assertThatThrownBy(() -> IscsidConf.parse("c", "node.startup = sometimes\n"))
                .isInstanceOfSatisfying(ParseException.class, e -> {
                    assertThat(e.line()).isEqualTo(1);
                    assertThat(e.column()).isEqualTo(16);
                    assertThat(e.expected()).contains("automatic, manual or onboot");
                });
        assertThatThrownBy(() -> IscsidConf.parse("c", "# x\nnode.session.timeo.replacement_timeout = 5s\n"))
                .isInstanceOfSatisfying(ParseException.class, e -> assertThat(e.line()).isEqualTo(2));
        assertThatThrownBy(() -> IscsidConf.parse("c", "just words\n"))
                .isInstanceOf(ParseException.class).hasMessageContaining("key = value");
        ParserContract.emptyRefused(s -> IscsidConf.parse("c", s));
    }

    @Test
    void contractOverDebiansFile() {
        String text = debian();
        // every line-prefix of a config file is itself a config file; a cut inside a line shows as no final newline
        ParserContract.linePrefixes("iscsid.conf", text, s -> IscsidConf.parse("c", s), c -> !c.endsWithNewline(), k -> true);
        ParserContract.deterministic(text, s -> IscsidConf.parse("c", s), IscsidConf::render);
        assertThat(IscsidConf.parse("c", "node.startup = manual").render()).isEqualTo("node.startup = manual");
    }

    @Test
    void secretsAreSecretsAndNeverInErrorsOrText() {
        IscsidConf c = IscsidConf.parse("c", "node.session.auth.authmethod = CHAP\nnode.session.auth.username = u1\n"
                + "node.session.auth.password = Pw-0123456789\nnode.session.auth.username_in = t1\n"
                + "node.session.auth.password_in = Pw-in-987654321\n");
        ChapCredentials chap = c.sessionChap().orElseThrow();
        assertThat(chap.isMutual()).isTrue();
        assertThat(chap.password()).isEqualTo(Secret.of("Pw-0123456789"));
        assertThat(chap.toString() + c).doesNotContain("Pw-0123456789").doesNotContain("Pw-in-987654321");
        String tooLong = "x".repeat(256);
        assertThatThrownBy(() -> IscsidConf.parse("c", "node.session.auth.password = " + tooLong + "\n"))
                .isInstanceOf(ParseException.class).hasMessageNotContaining(tooLong);
    }

    @Test
    void fastFailoverProfileGivesEachValueAReasonAndLandsInTheFile() {
        FastFailoverProfile p = FastFailoverProfile.design();
        assertThat(p.settings()).allSatisfy(v -> assertThat(v.reason()).hasSizeGreaterThan(40));
        IscsidConf tuned = p.applyTo(IscsidConf.parse("iscsid.conf", debian()),
                ChapCredentials.mutual("storage-a", FWD, "storage-b", MUT),
                ChapCredentials.oneWay("disc-a", Secret.of("Disc-secret-012")));
        IscsidConf reread = IscsidConf.parse("tuned", tuned.render());
        assertThat(reread.startup()).hasValue(NodeStartup.AUTOMATIC);
        assertThat(reread.replacementTimeout()).hasValue(Duration.ofSeconds(5));
        assertThat(reread.noopOutInterval()).hasValue(Duration.ofSeconds(2));
        assertThat(reread.noopOutTimeout()).hasValue(Duration.ofSeconds(2));
        assertThat(reread.loginTimeout()).hasValue(Duration.ofSeconds(5));
        assertThat(reread.sessionChap().orElseThrow().passwordIn()).hasValue(MUT);
        assertThat(reread.discoveryChap().orElseThrow().username()).isEqualTo("disc-a");
        assertThat(reread.unknownKeys()).isEmpty();
        assertThat(String.join("\n", p.describe())).doesNotContain("Fwd-secret");
        Plan plan = tuned.writePlan("storage-a", IscsidConf.DEFAULT_PATH);
        assertThat(plan.toString()).doesNotContain("Fwd-secret-0123").doesNotContain("Mut-secret-4567");
        assertThat(((Plan.WriteFileStep) plan.steps().get(0)).mode()).isEqualTo(0600);
    }

    @Test
    void initiatorNameRoundTripsDebiansFileAndUsesIqnRules() {
        String text = Corpus.read("corpus/iscsid-conf/debian-12-initiatorname.iscsi");
        InitiatorName n = InitiatorName.parse("initiatorname.iscsi", text);
        assertThat(n.iqn()).isEqualTo(Iqn.parse("iqn.1993-08.org.debian:01:d1a4f9927559"));
        assertThat(n.render()).isEqualTo(text);
        assertThatThrownBy(() -> InitiatorName.parse("x", "InitiatorName=iqn.25-01.bad\n"))
                .isInstanceOfSatisfying(ParseException.class, e -> assertThat(e.line()).isEqualTo(1));
        assertThat(InitiatorName.of(Iqn.parse("iqn.2025-01.lab.home:storage-a")).render())
                .endsWith("\nInitiatorName=iqn.2025-01.lab.home:storage-a\n");
    }
}
