package org.sansdk.cluster.bundle;

import java.util.Objects;
import java.util.Optional;
import org.sansdk.cluster.design.SanDesign;
import org.sansdk.cluster.map.DesignMapping;
import org.sansdk.core.Secret;

/**
 * What a {@link BundleContribution} gets: the design, its mapping, and the machine-id passphrase when one was
 * supplied (for the encrypted CHAP file).
 * Usage: {@code ctx.machineId().ifPresent(id -> …)}.
 *
 * @param design    the design
 * @param mapping   its mapping onto the tools
 * @param machineId the {@code /etc/machine-id} passphrase, when supplied
 */
public record RenderContext(SanDesign design, DesignMapping mapping, Optional<Secret> machineId) {
    /** Refuses nulls. Usage: see type. */
    public RenderContext {
        Objects.requireNonNull(design, "design");
        Objects.requireNonNull(mapping, "mapping");
        Objects.requireNonNull(machineId, "machineId");
    }
}
