/**
 * The rules a whole design must keep across its layers (mirrors, multihost, timeouts, corosync links, fencing,
 * the quorum node, IQN namespaces, VIP binding, MTU, CHAP) plus the tool modules' own validators run on what the
 * design maps to, each finding with an id, a severity, the layer, where in the design, the reason and the fix.
 *
 * <pre>{@code List<DesignFinding> f = DesignRules.check(SanDesignYaml.read(Path.of("design.yml")));}</pre>
 */
package org.sansdk.cluster.rules;
