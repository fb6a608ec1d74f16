package org.sansdk.cluster.bundle;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.sansdk.cluster.design.Disk;
import org.sansdk.cluster.design.Node;
import org.sansdk.cluster.design.SanDesign;
import org.sansdk.cluster.map.DesignMapping;
import org.sansdk.core.Command;
import org.sansdk.core.PosixQuoting;
import org.sansdk.core.SanException;
import org.sansdk.core.Secret;
import org.sansdk.corosync.CorosyncConf;
import org.sansdk.corosync.CorosyncConfWriter;
import org.sansdk.iscsi.IscsiadmCommands;
import org.sansdk.iscsi.NodeRecord;
import org.sansdk.lio.LioConfig;
import org.sansdk.lio.SaveconfigWriter;
import org.sansdk.lio.targetcli.TargetcliBatch;
import org.sansdk.pacemaker.cib.Cib;
import org.sansdk.pacemaker.cib.CibWriter;
import org.sansdk.pacemaker.cib.Configuration;
import org.sansdk.pacemaker.ops.Pcs;
import org.sansdk.zfs.Zgenhostid;

/**
 * Renders a design into a {@link Bundle}: per node, every file with its target path and mode, and the commands to
 * run, stage by stage (see {@link Stage}); then RUNBOOK.md and REPORT.md. Files the SDK renders elsewhere (NFS,
 * SMB, sysctl, modprobe, the encrypted CHAP file, packages) come in through {@link BundleContribution}s.
 * Deterministic: no clock, no randomness, no hash order; the corosync authkey is created on the node by a command,
 * never rendered.
 *
 * <pre>{@code Bundle b = BundleRenderer.create().with(filesContribution).render(design.withSecrets(SecretSource.environment()));}</pre>
 */
public final class BundleRenderer {
    /** Where the bundle's own working files go on a node. */
    public static final String NODE_DIR = "/root/san-bundle";
    /** The corosync.conf path. */
    public static final String COROSYNC_CONF = "/etc/corosync/corosync.conf";
    /** The corosync authkey path. */
    public static final String AUTHKEY = "/etc/corosync/authkey";
    /** The initiator name path. */
    public static final String INITIATOR_NAME = "/etc/iscsi/initiatorname.iscsi";
    /** The iscsid.conf path. */
    public static final String ISCSID_CONF = "/etc/iscsi/iscsid.conf";
    /** The backend targetcli batch. */
    public static final String BACKEND_BATCH = NODE_DIR + "/backend-target.targetcli";
    /** The expected backend saveconfig.json (kernel defaults omitted). */
    public static final String BACKEND_SAVECONFIG = NODE_DIR + "/backend-saveconfig.json";
    /** The client target batch. */
    public static final String CLIENT_BATCH = NODE_DIR + "/client-target.targetcli";
    /** The CIB. */
    public static final String CIB_XML = NODE_DIR + "/cib.xml";
    /** The pcs script. */
    public static final String PCS_SCRIPT = NODE_DIR + "/pcs-setup.sh";
    /** The pcs script's working CIB file. */
    public static final String PCS_WORK = NODE_DIR + "/pcs-work.xml";
    /** Where the operator puts the hacluster password (0600) for {@code pcs host auth}. */
    public static final String HACLUSTER_PASSWORD_FILE = "/root/hacluster-password";

    private final List<BundleContribution> contributions;
    private final Optional<Secret> machineId;

    private BundleRenderer(List<BundleContribution> contributions, Optional<Secret> machineId) {
        this.contributions = List.copyOf(contributions);
        this.machineId = machineId;
    }

    /**
     * The whole bundle: the files this renderer makes, the host files (NFS, SMB, sysctl, modprobe, the CHAP env
     * file, packages) for Debian 12 with OpenZFS 2.1, and every design rule in REPORT.md.
     * Usage: {@code BundleRenderer.standard().render(design).writeTo(Path.of("bundle"))}.
     */
    public static BundleRenderer standard() {
        return create().with(HostFilesContribution.debian12()).with(new RulesContribution());
    }

