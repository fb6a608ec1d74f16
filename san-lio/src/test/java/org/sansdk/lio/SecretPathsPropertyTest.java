package org.sansdk.lio;

import org.sansdk.core.ZfsName;
import org.sansdk.core.IpCidr;
import org.sansdk.core.Iqn;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import org.sansdk.core.Command;
import org.sansdk.core.CommandFailedException;
import org.sansdk.core.ParseException;
import org.sansdk.core.Plan;
import org.sansdk.core.RecordingExecutor;
import org.sansdk.core.SanException;
import org.sansdk.core.Secret;
import org.sansdk.core.Violation;
import org.sansdk.core.testing.RealTools;
import org.sansdk.core.testing.TestExecutors;
import org.sansdk.lio.chap.ChapEnvFile;
import org.sansdk.lio.chap.OpenSslEnc;
import org.sansdk.lio.chap.ShellEnv;
import org.sansdk.lio.internal.SaveconfigOutputParser;
import org.sansdk.lio.design.BackendTargetBuilder;
import org.sansdk.lio.design.BackendTargetSpec;
import org.sansdk.lio.design.ClientAclSync;
import org.sansdk.lio.design.ClientTargetBuilder;
import org.sansdk.lio.design.ClientTargetSpec;
import org.sansdk.lio.design.ClientTpg;
import org.sansdk.lio.design.LocalDisk;
import org.sansdk.lio.sync.SyncPlan;
import org.sansdk.lio.targetcli.LioChange;
import org.sansdk.lio.targetcli.TargetcliBatch;

/**
 * Every path of this module that accepts a {@link Secret} (ACL CHAP, mutual CHAP, TPG CHAP, discovery auth, the
 * builders' specs, the CHAP env file and its passphrase, saveconfig.json with passwords) keeps the value off argv,
 * env, toString, plan text, dry-run scripts, exception messages and parse errors, while the real consumer still
 * receives it: targetcli's stdin, the saveconfig.json content, {@code openssl enc -d}.
 * <p>Each secret is {@code prefix + core + suffix}: prefix and suffix are hostile (spaces, quotes, '=', unicode,
 * '#', backslash) or what targetcli accepts; the 10-character alphanumeric core is what the leak checks look for,
 * so an escaped or partly masked value is still caught.
 */
class SecretPathsPropertyTest {
    static final String IQN = "iqn.2025-01.lab.home:storage-a";
    static final String INIT = "iqn.2025-01.lab.home:initiator-b";

    record Value(String value, String core) {
        Secret secret() {
            return Secret.of(value);
        }

        @Override
        public String toString() {
            return value; // jqwik prints failing samples: show the value in the test report only
        }
    }

    @Provide
    Arbitrary<Value> secrets() {
        Arbitrary<String> hostile = Arbitraries.of(" ", "=", "'", "\"", "\\", "$", "`", "#", ";", "\u00e9", "\u4e2d",
                "\ud83d\ude00", "a=b", "\t", "password=", "\"}", "****", "\"chap_password\": ").list().ofMaxSize(4)
                .map(l -> String.join("", l));
        Arbitrary<String> printable = Arbitraries.strings().withCharRange('!', '~').ofMaxLength(8);
        // what configshell takes in a value: these reach the targetcli stdin path
        Arbitrary<String> accepted = Arbitraries.strings().alpha().numeric().withChars("?;&*$!,_+/.<>()~@:%[]-")
                .ofMaxLength(8);
        Arbitrary<String> affix = Arbitraries.frequencyOf(Tuple.of(2, hostile), Tuple.of(2, printable),
                Tuple.of(4, accepted));
        Arbitrary<String> core = Arbitraries.strings().alpha().numeric().ofLength(10);
        return Combinators.combine(affix, core, affix).as((a, c, b) -> new Value(a + c + b, c));
    }

    @Property(tries = 120)
    void everySecretPath_keepsTheValueOutOfEverythingPrintedButGivesItToTheTool(
            @ForAll("secrets") Value acl, @ForAll("secrets") Value mutual, @ForAll("secrets") Value discovery,
            @ForAll("secrets") Value tpg, @ForAll("secrets") Value passphrase) throws Exception {
        List<Value> all = List.of(acl, mutual, discovery, tpg, passphrase);
        assertTimeoutPreemptively(Duration.ofSeconds(20), () -> {
            targetcliPaths(acl, mutual, discovery, tpg, all);
            builderPaths(acl, mutual, all);
            modelAndFilePaths(acl, mutual, discovery, tpg, all);
            envFilePaths(acl, mutual, passphrase, all);
        });
    }

