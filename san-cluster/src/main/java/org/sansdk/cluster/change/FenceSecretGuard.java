package org.sansdk.cluster.change;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.sansdk.cluster.design.Fencing;
import org.sansdk.cluster.design.SanDesign;
import org.sansdk.pacemaker.cib.Cib;
import org.sansdk.pacemaker.cib.Configuration;
import org.sansdk.pacemaker.cib.NvPair;
import org.sansdk.pacemaker.cib.NvSet;
import org.sansdk.pacemaker.cib.Primitive;
import org.sansdk.pacemaker.cib.Resource;
import org.sansdk.pacemaker.design.FencingDevice;
import org.sansdk.pacemaker.ops.CibSecret;

/**
 * Keeps a day-two CIB patch from disarming fencing. A design read from a file names its fence passwords as secret
 * references; unless they were supplied, the desired fencing devices have no password, and a patch would delete the
 * live one — the next fence would fail. So a secret parameter the desired device lacks keeps its live value. And a
 * patch that would turn a live value into {@code lrm://} (the design switched to {@code fence_secrets: cibsecret}) is
 * refused: the secret files must be on every node first ({@code cibsecret set}, as the bundle does), or fencing
 * breaks at once.
 */
final class FenceSecretGuard {
    private FenceSecretGuard() {
    }

    /** The desired configuration with every secret parameter the design declares but did not supply kept as live. */
    static Configuration keepLiveSecrets(SanDesign design, Configuration desired, Cib live) {
        List<Resource> out = new ArrayList<>();
        for (Resource r : desired.resources()) {
            if (r instanceof Primitive p && p.isFencingDevice()) {
                out.add(guard(design, p, live));
            } else {
                out.add(r);
            }
        }
        return desired.toBuilder().resources(out).build();
    }

    private static Primitive guard(SanDesign design, Primitive want, Cib live) {
        Optional<Fencing> f = design.fencing().stream()
                .filter(x -> FencingDevice.of(x.node(), x.agent(), java.util.Map.of()).resourceId().equals(want.id())).findFirst();
        Optional<Primitive> have = live.configuration().primitives().stream().filter(x -> x.id().equals(want.id())).findFirst();
        if (f.isEmpty() || have.isEmpty()) {
            return want;
        }
        List<NvPair> add = new ArrayList<>();
        for (String name : f.get().secrets().keySet()) {
            Optional<NvPair> livePair = pair(have.get().instanceAttributes(), name);
            Optional<String> wanted = want.param(name);
            if (livePair.isEmpty()) {
                continue;
            }
            boolean liveIsReference = livePair.get().content() != null && CibSecret.isReference(livePair.get().content().reveal());
            if (wanted.isEmpty()) {
                add.add(livePair.get());
            } else if (CibSecret.isReference(wanted.get()) && !liveIsReference) {
                throw new ChangeRefusedException(want.id() + ": parameter '" + name + "' would become " + CibSecret.MAGIC
                        + " (fence_secrets: cibsecret) while the CIB still holds its value and no node has the secret file: "
                        + "run 'cibsecret set " + want.id() + " " + name + "' (value on stdin) on a cluster node first, as the "
                        + "bundle does, then plan again");
            }
        }
        if (add.isEmpty()) {
            return want;
        }
        List<NvSet> sets = new ArrayList<>(want.instanceAttributes());
        if (sets.isEmpty()) {
            sets.add(NvSet.of("instance_attributes", want.id() + "-instance_attributes", add));
        } else {
            NvSet first = sets.get(0);
            List<NvPair> pairs = new ArrayList<>(first.pairs());
            pairs.addAll(add);
            sets.set(0, new NvSet(first.kind(), first.id(), first.idRef(), first.score(), first.rule(), pairs));
        }
        return new Primitive(want.id(), want.agent(), want.template(), want.description(), sets, want.metaAttributes(),
                want.utilization(), want.operations(), want.unknown(), want.operationsAttributes());
    }

    private static Optional<NvPair> pair(List<NvSet> sets, String name) {
        for (NvSet s : sets) {
            if (s.rule().isEmpty()) {
                for (NvPair p : s.pairs()) {
                    if (p.name().equals(name)) {
                        return Optional.of(p);
                    }
                }
            }
        }
        return Optional.empty();
    }
}
