package org.sansdk.lio.sync;

import org.sansdk.core.ZfsName;
import org.sansdk.core.Iqn;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.sansdk.core.Size;
import org.sansdk.lio.BlockStorageObject;
import org.sansdk.lio.LioConfig;
import org.sansdk.lio.Lun;
import org.sansdk.lio.MappedLun;
import org.sansdk.lio.NodeAcl;
import org.sansdk.lio.StorageObject;
import org.sansdk.lio.Target;
import org.sansdk.lio.Tpg;

/**
 * The sync's promises over random histories of zvols appearing and disappearing, checked WITHOUT our own
 * {@code LioChange.apply}: the generated targetcli script is run through an independent interpreter of its
 * lines (the way LIO/rtslib treat them), the next round's configuration is built from that interpreter's state
 * with the model's public constructors, and every invariant is computed from the inputs:
 * <ul>
 * <li>no LUN index of a zvol that is still listed changes, and nothing else of a foreign LUN changes;</li>
 * <li>each new zvol (in name order) gets the lowest index not used by any TPG LUN (deleted ones included) nor
 * as a mapped LUN number by any ACL;</li>
 * <li>every ACL maps every zvol LUN under its own number (mapped LUN = TPG LUN index);</li>
 * <li>LUNs of vanished zvols go only with removeMissing and a non-empty listing;</li>
 * <li>planning again on the interpreted result is empty.</li>
 * </ul>
 */
class LunSyncPropertyTest {
    static final String IQN = LunSyncPlannerTest.IQN;
    static final String DS = LunSyncPlannerTest.DS;
    static final String A = LunSyncPlannerTest.A;
    static final String B = LunSyncPlannerTest.B;
    static final String ZVOL_DEV = "/dev/zvol/" + DS + "/";

    /** Foreign (non-zvol) LUNs already in the TPG; {@code skewed} ones are mapped in ACL B as index+5. */
    record Foreign(int index, boolean skewed) {
    }

    record History(List<Foreign> foreign, List<Set<Integer>> rounds, boolean removeMissing) {
    }

