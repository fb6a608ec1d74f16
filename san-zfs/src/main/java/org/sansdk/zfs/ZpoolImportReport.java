package org.sansdk.zfs;

import java.util.List;
import java.util.Optional;
import org.sansdk.core.ParseWarning;

/**
 * What {@code zpool import} (scan) listed: the importable pools keyed by id, or
 * {@code no pools available to import}.
 *
 * <p>{@code ZpoolImportReport r = ZpoolImportParser.parse("node-b", text); r.candidates();}
 *
 * @param result which answer zpool gave
 * @param candidates the candidates in printed order (two pools named alike stay two candidates)
 * @param warnings located warnings
 */
public record ZpoolImportReport(Result result, List<ImportCandidate> candidates, List<ParseWarning> warnings) {

    /** The kinds of answer. */
    public enum Result {
        /** One or more importable pools. */
        CANDIDATES,
        /** {@code no pools available to import}. */
        NO_POOLS_AVAILABLE_TO_IMPORT
    }

    /** Validates and copies. */
    public ZpoolImportReport {
        if (result == null) {
            throw new IllegalArgumentException("result is required");
        }
        candidates = candidates == null ? List.of() : List.copyOf(candidates);
        warnings = warnings == null ? List.of() : List.copyOf(warnings);
        if ((result == Result.CANDIDATES) == candidates.isEmpty()) {
            throw new IllegalArgumentException("result " + result + " does not match " + candidates.size()
                    + " candidates");
        }
    }

    /**
     * True when no candidate is marked incomplete.
     *
     * <p>{@code report.complete()}
     *
     * @return whether complete
     */
    public boolean complete() {
        return candidates.stream().allMatch(ImportCandidate::complete);
    }

    /**
     * The candidate with this id.
     *
     * <p>{@code report.candidate("6348604160778364567")}
     *
     * @param id the pool id as printed
     * @return the candidate
     */
    public Optional<ImportCandidate> candidate(String id) {
        return candidates.stream().filter(c -> c.id().equals(id)).findFirst();
    }

    /**
     * The candidates with this name (more than one when several pools share it).
     *
     * <p>{@code report.named("tank")}
     *
     * @param name the pool name
     * @return the candidates
     */
    public List<ImportCandidate> named(String name) {
        return candidates.stream().filter(c -> c.name().equals(name)).toList();
    }
}
