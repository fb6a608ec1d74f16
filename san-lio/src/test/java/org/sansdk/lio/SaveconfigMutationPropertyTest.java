package org.sansdk.lio;

import org.sansdk.core.ZfsName;
import org.sansdk.core.Iqn;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.time.Duration;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.sansdk.core.ParseException;

/** Mutated corpus files give a model or a located ParseException, nothing else (no NPE, no index errors). */
class SaveconfigMutationPropertyTest {

    /** {@code position} is in ten-thousandths of the input's length, so every cut lands inside the input. */
    record Mutation(String file, int kind, int position, int length, String insert, long seed) {
    }

    /** A large input: 600 block backstores, LUNs and two ACLs mapping them all (written by our writer as input). */
    static final String LARGE = "large-600-luns.json";
    private static final String LARGE_TEXT = large();

    private static String large() {
        List<StorageObject> sos = new ArrayList<>();
        List<Lun> luns = new ArrayList<>();
        List<MappedLun> mapped = new ArrayList<>();
        for (int i = 0; i < 600; i++) {
            sos.add(BlockStorageObject.of("vm-" + i + "-disk-0", "/dev/zvol/san-pool/iscsi/vm-" + i + "-disk-0")
                    .withAttribute("emulate_tpu", 1));
            luns.add(Lun.of(i, "/backstores/block/vm-" + i + "-disk-0"));
            mapped.add(MappedLun.of(i, i));
        }
        Tpg tpg = Tpg.of(1).withLuns(luns).withNodeAcls(List.of(
                NodeAcl.of("iqn.2025-01.lab.home:a").withMappedLuns(mapped),
                NodeAcl.of("iqn.2025-01.lab.home:b").withMappedLuns(mapped)
                        .withChap(Chap.of("u", org.sansdk.core.Secret.of("pw-large")))));
        return SaveconfigWriter.write(LioConfig.empty().withStorageObjects(sos)
                .withTarget(Target.iscsi("iqn.2025-01.lab.home:t", List.of(tpg))));
    }

    private static String input(String file) {
        return file.equals(LARGE) ? LARGE_TEXT : Corpus.saveconfig(file);
    }

    @Provide
    Arbitrary<Mutation> mutations() {
        List<String> files = new ArrayList<>(Corpus.SAVECONFIGS);
        files.add(LARGE);
        return Combinators.combine(Arbitraries.of(files), Arbitraries.integers().between(0, 6),
                Arbitraries.integers().between(0, 10_000), Arbitraries.integers().between(0, 200),
                Arbitraries.of("", "null", "1", "-1", "\"\"", "true", "[]", "{}", "\"x\"", ",", ":", "\"", "{", "]",
                        "99999999999999999999", "1.5", "\"NULL\"", "\\u0000", "\ud800"),
                Arbitraries.longs()).as(Mutation::new);
    }

    @Property(tries = 1500)
    void parse_mutatedCorpusFile_givesModelOrParseException(@ForAll("mutations") Mutation m) {
        String text = mutate(input(m.file()), m);
        assertTimeoutPreemptively(Duration.ofSeconds(10), () -> check(m, text));
    }