    // ------------------------------------------------------------------ targetcli batch (stdin only)

    private static void targetcliPaths(Value acl, Value mutual, Value discovery, Value tpg, List<Value> all) {
        Chap aclChap = Chap.of("acl-user", acl.secret()).withMutual("target-user", mutual.secret());
        Chap tpgChap = Chap.of("tpg-user", tpg.secret());
        Chap discChap = Chap.of("disc-user", discovery.secret());
        List<LioChange> changes = new ArrayList<>();
        changes.add(new LioChange.CreateIscsiTarget(IQN));
        changes.add(new LioChange.CreateAcl(IQN, 1, INIT));
        for (java.util.function.Supplier<LioChange> s : List.<java.util.function.Supplier<LioChange>>of(
                () -> new LioChange.SetAuth(IQN, 1, Optional.of(INIT), aclChap),
                () -> new LioChange.SetAuth(IQN, 1, Optional.empty(), tpgChap),
                () -> new LioChange.SetDiscoveryAuth(discChap))) {
            try {
                changes.add(s.get());
            } catch (SanException refused) {
                // a value configshell cannot take is refused up front, without echoing it
                assertNoLeak("refusal message", refused.getMessage(), all);
            }
        }
        TargetcliBatch batch = TargetcliBatch.of(changes);
        Command cmd = batch.command();
        assertNoLeak("argv", String.join(" ", cmd.argv()), all);
        assertNoLeak("env", cmd.env().toString(), all);
        assertNoLeak("command", cmd.toString(), all);
        assertNoLeak("redacted script", batch.redactedScript(), all);
        for (LioChange c : changes) {
            assertNoLeak("describe", c.describe(), all);
            assertNoLeak("change toString", c.toString(), all);
        }
        Plan plan = batch.toPlan("storage-a", "set CHAP");
        assertNoLeak("plan", plan.toString(), all);
        RecordingExecutor dry = new RecordingExecutor();
        plan.applyTo(dry);
        assertNoLeak("dry-run script", dry.script(), all);
        // targetcli failing and echoing its input on stderr: the exception must not carry the values
        String echoed = new String(cmd.stdin().orElseThrow(), StandardCharsets.UTF_8);
        assertNoLeak("CommandFailedException", new CommandFailedException(cmd, 1, echoed).getMessage(), all);
        // ... and the tool gets every value that was accepted, on stdin only
        assertThat(cmd.stdinIsSecret()).isEqualTo(batch.hasSecrets());
        for (LioChange c : changes) {
            if (c instanceof LioChange.SetAuth a) {
                assertThat(echoed).contains(" password=" + a.chap().password().orElseThrow().reveal());
                a.chap().mutualPassword().ifPresent(p -> assertThat(echoed).contains(" mutual_password=" + p.reveal()));
            } else if (c instanceof LioChange.SetDiscoveryAuth d) {
                assertThat(echoed).contains(" password=" + d.chap().password().orElseThrow().reveal());
            }
        }
        // the model after the batch prints no secret either
        LioConfig after = batch.applyTo(LioConfig.empty());
        assertNoLeak("model toString", after.toString(), all);
    }

    // ------------------------------------------------------------------ design builders

