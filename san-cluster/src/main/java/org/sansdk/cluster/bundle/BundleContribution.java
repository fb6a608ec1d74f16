package org.sansdk.cluster.bundle;

import java.util.List;

/**
 * The hook for files the bundle does not render itself (NFS exports and nfs.conf, smb.conf, sysctl, modprobe
 * zfs.conf, the encrypted CHAP env file, package lists per distribution) and for extra rule findings (the design
 * rules): each contribution adds per-node files, commands and REPORT.md findings.
 * Usage: {@code BundleRenderer.create().with(ctx -> List.of(BundleFile.text("storage-a", "/etc/sysctl.d/90-san.conf", 0644, text, Stage.SYSCTL, Sensitivity.PLAIN)))}.
 */
@FunctionalInterface
public interface BundleContribution {
    /** The files to add, any node, any stage. Usage: {@code c.files(ctx)}. */
    List<BundleFile> files(RenderContext ctx);

    /** Commands to add (default none). Usage: {@code c.steps(ctx)}. */
    default List<BundleStep> steps(RenderContext ctx) {
        return List.of();
    }

    /** Findings for REPORT.md's rules section, one line each (default none). Usage: {@code c.findings(ctx)}. */
    default List<String> findings(RenderContext ctx) {
        return List.of();
    }
}
