package org.sansdk.pacemaker.secrets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.sansdk.core.Command;
import org.sansdk.core.Plan;
import org.sansdk.core.SanException;
import org.sansdk.core.Secret;
import org.sansdk.pacemaker.Tools;
import org.sansdk.pacemaker.cib.Cib;
import org.sansdk.pacemaker.cib.CibParser;
import org.sansdk.pacemaker.cib.CibPatch;
import org.sansdk.pacemaker.cib.CibWriter;
import org.sansdk.pacemaker.cib.Configuration;
import org.sansdk.pacemaker.cib.NvSet;
import org.sansdk.pacemaker.cib.Primitive;
import org.sansdk.pacemaker.cib.ResourceAgent;
import org.sansdk.pacemaker.design.FencingDevice;
import org.sansdk.pacemaker.design.SanResourceSpec;
import org.sansdk.pacemaker.design.SanResourceSet;
import org.sansdk.pacemaker.design.SanService;
import org.sansdk.pacemaker.ops.Pcs;
import org.sansdk.pacemaker.internal.SafeXml;
import org.sansdk.pacemaker.xml.XmlElement;

/**
 * A {@link Secret} given to the SDK (fence_apc_snmp's SNMP {@code community}: a name no pattern would call secret)
 * stays typed from the design to every rendering: random values (printable ASCII, unicode, spaces, quotes, '=', '&',
 * '<', tabs, large ones) appear in no argv, no env, no toString, no plan text, no exception message; the XML piped to
 * cibadmin on secret stdin carries the exact value (read back with an XML parser).
 */
class SecretPathsProperties {
    private static final Duration BOUND = Duration.ofSeconds(10);

