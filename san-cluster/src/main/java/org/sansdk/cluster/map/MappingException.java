package org.sansdk.cluster.map;

import org.sansdk.core.SanException;

/**
 * The design cannot be mapped onto a tool (a node without an address on one of its corosync links, storage nodes
 * with different disk counts, a qdevice design for the Pacemaker resource set, ...). The message names the design
 * path and what is needed.
 * Usage: {@code try { DesignMapping.of(d).zpoolCreate(); } catch (MappingException e) { System.err.println(e.getMessage()); }}
 */
public class MappingException extends SanException {
    private static final long serialVersionUID = 1L;

    /** A mapping problem. Usage: {@code throw new MappingException("nodes[0].addresses.storage: missing");} */
    public MappingException(String message) {
        super(message);
    }
}
