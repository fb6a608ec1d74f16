package org.sansdk.iscsi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.sansdk.core.CommandResult;
import org.sansdk.core.Iqn;
import org.sansdk.core.ReplayExecutor;
import org.sansdk.core.Secret;
import org.sansdk.core.ValidationException;
import org.sansdk.core.Violation;

/** Exit codes from open-iscsi's iscsi_err.h turned into typed answers; the facade never reads stderr. */
class IscsiadmFacadeTest {
    static final Iqn T = Iqn.parse("iqn.2025-01.lab.home:storage-b");
    static final Portal P = Portal.of("10.10.10.2", 3260, 1);

    static Iscsiadm answering(List<String> argv, int rc, String stdout) {
        // stderr deliberately says something misleading: the facade must decide on the exit code alone
        return Iscsiadm.on(ReplayExecutor.builder().on(argv, CommandResult.of(rc, stdout, "iscsiadm: anything")).build());
    }

    @Test
    void exitCodesAreOpenIscsisList() {
        assertThat(IscsiadmExit.of(15)).isEqualTo(IscsiadmExit.SESS_EXISTS);
        assertThat(IscsiadmExit.of(21)).isEqualTo(IscsiadmExit.NO_OBJS_FOUND);
        assertThat(IscsiadmExit.of(24)).isEqualTo(IscsiadmExit.LOGIN_AUTH_FAILED);
        assertThat(IscsiadmExit.of(6)).isEqualTo(IscsiadmExit.IDBM);
        assertThat(IscsiadmExit.of(19)).isEqualTo(IscsiadmExit.FATAL_LOGIN);
        assertThat(IscsiadmExit.of(8)).isEqualTo(IscsiadmExit.TRANS_TIMEOUT);
        assertThat(IscsiadmExit.of(33)).isEqualTo(IscsiadmExit.REQ_TIMEDOUT);
        assertThat(IscsiadmExit.of(34)).isEqualTo(IscsiadmExit.UNKNOWN);
        for (int c = 0; c <= 33; c++) {
            assertThat(IscsiadmExit.of(c).code()).isEqualTo(c);
        }
    }

    @Test
    void loginExit15IsSuccessAnd24IsAuthentication() {
        List<String> login = IscsiadmCommands.login(T, P).argv();
        assertThat(login).containsExactly("iscsiadm", "-m", "node", "-T", T.toString(), "-p", "10.10.10.2:3260,1", "--login");
        assertThat(answering(login, 0, "").login(T, P)).isEqualTo(Iscsiadm.LoginOutcome.LOGGED_IN);
        assertThat(answering(login, 15, "").login(T, P)).isEqualTo(Iscsiadm.LoginOutcome.ALREADY_LOGGED_IN);
        assertThatThrownBy(() -> answering(login, 24, "").login(T, P))
                .isInstanceOfSatisfying(IscsiAuthenticationException.class,
                        e -> assertThat(e.exit()).isEqualTo(IscsiadmExit.LOGIN_AUTH_FAILED));
        assertThatThrownBy(() -> answering(login, 19, "").login(T, P))
                .isInstanceOfSatisfying(IscsiadmException.class, e -> {
                    assertThat(e).isNotInstanceOf(IscsiAuthenticationException.class);
                    assertThat(e.exit()).isEqualTo(IscsiadmExit.FATAL_LOGIN);
                });
        assertThatThrownBy(() -> answering(login, 8, "").login(T, P))
                .isInstanceOfSatisfying(IscsiadmException.class, e -> assertThat(e.exit()).isEqualTo(IscsiadmExit.TRANS_TIMEOUT));
    }

    @Test
    void exit21IsTheTypedNoneAnd6IsADatabaseError() {
        assertThat(answering(List.of("iscsiadm", "-m", "session"), 21, "").sessions().noActiveSessions()).isTrue();
        assertThat(answering(List.of("iscsiadm", "-m", "node"), 21, "").nodes().noRecords()).isTrue();
        assertThat(answering(IscsiadmCommands.logout(T, P).argv(), 21, "").logout(T, P)).isFalse();
        assertThatThrownBy(() -> answering(List.of("iscsiadm", "-m", "node"), 6, "").nodes())
                .isInstanceOfSatisfying(IscsiadmException.class, e -> assertThat(e.exit()).isEqualTo(IscsiadmExit.IDBM));
        Iscsiadm ok = answering(List.of("iscsiadm", "-m", "session", "-P", "3"), 0,
                Corpus.iscsiadm("orealyz-session-P3-6.2.1.9-4-portals.txt"));
        assertThat(ok.sessionTree(3).sessions()).hasSize(4);
    }

