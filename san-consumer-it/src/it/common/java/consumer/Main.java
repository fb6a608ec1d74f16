package consumer;

import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
import java.util.TreeMap;
import java.util.TreeSet;
import org.sansdk.core.Command;
import org.sansdk.core.CommandResult;
import org.sansdk.core.LocalExecutor;
import org.sansdk.core.spi.OutputParser;
import org.sansdk.corosync.CorosyncConf;
import org.sansdk.corosync.CorosyncConfParser;
import org.sansdk.iscsi.SessionList;
import org.sansdk.iscsi.SessionListParser;
import org.sansdk.lio.LioConfig;
import org.sansdk.lio.SaveconfigParser;
import org.sansdk.pacemaker.cib.Cib;
import org.sansdk.pacemaker.cib.CibParser;
import org.sansdk.pacemaker.cib.Node;
import org.sansdk.pacemaker.cib.Resource;
import org.sansdk.zfs.DeviceState;
import org.sansdk.zfs.PoolStatus;
import org.sansdk.zfs.Vdev;
import org.sansdk.zfs.ZpoolStatusParser;
import org.sansdk.zfs.ZpoolStatusReport;

/**
 * A consumer of san-sdk's public API: runs a command, lists the parser kinds through ServiceLoader, parses one
 * input of each module and checks values that are in those inputs. Prints every mismatch and exits 1 if any.
 * The same source is built on the class path and (with module-info.java) on the module path.
 */
public final class Main {

    /** The kinds {@code sanctl parse --help} offers. */
    static final List<String> KINDS = List.of("zpool-status", "zpool-json", "zpool-import", "zpool-list",
            "zpool-get", "zfs-list", "zfs-get", "saveconfig", "cib", "crm-mon", "crm-simulate", "corosync-conf",
            "quorumtool", "cfgtool", "cmapctl", "iscsiadm-session", "iscsiadm-node", "iscsid-conf");

    static final String ZPOOL_STATUS = """
              pool: tank
             state: DEGRADED
            status: One or more devices could not be used because the label is missing or
            	invalid.  Sufficient replicas exist for the pool to continue
            	functioning in a degraded state.
            action: Replace the device using 'zpool replace'.
              scan: none requested
            config:

            	NAME                      STATE     READ WRITE CKSUM
            	tank                      DEGRADED     0     0     0
            	  mirror-0                DEGRADED     0     0     0
            	    /dev/sdb              ONLINE       0     0     0
            	    /dev/disk/by-path/ip-192.0.2.12:3260-iscsi-iqn.2003-01.org.linux-iscsi.storage-b:backend-lun-0  UNAVAIL      0     0     0

            errors: No known data errors
            """;

    static final String SAVECONFIG = """
            {
              "fabric_modules": [],
              "storage_objects": [
                {
                  "attributes": {
                    "block_size": 512
                  },
                  "dev": "/dev/zvol/tank/iscsi/vm-101-disk-0",
                  "name": "vm-101-disk-0",
                  "plugin": "block",
                  "readonly": false,
                  "write_back": false,
                  "wwn": "7c3e5a8e-1f2b-4c1d-9e0a-3b5d6f7a8b9c"
                }
              ],
              "targets": [
                {
                  "fabric": "iscsi",
                  "tpgs": [
                    {
                      "attributes": {
                        "authentication": 0
                      },
                      "enable": true,
                      "luns": [
                        {
                          "index": 0,
                          "storage_object": "/backstores/block/vm-101-disk-0"
                        }
                      ],
                      "node_acls": [],
                      "parameters": {},
                      "portals": [
                        {
                          "ip_address": "192.0.2.20",
                          "iser": false,
                          "offload": false,
                          "port": 3260
                        }
                      ],
                      "tag": 1
                    }
                  ],
                  "wwn": "iqn.2003-01.org.linux-iscsi.storage-a:client"
                }
              ]
            }
            """;

    static final String CIB = """
            <cib crm_feature_set="3.16.2" validate-with="pacemaker-3.9" epoch="7" num_updates="0" admin_epoch="0">
              <configuration>
                <crm_config>
                  <cluster_property_set id="cib-bootstrap-options">
                    <nvpair id="cib-bootstrap-options-stonith-enabled" name="stonith-enabled" value="true"/>
                  </cluster_property_set>
                </crm_config>
                <nodes>
                  <node id="1" uname="storage-a"/>
                  <node id="2" uname="storage-b"/>
                  <node id="3" uname="quorum"/>
                </nodes>
                <resources>
                  <primitive id="zfs-pool" class="ocf" provider="heartbeat" type="ZFS">
                    <instance_attributes id="zfs-pool-instance_attributes">
                      <nvpair id="zfs-pool-instance_attributes-pool" name="pool" value="tank"/>
                    </instance_attributes>
                  </primitive>
                </resources>
                <constraints/>
              </configuration>
              <status/>
            </cib>
            """;

