package org.sansdk.cluster;

import org.sansdk.core.SanException;

/**
 * A node runs a version of a program the SDK does not speak (its commands would have another syntax): refused
 * before anything runs. Usage: {@code catch (UnsupportedToolException e) { e.found(); }}.
 */
public final class UnsupportedToolException extends SanException {
    private static final long serialVersionUID = 1L;
    private final String node;
    private final String program;
    private final transient ToolVersion found;

    /** Names the node, the program, the version found and the oldest the SDK speaks. */
    public UnsupportedToolException(String node, String program, ToolVersion found, String oldest) {
        super(node + " runs " + program + " " + found.text() + ": the SDK speaks " + program + " " + oldest + " and later");
        this.node = node;
        this.program = program;
        this.found = found;
    }

    /** The node. */
    public String node() {
        return node;
    }

    /** The program. */
    public String program() {
        return program;
    }

    /** The version the node runs. */
    public ToolVersion found() {
        return found;
    }
}
