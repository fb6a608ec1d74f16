package org.sansdk.lio.targetcli;

import java.util.function.UnaryOperator;
import java.util.regex.Pattern;
import org.sansdk.core.SanException;
import org.sansdk.lio.LioConfig;
import org.sansdk.lio.NodeAcl;
import org.sansdk.lio.Target;
import org.sansdk.lio.Tpg;

/**
 * What may appear in a targetcli (configshell) command line. configshell splits on whitespace and gives
 * quotes, {@code #} and backslashes meaning, and has no escaping we could rely on across versions, so
 * anything else is refused up front instead of being mangled.
 */
final class Tokens {
    private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9_.:/+@,\\-\\[\\]%]{1,4096}");
    /** configshell's path grammar (configshell-fb 1.1.28, Debian 12): {@code ([A-Za-z0-9:_.\[\]]|-)*} between slashes. */
    private static final Pattern PATH = Pattern.compile("[A-Za-z0-9_.:\\-\\[\\]]{1,4096}");
    private static final Pattern KEY = Pattern.compile("[A-Za-z0-9_]{1,255}");
    /**
     * What configshell's value grammar ({@code Word(alphanums + '?;&*$!#,=_\\+/.<>()~@:-%[]')}) takes, minus
     * {@code #}, {@code =} and backslash to stay clear of comment and escape handling across versions.
     */
    private static final Pattern SAFE_SECRET = Pattern.compile("[A-Za-z0-9?;&*$!,_+/.<>()~@:%\\[\\]\\-]{1,255}");

    private Tokens() {
    }

    static void check(String what, String token) {
        if (token == null || !SAFE.matcher(token).matches()) {
            throw new SanException(what + " '" + token + "' cannot be passed to targetcli: use letters, digits and"
                    + " _ . : / + @ , - [ ] % only");
        }
    }

    /** A name that ends up inside a configshell path ({@code /iscsi/IQN/tpg1/acls/INIT}, {@code /backstores/block/NAME}). */
    static void checkPath(String what, String token) {
        if (token == null || !PATH.matcher(token).matches()) {
            throw new SanException(what + " '" + token + "' cannot be used in a targetcli path: use letters, digits"
                    + " and _ . : - [ ] only");
        }
    }

    /** An attribute name ({@code set attribute KEY=N}). */
    static void checkKeys(java.util.Set<String> keys) {
        for (String k : keys) {
            if (k == null || !KEY.matcher(k).matches()) {
                throw new SanException("attribute name '" + k + "' cannot be passed to targetcli: use letters, digits"
                        + " and _ only");
            }
        }
    }

    /** A LUN, mapped LUN or port number. */
    static void checkRange(String what, int value, int min, int max) {
        if (value < min || value > max) {
            throw new SanException(what + " " + value + " is outside " + min + ".." + max);
        }
    }

    static void checkTag(int tag) {
        if (tag < 0 || tag > 65535) {
            throw new SanException("TPG tag " + tag + " cannot be passed to targetcli: use 0..65535");
        }
    }

    static void checkSecret(String what, String secret) {
        if (secret == null || !SAFE_SECRET.matcher(secret).matches()) {
            // never show the value
            throw new SanException(what + " cannot be passed to targetcli: use 1-255 characters from letters, digits"
                    + " and ? ; & * $ ! , _ + / . < > ( ) ~ @ : % [ ] - (what configshell parses as one value)");
        }
    }

    /**
     * {@code head} plus the CHAP values that are set, then one {@code <command> key=} line per value that is not
     * set (clearing it). An empty value only parses at the end of a line: configshell would read
     * {@code "a= b="} as a = "b=".
     */
    static String authLines(String head, org.sansdk.lio.Chap chap) {
        String command = head.contains("=") ? head.substring(0, head.lastIndexOf(' ')) : head;
        StringBuilder main = new StringBuilder(head);
        StringBuilder clears = new StringBuilder();
        String[] keys = {"userid", "password", "mutual_userid", "mutual_password"};
        java.util.List<java.util.Optional<String>> values = java.util.List.of(chap.userid(),
                chap.password().map(org.sansdk.core.Secret::reveal), chap.mutualUserid(),
                chap.mutualPassword().map(org.sansdk.core.Secret::reveal));
        for (int i = 0; i < keys.length; i++) {
            if (values.get(i).isPresent()) {
                main.append(' ').append(keys[i]).append('=').append(values.get(i).get());
            } else {
                clears.append('\n').append(command).append(' ').append(keys[i]).append('=');
            }
        }
        String first = main.toString();
        if (first.equals(command)) {
            return clears.substring(1);
        }
        return first + clears;
    }

    /** The passwords of a CHAP setting, for {@link org.sansdk.core.Command.Builder#secret}. */
    static java.util.List<org.sansdk.core.Secret> secretsOf(org.sansdk.lio.Chap chap) {
        java.util.List<org.sansdk.core.Secret> out = new java.util.ArrayList<>(2);
        chap.password().ifPresent(out::add);
        chap.mutualPassword().ifPresent(out::add);
        return java.util.List.copyOf(out);
    }

    static String tpgPath(String target, int tag) {
        return "/iscsi/" + target + "/tpg" + tag;
    }

    static LioConfig updateTpg(LioConfig c, String target, int tag, UnaryOperator<Tpg> f) {
        Target t = c.target(target).orElseThrow(() -> new SanException("no target " + target + " in the configuration"));
        Tpg tpg = t.tpg(tag).orElseThrow(() -> new SanException("no tpg" + tag + " in target " + target));
        return c.withTarget(t.withTpg(f.apply(tpg)));
    }

    static LioConfig updateAcl(LioConfig c, String target, int tag, String initiator, UnaryOperator<NodeAcl> f) {
        return updateTpg(c, target, tag, tpg -> {
            NodeAcl acl = tpg.acl(initiator).orElseThrow(() -> new SanException(
                    "no ACL for " + initiator + " in " + target + " tpg" + tag));
            java.util.List<NodeAcl> acls = new java.util.ArrayList<>(tpg.nodeAcls());
            acls.set(acls.indexOf(acl), f.apply(acl));
            return tpg.withNodeAcls(acls);
        });
    }
}
