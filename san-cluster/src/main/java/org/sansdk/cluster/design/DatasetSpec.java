package org.sansdk.cluster.design;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A file system to create in the pool, with its properties.
 * Usage: {@code new DatasetSpec("nfs", Map.of("recordsize", "128k"))}.
 *
 * @param name       the dataset path relative to the pool ({@code iscsi/hypervisor})
 * @param properties its properties, in order
 * @param nfs        exported over NFS to a client VLAN (through /etc/exports, never {@code sharenfs})
 * @param smb        shared over SMB on a client VLAN (through smb.conf, never {@code sharesmb})
 */
public record DatasetSpec(String name, Map<String, String> properties, Optional<NfsShare> nfs, Optional<SmbShare> smb) {
    /** Copies. Usage: see type. */
    public DatasetSpec {
        Objects.requireNonNull(name, "name");
        properties = Collections.unmodifiableMap(new LinkedHashMap<>(properties));
        Objects.requireNonNull(nfs, "nfs");
        Objects.requireNonNull(smb, "smb");
    }

    /** A dataset that is neither exported nor shared. Usage: {@code new DatasetSpec("iscsi", Map.of())}. */
    public DatasetSpec(String name, Map<String, String> properties) {
        this(name, properties, Optional.empty(), Optional.empty());
    }

    /** The same dataset exported over NFS. Usage: {@code ds.exportedBy(new NfsShare("enduser", List.of("rw")))}. */
    public DatasetSpec exportedBy(NfsShare share) {
        return new DatasetSpec(name, properties, Optional.of(share), smb);
    }

    /** The same dataset shared over SMB. Usage: {@code ds.sharedBy(new SmbShare("enduser", "shared", SmbShare.Access.READ_WRITE, List.of()))}. */
    public DatasetSpec sharedBy(SmbShare share) {
        return new DatasetSpec(name, properties, nfs, Optional.of(share));
    }
}
