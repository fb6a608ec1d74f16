package org.sansdk.lio.reconcile;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.sansdk.core.Secret;
import org.sansdk.lio.Chap;
import org.sansdk.lio.FabricModule;
import org.sansdk.lio.LioConfig;
import org.sansdk.lio.NodeAcl;
import org.sansdk.lio.Tpg;
import org.sansdk.lio.targetcli.LioChange;

/**
 * Applies a targetcli batch to the model from its TEXT, line by line, the way targetcli reads it (path, command,
 * key=value): what a reconcile sends is what is checked, not the change objects it was rendered from. {@code set auth}
 * sets only the keys on its line (an empty value clears one), as targetcli does. An unknown line fails the test.
 */
final class TargetcliScript {
    private TargetcliScript() {
    }

    static LioConfig apply(LioConfig config, String script) {
        LioConfig c = config;
        for (String line : script.split("\n", -1)) {
            if (line.isEmpty() || line.equals("saveconfig") || line.equals("exit")) {
                continue;
            }
            c = one(c, line);
        }
        return c;
    }

    private static LioConfig one(LioConfig c, String line) {
        String[] t = line.split(" ");
        String path = t[0];
        String cmd = t[1];
        Map<String, String> kv = new LinkedHashMap<>();
        for (int i = 2; i < t.length; i++) {
            int eq = t[i].indexOf('=');
            if (eq > 0) {
                kv.put(t[i].substring(0, eq), t[i].substring(eq + 1));
            } else if (!(cmd.equals("set") && i == 2) && !(path.equals("/iscsi") && cmd.equals("create"))) {
                throw new AssertionError("unexpected positional token in: " + redact(line));
            }
        }
        String[] p = path.substring(1).split("/");
        if (p[0].equals("backstores")) {
            if (p.length == 2 && cmd.equals("create") && p[1].equals("block")) {
                return new LioChange.CreateBlockBackstore(kv.get("name"), kv.get("dev"), kv.get("wwn"), Map.of()).apply(c);
            }
            if (p.length == 2 && cmd.equals("delete")) {
                return new LioChange.DeleteBackstore(p[1], kv.get("name")).apply(c);
            }
            if (p.length == 3 && cmd.equals("set") && t[2].equals("attribute")) {
                return new LioChange.SetBackstoreAttributes(p[1], p[2], longs(kv)).apply(c);
            }
        } else if (p[0].equals("iscsi")) {
            if (p.length == 1 && cmd.equals("create")) {
                return new LioChange.CreateIscsiTarget(t[2]).apply(c);
            }
            if (p.length == 1 && cmd.equals("delete")) {
                return new LioChange.DeleteIscsiTarget(kv.get("wwn")).apply(c);
            }
            if (p.length == 1 && cmd.equals("set") && t[2].equals("discovery_auth")) {
                Chap old = c.fabricModules().stream().filter(f -> f.name().equals("iscsi")).findFirst()
                        .map(FabricModule::discoveryAuth).orElse(Chap.NONE);
                return new LioChange.SetDiscoveryAuth(merge(old, kv)).apply(c);
            }
            String iqn = p[1];
            if (p.length == 2 && cmd.equals("create")) {
                return new LioChange.CreateTpg(iqn, Integer.parseInt(kv.get("tag"))).apply(c);
            }
            if (p.length == 2 && cmd.equals("delete")) {
                return new LioChange.DeleteTpg(iqn, Integer.parseInt(kv.get("tag"))).apply(c);
            }
            int tag = Integer.parseInt(p[2].substring(3));
            if (p.length == 3) {
                switch (cmd) {
                    case "enable": return new LioChange.SetTpgEnabled(iqn, tag, true).apply(c);
                    case "disable": return new LioChange.SetTpgEnabled(iqn, tag, false).apply(c);
                    case "set":
                        if (t[2].equals("attribute")) {
                            return new LioChange.SetTpgAttributes(iqn, tag, longs(kv)).apply(c);
                        }
                        if (t[2].equals("parameter")) {
                            return new LioChange.SetTpgParameters(iqn, tag, kv).apply(c);
                        }
                        if (t[2].equals("auth")) {
                            Tpg tpg = c.target(iqn).flatMap(x -> x.tpg(tag)).orElseThrow();
                            return LioChange.SetAuth.onTpg(iqn, tag, merge(tpg.chap(), kv)).apply(c);
                        }
                        break;
                    default:
                        break;
                }
            } else if (p.length == 4 && p[3].equals("portals")) {
                int port = Integer.parseInt(kv.get("ip_port"));
                return cmd.equals("create") ? new LioChange.CreatePortal(iqn, tag, kv.get("ip_address"), port).apply(c)
                        : new LioChange.DeletePortal(iqn, tag, kv.get("ip_address"), port).apply(c);
            } else if (p.length == 4 && p[3].equals("luns")) {
                if (cmd.equals("create")) {
                    check(kv.get("add_mapped_luns"), "false", line);
                    return new LioChange.CreateLun(iqn, tag, Integer.parseInt(kv.get("lun")), kv.get("storage_object"))
                            .apply(c);
                }
                return new LioChange.DeleteLun(iqn, tag, Integer.parseInt(kv.get("lun"))).apply(c);
            } else if (p.length == 4 && p[3].equals("acls")) {
                if (cmd.equals("create")) {
                    check(kv.get("add_mapped_luns"), "false", line);
                    return new LioChange.CreateAcl(iqn, tag, kv.get("wwn")).apply(c);
                }
                return new LioChange.DeleteAcl(iqn, tag, kv.get("wwn")).apply(c);
            } else if (p.length == 5 && p[3].equals("acls")) {
                String init = p[4];
                if (cmd.equals("create")) {
                    return new LioChange.CreateMappedLun(iqn, tag, init, Integer.parseInt(kv.get("mapped_lun")),
                            Integer.parseInt(kv.get("tpg_lun_or_backstore"))).apply(c);
                }
                if (cmd.equals("delete")) {
                    return new LioChange.DeleteMappedLun(iqn, tag, init, Integer.parseInt(kv.get("mapped_lun"))).apply(c);
                }
                if (cmd.equals("set") && t[2].equals("auth")) {
                    NodeAcl acl = c.target(iqn).flatMap(x -> x.tpg(tag)).flatMap(x -> x.acl(init)).orElseThrow();
                    return LioChange.SetAuth.onAcl(iqn, tag, init, merge(acl.chap(), kv)).apply(c);
                }
                if (cmd.equals("set") && t[2].equals("attribute")) {
                    return new LioChange.SetAclAttributes(iqn, tag, init, longs(kv)).apply(c);
                }
            }
        }
        throw new AssertionError("line targetcli would not understand: " + redact(line));
    }

