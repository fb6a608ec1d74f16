package org.sansdk.cluster.rules;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.sansdk.cluster.design.AclEntry;
import org.sansdk.cluster.design.BackendChap;
import org.sansdk.cluster.design.ChapLogin;
import org.sansdk.cluster.design.ClientService;
import org.sansdk.cluster.design.ClientVlanSpec;
import org.sansdk.cluster.design.DesignSecret;
import org.sansdk.cluster.design.IscsiAccess;
import org.sansdk.cluster.design.Node;
import org.sansdk.cluster.design.SanDesign;
import org.sansdk.cluster.design.SecretRef;
import org.sansdk.core.Iqn;
import org.sansdk.core.Secret;
import org.sansdk.core.ValidationException;
import org.sansdk.core.Violation;
import org.sansdk.core.ZfsName;
import org.sansdk.corosync.CorosyncConf;
import org.sansdk.corosync.CorosyncConfBuilder;
import org.sansdk.corosync.CorosyncValidator;
import org.sansdk.corosync.Finding;
import org.sansdk.corosync.TotemTiming;
import org.sansdk.iscsi.ChapCredentials;
import org.sansdk.iscsi.ChapRules;
import org.sansdk.lio.Chap;
import org.sansdk.lio.LioConfig;
import org.sansdk.lio.LioValidator;
import org.sansdk.lio.design.BackendTargetBuilder;
import org.sansdk.lio.design.BackendTargetSpec;
import org.sansdk.lio.design.ClientTargetBuilder;
import org.sansdk.lio.design.ClientTargetSpec;
import org.sansdk.lio.design.ClientTpg;
import org.sansdk.lio.design.LocalDisk;
import org.sansdk.pacemaker.design.ClientVip;
import org.sansdk.pacemaker.design.FencingDevice;
import org.sansdk.pacemaker.design.SanResourceSpec;
import org.sansdk.pacemaker.design.SanResourceSet;
import org.sansdk.pacemaker.design.SanService;
import org.sansdk.zfs.ZpoolCreate;

/**
 * Maps the design onto each tool module's own design types and runs their validators. Secrets that are still
 * references are replaced, for these checks only, by stand-ins that never leave this class (LIO needs a value to
 * build a CHAP setting); the CHAP strength rules run only on supplied secrets.
 */
final class ToolLayers {
    private final SanDesign d;
    private final List<DesignFinding> out = new ArrayList<>();

    private ToolLayers(SanDesign d) {
        this.d = d;
    }

    static List<DesignFinding> check(SanDesign d) {
        ToolLayers t = new ToolLayers(d);
        t.corosync();
        t.pacemaker();
        t.lio();
        t.zfs();
        t.iscsi();
        return t.out;
    }

    private void violations(Layer layer, String where, List<Violation> vs, String fix) {
        for (Violation v : vs) {
            out.add(new DesignFinding(v.ruleId(), Severity.ERROR, layer, where + (v.path().isEmpty() ? "" : " " + v.path()),
                    v.message(), fix));
        }
    }

    private void unmappable(Layer layer, String where, RuntimeException e) {
        out.add(new DesignFinding("CLUSTER-MAP", Severity.ERROR, layer, where, "the design does not map onto "
                + layer.name().toLowerCase(java.util.Locale.ROOT) + "'s types: " + e.getMessage(),
                "Correct the design values named in the message."));
    }

    // ---- corosync ----

    /** The design's corosync.conf as san-corosync builds it (links in the nodes' order, consensus only when set). */
    static CorosyncConfBuilder corosyncBuilder(SanDesign d) {
        CorosyncConfBuilder b = CorosyncConfBuilder.cluster(d.clusterName()).token(d.corosync().token())
                .join(d.corosync().join()).maxMessages(d.corosync().maxMessages());
        d.corosync().consensus().ifPresent(b::consensus);
        for (Node n : d.nodes()) {
            List<String> addrs = new ArrayList<>();
            for (String net : n.corosyncLinks()) {
                n.address(net).ifPresent(a -> addrs.add(a.address()));
            }
            b.node(n.name(), n.nodeId(), addrs.toArray(String[]::new));
        }
        d.qdevice().ifPresent(q -> b.qdevice(q.host(), q.algorithm()));
        return b;
    }

    private void corosync() {
        try {
            CorosyncConf conf = corosyncBuilder(d).buildUnchecked();
            for (Finding f : CorosyncValidator.validate(conf)) {
                Severity s = f.severity() == org.sansdk.corosync.Severity.ERROR ? Severity.ERROR : Severity.WARNING;
                out.add(new DesignFinding(f.ruleId(), s, Layer.COROSYNC, "corosync.conf " + f.path(), f.message(),
                        f.rule().fix()));
            }
            if (!d.corosync().tokenCoefficient().equals(TotemTiming.DEFAULT_TOKEN_COEFFICIENT)) {
                out.add(new DesignFinding("CLUSTER-COROSYNC-COEFFICIENT", Severity.INFO, Layer.COROSYNC,
                        "corosync.token_coefficient", "corosync.conf is checked with the default token_coefficient "
                        + TotemTiming.DEFAULT_TOKEN_COEFFICIENT.toMillis() + " ms; the design's "
                        + d.corosync().tokenCoefficient().toMillis() + " ms is not part of that check.",
                        "Check the consensus against 1.2 × (token + (nodes - 2) × token_coefficient) yourself."));
            }
        } catch (ValidationException e) {
            violations(Layer.COROSYNC, "corosync", e.violations(), "Correct the corosync values of the design.");
        } catch (RuntimeException e) {
            unmappable(Layer.COROSYNC, "corosync", e);
        }
    }

