package org.sansdk.pacemaker.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sansdk.core.Command;
import org.sansdk.core.CommandResult;
import org.sansdk.core.Plan;
import org.sansdk.core.SanException;
import org.sansdk.core.Secret;
import org.sansdk.pacemaker.Pacemaker;
import org.sansdk.pacemaker.Tools;
import org.sansdk.pacemaker.cib.Cib;
import org.sansdk.pacemaker.cib.CibParser;
import org.sansdk.pacemaker.cib.CibPatch;
import org.sansdk.pacemaker.cib.CibWriter;
import org.sansdk.pacemaker.cib.Configuration;
import org.sansdk.pacemaker.cib.Node;
import org.sansdk.pacemaker.cib.Primitive;
import org.sansdk.pacemaker.design.FencingDevice;
import org.sansdk.pacemaker.design.SanResourceSpec;
import org.sansdk.pacemaker.design.SanResourceSet;
import org.sansdk.pacemaker.design.SanService;
import org.sansdk.pacemaker.sim.VerifyResult;

/**
 * DR-11 for fencing credentials: the design's default commands never put a fence agent password on argv (where any
 * local user reads it in {@code ps}); they pipe the primitive XML to the real {@code cibadmin} on stdin, and the
 * resulting CIB holds the password and passes {@code crm_verify}. The pcs argv form exists only as an explicit opt-in.
 */
class SecretSafeFencingTest {
    // '&' and '<' prove the XML escaping on stdin and the redaction of the escaped form
    static final String PW_A = "bmc-A&<pw-7f3e";
    static final String PW_B = "bmc-B-pw-91c2";
    static final String PW_A_NEW = "rotated-A-pw-5d0a";

    static SanResourceSpec design(String pwA, String pwB) {
        return SanResourceSpec.builder()
                .vip("enduser", "10.30.30.10/24", "eth-enduser")
                .services(SanService.NFS)
                .cockpit("10.20.20.10/24", "eth-mgmt")
                .fencing(FencingDevice.ipmi("storage-a", "10.20.20.101", "bmcadmin", Secret.of(pwA)))
                .fencing(FencingDevice.ipmi("storage-b", "10.20.20.102", "bmcadmin", Secret.of(pwB)))
                .build();
    }

    static void assertNoSecretOutsideStdin(Command c, String... secrets) {
        for (String s : secrets) {
            assertThat(String.join("\u0000", c.argv())).as("argv of %s", c).doesNotContain(s);
            assertThat(c.env().values()).as("env of %s", c).noneMatch(v -> v.contains(s));
            assertThat(c.toString()).doesNotContain(s);
        }
    }

    @Test
    void designPlan_default_noCommandHasASecretInArgvAndPasswordsTravelOnSecretStdin() {
        Plan plan = SanResourceSet.plan(design(PW_A, PW_B), "storage-a", Pcs.live());
        List<Command> cmds = plan.steps().stream().map(s -> ((Plan.RunStep) s).command()).toList();
        assertThat(cmds).isNotEmpty();
        for (Command c : cmds) {
            assertNoSecretOutsideStdin(c, PW_A, PW_B, "bmc-A&amp;&lt;pw-7f3e");
        }
        assertThat(plan.toString()).doesNotContain(PW_A, PW_B, "bmc-A&amp;");
        List<Command> cibadmin = cmds.stream().filter(c -> c.program().equals("cibadmin")).toList();
        assertThat(cibadmin).hasSize(2).allSatisfy(c -> {
            assertThat(c.argv()).containsExactly("cibadmin", "--create", "--scope", "resources", "--xml-pipe");
            assertThat(c.stdinIsSecret()).isTrue();
        });
        assertThat(new String(cibadmin.get(0).stdin().orElseThrow(), StandardCharsets.UTF_8))
                .contains("<primitive id=\"fence-storage-a\" class=\"stonith\" type=\"fence_ipmilan\"")
                .contains("value=\"bmc-A&amp;&lt;pw-7f3e\"");
        assertThat(new String(cibadmin.get(1).stdin().orElseThrow(), StandardCharsets.UTF_8)).contains(PW_B);
        // the secret values are registered for redaction, raw and XML-escaped (cibadmin echoes refused XML escaped)
        assertThat(cibadmin.get(0).redact("x " + PW_A + " y bmc-A&amp;&lt;pw-7f3e z")).isEqualTo("x **** y **** z");
        // no fence device is created by pcs on the default path
        assertThat(cmds).noneMatch(c -> c.argv().contains("stonith") && c.argv().contains("create"));
    }