    @Provide
    Arbitrary<String> secretValue() {
        Arbitrary<String> part = Arbitraries.strings()
                .withChars(" =\"'&<>;$`\\|*!%#")
                .withCharRange('!', '~')
                .withCharRange('\u00a0', '\u024f')
                .withCharRange('\u0391', '\u03c9')
                .withCharRange('\u4e00', '\u4e40')
                .withChars('\t')
                .ofMinLength(0).ofMaxLength(24);
        Arbitrary<String> large = Arbitraries.strings().withCharRange('!', '~').withChars(' ', '"', '=').ofMinLength(2000).ofMaxLength(6000);
        // the middle mark makes a coincidental match (e.g. indentation spaces) impossible: the whole value must leak
        Arbitrary<String> normal = Combinators.combine(part, part).as((a, b) -> a + "\u00a7\u00b6" + b);
        return Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(9, normal), net.jqwik.api.Tuple.of(1, large.map(s -> s + "\u00a7\u00b6")));
    }

    static SanResourceSpec design(String community) {
        return SanResourceSpec.builder()
                .vip("enduser", "10.30.30.10/24", "eth-enduser")
                .services(SanService.NFS)
                .fencing(FencingDevice.of("storage-a", "fence_apc_snmp", Map.of("ip", "10.20.20.201", "plug", "1"))
                        .withSecret("community", Secret.of(community)))
                .fencing(FencingDevice.of("storage-b", "fence_apc_snmp", Map.of("ip", "10.20.20.201", "plug", "2"))
                        .withSecret("community", Secret.of(community)))
                .build();
    }

    static void assertHidden(String text, String secret, String what) {
        assertThat(text).as(what).doesNotContain(secret).doesNotContain(CibWriter.escapeAttribute(secret));
    }

    static void assertOffArgvEnvDisplay(Command c, String secret) {
        for (String a : c.argv()) {
            assertThat(a).as("argv of %s", c.program()).doesNotContain(secret);
        }
        c.env().values().forEach(v -> assertThat(v).as("env").doesNotContain(secret));
        assertHidden(c.toString(), secret, "command display");
    }

    /** Every community nvpair in the stdin XML carries exactly the secret (XML-unescaped); returns how many. */
    static int stdinCarries(Command c, String secret) {
        assertThat(c.stdinIsSecret()).as("stdin of %s is secret", c.program()).isTrue();
        XmlElement x = SafeXml.read("stdin", new String(c.stdin().orElseThrow(), StandardCharsets.UTF_8));
        List<String> values = new ArrayList<>();
        collect(x, values);
        values.forEach(v -> assertThat(v).isEqualTo(secret));
        return values.size();
    }

    private static void collect(XmlElement e, List<String> out) {
        if (e.name().equals("nvpair") && "community".equals(e.attr("name").orElse(null))) {
            out.add(e.attr("value").orElse(null));
        }
        e.children().forEach(c -> collect(c, out));
    }

    @Property(tries = 150, seed = "20261128")
    void secret_throughDesignConfigurationPcsPlan_neverShown_stdinCarriesIt(@ForAll("secretValue") String secret) {
        assertTimeoutPreemptively(BOUND, () -> {
            SanResourceSpec d = design(secret);
            assertHidden(d.toString(), secret, "design toString");
            Configuration conf = SanResourceSet.configuration(d);
            assertHidden(conf.toString(), secret, "Configuration.toString");
            assertHidden(Cib.of(conf).toString(), secret, "Cib.toString");
            // the CIB XML for cibadmin/crm_verify carries it, once per device
            Cib back = CibParser.parse("ours", CibWriter.toXml(Cib.of(conf)));
            assertThat(((Primitive) back.configuration().resource("fence-storage-a").orElseThrow()).param("community")).contains(secret);
            int carried = 0;
            for (Command c : SanResourceSet.pcsCommands(d, Pcs.live())) {
                assertOffArgvEnvDisplay(c, secret);
                if (c.program().equals("cibadmin")) {
                    carried += stdinCarries(c, secret);
                    assertThat(c.redact("echo " + secret + " " + CibWriter.escapeAttribute(secret))).isEqualTo("echo **** ****");
                }
            }
            assertThat(carried).as("both devices' community on cibadmin stdin").isEqualTo(2);
            for (Command c : SanResourceSet.pcsCommands(d, Pcs.file(Path.of("/tmp/x.xml")))) {
                assertOffArgvEnvDisplay(c, secret);
            }
            Plan plan = SanResourceSet.plan(d, "storage-a", Pcs.live());
            assertHidden(plan.toString(), secret, "plan text");
        });
    }

    @Property(tries = 150, seed = "20261129")
    void secret_throughCibPatch_createModifyAndPcsForm_neverShown(@ForAll("secretValue") String secret, @ForAll("secretValue") String old) {
        assertTimeoutPreemptively(BOUND, () -> {
            Configuration desired = SanResourceSet.configuration(design(secret));
            // live without the devices (create) and live with an older community (in-place modify)
            Configuration withoutFencing = desired.toBuilder().resources(desired.resources().stream().filter(r -> !r.id().startsWith("fence-")).toList()).fencingTopology(List.of()).tags(List.of()).alerts(List.of()).acls(List.of()).unknown(List.of()).build();
            for (Cib live : List.of(CibParser.parse("live", CibWriter.toXml(Cib.of(withoutFencing))),
                    CibParser.parse("live", CibWriter.toXml(Cib.of(SanResourceSet.configuration(design(old))))))) {
                CibPatch p = CibPatch.between(live, desired);
                assertThat(p.isEmpty()).isEqualTo(secret.equals(old) && live.configuration().resource("fence-storage-a").isPresent());
                assertHidden(p.toString(), secret, "patch toString");
                p.changes().forEach(c -> assertHidden(c.describe() + c, secret, "change"));
                p.findings().forEach(f -> assertHidden(f.describe(), secret, "finding"));
                Command cmd = p.command();
                assertOffArgvEnvDisplay(cmd, secret);
                if (!p.isEmpty()) {
                    assertThat(stdinCarries(cmd, secret)).as("community nvpairs in the patch").isPositive();
                    assertThat(cmd.redact(new String(cmd.stdin().orElseThrow(), StandardCharsets.UTF_8))).doesNotContain(secret);
                }
                for (Command c : p.pcsCommands(desired, Pcs.live())) {
                    assertOffArgvEnvDisplay(c, secret);
                    assertThat(c.program()).isEqualTo("cibadmin");
                    assertThat(stdinCarries(c, secret)).isEqualTo(1);
                }
            }
        });
    }

    @Property(tries = 100, seed = "20261130")
    void secret_inPlacesPcsCannotKeepOffArgv_refusedWithoutTheValue(@ForAll("secretValue") String secret) {
        assertTimeoutPreemptively(BOUND, () -> {
            Primitive p = Primitive.builder("svc", ResourceAgent.parse("ocf:pacemaker:Dummy")).instanceSecret("key", Secret.of(secret)).build();
            assertHidden(p.toString(), secret, "primitive toString");
            try {
                Pcs.live().create(p, "san-services");
                throw new AssertionError("a secret primitive into a group must be refused");
            } catch (SanException e) {
                assertHidden(e.getMessage(), secret, "exception message");
            }
            NvSet props = NvSet.of("cluster_property_set", "cib-bootstrap-options",
                    List.of(org.sansdk.pacemaker.cib.NvPair.secret("cib-bootstrap-options-x", "x", Secret.of(secret))));
            Configuration c = Configuration.builder().crmConfig(List.of(props)).build();
            try {
                Pcs.live().commandsFor(c);
                throw new AssertionError("a secret cluster property on pcs argv must be refused");
            } catch (SanException e) {
                assertHidden(e.getMessage(), secret, "exception message");
            }
            try {
                props.pairs().get(0).value();
                throw new AssertionError("value() of a secret must refuse");
            } catch (IllegalStateException e) {
                assertHidden(e.getMessage(), secret, "exception message");
            }
            // the opt-in argv form: on argv (what the caller chose), still masked in display
            Command argv = Pcs.live().withSecretsOnArgv().create(p);
            assertThat(argv.argv()).contains("key=" + secret);
            assertHidden(argv.toString(), secret, "opt-in display");
        });
    }

    /** The real cibadmin receives the value: the CIB file it writes holds it, crm_verify reads that file. */
    @Property(tries = 8, seed = "20261131")
    void secret_realCibadmin_cibFileHoldsTheValue(@ForAll("secretValue") String secret) throws Exception {
        Path dir = Files.createTempDirectory("secret-cib");
        try {
            Path cib = dir.resolve("cib.xml");
            Files.writeString(cib, Tools.runOk(Command.of("cibadmin", "--empty")).stdout());
            SanResourceSpec d = design(secret);
            for (Command c : SanResourceSet.pcsCommands(d, Pcs.file(cib))) {
                assertOffArgvEnvDisplay(c, secret);
                if (c.program().equals("cibadmin")) {
                    Tools.runOk(c);
                }
            }
            Cib written = CibParser.parse("cibadmin CIB_file", Files.readString(cib));
            for (String dev : List.of("fence-storage-a", "fence-storage-b")) {
                assertThat(((Primitive) written.configuration().resource(dev).orElseThrow()).param("community")).contains(secret);
            }
        } finally {
            try (var s = Files.walk(dir)) {
                s.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
            }
        }
    }
}
