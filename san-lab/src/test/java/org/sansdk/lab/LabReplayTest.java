package org.sansdk.lab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.sansdk.cluster.design.ClientService;
import org.sansdk.cluster.design.ClientVlanSpec;
import org.sansdk.cluster.design.IscsiAccess;
import org.sansdk.cluster.design.IscsiSettings;
import org.sansdk.cluster.design.SanDesign;
import org.sansdk.cluster.design.ZvolSpec;
import org.sansdk.core.Command;
import org.sansdk.core.CommandResult;
import org.sansdk.core.Executor;
import org.sansdk.core.Iqn;
import org.sansdk.core.SanException;
import org.sansdk.core.Size;
import org.sansdk.iscsi.Iscsiadm;
import org.sansdk.iscsi.SessionEntry;
import org.sansdk.iscsi.SessionList;
import org.sansdk.iscsi.SessionListParser;
import org.sansdk.lio.Lio;
import org.sansdk.lio.LioConfig;
import org.sansdk.lio.LunEntry;
import org.sansdk.lio.SaveconfigUnreadableException;

/** The lab's replay of iSCSI sessions and LIO, without a lab (pure rendering and routing). */
class LabReplayTest {

    private static String resource(String name) {
        try (InputStream in = LabReplayTest.class.getResourceAsStream("/replay/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    /** A recorder standing in for the real node: every command it sees, answered "real". */
    private static final class RealNode implements Executor {
        final List<Command> seen = new ArrayList<>();

        @Override
        public CommandResult run(Command c) {
            seen.add(c);
            return CommandResult.ok("real\n");
        }
    }

    @Test
    void sessions_storageNode_oneBackendSessionToThePeersTarget() {
        LabDesign d = LabDesign.standard();
        RealNode real = new RealNode();
        SessionList a = Iscsiadm.on(LabReplay.routing(d, "storage-a", real)).sessions();
        assertThat(a.sessions()).hasSize(1);
        SessionEntry e = a.sessions().get(0);
        assertThat(e.target()).isEqualTo("iqn.2025-01.lab.san:storage-b");
        assertThat(e.portal().address()).isEqualTo("10.99.10.2");
        assertThat(e.portal().port()).isEqualTo(3260);
        assertThat(e.portal().tpgt()).isEqualTo(1);
        SessionEntry b = Iscsiadm.on(LabReplay.routing(d, "storage-b", real)).sessions().sessions().get(0);
        assertThat(b.target()).isEqualTo("iqn.2025-01.lab.san:storage-a");
        assertThat(b.portal().address()).isEqualTo("10.99.10.1");
        assertThat(Iscsiadm.on(LabReplay.routing(d, "quorum", real)).sessions().noActiveSessions()).isTrue();
        assertThat(real.seen).isEmpty();
    }

    @Test
    void sessions_haveTheShapeOfRealIscsiadmLines() {
        String ours = LabReplay.sessions(LabDesign.standard(), "storage-a").stdout();
        List<String> real = new ArrayList<>();
        real.addAll(resource("insights-iscsiadm-m-session.txt").lines().toList());
        real.addAll(resource("orealyz-session-4.txt").lines().toList());
        assertThat(real).hasSize(6);
        String shape = "tcp: \\[[0-9]+\\] [0-9.]+:[0-9]+,[0-9]+ iqn\\.[0-9]{4}-[0-9]{2}\\.[a-z0-9.]+:[a-z0-9-]+ \\(non-flash\\)";
        assertThat(real).allMatch(l -> l.matches(shape));
        assertThat(ours.lines().toList()).hasSize(1).allMatch(l -> l.matches(shape));
        // and san-iscsi's parser reads the real lines as it reads ours
        assertThat(SessionListParser.parse("corpus", String.join("\n", real) + "\n").sessions()).hasSize(6);
    }

    @Test
    void lio_storageNode_backendTargetFromTheDesign() {
        Lio lio = Lio.on(LabReplay.routing(LabDesign.standard(), "storage-a", new RealNode()));
        LioConfig cfg = lio.config();
        assertThat(cfg.targets()).hasSize(1);
        assertThat(cfg.targets().get(0).wwn()).isEqualTo("iqn.2025-01.lab.san:storage-a");
        assertThat(lio.luns()).extracting(LunEntry::lun).containsExactly(0, 1);
        assertThat(lio.luns()).extracting(l -> l.device().orElseThrow()).containsExactly("/dev/disk/by-id/lab-a-0", "/dev/disk/by-id/lab-a-1");
        assertThat(cfg.targets().get(0).tpgs().get(0).nodeAcls()).extracting(org.sansdk.lio.NodeAcl::nodeWwn).containsExactly("iqn.2025-01.lab.san:initiator-b");
        assertThatThrownBy(() -> Lio.on(LabReplay.routing(LabDesign.standard(), "quorum", new RealNode())).config())
                .isInstanceOf(SaveconfigUnreadableException.class);
    }

    @Test
    void lio_designWithAnIscsiVlan_clientTargetCarriesTheDesignsZvols() {
        SanDesign base = LabDesign.standardBuilder().build();
        SanDesign withIscsi = base.toBuilder()
                .clientVlan(ClientVlanSpec.builder("hypervisor", 40).subnet("10.99.40.0/24").mtu(1500).vip("10.99.40.10/24")
                        .services(ClientService.ISCSI).access(new IscsiAccess.GenerateNodeAcls(Optional.empty())).dataset("iscsi").build())
                .zvol(new ZvolSpec("iscsi/vm-1", Size.parse("1G"), Optional.empty()))
                .zvol(new ZvolSpec("iscsi/vm-2", Size.parse("2G"), Optional.empty()))
                .iscsi(new IscsiSettings(Optional.of(Iqn.parse("iqn.2025-01.lab.san:client")), base.iscsi().replacementTimeout(),
                        base.iscsi().loginTimeout(), base.iscsi().noopOutInterval(), base.iscsi().noopOutTimeout(), Optional.empty()))
                .build();
        Lio lio = Lio.on(LabReplay.routing(new LabDesign(withIscsi), "storage-b", new RealNode()));
        List<LunEntry> client = lio.luns().stream().filter(l -> l.target().equals("iqn.2025-01.lab.san:client")).toList();
        assertThat(client).extracting(l -> l.device().orElseThrow()).containsExactly("/dev/zvol/lab-pool/iscsi/vm-1", "/dev/zvol/lab-pool/iscsi/vm-2");
        assertThat(lio.luns().stream().filter(l -> l.target().equals("iqn.2025-01.lab.san:storage-b")).count()).isEqualTo(2);
    }

    @Test
    void routing_everythingElseGoesToTheRealNode_targetcliChangesFail() {
        RealNode real = new RealNode();
        Executor x = LabReplay.routing(LabDesign.standard(), "storage-a", real);
        assertThat(x.run(Command.of("crm_mon", "-1")).stdout()).isEqualTo("real\n");
        assertThat(x.run(Command.of("cat", "--", "/etc/hostname")).stdout()).isEqualTo("real\n");
        assertThat(real.seen).extracting(Command::argv).containsExactly(List.of("crm_mon", "-1"), List.of("cat", "--", "/etc/hostname"));
        assertThat(x.run(Command.of("targetcli", "--version")).stdout()).isEqualTo("/usr/bin/targetcli version 2.1.53\n");
        assertThat(x.run(Command.of("targetcli", "/backstores/block", "create", "x", "/dev/x")).exitCode()).isEqualTo(1);
        assertThat(LabReplay.routing(LabDesign.standard(), "quorum", real).run(Command.of("targetcli", "--version")).exitCode()).isEqualTo(127);
        assertThatThrownBy(() -> x.run(Command.of("iscsiadm", "-m", "node"))).isInstanceOf(SanException.class)
                .hasMessageContaining("iscsiadm -m session");
    }
}
