package org.sansdk.cluster.design;

import java.util.List;
import java.util.Objects;
import org.sansdk.core.SanException;

/**
 * A design is inconsistent: lists every problem with its path in the design ({@code client_vlans[1].vip}) and,
 * when it was read from a file, the file, line and column.
 *
 * <pre>{@code catch (DesignException e) { e.problems().forEach(p -> System.err.println(p)); }}</pre>
 */
public class DesignException extends SanException {
    private static final long serialVersionUID = 1L;

    private final transient List<Problem> problems;

    /** Creates the error. Usage: {@code throw new DesignException(List.of(new DesignException.Problem("pool.name", "missing")))}. */
    public DesignException(List<Problem> problems) {
        super(message(problems));
        this.problems = List.copyOf(problems);
    }

    private static String message(List<Problem> problems) {
        StringBuilder b = new StringBuilder(problems.size() + " design problem(s):");
        for (Problem p : problems) {
            b.append("\n  ").append(p);
        }
        return b.toString();
    }

    /** Every problem, in design order. Usage: {@code e.problems().get(0).path()}. */
    public List<Problem> problems() {
        return problems == null ? List.of() : problems;
    }

    /**
     * One problem.
     * Usage: {@code new DesignException.Problem("client_vlans[1].vip", "not in subnet 10.40.40.0/24")}.
     *
     * @param path    the key path in the design ({@code nodes[0].addresses.storage})
     * @param message what is wrong and what is expected
     * @param source  the file it was read from ("" when built in code)
     * @param line    1-based line in the file, 0 when unknown
     * @param column  1-based column in the file, 0 when unknown
     */
    public record Problem(String path, String message, String source, int line, int column) {
        /** Refuses nulls. Usage: see type. */
        public Problem {
            Objects.requireNonNull(path, "path");
            Objects.requireNonNull(message, "message");
            Objects.requireNonNull(source, "source");
        }

        /** A problem without a file location. Usage: {@code new Problem("pool.name", "missing")}. */
        public Problem(String path, String message) {
            this(path, message, "", 0, 0);
        }

        /** The same problem located in a file. Usage: {@code p.at("design.yml", 12, 5)}. */
        public Problem at(String file, int atLine, int atColumn) {
            return new Problem(path, message, file, atLine, atColumn);
        }

        /** {@code file:line:column: path: message}, or {@code path: message}. Usage: {@code p.toString()}. */
        @Override
        public String toString() {
            return (source.isEmpty() ? "" : source + ":" + line + ":" + column + ": ") + path + ": " + message;
        }
    }
}
