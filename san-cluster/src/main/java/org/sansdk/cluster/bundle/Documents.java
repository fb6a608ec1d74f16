package org.sansdk.cluster.bundle;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.sansdk.cluster.design.Node;
import org.sansdk.cluster.design.SanDesign;
import org.sansdk.cluster.map.DesignMapping;
import org.sansdk.cluster.map.FailoverTiming;
import org.sansdk.cluster.map.MissingSecret;
import org.sansdk.core.ValidationException;
import org.sansdk.core.Violation;
import org.sansdk.corosync.CorosyncConf;
import org.sansdk.corosync.CorosyncValidator;
import org.sansdk.corosync.Finding;
import org.sansdk.lio.LioConfig;
import org.sansdk.lio.LioValidator;
import org.sansdk.lio.design.ClientTargetBuilder;
import org.sansdk.lio.targetcli.TargetcliBatch;
import org.sansdk.pacemaker.cib.Configuration;
import org.sansdk.pacemaker.design.SanResourceSet;

/** RUNBOOK.md and REPORT.md text (package use). */
final class Documents {
    /** Where the runbook assumes each node's bundle directory was copied. */
    static final String SRC = "/root/san-bundle-files";

    private static final Map<Stage, String> NOTES = notes();

    private Documents() {
    }

    private static Map<Stage, String> notes() {
        Map<Stage, String> m = new EnumMap<>(Stage.class);
        m.put(Stage.HOSTID, "zgenhostid refuses to overwrite an existing /etc/hostid: if it exists with another value, check"
                + " that no pool is imported and rerun with -f.");
        m.put(Stage.COROSYNC, "The authkey is created on the node, never rendered (the bundle stays deterministic and holds no"
                + " key). corosync.conf is identical on every node. `pcs cluster setup` is not used: it would write its own"
                + " corosync.conf and misreads a node named `quorum`. For pcs commands that talk to pcsd on other nodes, authenticate"
                + " once with the password on stdin, never `-p`: `pcs host auth NODES -u hacluster < " + BundleRenderer.HACLUSTER_PASSWORD_FILE
                + "` (a 0600 file you create; the hacluster password is not part of the design).");
        m.put(Stage.DISKS, "Destructive and once only: run it on new disks. Each disk gets one partition labelled as in the"
                + " design; the peer sees it as `-part1` of the LUN.");
        m.put(Stage.BACKEND_TARGET, "Run on BOTH storage nodes before any initiator logs in. The batch file holds the CHAP"
                + " secrets when they were supplied (0600); targetcli reads it on stdin. backend-saveconfig.json is the expected"
                + " configuration (kernel defaults omitted) that `saveconfig` writes to /etc/rtslib-fb-target/saveconfig.json.");
        m.put(Stage.INITIATOR, "The node record (0600, directory 0700) carries the CHAP login; iscsid.conf holds no secret.");
        m.put(Stage.POOL, "First storage node only, once. The pool is created before the Pacemaker configuration is pushed"
                + " and exported right after, so the zfs-pool resource finds an exported pool and imports it on the preferred"
                + " node; pushing the CIB first would make Pacemaker try to import a pool that does not exist yet.");
        m.put(Stage.PACEMAKER, "One push of the whole configuration. pcs-setup.sh is the equivalent pcs script (built on a file,"
                + " pushed once); run one or the other. The systemd unit `sync-iscsi-luns` must exist on both storage nodes"
                + " (not rendered by this bundle).");
        m.put(Stage.CLIENT_TARGET, "On the node running san-services. The portals bind to the VIPs, so the passive node needs"
                + " net.ipv4.ip_nonlocal_bind=1 to restore it after a failover; sync-iscsi-luns applies the same target after"
                + " every import.");
        return m;
    }

