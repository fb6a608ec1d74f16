package org.sansdk.iscsi;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.sansdk.core.Secret;
import org.sansdk.core.ValidationException;
import org.sansdk.core.Violation;

/**
 * CHAP credential rules, checked before anything is written: secrets of at most 255 bytes (open-iscsi's
 * limit), printable ASCII without leading/trailing blanks (iscsid.conf and record values are trimmed, and
 * some targets refuse other bytes), a user name that is not the secret, a mutual secret different from the
 * forward one (RFC 3720 §8.2.1: the same secret both ways lets a man in the middle reflect the challenge); and a
 * warning for secrets outside 12–16 bytes, which Microsoft's initiator and some targets enforce.
 *
 * <pre>{@code ChapRules.validate(chap); List<Violation> w = ChapRules.warnings(chap);}</pre>
 */
public final class ChapRules {
    /** open-iscsi's secret limit (AUTH_STR_MAX_LEN 256 with the terminator). */
    public static final int MAX_SECRET_BYTES = 255;

    private ChapRules() {
    }

    /** The errors: empty when the credentials are usable. Messages never contain a secret. */
    public static List<Violation> errors(ChapCredentials chap) {
        List<Violation> v = new ArrayList<>();
        check(v, "chap", chap.username(), chap.password());
        chap.usernameIn().ifPresent(u -> check(v, "chap.mutual", u, chap.passwordIn().orElseThrow()));
        if (chap.passwordIn().isPresent() && chap.passwordIn().get().equals(chap.password())) {
            v.add(new Violation("CHAP-MUTUAL-SAME-SECRET", "chap.mutual.password",
                    "the mutual secret must differ from the forward secret (RFC 3720 8.2.1)"));
        }
        return v;
    }

    /** The warnings (length outside 12–16 bytes). */
    public static List<Violation> warnings(ChapCredentials chap) {
        List<Violation> v = new ArrayList<>();
        length(v, "chap.password", chap.password());
        chap.passwordIn().ifPresent(p -> length(v, "chap.mutual.password", p));
        return v;
    }

    /**
     * Throws when a rule is broken.
     *
     * @throws ValidationException listing the broken rules
     */
    public static void validate(ChapCredentials chap) {
        ValidationException.throwIfAny(errors(chap));
    }

    private static void check(List<Violation> v, String path, String user, Secret secret) {
        if (user.isEmpty()) {
            v.add(new Violation("CHAP-USERNAME-EMPTY", path + ".username", "the CHAP user name is empty"));
        } else if (!printable(user)) {
            v.add(new Violation("CHAP-USERNAME-PRINTABLE", path + ".username",
                    "the CHAP user name must be printable ASCII without leading or trailing blanks"));
        }
        String s = secret.reveal();
        if (s.isEmpty()) {
            v.add(new Violation("CHAP-SECRET-EMPTY", path + ".password", "the CHAP secret is empty"));
        }
        int bytes = secret.revealUtf8().length;
        if (bytes > MAX_SECRET_BYTES) {
            v.add(new Violation("CHAP-SECRET-TOO-LONG", path + ".password",
                    "the CHAP secret has " + bytes + " bytes; open-iscsi takes at most " + MAX_SECRET_BYTES));
        }
        if (!s.isEmpty() && !printable(s)) {
            v.add(new Violation("CHAP-SECRET-PRINTABLE", path + ".password",
                    "the CHAP secret must be printable ASCII without leading or trailing blanks"));
        }
        if (!s.isEmpty() && s.equals(user)) {
            v.add(new Violation("CHAP-USERNAME-IS-SECRET", path, "the CHAP user name equals the secret"));
        }
    }

    private static void length(List<Violation> v, String path, Secret s) {
        int n = s.revealUtf8().length;
        if (n < 12 || n > 16) {
            v.add(new Violation("CHAP-SECRET-LENGTH", path, "the CHAP secret has " + n
                    + " bytes; Microsoft's initiator and some targets accept only 12 to 16"));
        }
    }

    private static boolean printable(String s) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        for (byte x : b) {
            if (x < 0x20 || x > 0x7e) {
                return false;
            }
        }
        return s.equals(s.strip());
    }
}
