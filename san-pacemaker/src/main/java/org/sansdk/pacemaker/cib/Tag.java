package org.sansdk.pacemaker.cib;

import java.util.List;

/**
 * A {@code <tag>}: a name for a list of resources/constraints.
 * Usage: {@code tag.references()}.
 *
 * @param id         tag id
 * @param references referenced ids in order
 */
public record Tag(String id, List<String> references) {
    /** Copies. Usage: see type. */
    public Tag {
        references = List.copyOf(references);
    }
}
