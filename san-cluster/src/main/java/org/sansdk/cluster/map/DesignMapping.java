package org.sansdk.cluster.map;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.sansdk.cluster.design.BackendChap;
import org.sansdk.cluster.design.ChapLogin;
import org.sansdk.cluster.design.ClientService;
import org.sansdk.cluster.design.ClientVlanSpec;
import org.sansdk.cluster.design.CorosyncTiming;
import org.sansdk.cluster.design.DatasetSpec;
import org.sansdk.cluster.design.DesignSecret;
import org.sansdk.cluster.design.Disk;
import org.sansdk.cluster.design.Fencing;
import org.sansdk.cluster.design.IscsiAccess;
import org.sansdk.cluster.design.IscsiSettings;
import org.sansdk.cluster.design.Node;
import org.sansdk.cluster.design.SanDesign;
import org.sansdk.cluster.design.SecretRef;
import org.sansdk.cluster.design.SecretSource;
import org.sansdk.cluster.design.ZvolSpec;
import org.sansdk.core.Command;
import org.sansdk.core.IpCidr;
import org.sansdk.core.Iqn;
import org.sansdk.core.Secret;
import org.sansdk.core.ZfsName;
import org.sansdk.corosync.ConfItem;
import org.sansdk.corosync.CorosyncConf;
import org.sansdk.corosync.CorosyncConfBuilder;
import org.sansdk.corosync.CorosyncValidator;
import org.sansdk.corosync.TotemTiming;
import org.sansdk.iscsi.ByPath;
import org.sansdk.iscsi.ChapCredentials;
import org.sansdk.iscsi.FastFailoverProfile;
import org.sansdk.iscsi.InitiatorName;
import org.sansdk.iscsi.IscsidConf;
import org.sansdk.iscsi.NodeRecord;
import org.sansdk.iscsi.NodeRecordFile;
import org.sansdk.iscsi.Portal;
import org.sansdk.lio.Chap;
import org.sansdk.lio.design.BackendTargetBuilder;
import org.sansdk.lio.design.BackendTargetSpec;
import org.sansdk.lio.design.ClientTargetBuilder;
import org.sansdk.lio.design.ClientTargetSpec;
import org.sansdk.lio.design.ClientTpg;
import org.sansdk.lio.design.LocalDisk;
import org.sansdk.lio.sync.Zvol;
import org.sansdk.lio.targetcli.LioChange;
import org.sansdk.pacemaker.cib.Configuration;
import org.sansdk.pacemaker.design.FencingDevice;
import org.sansdk.pacemaker.design.SanResourceSpec;
import org.sansdk.pacemaker.design.SanResourceSet;
import org.sansdk.pacemaker.design.SanService;
import org.sansdk.pacemaker.ops.CibSecret;
import org.sansdk.zfs.HostIdCheck;
import org.sansdk.zfs.NodeHostId;
import org.sansdk.zfs.ZfsCreate;
import org.sansdk.zfs.ZpoolCreate;

/**
 * The design mapped onto every tool's typed input, with the design document's mistakes corrected:
 * <ul>
 * <li>corosync: one corosync.conf for all nodes (same nodelist; each node's {@code ringN_addr} is its address on
 *     the network of its corosync link N), consensus left to corosync unless the design sets it, validated by
 *     {@link CorosyncValidator} (consensus ≥ 1.2 × effective token, same links on every node);</li>
 * <li>open-iscsi on each storage node: iscsid.conf with the design's timeouts and no CHAP secret in it, the
 *     initiator name, and the node record (0600) of the peer's backend target carrying the CHAP login;</li>
 * <li>LIO: the backend target per storage node (portal on its storage address, LUN N = disk N, one ACL for the
 *     peer's initiator, CHAP) and one client-facing target with a TPG per client VLAN (portals on the VIPs, IQN
 *     outside the backend namespace);</li>
 * <li>Pacemaker: a {@link SanResourceSpec} (pool, group, colocation + order, quorum ban on every resource);</li>
 * <li>ZFS: the one-time {@code zpool create} on the first storage node, each mirror = local partition (by
 *     partlabel) + the peer's same-numbered LUN's data partition by its udev by-path name; then {@code zfs create}.</li>
 * </ul>
 * A design whose secrets were not supplied maps too: every artefact that needs a secret is built WITHOUT it and
 * fails closed (authentication stays required, so nothing can log in until the secret is set); see
 * {@link #missingSecrets()}.
 *
 * <pre>{@code DesignMapping m = DesignMapping.of(design); String conf = CorosyncConfWriter.render(m.corosync());}</pre>
 */