    private static void check(String got, String want, String line) {
        if (!want.equals(got)) {
            throw new AssertionError("expected " + want + " in " + redact(line));
        }
    }

    private static String redact(String line) {
        return line.replaceAll("password=\\S*", "password=****");
    }

    private static Map<String, Long> longs(Map<String, String> kv) {
        Map<String, Long> m = new LinkedHashMap<>();
        kv.forEach((k, v) -> m.put(k, Long.parseLong(v)));
        return m;
    }

    /** {@code set auth}: the keys on the line replace the old values, an empty value clears. */
    private static Chap merge(Chap old, Map<String, String> kv) {
        Optional<String> u = kv.containsKey("userid") ? opt(kv.get("userid")) : old.userid();
        Optional<Secret> pw = kv.containsKey("password") ? opt(kv.get("password")).map(Secret::of) : old.password();
        Optional<String> mu = kv.containsKey("mutual_userid") ? opt(kv.get("mutual_userid")) : old.mutualUserid();
        Optional<Secret> mp = kv.containsKey("mutual_password") ? opt(kv.get("mutual_password")).map(Secret::of)
                : old.mutualPassword();
        return new Chap(u, pw, mu, mp);
    }

    private static Optional<String> opt(String v) {
        return v.isEmpty() ? Optional.empty() : Optional.of(v);
    }

    /** Every line of a batch, for assertions. */
    static List<String> lines(String script) {
        return script.lines().filter(l -> !l.equals("saveconfig") && !l.equals("exit")).toList();
    }

}
