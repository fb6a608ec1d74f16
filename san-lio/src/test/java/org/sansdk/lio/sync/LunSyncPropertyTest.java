package org.sansdk.lio.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.sansdk.lio.BlockStorageObject;
import org.sansdk.lio.LioConfig;
import org.sansdk.lio.LioValidator;
import org.sansdk.lio.Lun;
import org.sansdk.lio.MappedLun;
import org.sansdk.lio.NodeAcl;
import org.sansdk.lio.StorageObject;
import org.sansdk.lio.Tpg;

/** The sync's promises over random histories of zvols appearing and disappearing. */
class LunSyncPropertyTest {
    static final String IQN = LunSyncPlannerTest.IQN;
    static final String DS = LunSyncPlannerTest.DS;

    @Property(tries = 300)
    void sync_randomHistory_neverRenumbersAndConverges(
            @ForAll @Size(min = 1, max = 6) List<@Size(max = 12) Set<@IntRange(min = 0, max = 15) Integer>> rounds,
            @ForAll boolean removeMissing) {
        LioConfig cfg = LunSyncPlannerTest.aclTarget();
        for (Set<Integer> round : rounds) {
            List<Zvol> zvols = new ArrayList<>();
            for (int i : new TreeSet<>(round)) {
                zvols.add(LunSyncPlannerTest.z("vm-" + i + "-disk-0", "1G"));
            }
            Map<String, Integer> before = lunsByDev(cfg);
            LunSyncPlanner planner = LunSyncPlanner.forTpg(IQN, 2, DS).removeMissing(removeMissing);
            SyncPlan plan = planner.plan(cfg, zvols);
            LioConfig after = plan.after();
            Map<String, Integer> now = lunsByDev(after);
            // 1. a LUN that stays keeps its number
            before.forEach((dev, lun) -> {
                if (now.containsKey(dev)) {
                    assertThat(now.get(dev)).isEqualTo(lun);
                }
            });
            // 2. every zvol is exported; vanished ones only disappear when asked
            for (Zvol z : zvols) {
                assertThat(now).containsKey(z.devicePath());
            }
            if (!removeMissing) {
                assertThat(now.keySet()).containsAll(before.keySet());
            }
            // 3. ACLs see every LUN under its own number
            Tpg tpg = after.target(IQN).orElseThrow().tpg(2).orElseThrow();
            for (NodeAcl acl : tpg.nodeAcls()) {
                assertThat(acl.mappedLuns()).allSatisfy(m -> assertThat(m.index()).isEqualTo(m.tpgLun()));
                assertThat(acl.mappedLuns().stream().map(MappedLun::tpgLun).sorted().toList())
                        .isEqualTo(tpg.luns().stream().map(Lun::index).sorted().toList());
            }
            // 4. valid, and re-planning is empty
            assertThat(LioValidator.validate(after)).isEmpty();
            assertThat(planner.plan(after, zvols).changes()).isEmpty();
            cfg = after;
        }
    }

    private static Map<String, Integer> lunsByDev(LioConfig cfg) {
        Map<String, Integer> out = new HashMap<>();
        Map<String, String> devByPath = new HashMap<>();
        for (StorageObject so : cfg.storageObjects()) {
            if (so instanceof BlockStorageObject b) {
                devByPath.put(b.path(), b.dev());
            }
        }
        for (Lun l : cfg.target(IQN).orElseThrow().tpg(2).orElseThrow().luns()) {
            out.put(devByPath.get(l.storageObject()), l.index());
        }
        return out;
    }
}