public final class DesignMapping {
    /** The infrastructure network the backend iSCSI replication uses (the design model has no network roles). */
    public static final String STORAGE_NETWORK = "storage";
    /** The TPG of every backend target. */
    public static final int BACKEND_TPG = 1;
    /** The open-iscsi configuration directory. */
    public static final Path ISCSI_DIR = NodeRecordFile.DEFAULT_DIR;
    /** The iface every backend node record uses. */
    public static final String IFACE = "default";

    private final SanDesign design;
    private final String storageNetwork;
    private final FenceSecrets fenceSecrets;

    /**
     * Where the fence devices' secret parameters (BMC passwords, SNMP communities) go.
     * Usage: {@code DesignMapping.of(design).withFenceSecrets(DesignMapping.FenceSecrets.CIBSECRET)}.
     */
    public enum FenceSecrets {
        /**
         * In the CIB as the devices' parameters (the default): every node's CIB copy (the quorum node's too),
         * {@code cibadmin --query}, {@code pcs config} and crm_report archives carry them.
         */
        IN_CIB,
        /**
         * Through Pacemaker's {@code cibsecret}: the CIB holds {@code lrm://} for each secret parameter and the values go
         * to {@code /var/lib/pacemaker/lrm/secrets} on every node by {@link #fenceSecretCommands()}, run before the CIB
         * is loaded (see docs/cibsecret.md for what that protects and what not).
         */
        CIBSECRET
    }

    private DesignMapping(SanDesign design, String storageNetwork) {
        this(design, storageNetwork, design.fenceSecrets() == org.sansdk.cluster.design.FenceSecretStore.CIBSECRET
                ? FenceSecrets.CIBSECRET : FenceSecrets.IN_CIB);
    }

    private DesignMapping(SanDesign design, String storageNetwork, FenceSecrets fenceSecrets) {
        this.design = Objects.requireNonNull(design, "design");
        this.storageNetwork = Objects.requireNonNull(storageNetwork, "storageNetwork");
        this.fenceSecrets = Objects.requireNonNull(fenceSecrets, "fenceSecrets");
        if (design.network(storageNetwork).isEmpty()) {
            throw new MappingException("networks: no network named '" + storageNetwork
                    + "' for the backend iSCSI replication (known: " + design.networks().stream().map(n -> n.name()).toList() + ")");
        }
    }

    /** The mapping with the backend on the network named {@value #STORAGE_NETWORK}. Usage: {@code DesignMapping.of(design)}. */
    public static DesignMapping of(SanDesign design) {
        return new DesignMapping(design, STORAGE_NETWORK);
    }

    /** The mapping with the backend on another network. Usage: {@code DesignMapping.of(design, "interconnect")}. */
    public static DesignMapping of(SanDesign design, String storageNetwork) {
        return new DesignMapping(design, storageNetwork);
    }

    /**
     * The same mapping with the fence devices' secret parameters kept as given (default: the design's
     * {@code fence_secrets}, {@link FenceSecrets#IN_CIB} unless it says {@code cibsecret}).
     * Usage: {@code DesignMapping.of(design).withFenceSecrets(DesignMapping.FenceSecrets.CIBSECRET)}.
     */
    public DesignMapping withFenceSecrets(FenceSecrets where) {
        return new DesignMapping(design, storageNetwork, where);
    }

    /** Where the fence devices' secret parameters go. Usage: {@code m.fenceSecrets()}. */
    public FenceSecrets fenceSecrets() {
        return fenceSecrets;
    }

    /** The design. Usage: {@code m.design()}. */
    public SanDesign design() {
        return design;
    }

    /** The storage node that creates the pool (the first in design order). Usage: {@code m.firstStorageNode().name()}. */
    public Node firstStorageNode() {
        return design.storageNodes().get(0);
    }

    // ---------------------------------------------------------------- corosync

