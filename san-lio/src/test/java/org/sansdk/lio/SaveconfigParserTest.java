package org.sansdk.lio;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.sansdk.lio.json.JsonValue;

class SaveconfigParserTest {

    @Test
    void parse_yastFixture_readsTpg5AndMappedLun7PointingAtLun0() {
        LioConfig cfg = SaveconfigParser.parse("f", Corpus.saveconfig("yast-lio-server-fixture-tpg5-mapped-lun7.json"));
        Target t = cfg.targets().get(0);
        assertThat(t.wwn()).isEqualTo("iqn.2018-01.suse.com.lszhu.target");
        Tpg tpg = t.tpg(5).orElseThrow();
        assertThat(tpg.portals()).extracting(Portal::ipAddress, Portal::port)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("192.168.100.12", 1234),
                        org.assertj.core.groups.Tuple.tuple("192.168.101.12", 1234));
        MappedLun m = tpg.nodeAcls().get(0).mappedLuns().get(0);
        assertThat(m.index()).isEqualTo(7);
        assertThat(m.tpgLun()).isEqualTo(0);
        assertThat(m.alias()).contains("a7e429107d");
        FileioStorageObject so = (FileioStorageObject) cfg.storageObjects().get(0);
        assertThat(so.name()).isEqualTo("var-tmp-target.raw");
        assertThat(so.size()).contains(1048576L);
        assertThat(so.writeBack()).contains(false);
        assertThat(so.attributes()).containsEntry("queue_depth", 128L).containsEntry("emulate_tpu", 0L);
        assertThat(so.aluaTpgs().orElseThrow().get(0).name()).isEqualTo("default_tg_pt_gp");
        assertThat(tpg.parameters()).containsEntry("AuthMethod", "CHAP,None");
    }

    @Test
    void parse_multiTargetChap_readsTpgAndAclChapAsSecrets() {
        LioConfig cfg = SaveconfigParser.parse("f", Corpus.saveconfig("yast-multi-target-chap.json"));
        Target t = cfg.target("iqn.2016-12.suse.com.target1").orElseThrow();
        assertThat(t.tpgs()).extracting(Tpg::tag).containsExactly(8, 1, 3);
        Tpg tpg1 = t.tpg(1).orElseThrow();
        assertThat(tpg1.chap().hasCredentials()).isTrue();
        assertThat(tpg1.chap().hasMutual()).isTrue();
        assertThat(tpg1.chap().password().orElseThrow().reveal()).isEqualTo("lszhu");
        assertThat(tpg1.chap().mutualPassword().orElseThrow().reveal()).isEqualTo("test");
        assertThat(tpg1.chap().toString()).isEqualTo("Chap[userid=lszhu, password=****, mutualUserid=test, mutualPassword=****]");
        NodeAcl eui = tpg1.acl("eui.a2014567a425a78d").orElseThrow();
        assertThat(eui.toString()).doesNotContain("euimutualpassword").contains("euimutualuserid");
        assertThat(cfg.targets()).extracting(Target::wwn).contains("eui.b2004567a425678d");
        assertThat(tpg1.luns()).extracting(Lun::storageObject).contains("/backstores/fileio/iscsi_file3");
    }

    @Test
    void parse_oldRtslib_hasNoAluaTpgsAndNoPortalOffload() {
        LioConfig cfg = SaveconfigParser.parse("f", Corpus.saveconfig("pengyun-old-rtslib-chap.json"));
        BlockStorageObject so = (BlockStorageObject) cfg.storageObjects().get(0);
        assertThat(so.aluaTpgs()).isEmpty();
        assertThat(so.dev()).isEqualTo("/pyd/dev0");
        Tpg tpg = cfg.targets().get(0).tpgs().get(0);
        assertThat(tpg.portals().get(0).offload()).isEmpty();
        assertThat(tpg.luns().get(0).alias()).isEmpty();
        assertThat(tpg.parameters()).containsEntry("IFMarkInt", "2048~65535");
        // the fixture's ACL: "chap_password": "312", "chap_userid": "312", no mutual CHAP
        NodeAcl acl = tpg.nodeAcls().get(0);
        assertThat(acl.nodeWwn()).isEqualTo("iqn.2003-01.zettor:255.255.255.255");
        assertThat(acl.chap().userid()).contains("312");
        assertThat(acl.chap().password().map(org.sansdk.core.Secret::reveal)).contains("312");
        assertThat(acl.chap().mutualUserid()).isEmpty();
        assertThat(acl.chap().mutualPassword()).isEmpty();
    }

    @Test
    void parse_fcoeFile_readsNaaTargetsAndCustomAluaGroup() {
        LioConfig cfg = SaveconfigParser.parse("f", Corpus.saveconfig("tcm-scripts-fcoe-alua.json"));
        assertThat(cfg.targets()).extracting(Target::fabric).containsOnly("tcm_fc");
        assertThat(cfg.targets().get(0).wwn()).isEqualTo("naa.20000cfd3762c308");
        Tpg tpg = cfg.targets().get(0).tpgs().get(0);
        assertThat(tpg.attributes()).isEmpty();
        assertThat(tpg.luns().get(0).aluaTgPtGpName()).contains("secondary_tg_pt_gp");
        AluaGroup secondary = cfg.storageObjects().get(0).aluaTpgs().orElseThrow().stream()
                .filter(g -> g.name().equals("secondary_tg_pt_gp")).findFirst().orElseThrow();
        assertThat(secondary.tgPtGpId()).isEqualTo(16L);
        assertThat(secondary.settings()).containsEntry("alua_access_state", 1L).containsEntry("alua_access_type", 1L);
    }

    @Test
    void parse_saltFormula_keepsDescendingLunOrder() {
        LioConfig cfg = SaveconfigParser.parse("f", Corpus.saveconfig("opensuse-salt-formulas-fileio-3luns-2acls.json"));
        Target t = cfg.targets().get(0);
        assertThat(t.parameters()).containsEntry("cmd_completion_affinity", "-1");
        assertThat(t.tpgs().get(0).luns()).extracting(Lun::index).containsExactly(3, 2, 1);
        assertThat(((FileioStorageObject) cfg.storageObjects().get(0)).aio()).contains(false);
    }

    @Test
    void parse_ramdiskAndUserBackstores_readTheirPluginFieldsAndRoundTripByteForByte() {
        // the rtslib layout (sorted keys, 2-space indent, trailing newline) with the keys rtslib's dump() writes
        String text = String.join("\n",
                "{",
                "  \"fabric_modules\": [],",
                "  \"storage_objects\": [",
                "    {",
                "      \"attributes\": {",
                "        \"block_size\": 512",
                "      },",
                "      \"name\": \"rd0\",",
                "      \"nullio\": true,",
                "      \"plugin\": \"ramdisk\",",
                "      \"size\": 1073741824,",
                "      \"wwn\": \"0b5c3f1e-7d2a-4c55-9e1f-6a7b8c9d0e1f\"",
                "    },",
                "    {",
                "      \"config\": \"qcow//var/lib/vm.qcow2\",",
                "      \"control\": \"max_data_area_mb=8\",",
                "      \"hw_max_sectors\": 128,",
                "      \"name\": \"usr0\",",
                "      \"plugin\": \"user\",",
                "      \"size\": 2147483648,",
                "      \"wwn\": \"f00dfeed-0000-4000-8000-000000000001\"",
                "    }",
                "  ],",
                "  \"targets\": []",
                "}",
                "");
        ParsedSaveconfig doc = SaveconfigParser.parseDocument("f", text);
        RamdiskStorageObject rd = (RamdiskStorageObject) doc.config().storageObjects().get(0);
        assertThat(rd.nullio()).contains(true);
        assertThat(rd.size()).contains(1073741824L);
        assertThat(rd.wwn()).contains("0b5c3f1e-7d2a-4c55-9e1f-6a7b8c9d0e1f");
        assertThat(rd.path()).isEqualTo("/backstores/ramdisk/rd0");
        UserStorageObject u = (UserStorageObject) doc.config().storageObjects().get(1);
        assertThat(u.config()).isEqualTo("qcow//var/lib/vm.qcow2");
        assertThat(u.hwMaxSectors()).contains(128L);
        assertThat(u.control()).contains("max_data_area_mb=8");
        assertThat(u.size()).contains(2147483648L);
        assertThat(doc.format()).isEqualTo(SaveconfigFormat.RTSLIB);
        assertThat(SaveconfigWriter.write(doc.config())).isEqualTo(text);
        assertThat(LioValidator.validate(doc.config())).isEmpty();
    }

    @Test
    void parse_unknownKeys_keptInExtra() {
        String text = "{\"fabric_modules\": [], \"storage_objects\": [{\"name\": \"d\", \"plugin\": \"block\","
                + " \"dev\": \"/dev/sda\", \"colour\": \"blue\"}], \"targets\": [], \"version\": 2}";
        LioConfig cfg = SaveconfigParser.parse("f", text);
        assertThat(cfg.extra()).containsEntry("version", new JsonValue.JsonNumber("2"));
        assertThat(cfg.storageObjects().get(0).extra()).containsEntry("colour", new JsonValue.JsonString("blue"));
        assertThat(SaveconfigWriter.write(cfg)).contains("\"colour\": \"blue\"").contains("\"version\": 2");
        assertThat(LioValidator.validate(cfg)).extracting(org.sansdk.core.Violation::ruleId, org.sansdk.core.Violation::path)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("LIO-KEY-001", "version"),
                        org.assertj.core.groups.Tuple.tuple("LIO-KEY-001", "storage_objects[0].colour"));
    }

    @Test
    void parse_nullAluaGroupName_roundTripsAsNull() {
        String text = "{\"fabric_modules\": [], \"storage_objects\": [{\"name\": \"p\", \"plugin\": \"pscsi\","
                + " \"dev\": \"/dev/sg1\"}], \"targets\": [{\"wwn\": \"iqn.2025-01.lab.home:t\", \"fabric\": \"iscsi\","
                + " \"tpgs\": [{\"tag\": 1, \"enable\": true, \"luns\": [{\"index\": 0, \"storage_object\":"
                + " \"/backstores/pscsi/p\", \"alias\": \"x\", \"alua_tg_pt_gp_name\": null}], \"portals\": [],"
                + " \"node_acls\": []}]}]}";
        LioConfig cfg = SaveconfigParser.parse("f", text);
        Lun lun = cfg.targets().get(0).tpgs().get(0).luns().get(0);
        assertThat(lun.aluaTgPtGpName()).isEqualTo(Optional.empty());
        assertThat(SaveconfigWriter.write(cfg)).contains("\"alua_tg_pt_gp_name\": null");
        assertThat(LioValidator.validate(cfg)).extracting(org.sansdk.core.Violation::ruleId)
                .doesNotContain("LIO-KEY-001");
        assertThat(List.of(lun.plugin().orElseThrow(), lun.backstoreName().orElseThrow())).containsExactly("pscsi", "p");
    }
}
