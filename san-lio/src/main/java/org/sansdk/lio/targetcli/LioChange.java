package org.sansdk.lio.targetcli;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.sansdk.core.SanException;
import org.sansdk.lio.BlockStorageObject;
import org.sansdk.lio.Chap;
import org.sansdk.lio.FabricModule;
import org.sansdk.lio.LioConfig;
import org.sansdk.lio.Lun;
import org.sansdk.lio.MappedLun;
import org.sansdk.lio.NodeAcl;
import org.sansdk.lio.Portal;
import org.sansdk.lio.StorageObject;
import org.sansdk.lio.Target;
import org.sansdk.lio.Tpg;

/**
 * One change to a LIO configuration, as data: it renders to one targetcli command line
 * ({@link #targetcli()}) and applies to a {@link LioConfig} model the way targetcli would change the kernel
 * ({@link #apply(LioConfig)}), so a plan can be rendered as a batch or as a complete {@code saveconfig.json},
 * and re-planning against the applied model is empty. Numbers are always explicit: no change relies on
 * targetcli picking a LUN, mapped LUN or TPG number.
 *
 * <pre>{@code LioConfig after = change.apply(before); String line = change.targetcli();}</pre>
 */
public sealed interface LioChange {

    /** The targetcli command line (contains CHAP secrets for auth changes: send only through stdin). */
    String targetcli();

    /** One human line, never containing a secret. */
    String describe();

    /** The configuration after this change. */
    LioConfig apply(LioConfig config);

    /** True when {@link #targetcli()} carries a secret. */
    default boolean secret() {
        return false;
    }

    /**
     * The secret values {@link #targetcli()} carries (empty for most changes), so a command built from it can mask
     * them in anything it prints, including a failing tool's echoed stderr. {@code change.secrets()}
     */
    default List<org.sansdk.core.Secret> secrets() {
        return List.of();
    }

    /** {@code /backstores/block create name=N dev=D wwn=SERIAL} then one {@code set attribute} per attribute. */
    record CreateBlockBackstore(String name, String dev, String unitSerial, Map<String, Long> attributes)
            implements LioChange {
        /** Checks tokens. */
        public CreateBlockBackstore {
            Tokens.checkPath("backstore name", name);
            Tokens.check("device path", dev);
            Tokens.check("unit serial", unitSerial);
            attributes = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(attributes));
            Tokens.checkKeys(attributes.keySet());
        }

        @Override
        public String targetcli() {
            StringBuilder sb = new StringBuilder("/backstores/block create name=" + name + " dev=" + dev + " wwn="
                    + unitSerial);
            if (!attributes.isEmpty()) {
                sb.append("\n/backstores/block/").append(name).append(" set attribute");
                attributes.entrySet().stream().sorted(Map.Entry.comparingByKey())
                        .forEach(e -> sb.append(' ').append(e.getKey()).append('=').append(e.getValue()));
            }
            return sb.toString();
        }

        @Override
        public String describe() {
            return "create block backstore " + name + " on " + dev + " (unit serial " + unitSerial + ")";
        }