    /**
     * corosync.conf, identical on every node: knet, aes256/sha256, the design's token/join/max_messages (consensus
     * only when the design sets it), each node's link addresses in link order; validated.
     * Usage: {@code CorosyncConfWriter.render(m.corosync())}.
     *
     * @throws org.sansdk.core.ValidationException when corosync would refuse it or it breaks a timing rule
     * @throws MappingException                    when a node has no address on one of its link networks
     */
    public CorosyncConf corosync() {
        CorosyncTiming t = design.corosync();
        CorosyncConfBuilder b = CorosyncConfBuilder.cluster(design.clusterName()).token(t.token()).join(t.join())
                .maxMessages(t.maxMessages());
        t.consensus().ifPresent(b::consensus);
        for (int i = 0; i < design.nodes().size(); i++) {
            Node n = design.nodes().get(i);
            List<String> addrs = new ArrayList<>();
            for (String link : n.corosyncLinks()) {
                addrs.add(n.address(link).orElseThrow(() -> new MappingException("nodes[" + n.name() + "].addresses." + link
                        + ": the node has a corosync link on '" + link + "' but no address there")).address());
            }
            b.node(n.name(), n.nodeId(), addrs.toArray(String[]::new));
        }
        design.qdevice().ifPresent(q -> b.qdevice(q.host(), q.algorithm()));
        CorosyncConf conf = b.buildUnchecked();
        if (!t.tokenCoefficient().equals(TotemTiming.DEFAULT_TOKEN_COEFFICIENT)) {
            conf = withTotemEntry(conf, "token_coefficient", Long.toString(t.tokenCoefficient().toMillis()));
        }
        CorosyncValidator.requireValid(conf);
        return conf;
    }

    /**
     * The corosync.conf of one node: the same file as {@link #corosync()} (corosync wants an identical nodelist
     * everywhere); refuses a node that is not in the design. Usage: {@code m.corosyncFor("quorum")}.
     */
    public CorosyncConf corosyncFor(String node) {
        requireNode(node);
        return corosync();
    }

    private static CorosyncConf withTotemEntry(CorosyncConf conf, String key, String value) {
        List<ConfItem> items = new ArrayList<>();
        for (ConfItem i : conf.items()) {
            if (i instanceof ConfItem.Section s && s.name().equals("totem")) {
                List<ConfItem> totem = new ArrayList<>(s.items());
                totem.add(ConfItem.Entry.of(key, value));
                items.add(ConfItem.Section.of("totem", totem));
            } else {
                items.add(i);
            }
        }
        return CorosyncConf.of(items);
    }

    /** The totem timing corosync runs with for this design. Usage: {@code m.totemTiming().failureDetection()}. */
    public TotemTiming totemTiming() {
        return corosync().timing();
    }

    // ---------------------------------------------------------------- open-iscsi

    /**
     * The design's initiator timeouts as a profile (node.startup automatic, replacement/login/no-op timeouts).
     * Usage: {@code m.initiatorProfile().describe()}.
     */
    public FastFailoverProfile initiatorProfile() {
        IscsiSettings s = design.iscsi();
        return new FastFailoverProfile(List.of(
                new FastFailoverProfile.Value("node.startup", "automatic",
                        "log in to the peer's backend target at boot, so the remote legs exist before Pacemaker imports the pool"),
                new FastFailoverProfile.Value("node.session.timeo.replacement_timeout", secs(s.replacementTimeout()),
                        "queued I/O to a dead peer's legs fails after this, ZFS faults the remote leg and carries on"),
                new FastFailoverProfile.Value("node.conn[0].timeo.login_timeout", secs(s.loginTimeout()),
                        "a login to a peer that is down gives up after this"),
                new FastFailoverProfile.Value("node.conn[0].timeo.noop_out_interval", secs(s.noopOutInterval()),
                        "a NOP-Out ping this often notices a silent peer"),
                new FastFailoverProfile.Value("node.conn[0].timeo.noop_out_timeout", secs(s.noopOutTimeout()),
                        "an unanswered ping starts session recovery after this")));
    }

    /**
     * iscsid.conf for a storage node: the design's timeouts and {@code node.startup = automatic}, every comment on
     * its own line (open-iscsi has no trailing comments), and NO CHAP secret: the CHAP login is in the 0600 node
     * record of the peer's target ({@link #backendNodeRecord}). Usage: {@code m.iscsidConf("storage-a").render()}.
     */
    public IscsidConf iscsidConf(String node) {
        requireStorage(node);
        StringBuilder b = new StringBuilder();
        b.append("# /etc/iscsi/iscsid.conf rendered by san-sdk (san-cluster) from the design\n");
        b.append("# open-iscsi reads a '#' only at the start of a line: no comment ever follows a value\n");
        b.append("# CHAP credentials are not kept here: they are in the node record (mode 0600) of the peer's backend target\n");
        for (FastFailoverProfile.Value v : initiatorProfile().settings()) {
            b.append("# ").append(v.reason()).append('\n');
            b.append(v.key()).append(" = ").append(v.value()).append('\n');
        }
        return IscsidConf.parse("iscsid.conf (" + node + ")", b.toString());
    }