    private static void builderPaths(Value acl, Value mutual, List<Value> all) {
        Chap chap = Chap.of("iscsi-repl-user", acl.secret()).withMutual("iscsi-target-user", mutual.secret());
        try {
            BackendTargetSpec spec = new BackendTargetSpec(Iqn.parse(IQN), IpCidr.parse("10.10.10.1/24"), 3260,
                    List.of(new LocalDisk("data-0", "/dev/disk/by-id/ata-DISK0")), Iqn.parse(INIT), chap, BackendTargetSpec.Discard.KEEP);
            assertNoLeak("backend spec", spec.toString(), all);
            TargetcliBatch b = BackendTargetBuilder.batch(spec);
            assertNoLeak("backend plan", b.toPlan("storage-a", "backend").toString(), all);
            assertNoLeak("backend config", BackendTargetBuilder.config(spec).toString(), all);
        } catch (SanException refused) {
            assertNoLeak("backend refusal", refused.getMessage(), all);
        }
        try {
            ClientTargetSpec spec = new ClientTargetSpec(Iqn.parse(IQN), List.of(ClientTpg.iscsi("hv", IpCidr.parse("10.40.40.10/24"), 3260, ZfsName.parse("san-pool/iscsi/hv"), new ClientTpg.Acls(List.of(new ClientTpg.InitiatorAcl(Iqn.parse(INIT), chap))))));
            assertNoLeak("client spec", spec.toString(), all);
            assertNoLeak("client plan", ClientTargetBuilder.batch(spec, java.util.Set.of()).toPlan("storage-a", "c")
                    .toString(), all);
            LioConfig cold = ClientTargetBuilder.coldStart(spec, java.util.Set.of(), List.of());
            assertNoLeak("client cold start", cold.toString(), all);
            SyncPlan rotate = ClientTargetBuilder.reconcileAuth(cold, spec);
            assertNoLeak("CHAP rotation", rotate.toString() + rotate.toPlan("storage-a"), all);
            SyncPlan acls = ClientAclSync.plan(cold, Iqn.parse(IQN), 1, List.of(new ClientTpg.InitiatorAcl(Iqn.parse(INIT),
                    Chap.of("other", acl.secret()))), ClientAclSync.ExtraAcls.REMOVE);
            assertNoLeak("ACL sync", acls.toString() + acls.toPlan("storage-a"), all);
        } catch (SanException refused) {
            assertNoLeak("client refusal", refused.getMessage(), all);
        }
        // mixed CHAP in one TPG is refused: the message names counts, not values
        try {
            ClientAclSync.plan(LioConfig.empty().withTarget(Target.iscsi(IQN, List.of(Tpg.of(1)))), Iqn.parse(IQN), 1, List.of(
                    new ClientTpg.InitiatorAcl(Iqn.parse(INIT), chap), new ClientTpg.InitiatorAcl(Iqn.parse(INIT + "x"), Chap.NONE)), ClientAclSync.ExtraAcls.KEEP);
        } catch (SanException refused) {
            assertNoLeak("mixed CHAP refusal", refused.getMessage(), all);
        }
    }

    // ------------------------------------------------------------------ model, saveconfig.json, validator

