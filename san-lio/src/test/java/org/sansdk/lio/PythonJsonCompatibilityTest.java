package org.sansdk.lio;

import org.sansdk.core.IpCidr;
import org.sansdk.core.Iqn;
import org.sansdk.core.ZfsName;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sansdk.core.Command;
import org.sansdk.core.Secret;
import org.sansdk.core.testing.RealTools;
import org.sansdk.core.testing.TestExecutors;

/**
 * The writer against the real thing: CPython's {@code json.dumps(json.loads(ours), sort_keys=True, indent=2)}
 * plus a newline (what rtslib's {@code save_to_file} writes) must reproduce our bytes exactly, for random
 * configurations with hostile strings (non-ASCII, astral, control characters, quotes, backslashes).
 */
class PythonJsonCompatibilityTest {

    private static final String CHECK = String.join("\n",
            "import json, sys",
            "bad = []",
            "for f in sys.argv[1:]:",
            "    s = open(f, encoding='utf-8').read()",
            "    if json.dumps(json.loads(s), sort_keys=True, indent=2) + '\\n' != s:",
            "        bad.append(f)",
            "print('mismatch:' + ','.join(bad) if bad else 'ok %d' % (len(sys.argv) - 1))");

    @Test
    void writer_randomConfigs_areByteIdenticalToPythonJsonDumps(@TempDir Path dir) throws Exception {
        RealTools.requireFrom("python3", "python3");
        Random r = new Random(20261125L);
        List<String> argv = new ArrayList<>(List.of("python3", "-c", CHECK));
        for (int i = 0; i < 120; i++) {
            Path f = dir.resolve("c" + i + ".json");
            Files.writeString(f, SaveconfigWriter.write(randomConfig(r)), StandardCharsets.UTF_8);
            argv.add(f.toString());
        }
        for (String name : Corpus.SAVECONFIGS) {
            Path f = dir.resolve(name);
            Files.writeString(f, SaveconfigWriter.write(SaveconfigParser.parse(name, Corpus.saveconfig(name))));
            argv.add(f.toString());
        }
        // the design's cold-start files (backend target + client target with CHAP, a synced zvol)
        Path cold = dir.resolve("cold-start.json");
        Files.writeString(cold, coldStart().saveconfigJson(), StandardCharsets.UTF_8);
        argv.add(cold.toString());
        String out = TestExecutors.local().runChecked(Command.of(argv)).stdout().trim();
        assertThat(out).isEqualTo("ok " + (argv.size() - 3));
    }

    static org.sansdk.lio.sync.SyncPlan coldStart() {
        String prefix = "iqn.2025-01.lab.home";
        List<org.sansdk.lio.design.LocalDisk> disks = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            disks.add(new org.sansdk.lio.design.LocalDisk("data-a-" + i, "/dev/disk/by-id/ata-PLACEHOLDER_DISK_A_" + i));
        }
        LioConfig backend = org.sansdk.lio.design.BackendTargetBuilder.config(new org.sansdk.lio.design.BackendTargetSpec(
                Iqn.parse(prefix + ":storage-a"), IpCidr.parse("10.10.10.1/24"), 3260, disks, Iqn.parse(prefix + ":initiator-b"),
                Chap.of("iscsi-repl-user", Secret.of("repl-pw-1")).withMutual("iscsi-target-user",
                        Secret.of("mutual-pw-2")), org.sansdk.lio.design.BackendTargetSpec.Discard.KEEP));
        org.sansdk.lio.design.ClientTargetSpec spec = new org.sansdk.lio.design.ClientTargetSpec(Iqn.parse(prefix
                + ":san-client-target"), List.of(org.sansdk.lio.design.ClientTpg.nonIscsi("enduser"),
                org.sansdk.lio.design.ClientTpg.iscsi("hypervisor", IpCidr.parse("10.40.40.10/24"), 3260, ZfsName.parse("san-pool/iscsi/hypervisor"),
                        new org.sansdk.lio.design.ClientTpg.Open(Chap.of("proxmox-shared", Secret.of("tpg-pw-3"))))));
        LioConfig target = org.sansdk.lio.design.ClientTargetBuilder.batch(spec, List.of(Iqn.parse(prefix + ":storage-a")))
                .applyTo(backend);
        return spec.planSync(target, List.of(org.sansdk.lio.sync.Zvol.of("san-pool/iscsi/hypervisor/vm-100-disk-0",
                org.sansdk.core.Size.parse("32G"))));
    }

    private static String hostile(Random r) {
        String[] parts = {"a", "Z", "0", "-", "_", ".", ":", " ", "\"", "\\", "/", "\n", "\t", "\u0001", "\u001f",
            "\u007f", "\u00e9", "\u00ff", "\u0100", "\u2028", "\u4e2d", "\ud83d\ude00", "NULL", "{", "}", "[", "]", ","};
        StringBuilder sb = new StringBuilder();
        int n = r.nextInt(8);
        for (int i = 0; i < n; i++) {
            sb.append(parts[r.nextInt(parts.length)]);
        }
        return sb.toString();
    }

    private static LioConfig randomConfig(Random r) {
        List<StorageObject> sos = new ArrayList<>();
        int n = 1 + r.nextInt(4);
        for (int i = 0; i < n; i++) {
            Map<String, Long> attrs = new LinkedHashMap<>();
            for (int a = 0; a < r.nextInt(5); a++) {
                attrs.put(hostile(r) + a, r.nextLong());
            }
            sos.add(new BlockStorageObject("so" + i + hostile(r), "/dev/" + hostile(r),
                    r.nextBoolean() ? Optional.of(hostile(r)) : Optional.empty(), Optional.of(r.nextBoolean()),
                    Optional.empty(), attrs, Optional.empty(), Map.of()));
        }
        Map<String, String> params = new LinkedHashMap<>();
        for (int p = 0; p < r.nextInt(4); p++) {
            params.put(hostile(r) + "k" + p, hostile(r));
        }
        Tpg tpg = new Tpg(r.nextInt(100), r.nextBoolean(), Map.of("authentication", 1L), params,
                List.of(new Lun(r.nextInt(65536), sos.get(0).path(), Optional.of(hostile(r)), Optional.empty(),
                        Map.of())),
                List.of(Portal.of(hostile(r), r.nextInt(70000))),
                List.of(NodeAcl.of(hostile(r)).withChap(Chap.of(hostile(r), Secret.of("pw" + hostile(r))))),
                Chap.NONE, Map.of());
        return new LioConfig(List.of(), sos, List.of(Target.iscsi(hostile(r), List.of(tpg))), Map.of());
    }
}