    /** A renderer with no contribution. Usage: {@code BundleRenderer.create()}. */
    public static BundleRenderer create() {
        return new BundleRenderer(List.of(), Optional.empty());
    }

    /** This renderer plus a contribution (files, steps, findings). Usage: {@code r.with(contribution)}. */
    public BundleRenderer with(BundleContribution contribution) {
        List<BundleContribution> c = new ArrayList<>(contributions);
        c.add(Objects.requireNonNull(contribution, "contribution"));
        return new BundleRenderer(c, machineId);
    }

    /**
     * This renderer with the machine-id passphrase the encrypted CHAP file is sealed with (handed to the
     * contributions). Usage: {@code r.withMachineId(ChapEnvFile.passphraseFromFile(bytes))}.
     */
    public BundleRenderer withMachineId(Secret passphrase) {
        return new BundleRenderer(contributions, Optional.of(Objects.requireNonNull(passphrase, "passphrase")));
    }

    /**
     * Renders the bundle. Secrets the design refers to but that were not supplied are left out of every file (the
     * artefacts fail closed) and listed in REPORT.md and RUNBOOK.md.
     * Usage: {@code Bundle b = BundleRenderer.create().render(design);}
     *
     * @throws org.sansdk.core.ValidationException when a tool's rules refuse the mapped design
     * @throws org.sansdk.cluster.map.MappingException when the design cannot be mapped
     */
    public Bundle render(SanDesign design) {
        DesignMapping m = DesignMapping.of(design);
        RenderContext ctx = new RenderContext(design, m, machineId);
        Out out = new Out();
        Node first = m.firstStorageNode();
        CorosyncConf corosync = m.corosync();
        String corosyncText = CorosyncConfWriter.render(corosync);

        // HOSTID
        for (Node n : design.storageNodes()) {
            out.step(n.name(), Stage.HOSTID, "write the design's ZFS host id to /etc/hostid (multihost tells importers apart by it)",
                    Zgenhostid.write(n.hostId()));
        }
        // COROSYNC
        for (Node n : design.nodes()) {
            out.file(n.name(), COROSYNC_CONF, 0644, corosyncText, Stage.COROSYNC, Sensitivity.PLAIN);
        }
        out.step(first.name(), Stage.COROSYNC, "create the cluster's authkey once (256 random bytes, 0400)",
                Command.of("corosync-keygen", "-k", AUTHKEY));
        for (Node n : design.nodes()) {
            if (!n.equals(first)) {
                String addr = n.address("management").or(() -> n.addresses().values().stream().findFirst())
                        .map(a -> a.address()).orElse(n.name());
                out.step(first.name(), Stage.COROSYNC, "copy the same authkey to " + n.name() + " (mode kept by -p)",
                        Command.of("scp", "-p", AUTHKEY, "root@" + addr + ":" + AUTHKEY));
            }
        }
        for (Node n : design.nodes()) {
            out.step(n.name(), Stage.COROSYNC, "start corosync with the rendered corosync.conf",
                    Command.of("systemctl", "enable", "--now", "corosync"));
            out.step(n.name(), Stage.COROSYNC, "start Pacemaker (no resources yet)", Command.of("systemctl", "enable", "--now", "pacemaker"));
        }
        // DISKS
        for (Node n : design.storageNodes()) {
            for (Disk d : n.disks()) {
                out.step(n.name(), Stage.DISKS, "wipe the partition table of " + d.device() + " (destroys its data)",
                        Command.of("sgdisk", "-Z", d.device()));
                out.step(n.name(), Stage.DISKS, "one ZFS data partition labelled " + d.partlabel(),
                        Command.of("sgdisk", "-n1:0:0", "-t1:bf01", "-c1:" + d.partlabel(), d.device()));
            }
            out.step(n.name(), Stage.DISKS, "wait for udev's by-partlabel links", Command.of("udevadm", "settle"));
        }
        // BACKEND_TARGET + INITIATOR + CLIENT_TARGET files
        for (Node n : design.storageNodes()) {
            String name = n.name();
            TargetcliBatch backend = TargetcliBatch.of(m.backendTargetChanges(name));
            out.file(name, BACKEND_BATCH, 0600, backend.script(), Stage.BACKEND_TARGET, sensitivity(backend.hasSecrets()));
            LioConfig backendCfg = backend.applyTo(LioConfig.empty());
            out.file(name, BACKEND_SAVECONFIG, 0600, SaveconfigWriter.write(backendCfg), Stage.BACKEND_TARGET,
                    sensitivity(backend.hasSecrets()));
            out.step(name, Stage.BACKEND_TARGET, "build the backend target in one targetcli process (CHAP on stdin, ends with saveconfig)",
                    backend.command(), "targetcli < " + BACKEND_BATCH);
            out.step(name, Stage.BACKEND_TARGET, "restore the LIO configuration at boot (backend target always on)",
                    Command.of("systemctl", "enable", "rtslib-fb-targetctl"));

            out.file(name, INITIATOR_NAME, 0600, m.initiatorName(name).render(), Stage.INITIATOR, Sensitivity.PLAIN);
            out.file(name, ISCSID_CONF, 0600, m.iscsidConf(name).render(), Stage.INITIATOR, Sensitivity.PLAIN);
            NodeRecord rec = m.backendNodeRecord(name);
            boolean recSecret = rec.keys().stream().anyMatch(NodeRecord::isSecretKey);
            out.file(name, m.backendNodeRecordPath(name).toString(), 0600, new String(rec.toFileBytes(), StandardCharsets.UTF_8),
                    Stage.INITIATOR, sensitivity(recSecret));
            out.step(name, Stage.INITIATOR, "start iscsid with the rendered iscsid.conf and initiator name",
                    Command.of("systemctl", "enable", "--now", "iscsid"));
            Node peer = m.peer(name);
            out.step(name, Stage.INITIATOR, "log in to " + peer.name() + "'s backend target (node.startup=automatic logs in at boot)",
                    IscsiadmCommands.login(peer.backendTargetIqn().orElseThrow(), m.backendPortal(peer.name())));
            out.step(name, Stage.INITIATOR, "wait for the peer's LUNs and their by-path links", Command.of("udevadm", "settle"));

            List<org.sansdk.lio.targetcli.LioChange> clientChanges = m.clientTargetChanges();
            if (!clientChanges.isEmpty()) {
                TargetcliBatch client = TargetcliBatch.of(clientChanges);
                out.file(name, CLIENT_BATCH, 0600, client.script(), Stage.CLIENT_TARGET, sensitivity(client.hasSecrets()));
                if (name.equals(design.placement().preferredNode())) {
                    out.step(name, Stage.CLIENT_TARGET, "client-facing target on the active node (portals on the VIPs;"
                            + " sync-iscsi-luns then maps the zvols as LUNs)", client.command(), "targetcli < " + CLIENT_BATCH);
                }
            }
        }
        // POOL
        out.step(first.name(), Stage.POOL, "create the pool once: each mirror = local partition + the peer's same LUN",
                m.zpoolCreate());
        for (Command c : m.datasetCreates()) {
            out.step(first.name(), Stage.POOL, "create a dataset of the design", c);
        }
        out.step(first.name(), Stage.POOL, "hand the pool to Pacemaker: export it cleanly (Pacemaker imports it next)",
                Command.of("zpool", "export", design.pool().name()));
        // PACEMAKER
        Configuration conf = m.pacemakerConfiguration();
        Cib cib = Cib.of(conf);
        boolean cibSecret = conf.resources().stream().anyMatch(r -> !Pcs.secretsOf(r).isEmpty());
        out.file(first.name(), CIB_XML, 0600, CibWriter.toXml(cib), Stage.PACEMAKER, sensitivity(cibSecret));
        renderPcsScript(out, first.name(), conf);
        // fence_secrets: cibsecret — the values reach every node's secrets directory before the CIB with lrm:// is loaded
        int secretNo = 0;
        for (Command c : m.fenceSecretCommands()) {
            secretNo++;
            String file = String.format("%s/cibsecret/%02d-%s-%s", NODE_DIR, secretNo, c.argv().get(c.argv().size() - 2),
                    c.argv().get(c.argv().size() - 1));
            out.files.add(new BundleFile(first.name(), file, 0600, c.stdin().orElseThrow(), Stage.PACEMAKER, Sensitivity.SECRET));
            out.step(first.name(), Stage.PACEMAKER, "keep a fence password out of the CIB: cibsecret stores it on every node (value on "
                    + "stdin, from a 0600 file), the CIB holds lrm://", c, shellLine(c, file));
        }
        out.step(first.name(), Stage.PACEMAKER, "push the configuration (nodes, fencing, pool, group, constraints, defaults) in one go",
                Command.of("pcs", "cluster", "cib-push", CIB_XML, "--config"));
        if (secretNo > 0) {
            // cibsecret keeps the values under /var/lib/pacemaker/lrm/secrets now: the bundle's copies go
            out.step(first.name(), Stage.PACEMAKER, "remove the bundle's copies of the fence passwords (cibsecret holds them now)",
                    Command.of("rm", "-rf", "--", NODE_DIR + "/cibsecret"));
        }
        // contributions
        for (BundleContribution c : contributions) {
            c.files(ctx).forEach(out.files::add);
            out.steps.addAll(c.steps(ctx));
        }
        // VERIFY
        for (Node n : design.nodes()) {
            out.step(n.name(), Stage.VERIFY, "quorate, three votes", Command.of("corosync-quorumtool", "-s"));
            out.step(n.name(), Stage.VERIFY, "every corosync link connected", Command.of("corosync-cfgtool", "-s"));
        }
        out.step(first.name(), Stage.VERIFY, "the live CIB has no error or warning", Command.of("crm_verify", "-L", "-V"));
        out.step(first.name(), Stage.VERIFY, "pool, VIPs and services started on one storage node", Command.of("crm_mon", "-1"));
        for (Node n : design.storageNodes()) {
            out.step(n.name(), Stage.VERIFY, "one session to the peer's backend target with all its LUNs",
                    Command.of("iscsiadm", "-m", "session", "-P", "3"));
        }
        out.step(design.placement().preferredNode(), Stage.VERIFY, "every mirror ONLINE with its local and remote leg",
                Command.of("zpool", "status", "-P", design.pool().name()));

        List<String> nodes = design.nodes().stream().map(Node::name).toList();
        List<BundleStep> steps = new ArrayList<>(out.steps);
        steps.sort((a, b) -> a.stage().compareTo(b.stage()));
        checkUnique(out.files, steps, nodes);
        checkNoSecretOnArgv(steps);
        Bundle pre = new Bundle(nodes, out.files, steps, "", "");
        List<String> findings = new ArrayList<>();
        contributions.forEach(c -> findings.addAll(c.findings(ctx)));
        String runbook = Documents.runbook(ctx, pre);
        String report = Documents.report(ctx, pre, corosync, conf, findings);
        return new Bundle(nodes, out.files, steps, runbook, report);
    }

