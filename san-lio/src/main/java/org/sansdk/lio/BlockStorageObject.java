package org.sansdk.lio;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.sansdk.lio.json.JsonValue;

/**
 * A {@code block} (iblock) backstore over a block device such as a disk or a zvol. {@code wwn} is the T10
 * unit serial the kernel also derives the NAA identifier from.
 *
 * <pre>{@code BlockStorageObject zv = BlockStorageObject.of("vm-100-disk-0", "/dev/zvol/san-pool/iscsi/vm-100-disk-0");}</pre>
 */
public record BlockStorageObject(String name, String dev, Optional<String> wwn, Optional<Boolean> readonly,
                                 Optional<Boolean> writeBack, Map<String, Long> attributes,
                                 Optional<List<AluaGroup>> aluaTpgs, Map<String, JsonValue> extra)
        implements StorageObject {

    /** Copies collections, refuses nulls. */
    public BlockStorageObject {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(dev, "dev");
        Objects.requireNonNull(wwn, "wwn");
        Objects.requireNonNull(readonly, "readonly");
        Objects.requireNonNull(writeBack, "writeBack");
        attributes = Maps.copy(attributes);
        aluaTpgs = Objects.requireNonNull(aluaTpgs, "aluaTpgs").map(List::copyOf);
        extra = Maps.copy(extra);
    }

    /** A new block backstore as targetcli creates it (readonly and write_back false). {@code BlockStorageObject.of("d0", "/dev/sda")} */
    public static BlockStorageObject of(String name, String dev) {
        return new BlockStorageObject(name, dev, Optional.empty(), Optional.of(false), Optional.of(false), Map.of(),
                Optional.empty(), Map.of());
    }

    @Override
    public String plugin() {
        return "block";
    }

    /** This object with the unit serial set. {@code so.withWwn(uuid)} */
    public BlockStorageObject withWwn(String newWwn) {
        return new BlockStorageObject(name, dev, Optional.of(newWwn), readonly, writeBack, attributes, aluaTpgs, extra);
    }

    /** This object with one attribute set. {@code so.withAttribute("emulate_tpu", 1)} */
    public BlockStorageObject withAttribute(String key, long value) {
        return new BlockStorageObject(name, dev, wwn, readonly, writeBack, Maps.with(attributes, key, value), aluaTpgs,
                extra);
    }
}