    static String runbook(RenderContext ctx, Bundle b) {
        SanDesign d = ctx.design();
        StringBuilder sb = new StringBuilder();
        sb.append("# RUNBOOK — ").append(d.clusterName()).append(": bare nodes → healthy cluster\n\n");
        sb.append("Rendered by san-sdk (san-cluster) from the design. Every file is in this bundle under `<node>/<target path>`;\n");
        sb.append("MANIFEST.tsv lists node, path, mode and SHA-256 (a secret file's hash is not printed). Copy each node's\n");
        sb.append("directory to that node as `").append(SRC).append("` first (e.g. `scp -rp storage-a root@NODE:").append(SRC)
                .append("`). Run each stage on every node it names before the next stage.\n\n");
        secretsSection(sb, ctx.mapping().missingSecrets(), "##");
        int i = 1;
        for (Stage s : Stage.values()) {
            sb.append("## ").append(i++).append(". ").append(s.title()).append("\n\n");
            if (NOTES.containsKey(s)) {
                sb.append(NOTES.get(s)).append("\n\n");
            }
            boolean any = false;
            for (String node : b.nodes()) {
                List<BundleFile> files = b.files(node).stream().filter(f -> f.stage() == s).toList();
                List<BundleStep> steps = b.steps(node).stream().filter(x -> x.stage() == s).toList();
                if (files.isEmpty() && steps.isEmpty()) {
                    continue;
                }
                any = true;
                sb.append("### ").append(node).append("\n\n```sh\n");
                List<String> dirs = new ArrayList<>();
                for (BundleFile f : files) {
                    if (f.path().startsWith("/etc/iscsi/nodes/")) {
                        String dir = f.path().substring(0, f.path().lastIndexOf('/'));
                        if (!dirs.contains(dir)) {
                            dirs.add(dir);
                            sb.append("install -d -m 0700 ").append(dir).append('\n');
                        }
                    }
                    sb.append("install -D -m ").append(f.modeText()).append(" -o root -g root ").append(SRC).append(f.path())
                            .append(' ').append(f.path()).append('\n');
                }
                for (BundleStep x : steps) {
                    sb.append("# ").append(x.why()).append('\n').append(x.shell()).append('\n');
                }
                sb.append("```\n\n");
            }
            if (!any) {
                sb.append("_Nothing rendered for this stage in this bundle (its files come from a contribution that was not"
                        + " added)._\n\n");
            }
        }
        return sb.toString();
    }

    static String report(RenderContext ctx, Bundle b, CorosyncConf corosync, Configuration conf, List<String> contributed) {
        SanDesign d = ctx.design();
        DesignMapping m = ctx.mapping();
        StringBuilder sb = new StringBuilder();
        sb.append("# REPORT — ").append(d.clusterName()).append("\n\n");
        sb.append("Rendered by san-sdk (san-cluster). The same design renders byte-identical files (no clock, no randomness;\n");
        sb.append("the corosync authkey is created on the node).\n\n");
        sb.append("## Nodes\n\n| node | role | corosync links | files | commands |\n|---|---|---|---|---|\n");
        for (Node n : d.nodes()) {
            List<String> links = new ArrayList<>();
            for (String l : n.corosyncLinks()) {
                links.add(l + " " + n.address(l).map(a -> a.address()).orElse("?"));
            }
            sb.append("| ").append(n.name()).append(" | ").append(n.role().name().toLowerCase(java.util.Locale.ROOT)).append(" | ")
                    .append(String.join(", ", links)).append(" | ").append(b.files(n.name()).size()).append(" | ")
                    .append(b.steps(n.name()).size()).append(" |\n");
        }
        sb.append("\n## Rules\n\n### corosync.conf (san-corosync CorosyncValidator)\n\n");
        List<Finding> findings = CorosyncValidator.validate(corosync);
        if (findings.isEmpty()) {
            sb.append("- no finding\n");
        }
        for (Finding f : findings) {
            sb.append("- ").append(f.severity()).append(' ').append(f.ruleId()).append(" at ").append(f.path()).append(": ")
                    .append(f.message()).append('\n');
        }
        sb.append("\n### LIO (san-lio LioValidator)\n\n");
        LioConfig last = LioConfig.empty();
        for (Node n : d.storageNodes()) {
            LioConfig cfg = TargetcliBatch.of(m.backendTargetChanges(n.name())).applyTo(LioConfig.empty());
            violations(sb, n.name() + " backend target", LioValidator.validate(cfg));
            last = cfg;
        }
        if (m.clientTarget().isPresent()) {
            try {
                ClientTargetBuilder.coldStart(last, m.clientTarget().get(), m.backendIqns(), m.zvols());
                violations(sb, "client target cold start on " + d.storageNodes().get(d.storageNodes().size() - 1).name()
                        + " (backend + client + the design's zvols)", List.of());
            } catch (ValidationException e) {
                violations(sb, "client target cold start", e.violations());
            }
        }
        if (!m.missingSecrets().isEmpty()) {
            sb.append("\nLIO-AUTH-001/002 above are expected while the CHAP secrets are missing: the targets keep authentication=1\n");
            sb.append("with no credential, so nothing can log in until they are supplied (fail closed).\n");
        }
        sb.append("\n### Pacemaker intent (san-pacemaker SanResourceSet.checkIntent)\n\n");
        violations(sb, "CIB configuration", SanResourceSet.checkIntent(conf, d.storageNodes().stream().map(Node::name).toList(),
                d.quorumNode().map(Node::name).orElse(""), SanResourceSet.POOL));
        sb.append("\n### Contributed rules\n\n");
        if (contributed.isEmpty()) {
            sb.append("- none (the design rules and host-file renderers plug in as BundleContributions)\n");
        }
        contributed.forEach(f -> sb.append("- ").append(f).append('\n'));

        FailoverTiming t = FailoverTiming.of(m);
        sb.append("\n## Failover timing\n\n");
        sb.append("Unplanned = detection + fencing + pool import (+ multihost activity check) + service starts;\n");
        sb.append("planned = stops + export + import + starts. Server side only: client reconnection comes on top (NFSv4 clients\n");
        sb.append("reclaim state within the server's grace period, iSCSI initiators retry on their own timers).\n\n");
        sb.append(t.markdown());
        FailoverTiming sdk = FailoverTiming.of(d.toBuilder().corosync(org.sansdk.cluster.design.CorosyncTiming.SDK_PROFILE)
                .serviceOrdering(org.sansdk.pacemaker.design.ServiceOrdering.BY_DEPENDENCY).build());
        sb.append("\nWith the SDK's profile (corosync `CorosyncTiming.SDK_PROFILE`: token 3000 ms, token_coefficient 0, consensus\n");
        sb.append("3600 ms; `placement.service_ordering: by_dependency`) the same design would fail over in ")
                .append(FailoverTiming.secs(sdk.unplanned())).append(" unplanned and ").append(FailoverTiming.secs(sdk.planned()))
                .append(" planned.\n");
        sb.append("\nThe document's ~10–12 s leaves out the consensus timeout (membership changes only after token + consensus)\n");
        sb.append("and the multihost activity check an import after a crash must wait; its detection row counts the iSCSI\n");
        sb.append("timeout, which runs in parallel with corosync and decides only when the survivor's remote legs fault.\n");

        sb.append("\n## Corrections to the design document\n\n| section | document | bundle | why |\n|---|---|---|---|\n");
        for (Correction c : Correction.ALL) {
            sb.append("| ").append(cell(c.section())).append(" | ").append(cell(c.document())).append(" | ").append(cell(c.sdk()))
                    .append(" | ").append(cell(c.why())).append(" |\n");
        }
        sb.append("\n## Proofs (run in CI)\n\n| artefact | proven by | tool | checks |\n|---|---|---|---|\n");
        for (Proof p : Proof.ALL) {
            sb.append("| ").append(cell(p.artefact())).append(" | `").append(p.test()).append("` | ").append(cell(p.tool()))
                    .append(" | ").append(cell(p.checks())).append(" |\n");
        }
        sb.append('\n');
        secretsSection(sb, m.missingSecrets(), "##");
        sb.append("## Not rendered by this bundle\n\n");
        sb.append("- the `sync-iscsi-luns` systemd unit the Pacemaker group starts;\n");
        sb.append("- the cockpit group (the design model has no cockpit VIP);\n");
        sb.append("- interface names: the design model names none, so each VIP goes on `eth-<vlan name>` as in the design"
                + " document;\n");
        sb.append("- NFS, SMB, sysctl, modprobe, encrypted CHAP file, packages: added by contributions (")
                .append(b.files().stream().anyMatch(f -> f.stage() == Stage.SERVICES || f.stage() == Stage.SYSCTL) ? "present" : "none added")
                .append(").\n");
        return sb.toString();
    }

