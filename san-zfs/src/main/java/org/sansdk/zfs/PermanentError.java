package org.sansdk.zfs;

/**
 * One entry of {@code errors: Permanent errors have been detected in the following files:}.
 *
 * <p>{@code PermanentError e = PermanentError.parse("<metadata>:<0x39>");  // Metadata[object=57]}
 *
 * <p>libzfs prints, depending on what it can resolve: a mounted file's path, {@code dataset:/path} when the
 * dataset is not mounted (snapshots), {@code dataset:<0xobj>} when the object has no path,
 * {@code <metadata>:<0xobj>} for pool metadata, and {@code <0xds>:<0xobj>} when even the dataset is gone.
 */
public sealed interface PermanentError {

    /**
     * The entry as printed.
     *
     * <p>{@code e.text()}
     *
     * @return the text
     */
    String text();

    /**
     * A path of a file in a mounted dataset.
     *
     * @param path the absolute path
     */
    record File(String path) implements PermanentError {
        @Override
        public String text() {
            return path;
        }
    }

    /**
     * A file in a dataset that is not mounted (often a snapshot): {@code pool/fs@snap:/path}.
     *
     * @param dataset the dataset or snapshot name
     * @param path the path inside it
     */
    record DatasetFile(String dataset, String path) implements PermanentError {
        @Override
        public String text() {
            return dataset + ":" + path;
        }
    }

    /**
     * An object of a named dataset without a path: {@code pool/fs:<0x5>}.
     *
     * @param dataset the dataset name
     * @param object the object number
     */
    record DatasetObject(String dataset, long object) implements PermanentError {
        @Override
        public String text() {
            return dataset + ":<0x" + Long.toHexString(object) + ">";
        }
    }

    /**
     * A pool metadata object: {@code <metadata>:<0x39>}.
     *
     * @param object the object number
     */
    record Metadata(long object) implements PermanentError {
        @Override
        public String text() {
            return "<metadata>:<0x" + Long.toHexString(object) + ">";
        }
    }

    /**
     * Dataset and object by number (the dataset no longer exists): {@code <0x39c>:<0xb>}.
     *
     * @param datasetObject the dataset's object number
     * @param object the object number
     */
    record ObjectIds(long datasetObject, long object) implements PermanentError {
        @Override
        public String text() {
            return "<0x" + Long.toHexString(datasetObject) + ">:<0x" + Long.toHexString(object) + ">";
        }
    }

    /**
     * Classifies a printed entry.
     *
     * <p>{@code PermanentError.parse("B_redux/B@2017_Mar_10:/ata.img")}
     *
     * @param text the entry without its indentation
     * @return the entry
     */
    static PermanentError parse(String text) {
        String t = text.strip();
        if (t.startsWith("/")) {
            return new File(t);
        }
        int colon = t.indexOf(':');
        if (t.startsWith("<metadata>:")) {
            long obj = hexInBrackets(t.substring(11));
            if (obj >= 0) {
                return new Metadata(obj);
            }
        }
        if (t.startsWith("<0x")) {
            int sep = t.indexOf(">:");
            if (sep > 0) {
                long ds = hexInBrackets(t.substring(0, sep + 1));
                long obj = hexInBrackets(t.substring(sep + 2));
                if (ds >= 0 && obj >= 0) {
                    return new ObjectIds(ds, obj);
                }
            }
        }
        if (colon > 0) {
            String ds = t.substring(0, colon);
            String rest = t.substring(colon + 1);
            long obj = hexInBrackets(rest);
            if (obj >= 0) {
                return new DatasetObject(ds, obj);
            }
            return new DatasetFile(ds, rest);
        }
        return new File(t);
    }

    private static long hexInBrackets(String s) {
        if (s.length() < 5 || !s.startsWith("<0x") || !s.endsWith(">")) {
            return -1;
        }
        try {
            return Long.parseUnsignedLong(s.substring(3, s.length() - 1), 16);
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
