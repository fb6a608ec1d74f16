package org.sansdk.lio;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.sansdk.core.ParseException;

/** Mutated corpus files give a model or a located ParseException, nothing else (no NPE, no index errors). */
class SaveconfigMutationPropertyTest {

    record Mutation(String file, int kind, int position, int length, String insert, long seed) {
    }

    @Provide
    Arbitrary<Mutation> mutations() {
        return Combinators.combine(Arbitraries.of(Corpus.SAVECONFIGS), Arbitraries.integers().between(0, 6),
                Arbitraries.integers().between(0, 40_000), Arbitraries.integers().between(0, 200),
                Arbitraries.of("", "null", "1", "-1", "\"\"", "true", "[]", "{}", "\"x\"", ",", ":", "\"", "{", "]",
                        "99999999999999999999", "1.5", "\"NULL\"", "\\u0000", "\ud800"),
                Arbitraries.longs()).as(Mutation::new);
    }

    @Property(tries = 1500)
    void parse_mutatedCorpusFile_givesModelOrParseException(@ForAll("mutations") Mutation m) {
        String text = mutate(Corpus.saveconfig(m.file()), m);
        try {
            LioConfig cfg = SaveconfigParser.parse(m.file(), text);
            // a model must also validate and write without blowing up
            LioValidator.validate(cfg);
            assertThat(SaveconfigWriter.write(cfg)).isNotEmpty();
            // and whatever consumes a parsed config: Proxmox check, LUN sync, ACL sync (SanException at most)
            org.sansdk.lio.proxmox.ProxmoxConformance.checkAll(cfg);
            List<org.sansdk.lio.sync.Zvol> zvols = List.of(
                    new org.sansdk.lio.sync.Zvol("san-pool/iscsi/vm-100-disk-0", org.sansdk.core.Size.ofBytes(1 << 30)),
                    new org.sansdk.lio.sync.Zvol("san-pool/iscsi/vm-101-disk-0", org.sansdk.core.Size.ofBytes(1 << 30)));
            for (Target t : cfg.targets()) {
                for (Tpg tpg : t.tpgs()) {
                    consume(() -> org.sansdk.lio.proxmox.ProxmoxConformance.check(cfg,
                            new org.sansdk.lio.proxmox.ProxmoxStorage(t.wwn(), "tpg" + tpg.tag(), "san-pool/iscsi", null)));
                    consume(() -> org.sansdk.lio.sync.LunSyncPlanner.forTpg(t.wwn(), tpg.tag(), "san-pool/iscsi")
                            .removeMissing(true).fixMappedLuns(true).plan(cfg, zvols).after());
                    consume(() -> org.sansdk.lio.design.ClientAclSync.plan(cfg, t.wwn(), tpg.tag(), List.of(
                            new org.sansdk.lio.design.ClientVlan.InitiatorAcl("iqn.2025-01.lab.home:x",
                                    Chap.NONE)), true).after());
                }
            }
        } catch (ParseException e) {
            assertThat(e.source()).isEqualTo(m.file());
            assertThat(e.expected()).isNotBlank();
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
        int pos = Math.min(m.position(), text.length());
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
