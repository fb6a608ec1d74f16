package org.sansdk.pacemaker.internal;

import org.sansdk.core.spi.OutputParser;
import org.sansdk.pacemaker.status.CrmMonParser;

/**
 * {@code sanctl parse crm-mon FILE}: {@code crm_mon -1 --output-as=xml} (or legacy {@code --as-xml}) as JSON.
 * Usage: {@code new CrmMonOutputParser().parse("crm_mon.xml", text)}.
 */
public final class CrmMonOutputParser implements OutputParser {
    @Override
    public String kind() {
        return "crm-mon";
    }

    @Override
    public String description() {
        return "crm_mon -1 --output-as=xml: nodes, resources, history, failures, tickets";
    }

    @Override
    public Object parse(String sourceName, String text) {
        return CrmMonParser.parse(sourceName, text);
    }
}