    /** {@code /etc/iscsi/initiatorname.iscsi} of a storage node. Usage: {@code m.initiatorName("storage-a").render()}. */
    public InitiatorName initiatorName(String node) {
        return InitiatorName.of(storage(node).initiatorIqn().orElseThrow());
    }

    /** The portal of a storage node's backend target: its storage address, port 3260, TPG 1. Usage: {@code m.backendPortal("storage-b")}. */
    public Portal backendPortal(String storageNode) {
        return Portal.of(storageAddress(storage(storageNode)).address(), Portal.DEFAULT_PORT, BACKEND_TPG);
    }

    /** The peer storage node of a storage node. Usage: {@code m.peer("storage-a").name()}. */
    public Node peer(String storageNode) {
        requireStorage(storageNode);
        return design.peerOf(storageNode).orElseThrow();
    }

    /**
     * The node record a storage node's initiator keeps for its peer's backend target: the design's timeouts, the
     * initiator name, and the backend CHAP (forward and mutual) when the design has it. Without supplied secrets
     * the user names stay and the passwords are left out (the login fails until they are set).
     * Usage: {@code NodeRecordFile.plan("storage-a", DesignMapping.ISCSI_DIR, m.backendNodeRecord("storage-a"))}.
     */
    public NodeRecord backendNodeRecord(String node) {
        Node self = storage(node);
        Node peer = peer(node);
        Iqn target = peer.backendTargetIqn().orElseThrow();
        Portal portal = backendPortal(peer.name());
        Iqn initiator = self.initiatorIqn().orElseThrow();
        Optional<BackendChap> chap = design.iscsi().backendChap();
        if (chap.isEmpty()) {
            NodeRecord r = NodeRecordFile.designRecord(target, portal, initiator,
                    ChapCredentials.oneWay("unused", Secret.of("unused")), initiatorProfile());
            List<NodeRecord.Entry> kept = r.entries().stream().filter(e -> !e.key().startsWith("node.session.auth.")).toList();
            return new NodeRecord(r.version(), kept).with("node.session.auth.authmethod", NodeRecord.Value.of("None"));
        }
        BackendChap c = chap.get();
        Optional<Secret> pw = secret(c.forward().password());
        Optional<Secret> mpw = c.mutual().flatMap(m -> secret(m.password()));
        boolean complete = pw.isPresent() && (c.mutual().isEmpty() || mpw.isPresent());
        ChapCredentials creds = c.mutual().isPresent()
                ? ChapCredentials.mutual(c.forward().user(), pw.orElse(Secret.of("unset")), c.mutual().get().user(),
                        mpw.orElse(Secret.of("unset-mutual")))
                : ChapCredentials.oneWay(c.forward().user(), pw.orElse(Secret.of("unset")));
        NodeRecord r = NodeRecordFile.designRecord(target, portal, initiator, creds, initiatorProfile());
        if (complete) {
            return r;
        }
        return new NodeRecord(r.version(), r.entries().stream().filter(e -> !NodeRecord.isSecretKey(e.key())).toList());
    }

    /** Where the node record of {@link #backendNodeRecord} goes. Usage: {@code m.backendNodeRecordPath("storage-a")}. */
    public Path backendNodeRecordPath(String node) {
        Node peer = peer(node);
        return NodeRecordFile.path(ISCSI_DIR, peer.backendTargetIqn().orElseThrow(), backendPortal(peer.name()), IFACE);
    }

    // ---------------------------------------------------------------- LIO