    private void renderPcsScript(Out out, String node, Configuration conf) {
        List<Command> cmds = Pcs.file(Path.of(PCS_WORK)).commandsFor(conf);
        StringBuilder sb = new StringBuilder();
        sb.append("#!/bin/sh\n");
        sb.append("# pcs-setup.sh rendered by san-sdk (san-cluster): the same configuration as cib.xml, built with pcs\n");
        sb.append("# against a file and pushed once, so no half-built configuration ever runs.\n");
        sb.append("# No secret is on any command line: a fencing device with credentials is created by cibadmin\n");
        sb.append("# reading its XML on stdin from a 0600 file under ").append(NODE_DIR).append("/pcs-stdin/.\n");
        sb.append("set -eu\n");
        sb.append("umask 077\n");
        sb.append("pcs cluster cib ").append(PCS_WORK).append('\n');
        int n = 0;
        for (Command c : cmds) {
            String stdinFile = null;
            if (c.stdin().isPresent()) {
                n++;
                stdinFile = String.format("%s/pcs-stdin/%02d-%s.xml", NODE_DIR, n, c.program());
                out.files.add(new BundleFile(node, stdinFile, 0600, c.stdin().get(), Stage.PACEMAKER,
                        sensitivity(c.stdinIsSecret())));
            }
            sb.append(shellLine(c, stdinFile)).append('\n');
        }
        sb.append("pcs cluster cib-push ").append(PCS_WORK).append(" --config\n");
        sb.append("rm -f ").append(PCS_WORK).append('\n');
        out.file(node, PCS_SCRIPT, 0700, sb.toString(), Stage.PACEMAKER, Sensitivity.PLAIN);
    }