    @Test
    void designCommands_default_realCibadminAndPcsOnEmptyCib_storePasswordsAndCrmVerifyPasses(@TempDir Path dir) throws Exception {
        SanResourceSpec d = design(PW_A, PW_B);
        Path cib = emptyCibWithNodes(dir, SanResourceSet.configuration(d));
        for (Command c : SanResourceSet.pcsCommands(d, Pcs.file(cib))) {
            assertNoSecretOutsideStdin(c, PW_A, PW_B);
            Tools.runOk(c);
        }
        Cib result = CibParser.parse("cibadmin+pcs", Files.readString(cib));
        Primitive a = (Primitive) result.configuration().resource("fence-storage-a").orElseThrow();
        Primitive b = (Primitive) result.configuration().resource("fence-storage-b").orElseThrow();
        assertThat(a.agent().type()).isEqualTo("fence_ipmilan");
        assertThat(a.param("password")).contains(PW_A);
        assertThat(a.param("ip")).contains("10.20.20.101");
        assertThat(a.param("pcmk_host_list")).contains("storage-a");
        assertThat(b.param("password")).contains(PW_B);
        // exactly the primitives we rendered, and the whole design's intent holds on what the real tools built
        Configuration ours = SanResourceSet.configuration(d);
        // same CIB text (the parsed value is plain: XML has no types; ours is a Secret)
        assertThat(CibWriter.resourceXml(a)).isEqualTo(CibWriter.resourceXml(ours.resource("fence-storage-a").orElseThrow()));
        assertThat(a.instanceAttributes().get(0).pair("password").orElseThrow().isSecret()).isFalse();
        assertThat(ours.resource("fence-storage-a").map(r -> ((Primitive) r).instanceAttributes().get(0).pair("password").orElseThrow().isSecret()))
                .contains(true);
        assertThat(SanResourceSet.checkIntent(result.configuration(), List.of("storage-a", "storage-b"), "quorum", "zfs-pool")).isEmpty();
        assertCrmVerifyValid(dir, result);
    }

    @Test
    void cibadminReplace_rotatedPassword_realCibHasTheNewPasswordOnly(@TempDir Path dir) throws Exception {
        SanResourceSpec d = design(PW_A, PW_B);
        Path cib = emptyCibWithNodes(dir, SanResourceSet.configuration(d));
        SanResourceSet.pcsCommands(d, Pcs.file(cib)).forEach(Tools::runOk);

        Primitive rotated = (Primitive) SanResourceSet.configuration(design(PW_A_NEW, PW_B)).resource("fence-storage-a").orElseThrow();
        Command replace = Pcs.file(cib).cibadminReplace(rotated);
        assertThat(replace.argv()).containsExactly("cibadmin", "--replace", "--scope", "resources", "--xml-pipe");
        assertNoSecretOutsideStdin(replace, PW_A_NEW);
        Tools.runOk(replace);

        String xml = Files.readString(cib);
        assertThat(xml).contains(PW_A_NEW).doesNotContain("bmc-A&amp;&lt;pw-7f3e");
        Cib after = CibParser.parse("after replace", xml);
        assertThat(after.configuration().resource("fence-storage-a").map(CibWriter::resourceXml)).contains(CibWriter.resourceXml(rotated));
        assertThat(after.configuration().resources()).extracting(r -> r.id())
                .containsExactly("fence-storage-a", "fence-storage-b", "zfs-pool", "san-services", "cockpit-group");
        assertCrmVerifyValid(dir, after);
    }

    @Test
    void cibPatch_rotatedPassword_pcsFormIsOneCibadminReplaceAndThePatchTravelsOnSecretStdin(@TempDir Path dir) throws Exception {
        SanResourceSpec d = design(PW_A, PW_B);
        // the live CIB holds exactly our rendering of the design (pcs would add default ops, a difference of its own)
        Path cib = dir.resolve("cib.xml");
        Files.writeString(cib, CibWriter.toXml(Cib.of(SanResourceSet.configuration(d))));
        Cib live = CibParser.parse("live", Files.readString(cib));
        Configuration desired = SanResourceSet.configuration(design(PW_A_NEW, PW_B));

        CibPatch patch = CibPatch.between(live, desired);
        assertThat(patch.changes()).extracting(c -> c.describe())
                .containsExactly("modify resource fence-storage-a in place (modify nvpair[@id='fence-storage-a-instance_attributes-password'])");
        // pcs form: no "pcs resource delete" + "pcs stonith create password=…", one cibadmin --replace instead
        List<Command> pcsForm = patch.pcsCommands(desired, Pcs.file(cib));
        assertThat(pcsForm).singleElement().satisfies(c -> {
            assertThat(c.argv()).containsExactly("cibadmin", "--replace", "--scope", "resources", "--xml-pipe");
            assertNoSecretOutsideStdin(c, PW_A_NEW);
        });
        // patch form: secret stdin, registered secrets, nothing printable shows the password
        Command patchCmd = patch.command();
        assertThat(patchCmd.stdinIsSecret()).isTrue();
        assertNoSecretOutsideStdin(patchCmd, PW_A_NEW);
        assertThat(patch.toString()).doesNotContain(PW_A_NEW);
        assertThat(patchCmd.redact("echo " + PW_A_NEW)).isEqualTo("echo ****");

        Pacemaker.on(Tools.executor()).cibFile(cib).apply(patch);
        Cib after = CibParser.parse("after patch", Files.readString(cib));
        assertThat(((Primitive) after.configuration().resource("fence-storage-a").orElseThrow()).param("password")).contains(PW_A_NEW);
        assertCrmVerifyValid(dir, after);
    }