    /**
     * The backend target of a storage node: its backend IQN, portal on its storage address, one block backstore and
     * LUN per disk (backstore named after the partition label, LUN N = disk N), the peer's initiator as the one ACL,
     * the backend CHAP (a {@link Chap#NONE} when the design has none or its secrets were not supplied).
     * Usage: {@code BackendTargetBuilder.batch(m.backendTarget("storage-a"))}.
     */
    public BackendTargetSpec backendTarget(String node) {
        Node self = storage(node);
        Node peer = peer(node);
        List<LocalDisk> disks = new ArrayList<>();
        for (Disk d : self.disks()) {
            disks.add(new LocalDisk(d.partlabel(), d.device()));
        }
        return new BackendTargetSpec(self.backendTargetIqn().orElseThrow(), storageAddress(self), Portal.DEFAULT_PORT, disks,
                peer.initiatorIqn().orElseThrow(), backendChap().orElse(Chap.NONE), BackendTargetSpec.Discard.KEEP);
    }

    /**
     * The targetcli changes building a storage node's backend target. When the design has backend CHAP but its
     * secrets were not supplied, the CHAP line is left out and {@code authentication} stays 1 (fails closed).
     * Usage: {@code TargetcliBatch.of(m.backendTargetChanges("storage-a")).script()}.
     */
    public List<LioChange> backendTargetChanges(String node) {
        List<LioChange> changes = BackendTargetBuilder.changes(backendTarget(node));
        if (design.iscsi().backendChap().isPresent() && backendChap().isEmpty()) {
            return forceAuthentication(changes, Set.of(BACKEND_TPG));
        }
        return changes;
    }

    private Optional<Chap> backendChap() {
        Optional<BackendChap> c = design.iscsi().backendChap();
        if (c.isEmpty()) {
            return Optional.empty();
        }
        Optional<Secret> pw = secret(c.get().forward().password());
        if (pw.isEmpty()) {
            return Optional.empty();
        }
        Chap chap = Chap.of(c.get().forward().user(), pw.get());
        if (c.get().mutual().isPresent()) {
            Optional<Secret> m = secret(c.get().mutual().get().password());
            if (m.isEmpty()) {
                return Optional.empty();
            }
            chap = chap.withMutual(c.get().mutual().get().user(), m.get());
        }
        return Optional.of(chap);
    }

    /** The backend target IQNs of both storage nodes. Usage: {@code m.backendIqns()}. */
    public List<Iqn> backendIqns() {
        return design.storageNodes().stream().map(n -> n.backendTargetIqn().orElseThrow()).toList();
    }

    /**
     * The client-facing target: the design's client IQN, one TPG per client VLAN by list position (VLANs without
     * iSCSI keep their number), portals on the VIPs; empty when no VLAN offers iSCSI.
     * Usage: {@code m.clientTarget().map(s -> ClientTargetBuilder.batch(s, m.backendIqns()))}.
     *
     * @throws MappingException when a VLAN offers iSCSI but the design has no client target IQN
     */
    public Optional<ClientTargetSpec> clientTarget() {
        if (design.clientVlans().stream().noneMatch(v -> v.offers(ClientService.ISCSI))) {
            return Optional.empty();
        }
        Iqn iqn = design.iscsi().clientTargetIqn().orElseThrow(() -> new MappingException(
                "iscsi.client_target_iqn: a client VLAN offers iscsi, so the client-facing target needs its IQN"));
        List<ClientTpg> vlans = new ArrayList<>();
        for (ClientVlanSpec v : design.clientVlans()) {
            if (!v.offers(ClientService.ISCSI)) {
                vlans.add(ClientTpg.nonIscsi(v.name()));
                continue;
            }
            ZfsName ds = ZfsName.parse(design.pool().name() + "/" + v.dataset().orElseThrow());
            ClientTpg.Access access;
            if (v.access() instanceof IscsiAccess.GenerateNodeAcls g) {
                access = new ClientTpg.Open(g.chap().flatMap(this::chap).orElse(Chap.NONE));
            } else {
                IscsiAccess.Acls a = (IscsiAccess.Acls) v.access();
                access = new ClientTpg.Acls(a.entries().stream()
                        .map(e -> new ClientTpg.InitiatorAcl(e.iqn(), e.chap().flatMap(this::chap).orElse(Chap.NONE))).toList());
            }
            vlans.add(ClientTpg.iscsi(v.name(), v.vip(), v.port(), ds, access));
        }
        return Optional.of(new ClientTargetSpec(iqn, vlans));
    }

