package org.sansdk.lio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.sansdk.core.Secret;
import org.sansdk.core.ValidationException;
import org.sansdk.core.Violation;
import org.sansdk.lio.json.JsonValue;

class LioValidatorTest {
    static final String IQN = "iqn.2025-01.lab.home:t";
    static final BlockStorageObject DISK = BlockStorageObject.of("d0", "/dev/sda");

    static LioConfig with(Tpg tpg) {
        return LioConfig.empty().plusStorageObject(DISK).withTarget(Target.iscsi(IQN, List.of(tpg)));
    }

    static List<String> rules(LioConfig cfg) {
        return LioValidator.validate(cfg).stream().map(Violation::ruleId).toList();
    }

    @Test
    void validate_rtslibWrittenCorpus_hasOnlyRealAuthProblems() {
        assertThat(rules(SaveconfigParser.parse("f", Corpus.saveconfig("opensuse-salt-formulas-fileio-3luns-2acls.json"))))
                .isEmpty();
        assertThat(rules(SaveconfigParser.parse("f", Corpus.saveconfig("pengyun-old-rtslib-chap.json"))))
                .containsExactly("LIO-AUTH-001");
        List<Violation> yast = LioValidator.validate(SaveconfigParser.parse("f",
                Corpus.saveconfig("yast-multi-target-chap.json")));
        assertThat(yast).extracting(Violation::ruleId).containsExactly("LIO-AUTH-005", "LIO-AUTH-002", "LIO-AUTH-002",
                "LIO-AUTH-002", "LIO-AUTH-002");
        assertThat(yast.get(1).path()).isEqualTo("targets[5].tpgs[1].node_acls[0]");
        assertThat(yast.toString()).doesNotContain("euimutualpassword");
    }

    @Test
    void lunPointingAtMissingObject_andMappedLunAtMissingTpgLun() {
        Tpg tpg = Tpg.of(1).withLuns(List.of(Lun.of(0, "/backstores/block/nope"), Lun.of(1, "block/d0"),
                        Lun.of(2, DISK.path()), Lun.of(2, DISK.path()), Lun.of(70000, DISK.path())))
                .withNodeAcls(List.of(NodeAcl.of("iqn.2025-01.lab.home:i")
                        .withMappedLuns(List.of(MappedLun.of(0, 9), MappedLun.of(0, 2), MappedLun.of(70000, 2)))));
        assertThat(rules(with(tpg))).containsExactly("LIO-LUN-001", "LIO-LUN-001", "LIO-LUN-002", "LIO-LUN-003",
                "LIO-MLUN-001", "LIO-MLUN-002", "LIO-MLUN-003");
    }

    @Test
    void duplicatesAndNames() {
        Tpg tpg = Tpg.of(1).withNodeAcls(List.of(NodeAcl.of("iqn.2025-01.lab.home:i"), NodeAcl.of("iqn.2025-01.lab.home:i"),
                NodeAcl.of("not-an-iqn")));
        LioConfig cfg = LioConfig.empty().plusStorageObject(DISK).plusStorageObject(DISK)
                .plusStorageObject(BlockStorageObject.of("a b", "/dev/sdb"))
                .withTargets(List.of(Target.iscsi(IQN, List.of(tpg, Tpg.of(1))), Target.iscsi(IQN, List.of()),
                        Target.iscsi("IQN.bad", List.of())));
        // file order: storage objects, then target 0 (its first TPG's ACLs, then the duplicate TPG), targets 1 and 2
        assertThat(rules(cfg)).containsExactly("LIO-SO-001", "LIO-SO-002", "LIO-ACL-001", "LIO-ACL-002", "LIO-TPG-001",
                "LIO-TGT-001", "LIO-TGT-002");
    }

    @Test
    void portals_malformedOutOfRangeDuplicateAndWildcardMix() {
        Tpg tpg = Tpg.of(1).withPortals(List.of(Portal.of("10.0.0.256", 3260), Portal.of("::1", 3260),
                Portal.of("[::1]", 3260), Portal.of("10.0.0.1", 0), Portal.of("10.0.0.1", 0), Portal.of("0.0.0.0", 3260)));
        assertThat(rules(with(tpg))).containsExactly("LIO-PORTAL-001", "LIO-PORTAL-001", "LIO-PORTAL-002",
                "LIO-PORTAL-002", "LIO-PORTAL-003", "LIO-PORTAL-004");
        assertThat(rules(with(Tpg.of(1).withPortals(List.of(Portal.of("[fe80::1]", 3260)))))).isEmpty();
        assertThat(List.of("[::]", "[::1]", "[fe80::1%eth0]", "[2001:db8::10]", "[::ffff:10.0.0.1]", "10.40.40.10"))
                .allSatisfy(a -> assertThat(LioValidator.isPortalAddress(a)).as(a).isTrue());
        assertThat(List.of("[zz:zz]", "[example.com:1]", "[.::1]", "[]", "[:]x", "[1:2:3:4:5:6:7:8:9]", "host", ""))
                .allSatisfy(a -> assertThat(LioValidator.isPortalAddress(a)).as(a).isFalse());
    }