    @Provide
    Arbitrary<History> histories() {
        Arbitrary<List<Foreign>> foreign = Combinators.combine(Arbitraries.integers().between(0, 40),
                Arbitraries.of(true, false)).as(Foreign::new).list().ofMaxSize(8)
                .uniqueElements(Foreign::index);
        Arbitrary<Set<Integer>> small = Arbitraries.integers().between(0, 15).set().ofMaxSize(12);
        // some large listings: hundreds of zvols, numbers past the skewed mappings
        Arbitrary<Set<Integer>> large = Arbitraries.integers().between(0, 2000).set().ofMinSize(100).ofMaxSize(400);
        Arbitrary<Set<Integer>> round = Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(9, small),
                net.jqwik.api.Tuple.of(1, large));
        return Combinators.combine(foreign, round.list().ofMinSize(1).ofMaxSize(6), Arbitraries.of(true, false))
                .as(History::new);
    }

    @Property(tries = 200)
    void sync_randomHistory_keepsNumbersUsesLowestFreeAndConverges_checkedByAnIndependentInterpreter(
            @ForAll("histories") History h) {
        assertTimeoutPreemptively(Duration.ofSeconds(20), () -> runHistory(h));
    }

    private static void runHistory(History h) {
        Model model = Model.initial(h.foreign());
        for (Set<Integer> round : h.rounds()) {
            List<Zvol> zvols = new ArrayList<>();
            for (int i : round) {
                zvols.add(Zvol.of(DS + "/vm-" + i + "-disk-0", Size.parse("1G")));
            }
            Model before = model.copy();
            LunSyncPlanner planner = LunSyncPlanner.forTpg(Iqn.parse(IQN), 2, ZfsName.parse(DS));
            if (h.removeMissing()) {
                planner.removeMissing();
            }
            SyncPlan plan = planner.plan(before.toConfig(), zvols);
            model = before.copy();
            model.run(plan.batch().script());
            check(before, model, zvols, h.removeMissing());
            // converged: the interpreted result needs nothing more
            assertThat(planner.plan(model.toConfig(), zvols).changes()).isEmpty();
        }
    }

    private static void check(Model before, Model after, List<Zvol> zvols, boolean removeMissing) {
        Set<String> listed = new TreeSet<>();
        for (Zvol z : zvols) {
            listed.add(ZVOL_DEV + z.name().toString().substring(DS.length() + 1));
        }
        boolean removes = removeMissing && !zvols.isEmpty();
        // existing LUNs: a listed zvol or a foreign disk keeps its number; a vanished zvol's LUN goes only if asked
        for (Map.Entry<Integer, String> e : before.luns.entrySet()) {
            String dev = before.backstores.get(e.getValue());
            boolean zvolLun = dev.startsWith(ZVOL_DEV);
            if (!zvolLun || listed.contains(dev)) {
                assertThat(after.luns.get(e.getKey())).as("LUN %d", e.getKey()).isEqualTo(e.getValue());
                assertThat(after.backstores.get(e.getValue())).isEqualTo(dev);
            } else {
                assertThat(after.luns.containsKey(e.getKey())).as("vanished zvol's LUN %d kept", e.getKey())
                        .isEqualTo(!removes);
            }
        }
        // new zvols: lowest indexes free in the TPG (before this plan) and as mapped numbers in every ACL
        Set<Integer> used = new TreeSet<>(before.luns.keySet());
        before.acls.values().forEach(m -> used.addAll(m.keySet()));
        Set<String> exported = new TreeSet<>();
        before.luns.values().forEach(bs -> exported.add(before.backstores.get(bs)));
        int next = 0;
        for (Zvol z : zvols.stream().sorted(java.util.Comparator.comparing(Zvol::name)).toList()) {
            String dev = ZVOL_DEV + z.name().toString().substring(DS.length() + 1);
            List<Integer> at = after.lunsOf(dev);
            assertThat(at).as("LUNs exporting %s", dev).hasSize(1);
            if (!exported.contains(dev)) {
                while (used.contains(next)) {
                    next++;
                }
                assertThat(at.get(0)).as("index of new zvol %s", z.name()).isEqualTo(next);
                next++;
            }
            // every ACL sees it under its own number
            for (Map.Entry<String, TreeMap<Integer, Integer>> acl : after.acls.entrySet()) {
                assertThat(acl.getValue().get(at.get(0))).as("%s mapped LUN %d", acl.getKey(), at.get(0))
                        .isEqualTo(at.get(0));
            }
        }
        // foreign mappings untouched
        for (Map.Entry<String, TreeMap<Integer, Integer>> acl : before.acls.entrySet()) {
            acl.getValue().forEach((m, t) -> {
                if (!before.backstores.get(before.luns.get(t)).startsWith(ZVOL_DEV)) {
                    assertThat(after.acls.get(acl.getKey()).get(m)).isEqualTo(t);
                }
            });
        }
    }

    /** What LIO holds for tpg2, kept by interpreting targetcli lines (not by LioChange.apply). */
    static final class Model {
        final TreeMap<String, String> backstores = new TreeMap<>(); // name -> dev
        final TreeMap<String, String> wwns = new TreeMap<>(); // name -> unit serial
        final TreeMap<Integer, String> luns = new TreeMap<>(); // index -> backstore name
        final Map<String, TreeMap<Integer, Integer>> acls = new LinkedHashMap<>(); // initiator -> mapped -> tpg LUN

        static Model initial(List<Foreign> foreign) {
            Model m = new Model();
            m.acls.put(A, new TreeMap<>());
            m.acls.put(B, new TreeMap<>());
            for (Foreign f : foreign) {
                String name = "sd" + f.index();
                m.backstores.put(name, "/dev/disk/by-id/foreign-" + f.index());
                m.luns.put(f.index(), name);
                m.acls.get(A).put(f.index(), f.index());
                m.acls.get(B).put(f.skewed() ? f.index() + 5 : f.index(), f.index());
            }
            // a skewed number may land on another foreign LUN's own number in B: keep B's map consistent
            return m.acls.get(B).size() == foreign.size() ? m : initial(foreign.stream()
                    .map(f -> new Foreign(f.index(), false)).toList());
        }

        Model copy() {
            Model m = new Model();
            m.backstores.putAll(backstores);
            m.wwns.putAll(wwns);
            m.luns.putAll(luns);
            acls.forEach((k, v) -> m.acls.put(k, new TreeMap<>(v)));
            return m;
        }

        List<Integer> lunsOf(String dev) {
            List<Integer> out = new ArrayList<>();
            luns.forEach((i, bs) -> {
                if (dev.equals(backstores.get(bs))) {
                    out.add(i);
                }
            });
            return out;
        }

        LioConfig toConfig() {
            List<StorageObject> sos = new ArrayList<>();
            backstores.forEach((name, dev) -> {
                BlockStorageObject b = BlockStorageObject.of(name, dev);
                sos.add(wwns.containsKey(name) ? b.withWwn(wwns.get(name)) : b);
            });
            List<Lun> l = new ArrayList<>();
            luns.forEach((i, bs) -> l.add(Lun.of(i, "/backstores/block/" + bs)));
            List<NodeAcl> a = new ArrayList<>();
            acls.forEach((init, map) -> {
                List<MappedLun> ml = new ArrayList<>();
                map.forEach((m, t) -> ml.add(MappedLun.of(m, t)));
                a.add(NodeAcl.of(init).withMappedLuns(ml));
            });
            Tpg tpg = Tpg.of(2).withLuns(l).withNodeAcls(a);
            return LioConfig.empty().withStorageObjects(sos).withTarget(Target.iscsi(IQN, List.of(tpg)));
        }

        private static final String TPG = Pattern.quote("/iscsi/" + IQN + "/tpg2");
        private static final Pattern BS_CREATE = Pattern.compile(
                "/backstores/block create name=(\\S+) dev=(\\S+) wwn=(\\S+)");
        private static final Pattern BS_ATTR = Pattern.compile("/backstores/block/(\\S+) set attribute emulate_tpu=1");
        private static final Pattern BS_DELETE = Pattern.compile("/backstores/block delete name=(\\S+)");
        private static final Pattern LUN_CREATE = Pattern.compile(TPG
                + "/luns create storage_object=/backstores/block/(\\S+) lun=(\\d+) add_mapped_luns=false");
        private static final Pattern LUN_DELETE = Pattern.compile(TPG + "/luns delete lun=(\\d+)");
        private static final Pattern MAP_CREATE = Pattern.compile(TPG
                + "/acls/(\\S+) create mapped_lun=(\\d+) tpg_lun_or_backstore=(\\d+) write_protect=false");

        /** Runs a targetcli batch the way LIO does; a line this interpreter does not know fails the test. */
        void run(String script) {
            List<String> lines = script.lines().toList();
            assertThat(lines.subList(lines.size() - 2, lines.size())).containsExactly("saveconfig", "exit");
            for (String line : lines.subList(0, lines.size() - 2)) {
                Matcher m;
                if ((m = BS_CREATE.matcher(line)).matches()) {
                    assertThat(backstores).as(line).doesNotContainKey(m.group(1));
                    backstores.put(m.group(1), m.group(2));
                    wwns.put(m.group(1), m.group(3));
                } else if ((m = BS_ATTR.matcher(line)).matches()) {
                    assertThat(backstores).as(line).containsKey(m.group(1));
                } else if ((m = BS_DELETE.matcher(line)).matches()) {
                    // rtslib deletes the LUNs exporting it (and their mappings) too
                    String name = m.group(1);
                    assertThat(backstores).as(line).containsKey(name);
                    new ArrayList<>(luns.entrySet()).stream().filter(e -> e.getValue().equals(name))
                            .forEach(e -> deleteLun(e.getKey()));
                    backstores.remove(name);
                    wwns.remove(name);
                } else if ((m = LUN_CREATE.matcher(line)).matches()) {
                    int index = Integer.parseInt(m.group(2));
                    assertThat(luns).as(line).doesNotContainKey(index);
                    assertThat(backstores).as(line).containsKey(m.group(1));
                    luns.put(index, m.group(1));
                } else if ((m = LUN_DELETE.matcher(line)).matches()) {
                    int index = Integer.parseInt(m.group(1));
                    assertThat(luns).as(line).containsKey(index);
                    deleteLun(index);
                } else if ((m = MAP_CREATE.matcher(line)).matches()) {
                    TreeMap<Integer, Integer> acl = acls.get(m.group(1));
                    assertThat(acl).as(line).isNotNull();
                    int mapped = Integer.parseInt(m.group(2));
                    int tpgLun = Integer.parseInt(m.group(3));
                    assertThat(acl).as(line).doesNotContainKey(mapped);
                    assertThat(luns).as(line).containsKey(tpgLun);
                    acl.put(mapped, tpgLun);
                } else {
                    fail("the sync emitted a line this test does not expect: " + line);
                }
            }
        }

        /** LIO removes every ACL's mapping of a deleted TPG LUN. */
        private void deleteLun(int index) {
            luns.remove(index);
            acls.values().forEach(acl -> acl.values().removeIf(t -> t == index));
        }
    }
}
