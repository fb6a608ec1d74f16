package org.sansdk.lab.pacemaker;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.sansdk.cluster.design.DesignSecret;
import org.sansdk.cluster.design.Fencing;
import org.sansdk.cluster.design.SanDesign;
import org.sansdk.cluster.map.DesignMapping;
import org.sansdk.core.Command;
import org.sansdk.core.CommandResult;
import org.sansdk.core.Executor;
import org.sansdk.core.Secret;
import org.sansdk.core.testing.RealTools;
import org.sansdk.core.testing.TestExecutors;
import org.sansdk.lab.Lab;
import org.sansdk.lab.LabDesign;
import org.sansdk.lab.LabNode;
import org.sansdk.lab.LabSsh;
import org.sansdk.pacemaker.cib.Cib;
import org.sansdk.pacemaker.cib.CibChangedException;
import org.sansdk.pacemaker.cib.CibParser;
import org.sansdk.pacemaker.cib.CibPatch;
import org.sansdk.pacemaker.cib.CibWriter;
import org.sansdk.pacemaker.cib.Configuration;
import org.sansdk.pacemaker.cib.Primitive;
import org.sansdk.pacemaker.cib.Resource;
import org.sansdk.pacemaker.ops.CibSecret;
import org.sansdk.pacemaker.ops.SettleResult;
import org.sansdk.pacemaker.status.ClusterStatus;

/**
 * Fence device passwords kept out of the CIB with Pacemaker's real {@code cibsecret} on the standard lab, sshd per
 * node through {@link LabSsh}: one device's password set on the running cluster ({@code cibsecret set}, the day-two
 * path), the other's through san-cluster's {@link DesignMapping.FenceSecrets#CIBSECRET} ({@code cibsecret -C set}, then
 * the CIB with {@code lrm://}). Then every node's CIB holds {@code lrm://} and neither value, every node has the files
 * with mode 0600 and the MD5 cibsecret and Pacemaker check, and both devices run and answer a status query.
 */
class CibSecretOnLabTest {

    private static final SecureRandom RANDOM = new SecureRandom();

    /** A storable value with the characters a shell or XML would trip on, unique per run. */
    private static Secret password(String tag) {
        byte[] b = new byte[6];
        RANDOM.nextBytes(b);
        return Secret.of("lab-" + tag + " pw'\"$HOME;|&<x>" + HexFormat.of().formatHex(b));
    }

    private static SanDesign designWithPassword(Secret pwB) {
        List<Fencing> fencing = new ArrayList<>();
        for (Fencing f : LabDesign.standard().design().fencing()) {
            fencing.add(f.node().equals("storage-b")
                    ? new Fencing(f.node(), f.agent(), f.parameters(), Map.of("password", DesignSecret.of(pwB)), f.timeout())
                    : f);
        }
        return LabDesign.standardBuilder().fencing(fencing).build();
    }

    @Test
    void mapping_cibsecretOption_putsTheReferenceInTheCib_andTheValueOnlyOnStdin() {
        Secret pw = password("map");
        SanDesign d = designWithPassword(pw);
        // the default keeps the value in the CIB (as before)
        String inCib = CibWriter.configurationXml(DesignMapping.of(d).pacemakerConfiguration());
        assertThat(inCib).contains(tail(pw)).contains("lab-map pw");
        assertThat(DesignMapping.of(d).fenceSecretCommands()).isEmpty();

        DesignMapping m = DesignMapping.of(d).withFenceSecrets(DesignMapping.FenceSecrets.CIBSECRET);
        Configuration c = m.pacemakerConfiguration();
        String xml = CibWriter.configurationXml(c);
        assertThat(xml).doesNotContain(tail(pw)).doesNotContain("lab-map pw");
        assertThat(((Primitive) c.resource("fence-storage-b").orElseThrow()).param("password")).contains("lrm://");
        assertThat(((Primitive) c.resource("fence-storage-a").orElseThrow()).param("password")).isEmpty();
        List<Command> cmds = m.fenceSecretCommands();
        assertThat(cmds).singleElement().satisfies(x -> {
            assertThat(x.argv()).containsExactly("cibsecret", "-C", "set", "fence-storage-b", "password");
            assertThat(x.stdinIsSecret()).isTrue();
            assertThat(new String(x.stdin().orElseThrow(), StandardCharsets.UTF_8)).isEqualTo(pw.reveal() + "\n");
            assertThat(x.toString()).doesNotContain(pw.reveal());
        });
    }