        @Override
        public LioConfig apply(LioConfig c) {
            if (c.storageObject("/backstores/block/" + name).isPresent()) {
                throw new SanException("targetcli would refuse: backstore block/" + name + " already exists");
            }
            BlockStorageObject so = BlockStorageObject.of(name, dev).withWwn(unitSerial);
            for (Map.Entry<String, Long> e : attributes.entrySet()) {
                so = so.withAttribute(e.getKey(), e.getValue());
            }
            return c.plusStorageObject(so);
        }
    }

    /** {@code /backstores/<plugin> delete name=N} (rtslib also deletes every LUN exporting it). */
    record DeleteBackstore(String plugin, String name) implements LioChange {
        /** Checks tokens. */
        public DeleteBackstore {
            Tokens.checkPath("plugin", plugin);
            Tokens.check("backstore name", name);
        }

        @Override
        public String targetcli() {
            return "/backstores/" + plugin + " delete name=" + name;
        }

        @Override
        public String describe() {
            return "delete " + plugin + " backstore " + name;
        }

        @Override
        public LioConfig apply(LioConfig c) {
            String path = "/backstores/" + plugin + "/" + name;
            LioConfig out = c;
            for (Target t : c.targets()) {
                for (Tpg tpg : t.tpgs()) {
                    for (Lun l : tpg.luns()) {
                        if (l.storageObject().equals(path)) {
                            out = new DeleteLun(t.wwn(), tpg.tag(), l.index()).apply(out);
                        }
                    }
                }
            }
            List<StorageObject> sos = new ArrayList<>(out.storageObjects());
            sos.removeIf(so -> so.path().equals(path));
            return out.withStorageObjects(sos);
        }
    }

    /** {@code /iscsi/IQN/tpgN/luns create storage_object=P lun=I add_mapped_luns=false}. */
    record CreateLun(String target, int tag, int index, String storageObject) implements LioChange {
        /** Checks tokens. */
        public CreateLun {
            Tokens.checkPath("target", target);
            Tokens.checkTag(tag);
            Tokens.checkRange("LUN index", index, 0, 65535);
            Tokens.check("storage object", storageObject);
        }

        @Override
        public String targetcli() {
            return Tokens.tpgPath(target, tag) + "/luns create storage_object=" + storageObject + " lun=" + index
                    + " add_mapped_luns=false";
        }

        @Override
        public String describe() {
            return "create LUN " + index + " in " + target + " tpg" + tag + " -> " + storageObject;
        }

        @Override
        public LioConfig apply(LioConfig c) {
            if (c.storageObject(storageObject).isEmpty()) {
                throw new SanException("targetcli would refuse: storage object " + storageObject + " does not exist");
            }
            return Tokens.updateTpg(c, target, tag, tpg -> {
                if (tpg.lun(index).isPresent()) {
                    throw new SanException("targetcli would refuse: LUN " + index + " already exists in tpg" + tag);
                }
                return tpg.plusLun(Lun.of(index, storageObject));
            });
        }
    }

    /** {@code /iscsi/IQN/tpgN/luns delete lun=I} (the kernel drops every mapped LUN pointing at it). */
    record DeleteLun(String target, int tag, int index) implements LioChange {
        /** Checks tokens. */
        public DeleteLun {
            Tokens.checkPath("target", target);
            Tokens.checkTag(tag);
            Tokens.checkRange("LUN index", index, 0, 65535);
        }

        @Override
        public String targetcli() {
            return Tokens.tpgPath(target, tag) + "/luns delete lun=" + index;
        }

        @Override
        public String describe() {
            return "delete LUN " + index + " of " + target + " tpg" + tag;
        }

        @Override
        public LioConfig apply(LioConfig c) {
            return Tokens.updateTpg(c, target, tag, tpg -> {
                List<Lun> luns = new ArrayList<>(tpg.luns());
                luns.removeIf(l -> l.index() == index);
                List<NodeAcl> acls = new ArrayList<>();
                for (NodeAcl a : tpg.nodeAcls()) {
                    List<MappedLun> m = new ArrayList<>(a.mappedLuns());
                    m.removeIf(x -> x.tpgLun() == index);
                    acls.add(a.withMappedLuns(m));
                }
                return tpg.withLuns(luns).withNodeAcls(acls);
            });
        }
    }

    /** {@code /iscsi/IQN/tpgN/acls/INIT create mapped_lun=I tpg_lun_or_backstore=L write_protect=false}. */
    record CreateMappedLun(String target, int tag, String initiator, int index, int tpgLun) implements LioChange {
        /** Checks tokens. */
        public CreateMappedLun {
            Tokens.checkPath("target", target);
            Tokens.checkTag(tag);
            Tokens.checkPath("initiator", initiator);
            Tokens.checkRange("mapped LUN", index, 0, 65535);
            Tokens.checkRange("TPG LUN", tpgLun, 0, 65535);
        }

        @Override
        public String targetcli() {
            return Tokens.tpgPath(target, tag) + "/acls/" + initiator + " create mapped_lun=" + index
                    + " tpg_lun_or_backstore=" + tpgLun + " write_protect=false";
        }

        @Override
        public String describe() {
            return "map LUN " + tpgLun + " as LUN " + index + " for " + initiator + " (" + target + " tpg" + tag + ")";
        }

        @Override
        public LioConfig apply(LioConfig c) {
            Target t = c.target(target).orElseThrow(() -> new SanException("no target " + target));
            if (t.tpg(tag).flatMap(tpg -> tpg.lun(tpgLun)).isEmpty()) {
                throw new SanException("targetcli would refuse: LUN " + tpgLun + " does not exist in tpg" + tag);
            }
            return Tokens.updateAcl(c, target, tag, initiator, a -> {
                if (a.mappedLuns().stream().anyMatch(m -> m.index() == index)) {
                    throw new SanException("targetcli would refuse: mapped LUN " + index + " already exists for "
                            + initiator);
                }
                return a.plusMappedLun(MappedLun.of(index, tpgLun));
            });
        }
    }

    /** {@code /iscsi/IQN/tpgN/acls/INIT delete mapped_lun=I}. */
    record DeleteMappedLun(String target, int tag, String initiator, int index) implements LioChange {
        /** Checks tokens. */
        public DeleteMappedLun {
            Tokens.checkPath("target", target);
            Tokens.checkTag(tag);
            Tokens.checkPath("initiator", initiator);
            Tokens.checkRange("mapped LUN", index, 0, 65535);
        }

        @Override
        public String targetcli() {
            return Tokens.tpgPath(target, tag) + "/acls/" + initiator + " delete mapped_lun=" + index;
        }

        @Override
        public String describe() {
            return "unmap LUN " + index + " from " + initiator + " (" + target + " tpg" + tag + ")";
        }

        @Override
        public LioConfig apply(LioConfig c) {
            return Tokens.updateAcl(c, target, tag, initiator, a -> {
                List<MappedLun> m = new ArrayList<>(a.mappedLuns());
                m.removeIf(x -> x.index() == index);
                return a.withMappedLuns(m);
            });
        }
    }

    /**
     * {@code /iscsi create IQN}. targetcli also creates {@code tpg1} with the wildcard portal
     * {@code 0.0.0.0:3260} ({@code auto_add_default_portal}); the model applies that too, so a following
     * {@link DeletePortal} is needed to bind only to a chosen address.
     */
    record CreateIscsiTarget(String wwn) implements LioChange {
        /** Checks tokens. */
        public CreateIscsiTarget {
            Tokens.checkPath("target", wwn);
        }

        @Override
        public String targetcli() {
            return "/iscsi create " + wwn;
        }

        @Override
        public String describe() {
            return "create iSCSI target " + wwn + " (targetcli adds tpg1 with portal 0.0.0.0:3260)";
        }

        @Override
        public LioConfig apply(LioConfig c) {
            if (c.target(wwn).isPresent()) {
                throw new SanException("targetcli would refuse: target " + wwn + " already exists");
            }
            Tpg tpg1 = Tpg.of(1).withPortals(List.of(Portal.of("0.0.0.0", 3260)));
            return c.withTarget(Target.iscsi(wwn, List.of(tpg1)));
        }
    }

    /**
     * {@code /iscsi/IQN create tag=N}: an extra, enabled TPG. Like {@code /iscsi create}, targetcli
     * ({@code auto_add_default_portal}) also gives it the wildcard portal {@code 0.0.0.0:3260} unless another TPG
     * of the same target already has it; the model does the same, so follow it with a {@link DeletePortal}.
     */
    record CreateTpg(String target, int tag) implements LioChange {
        /** Checks tokens. */
        public CreateTpg {
            Tokens.checkPath("target", target);
            Tokens.checkTag(tag);
        }

        @Override
        public String targetcli() {
            return "/iscsi/" + target + " create tag=" + tag;
        }

        @Override
        public String describe() {
            return "create tpg" + tag + " in " + target + " (targetcli may add portal 0.0.0.0:3260)";
        }

        @Override
        public LioConfig apply(LioConfig c) {
            Target t = c.target(target).orElseThrow(() -> new SanException("no target " + target));
            if (t.tpg(tag).isPresent()) {
                throw new SanException("targetcli would refuse: tpg" + tag + " already exists in " + target);
            }
            boolean wildcardTaken = t.tpgs().stream().flatMap(x -> x.portals().stream())
                    .anyMatch(p -> p.ipAddress().equals("0.0.0.0") && p.port() == 3260);
            Tpg tpg = wildcardTaken ? Tpg.of(tag) : Tpg.of(tag).withPortals(List.of(Portal.of("0.0.0.0", 3260)));
            return c.withTarget(t.withTpg(tpg));
        }
    }

    /** {@code /iscsi/IQN/tpgN set attribute k=v ...}. */
    record SetTpgAttributes(String target, int tag, Map<String, Long> attributes) implements LioChange {
        /** Copies the map. */
        public SetTpgAttributes {
            Tokens.checkPath("target", target);
            Tokens.checkTag(tag);
            attributes = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(attributes));
            Tokens.checkKeys(attributes.keySet());
        }

        @Override
        public String targetcli() {
            StringBuilder sb = new StringBuilder(Tokens.tpgPath(target, tag)).append(" set attribute");
            attributes.entrySet().stream().sorted(Map.Entry.comparingByKey())
                    .forEach(e -> sb.append(' ').append(e.getKey()).append('=').append(e.getValue()));
            return sb.toString();
        }

        @Override
        public String describe() {
            return "set " + new java.util.TreeMap<>(attributes) + " on " + target + " tpg" + tag;
        }

        @Override
        public LioConfig apply(LioConfig c) {
            return Tokens.updateTpg(c, target, tag, tpg -> {
                Tpg out = tpg;
                for (Map.Entry<String, Long> e : attributes.entrySet()) {
                    out = out.withAttribute(e.getKey(), e.getValue());
                }
                return out;
            });
        }
    }

    /** {@code /iscsi/IQN/tpgN/portals create ip_address=A ip_port=P}. */
    record CreatePortal(String target, int tag, String address, int port) implements LioChange {
        /** Checks tokens. */
        public CreatePortal {
            Tokens.checkPath("target", target);
            Tokens.checkTag(tag);
            Tokens.check("portal address", address);
            Tokens.checkRange("portal port", port, 1, 65535);
        }

        @Override
        public String targetcli() {
            return Tokens.tpgPath(target, tag) + "/portals create ip_address=" + address + " ip_port=" + port;
        }

        @Override
        public String describe() {
            return "listen on " + address + ":" + port + " (" + target + " tpg" + tag + ")";
        }

        @Override
        public LioConfig apply(LioConfig c) {
            return Tokens.updateTpg(c, target, tag, tpg -> {
                List<Portal> p = new ArrayList<>(tpg.portals());
                if (p.stream().anyMatch(x -> x.ipAddress().equals(address) && x.port() == port)) {
                    throw new SanException("targetcli would refuse: portal " + address + ":" + port + " exists");
                }
                p.add(Portal.of(address, port));
                return tpg.withPortals(p);
            });
        }
    }

    /** {@code /iscsi/IQN/tpgN/portals delete ip_address=A ip_port=P}. */
    record DeletePortal(String target, int tag, String address, int port) implements LioChange {
        /** Checks tokens. */
        public DeletePortal {
            Tokens.checkPath("target", target);
            Tokens.checkTag(tag);
            Tokens.check("portal address", address);
            Tokens.checkRange("portal port", port, 1, 65535);
        }

        @Override
        public String targetcli() {
            return Tokens.tpgPath(target, tag) + "/portals delete ip_address=" + address + " ip_port=" + port;
        }

        @Override
        public String describe() {
            return "stop listening on " + address + ":" + port + " (" + target + " tpg" + tag + ")";
        }

        @Override
        public LioConfig apply(LioConfig c) {
            return Tokens.updateTpg(c, target, tag, tpg -> {
                List<Portal> p = new ArrayList<>(tpg.portals());
                p.removeIf(x -> x.ipAddress().equals(address) && x.port() == port);
                return tpg.withPortals(p);
            });
        }
    }

    /** {@code /iscsi/IQN/tpgN/acls create wwn=INIT add_mapped_luns=false}. */
    record CreateAcl(String target, int tag, String initiator) implements LioChange {
        /** Checks tokens. */
        public CreateAcl {
            Tokens.checkPath("target", target);
            Tokens.checkTag(tag);
            Tokens.checkPath("initiator", initiator);
        }

        @Override
        public String targetcli() {
            return Tokens.tpgPath(target, tag) + "/acls create wwn=" + initiator + " add_mapped_luns=false";
        }

        @Override
        public String describe() {
            return "allow initiator " + initiator + " (" + target + " tpg" + tag + ")";
        }

        @Override
        public LioConfig apply(LioConfig c) {
            return Tokens.updateTpg(c, target, tag, tpg -> {
                List<NodeAcl> a = new ArrayList<>(tpg.nodeAcls());
                if (tpg.acl(initiator).isPresent()) {
                    throw new SanException("targetcli would refuse: ACL " + initiator + " already exists");
                }
                a.add(NodeAcl.of(initiator));
                return tpg.withNodeAcls(a);
            });
        }
    }

    /** {@code /iscsi/IQN/tpgN/acls delete wwn=INIT} (its mapped LUNs go with it). */
    record DeleteAcl(String target, int tag, String initiator) implements LioChange {
        /** Checks tokens. */
        public DeleteAcl {
            Tokens.checkPath("target", target);
            Tokens.checkTag(tag);
            Tokens.checkPath("initiator", initiator);
        }

        @Override
        public String targetcli() {
            return Tokens.tpgPath(target, tag) + "/acls delete wwn=" + initiator;
        }

        @Override
        public String describe() {
            return "remove initiator " + initiator + " (" + target + " tpg" + tag + ")";
        }

        @Override
        public LioConfig apply(LioConfig c) {
            return Tokens.updateTpg(c, target, tag, tpg -> {
                List<NodeAcl> a = new ArrayList<>(tpg.nodeAcls());
                a.removeIf(x -> x.nodeWwn().equals(initiator));
                return tpg.withNodeAcls(a);
            });
        }
    }

    /**
     * {@code set auth userid=.. password=.. [mutual_userid=.. mutual_password=..]} on an ACL (initiator
     * present) or on the TPG (initiator empty, for {@code generate_node_acls=1}). Parts not given are cleared
     * ({@code set auth mutual_userid=}, one per line), so dropping mutual CHAP or all CHAP really takes effect
     * instead of leaving the old values in the kernel. Secret: goes through stdin. Build it with
     * {@link #onAcl(String, int, String, Chap)} or {@link #onTpg(String, int, Chap)}.
     *
     * <pre>{@code LioChange.SetAuth.onAcl(iqn, 1, initiator, Chap.of("u", Secret.of(pw)))}</pre>
     *
     * @param target    the target's IQN
     * @param tag       the TPG tag
     * @param initiator the ACL's initiator, or empty for the TPG's own credential
     * @param chap      the credentials ({@link Chap#NONE} clears them)
     */
    record SetAuth(String target, int tag, Optional<String> initiator, Chap chap) implements LioChange {
        /** CHAP on the ACL of {@code initiator}. {@code LioChange.SetAuth.onAcl(iqn, 1, init, chap)} */
        public static SetAuth onAcl(String target, int tag, String initiator, Chap chap) {
            return new SetAuth(target, tag, Optional.of(Objects.requireNonNull(initiator, "initiator")), chap);
        }

        /** The TPG-wide CHAP of a {@code generate_node_acls=1} TPG. {@code LioChange.SetAuth.onTpg(iqn, 2, chap)} */
        public static SetAuth onTpg(String target, int tag, Chap chap) {
            return new SetAuth(target, tag, Optional.empty(), chap);
        }

        /** Checks tokens (a password that configshell could not tokenise is refused without showing it). */
        public SetAuth {
            Objects.requireNonNull(initiator, "initiator");
            Objects.requireNonNull(chap, "chap");
            Tokens.checkPath("target", target);
            Tokens.checkTag(tag);
            initiator.ifPresent(i -> Tokens.checkPath("initiator", i));
            chap.userid().ifPresent(u -> Tokens.check("CHAP userid", u));
            chap.mutualUserid().ifPresent(u -> Tokens.check("CHAP mutual userid", u));
            chap.password().ifPresent(p -> Tokens.checkSecret("CHAP password", p.reveal()));
            chap.mutualPassword().ifPresent(p -> Tokens.checkSecret("CHAP mutual password", p.reveal()));
        }

        @Override
        public String targetcli() {
            String node = Tokens.tpgPath(target, tag) + initiator.map(i -> "/acls/" + i).orElse("");
            return Tokens.authLines(node + " set auth", chap);
        }

        @Override
        public String describe() {
            return "set CHAP " + chap + " on " + target + " tpg" + tag + initiator.map(i -> " ACL " + i).orElse("");
        }

        @Override
        public boolean secret() {
            return true;
        }

        @Override
        public List<org.sansdk.core.Secret> secrets() {
            return Tokens.secretsOf(chap);
        }

        @Override
        public LioConfig apply(LioConfig c) {
            if (initiator.isPresent()) {
                return Tokens.updateAcl(c, target, tag, initiator.get(), a -> a.withChap(chap));
            }
            return Tokens.updateTpg(c, target, tag, tpg -> tpg.withChap(chap));
        }
    }

    /** {@code /iscsi set discovery_auth enable=1 userid=.. password=.. ...} (secret). */
    record SetDiscoveryAuth(Chap chap) implements LioChange {
        /** Checks tokens. */
        public SetDiscoveryAuth {
            chap.userid().ifPresent(u -> Tokens.check("discovery userid", u));
            chap.password().ifPresent(p -> Tokens.checkSecret("discovery password", p.reveal()));
            chap.mutualUserid().ifPresent(u -> Tokens.check("discovery mutual userid", u));
            chap.mutualPassword().ifPresent(p -> Tokens.checkSecret("discovery mutual password", p.reveal()));
        }

        @Override
        public String targetcli() {
            return Tokens.authLines("/iscsi set discovery_auth enable=" + (chap.hasCredentials() ? 1 : 0), chap);
        }

        @Override
        public String describe() {
            return "set iSCSI discovery auth " + chap;
        }

        @Override
        public boolean secret() {
            return true;
        }

        @Override
        public List<org.sansdk.core.Secret> secrets() {
            return Tokens.secretsOf(chap);
        }

        @Override
        public LioConfig apply(LioConfig c) {
            List<FabricModule> fms = new ArrayList<>(c.fabricModules());
            fms.removeIf(f -> f.name().equals("iscsi"));
            fms.add(FabricModule.iscsiDiscoveryAuth(chap));
            return c.withFabricModules(fms);
        }
    }

    /** {@code /iscsi/IQN/tpgN set parameter Key=Value ...} (iSCSI login keys such as {@code AuthMethod}, string values). */
    record SetTpgParameters(String target, int tag, Map<String, String> parameters) implements LioChange {
        /** Copies the map (sorted), checks tokens. */
        public SetTpgParameters {
            Tokens.checkPath("target", target);
            Tokens.checkTag(tag);
            parameters = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(parameters));
            Tokens.checkKeys(parameters.keySet());
            parameters.forEach((k, v) -> Tokens.check("parameter " + k, v));
        }

        @Override
        public String targetcli() {
            StringBuilder sb = new StringBuilder(Tokens.tpgPath(target, tag)).append(" set parameter");
            parameters.forEach((k, v) -> sb.append(' ').append(k).append('=').append(v));
            return sb.toString();
        }

        @Override
        public String describe() {
            return "set parameters " + parameters + " on " + target + " tpg" + tag;
        }

        @Override
        public LioConfig apply(LioConfig c) {
            return Tokens.updateTpg(c, target, tag, tpg -> {
                java.util.Map<String, String> p = new java.util.LinkedHashMap<>(tpg.parameters());
                p.putAll(parameters);
                return new Tpg(tpg.tag(), tpg.enable(), tpg.attributes(), p, tpg.luns(), tpg.portals(), tpg.nodeAcls(),
                        tpg.chap(), tpg.extra());
            });
        }
    }

    /** {@code /iscsi/IQN/tpgN enable} or {@code disable}: whether the TPG accepts logins. */
    record SetTpgEnabled(String target, int tag, boolean enable) implements LioChange {
        /** Checks tokens. */
        public SetTpgEnabled {
            Tokens.checkPath("target", target);
            Tokens.checkTag(tag);
        }

        @Override
        public String targetcli() {
            return Tokens.tpgPath(target, tag) + (enable ? " enable" : " disable");
        }

        @Override
        public String describe() {
            return (enable ? "enable " : "disable ") + target + " tpg" + tag;
        }

        @Override
        public LioConfig apply(LioConfig c) {
            return Tokens.updateTpg(c, target, tag, tpg -> new Tpg(tpg.tag(), enable, tpg.attributes(),
                    tpg.parameters(), tpg.luns(), tpg.portals(), tpg.nodeAcls(), tpg.chap(), tpg.extra()));
        }
    }

    /** {@code /iscsi/IQN delete tag=N}: the TPG with its LUNs, portals and ACLs (backstores stay). */
    record DeleteTpg(String target, int tag) implements LioChange {
        /** Checks tokens. */
        public DeleteTpg {
            Tokens.checkPath("target", target);
            Tokens.checkTag(tag);
        }

        @Override
        public String targetcli() {
            return "/iscsi/" + target + " delete tag=" + tag;
        }

        @Override
        public String describe() {
            return "delete tpg" + tag + " of " + target + " (its LUNs, portals and ACLs)";
        }

        @Override
        public LioConfig apply(LioConfig c) {
            Target t = c.target(target).orElseThrow(() -> new SanException("no target " + target));
            List<Tpg> tpgs = new ArrayList<>(t.tpgs());
            tpgs.removeIf(x -> x.tag() == tag);
            return c.withTarget(new Target(t.wwn(), t.fabric(), tpgs, t.attributes(), t.parameters(), t.extra()));
        }
    }

    /** {@code /iscsi delete wwn=IQN}: the whole iSCSI target (backstores stay). */
    record DeleteIscsiTarget(String wwn) implements LioChange {
        /** Checks tokens. */
        public DeleteIscsiTarget {
            Tokens.checkPath("target", wwn);
        }

        @Override
        public String targetcli() {
            return "/iscsi delete wwn=" + wwn;
        }

        @Override
        public String describe() {
            return "delete iSCSI target " + wwn + " (every TPG, LUN, portal and ACL of it)";
        }

        @Override
        public LioConfig apply(LioConfig c) {
            List<Target> list = new ArrayList<>(c.targets());
            list.removeIf(t -> t.wwn().equals(wwn) && t.fabric().equals("iscsi"));
            return c.withTargets(list);
        }
    }

    /** {@code /backstores/PLUGIN/NAME set attribute k=v ...} on an existing backstore. */
    record SetBackstoreAttributes(String plugin, String name, Map<String, Long> attributes) implements LioChange {
        /** Copies the map (sorted), checks tokens. */
        public SetBackstoreAttributes {
            Tokens.checkPath("plugin", plugin);
            Tokens.checkPath("backstore name", name);
            attributes = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(attributes));
            Tokens.checkKeys(attributes.keySet());
        }

        @Override
        public String targetcli() {
            StringBuilder sb = new StringBuilder("/backstores/" + plugin + "/" + name + " set attribute");
            attributes.forEach((k, v) -> sb.append(' ').append(k).append('=').append(v));
            return sb.toString();
        }

        @Override
        public String describe() {
            return "set " + attributes + " on " + plugin + " backstore " + name;
        }

        @Override
        public LioConfig apply(LioConfig c) {
            String path = "/backstores/" + plugin + "/" + name;
            StorageObject so = c.storageObject(path).orElseThrow(() -> new SanException("no backstore " + path));
            if (!(so instanceof BlockStorageObject b)) {
                throw new SanException("the model sets attributes on block backstores only, not " + path);
            }
            BlockStorageObject out = b;
            for (Map.Entry<String, Long> e : attributes.entrySet()) {
                out = out.withAttribute(e.getKey(), e.getValue());
            }
            List<StorageObject> sos = new ArrayList<>(c.storageObjects());
            sos.set(sos.indexOf(so), out);
            return c.withStorageObjects(sos);
        }
    }

    /** {@code /iscsi/IQN/tpgN/acls/INIT set attribute k=v ...} (per-initiator timeouts and the like). */
    record SetAclAttributes(String target, int tag, String initiator, Map<String, Long> attributes)
            implements LioChange {
        /** Copies the map (sorted), checks tokens. */
        public SetAclAttributes {
            Tokens.checkPath("target", target);
            Tokens.checkTag(tag);
            Tokens.checkPath("initiator", initiator);
            attributes = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(attributes));
            Tokens.checkKeys(attributes.keySet());
        }

        @Override
        public String targetcli() {
            StringBuilder sb = new StringBuilder(Tokens.tpgPath(target, tag) + "/acls/" + initiator + " set attribute");
            attributes.forEach((k, v) -> sb.append(' ').append(k).append('=').append(v));
            return sb.toString();
        }

        @Override
        public String describe() {
            return "set " + attributes + " on ACL " + initiator + " (" + target + " tpg" + tag + ")";
        }

        @Override
        public LioConfig apply(LioConfig c) {
            return Tokens.updateAcl(c, target, tag, initiator, a -> {
                Map<String, Long> m = new java.util.LinkedHashMap<>(a.attributes());
                m.putAll(attributes);
                return new NodeAcl(a.nodeWwn(), m, a.mappedLuns(), a.chap(), a.tag(), a.extra());
            });
        }
    }
}