    /** The shell line of a command: env prefix, quoted argv, {@code < FILE} for stdin from a bundle file. */
    static String shellLine(Command c, String stdinFile) {
        if (!c.redactedArgv().equals(c.argv())) {
            throw new SanException("refusing to render a command with a secret on its argv: " + c);
        }
        StringBuilder sb = new StringBuilder();
        for (Map.Entry<String, String> e : new java.util.TreeMap<>(c.env()).entrySet()) {
            if (c.secretEnvNames().contains(e.getKey())) {
                throw new SanException("refusing to render a command with a secret environment variable: " + c);
            }
            sb.append(e.getKey()).append('=').append(PosixQuoting.quote(e.getValue())).append(' ');
        }
        sb.append(PosixQuoting.join(c.argv()));
        if (stdinFile != null) {
            sb.append(" < ").append(stdinFile);
        }
        return sb.toString();
    }

    private static Sensitivity sensitivity(boolean secret) {
        return secret ? Sensitivity.SECRET : Sensitivity.PLAIN;
    }

    private static void checkUnique(List<BundleFile> files, List<BundleStep> steps, List<String> nodes) {
        java.util.Set<String> seen = new java.util.TreeSet<>();
        for (BundleStep s : steps) {
            if (!nodes.contains(s.node())) {
                throw new SanException("a bundle command for '" + s.node() + "', which is not a node of the design " + nodes);
            }
        }
        for (BundleFile f : files) {
            if (!nodes.contains(f.node())) {
                throw new SanException("a bundle file for '" + f.node() + "', which is not a node of the design " + nodes);
            }
            if (!seen.add(f.node() + ":" + f.path())) {
                throw new SanException("two bundle files for " + f.node() + ":" + f.path()
                        + " (a contribution renders a file the bundle already has)");
            }
        }
    }

    private static void checkNoSecretOnArgv(List<BundleStep> steps) {
        for (BundleStep s : steps) {
            if (!s.command().redactedArgv().equals(s.command().argv())) {
                throw new SanException("a bundle command carries a secret on its argv: " + s.command());
            }
        }
    }

    /** Collects files and steps. */
    private static final class Out {
        final List<BundleFile> files = new ArrayList<>();
        final List<BundleStep> steps = new ArrayList<>();

        void file(String node, String path, int mode, String text, Stage stage, Sensitivity s) {
            files.add(BundleFile.text(node, path, mode, text, stage, s));
        }

        void step(String node, Stage stage, String why, Command c) {
            steps.add(new BundleStep(node, stage, why, c, shellLine(c, null)));
        }

        void step(String node, Stage stage, String why, Command c, String shell) {
            steps.add(new BundleStep(node, stage, why, c, shell));
        }
    }
}