    private static void secretsSection(StringBuilder sb, List<MissingSecret> missing, String h) {
        sb.append(h).append(" Secrets\n\n");
        if (missing.isEmpty()) {
            sb.append("Every secret the design refers to was supplied; the files holding them are marked `secret` in MANIFEST.tsv\n");
            sb.append("(mode 0600). The hacluster password is never part of the design (see the Corosync stage).\n\n");
            return;
        }
        sb.append("Not supplied, so every file that needs them was rendered WITHOUT them (no placeholder): CHAP logins,\n");
        sb.append("fencing and the TPGs fail closed (authentication stays required) until they are set. Supply them and render\n");
        sb.append("again, e.g. `SAN_SECRET_NAME=… sanctl render DESIGN --out DIR --secrets-env`:\n\n");
        sb.append("| secret | environment variable | used at |\n|---|---|---|\n");
        for (MissingSecret s : missing) {
            sb.append("| ").append(s.name()).append(" | `").append(s.environmentVariable()).append("` | ")
                    .append(String.join(", ", s.usedAt())).append(" |\n");
        }
        sb.append('\n');
    }

    private static void violations(StringBuilder sb, String what, List<Violation> v) {
        if (v.isEmpty()) {
            sb.append("- ").append(what).append(": no violation\n");
            return;
        }
        for (Violation x : v) {
            sb.append("- ").append(what).append(": ").append(x.ruleId()).append(" at ").append(x.path()).append(": ")
                    .append(x.message()).append('\n');
        }
    }

    private static String cell(String s) {
        return s.replace("|", "\\|").replace("\n", " ");
    }
}