    @Test
    void values_tooLongOrNull() {
        Tpg tpg = new Tpg(1, true, Map.of(), Map.of("TargetAlias", "x".repeat(256), "HeaderDigest", "NULL"), List.of(),
                List.of(), List.of(), Chap.NONE, Map.of());
        assertThat(rules(with(tpg))).containsExactlyInAnyOrder("LIO-VAL-001", "LIO-VAL-002");
        Tpg chapNull = Tpg.of(1).withAttribute("generate_node_acls", 1).withAttribute("authentication", 1)
                .withChap(Chap.of("NULL", Secret.of("NULL")));
        assertThat(rules(with(chapNull))).containsExactly("LIO-VAL-002", "LIO-VAL-002");
    }

    @Test
    void chap_setIfAndOnlyIfAuthentication() {
        Chap chap = Chap.of("u", Secret.of("secret-1"));
        NodeAcl acl = NodeAcl.of("iqn.2025-01.lab.home:i");
        assertThat(rules(with(Tpg.of(1).withAttribute("authentication", 1).withNodeAcls(List.of(acl)))))
                .containsExactly("LIO-AUTH-001", "LIO-AUTH-002");
        assertThat(rules(with(Tpg.of(1).withAttribute("authentication", 0).withNodeAcls(List.of(acl.withChap(chap))))))
                .containsExactly("LIO-AUTH-001");
        assertThat(rules(with(Tpg.of(1).withAttribute("authentication", 1).withNodeAcls(List.of(acl.withChap(chap))))))
                .isEmpty();
        Tpg demo = Tpg.of(1).withAttribute("generate_node_acls", 1).withAttribute("authentication", 1);
        assertThat(rules(with(demo.withChap(chap)))).isEmpty();
        assertThat(rules(with(demo.withNodeAcls(List.of(acl.withChap(chap)))))).containsExactly("LIO-AUTH-006");
        Chap half = new Chap(Optional.of("u"), Optional.empty(), Optional.empty(), Optional.empty());
        Chap same = chap.withMutual("m", Secret.of("secret-1"));
        assertThat(rules(with(Tpg.of(1).withAttribute("authentication", 1).withNodeAcls(List.of(acl.withChap(half))))))
                .containsExactly("LIO-AUTH-003", "LIO-AUTH-002");
        assertThat(rules(with(Tpg.of(1).withAttribute("authentication", 1).withNodeAcls(List.of(acl.withChap(same))))))
                .containsExactly("LIO-AUTH-004");
    }

    @Test
    void unknownKeys_flaggedWithPath_andDiscoveryAuthConsistency() {
        LioConfig cfg = new LioConfig(List.of(new FabricModule("iscsi", Optional.of(true), Chap.NONE,
                Map.of("discovery_colour", new JsonValue.JsonString("x")))), List.of(), List.of(),
                Map.of("version", new JsonValue.JsonNumber("3")));
        List<Violation> v = LioValidator.validate(cfg);
        assertThat(v).extracting(Violation::ruleId, Violation::path).containsExactly(
                org.assertj.core.groups.Tuple.tuple("LIO-KEY-001", "version"),
                org.assertj.core.groups.Tuple.tuple("LIO-KEY-001", "fabric_modules[0].discovery_colour"),
                org.assertj.core.groups.Tuple.tuple("LIO-AUTH-001", "fabric_modules[0]"));
        assertThatThrownBy(() -> LioValidator.check(cfg)).isInstanceOf(ValidationException.class);
        assertThat(rules(LioConfig.empty().withFabricModules(List.of(FabricModule.iscsiDiscoveryAuth(
                Chap.of("disc", Secret.of("disc-secret"))))))).isEmpty();
    }

    @Test
    void aluaGroupOfLun_mustExistOnItsStorageObject() {
        BlockStorageObject so = new BlockStorageObject("d0", "/dev/sda", Optional.empty(), Optional.empty(),
                Optional.empty(), Map.of(), Optional.of(List.of(new AluaGroup("default_tg_pt_gp", 0, Map.of(), Map.of()))),
                Map.of());
        Lun lun = new Lun(0, so.path(), Optional.empty(), Optional.of("secondary_tg_pt_gp"), Map.of());
        LioConfig cfg = LioConfig.empty().plusStorageObject(so)
                .withTarget(Target.iscsi(IQN, List.of(Tpg.of(1).withLuns(List.of(lun)))));
        assertThat(rules(cfg)).containsExactly("LIO-LUN-004");
    }
}
