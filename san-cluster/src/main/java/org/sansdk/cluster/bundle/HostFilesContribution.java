package org.sansdk.cluster.bundle;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.sansdk.cluster.DistroFamily;
import org.sansdk.cluster.design.ChapLogin;
import org.sansdk.cluster.design.ClientService;
import org.sansdk.cluster.design.ClientVlanSpec;
import org.sansdk.cluster.design.DatasetSpec;
import org.sansdk.cluster.design.DesignSecret;
import org.sansdk.cluster.design.IscsiAccess;
import org.sansdk.cluster.design.Node;
import org.sansdk.cluster.design.SanDesign;
import org.sansdk.cluster.files.ChapEnvEntry;
import org.sansdk.cluster.files.EncryptedChapEnv;
import org.sansdk.cluster.files.HostFile;
import org.sansdk.cluster.files.HostFileInputException;
import org.sansdk.cluster.files.NfsClient;
import org.sansdk.cluster.files.NfsConf;
import org.sansdk.cluster.files.NfsExport;
import org.sansdk.cluster.files.NfsExports;
import org.sansdk.cluster.files.NfsSquash;
import org.sansdk.cluster.files.NfsVersion;
import org.sansdk.cluster.files.NodePackages;
import org.sansdk.cluster.files.OpenZfsVersion;
import org.sansdk.cluster.files.PackageRole;
import org.sansdk.cluster.files.PowerLossProtection;
import org.sansdk.cluster.files.QuorumMode;
import org.sansdk.cluster.files.SanSysctl;
import org.sansdk.cluster.files.SmbAccess;
import org.sansdk.cluster.files.SmbConf;
import org.sansdk.cluster.files.SmbShadowCopy;
import org.sansdk.cluster.files.SmbShare;
import org.sansdk.cluster.files.SnapshotClock;
import org.sansdk.cluster.files.SysctlSetting;
import org.sansdk.cluster.files.ZfsModprobeConf;
import org.sansdk.cluster.files.ZfsModuleParameter;
import org.sansdk.core.Secret;

/**
 * The host files of the {@code org.sansdk.cluster.files} renderers mapped from the design, per node: NFS
 * {@code /etc/exports} and {@code /etc/nfs.conf} on the NFS VLAN's VIP, {@code smb.conf} with snapshots as
 * previous versions, {@code /etc/sysctl.d/90-san.conf}, {@code /etc/modprobe.d/zfs.conf}, the encrypted CHAP
 * env file (only with a machine-id and supplied CHAP secrets) and the package list with its unit commands.
 * A renderer's refusal becomes a REPORT.md finding naming the file, never a half-written file.
 * Usage: {@code BundleRenderer.create().with(new HostFilesContribution(DistroFamily.DEBIAN, OpenZfsVersion.V2_1))}.
 */
public final class HostFilesContribution implements BundleContribution {
    private final java.util.function.Function<String, DistroFamily> familyOf;
    private final java.util.function.Function<String, OpenZfsVersion> zfsOf;

    /** Files for nodes of one distribution family and OpenZFS series. Usage: see type. */
    public HostFilesContribution(DistroFamily family, OpenZfsVersion zfs) {
        this(node -> family, node -> zfs);
    }

    private HostFilesContribution(java.util.function.Function<String, DistroFamily> familyOf,
            java.util.function.Function<String, OpenZfsVersion> zfsOf) {
        this.familyOf = familyOf;
        this.zfsOf = zfsOf;
    }

    /**
     * Files that follow what each node runs: its distribution family (package names, units) and its OpenZFS
     * series (the parameter names zfs.conf is checked against: 2.1, or 2.2 for 2.2 and later; 2.1 when the node
     * reports no OpenZFS). Usage: {@code HostFilesContribution.following(cluster.capabilities())}.
     */
    public static HostFilesContribution following(Map<String, org.sansdk.cluster.NodeCapabilities> capabilities) {
        Map<String, org.sansdk.cluster.NodeCapabilities> caps = Map.copyOf(capabilities);
        return new HostFilesContribution(node -> caps.containsKey(node) ? caps.get(node).family() : DistroFamily.DEBIAN,
                node -> caps.containsKey(node) && caps.get(node).openZfs().map(v -> v.atLeast(2, 2)).orElse(false)
                        ? OpenZfsVersion.V2_2 : OpenZfsVersion.V2_1);
    }

    /** Debian 12's family and OpenZFS 2.1 (the design document's platform). Usage: {@code HostFilesContribution.debian12()}. */
    public static HostFilesContribution debian12() {
        return new HostFilesContribution(DistroFamily.DEBIAN, OpenZfsVersion.V2_1);
    }

    @Override
    public List<BundleFile> files(RenderContext ctx) {
        return List.copyOf(render(ctx).files);
    }

