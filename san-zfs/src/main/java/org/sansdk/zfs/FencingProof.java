package org.sansdk.zfs;

import java.time.Instant;
import java.util.Objects;

/**
 * Evidence that the other node was fenced (powered off by STONITH) before a forced import. Forcing an
 * import of a pool the peer still writes to corrupts it; {@link ZpoolImport.Builder#force(FencingProof)} is
 * the only way to get {@code -f}, so every forced import in code names its evidence.
 *
 * <p>{@code FencingProof.stonith("storage-b", Instant.now(), "stonith_admin --history storage-b: reboot ok")}
 *
 * @param fencedNode the node that was fenced
 * @param confirmedAt when the fence was confirmed
 * @param evidence what confirmed it (a fencing history line, an operator ticket)
 */
public record FencingProof(String fencedNode, Instant confirmedAt, String evidence) {
    /** Validates: all fields are required and non-blank. */
    public FencingProof {
        Objects.requireNonNull(confirmedAt, "confirmedAt");
        if (fencedNode == null || fencedNode.isBlank()) {
            throw new IllegalArgumentException("fencedNode is required");
        }
        if (evidence == null || evidence.isBlank()) {
            throw new IllegalArgumentException("evidence of fencing is required for a forced import");
        }
    }

    /**
     * Proof from a STONITH confirmation.
     *
     * <p>{@code FencingProof.stonith("storage-b", when, historyLine)}
     *
     * @param node fenced node
     * @param when confirmation time
     * @param evidence the confirmation text
     * @return the proof
     */
    public static FencingProof stonith(String node, Instant when, String evidence) {
        return new FencingProof(node, when, evidence);
    }
}
