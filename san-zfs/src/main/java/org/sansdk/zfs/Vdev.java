package org.sansdk.zfs;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * One row of the vdev tree with its children.
 *
 * <p>{@code pool.root().orElseThrow().leaves().filter(v -> v.state() != DeviceState.ONLINE).forEach(System.out::println);}
 *
 * @param name the NAME column (a device path/name, {@code mirror-0}, a GUID for a missing device...)
 * @param kind what the vdev is
 * @param state its state
 * @param errors READ/WRITE/CKSUM; empty for spares, which print no counters
 * @param notes text after the counters
 * @param columns extra columns ({@code -c} scripts, {@code SLOW}, {@code POWER}, {@code DIO}) by header
 * @param children child vdevs
 * @param path full device path where known (JSON output, or {@code status -P})
 * @param guid vdev GUID where known (JSON output)
 * @param space space figures where known (JSON output; sizes such as {@code 3.64T} converted to bytes)
 */
public record Vdev(String name, VdevKind kind, DeviceState state, Optional<ErrorCounters> errors,
                   List<VdevNote> notes, Map<String, String> columns, List<Vdev> children,
                   Optional<String> path, Optional<String> guid, Optional<VdevSpace> space) {

    /** Validates and copies. */
    public Vdev {
        if (name == null || name.isEmpty()) {
            throw new IllegalArgumentException("vdev name is required");
        }
        if (kind == null || state == null) {
            throw new IllegalArgumentException("vdev kind and state are required");
        }
        errors = errors == null ? Optional.empty() : errors;
        notes = notes == null ? List.of() : List.copyOf(notes);
        columns = columns == null || columns.isEmpty() ? Map.of()
                : Collections.unmodifiableMap(new LinkedHashMap<>(columns));
        children = children == null ? List.of() : List.copyOf(children);
        path = path == null ? Optional.empty() : path;
        guid = guid == null ? Optional.empty() : guid;
        space = space == null ? Optional.empty() : space;
    }

    /**
     * A leaf as the text output shows it.
     *
     * <p>{@code Vdev.leaf("sda", DeviceState.ONLINE, ErrorCounters.ZERO)}
     *
     * @param name device name
     * @param state state
     * @param errors counters
     * @return the vdev
     */
    public static Vdev leaf(String name, DeviceState state, ErrorCounters errors) {
        return new Vdev(name, new VdevKind.Leaf(VdevKind.leafType(name)), state, Optional.ofNullable(errors),
                List.of(), Map.of(), List.of(), Optional.empty(), Optional.empty(), Optional.empty());
    }

    /**
     * True for devices (no children).
     *
     * <p>{@code vdev.isLeaf()}
     *
     * @return whether this is a leaf
     */
    public boolean isLeaf() {
        return kind instanceof VdevKind.Leaf;
    }

    /**
     * This vdev and all below it, depth first.
     *
     * <p>{@code root.walk().count()}
     *
     * @return the stream
     */
    public Stream<Vdev> walk() {
        return Stream.concat(Stream.of(this), children.stream().flatMap(Vdev::walk));
    }

    /**
     * The leaves below (or this vdev if it is a leaf).
     *
     * <p>{@code mirror.leaves().map(Vdev::name).toList()}
     *
     * @return the leaves
     */
    public Stream<Vdev> leaves() {
        return walk().filter(Vdev::isLeaf);
    }

    /**
     * Finds a vdev by NAME at any depth.
     *
     * <p>{@code pool.root().find("sdb")}
     *
     * @param vdevName the name
     * @return the first match
     */
    public Optional<Vdev> find(String vdevName) {
        return walk().filter(v -> v.name.equals(vdevName)).findFirst();
    }

    /**
     * True when a note of the given type is present.
     *
     * <p>{@code vdev.hasNote(VdevNote.Resilvering.class)}
     *
     * @param type the note type
     * @return whether present
     */
    public boolean hasNote(Class<? extends VdevNote> type) {
        for (VdevNote n : notes) {
            if (type.isInstance(n)) {
                return true;
            }
        }
        return false;
    }

    /**
     * A copy with other children.
     *
     * <p>{@code v.withChildren(List.of())}
     *
     * @param newChildren the children
     * @return the copy
     */
    public Vdev withChildren(List<Vdev> newChildren) {
        return new Vdev(name, kind, state, errors, notes, columns, newChildren, path, guid, space);
    }

    /** Returns a one-line summary (name, state, counters, notes). */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(name).append(' ').append(state);
        errors.ifPresent(e -> sb.append(' ').append(e.read()).append(' ').append(e.write()).append(' ')
                .append(e.checksum()));
        List<String> texts = new ArrayList<>();
        for (VdevNote n : notes) {
            texts.add(n.text());
        }
        if (!texts.isEmpty()) {
            sb.append("  ").append(String.join("  ", texts));
        }
        if (!children.isEmpty()) {
            sb.append(" [").append(children.size()).append(" children]");
        }
        return sb.toString();
    }
}