    static final String COROSYNC_CONF = """
            totem {
                version: 2
                cluster_name: san
                transport: knet
            }

            nodelist {
                node {
                    ring0_addr: 192.0.2.11
                    name: storage-a
                    nodeid: 1
                }
                node {
                    ring0_addr: 192.0.2.12
                    name: storage-b
                    nodeid: 2
                }
                node {
                    ring0_addr: 192.0.2.13
                    name: quorum
                    nodeid: 3
                }
            }

            quorum {
                provider: corosync_votequorum
            }
            """;

    static final String SESSIONS = "tcp: [1] 192.0.2.12:3260,1 iqn.2003-01.org.linux-iscsi.storage-b:backend (non-flash)\n";

    private final List<String> mismatches = new ArrayList<>();

    public static void main(String[] args) {
        Main m = new Main();
        m.run();
        String where = Main.class.getModule().isNamed() ? "module path" : "class path";
        if (!m.mismatches.isEmpty()) {
            m.mismatches.forEach(s -> System.err.println("MISMATCH: " + s));
            System.err.println("consumer on the " + where + ": " + m.mismatches.size() + " mismatch(es)");
            System.exit(1);
        }
        System.out.println("consumer on the " + where + ": all checks passed (module of san-core: "
                + Command.class.getModule().getName() + ")");
    }

    private void check(String what, Object expected, Object actual) {
        if (!expected.equals(actual)) {
            mismatches.add(what + ": expected <" + expected + "> but was <" + actual + ">");
        }
    }

