package org.sansdk.lio.readme;

import org.sansdk.core.ZfsName;
import org.sansdk.core.IpCidr;
import org.sansdk.core.Iqn;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.sansdk.core.Plan;
import org.sansdk.core.Secret;
import org.sansdk.core.Size;
import org.sansdk.lio.Chap;
import org.sansdk.lio.Lio;
import org.sansdk.lio.LioConfig;
import org.sansdk.lio.SaveconfigFile;
import org.sansdk.lio.SaveconfigParser;
import org.sansdk.lio.SaveconfigWriter;
import org.sansdk.lio.design.BackendTargetBuilder;
import org.sansdk.lio.design.BackendTargetSpec;
import org.sansdk.lio.design.ClientTargetBuilder;
import org.sansdk.lio.design.ClientTargetSpec;
import org.sansdk.lio.design.ClientTpg;
import org.sansdk.lio.design.LocalDisk;
import org.sansdk.lio.proxmox.ProxmoxConformance;
import org.sansdk.lio.proxmox.ProxmoxLunService;
import org.sansdk.lio.proxmox.ProxmoxStorage;
import org.sansdk.lio.sync.BackstoreNaming;
import org.sansdk.lio.sync.LunSyncPlanner;
import org.sansdk.lio.sync.SyncPlan;
import org.sansdk.lio.sync.Zvol;
import org.sansdk.lio.targetcli.LioChange;
import org.sansdk.lio.targetcli.TargetcliBatch;

/** The README table's Java column, compiled from outside the module's packages (catches non-public API). */
class ReadmeTableTest {
    static final String IQN = "iqn.2025-01.lab.home:storage-a";
    static final String CLIENT = "iqn.2025-01.lab.home:san-client-target";

    @Test
    void tableRows_compileAndRunFromAnotherPackage() {
        List<LioChange> changes = List.of(
                new LioChange.CreateBlockBackstore("disk0", "/dev/sda", "serial-0", Map.of("emulate_tpu", 1L)),
                new LioChange.CreateIscsiTarget(IQN),
                new LioChange.CreateTpg(IQN, 2),
                new LioChange.DeletePortal(IQN, 1, "0.0.0.0", 3260),
                new LioChange.CreatePortal(IQN, 1, "10.10.10.1", 3260),
                new LioChange.SetTpgAttributes(IQN, 1, Map.of("authentication", 1L, "generate_node_acls", 0L)),
                new LioChange.CreateLun(IQN, 1, 0, "/backstores/block/disk0"),
                new LioChange.CreateAcl(IQN, 1, "iqn.2025-01.lab.home:initiator-b"),
                new LioChange.CreateMappedLun(IQN, 1, "iqn.2025-01.lab.home:initiator-b", 0, 0),
                new LioChange.SetAuth(IQN, 1, Optional.of("iqn.2025-01.lab.home:initiator-b"),
                        Chap.of("u", Secret.of("pw-1234567")).withMutual("m", Secret.of("pw-7654321"))),
                new LioChange.SetDiscoveryAuth(Chap.of("d", Secret.of("disc-pw-123"))));
        TargetcliBatch batch = TargetcliBatch.of(changes);
        Plan plan = batch.toPlan("storage-a", "title");
        assertThat(plan.steps()).hasSize(1);
        LioConfig cfg = batch.applyTo(LioConfig.empty());
        assertThat(SaveconfigParser.parse("x", SaveconfigWriter.write(cfg))).isEqualTo(cfg);
        assertThat(SaveconfigFile.writePlan("storage-a", SaveconfigFile.Distro.DEBIAN, cfg).steps()).hasSize(1);
        LioConfig less = TargetcliBatch.of(List.of(new LioChange.DeleteLun(IQN, 1, 0),
                new LioChange.DeleteBackstore("block", "disk0"))).applyTo(cfg);
        assertThat(less.storageObjects()).isEmpty();

        BackendTargetSpec backend = new BackendTargetSpec(Iqn.parse(IQN), IpCidr.parse("10.10.10.1/24"), 3260,
                List.of(new LocalDisk("data-a-0", "/dev/disk/by-id/ata-X")), Iqn.parse("iqn.2025-01.lab.home:initiator-b"),
                Chap.NONE, BackendTargetSpec.Discard.KEEP);
        assertThat(BackendTargetBuilder.config(backend).targets()).hasSize(1);
        ClientTpg hv = ClientTpg.iscsi("hypervisor", IpCidr.parse("10.40.40.10/24"), 3260, ZfsName.parse("san-pool/iscsi/hypervisor"),
                new ClientTpg.Open(Chap.NONE));
        ClientTargetSpec spec = new ClientTargetSpec(Iqn.parse(CLIENT), List.of(ClientTpg.nonIscsi("enduser"), hv));
        List<Zvol> zvols = List.of(Zvol.of("san-pool/iscsi/hypervisor/vm-100-disk-0", Size.ofBytes(1073741824L)));
        LioConfig client = ClientTargetBuilder.batch(spec, List.of(Iqn.parse(IQN))).applyTo(BackendTargetBuilder.config(backend));
        LunSyncPlanner planner = spec.planner(hv);
        SyncPlan sync = planner.plan(client, zvols);
        assertThat(sync.toPlan("storage-a").steps()).hasSize(1);
        planner.verify(sync.after(), zvols);
        assertThat(ClientTargetBuilder.coldStart(spec, List.of(Iqn.parse(IQN)), zvols).storageObjects()).hasSize(1);
        assertThat(spec.planSync(client, zvols).toPlan("storage-a").steps()).hasSize(1);
        assertThat(ClientTargetBuilder.reconcileAuth(client, spec).toPlan("storage-a").isEmpty()).isTrue();

        org.sansdk.core.RecordingExecutor dry = new org.sansdk.core.RecordingExecutor(
                c -> org.sansdk.core.CommandResult.ok(SaveconfigWriter.write(client)));
        Lio lio = Lio.on(dry).onHost("storage-a");
        assertThat(lio.config()).isEqualTo(client);
        assertThat(lio.writePlan(client).steps()).hasSize(1);
        assertThat(lio.luns()).hasSize(1);   // the backend target's one disk
        assertThat(lio.planSync(planner, zvols).changes()).isNotEmpty();
        assertThat(Lio.on(dry).at(SaveconfigFile.Distro.RHEL).path()).hasToString("/etc/target/saveconfig.json");
        ProxmoxStorage storage = new ProxmoxStorage(Iqn.parse(CLIENT), 2, ZfsName.parse("san-pool/iscsi/hypervisor"), "/dev/zvol");
        ProxmoxLunService svc = new ProxmoxLunService("storage-a", storage);
        ProxmoxLunService.Result r = svc.createLun(client, "/dev/zvol/san-pool/iscsi/hypervisor/vm-100-disk-0");
        assertThat(r.lun()).isZero();
        assertThat(svc.listLuns(r.after())).hasSize(1);
        assertThat(ProxmoxConformance.check(r.after(), storage)).isEmpty();
        assertThat(LunSyncPlanner.forTpg(Iqn.parse(CLIENT), 2, ZfsName.parse("san-pool/iscsi/hypervisor"))
                .naming(BackstoreNaming.proxmox(ZfsName.parse("san-pool/iscsi/hypervisor"))).plan(client, zvols).changes())
                .hasSize(2);
        assertThat(Size.ofBytes(1073741824L)).isEqualTo(zvols.get(0).volsize());
    }
}