    // ---- pacemaker ----

    private void pacemaker() {
        if (d.quorumNode().isEmpty()) {
            out.add(new DesignFinding("CLUSTER-PACEMAKER-QDEVICE", Severity.INFO, Layer.PACEMAKER, "qdevice", "san-pacemaker's "
                    + "design resource set is written for a quorum node; with a qdevice its checks are not run.",
                    "Check the resource constraints on the live CIB (sanctl pacemaker check-intent)."));
            return;
        }
        String quorum = d.quorumNode().get().name();
        List<String> storage = d.storageNodes().stream().map(Node::name).toList();
        try {
            List<ClientVip> vips = new ArrayList<>();
            Set<SanService> services = EnumSet.noneOf(SanService.class);
            for (ClientVlanSpec v : d.clientVlans()) {
                vips.add(new ClientVip(v.name(), v.vip(), "vlan" + v.id()));
                if (v.offers(ClientService.NFS)) {
                    services.add(SanService.NFS);
                }
                if (v.offers(ClientService.SMB)) {
                    services.add(SanService.SMB);
                }
                if (v.offers(ClientService.ISCSI)) {
                    services.add(SanService.ISCSI);
                }
            }
            List<FencingDevice> fencing = d.fencing().stream()
                    .map(f -> FencingDevice.of(f.node(), f.agent(), f.parameters())).toList();
            SanResourceSpec pd = new SanResourceSpec(d.pool().name(), d.placement().poolStartTimeout(),
                    d.placement().poolStopTimeout(), Duration.ofSeconds(10), storage, quorum, d.placement().preferredNode(),
                    d.placement().preferenceScore(), d.placement().stickiness(), vips, services, Optional.empty(), fencing);
            try {
                SanResourceSet.validateDesign(pd, agent -> true);
            } catch (ValidationException e) {
                violations(Layer.PACEMAKER, "pacemaker", e.violations(), "Correct the design's placement, fencing or VIPs.");
                return;
            }
            List<Violation> intent = SanResourceSet.checkIntent(SanResourceSet.configuration(pd), storage, quorum,
                    SanResourceSet.POOL);
            violations(Layer.PACEMAKER, "pacemaker", intent, "The design's resource set should hold this; report it.");
        } catch (RuntimeException e) {
            unmappable(Layer.PACEMAKER, "placement", e);
        }
    }

    // ---- LIO ----

    private static Secret standIn(DesignSecret s) {
        if (s instanceof SecretRef r) {
            // a value for building the LIO model only: never rendered, printed or returned
            return Secret.of("stand-in-for-" + r.name());
        }
        return s.value();
    }

    private static Chap chap(ChapLogin l) {
        return Chap.of(l.user(), standIn(l.password()));
    }

