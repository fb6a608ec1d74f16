/**
 * The per-node bundle: every file each node needs with its target path and mode, the commands to run in order,
 * RUNBOOK.md (bare nodes → healthy cluster) and REPORT.md (rules, failover timing, corrections to the design
 * document, the proof behind every artefact). Deterministic: the same design renders the same bytes.
 *
 * <pre>{@code Bundle b = BundleRenderer.create().render(design); b.writeTo(Path.of("out"));}</pre>
 */
package org.sansdk.cluster.bundle;
