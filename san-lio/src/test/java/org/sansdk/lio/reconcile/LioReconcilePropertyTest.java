package org.sansdk.lio.reconcile;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.sansdk.core.Secret;
import org.sansdk.lio.BlockStorageObject;
import org.sansdk.lio.Chap;
import org.sansdk.lio.CorpusAccess;
import org.sansdk.lio.LioConfig;
import org.sansdk.lio.Lun;
import org.sansdk.lio.MappedLun;
import org.sansdk.lio.NodeAcl;
import org.sansdk.lio.Portal;
import org.sansdk.lio.SaveconfigParser;
import org.sansdk.lio.Target;
import org.sansdk.lio.Tpg;
import org.sansdk.lio.sync.SyncPlan;

/**
 * Random day-two changes to recorded real saveconfig.json files (the corpus rtslib wrote on real hosts): the desired
 * state is the recorded one with 1-4 random changes (portals, ACLs with CHAP, TPGs, targets, attributes, parameters,
 * the enable flag, new block LUNs, LUNs renumbered in the desired state). The batch TEXT is applied to the recorded
 * configuration by {@link TargetcliScript}; then: planning again is empty, objects no change touched are unchanged,
 * no LUN or mapped LUN keeps a different number, and no password is in any printed form.
 */
class LioReconcilePropertyTest {
    static final List<String> FILES = org.sansdk.lio.Corpus.SAVECONFIGS;
    static final Pattern NAME = Pattern.compile("[A-Za-z0-9_.:\\-\\[\\]]+");

    record Case(String file, List<Integer> kinds, long seed, boolean remove) {
    }

    @Provide
    Arbitrary<Case> cases() {
        return Combinators.combine(Arbitraries.of(FILES), Arbitraries.integers().between(0, 11).list().ofMinSize(1)
                .ofMaxSize(4), Arbitraries.longs(), Arbitraries.of(false, true)).as(Case::new);
    }

    @Property(tries = 200, seed = "20261128")
    void reconcile_ofRandomChangesToRecordedConfigs_convergesTouchesNothingElseAndNeverRenumbers(
            @ForAll("cases") Case c) {
        LioConfig current = SaveconfigParser.parse(c.file(), CorpusAccess.saveconfig(c.file()));
        Random r = new Random(c.seed());
        LioConfig desired = current;
        List<String> passwords = new ArrayList<>();
        for (int kind : c.kinds()) {
            desired = mutate(desired, kind, r, passwords);
        }
        LioReconciler rec = LioReconciler.toward(desired).extras(c.remove() ? LioReconciler.Extras.REMOVE
                : LioReconciler.Extras.KEEP);
        SyncPlan p = rec.plan(current);
        net.jqwik.api.statistics.Statistics.collect(p.isEmpty() ? "empty plan" : "changes");
        LioConfig after = TargetcliScript.apply(current, p.batch().script());
        assertThat(rec.plan(after).changes()).as("re-plan after apply").isEmpty();
        for (String pw : passwords) {
            assertThat(p.toString()).doesNotContain(pw);
            assertThat(p.batch().redactedScript()).doesNotContain(pw);
            assertThat(p.toPlan("n").toString()).doesNotContain(pw);
        }
        // every recorded backstore is still there, unchanged (no change removes or edits one)
        assertThat(after.storageObjects()).containsAll(current.storageObjects());
        for (Target ct : current.targets()) {
            Target dt = desired.target(ct.wwn()).orElse(null);
            Target at = after.target(ct.wwn()).orElse(null);
            if (dt == null || !ct.fabric().equals("iscsi")) {
                if (!c.remove() || !ct.fabric().equals("iscsi")) {
                    assertThat(at).as("target outside the desired state").isEqualTo(ct);
                }
                continue;
            }
            for (Tpg ctpg : ct.tpgs()) {
                Tpg dtpg = dt.tpg(ctpg.tag()).orElse(null);
                Tpg atpg = at.tpg(ctpg.tag()).orElse(null);
                if (ctpg.equals(dtpg)) {
                    assertThat(atpg).as("untouched TPG " + ct.wwn() + " tpg" + ctpg.tag()).isEqualTo(ctpg);
                }
                if (atpg == null) {
                    continue;
                }
                for (Lun l : ctpg.luns()) {
                    atpg.luns().stream().filter(x -> x.storageObject().equals(l.storageObject())).forEach(x ->
                            assertThat(x.index()).as("LUN of " + l.storageObject()).isEqualTo(l.index()));
                    if (!c.remove()) {
                        assertThat(atpg.lun(l.index()).map(Lun::storageObject)).contains(l.storageObject());
                    }
                }
                for (NodeAcl a : ctpg.nodeAcls()) {
                    atpg.acl(a.nodeWwn()).ifPresent(aa -> {
                        for (MappedLun m : a.mappedLuns()) {
                            aa.mappedLuns().stream().filter(x -> x.tpgLun() == m.tpgLun()).forEach(x ->
                                    assertThat(x.index()).as("mapped LUN of " + a.nodeWwn()).isEqualTo(m.index()));
                        }
                    });
                }
            }
        }
    }