    private void run() {
        // san-core: a real process through commons-exec
        CommandResult r = new LocalExecutor().run(Command.of("true"));
        check("exit code of 'true'", 0, r.exitCode());

        // the parser kinds of every module, through ServiceLoader
        TreeMap<String, OutputParser> parsers = new TreeMap<>();
        for (OutputParser p : ServiceLoader.load(OutputParser.class)) {
            if (parsers.put(p.kind(), p) != null) {
                mismatches.add("parser kind registered twice: " + p.kind());
            }
        }
        check("parser kinds", new TreeSet<>(KINDS), new TreeSet<>(parsers.keySet()));

        // on the module path: every library is an explicit module that exports its API and hides internal
        if (Main.class.getModule().isNamed()) {
            checkModule("org.sansdk.core", "org.sansdk.core", null);
            checkModule("org.sansdk.zfs", "org.sansdk.zfs", "org.sansdk.zfs.internal");
            checkModule("org.sansdk.iscsi", "org.sansdk.iscsi", "org.sansdk.iscsi.internal");
            checkModule("org.sansdk.lio", "org.sansdk.lio.targetcli", "org.sansdk.lio.internal");
            checkModule("org.sansdk.corosync", "org.sansdk.corosync", "org.sansdk.corosync.internal");
            checkModule("org.sansdk.pacemaker", "org.sansdk.pacemaker.cib", "org.sansdk.pacemaker.internal");
            checkModule("org.sansdk.cluster", "org.sansdk.cluster.bundle", "org.sansdk.cluster.internal");
        }

        // san-cluster: the reference design file read (jackson-dataformat-yaml), checked and rendered (the host-file
        // renderers load their OpenZFS parameter lists as resources of the module)
        try {
            org.sansdk.cluster.design.SanDesign d = org.sansdk.cluster.design.SanDesignYaml.read(
                    java.nio.file.Path.of(System.getProperty("san.design")));
            check("design cluster name", "san-cluster", d.clusterName());
            check("design nodes", List.of("storage-a", "storage-b", "quorum"),
                    d.nodes().stream().map(org.sansdk.cluster.design.Node::name).toList());
            check("design rule errors", false, org.sansdk.cluster.rules.DesignRules.hasErrors(
                    org.sansdk.cluster.rules.DesignRules.check(d)));
            org.sansdk.cluster.bundle.Bundle b = org.sansdk.cluster.bundle.BundleRenderer.standard().render(d);
            check("bundle has storage-a's zfs.conf", true, b.file("storage-a", "/etc/modprobe.d/zfs.conf").isPresent());
            check("bundle corosync.conf names the cluster", true, b.file("quorum", "/etc/corosync/corosync.conf")
                    .map(f -> new String(f.bytes(), java.nio.charset.StandardCharsets.UTF_8).contains("cluster_name: san-cluster"))
                    .orElse(false));
        } catch (RuntimeException | LinkageError e) {
            mismatches.add("san-cluster: " + e);
        }

        // san-zfs
        ZpoolStatusReport report = ZpoolStatusParser.parse("zpool-status.txt", ZPOOL_STATUS);
        PoolStatus tank = report.pool("tank").orElse(null);
        if (tank == null) {
            mismatches.add("pool tank not found in " + report);
        } else {
            check("pool state", DeviceState.DEGRADED, tank.state());
            List<String> leaves = tank.root().map(v -> v.leaves().map(Vdev::name).toList()).orElse(List.of());
            check("leaf count", 2, leaves.size());
            check("first leaf", "/dev/sdb", leaves.isEmpty() ? null : leaves.get(0));
            check("second leaf state", DeviceState.UNAVAIL, tank.root().flatMap(v -> v.find(
                    "/dev/disk/by-path/ip-192.0.2.12:3260-iscsi-iqn.2003-01.org.linux-iscsi.storage-b:backend-lun-0"))
                    .map(Vdev::state).orElse(null));
        }

        // san-iscsi
        SessionList sessions = SessionListParser.parse("session.txt", SESSIONS);
        check("session count", 1, sessions.sessions().size());
        if (!sessions.sessions().isEmpty()) {
            check("session target", "iqn.2003-01.org.linux-iscsi.storage-b:backend", sessions.sessions().get(0).target());
            check("session portal", "192.0.2.12", sessions.sessions().get(0).portal().address());
        }

        // san-lio
        LioConfig lio = SaveconfigParser.parse("saveconfig.json", SAVECONFIG);
        check("target count", 1, lio.targets().size());
        if (!lio.targets().isEmpty()) {
            check("target wwn", "iqn.2003-01.org.linux-iscsi.storage-a:client", lio.targets().get(0).wwn());
            check("lun 0 backstore", "/backstores/block/vm-101-disk-0",
                    lio.targets().get(0).tpgs().get(0).luns().get(0).storageObject());
        }
        check("storage object count", 1, lio.storageObjects().size());

        // san-pacemaker
        Cib cib = CibParser.parse("cib.xml", CIB);
        check("cib nodes", List.of("storage-a", "storage-b", "quorum"),
                cib.configuration().nodes().stream().map(Node::uname).toList());
        check("cib resources", List.of("zfs-pool"),
                cib.configuration().resources().stream().map(Resource::id).toList());

        // san-corosync
        CorosyncConf conf = CorosyncConfParser.parse("corosync.conf", COROSYNC_CONF);
        check("corosync transport", "knet", conf.transport());
        check("corosync nodes", List.of("storage-a", "storage-b", "quorum"),
                conf.nodes().stream().map(CorosyncConf.Node::name).toList());
        check("cluster_name", "san", conf.value("totem.cluster_name").orElse(null));

        // what sanctl does with a kind: parse, then let Jackson serialise the result
        // (sanctl adds its own Optional handling; a plain mapper is enough to reach every model class by reflection)
        ObjectMapper mapper = JsonMapper.builder().disable(MapperFeature.REQUIRE_HANDLERS_FOR_JAVA8_OPTIONALS).build();
        json(mapper, parsers, "zpool-status", ZPOOL_STATUS, "/dev/sdb");
        json(mapper, parsers, "saveconfig", SAVECONFIG, "iqn.2003-01.org.linux-iscsi.storage-a:client");
        json(mapper, parsers, "cib", CIB, "zfs-pool");
        json(mapper, parsers, "corosync-conf", COROSYNC_CONF, "storage-b");
        json(mapper, parsers, "iscsiadm-session", SESSIONS, "iqn.2003-01.org.linux-iscsi.storage-b:backend");
        json(mapper, parsers, "iscsid-conf", "node.startup = manual\n", "node.startup");
    }

    private void checkModule(String name, String api, String internal) {
        Module m = ModuleLayer.boot().findModule(name).orElse(null);
        if (m == null) {
            mismatches.add("module " + name + " is not in the boot layer");
            return;
        }
        check(name + " is an explicit module", false, m.getDescriptor().isAutomatic());
        check(name + " exports " + api, true, m.isExported(api));
        if (internal != null) {
            check(name + " exports " + internal, false, m.isExported(internal));
        }
    }

    private void json(ObjectMapper mapper, TreeMap<String, OutputParser> parsers, String kind, String text,
            String mustContain) {
        OutputParser p = parsers.get(kind);
        if (p == null) {
            return; // already reported as a missing kind
        }
        try {
            String json = mapper.writeValueAsString(p.parse(kind, text));
            if (!json.contains(mustContain)) {
                mismatches.add(kind + " JSON lacks " + mustContain + ": " + json);
            }
        } catch (Exception | LinkageError e) {
            mismatches.add(kind + " to JSON failed: " + e);
        }
    }
}
