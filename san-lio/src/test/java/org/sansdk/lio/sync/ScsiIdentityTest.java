package org.sansdk.lio.sync;

import org.sansdk.core.ZfsName;
import org.sansdk.core.Iqn;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.sansdk.core.Command;
import org.sansdk.core.Size;
import org.sansdk.core.testing.RealTools;
import org.sansdk.core.testing.TestExecutors;
import org.sansdk.lio.BlockStorageObject;
import org.sansdk.lio.LioConfig;
import org.sansdk.lio.Target;
import org.sansdk.lio.Tpg;

/** The unit serial both nodes give a zvol's backstore: a pinned RFC 4122 UUIDv5, checked against CPython's uuid. */
class ScsiIdentityTest {
    /** Pinned: changing it would give every zvol a new SCSI identity on nodes running different SDK versions. */
    static final String NAMESPACE = "5f3a3c9e-5a1b-4c6e-9d0f-2b7e8c4a1d53";
    static final String IQN = LunSyncPlannerTest.IQN;
    static final String DS = LunSyncPlannerTest.DS;

    @Test
    void unitSerial_isPythonUuid5OfTheZvolName() {
        RealTools.requireFrom("python3", "python3");
        List<String> names = List.of(DS + "/vm-100-disk-0", DS + "/vm-101-disk-0", "tank/a", "p/\u00e9 x:y.z_1");
        List<String> argv = new ArrayList<>(List.of("python3", "-c",
                "import sys, uuid\nfor n in sys.argv[1:]: print(uuid.uuid5(uuid.UUID('" + NAMESPACE + "'), n))"));
        argv.addAll(names);
        List<String> python = TestExecutors.local().runChecked(Command.of(argv)).stdout().lines().toList();
        assertThat(names.stream().map(ScsiIdentity::unitSerial).toList()).isEqualTo(python);
    }

    @Test
    void plan_sameZvolOnBothNodes_getsTheSameSerialWhateverElseEachNodeHas() {
        Zvol vm = Zvol.of(DS + "/vm-100-disk-0", Size.parse("32G"));
        // node A already exports other disks under other numbers; node B starts empty
        LioConfig nodeA = LioConfig.empty().plusStorageObject(BlockStorageObject.of("old", "/dev/sdq"))
                .withTarget(Target.iscsi(IQN, List.of(Tpg.of(2).withAttribute("generate_node_acls", 1))));
        nodeA = LunSyncPlanner.forTpg(Iqn.parse(IQN), 2, ZfsName.parse(DS)).plan(nodeA, List.of(Zvol.of(DS + "/aaa", Size.parse("1G"))))
                .after();
        LioConfig nodeB = LioConfig.empty()
                .withTarget(Target.iscsi(IQN, List.of(Tpg.of(2).withAttribute("generate_node_acls", 1))));
        String onA = serialOf(LunSyncPlanner.forTpg(Iqn.parse(IQN), 2, ZfsName.parse(DS)).plan(nodeA, List.of(vm)).after(), vm);
        String onB = serialOf(LunSyncPlanner.forTpg(Iqn.parse(IQN), 2, ZfsName.parse(DS)).plan(nodeB, List.of(vm)).after(), vm);
        assertThat(onA).isEqualTo(onB).isEqualTo(ScsiIdentity.unitSerial(vm.name().toString()));
        assertThat(ScsiIdentity.naaFor(onA)).isEqualTo(ScsiIdentity.naaFor(onB)).startsWith("naa.6001405");
    }

    private static String serialOf(LioConfig cfg, Zvol z) {
        return cfg.storageObjects().stream().filter(so -> so instanceof BlockStorageObject b
                        && b.dev().equals(z.devicePath())).map(so -> ((BlockStorageObject) so).wwn().orElseThrow())
                .findFirst().orElseThrow();
    }
}