    private static void modelAndFilePaths(Value acl, Value mutual, Value discovery, Value tpg, List<Value> all)
            throws Exception {
        NodeAcl nodeAcl = NodeAcl.of(INIT).withChap(Chap.of("u", acl.secret()).withMutual("m", mutual.secret()));
        LioConfig cfg = LioConfig.empty()
                .withFabricModules(List.of(FabricModule.iscsiDiscoveryAuth(Chap.of("d", discovery.secret()))))
                .withTarget(Target.iscsi(IQN, List.of(Tpg.of(1).withAttribute("authentication", 1)
                        .withChap(Chap.of("t", tpg.secret())).withNodeAcls(List.of(nodeAcl)))));
        assertNoLeak("config toString", cfg.toString(), all);
        for (Violation v : LioValidator.validate(cfg)) {
            assertNoLeak("violation", v.toString(), all);
        }
        assertNoLeak("write plan", SaveconfigFile.writePlan("storage-a", SaveconfigFile.Distro.DEBIAN, cfg).toString(),
                all);
        // the file itself holds them (that is its job) and reads back to the same secrets
        String json = SaveconfigWriter.write(cfg);
        for (Value v : all.subList(0, 4)) {
            assertThat(json).contains(v.core());
        }
        LioConfig back = SaveconfigParser.parse("saveconfig.json", json);
        assertThat(back.targets().get(0).tpgs().get(0).nodeAcls().get(0).chap().password().orElseThrow().reveal())
                .isEqualTo(acl.value());
        // sanctl parse saveconfig masks them
        JsonNode shown = (JsonNode) new SaveconfigOutputParser().parse("saveconfig.json", json);
        assertNoLeak("sanctl parse saveconfig", shown.toString(), all);
        // a broken file: the error on a password line (or right after one) does not show the value
        for (String key : List.of("\"chap_password\": ", "\"chap_mutual_password\": ", "\"discovery_password\": ")) {
            int at = json.indexOf(key);
            int end = json.indexOf('\n', at);
            for (String breakage : List.of("x", ", \"" + key.substring(1), " 1", "\n")) {
                String broken = json.substring(0, end) + breakage + json.substring(end);
                try {
                    SaveconfigParser.parse("saveconfig.json", broken);
                } catch (ParseException e) {
                    assertNoLeak("parse error", e.getMessage() + e.offendingLine() + e.expected(), all);
                }
            }
        }
        Path dir = Files.createTempDirectory("lio-secrets");
        try {
            Path f = dir.resolve("saveconfig.json");
            Files.write(f, json.substring(0, json.indexOf("\"chap_password\"") + 30).getBytes(StandardCharsets.UTF_8));
            try {
                SaveconfigFile.read(f);
            } catch (ParseException e) {
                assertNoLeak("truncated file error", e.getMessage() + e.offendingLine(), all);
            }
        } finally {
            try (var s = Files.walk(dir)) {
                s.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    // ------------------------------------------------------------------ encrypted CHAP env file

    private static void envFilePaths(Value acl, Value mutual, Value passphrase, List<Value> all) throws Exception {
        Map<String, Secret> entries = new LinkedHashMap<>();
        entries.put("ISCSI_CHAP_USER", Secret.of("proxmox-shared"));
        entries.put("ISCSI_CHAP_PASSWORD", acl.secret());
        entries.put("ISCSI_CHAP_MUTUAL_PASSWORD", mutual.secret());
        Secret key = passphrase.secret();
        Plan plan = ChapEnvFile.writePlan("storage-a", ChapEnvFile.DEFAULT_PATH, entries, key, 1000);
        assertNoLeak("env file plan", plan.toString(), all);
        RecordingExecutor dry = new RecordingExecutor();
        plan.applyTo(dry);
        assertNoLeak("env file dry run", dry.script(), all);
        assertNoLeak("decrypt command", ChapEnvFile.decryptCommand(ChapEnvFile.DEFAULT_PATH, 1000).toString(), all);
        byte[] sealed = ((Plan.WriteFileStep) plan.steps().get(0)).content();
        // wrong key: the refusal names neither the key nor the content
        try {
            ChapEnvFile.open(sealed, Secret.of(passphrase.value() + "x"), OpenSslEnc.Kdf.pbkdf2(1000));
        } catch (SanException refused) {
            assertNoLeak("wrong key refusal", refused.getMessage(), all);
        }
        assertThat(ChapEnvFile.open(sealed, key, OpenSslEnc.Kdf.pbkdf2(1000))).isEqualTo(entries);
        // a broken plaintext: parse errors do not show values
        byte[] broken = (new String(ShellEnv.render(entries), StandardCharsets.UTF_8) + "ISCSI_CHAP_PASSWORD='"
                + acl.value()).getBytes(StandardCharsets.UTF_8);
        try {
            ShellEnv.parse("env", broken);
        } catch (ParseException e) {
            assertNoLeak("env parse error", e.getMessage() + e.offendingLine(), all);
        }
        // the real openssl, given the key the way the design does (-pass file:), gets the values back
        if (RealTools.required() || RealTools.find("openssl").isPresent()) {
            RealTools.require("openssl");
            Path dir = Files.createTempDirectory("lio-env");
            try {
                Path keyFile = dir.resolve("machine-id");
                Path enc = dir.resolve("chap.env.enc");
                Files.write(keyFile, (passphrase.value() + "\n").getBytes(StandardCharsets.UTF_8));
                Files.write(enc, sealed);
                Command d = Command.of("openssl", "enc", "-d", "-aes-256-cbc", "-pbkdf2", "-iter", "1000", "-pass",
                        "file:" + keyFile, "-in", enc.toString());
                assertNoLeak("openssl argv", String.join(" ", d.argv()), all);
                String plain = TestExecutors.local().runChecked(d).stdout();
                assertThat(ShellEnv.parse("openssl output", plain.getBytes(StandardCharsets.UTF_8))).isEqualTo(entries);
            } finally {
                try (var s = Files.walk(dir)) {
                    s.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
                }
            }
        }
    }

    private static void assertNoLeak(String where, String text, List<Value> secrets) {
        for (Value v : secrets) {
            assertThat(text).as("%s must not contain a secret", where).doesNotContain(v.core());
        }
    }
}
