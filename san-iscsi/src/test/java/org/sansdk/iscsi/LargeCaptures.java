package org.sansdk.iscsi;

/** Large -P 3 captures in the shape open-iscsi 2.1.8's session_info_print_tree prints. */
final class LargeCaptures {
    private LargeCaptures() {
    }

    static String sessionP3(int sessions, int luns) {
        StringBuilder b = new StringBuilder("iSCSI Transport Class version 2.0-870\nversion 2.1.8\n");
        int sid = 1;
        for (int t = 0; t < sessions; t++) {
            b.append("Target: iqn.2025-01.lab.home:storage-b-t").append(t).append(" (non-flash)\n");
            String portal = "10.10." + (t / 250) + "." + (t % 250 + 2) + ":3260,1";
            b.append("\tCurrent Portal: ").append(portal).append('\n');
            b.append("\tPersistent Portal: ").append(portal).append('\n');
            b.append("\t\t**********\n\t\tInterface:\n\t\t**********\n\t\tIface Name: default\n\t\tIface Transport: tcp\n")
                    .append("\t\tIface Initiatorname: iqn.2025-01.lab.home:storage-a\n\t\tIface IPaddress: 10.10.0.1\n")
                    .append("\t\tIface HWaddress: default\n\t\tIface Netdev: default\n");
            b.append("\t\tSID: ").append(sid).append('\n');
            b.append("\t\tiSCSI Connection State: LOGGED IN\n\t\tiSCSI Session State: LOGGED_IN\n")
                    .append("\t\tInternal iscsid Session State: NO CHANGE\n");
            b.append("\t\t*********\n\t\tTimeouts:\n\t\t*********\n\t\tRecovery Timeout: 5\n\t\tTarget Reset Timeout: 30\n")
                    .append("\t\tLUN Reset Timeout: 30\n\t\tAbort Timeout: 15\n");
            b.append("\t\t*****\n\t\tCHAP:\n\t\t*****\n\t\tusername: storage-a\n\t\tpassword: ********\n")
                    .append("\t\tusername_in: storage-b\n\t\tpassword_in: ********\n");
            b.append("\t\t************************\n\t\tNegotiated iSCSI params:\n\t\t************************\n")
                    .append("\t\tHeaderDigest: None\n\t\tDataDigest: None\n\t\tMaxRecvDataSegmentLength: 262144\n")
                    .append("\t\tMaxXmitDataSegmentLength: 262144\n\t\tFirstBurstLength: 65536\n\t\tMaxBurstLength: 262144\n")
                    .append("\t\tImmediateData: Yes\n\t\tInitialR2T: Yes\n\t\tMaxOutstandingR2T: 1\n");
            b.append("\t\t************************\n\t\tAttached SCSI devices:\n\t\t************************\n");
            int host = sid + 2;
            b.append("\t\tHost Number: ").append(host).append("\tState: running\n");
            for (int l = 0; l < luns; l++) {
                b.append("\t\tscsi").append(host).append(" Channel 00 Id 0 Lun: ").append(l).append('\n');
                b.append("\t\t\tAttached scsi disk sd").append(disk(t * luns + l)).append("\t\tState: running\n");
            }
            sid++;
        }
        return b.toString();
    }

    static String disk(int n) {
        StringBuilder s = new StringBuilder();
        n++;
        while (n > 0) {
            n--;
            s.insert(0, (char) ('a' + n % 26));
            n /= 26;
        }
        return s.toString();
    }
}
