package org.sansdk.cluster.files;

/**
 * How an export maps the client's root (and other) users. {@link #NO_ROOT_SQUASH} gives every root on the
 * client subnet root on the exported dataset: it is only rendered when a caller names it here, never from a
 * free-form option string.
 *
 * <pre>{@code NfsClient.of("10.30.30.5", "rw", "sync", "no_subtree_check").withSquash(NfsSquash.NO_ROOT_SQUASH)}</pre>
 */
public enum NfsSquash {
    /** {@code root_squash}: client root becomes the anonymous user (exportfs's default, made explicit). */
    ROOT_SQUASH("root_squash"),
    /** {@code all_squash}: every client user becomes the anonymous user. */
    ALL_SQUASH("all_squash"),
    /** {@code no_root_squash}: client root is root on the export; only when explicitly chosen. */
    NO_ROOT_SQUASH("no_root_squash");

    private final String option;

    NfsSquash(String option) {
        this.option = option;
    }

    /** The exports option keyword. */
    public String option() {
        return option;
    }
}
