package org.sansdk.cluster.bundle;

import java.util.List;
import org.sansdk.cluster.rules.DesignFinding;
import org.sansdk.cluster.rules.DesignRules;

/**
 * Every design rule's finding (cross-layer and per tool, as {@code sanctl validate} prints them) in REPORT.md's
 * rules section. Usage: {@code BundleRenderer.create().with(new RulesContribution())}.
 */
public final class RulesContribution implements BundleContribution {
    /** Usage: see type. */
    public RulesContribution() {
    }

    @Override
    public List<BundleFile> files(RenderContext ctx) {
        return List.of();
    }

    @Override
    public List<String> findings(RenderContext ctx) {
        return DesignRules.check(ctx.design()).stream().map(DesignFinding::toString).toList();
    }
}
