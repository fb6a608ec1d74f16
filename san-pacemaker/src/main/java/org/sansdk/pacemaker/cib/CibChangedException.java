package org.sansdk.pacemaker.cib;

import org.sansdk.core.SanException;

/**
 * The live CIB changed between planning and applying: re-read it and plan again.
 * Usage: {@code catch (CibChangedException e) { replan(); }}
 */
public class CibChangedException extends SanException {
    private static final long serialVersionUID = 1L;
    private final CibVersion planned;
    private final CibVersion current;

    /** Creates it. Usage: {@code throw new CibChangedException(planned, current)}. */
    public CibChangedException(CibVersion planned, CibVersion current) {
        super("the CIB changed since the plan was made (planned against " + planned + ", now " + current
                + "); read the CIB again and re-plan");
        this.planned = planned;
        this.current = current;
    }

    /** The version the plan was made against. Usage: {@code e.planned()}. */
    public CibVersion planned() {
        return planned;
    }

    /** The version found when applying (null when Pacemaker refused the patch itself). Usage: {@code e.current()}. */
    public CibVersion current() {
        return current;
    }
}