    private void lio() {
        List<Iqn> backendIqns = new ArrayList<>();
        for (Node n : d.storageNodes()) {
            Optional<Node> peer = d.peerOf(n.name());
            if (n.backendTargetIqn().isEmpty() || n.address("storage").isEmpty() || peer.isEmpty()
                    || peer.get().initiatorIqn().isEmpty()) {
                continue; // CLUSTER-MIRROR / build() report what is missing
            }
            backendIqns.add(n.backendTargetIqn().get());
            String where = "nodes[" + d.nodes().indexOf(n) + "] backend target";
            try {
                Chap c = Chap.NONE;
                if (d.iscsi().backendChap().isPresent()) {
                    BackendChap bc = d.iscsi().backendChap().get();
                    c = chap(bc.forward());
                    if (bc.mutual().isPresent()) {
                        c = c.withMutual(bc.mutual().get().user(), standIn(bc.mutual().get().password()));
                    }
                }
                List<LocalDisk> disks = n.disks().stream().map(x -> new LocalDisk(x.partlabel(), x.partlabelPath())).toList();
                BackendTargetSpec spec = new BackendTargetSpec(n.backendTargetIqn().get(), n.address("storage").get(),
                        DesignRules.BACKEND_PORT, disks, peer.get().initiatorIqn().get(), c, BackendTargetSpec.Discard.KEEP);
                LioConfig cfg = BackendTargetBuilder.config(spec);
                violations(Layer.LIO, where, LioValidator.validate(cfg), "Correct the node's IQNs, storage address or disks.");
            } catch (ValidationException e) {
                violations(Layer.LIO, where, e.violations(), "Correct the node's IQNs, storage address or disks.");
            } catch (RuntimeException e) {
                unmappable(Layer.LIO, where, e);
            }
        }
        boolean iscsi = d.clientVlans().stream().anyMatch(v -> v.offers(ClientService.ISCSI));
        if (!iscsi || d.iscsi().clientTargetIqn().isEmpty()) {
            return;
        }
        try {
            List<ClientTpg> vlans = new ArrayList<>();
            for (ClientVlanSpec v : d.clientVlans()) {
                if (!v.offers(ClientService.ISCSI) || v.dataset().isEmpty()) {
                    vlans.add(ClientTpg.nonIscsi(v.name()));
                    continue;
                }
                ClientTpg.Access access;
                if (v.access() instanceof IscsiAccess.GenerateNodeAcls open) {
                    access = new ClientTpg.Open(open.chap().map(ToolLayers::chap).orElse(Chap.NONE));
                } else {
                    List<ClientTpg.InitiatorAcl> acls = new ArrayList<>();
                    for (AclEntry a : ((IscsiAccess.Acls) v.access()).entries()) {
                        acls.add(new ClientTpg.InitiatorAcl(a.iqn(), a.chap().map(ToolLayers::chap).orElse(Chap.NONE)));
                    }
                    access = new ClientTpg.Acls(acls);
                }
                vlans.add(ClientTpg.iscsi(v.name(), v.vip(), v.port(), ZfsName.parse(d.pool().name() + "/" + v.dataset().get()),
                        access));
            }
            ClientTargetSpec spec = new ClientTargetSpec(d.iscsi().clientTargetIqn().get(), vlans);
            LioConfig cfg = ClientTargetBuilder.coldStart(spec, backendIqns, List.of());
            violations(Layer.LIO, "client target", LioValidator.validate(cfg), "Correct the client VLANs' iSCSI settings.");
        } catch (ValidationException e) {
            violations(Layer.LIO, "client target", e.violations(), "Correct the client VLANs' iSCSI settings.");
        } catch (RuntimeException e) {
            unmappable(Layer.LIO, "client target", e);
        }
    }

    // ---- ZFS ----

    private void zfs() {
        Optional<Node> first = d.node(d.placement().preferredNode()).filter(Node::isStorage);
        Optional<Node> peer = first.flatMap(n -> d.peerOf(n.name()));
        if (first.isEmpty() || peer.isEmpty()) {
            return;
        }
        Node n = first.get();
        try {
            ZpoolCreate.Builder b = ZpoolCreate.design(d.pool().name());
            d.pool().properties().forEach(b::property);
            d.pool().filesystemProperties().forEach(b::fsProperty);
            int pairs = Math.min(n.disks().size(), peer.get().disks().size());
            for (int i = 0; i < pairs; i++) {
                Optional<String> remote = DesignRules.remoteLeg(d, n, i);
                if (remote.isEmpty()) {
                    return; // CLUSTER-MIRROR reports the missing address or IQN
                }
                b.mirror(n.disks().get(i).partlabelPath(), remote.get());
            }
            b.build();
        } catch (ValidationException e) {
            List<Violation> v = e.violations().stream()
                    // ZFS-CREATE-007 wants the live host-id preflight of both nodes; CLUSTER-MULTIHOST checks the design's ids
                    .filter(x -> !x.ruleId().equals("ZFS-CREATE-007")).toList();
            violations(Layer.ZFS, "pool (zpool create on " + n.name() + ")", v, "Correct the pool properties or disks.");
        } catch (RuntimeException e) {
            unmappable(Layer.ZFS, "pool", e);
        }
    }

    // ---- iSCSI ----

    private void iscsi() {
        if (d.iscsi().backendChap().isEmpty()) {
            return;
        }
        BackendChap bc = d.iscsi().backendChap().get();
        boolean refs = bc.forward().password() instanceof SecretRef
                || bc.mutual().map(m -> m.password() instanceof SecretRef).orElse(false);
        if (refs) {
            out.add(new DesignFinding("CLUSTER-SECRETS-UNCHECKED", Severity.INFO, Layer.ISCSI, "iscsi.backend_chap",
                    "the backend CHAP secrets are references: their length and the mutual ≠ forward rule are checked once "
                    + "they are supplied.", "Check with DesignRules.check(design.withSecrets(source))."));
            return;
        }
        try {
            ChapCredentials c = bc.mutual().isPresent()
                    ? ChapCredentials.mutual(bc.forward().user(), bc.forward().password().value(), bc.mutual().get().user(),
                    bc.mutual().get().password().value())
                    : ChapCredentials.oneWay(bc.forward().user(), bc.forward().password().value());
            violations(Layer.ISCSI, "iscsi.backend_chap", ChapRules.errors(c), "Choose other CHAP secrets.");
            for (Violation w : ChapRules.warnings(c)) {
                out.add(new DesignFinding(w.ruleId(), Severity.WARNING, Layer.ISCSI, "iscsi.backend_chap " + w.path(),
                        w.message(), "Choose 12-16 byte CHAP secrets."));
            }
        } catch (RuntimeException e) {
            unmappable(Layer.ISCSI, "iscsi.backend_chap", e);
        }
    }

}
