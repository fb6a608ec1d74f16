package org.sansdk.cluster.bundle;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.sansdk.core.AtomicFiles;
import org.sansdk.core.SanException;

/**
 * A rendered bundle: the nodes in design order, each node's files (ordered by stage, then as rendered) and
 * commands, MANIFEST.tsv, RUNBOOK.md and REPORT.md. Immutable; {@code toString()} shows counts, never content.
 * Usage: {@code BundleRenderer.create().render(design).writeTo(Path.of("out"))}.
 */
public final class Bundle {
    /** The manifest's file name. */
    public static final String MANIFEST = "MANIFEST.tsv";
    /** The runbook's file name. */
    public static final String RUNBOOK = "RUNBOOK.md";
    /** The report's file name. */
    public static final String REPORT = "REPORT.md";

    private final List<String> nodes;
    private final List<BundleFile> files;
    private final List<BundleStep> steps;
    private final String runbook;
    private final String report;

    Bundle(List<String> nodes, List<BundleFile> files, List<BundleStep> steps, String runbook, String report) {
        this.nodes = List.copyOf(nodes);
        List<BundleFile> sorted = new ArrayList<>(files);
        sorted.sort((a, b) -> {
            int c = Integer.compare(nodes.indexOf(a.node()), nodes.indexOf(b.node()));
            return c != 0 ? c : a.stage().compareTo(b.stage());
        });
        this.files = List.copyOf(sorted);
        this.steps = List.copyOf(steps);
        this.runbook = Objects.requireNonNull(runbook, "runbook");
        this.report = Objects.requireNonNull(report, "report");
    }

    /** Node names in design order. Usage: {@code b.nodes()}. */
    public List<String> nodes() {
        return nodes;
    }

    /** Every file, node by node, stage by stage. Usage: {@code b.files()}. */
    public List<BundleFile> files() {
        return files;
    }

    /** One node's files. Usage: {@code b.files("storage-a")}. */
    public List<BundleFile> files(String node) {
        return files.stream().filter(f -> f.node().equals(node)).toList();
    }

    /** A file by node and target path. Usage: {@code b.file("quorum", "/etc/corosync/corosync.conf")}. */
    public java.util.Optional<BundleFile> file(String node, String path) {
        return files.stream().filter(f -> f.node().equals(node) && f.path().equals(path)).findFirst();
    }

    /** Every command in runbook order. Usage: {@code b.steps()}. */
    public List<BundleStep> steps() {
        return steps;
    }

    /** One node's commands in runbook order. Usage: {@code b.steps("storage-a")}. */
    public List<BundleStep> steps(String node) {
        return steps.stream().filter(s -> s.node().equals(node)).toList();
    }

    /** RUNBOOK.md. Usage: {@code b.runbook()}. */
    public String runbook() {
        return runbook;
    }

    /** REPORT.md. Usage: {@code b.report()}. */
    public String report() {
        return report;
    }

    /**
     * MANIFEST.tsv: a header, then one {@code node TAB path TAB mode TAB sha256} line per file; a secret file's hash
     * column reads {@code secret} (its hash would let a short password be guessed offline).
     * Usage: {@code b.manifest()}.
     */
    public String manifest() {
        StringBuilder sb = new StringBuilder("node\tpath\tmode\tsha256\n");
        for (BundleFile f : files) {
            sb.append(f.node()).append('\t').append(f.path()).append('\t').append(f.modeText()).append('\t')
                    .append(f.sensitivity() == Sensitivity.SECRET ? "secret" : f.sha256()).append('\n');
        }
        return sb.toString();
    }

    /**
     * Writes {@code DIR/<node>/<target path>} for every file (atomically, with its mode), then MANIFEST.tsv,
     * RUNBOOK.md and REPORT.md (0644). Directories are created 0700 (the bundle holds secrets when they were
     * supplied). DIR must be new, empty, or an earlier bundle (it has MANIFEST.tsv): then every file the earlier
     * manifest lists that this bundle does not have is deleted, so a render without secrets never leaves an
     * earlier render's secret files behind. Usage: {@code b.writeTo(Path.of("out"))}.
     *
     * @throws SanException when DIR is a non-empty directory that is not a bundle, or a file cannot be written
     */
    public void writeTo(Path dir) {
        try {
            removeStale(dir);
            mkdirs(dir);
            for (BundleFile f : files) {
                Path target = dir.resolve(f.node()).resolve(f.path().substring(1)).normalize();
                if (!target.startsWith(dir.resolve(f.node()).normalize())) {
                    throw new SanException("bundle path escapes its node directory: " + f.path());
                }
                mkdirs(target.getParent());
                AtomicFiles.write(target, f.bytes(), f.mode(), null);
            }
            AtomicFiles.write(dir.resolve(MANIFEST), manifest().getBytes(StandardCharsets.UTF_8), 0644, null);
            AtomicFiles.write(dir.resolve(RUNBOOK), runbook.getBytes(StandardCharsets.UTF_8), 0644, null);
            AtomicFiles.write(dir.resolve(REPORT), report.getBytes(StandardCharsets.UTF_8), 0644, null);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the bundle under " + dir, e);
        }
    }

    private void removeStale(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return;
        }
        try (java.util.stream.Stream<Path> s = Files.list(dir)) {
            if (s.findAny().isEmpty()) {
                return;
            }
        }
        Path manifest = dir.resolve(MANIFEST);
        if (!Files.isRegularFile(manifest)) {
            throw new SanException("refusing to write a bundle into " + dir + ": it is not empty and holds no " + MANIFEST);
        }
        java.util.Set<String> keep = new java.util.TreeSet<>();
        files.forEach(f -> keep.add(f.node() + "\t" + f.path()));
        for (String line : Files.readAllLines(manifest, StandardCharsets.UTF_8)) {
            String[] c = line.split("\t");
            if (c.length < 2 || line.startsWith("node\t") || keep.contains(c[0] + "\t" + c[1]) || !c[1].startsWith("/")) {
                continue;
            }
            Path old = dir.resolve(c[0]).resolve(c[1].substring(1)).normalize();
            if (old.startsWith(dir.resolve(c[0]).normalize()) && !c[0].contains("/") && !c[0].equals("..")) {
                Files.deleteIfExists(old);
            }
        }
    }

    private static void mkdirs(Path p) throws IOException {
        if (Files.isDirectory(p)) {
            return;
        }
        if (p.getParent() != null) {
            mkdirs(p.getParent());
        }
        Files.createDirectory(p, java.nio.file.attribute.PosixFilePermissions.asFileAttribute(AtomicFiles.permissions(0700)));
    }

    /** Counts only. Usage: {@code b.toString()}. */
    @Override
    public String toString() {
        return "Bundle[nodes=" + nodes + ", files=" + files.size() + ", steps=" + steps.size() + "]";
    }
}