    /**
     * The targetcli changes building the client-facing target (target, TPGs, portals, ACLs, CHAP; LUNs come from the
     * LUN sync after each pool import). A VLAN whose CHAP secrets were not supplied keeps {@code authentication=1}.
     * Usage: {@code TargetcliBatch.of(m.clientTargetChanges()).script()}.
     */
    public List<LioChange> clientTargetChanges() {
        Optional<ClientTargetSpec> spec = clientTarget();
        if (spec.isEmpty()) {
            return List.of();
        }
        List<LioChange> changes = ClientTargetBuilder.changes(spec.get(), backendIqns());
        Set<Integer> unresolved = new LinkedHashSet<>();
        for (int i = 0; i < design.clientVlans().size(); i++) {
            IscsiAccess a = design.clientVlans().get(i).access();
            List<ChapLogin> logins = a instanceof IscsiAccess.GenerateNodeAcls g ? g.chap().stream().toList()
                    : ((IscsiAccess.Acls) a).entries().stream().flatMap(e -> e.chap().stream()).toList();
            if (logins.stream().anyMatch(l -> chap(l).isEmpty())) {
                unresolved.add(i + 1);
            }
        }
        return unresolved.isEmpty() ? changes : forceAuthentication(changes, unresolved);
    }

    /** The design's zvols as the LUN sync sees them. Usage: {@code m.zvols()}. */
    public List<Zvol> zvols() {
        return design.zvols().stream().map(z -> Zvol.of(design.pool().name() + "/" + z.name(), z.size())).toList();
    }

    private Optional<Chap> chap(ChapLogin login) {
        return secret(login.password()).map(pw -> Chap.of(login.user(), pw));
    }

    private static List<LioChange> forceAuthentication(List<LioChange> changes, Set<Integer> tags) {
        List<LioChange> out = new ArrayList<>();
        for (LioChange c : changes) {
            if (c instanceof LioChange.SetTpgAttributes s && tags.contains(s.tag()) && s.attributes().containsKey("authentication")) {
                Map<String, Long> attrs = new LinkedHashMap<>(s.attributes());
                attrs.put("authentication", 1L);
                out.add(new LioChange.SetTpgAttributes(s.target(), s.tag(), attrs));
            } else {
                out.add(c);
            }
        }
        return out;
    }

    // ---------------------------------------------------------------- Pacemaker

    /**
     * The Pacemaker input: pool with the design's start/stop timeouts, the two storage nodes and the quorum node,
     * preference and stickiness, one VIP per client VLAN (on interface {@code eth-<vlan>}: the design model names
     * no interfaces), the services the VLANs offer, one fencing device per storage node with
     * {@code pcmk_reboot_timeout} from the design (secret parameters only when supplied; with
     * {@link FenceSecrets#CIBSECRET} each secret parameter is {@code lrm://} instead of its value).
     * Usage: {@code SanResourceSet.configuration(m.pacemaker())}.
     *
     * @throws MappingException for a qdevice design (the resource set needs a third Pacemaker node to ban)
     */
    public SanResourceSpec pacemaker() {
        Node quorum = design.quorumNode().orElseThrow(() -> new MappingException(
                "qdevice: the Pacemaker resource set needs a quorum node to ban resources from; a qdevice design is not mapped"));
        List<Node> storage = design.storageNodes();
        SanResourceSpec.Builder b = SanResourceSpec.builder().pool(design.pool().name())
                .poolTimeouts(design.placement().poolStartTimeout(), design.placement().poolStopTimeout())
                .storageNodes(storage.get(0).name(), storage.get(1).name()).quorumNode(quorum.name())
                .preferredNode(design.placement().preferredNode(), design.placement().preferenceScore())
                .stickiness(design.placement().stickiness());
        for (ClientVlanSpec v : design.clientVlans()) {
            b.vip(v.name(), v.vip().toString(), nicOf(v));
        }
        Set<SanService> services = new LinkedHashSet<>();
        for (ClientVlanSpec v : design.clientVlans()) {
            if (v.offers(ClientService.ISCSI)) {
                services.add(SanService.ISCSI);
            }
            if (v.offers(ClientService.NFS)) {
                services.add(SanService.NFS);
            }
            if (v.offers(ClientService.SMB)) {
                services.add(SanService.SMB);
            }
        }
        b.services(services.toArray(SanService[]::new));
        for (Fencing f : design.fencing()) {
            Map<String, String> params = new LinkedHashMap<>(f.parameters());
            params.put("pcmk_reboot_timeout", f.timeout().toSeconds() + "s");
            if (fenceSecrets == FenceSecrets.CIBSECRET) {
                // only the reference: the value reaches the nodes' secret files through fenceSecretCommands()
                f.secrets().keySet().forEach(k -> params.put(k, CibSecret.MAGIC));
            }
            FencingDevice dev = FencingDevice.of(f.node(), f.agent(), params);
            if (fenceSecrets == FenceSecrets.IN_CIB) {
                for (Map.Entry<String, DesignSecret> e : f.secrets().entrySet()) {
                    Optional<Secret> s = secret(e.getValue());
                    if (s.isPresent()) {
                        dev = dev.withSecret(e.getKey(), s.get());
                    }
                }
            }
            b.fencing(dev);
        }
        return b.build();
    }

