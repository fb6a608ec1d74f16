package org.sansdk.pacemaker.internal;

import org.sansdk.core.spi.OutputParser;
import org.sansdk.pacemaker.cib.CibParser;

/**
 * {@code sanctl parse cib FILE}: a CIB ({@code cibadmin -Q}) as JSON.
 * Usage: {@code new CibOutputParser().parse("cib.xml", text)}.
 */
public final class CibOutputParser implements OutputParser {
    @Override
    public String kind() {
        return "cib";
    }

    @Override
    public String description() {
        return "Pacemaker CIB XML (cibadmin -Q, pcs cluster cib): configuration and status";
    }

    @Override
    public Object parse(String sourceName, String text) {
        return CibParser.parse(sourceName, text);
    }
}
