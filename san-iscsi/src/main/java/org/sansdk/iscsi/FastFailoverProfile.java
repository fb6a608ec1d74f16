package org.sansdk.iscsi;

import java.util.ArrayList;
import java.util.List;
import org.sansdk.core.Secret;

/**
 * The design's iSCSI initiator profile for the mirror legs: every mirror vdev is a local disk plus the peer's
 * disk over iSCSI, so when the peer dies its legs must fail fast (ZFS then runs on the local half) instead of
 * queueing I/O for open-iscsi's default 120 s; and the legs must come back by themselves after a reboot.
 * Each value carries its reason.
 *
 * <pre>{@code IscsidConf tuned = FastFailoverProfile.design().applyTo(conf, chap, discoveryChap);}</pre>
 *
 * @param settings the plain settings, in the order they are applied
 */
public record FastFailoverProfile(List<Value> settings) {

    /**
     * One setting of the profile.
     *
     * <pre>{@code v.key() + " = " + v.value() + "  # " + v.reason()}</pre>
     *
     * @param key    iscsid.conf / node record key
     * @param value  the value
     * @param reason why the design uses it
     */
    public record Value(String key, String value, String reason) {
    }

    /** Copies the list. */
    public FastFailoverProfile {
        settings = List.copyOf(settings);
    }

    /** The design's values. */
    public static FastFailoverProfile design() {
        return new FastFailoverProfile(List.of(
                new Value("node.startup", "automatic",
                        "iscsid logs in to the peer's backend target at boot, so the remote legs exist before"
                                + " Pacemaker imports the pool and come back after the peer returns"),
                new Value("node.session.timeo.replacement_timeout", "5",
                        "when the peer dies, queued I/O to its legs fails after 5 s instead of the default 120 s:"
                                + " ZFS marks the remote leg faulted and the mirror carries on with the local disk"
                                + " (a mirror wants a fast error, not multipath-style queueing); 0 would fail I/O at"
                                + " once on any short network blip"),
                new Value("node.conn[0].timeo.noop_out_interval", "2",
                        "a NOP-Out ping every 2 s notices a silent peer (power loss, cable) without waiting for"
                                + " TCP timeouts"),
                new Value("node.conn[0].timeo.noop_out_timeout", "2",
                        "a ping unanswered for 2 s starts session recovery: dead peer → failed I/O within about"
                                + " interval + timeout + replacement_timeout = 9 s"),
                new Value("node.conn[0].timeo.login_timeout", "5",
                        "a login attempt to a peer that is down gives up after 5 s so boot and re-login loops do"
                                + " not hang on it (default 15 s)"),
                new Value("node.session.auth.authmethod", "CHAP",
                        "the backend target admits only the peer storage node's IQN with CHAP; mutual CHAP lets the"
                                + " initiator check that it talks to the real peer"),
                new Value("discovery.sendtargets.auth.authmethod", "CHAP",
                        "sendtargets discovery on the storage network also requires CHAP, so the target list is not"
                                + " open to anything on that VLAN")));
    }

    /**
     * Applies the profile and the CHAP credentials (session, mutual when given, and discovery) to a config.
     *
     * @param conf      the distribution's iscsid.conf
     * @param session   node session CHAP (mutual recommended)
     * @param discovery discovery CHAP
     */
    public IscsidConf applyTo(IscsidConf conf, ChapCredentials session, ChapCredentials discovery) {
        IscsidConf c = conf;
        for (Value v : settings) {
            c = c.with(v.key(), v.value());
        }
        c = chap(c, "node.session.auth.", session);
        return chap(c, "discovery.sendtargets.auth.", discovery);
    }

    private static IscsidConf chap(IscsidConf c, String prefix, ChapCredentials chap) {
        IscsidConf out = c.with(prefix + "username", chap.username()).withSecret(prefix + "password", chap.password());
        if (chap.isMutual()) {
            out = out.with(prefix + "username_in", chap.usernameIn().orElseThrow())
                    .withSecret(prefix + "password_in", chap.passwordIn().orElseThrow());
        }
        return out;
    }

    /** The profile as {@code key = value  # reason} lines (no secret in it). */
    public List<String> describe() {
        List<String> out = new ArrayList<>();
        settings.forEach(v -> out.add(v.key() + " = " + v.value() + "  # " + v.reason()));
        out.add("node.session.auth.username/password(_in) = " + Secret.MASK + "  # per node pair, from the CHAP file");
        return out;
    }
}