    /**
     * With {@link FenceSecrets#CIBSECRET}: one {@code cibsecret -C set fence-<node> <parameter>} per supplied secret
     * parameter of each fencing device, in design order, the value on the command's secret stdin (never on argv). Run
     * them on one cluster node (Pacemaker running, ssh to the other nodes) BEFORE the CIB with {@code lrm://} is loaded,
     * so no device starts without its secret; {@code -C} leaves the CIB alone (the rendered configuration already holds
     * {@code lrm://}). Empty with {@link FenceSecrets#IN_CIB}. A secret that was not supplied has no command (its device
     * fails to start until {@code cibsecret set} is run for it: fails closed).
     * Usage: {@code m.fenceSecretCommands().forEach(c -> executor.run(c))}.
     *
     * @throws org.sansdk.pacemaker.ops.CibSecretException for a value cibsecret cannot store unchanged
     */
    public List<Command> fenceSecretCommands() {
        List<Command> out = new ArrayList<>();
        if (fenceSecrets != FenceSecrets.CIBSECRET) {
            return out;
        }
        for (Fencing f : design.fencing()) {
            String rsc = FencingDevice.of(f.node(), f.agent(), Map.of()).resourceId();
            for (Map.Entry<String, DesignSecret> e : f.secrets().entrySet()) {
                secret(e.getValue()).ifPresent(v -> out.add(CibSecret.filesOnly().set(rsc, e.getKey(), v)));
            }
        }
        return out;
    }

    /** The interface a client VLAN's VIP goes on: {@code eth-<vlan name>}. Usage: {@code DesignMapping.nicOf(vlan)}. */
    public static String nicOf(ClientVlanSpec vlan) {
        return "eth-" + vlan.name();
    }

    /**
     * The CIB configuration section: {@link SanResourceSet#configuration} with the Pacemaker node ids set to the
     * design's corosync node ids (the resource set numbers them 1, 2, 3).
     * Usage: {@code CibWriter.toXml(Cib.of(m.pacemakerConfiguration()))}.
     */
    public Configuration pacemakerConfiguration() {
        Configuration c = SanResourceSet.configuration(pacemaker(), design.serviceOrdering());
        List<org.sansdk.pacemaker.cib.Node> nodes = new ArrayList<>();
        for (org.sansdk.pacemaker.cib.Node n : c.nodes()) {
            Node d = design.node(n.uname()).orElseThrow();
            nodes.add(new org.sansdk.pacemaker.cib.Node(Integer.toString(d.nodeId()), n.uname(), n.type(), n.attributes(),
                    n.utilization()));
        }
        return c.toBuilder().nodes(nodes).build();
    }

    // ---------------------------------------------------------------- ZFS

    /**
     * The remote mirror leg for LUN {@code lun} as a storage node sees it: the peer's backend target LUN, partition 1
     * (the peer's data partition), by udev's by-path name. Usage: {@code m.remoteLeg("storage-a", 0).path()}.
     */
    public ByPath remoteLeg(String node, int lun) {
        Node peer = peer(node);
        Portal p = backendPortal(peer.name());
        return new ByPath(p.address(), p.port(), peer.backendTargetIqn().orElseThrow().toString(), ByPath.kernelLun(lun), 1);
    }

