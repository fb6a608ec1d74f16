package org.sansdk.cluster.design;

/**
 * Where the fencing devices' secret parameters (BMC passwords, SNMP communities) are kept: in the CIB as the devices'
 * parameters, or on every node's disk through Pacemaker's {@code cibsecret} with {@code lrm://} in the CIB.
 * Design file: {@code fence_secrets: cib} (the default) or {@code fence_secrets: cibsecret}.
 * Usage: {@code SanDesign.builder().fenceSecrets(FenceSecretStore.CIBSECRET)}.
 */
public enum FenceSecretStore {
    /**
     * In the CIB (the default): every node's CIB copy, the quorum node's included, {@code cibadmin --query}, {@code pcs
     * config} and crm_report archives carry them.
     */
    CIB,
    /**
     * Through {@code cibsecret}: the CIB holds {@code lrm://}; the values live in {@code /var/lib/pacemaker/lrm/secrets}
     * (mode 600) on every node, set before the CIB is loaded. Keeps them out of CIB copies, crm_report archives and
     * {@code pcs config}; root on any node still reads them.
     */
    CIBSECRET;

    /** The design-file value ({@code cib}, {@code cibsecret}). Usage: {@code s.key()}. */
    public String key() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
