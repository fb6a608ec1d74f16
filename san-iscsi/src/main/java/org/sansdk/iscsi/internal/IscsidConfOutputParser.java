package org.sansdk.iscsi.internal;

import java.util.List;
import java.util.Optional;
import org.sansdk.core.ParseWarning;
import org.sansdk.core.Secret;
import org.sansdk.core.spi.OutputParser;
import org.sansdk.iscsi.IscsidConf;

/**
 * {@code sanctl parse iscsid-conf FILE}: the active settings in order with their line, whether open-iscsi knows
 * each key, the warnings; passwords as {@code ****}.
 *
 * <pre>{@code Object model = new IscsidConfOutputParser().parse("iscsid.conf", text);}</pre>
 */
public final class IscsidConfOutputParser implements OutputParser {
    /** For ServiceLoader. */
    public IscsidConfOutputParser() {
    }

    /**
     * One setting for JSON.
     *
     * @param line  1-based line
     * @param key   the key
     * @param value the value, {@code ****} for a password
     * @param known whether open-iscsi 2.1.8 knows the key
     */
    public record SettingJson(int line, String key, String value, boolean known) {
    }

    /**
     * The file for JSON.
     *
     * @param settings        active settings in order
     * @param unknownKeys     keys open-iscsi does not know
     * @param warnings        unknown and repeated keys, located
     * @param endsWithNewline whether the last line has its newline
     * @param replacementTimeoutSeconds the effective replacement_timeout, if set
     */
    public record ConfJson(List<SettingJson> settings, List<String> unknownKeys, List<ParseWarning> warnings,
                           boolean endsWithNewline, Optional<Long> replacementTimeoutSeconds) {
    }

    @Override
    public String kind() {
        return "iscsid-conf";
    }

    @Override
    public String description() {
        return "open-iscsi iscsid.conf (settings, unknown keys flagged; CHAP passwords masked)";
    }

    @Override
    public Object parse(String sourceName, String text) {
        IscsidConf c = IscsidConf.parse(sourceName, text);
        List<SettingJson> s = c.settings().stream().map(x -> new SettingJson(x.line(), x.key(),
                x.secret().isPresent() ? Secret.MASK : x.value(), x.known())).toList();
        return new ConfJson(s, c.unknownKeys(), c.warnings(), c.endsWithNewline(),
                c.replacementTimeout().map(d -> d.toSeconds()));
    }
}