    @Override
    public List<BundleStep> steps(RenderContext ctx) {
        return List.copyOf(render(ctx).steps);
    }

    @Override
    public List<String> findings(RenderContext ctx) {
        return List.copyOf(render(ctx).findings);
    }

    private record Out(List<BundleFile> files, List<BundleStep> steps, List<String> findings) {
    }

    /** The renderer asks for files, steps and findings of one context in turn: render it once (the CHAP file's PBKDF2 is costly). */
    private RenderContext lastContext;
    private Out last;

    private synchronized Out render(RenderContext ctx) {
        if (ctx != lastContext) {
            last = renderOnce(ctx);
            lastContext = ctx;
        }
        return last;
    }

    private Out renderOnce(RenderContext ctx) {
        SanDesign d = ctx.design();
        Out out = new Out(new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
        QuorumMode quorum = d.qdevice().isPresent() ? QuorumMode.QDEVICE : QuorumMode.THIRD_NODE_VOTES;
        for (Node n : d.nodes()) {
            DistroFamily family = familyOf.apply(n.name());
            OpenZfsVersion zfs = zfsOf.apply(n.name());
            PackageRole role = n.isStorage() ? PackageRole.STORAGE_NODE : PackageRole.QUORUM_NODE;
            attempt(out, n.name(), "packages", () -> {
                NodePackages p = new NodePackages(family, role, quorum);
                out.steps.add(new BundleStep(n.name(), Stage.PACKAGES, "install the " + family.name().toLowerCase(Locale.ROOT)
                        + " packages of a " + role.name().toLowerCase(Locale.ROOT).replace('_', ' '), p.installCommand(),
                        String.join(" ", p.installCommand().argv())));
                p.unitCommands().forEach(c -> out.steps.add(new BundleStep(n.name(), Stage.PACKAGES,
                        "services started by systemd or left to Pacemaker", c, String.join(" ", c.argv()))));
            });
            if (!n.isStorage()) {
                continue;
            }
            attempt(out, n.name(), SanSysctl.PATH, () -> {
                Map<String, SysctlSetting> settings = new LinkedHashMap<>();
                d.sysctl().forEach((k, v) -> settings.put(k, SysctlSetting.of(k, v)));
                add(out, n.name(), SanSysctl.render(List.copyOf(settings.values())), Stage.SYSCTL, Sensitivity.PLAIN);
            });
            if (!d.zfsTunables().isEmpty()) {
                attempt(out, n.name(), "/etc/modprobe.d/zfs.conf", () -> {
                    List<ZfsModuleParameter> params = new ArrayList<>();
                    d.zfsTunables().forEach((k, v) -> params.add(ZfsModuleParameter.of(k, v)));
                    add(out, n.name(), new ZfsModprobeConf(zfs, params, PowerLossProtection.NOT_CONFIRMED).render(),
                            Stage.MODPROBE, Sensitivity.PLAIN);
                });
            }
            nfs(d, n, out);
            smb(d, n, out);
            chapEnv(ctx, n, out);
        }
        return out;
    }

    private void nfs(SanDesign d, Node n, Out out) {
        List<NfsExport> exports = new ArrayList<>();
        List<ClientVlanSpec> vlans = new ArrayList<>();
        for (DatasetSpec ds : d.datasets()) {
            if (ds.nfs().isEmpty()) {
                continue;
            }
            ClientVlanSpec vlan = d.clientVlan(ds.nfs().get().vlan()).orElseThrow();
            if (!vlans.contains(vlan)) {
                vlans.add(vlan);
            }
            List<String> options = new ArrayList<>();
            NfsSquash squash = NfsSquash.ROOT_SQUASH;
            for (String o : ds.nfs().get().options()) {
                switch (o) {
                    case "root_squash", "no_all_squash" -> squash = NfsSquash.ROOT_SQUASH;
                    case "all_squash" -> squash = NfsSquash.ALL_SQUASH;
                    case "no_root_squash" -> squash = NfsSquash.NO_ROOT_SQUASH;   // written in the design: asked explicitly
                    default -> options.add(o);
                }
            }
            String path = "/" + d.pool().name() + "/" + ds.name();
            exports.add(NfsExport.of(path, new NfsClient(vlan.subnet().network(), options, squash)));
        }
        if (exports.isEmpty()) {
            return;
        }
        attempt(out, n.name(), NfsExports.PATH, () -> add(out, n.name(), NfsExports.render(exports), Stage.SERVICES, Sensitivity.PLAIN));
        if (vlans.size() > 1) {
            out.findings.add("INFO " + n.name() + " " + NfsConf.PATH + ": nfsd listens on the VIP of " + vlans.get(0).name()
                    + " only; the exports to " + vlans.subList(1, vlans.size()).stream().map(ClientVlanSpec::name).toList()
                    + " need nfsd on their VIPs as well (one host= per nfs.conf)");
        }
        attempt(out, n.name(), NfsConf.PATH, () -> add(out, n.name(), new NfsConf(vlans.get(0).vip().address(), 8,
                EnumSet.of(NfsVersion.V4, NfsVersion.V4_1, NfsVersion.V4_2)).render(), Stage.SERVICES, Sensitivity.PLAIN));
    }

    private void smb(SanDesign d, Node n, Out out) {
        List<SmbShare> shares = new ArrayList<>();
        List<String> vlans = new ArrayList<>();
        for (DatasetSpec ds : d.datasets()) {
            ds.smb().ifPresent(s -> {
                shares.add(new SmbShare(s.share(), "/" + d.pool().name() + "/" + ds.name(),
                        s.access() == org.sansdk.cluster.design.SmbShare.Access.READ_ONLY ? SmbAccess.READ_ONLY : SmbAccess.READ_WRITE,
                        s.validUsers()));
                if (!vlans.contains(s.vlan())) {
                    vlans.add(s.vlan());
                }
            });
        }
        if (shares.isEmpty()) {
            return;
        }
        if (vlans.size() > 1) {
            out.findings.add("ERROR " + n.name() + " " + SmbConf.PATH + ": SMB shares on several VLANs " + vlans
                    + ": one smb.conf binds one VIP; not rendered");
            return;
        }
        String vip = d.clientVlan(vlans.get(0)).orElseThrow().vip().address();
        attempt(out, n.name(), SmbConf.PATH, () -> add(out, n.name(), new SmbConf(vip, "HA SAN SMB",
                new SmbShadowCopy(SmbShadowCopy.DESIGN_FORMAT, SnapshotClock.UTC), shares).render(), Stage.SERVICES, Sensitivity.PLAIN));
    }

    /** The per-TPG and per-ACL CHAP logins of the client VLANs, as the node scripts read them. */
    private void chapEnv(RenderContext ctx, Node n, Out out) {
        List<ChapEnvEntry> entries = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        for (ClientVlanSpec v : ctx.design().clientVlans()) {
            String prefix = v.name().toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "_");
            IscsiAccess access = v.access();
            if (!v.offers(ClientService.ISCSI)) {
                continue;
            }
            if (access instanceof IscsiAccess.GenerateNodeAcls g) {
                g.chap().ifPresent(c -> login(entries, missing, "CHAP_" + prefix, c));
            } else if (access instanceof IscsiAccess.Acls acls) {
                for (int i = 0; i < acls.entries().size(); i++) {
                    int idx = i;
                    acls.entries().get(i).chap().ifPresent(c -> login(entries, missing, "CHAP_" + prefix + "_ACL" + idx, c));
                }
            }
        }
        if (entries.isEmpty() && missing.isEmpty()) {
            return;
        }
        if (ctx.machineId().isEmpty() || !missing.isEmpty()) {
            out.findings.add("INFO " + n.name() + " " + EncryptedChapEnv.PATH + ": not rendered: "
                    + (ctx.machineId().isEmpty() ? "no machine-id supplied (sanctl render --machine-id FILE)" : "")
                    + (ctx.machineId().isEmpty() && !missing.isEmpty() ? "; " : "")
                    + (missing.isEmpty() ? "" : "secrets not supplied: " + missing));
            return;
        }
        attempt(out, n.name(), EncryptedChapEnv.PATH, () -> add(out, n.name(), new EncryptedChapEnv(entries,
                ctx.machineId().get(), EncryptedChapEnv.DEFAULT_ITERATIONS).render(), Stage.CLIENT_TARGET, Sensitivity.SECRET));
    }

    private static void login(List<ChapEnvEntry> entries, List<String> missing, String name, ChapLogin c) {
        entries.add(new ChapEnvEntry(name + "_USER", Secret.of(c.user())));
        if (c.password() instanceof DesignSecret.Given given) {
            entries.add(new ChapEnvEntry(name + "_PASSWORD", given.value()));
        } else {
            missing.add(((org.sansdk.cluster.design.SecretRef) c.password()).name());
        }
    }

    private static void add(Out out, String node, HostFile f, Stage stage, Sensitivity sensitivity) {
        out.files.add(new BundleFile(node, f.path(), f.mode(), f.content(), stage, sensitivity));
    }

    private static void attempt(Out out, String node, String what, Runnable r) {
        try {
            r.run();
        } catch (HostFileInputException e) {
            out.findings.add("ERROR " + node + " " + what + ": not rendered: " + e.getMessage());
        }
    }
}
