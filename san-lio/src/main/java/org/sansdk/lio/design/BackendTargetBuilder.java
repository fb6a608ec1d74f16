package org.sansdk.lio.design;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.sansdk.core.ValidationException;
import org.sansdk.core.Violation;
import org.sansdk.lio.LioConfig;
import org.sansdk.lio.LioValidator;
import org.sansdk.lio.sync.ScsiIdentity;
import org.sansdk.lio.targetcli.LioChange;
import org.sansdk.lio.targetcli.TargetcliBatch;

/**
 * Builds the backend target of design section 3: each local disk → block backstore → LUN N (N = position,
 * explicit), one portal on the storage interconnect address only (targetcli's default {@code 0.0.0.0:3260}
 * portal is removed: a wildcard portal would also expose the raw disks on the client VLANs), one ACL for the
 * peer's initiator with CHAP (and mutual CHAP when configured) mapping every LUN under its own number.
 * Authentication is on exactly when credentials are given. Backstore unit serials are derived from target
 * and device so a re-created target keeps the {@code /dev/disk/by-id} names the peer's pool refers to.
 * <p>Unlike the design's shell snippet, the CHAP password is never put on a command line (it goes through the
 * batch's stdin) and mapped LUN numbers are explicit instead of targetcli's automatic ones.
 *
 * <pre>{@code TargetcliBatch batch = BackendTargetBuilder.batch(spec); LioConfig cfg = BackendTargetBuilder.config(spec);}</pre>
 */
public final class BackendTargetBuilder {
    private BackendTargetBuilder() {
    }

    /** The ordered changes from an empty configuration. {@code BackendTargetBuilder.changes(spec)} */
    public static List<LioChange> changes(BackendTargetSpec spec) {
        check(spec);
        String iqn = spec.targetIqn().toString();
        String peer = spec.peerInitiatorIqn().toString();
        List<LioChange> out = new ArrayList<>();
        Map<String, Long> attrs = spec.discard() == BackendTargetSpec.Discard.PASS ? Map.of("emulate_tpu", 1L) : Map.of();
        for (LocalDisk d : spec.disks()) {
            out.add(new LioChange.CreateBlockBackstore(d.name(), d.device(),
                    ScsiIdentity.unitSerial(iqn + ":" + d.device()), attrs));
        }
        out.add(new LioChange.CreateIscsiTarget(iqn));
        out.add(new LioChange.DeletePortal(iqn, 1, "0.0.0.0", 3260));
        out.add(new LioChange.CreatePortal(iqn, 1, spec.portalAddress(), spec.port()));
        for (int i = 0; i < spec.disks().size(); i++) {
            out.add(new LioChange.CreateLun(iqn, 1, i, "/backstores/block/" + spec.disks().get(i).name()));
        }
        Map<String, Long> tpgAttrs = new LinkedHashMap<>();
        tpgAttrs.put("authentication", spec.chap().hasCredentials() ? 1L : 0L);
        tpgAttrs.put("generate_node_acls", 0L);
        tpgAttrs.put("cache_dynamic_acls", 0L);
        tpgAttrs.put("demo_mode_write_protect", 1L);
        out.add(new LioChange.SetTpgAttributes(iqn, 1, tpgAttrs));
        out.add(new LioChange.CreateAcl(iqn, 1, peer));
        if (spec.chap().hasCredentials()) {
            out.add(LioChange.SetAuth.onAcl(iqn, 1, peer, spec.chap()));
        }
        for (int i = 0; i < spec.disks().size(); i++) {
            out.add(new LioChange.CreateMappedLun(iqn, 1, peer, i, i));
        }
        return out;
    }

    /** The changes as one targetcli batch. {@code BackendTargetBuilder.batch(spec).toPlan("storage-a", "backend target")} */
    public static TargetcliBatch batch(BackendTargetSpec spec) {
        return TargetcliBatch.of(changes(spec));
    }

    /** The resulting configuration (for a saveconfig.json cold start), validated. {@code BackendTargetBuilder.config(spec)} */
    public static LioConfig config(BackendTargetSpec spec) {
        LioConfig cfg = batch(spec).applyTo(LioConfig.empty());
        LioValidator.check(cfg);
        return cfg;
    }

    private static void check(BackendTargetSpec spec) {
        List<Violation> v = new ArrayList<>();
        if (spec.disks().isEmpty()) {
            v.add(new Violation("LIO-DESIGN-001", "disks", "the backend target needs at least one local disk"));
        }
        Set<String> names = new HashSet<>();
        for (int i = 0; i < spec.disks().size(); i++) {
            if (!names.add(spec.disks().get(i).name())) {
                v.add(new Violation("LIO-SO-001", "disks[" + i + "]", "duplicate backstore name "
                        + spec.disks().get(i).name()));
            }
        }
        if (!LioValidator.isPortalAddress(spec.portalAddress())) {
            v.add(new Violation("LIO-PORTAL-001", "interconnectAddress", "'" + spec.interconnectAddress()
                    + "' is not an IPv4 address or a bracketed IPv6 address"));
        }
        if (!LioValidator.isIscsiName(spec.targetIqn().toString())) {
            v.add(new Violation("LIO-TGT-002", "targetIqn", "'" + spec.targetIqn() + "' is not an iqn./eui./naa. name"));
        }
        if (!LioValidator.isIscsiName(spec.peerInitiatorIqn().toString())) {
            v.add(new Violation("LIO-ACL-002", "peerInitiatorIqn", "'" + spec.peerInitiatorIqn()
                    + "' is not an iqn./eui./naa. name"));
        }
        if (spec.portalAddress().equals("0.0.0.0") || spec.portalAddress().equals("[::]")) {
            v.add(new Violation("LIO-DESIGN-002", "interconnectAddress",
                    "the backend portal must be the storage interconnect address, not a wildcard"));
        }
        if (spec.targetIqn().equals(spec.peerInitiatorIqn())) {
            v.add(new Violation("LIO-DESIGN-003", "peerInitiatorIqn", "the peer initiator IQN equals the target IQN"));
        }
        if (spec.chap().hasMutual() && !spec.chap().hasCredentials()) {
            v.add(new Violation("LIO-AUTH-003", "chap", "mutual CHAP needs the one-way credential too"));
        }
        if (spec.chap().password().isPresent() && spec.chap().mutualPassword().isPresent()
                && spec.chap().password().get().equals(spec.chap().mutualPassword().get())) {
            v.add(new Violation("LIO-AUTH-004", "chap", "mutual CHAP password must differ from the CHAP password"));
        }
        if (!v.isEmpty()) {
            throw new ValidationException(v);
        }
    }
}