    private static void check(Mutation m, String text) {
        try {
            LioConfig cfg = SaveconfigParser.parse(m.file(), text);
            // a model must also validate and write without blowing up, and what it writes reads back to itself
            LioValidator.validate(cfg);
            String written = SaveconfigWriter.write(cfg);
            String again;
            try {
                again = SaveconfigWriter.write(SaveconfigParser.parse("rewritten", written));
            } catch (ParseException e) {
                throw new AssertionError("what we wrote does not read back: " + e.getMessage(), e);
            }
            assertThat(again).isEqualTo(written);
            // and whatever consumes a parsed config: Proxmox check, LUN sync, ACL sync (SanException at most)
            org.sansdk.lio.proxmox.ProxmoxConformance.checkAll(cfg);
            List<org.sansdk.lio.sync.Zvol> zvols = List.of(
                    org.sansdk.lio.sync.Zvol.of("san-pool/iscsi/vm-100-disk-0", org.sansdk.core.Size.ofBytes(1 << 30)),
                    org.sansdk.lio.sync.Zvol.of("san-pool/iscsi/vm-101-disk-0", org.sansdk.core.Size.ofBytes(1 << 30)));
            for (Target t : cfg.targets()) {
                Iqn iqn;
                try {
                    iqn = Iqn.parse(t.wwn());   // a typed API takes only valid names: others never reach it
                } catch (IllegalArgumentException notAnIqn) {
                    continue;
                }
                for (Tpg tpg : t.tpgs()) {
                    if (tpg.tag() < 1 || tpg.tag() > 65535) {
                        continue;
                    }
                    consume(() -> org.sansdk.lio.proxmox.ProxmoxConformance.check(cfg,
                            new org.sansdk.lio.proxmox.ProxmoxStorage(iqn, tpg.tag(), ZfsName.parse("san-pool/iscsi"), null)));
                    consume(() -> org.sansdk.lio.sync.LunSyncPlanner.forTpg(iqn, tpg.tag(), ZfsName.parse("san-pool/iscsi"))
                            .removeMissing().fixMappedLuns().plan(cfg, zvols).after());
                    consume(() -> org.sansdk.lio.design.ClientAclSync.plan(cfg, iqn, tpg.tag(), List.of(
                            new org.sansdk.lio.design.ClientTpg.InitiatorAcl(Iqn.parse("iqn.2025-01.lab.home:x"),
                                    Chap.NONE)), org.sansdk.lio.design.ClientAclSync.ExtraAcls.REMOVE).after());
                }
            }
        } catch (ParseException e) {
            assertThat(e.source()).isEqualTo(m.file());
            // lines counted from 1, and inside the input (one past the last line at most: "after the end")
            assertThat(e.line()).isBetween(1, (int) text.chars().filter(c -> c == '\n').count() + 1);
        }
    }

    /** Runs a consumer of the config: a typed SanException (refusal) is fine, anything else fails the property. */
    private static void consume(Runnable r) {
        try {
            r.run();
        } catch (org.sansdk.core.SanException e) {
            assertThat(e.getMessage()).isNotBlank();
        }
    }

    static String mutate(String text, Mutation m) {
        int pos = (int) ((long) text.length() * m.position() / 10_000);
        int end = Math.min(text.length(), pos + m.length());
        Random r = new Random(m.seed());
        switch (m.kind()) {
            case 0:
                return text.substring(0, pos); // truncation
            case 1:
                return text.substring(0, pos) + text.substring(end); // deletion
            case 2:
                return text.substring(0, pos) + m.insert() + text.substring(pos); // insertion
            case 3:
                return text.substring(0, pos) + m.insert() + text.substring(end); // replacement
            case 4: { // line shuffle
                List<String> lines = new ArrayList<>(text.lines().toList());
                Collections.shuffle(lines, r);
                return String.join("\n", lines.subList(0, Math.min(lines.size(), 1 + m.length())));
            }
            case 5: { // replace a value after a key with the insert
                int colon = text.indexOf(": ", pos);
                if (colon < 0) {
                    return text;
                }
                int stop = text.indexOf('\n', colon);
                return text.substring(0, colon + 2) + (m.insert().isEmpty() ? "0" : m.insert())
                        + (stop < 0 ? "" : (text.charAt(stop - 1) == ',' || text.charAt(Math.max(0, stop - 2)) == ','
                        ? "," : "") + text.substring(stop));
            }
            default: { // byte-level noise
                char[] c = text.toCharArray();
                for (int i = 0; i < 1 + m.length() / 20 && c.length > 0; i++) {
                    c[r.nextInt(c.length)] = (char) r.nextInt(128);
                }
                return new String(c);
            }
        }
    }
}
