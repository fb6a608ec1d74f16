package org.sansdk.lio;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.sansdk.core.Secret;
import org.sansdk.core.ValidationException;
import org.sansdk.core.Violation;
import org.sansdk.lio.json.JsonValue;

/**
 * Checks a {@link LioConfig} for what would make {@code targetctl restore} fail, skip objects or leave an
 * initiator locked out. Every finding is a {@link Violation} with a rule id:
 * <ul>
 * <li>{@code LIO-KEY-001} unknown key (kept for the round trip; rtslib's restore rejects it)</li>
 * <li>{@code LIO-SO-001} duplicate storage object; {@code LIO-SO-002} bad storage object name</li>
 * <li>{@code LIO-LUN-001} LUN storage_object malformed or not an existing object; {@code LIO-LUN-002} duplicate
 * LUN index; {@code LIO-LUN-003} LUN index outside 0..65535; {@code LIO-LUN-004} LUN ALUA group unknown to its
 * storage object</li>
 * <li>{@code LIO-MLUN-001} mapped LUN's tpg_lun does not exist; {@code LIO-MLUN-002} duplicate mapped LUN index;
 * {@code LIO-MLUN-003} mapped LUN index outside 0..65535</li>
 * <li>{@code LIO-TGT-001} duplicate target; {@code LIO-TGT-002} malformed iSCSI target name;
 * {@code LIO-TPG-001} duplicate TPG tag; {@code LIO-ACL-001} duplicate ACL; {@code LIO-ACL-002} malformed
 * initiator name</li>
 * <li>{@code LIO-PORTAL-001} malformed address; {@code LIO-PORTAL-002} port outside 1..65535;
 * {@code LIO-PORTAL-003} duplicate portal; {@code LIO-PORTAL-004} wildcard portal next to specific ones</li>
 * <li>{@code LIO-VAL-001} value longer than 255 characters; {@code LIO-VAL-002} value is the string
 * {@code NULL} (configfs reads it as "unset")</li>
 * <li>{@code LIO-AUTH-001} CHAP set but {@code authentication=0}, or {@code authentication=1} with no CHAP;
 * {@code LIO-AUTH-002} ACL without CHAP in a TPG that requires it; {@code LIO-AUTH-003} userid without
 * password or the reverse; {@code LIO-AUTH-004} mutual password equal to the initiator password (the iSCSI
 * login refuses it); {@code LIO-AUTH-005} TPG-level CHAP with {@code generate_node_acls=0} (the kernel uses the
 * TPG's credentials only for dynamically generated ACLs, so they are dead); {@code LIO-AUTH-006}
 * {@code generate_node_acls=1} and {@code authentication=1} without TPG-level CHAP (dynamic initiators cannot
 * log in)</li>
 * </ul>
 *
 * <pre>{@code List<Violation> v = LioValidator.validate(cfg); LioValidator.check(cfg); // throws ValidationException}</pre>
 */
public final class LioValidator {

