package org.sansdk.iscsi;

/**
 * One line of {@code iscsiadm -m node} or of a sendtargets discovery: {@code 10.3.1.1:3260,1 iqn…}.
 *
 * <pre>{@code NodeListParser.parse("iscsiadm -m node", text).nodes().get(0).target()}</pre>
 *
 * @param portal the portal (a record without a tag prints {@code 4294967295}: read as {@link Portal#NO_TPGT})
 * @param target the target name as printed
 * @param line   1-based line of the capture
 */
public record NodeEntry(Portal portal, String target, int line) {
}
