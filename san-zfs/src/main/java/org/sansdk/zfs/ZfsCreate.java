package org.sansdk.zfs;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.sansdk.core.Command;
import org.sansdk.core.Size;
import org.sansdk.core.ZfsName;

/**
 * Renders {@code zfs create} for file systems and zvols.
 *
 * <p>{@code ZfsCreate.zvol("san-pool/iscsi/vm-disk-01", Size.parse("100G")).volblocksize("64k").build()}
 */
public final class ZfsCreate {
    private ZfsCreate() {
    }

    /**
     * A file system ({@code zfs create -o k=v NAME}).
     *
     * <p>{@code ZfsCreate.filesystem("san-pool/nfs").property("sharenfs", "on").build()}
     *
     * @param name dataset name
     * @return the builder
     */
    public static Builder filesystem(String name) {
        return new Builder(name, null);
    }

    /**
     * A zvol ({@code zfs create -V SIZE NAME}).
     *
     * <p>{@code ZfsCreate.zvol("san-pool/iscsi/vm1", Size.parse("100G"))}
     *
     * @param name dataset name
     * @param size volume size (a multiple of volblocksize)
     * @return the builder
     */
    public static Builder zvol(String name, Size size) {
        return new Builder(name, Objects.requireNonNull(size, "size"));
    }

    /** Options of one {@code zfs create}; nothing runs. */
    public static final class Builder {
        private final ZfsName name;
        private final Size volsize;
        private final Map<String, String> props = new LinkedHashMap<>();
        private boolean parents;
        private boolean sparse;

        private Builder(String name, Size volsize) {
            this.name = ZfsName.parse(name);
            if (this.name.kind() != ZfsName.Kind.DATASET) {
                throw new IllegalArgumentException("zfs create needs a dataset name below a pool: " + name);
            }
            if (volsize != null && volsize.bytes() <= 0) {
                throw new IllegalArgumentException("zvol size must be positive");
            }
            this.volsize = volsize;
        }

        /**
         * {@code -o name=value}.
         *
         * <p>{@code .property("recordsize", "1M")}
         *
         * @param property property
         * @param value value
         * @return this
         */
        public Builder property(String property, String value) {
            if (property.isEmpty() || property.contains("=")) {
                throw new IllegalArgumentException("bad property name '" + property + "'");
            }
            props.put(property, value);
            return this;
        }

        /**
         * {@code -o volblocksize=SIZE} (zvols only).
         *
         * <p>{@code .volblocksize("64k")}
         *
         * @param size e.g. {@code 16k}, {@code 64k}
         * @return this
         */
        public Builder volblocksize(String size) {
            if (volsize == null) {
                throw new IllegalStateException("volblocksize applies to zvols only");
            }
            return property("volblocksize", size);
        }

        /**
         * {@code -p}: create missing parents.
         *
         * <p>{@code .parents()}
         *
         * @return this
         */
        public Builder parents() {
            this.parents = true;
            return this;
        }

        /**
         * {@code -s}: thin (sparse) zvol without a reservation.
         *
         * <p>{@code .sparse()}
         *
         * @return this
         */
        public Builder sparse() {
            if (volsize == null) {
                throw new IllegalStateException("-s applies to zvols only");
            }
            this.sparse = true;
            return this;
        }

        /**
         * Renders the command.
         *
         * <p>{@code Command c = builder.build();}
         *
         * @return the argv
         */
        public Command build() {
            Command.Builder c = Command.builder("zfs").arg("create");
            if (parents) {
                c.arg("-p");
            }
            if (sparse) {
                c.arg("-s");
            }
            if (volsize != null) {
                c.args("-V", Long.toString(volsize.bytes()));
            }
            props.forEach((k, v) -> c.args("-o", k + "=" + v));
            return c.arg(name.toString()).build();
        }
    }
}