    private static final int MAX_VALUE = 255;
    private static final Pattern IQN = Pattern.compile(
            "iqn\\.\\d{4}-\\d{2}\\.[a-z0-9]([a-z0-9.-]*[a-z0-9])?(:.+)?");
    private static final Pattern EUI = Pattern.compile("eui\\.[0-9A-Fa-f]{16}");
    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:][0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*(%[A-Za-z0-9_.-]+)?");
    private static final Pattern NAA = Pattern.compile("naa\\.[0-9A-Fa-f]{16}([0-9A-Fa-f]{16})?");
    private static final Set<String> TOP = Set.of();
    private static final Set<String> FABRIC = Set.of("attributes", "parameters");
    private static final Set<String> ALUA = Set.of();
    private static final Set<String> TARGET = Set.of();
    private static final Set<String> TPG = Set.of();
    private static final Set<String> PORTAL = Set.of();
    private static final Set<String> ACL = Set.of();
    private static final Set<String> MLUN = Set.of();

    private final List<Violation> out = new ArrayList<>();

    private LioValidator() {
    }

    /** All violations, in file order. {@code LioValidator.validate(cfg).isEmpty()} */
    public static List<Violation> validate(LioConfig config) {
        LioValidator v = new LioValidator();
        v.run(config);
        return List.copyOf(v.out);
    }

    /** Throws {@link ValidationException} listing every violation, if any. {@code LioValidator.check(cfg)} */
    public static void check(LioConfig config) {
        List<Violation> v = validate(config);
        if (!v.isEmpty()) {
            throw new ValidationException(v);
        }
    }

    private void run(LioConfig c) {
        unknown("", c.extra(), TOP);
        for (int i = 0; i < c.fabricModules().size(); i++) {
            FabricModule f = c.fabricModules().get(i);
            String path = "fabric_modules[" + i + "]";
            unknown(path, f.extra(), FABRIC);
            chapShape(path, "discovery_", f.discoveryAuth());
            boolean on = f.discoveryEnableAuth().orElse(false);
            if (on != f.discoveryAuth().hasCredentials()) {
                add("LIO-AUTH-001", path, on ? "discovery_enable_auth is true but no discovery userid/password is set"
                        : "discovery credentials are set but discovery_enable_auth is false: they are ignored");
            }
        }
        Map<String, StorageObject> byPath = new HashMap<>();
        for (int i = 0; i < c.storageObjects().size(); i++) {
            StorageObject so = c.storageObjects().get(i);
            String path = "storage_objects[" + i + "]";
            unknown(path, so.extra(), knownSo(so));
            if (so.name().isEmpty() || so.name().contains("/") || so.name().chars().anyMatch(Character::isWhitespace)) {
                add("LIO-SO-002", path, "storage object name '" + so.name()
                        + "' must be non-empty without '/' or whitespace");
            }
            value(path + ".name", so.name());
            wwnOf(so).ifPresent(w -> value(path + ".wwn", w));
            if (byPath.putIfAbsent(so.path(), so) != null) {
                add("LIO-SO-001", path, "duplicate storage object " + so.path());
            }
            so.aluaTpgs().ifPresent(groups -> {
                for (int g = 0; g < groups.size(); g++) {
                    unknown(path + ".alua_tpgs[" + g + "]", groups.get(g).extra(), ALUA);
                    value(path + ".alua_tpgs[" + g + "].name", groups.get(g).name());
                }
            });
        }
        Set<String> targetKeys = new HashSet<>();
        for (int ti = 0; ti < c.targets().size(); ti++) {
            Target t = c.targets().get(ti);
            String tpath = "targets[" + ti + "]";
            unknown(tpath, t.extra(), TARGET);
            if (!targetKeys.add(t.fabric() + "/" + t.wwn())) {
                add("LIO-TGT-001", tpath, "duplicate target " + t.wwn() + " on fabric " + t.fabric());
            }
            if (t.fabric().equals("iscsi") && !isIscsiName(t.wwn())) {
                add("LIO-TGT-002", tpath, "'" + t.wwn() + "' is not an iqn./eui./naa. iSCSI name");
            }
            t.parameters().forEach((k, val) -> value(tpath + ".parameters." + k, val));
            Set<Integer> tags = new HashSet<>();
            for (int pi = 0; pi < t.tpgs().size(); pi++) {
                Tpg tpg = t.tpgs().get(pi);
                String path = tpath + ".tpgs[" + pi + "]";
                if (!tags.add(tpg.tag())) {
                    add("LIO-TPG-001", path, "duplicate TPG tag " + tpg.tag());
                }
                tpg(path, t, tpg, byPath);
            }
        }
    }

    private void tpg(String path, Target t, Tpg tpg, Map<String, StorageObject> byPath) {
        unknown(path, tpg.extra(), TPG);
        tpg.parameters().forEach((k, val) -> value(path + ".parameters." + k, val));
        Set<Integer> lunIdx = new HashSet<>();
        for (int li = 0; li < tpg.luns().size(); li++) {
            Lun lun = tpg.luns().get(li);
            String lp = path + ".luns[" + li + "]";
            unknownLun(lp, lun.extra());
            if (lun.index() < 0 || lun.index() > 65535) {
                add("LIO-LUN-003", lp, "LUN index " + lun.index() + " outside 0..65535");
            }
            if (!lunIdx.add(lun.index())) {
                add("LIO-LUN-002", lp, "duplicate LUN index " + lun.index());
            }
            StorageObject so = byPath.get(lun.storageObject());
            if (lun.backstoreName().isEmpty()) {
                add("LIO-LUN-001", lp, "storage_object '" + lun.storageObject()
                        + "' is not of the form /backstores/<plugin>/<name>");
            } else if (so == null) {
                add("LIO-LUN-001", lp, "storage_object " + lun.storageObject() + " does not exist");
            } else if (lun.aluaTgPtGpName().isPresent() && so.aluaTpgs().isPresent()
                    && so.aluaTpgs().get().stream().noneMatch(g -> g.name().equals(lun.aluaTgPtGpName().get()))) {
                add("LIO-LUN-004", lp, "ALUA group " + lun.aluaTgPtGpName().get() + " is not defined on "
                        + lun.storageObject());
            }
            lun.alias().ifPresent(a -> value(lp + ".alias", a));
        }
        Set<String> portals = new HashSet<>();
        boolean wildcard = false;
        for (int i = 0; i < tpg.portals().size(); i++) {
            Portal p = tpg.portals().get(i);
            String pp = path + ".portals[" + i + "]";
            unknown(pp, p.extra(), PORTAL);
            if (!isPortalAddress(p.ipAddress())) {
                add("LIO-PORTAL-001", pp, "'" + p.ipAddress()
                        + "' is not an IPv4 address or a bracketed IPv6 address");
            }
            if (p.port() < 1 || p.port() > 65535) {
                add("LIO-PORTAL-002", pp, "port " + p.port() + " outside 1..65535");
            }
            if (!portals.add(p.ipAddress() + ":" + p.port())) {
                add("LIO-PORTAL-003", pp, "duplicate portal " + p.ipAddress() + ":" + p.port());
            }
            wildcard |= p.ipAddress().equals("0.0.0.0") || p.ipAddress().equals("[::]");
        }
        if (wildcard && tpg.portals().size() > 1) {
            add("LIO-PORTAL-004", path, "a wildcard portal (0.0.0.0/[::]) next to specific ones: the kernel refuses"
                    + " to bind the specific address on the same port");
        }
        Set<String> acls = new HashSet<>();
        boolean anyChap = !tpg.chap().isEmpty();
        chapShape(path, "chap_", tpg.chap());
        for (int ai = 0; ai < tpg.nodeAcls().size(); ai++) {
            NodeAcl acl = tpg.nodeAcls().get(ai);
            String ap = path + ".node_acls[" + ai + "]";
            unknown(ap, acl.extra(), ACL);
            if (!acls.add(acl.nodeWwn())) {
                add("LIO-ACL-001", ap, "duplicate ACL for " + acl.nodeWwn());
            }
            if (t.fabric().equals("iscsi") && !isIscsiName(acl.nodeWwn())) {
                add("LIO-ACL-002", ap, "'" + acl.nodeWwn() + "' is not an iqn./eui./naa. initiator name");
            }
            acl.tag().ifPresent(tag -> value(ap + ".tag", tag));
            chapShape(ap, "chap_", acl.chap());
            anyChap |= !acl.chap().isEmpty();
            Set<Integer> mIdx = new HashSet<>();
            for (int mi = 0; mi < acl.mappedLuns().size(); mi++) {
                MappedLun m = acl.mappedLuns().get(mi);
                String mp = ap + ".mapped_luns[" + mi + "]";
                unknown(mp, m.extra(), MLUN);
                if (!mIdx.add(m.index())) {
                    add("LIO-MLUN-002", mp, "duplicate mapped LUN " + m.index());
                }
                if (m.index() < 0 || m.index() > 65535) {
                    add("LIO-MLUN-003", mp, "mapped LUN " + m.index() + " outside 0..65535");
                }
                if (!lunIdx.contains(m.tpgLun())) {
                    add("LIO-MLUN-001", mp, "tpg_lun " + m.tpgLun() + " does not exist in TPG " + tpg.tag());
                }
            }
        }
        if (!t.fabric().equals("iscsi")) {
            return;
        }
        long auth = tpg.attribute("authentication").orElse(0L);
        if (auth == 1 && !anyChap) {
            add("LIO-AUTH-001", path, "authentication=1 but no CHAP credentials are set: no initiator can log in");
        } else if (auth != 1 && anyChap) {
            add("LIO-AUTH-001", path, "CHAP credentials are set but authentication=" + auth
                    + ": they are not enforced");
        }
        if (tpg.chap().hasCredentials() && !tpg.generatesNodeAcls()) {
            add("LIO-AUTH-005", path, "TPG-level CHAP is set but generate_node_acls=0: the kernel uses it only for"
                    + " dynamically generated ACLs, so it is not used");
        }
        if (auth == 1 && tpg.generatesNodeAcls() && !tpg.chap().hasCredentials()) {
            add("LIO-AUTH-006", path, "generate_node_acls=1 and authentication=1 but no TPG-level CHAP: initiators"
                    + " without an explicit ACL cannot log in");
        }
        if (auth == 1 && !tpg.generatesNodeAcls()) {
            for (int ai = 0; ai < tpg.nodeAcls().size(); ai++) {
                if (!tpg.nodeAcls().get(ai).chap().hasCredentials()) {
                    add("LIO-AUTH-002", path + ".node_acls[" + ai + "]", "authentication=1 but the ACL for "
                            + tpg.nodeAcls().get(ai).nodeWwn() + " has no CHAP credentials: that initiator cannot log in");
                }
            }
        }
    }

    private void chapShape(String path, String prefix, Chap chap) {
        if (chap.userid().isPresent() != chap.password().isPresent()) {
            add("LIO-AUTH-003", path, prefix + "userid and " + prefix + "password must be set together");
        }
        if (chap.mutualUserid().isPresent() != chap.mutualPassword().isPresent()) {
            add("LIO-AUTH-003", path, prefix + "mutual_userid and " + prefix + "mutual_password must be set together");
        }
        if (chap.password().isPresent() && chap.mutualPassword().isPresent()
                && chap.password().get().equals(chap.mutualPassword().get())) {
            add("LIO-AUTH-004", path, prefix + "mutual_password equals " + prefix
                    + "password: iSCSI logins refuse identical bidirectional secrets");
        }
        chap.userid().ifPresent(u -> value(path + "." + prefix + "userid", u));
        chap.mutualUserid().ifPresent(u -> value(path + "." + prefix + "mutual_userid", u));
        chap.password().ifPresent(s -> secretValue(path + "." + prefix + "password", s));
        chap.mutualPassword().ifPresent(s -> secretValue(path + "." + prefix + "mutual_password", s));
    }

    private void value(String path, String v) {
        if (v.length() > MAX_VALUE) {
            add("LIO-VAL-001", path, "value is " + v.length() + " characters; configfs takes at most " + MAX_VALUE);
        }
        if (v.equals("NULL")) {
            add("LIO-VAL-002", path, "value is the string NULL, which configfs reads as unset");
        }
    }

    private void secretValue(String path, Secret s) {
        // never put the secret itself into the message
        if (s.length() > MAX_VALUE) {
            add("LIO-VAL-001", path, "secret is longer than " + MAX_VALUE + " bytes");
        }
        if (s.equals(Secret.of("NULL"))) {
            add("LIO-VAL-002", path, "secret is the string NULL, which configfs reads as unset");
        }
    }

    private void unknown(String path, Map<String, JsonValue> extra, Set<String> allowed) {
        for (String k : extra.keySet()) {
            if (!allowed.contains(k)) {
                add("LIO-KEY-001", path.isEmpty() ? k : path + "." + k,
                        "unknown key '" + k + "': kept for the round trip, but targetctl restore rejects or ignores it");
            }
        }
    }

    private void unknownLun(String path, Map<String, JsonValue> extra) {
        for (Map.Entry<String, JsonValue> e : extra.entrySet()) {
            boolean nullOfKnown = SaveconfigKeys.LUN_NULLABLE.contains(e.getKey())
                    && e.getValue() instanceof JsonValue.JsonNull;
            if (!nullOfKnown) {
                add("LIO-KEY-001", path + "." + e.getKey(), "unknown key '" + e.getKey()
                        + "': kept for the round trip, but targetctl restore rejects or ignores it");
            }
        }
    }

    private static java.util.Optional<String> wwnOf(StorageObject so) {
        if (so instanceof BlockStorageObject b) {
            return b.wwn();
        } else if (so instanceof FileioStorageObject f) {
            return f.wwn();
        } else if (so instanceof RamdiskStorageObject r) {
            return r.wwn();
        } else if (so instanceof UserStorageObject u) {
            return u.wwn();
        }
        return java.util.Optional.empty();
    }

    private static Set<String> knownSo(StorageObject so) {
        // nulls of typed keys land in extra(): they are known keys
        if (so instanceof BlockStorageObject) {
            return SaveconfigKeys.BLOCK;
        } else if (so instanceof FileioStorageObject) {
            return SaveconfigKeys.FILEIO;
        } else if (so instanceof RamdiskStorageObject) {
            return SaveconfigKeys.RAMDISK;
        } else if (so instanceof PscsiStorageObject) {
            return SaveconfigKeys.PSCSI;
        }
        return SaveconfigKeys.USER;
    }

    /**
     * True for a syntactically valid iqn./eui./naa. name (lower-case iqn as RFC 3722 stringprep leaves it).
     * {@code LioValidator.isIscsiName("iqn.2025-01.lab.home:storage-a")}
     */
    public static boolean isIscsiName(String s) {
        return s.length() <= 223 && (IQN.matcher(s).matches() || EUI.matcher(s).matches() || NAA.matcher(s).matches());
    }

    /** True for dotted-quad IPv4 or a bracketed IPv6 literal, the forms rtslib stores. {@code LioValidator.isPortalAddress("[fd00::10]")} */
    public static boolean isPortalAddress(String s) {
        if (s.startsWith("[") && s.endsWith("]")) {
            String inner = s.substring(1, s.length() - 1);
            // hex digits, ':' and '.' only, starting with a hex digit or ':', so InetAddress parses a literal and
            // never falls back to a DNS lookup (a validator must not hang on a bad file)
            return IPV6.matcher(inner).matches() && literal(inner);
        }
        if (!s.matches("\\d{1,3}(\\.\\d{1,3}){3}")) {
            return false;
        }
        for (String part : s.split("\\.")) {
            if (Integer.parseInt(part) > 255 || (part.length() > 1 && part.startsWith("0"))) {
                return false;
            }
        }
        return true;
    }

    private static boolean literal(String ipv6) {
        try {
            // the character check above guarantees no DNS lookup happens here
            return InetAddress.getByName(ipv6.contains("%") ? ipv6.substring(0, ipv6.indexOf('%')) : ipv6) != null;
        } catch (UnknownHostException e) {
            return false;
        }
    }

    private void add(String rule, String path, String message) {
        out.add(new Violation(rule, path, message));
    }
}