    /** nsenter into the node like {@link LabNode#executor()}, keeping the command's secret stdin and secrets (redaction). */
    private static Executor secretSafe(LabNode n) {
        return c -> {
            String abs = RealTools.find(c.program()).orElseThrow().toString();
            Command.Builder b = Command.builder("nsenter").args("-t", Long.toString(n.pacemakerdPid()), "-n", "-m", "-u", abs)
                    .args(c.argv().subList(1, c.argv().size())).timeout(c.timeout().orElse(Duration.ofSeconds(120)));
            c.env().forEach(b::env);
            if (c.stdinIsSecret()) {
                c.stdin().ifPresent(b::secretStdin);
            } else {
                c.stdin().ifPresent(b::stdin);
            }
            c.secrets().forEach(b::secret);
            return TestExecutors.local().run(b.build());
        };
    }

    private static void settle(LabNode n) {
        SettleResult r = n.pacemaker().waitForSettle(Duration.ofSeconds(120));
        assertThat(r.outcome()).as(r.toString()).isEqualTo(SettleResult.Outcome.SETTLED);
    }

    @Test
    void fencePasswords_throughCibsecret_areInNoCib_areOnEveryNode0600_andTheDevicesRun() throws Exception {
        Lab.requireTools();
        LabSsh.requireTools();
        RealTools.requireFrom("cibsecret", "pacemaker-cli-utils");
        // cibsecret pings the peers before copying: fping when installed, else ping (neither is in a minimal Debian)
        RealTools.requireFrom("fping", "fping");
        Secret pwA = password("A");
        Secret pwB = password("B");
        Lab lab = Lab.start(LabDesign.standard());
        try (LabSsh ssh = LabSsh.start(lab)) {
            LabNode b = lab.node("storage-b");
            Executor onB = secretSafe(b);

            // day two: fence-storage-a exists without a password; cibsecret stores it on every node and puts lrm:// in the CIB
            Command set = CibSecret.live().set("fence-storage-a", "password", pwA);
            long t0 = System.nanoTime();
            CibSecret.requireSuccess(set, onB.run(set));
            System.out.printf("cibsecret set (3 nodes, ssh + fping) took %.2f s%n", (System.nanoTime() - t0) / 1e9);

            // the design path: the values first (-C, files only), then the CIB with lrm:// for fence-storage-b
            DesignMapping m = DesignMapping.of(designWithPassword(pwB)).withFenceSecrets(DesignMapping.FenceSecrets.CIBSECRET);
            for (Command c : m.fenceSecretCommands()) {
                CibSecret.requireSuccess(c, onB.run(c));
            }
            Primitive fenceB = (Primitive) m.pacemakerConfiguration().resource("fence-storage-b").orElseThrow();
            applyRetrying(b, fenceB);
            settle(b);

            for (LabNode n : lab.nodes()) {
                // every node's CIB copy (the quorum node's too): the reference, never a value
                String xml = n.executor().runChecked(Command.of("cibadmin", "--query")).stdout();
                for (Secret pw : List.of(pwA, pwB)) {
                    // the random tail is the same in every escaped form of the value
                    assertThat(xml).as(n.name()).doesNotContain(tail(pw));
                }
                Configuration conf = CibParser.parse("cibadmin --query on " + n.name(), xml).configuration();
                for (String dev : List.of("fence-storage-a", "fence-storage-b")) {
                    assertThat(((Primitive) conf.resource(dev).orElseThrow()).param("password")).as(n.name() + " " + dev).contains("lrm://");
                }
                // every node's files (cibsecret copies to every live peer): the value and its MD5, root-only
                for (String dev : List.of("fence-storage-a", "fence-storage-b")) {
                    Secret pw = dev.equals("fence-storage-a") ? pwA : pwB;
                    Path secrets = n.directory().resolve("var-lib-pacemaker/lrm/secrets");
                    Path file = secrets.resolve(dev).resolve("password");
                    Path sign = secrets.resolve(dev).resolve("password.sign");
                    assertThat(Files.readString(file)).as(n.name() + " " + file).isEqualTo(pw.reveal() + "\n");
                    assertThat(Files.readString(sign).strip()).as(n.name() + " " + sign).isEqualTo(CibSecret.md5Hex(pw));
                    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).as(n.name() + " " + file).isEqualTo("rw-------");
                    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(sign))).isEqualTo("rw-------");
                    // the resource's directory: 0700 where cibsecret ran (it sets umask 0077); on a peer its
                    // "ssh PEER mkdir -p" runs with the login's umask (022 here), so the names show, the values do not
                    String dirMode = PosixFilePermissions.toString(Files.getPosixFilePermissions(file.getParent()));
                    if (n.name().equals("storage-b")) {
                        assertThat(dirMode).as(n.name() + " " + file.getParent()).isEqualTo("rwx------");
                    } else {
                        assertThat(dirMode).as(n.name() + " " + file.getParent()).isEqualTo("rwxr-xr-x");
                    }
                    // cibsecret's own check on that node: CIB holds lrm://, local value matches its local MD5
                    Command check = CibSecret.live().check(dev, "password");
                    CibSecret.requireSuccess(check, n.executor().run(check));
                }
            }

            // both devices started with the substituted value (a missing or mismatched secret fails the start) and answer
            ClusterStatus s = b.pacemaker().status();
            assertThat(s.failures()).isEmpty();
            for (String dev : List.of("fence-storage-a", "fence-storage-b")) {
                assertThat(s.runningOn(dev)).as(dev).hasSize(1).doesNotContain(dev.substring("fence-".length()));
                LabNode runner = lab.node(s.runningOn(dev).get(0));
                CommandResult q = runner.executor().run(Command.of("stonith_admin", "--query", dev, "--timeout", "30"));
                assertThat(q.exitCode()).as(dev + " status query on " + runner.name() + ": " + q.stdout() + q.stderr()).isZero();
            }
            // fence_dummy declares no password parameter, and fence-agents' library logs an unknown stdin option line
            // whole: the fencer's log on the node running a device shows what the agent really got, the value and not
            // the lrm:// marker (the substitution happened); the counts are figures for the docs
            for (String dev : List.of("fence-storage-a", "fence-storage-b")) {
                Secret pw = dev.equals("fence-storage-a") ? pwA : pwB;
                LabNode runner = lab.node(s.runningOn(dev).get(0));
                String log = Files.readString(runner.directory().resolve("var-log-pacemaker/pacemaker.log"));
                assertThat(log).as(dev + " agent input on " + runner.name()).contains("Ignoring unknown option 'password=" + pw.reveal() + "'");
            }
            for (LabNode n : lab.nodes()) {
                String log = Files.readString(n.directory().resolve("var-log-pacemaker/pacemaker.log"));
                assertThat(log).as(n.name()).doesNotContain("Ignoring unknown option 'password=lrm://'");
                System.out.printf("%s pacemaker.log: value of A %d times, of B %d times%n", n.name(), count(log, pwA.reveal()),
                        count(log, pwB.reveal()));
                log.lines().filter(l -> l.contains(pwA.reveal()) || l.contains(pwB.reveal())).findFirst()
                        .ifPresent(l -> System.out.println("  e.g. " + Command.redact(l, List.of(pwA, pwB))));
            }
        } finally {
            lab.close();
        }
        assertThat(lab.residue()).isEmpty();
    }

    /** The value's random tail (hex): unchanged by XML escaping, so absent from a text in every form of the value. */
    private static String tail(Secret pw) {
        return pw.reveal().substring(pw.reveal().length() - 12);
    }

    private static int count(String text, String what) {
        int n = 0;
        for (int i = text.indexOf(what); i >= 0; i = text.indexOf(what, i + 1)) {
            n++;
        }
        return n;
    }

    /** Replaces the live fence-storage-b with {@code device} (in place), re-planning on a moved CIB version (bounded). */
    private static void applyRetrying(LabNode n, Primitive device) throws InterruptedException {
        for (int attempt = 0; attempt < 10; attempt++) {
            Cib live = n.pacemaker().cib();
            List<Resource> res = new ArrayList<>();
            for (Resource r : live.configuration().resources()) {
                res.add(r.id().equals(device.id()) ? device : r);
            }
            CibPatch p = CibPatch.between(live, live.configuration().toBuilder().resources(res).build());
            assertThat(p.toXml()).contains("lrm://");
            try {
                n.pacemaker().apply(p);
                return;
            } catch (CibChangedException e) {
                Thread.sleep(1000);
            }
        }
        throw new AssertionError("could not apply the fence device in 10 attempts");
    }
}
