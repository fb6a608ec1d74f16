package org.sansdk.iscsi;

/**
 * iscsiadm's exit codes, from open-iscsi's {@code include/iscsi_err.h} ({@code enum iscsi_error_list}).
 * Callers branch on these, never on stderr text.
 *
 * <pre>{@code IscsiadmExit.of(result.exitCode()) == IscsiadmExit.SESS_EXISTS}</pre>
 */
public enum IscsiadmExit {
    /** 0. */
    SUCCESS(0, "success"),
    /** 1: generic error. */
    ERR(1, "generic error"),
    /** 2: session could not be found. */
    SESS_NOT_FOUND(2, "session not found"),
    /** 3: out of memory. */
    NOMEM(3, "could not allocate resource for operation"),
    /** 4: transport error. */
    TRANS(4, "transport error"),
    /** 5: generic login failure. */
    LOGIN(5, "login failure"),
    /** 6: error accessing/managing the iSCSI DB. */
    IDBM(6, "error accessing/managing the iSCSI node database"),
    /** 7: invalid argument (also an unknown setting name in {@code -o update}). */
    INVAL(7, "invalid argument"),
    /** 8: connection timer expired while trying to connect. */
    TRANS_TIMEOUT(8, "connection timed out"),
    /** 9: generic internal iscsid failure. */
    INTERNAL(9, "internal iscsid error"),
    /** 10: logout failed. */
    LOGOUT(10, "logout failed"),
    /** 11: iSCSI PDU timed out. */
    PDU_TIMEOUT(11, "iSCSI PDU timed out"),
    /** 12: transport module not loaded in kernel or iscsid. */
    TRANS_NOT_FOUND(12, "iSCSI transport module not loaded"),
    /** 13: permission denied. */
    ACCESS(13, "permission denied"),
    /** 14: transport does not support the operation. */
    TRANS_CAPS(14, "transport does not support the operation"),
    /** 15: session is logged in (a login that finds its session already there succeeded). */
    SESS_EXISTS(15, "session already exists"),
    /** 16: invalid IPC management request. */
    INVALID_MGMT_REQ(16, "invalid IPC management request"),
    /** 17: iSNS service not supported. */
    ISNS_UNAVAILABLE(17, "iSNS service not supported"),
    /** 18: a read/write to iscsid failed. */
    ISCSID_COMM_ERR(18, "communication with iscsid failed"),
    /** 19: fatal (non-retryable) login error. */
    FATAL_LOGIN(19, "non-retryable login failure"),
    /** 20: could not connect to iscsid. */
    ISCSID_NOTCONN(20, "could not connect to iscsid"),
    /** 21: no records/targets/sessions/portals found. */
    NO_OBJS_FOUND(21, "no records, targets, sessions or portals found"),
    /** 22: sysfs lookup failed. */
    SYSFS_LOOKUP(22, "could not look up object in sysfs"),
    /** 23: host not found. */
    HOST_NOT_FOUND(23, "could not look up host"),
    /** 24: login failed due to authorization failure. */
    LOGIN_AUTH_FAILED(24, "login failed: authorization failure"),
    /** 25: iSNS query failure. */
    ISNS_QUERY(25, "iSNS query failed"),
    /** 26: iSNS registration failed. */
    ISNS_REG_FAILED(26, "iSNS registration/deregistration failed"),
    /** 27: operation not supported. */
    OP_NOT_SUPP(27, "operation not supported"),
    /** 28: device or resource busy. */
    BUSY(28, "device or resource in use"),
    /** 29: retrying may succeed. */
    AGAIN(29, "operation failed, retrying may succeed"),
    /** 30: unknown discovery type. */
    UNKNOWN_DISCOVERY_TYPE(30, "unknown discovery type"),
    /** 31: child process terminated. */
    CHILD_TERMINATED(31, "child process terminated"),
    /** 32: session likely not connected. */
    SESSION_NOT_CONNECTED(32, "session likely not connected"),
    /** 33: iscsid request timed out. */
    REQ_TIMEDOUT(33, "iscsid request timed out"),
    /** Any code outside open-iscsi's list. */
    UNKNOWN(-1, "exit code outside open-iscsi's list");

    private final int code;
    private final String meaning;

    IscsiadmExit(int code, String meaning) {
        this.code = code;
        this.meaning = meaning;
    }

    /** The numeric code (-1 for UNKNOWN). */
    public int code() {
        return code;
    }

    /** What open-iscsi means by it. */
    public String meaning() {
        return meaning;
    }

    /** The constant for an exit code: {@code IscsiadmExit.of(24)}. */
    public static IscsiadmExit of(int exitCode) {
        for (IscsiadmExit e : values()) {
            if (e.code == exitCode && e != UNKNOWN) {
                return e;
            }
        }
        return UNKNOWN;
    }

    /** True for the login failures caused by credentials (24) or a non-retryable login answer (19). */
    public boolean isAuthentication() {
        return this == LOGIN_AUTH_FAILED;
    }
}
