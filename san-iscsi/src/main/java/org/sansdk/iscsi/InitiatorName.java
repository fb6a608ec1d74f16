package org.sansdk.iscsi;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Optional;
import org.sansdk.core.Iqn;
import org.sansdk.core.ParseException;
import org.sansdk.core.Plan;

/**
 * {@code /etc/iscsi/initiatorname.iscsi}: {@code InitiatorName=IQN} and an optional {@code InitiatorAlias=}.
 * The IQN follows san-core's {@link Iqn} rules.
 *
 * <pre>{@code InitiatorName n = InitiatorName.parse("initiatorname.iscsi", text); n.iqn();}</pre>
 *
 * @param iqn   the initiator's name
 * @param alias the alias, if any
 */
public record InitiatorName(Iqn iqn, Optional<String> alias) {
    /** Debian's path. */
    public static final Path DEFAULT_PATH = Path.of("/etc/iscsi/initiatorname.iscsi");

    /** An initiator name without alias: {@code InitiatorName.of(Iqn.parse("iqn.2025-01.lab.home:storage-a"))}. */
    public static InitiatorName of(Iqn iqn) {
        return new InitiatorName(iqn, Optional.empty());
    }

    /**
     * Parses the file (comments and blank lines allowed; exactly one InitiatorName).
     *
     * @throws ParseException when empty, the name is missing or twice, or breaks the IQN rules
     */
    public static InitiatorName parse(String source, String text) {
        if (text == null || text.isBlank()) {
            throw new ParseException(source, 1, 1, "", "InitiatorName=IQN (the file is empty)");
        }
        String[] lines = text.split("\n", -1);
        Iqn iqn = null;
        String alias = null;
        for (int i = 0; i < lines.length; i++) {
            String l = lines[i].strip();
            if (l.isEmpty() || l.startsWith("#")) {
                continue;
            }
            if (l.startsWith("InitiatorName=") && iqn == null) {
                try {
                    iqn = Iqn.parse(l.substring("InitiatorName=".length()));
                } catch (IllegalArgumentException e) {
                    throw new ParseException(source, i + 1, lines[i].indexOf('=') + 2, lines[i], "an iSCSI name: " + e.getMessage());
                }
            } else if (l.startsWith("InitiatorAlias=") && alias == null) {
                alias = l.substring("InitiatorAlias=".length());
            } else {
                throw new ParseException(source, i + 1, 1, lines[i], "one InitiatorName=IQN, an optional InitiatorAlias=, # comments");
            }
        }
        if (iqn == null) {
            throw new ParseException(source, lines.length, 1, lines[lines.length - 1], "InitiatorName=IQN");
        }
        return new InitiatorName(iqn, Optional.ofNullable(alias));
    }

    /** The file as Debian's open-iscsi writes it (its warning header, then the name). */
    public String render() {
        return "## DO NOT EDIT OR REMOVE THIS FILE!\n"
                + "## If you remove this file, the iSCSI daemon will not start.\n"
                + "## If you change the InitiatorName, existing access control lists\n"
                + "## may reject this initiator.  The InitiatorName must be unique\n"
                + "## for each iSCSI initiator.  Do NOT duplicate iSCSI InitiatorNames.\n"
                + "InitiatorName=" + iqn + "\n" + alias.map(a -> "InitiatorAlias=" + a + "\n").orElse("");
    }

    /** A plan writing the file (0600 root:root, as Debian installs it). */
    public Plan writePlan(String host, Path path) {
        return Plan.builder("write " + path).writeFile(host, path, render().getBytes(StandardCharsets.UTF_8), 0600,
                "root:root", false, "initiator name " + iqn).build();
    }
}
