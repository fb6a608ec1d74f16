package org.sansdk.lio;

/** Public door to the package-private corpus loader for tests in sub-packages. */
public final class CorpusAccess {
    private CorpusAccess() {
    }

    /** A saveconfig fixture's text. */
    public static String saveconfig(String name) {
        return Corpus.saveconfig(name);
    }
}
