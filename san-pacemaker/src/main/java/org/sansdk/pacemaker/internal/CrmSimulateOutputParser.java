package org.sansdk.pacemaker.internal;

import org.sansdk.core.spi.OutputParser;
import org.sansdk.pacemaker.sim.CrmSimulateParser;

/**
 * {@code sanctl parse crm-simulate FILE}: {@code crm_simulate -S --output-as=xml} as JSON.
 * Usage: {@code new CrmSimulateOutputParser().parse("sim.xml", text)}.
 */
public final class CrmSimulateOutputParser implements OutputParser {
    @Override
    public String kind() {
        return "crm-simulate";
    }

    @Override
    public String description() {
        return "crm_simulate --output-as=xml: planned actions, executed transition, revised status";
    }

    @Override
    public Object parse(String sourceName, String text) {
        return CrmSimulateParser.parse(sourceName, text);
    }
}
