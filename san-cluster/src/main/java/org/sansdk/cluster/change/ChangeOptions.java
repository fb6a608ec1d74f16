package org.sansdk.cluster.change;

import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import org.sansdk.cluster.design.SanDesign;
import org.sansdk.cluster.map.DesignMapping;
import org.sansdk.lio.reconcile.LioLock;
import org.sansdk.lio.reconcile.LioReconciler;
import org.sansdk.pacemaker.cib.PatchOption;
import org.sansdk.pacemaker.cib.Configuration;

/**
 * What a change plan compares and how: the layers, the design → Pacemaker configuration mapping (pluggable: a lab
 * with stand-in agents passes its own), CIB patch options, what the LIO reconcile does with extra objects, and the
 * LIO lock. Immutable; each method returns a changed copy.
 *
 * <pre>{@code ChangeOptions.all().layers(ChangeLayer.PACEMAKER, ChangeLayer.COROSYNC).pacemakerMapping(d -> lab.cib(d))}</pre>
 */
public final class ChangeOptions {
    private final Set<ChangeLayer> layers;
    private final Function<SanDesign, Configuration> pacemaker;
    private final List<PatchOption> patchOptions;
    private final LioReconciler.Extras lioExtras;
    private final LioLock lioLock;

    private ChangeOptions(Set<ChangeLayer> layers, Function<SanDesign, Configuration> pacemaker, List<PatchOption> patchOptions,
                          LioReconciler.Extras lioExtras, LioLock lioLock) {
        this.layers = layers.isEmpty() ? EnumSet.noneOf(ChangeLayer.class) : EnumSet.copyOf(layers);
        this.pacemaker = Objects.requireNonNull(pacemaker, "pacemaker");
        this.patchOptions = List.copyOf(patchOptions);
        this.lioExtras = Objects.requireNonNull(lioExtras, "lioExtras");
        this.lioLock = Objects.requireNonNull(lioLock, "lioLock");
    }

    /**
     * Every layer, san-cluster's own Pacemaker mapping, no CIB pruning, extra LIO objects kept, the standard LIO lock.
     * {@code ChangeOptions.all()}
     */
    public static ChangeOptions all() {
        return new ChangeOptions(EnumSet.allOf(ChangeLayer.class), d -> DesignMapping.of(d).pacemakerConfiguration(), List.of(),
                LioReconciler.Extras.KEEP, LioLock.standard());
    }

    /** Only these layers. {@code options.layers(ChangeLayer.PACEMAKER, ChangeLayer.COROSYNC)} */
    public ChangeOptions layers(ChangeLayer... only) {
        return new ChangeOptions(only.length == 0 ? EnumSet.noneOf(ChangeLayer.class) : EnumSet.copyOf(List.of(only)),
                pacemaker, patchOptions, lioExtras, lioLock);
    }

    /** Another design → CIB configuration mapping. {@code options.pacemakerMapping(d -> new LabDesign(d).cibConfiguration())} */
    public ChangeOptions pacemakerMapping(Function<SanDesign, Configuration> mapping) {
        return new ChangeOptions(layers, mapping, patchOptions, lioExtras, lioLock);
    }

    /** CIB patch options ({@link PatchOption#PRUNE} removes live resources the design no longer has). {@code options.patchOptions(PatchOption.PRUNE)} */
    public ChangeOptions patchOptions(PatchOption... options) {
        return new ChangeOptions(layers, pacemaker, List.of(options), lioExtras, lioLock);
    }

    /** What the LIO reconcile does with objects the design no longer has. {@code options.lioExtras(LioReconciler.Extras.REMOVE)} */
    public ChangeOptions lioExtras(LioReconciler.Extras extras) {
        return new ChangeOptions(layers, pacemaker, patchOptions, extras, lioLock);
    }

    /** The lock LIO changes hold on each node. {@code options.lioLock(LioLock.standard().waitingAtMost(d))} */
    public ChangeOptions lioLock(LioLock lock) {
        return new ChangeOptions(layers, pacemaker, patchOptions, lioExtras, lock);
    }

    /** True when {@code layer} is compared. {@code options.has(ChangeLayer.LIO)} */
    public boolean has(ChangeLayer layer) {
        return layers.contains(layer);
    }

    /** The design's CIB configuration under this mapping. {@code options.pacemakerConfiguration(design)} */
    public Configuration pacemakerConfiguration(SanDesign design) {
        return pacemaker.apply(design);
    }

    /** The CIB patch options. {@code options.patchOptions()} */
    public List<PatchOption> patchOptions() {
        return patchOptions;
    }

    /** The LIO extras policy. {@code options.lioExtras()} */
    public LioReconciler.Extras lioExtras() {
        return lioExtras;
    }

    /** The LIO lock. {@code options.lioLock()} */
    public LioLock lioLock() {
        return lioLock;
    }

    /** {@code toString}: the layers and policies. */
    @Override
    public String toString() {
        return "ChangeOptions[" + layers + ", patch " + patchOptions + ", LIO extras " + lioExtras + ", " + lioLock + "]";
    }
}