    /**
     * The one-time {@code zpool create} on the first storage node: the design's pool and file-system properties
     * (multihost stays on), each mirror = local data partition by partlabel + the peer's same-numbered LUN's data
     * partition by by-path, guarded by the two nodes' design host ids.
     * Usage: {@code m.zpoolCreate().argv()}.
     *
     * @throws MappingException when the storage nodes have different disk counts or no host ids
     */
    public Command zpoolCreate() {
        Node first = firstStorageNode();
        Node peer = peer(first.name());
        if (first.disks().size() != peer.disks().size()) {
            throw new MappingException("nodes." + first.name() + ".disks: " + first.disks().size() + " disks but "
                    + peer.name() + " has " + peer.disks().size() + ": every mirror needs one disk on each node");
        }
        ZpoolCreate.Builder b = ZpoolCreate.design(design.pool().name()).hostIds(hostIds());
        design.pool().properties().forEach(b::property);
        design.pool().filesystemProperties().forEach(b::fsProperty);
        for (int i = 0; i < first.disks().size(); i++) {
            b.mirror(first.disks().get(i).partlabelPath(), remoteLeg(first.name(), i).path());
        }
        return b.build();
    }

    /** The design host ids as the create's guard. Usage: {@code m.hostIds()}. */
    public HostIdCheck hostIds() {
        List<Node> s = design.storageNodes();
        for (Node n : s) {
            if (n.hostId().isZero()) {
                throw new MappingException("nodes." + n.name() + ".host_id: a design with multihost needs a non-zero host id"
                        + " per storage node (written with zgenhostid before the pool is created)");
            }
        }
        return new HostIdCheck(new NodeHostId(s.get(0).name(), s.get(0).hostId(), NodeHostId.Source.ETC_HOSTID, Optional.empty()),
                new NodeHostId(s.get(1).name(), s.get(1).hostId(), NodeHostId.Source.ETC_HOSTID, Optional.empty()));
    }

    /**
     * {@code zfs create} of the design's datasets (and any iSCSI VLAN dataset not listed, with {@code -p}), then its
     * zvols, in design order. Usage: {@code m.datasetCreates().forEach(c -> System.out.println(c))}.
     */
    public List<Command> datasetCreates() {
        String pool = design.pool().name();
        List<Command> out = new ArrayList<>();
        Set<String> listed = new LinkedHashSet<>();
        for (DatasetSpec d : design.datasets()) {
            ZfsCreate.Builder b = ZfsCreate.filesystem(pool + "/" + d.name());
            d.properties().forEach(b::property);
            out.add(b.build());
            listed.add(d.name());
        }
        for (ClientVlanSpec v : design.clientVlans()) {
            v.dataset().filter(ds -> !listed.contains(ds)).ifPresent(ds -> {
                out.add(ZfsCreate.filesystem(pool + "/" + ds).parents().build());
                listed.add(ds);
            });
        }
        for (ZvolSpec z : design.zvols()) {
            ZfsCreate.Builder b = ZfsCreate.zvol(pool + "/" + z.name(), z.size());
            z.volblocksize().ifPresent(s -> b.volblocksize(s.toString()));
            out.add(b.build());
        }
        return out;
    }

    // ---------------------------------------------------------------- secrets

    /**
     * Every secret the design refers to that was not supplied, by name, with its uses and environment variable
     * (empty for a design resolved with {@link SanDesign#withSecrets}). Usage: {@code m.missingSecrets()}.
     */
    public List<MissingSecret> missingSecrets() {
        Map<String, List<String>> uses = new LinkedHashMap<>();
        for (Map.Entry<String, SecretRef> e : design.secretReferences().entrySet()) {
            uses.computeIfAbsent(e.getValue().name(), k -> new ArrayList<>()).add(e.getKey());
        }
        List<MissingSecret> out = new ArrayList<>();
        uses.forEach((name, at) -> out.add(new MissingSecret(name, at, SecretSource.environmentName(name))));
        return out;
    }

    private static Optional<Secret> secret(DesignSecret s) {
        return s instanceof DesignSecret.Given g ? Optional.of(g.value()) : Optional.empty();
    }

    // ---------------------------------------------------------------- helpers

    private Node requireNode(String name) {
        return design.node(name).orElseThrow(() -> new MappingException("no node named '" + name + "' in the design"));
    }

    private void requireStorage(String name) {
        storage(name);
    }

    private Node storage(String name) {
        Node n = requireNode(name);
        if (!n.isStorage()) {
            throw new MappingException("node '" + name + "' is not a storage node");
        }
        return n;
    }

    private IpCidr storageAddress(Node n) {
        return n.address(storageNetwork).orElseThrow(() -> new MappingException("nodes." + n.name() + ".addresses."
                + storageNetwork + ": a storage node needs an address on the backend network '" + storageNetwork + "'"));
    }

    private static String secs(Duration d) {
        return Long.toString(d.toSeconds());
    }
}