    @Test
    void cibadminCreate_existingId_realCibadminRefusesWith108_andItsEchoIsRedacted(@TempDir Path dir) throws Exception {
        SanResourceSpec d = design(PW_A, PW_B);
        Path cib = emptyCibWithNodes(dir, SanResourceSet.configuration(d));
        Primitive a = (Primitive) SanResourceSet.configuration(d).resource("fence-storage-a").orElseThrow();
        Command create = Pcs.file(cib).cibadminCreate(a);
        Tools.runOk(create);
        CommandResult again = Tools.run(create);
        assertThat(again.exitCode()).isEqualTo(108);
        // cibadmin echoes the refused element, password included (XML-escaped): the command's redaction removes it
        assertThat(again.stdout()).contains("failed_update").contains("bmc-A&amp;&lt;pw-7f3e");
        assertThat(create.redact(again.stdout() + again.stderr())).doesNotContain("bmc-A&amp;&lt;pw-7f3e", PW_A).contains("****");
    }

    @Test
    void optIn_withSecretsOnArgv_putsThePasswordOnPcsArgv_redactedOnlyInDisplay() {
        Primitive a = (Primitive) SanResourceSet.configuration(design(PW_A, PW_B)).resource("fence-storage-a").orElseThrow();
        assertThat(Pcs.live().secretsOnArgv()).isFalse();
        Command def = Pcs.live().create(a);
        assertThat(def.program()).isEqualTo("cibadmin");
        Pcs optIn = Pcs.live().withSecretsOnArgv();
        assertThat(optIn.secretsOnArgv()).isTrue();
        Command argv = optIn.create(a);
        assertThat(argv.argv()).startsWith("pcs", "stonith", "create", "fence-storage-a", "fence_ipmilan").contains("password=" + PW_A);
        assertThat(argv.toString()).doesNotContain(PW_A).contains("password=****");
    }

    @Test
    void create_secretPrimitiveIntoAGroup_defaultPathRefusesInsteadOfFallingBackToArgv() {
        Primitive withToken = Primitive.builder("svc", org.sansdk.pacemaker.cib.ResourceAgent.parse("ocf:pacemaker:Dummy"))
                .instanceSecret("api_token", Secret.of("tok-123")).build();
        assertThatThrownBy(() -> Pcs.live().create(withToken, "san-services"))
                .isInstanceOf(SanException.class).hasMessageContaining("CIB patch").hasMessageNotContaining("tok-123");
    }

    private static Path emptyCibWithNodes(Path dir, Configuration conf) throws Exception {
        Path cib = dir.resolve("cib.xml");
        Files.writeString(cib, Tools.runOk(Command.of("cibadmin", "--empty")).stdout());
        for (Node n : conf.nodes()) {
            Tools.runOk(Command.builder("cibadmin").args("--create", "--scope", "nodes", "--xml-text",
                    "<node id=\"" + n.id() + "\" uname=\"" + n.uname() + "\"/>").env("CIB_file", cib.toString()).build());
        }
        return cib;
    }

    private static void assertCrmVerifyValid(Path dir, Cib cib) throws Exception {
        Path online = dir.resolve("verify-" + System.nanoTime() + ".xml");
        Files.writeString(online, CibWriter.toXml(cib.withAllNodesOnline()));
        CommandResult r = Tools.run(VerifyResult.command(online));
        VerifyResult v = VerifyResult.of(r);
        assertThat(r.exitCode()).as("crm_verify: %s", v.messages()).isZero();
        assertThat(v.outcome()).as("crm_verify: %s", v.messages()).isEqualTo(VerifyResult.Outcome.VALID);
    }
}