    @Test
    void noCommandBuilderTakesASecret() {
        assertThatThrownBy(() -> IscsiadmCommands.nodeUpdate(T, P, "node.session.auth.password", "x"))
                .hasMessageContaining("never as iscsiadm -v");
        assertThatThrownBy(() -> IscsiadmCommands.nodeUpdate(T, P, "discovery.sendtargets.auth.password_in", "x"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(IscsiadmCommands.nodeUpdate(T, P, "node.startup", "automatic").argv())
                .containsExactly("iscsiadm", "-m", "node", "-T", T.toString(), "-p", "10.10.10.2:3260,1",
                        "-o", "update", "-n", "node.startup", "-v", "automatic");
        assertThat(IscsiadmCommands.discover(Portal.of("fd00:10::2")).argv())
                .containsExactly("iscsiadm", "-m", "discovery", "-t", "sendtargets", "-p", "[fd00:10::2]:3260");
        assertThat(IscsiadmCommands.sessions(0).argv()).containsExactly("iscsiadm", "-m", "session");
        assertThat(IscsiadmCommands.rescan(7).argv()).containsExactly("iscsiadm", "-m", "session", "-r", "7", "-R");
    }

    @Test
    void chapRules() {
        Secret good = Secret.of("Abcdefgh12345");
        assertThat(ChapRules.errors(ChapCredentials.mutual("storage-a", good, "storage-b", Secret.of("Zyxwvut987654")))).isEmpty();
        assertThat(ChapRules.errors(ChapCredentials.mutual("storage-a", good, "storage-b", Secret.of("Abcdefgh12345"))))
                .extracting(Violation::ruleId).containsExactly("CHAP-MUTUAL-SAME-SECRET");
        assertThat(ChapRules.errors(ChapCredentials.oneWay("Abcdefgh12345", good)))
                .extracting(Violation::ruleId).containsExactly("CHAP-USERNAME-IS-SECRET");
        assertThat(ChapRules.errors(ChapCredentials.oneWay("u", Secret.of("x".repeat(256)))))
                .extracting(Violation::ruleId).containsExactly("CHAP-SECRET-TOO-LONG");
        assertThat(ChapRules.errors(ChapCredentials.oneWay("u", Secret.of("tab\there-12345"))))
                .extracting(Violation::ruleId).containsExactly("CHAP-SECRET-PRINTABLE");
        assertThat(ChapRules.errors(ChapCredentials.oneWay("", good))).extracting(Violation::ruleId)
                .containsExactly("CHAP-USERNAME-EMPTY");
        assertThat(ChapRules.warnings(ChapCredentials.oneWay("u", Secret.of("short")))).extracting(Violation::ruleId)
                .containsExactly("CHAP-SECRET-LENGTH");
        assertThat(ChapRules.warnings(ChapCredentials.oneWay("u", good))).isEmpty();
        assertThatThrownBy(() -> ChapRules.validate(ChapCredentials.oneWay("Abcdefgh12345", good)))
                .isInstanceOf(ValidationException.class).hasMessageNotContaining("Abcdefgh12345x");
        assertThat(ChapCredentials.mutual("a", good, "b", good).toString()).doesNotContain("Abcdefgh12345");
    }

    @Test
    void portals() {
        assertThat(Portal.parse("10.10.10.2:3260,4294967295").tpgt()).isEqualTo(Portal.NO_TPGT);
        assertThat(Portal.parse("[fd00:10::2]:3260,1").toString()).isEqualTo("[fd00:10::2]:3260,1");
        assertThatThrownBy(() -> Portal.parse("fd00::2:3260,1")).hasMessageContaining("[IPV6]:PORT");
        assertThatThrownBy(() -> Portal.parse("10.0.0.1:70000,1")).isInstanceOf(IllegalArgumentException.class);
    }
}
