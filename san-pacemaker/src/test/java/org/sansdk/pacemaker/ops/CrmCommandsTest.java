package org.sansdk.pacemaker.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sansdk.core.Command;
import org.sansdk.pacemaker.Pacemaker;
import org.sansdk.pacemaker.ResourceNotFoundException;
import org.sansdk.pacemaker.Tools;

/** The pcs-free operations against a real CIB file (crm_attribute and crm_resource honour CIB_file). */
class CrmCommandsTest {

    @Test
    void argv_isPacemakersOwnTools_noPcs() {
        CrmCommands crm = CrmCommands.live();
        assertThat(crm.standby("storage-a").argv()).containsExactly("crm_attribute", "--node", "storage-a", "--name", "standby", "--update",
                "on", "--lifetime", "forever");
        assertThat(crm.unstandby("storage-a").argv()).containsExactly("crm_attribute", "--node", "storage-a", "--name", "standby", "--update",
                "off", "--lifetime", "forever");
        assertThat(crm.move("zfs-pool", "storage-b", Duration.ofMinutes(5)).argv()).containsExactly("crm_resource", "--move", "--resource",
                "zfs-pool", "--node", "storage-b", "--lifetime", "PT300S");
        assertThat(crm.clear("zfs-pool").argv()).containsExactly("crm_resource", "--clear", "--resource", "zfs-pool");
        assertThat(CrmCommands.file(Path.of("cib.xml")).standby("a").env()).containsEntry("CIB_file", "cib.xml");
    }

    @Test
    void badNamesAndLifetimes_areRefused() {
        assertThatThrownBy(() -> CrmCommands.live().standby("--all")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CrmCommands.live().move("a b", "n")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CrmCommands.live().move("r", "n", Duration.ofMillis(1500))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CrmCommands.live().move("r", "n", Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void standbyMoveClear_onARealCibFile(@TempDir Path dir) throws Exception {
        Path cib = dir.resolve("cib.xml");
        Files.writeString(cib, Tools.runOk(Command.of("cibadmin", "--empty")).stdout());
        for (String n : List.of("1:storage-a", "2:storage-b")) {
            String[] p = n.split(":");
            Tools.runOk(Command.builder("cibadmin").args("-C", "-o", "nodes", "-X", "<node id=\"" + p[0] + "\" uname=\"" + p[1] + "\"/>")
                    .env("CIB_file", cib.toString()).build());
        }
        Tools.runOk(Command.builder("cibadmin").args("-C", "-o", "resources", "-X",
                "<primitive id=\"zfs-pool\" class=\"ocf\" provider=\"pacemaker\" type=\"Dummy\"/>").env("CIB_file", cib.toString()).build());
        Pacemaker pm = Pacemaker.on(Tools.executor()).cibFile(cib);

        pm.crmStandby("storage-a");
        assertThat(Tools.runOk(pm.crm().standbyQuery("storage-a")).stdout()).contains("name=standby value=on");
        pm.crmUnstandby("storage-a");
        assertThat(Tools.runOk(pm.crm().standbyQuery("storage-a")).stdout()).contains("name=standby value=off");

        pm.crmMove("zfs-pool", "storage-b", Duration.ofMinutes(5));
        String xml = Files.readString(cib);
        assertThat(xml).contains("id=\"cli-prefer-zfs-pool\"").contains("value=\"storage-b\"");
        assertThat(xml).contains("cli-prefer-lifetime-end-zfs-pool").contains("operation=\"lt\"");
        pm.crmClear("zfs-pool");
        assertThat(Files.readString(cib)).doesNotContain("cli-prefer-zfs-pool");

        assertThatThrownBy(() -> pm.crmMove("no-such-rsc", "storage-b")).isInstanceOf(ResourceNotFoundException.class);
    }
}