    private static LioConfig mutate(LioConfig cfg, int kind, Random r, List<String> passwords) {
        List<Target> iscsi = cfg.targets().stream().filter(t -> t.fabric().equals("iscsi") && NAME.matcher(t.wwn()).matches())
                .toList();
        if (kind == 11 || iscsi.isEmpty()) {
            String wwn = "iqn.2026-11.lab.change:t" + r.nextInt(1000);
            if (cfg.target(wwn).isPresent()) {
                return cfg;
            }
            return cfg.withTarget(Target.iscsi(wwn, List.of(Tpg.of(1 + r.nextInt(3))
                    .withPortals(List.of(Portal.of("10.60." + r.nextInt(250) + ".1", 3260))))));
        }
        Target t = iscsi.get(r.nextInt(iscsi.size()));
        if (t.tpgs().isEmpty() || kind == 6) {
            int tag = 1 + r.nextInt(8);
            return t.tpg(tag).isPresent() ? cfg : cfg.withTarget(t.withTpg(Tpg.of(tag)
                    .withPortals(List.of(Portal.of("10.61." + r.nextInt(250) + ".1", 3260)))));
        }
        Tpg tpg = t.tpgs().get(r.nextInt(t.tpgs().size()));
        Tpg out = switch (kind) {
            case 0 -> {
                List<Portal> ps = new ArrayList<>(tpg.portals());
                Portal np = Portal.of("10.62." + r.nextInt(250) + "." + (1 + r.nextInt(250)), 3260);
                if (ps.stream().noneMatch(x -> x.ipAddress().equals(np.ipAddress()))) {
                    ps.add(np);
                }
                yield tpg.withPortals(ps);
            }
            case 1 -> {
                List<Portal> ps = new ArrayList<>(tpg.portals());
                if (!ps.isEmpty()) {
                    ps.remove(r.nextInt(ps.size()));
                }
                yield tpg.withPortals(ps);
            }
            case 2 -> {
                String init = "iqn.2026-11.lab.change:init-" + r.nextInt(1000);
                if (tpg.acl(init).isPresent()) {
                    yield tpg;
                }
                String pw = "pw-" + Long.toHexString(r.nextLong());
                passwords.add(pw);
                NodeAcl a = NodeAcl.of(init).withChap(Chap.of("user" + r.nextInt(99), Secret.of(pw)));
                for (Lun l : tpg.luns()) {
                    if (tpg.nodeAcls().isEmpty() || r.nextBoolean()) {
                        a = a.plusMappedLun(MappedLun.of(l.index(), l.index()));
                    }
                }
                List<NodeAcl> acls = new ArrayList<>(tpg.nodeAcls());
                acls.add(a);
                yield tpg.withNodeAcls(acls);
            }
            case 3 -> {
                List<NodeAcl> acls = new ArrayList<>(tpg.nodeAcls());
                if (!acls.isEmpty()) {
                    acls.remove(r.nextInt(acls.size()));
                }
                yield tpg.withNodeAcls(acls);
            }
            case 4 -> tpg.withAttribute(r.nextBoolean() ? "authentication" : "generate_node_acls", r.nextInt(2));
            case 5 -> {
                List<NodeAcl> acls = new ArrayList<>(tpg.nodeAcls());
                String pw = "rot-" + Long.toHexString(r.nextLong());
                passwords.add(pw);
                if (acls.isEmpty()) {
                    yield tpg.withChap(Chap.of("tpguser", Secret.of(pw)));
                }
                int i = r.nextInt(acls.size());
                Chap chap = r.nextBoolean() ? Chap.of("rotated", Secret.of(pw))
                        : Chap.of("rotated", Secret.of(pw)).withMutual("target", Secret.of(pw + "m"));
                passwords.add(pw + "m");
                acls.set(i, acls.get(i).withChap(chap));
                yield tpg.withNodeAcls(acls);
            }
            case 7 -> {
                String name = "new-zvol-" + r.nextInt(1000);
                if (cfg.storageObject("/backstores/block/" + name).isPresent()) {
                    yield tpg;
                }
                cfg = cfg.plusStorageObject(BlockStorageObject.of(name, "/dev/zvol/pool/" + name).withWwn(
                        "00000000-0000-5000-8000-" + String.format("%012d", r.nextInt(1_000_000))));
                yield tpg.plusLun(Lun.of(r.nextInt(10), "/backstores/block/" + name));
            }
            case 8 -> {
                if (tpg.luns().isEmpty()) {
                    yield tpg;
                }
                List<Lun> luns = new ArrayList<>(tpg.luns());
                int i = r.nextInt(luns.size());
                Lun l = luns.get(i);
                luns.set(i, new Lun(l.index() + 1 + r.nextInt(20), l.storageObject(), l.alias(), l.aluaTgPtGpName(),
                        l.extra()));
                yield tpg.withLuns(luns);
            }
            case 9 -> new Tpg(tpg.tag(), tpg.enable(), tpg.attributes(), Map.of("HeaderDigest",
                    r.nextBoolean() ? "CRC32C,None" : "None"), tpg.luns(), tpg.portals(), tpg.nodeAcls(), tpg.chap(),
                    tpg.extra());
            default -> new Tpg(tpg.tag(), !tpg.enable(), tpg.attributes(), tpg.parameters(), tpg.luns(), tpg.portals(),
                    tpg.nodeAcls(), tpg.chap(), tpg.extra());
        };
        Target nt = cfg.target(t.wwn()).orElseThrow();
        return cfg.withTarget(nt.withTpg(out));
    }
}
