package org.sansdk.lio.proxmox;

import org.sansdk.core.SanException;

/**
 * {@code delete_lu} or {@code modify_lu} for a zvol that no LUN of the storage's TPG exports.
 *
 * <pre>{@code try { svc.deleteLun(cfg, path); } catch (LunNotExportedException e) { log.info("already gone"); }}</pre>
 */
public class LunNotExportedException extends SanException {
    private static final long serialVersionUID = 1L;

    /** An exception for {@code zvolPath}. {@code new LunNotExportedException(path)} */
    public LunNotExportedException(String zvolPath) {
        super(zvolPath + ": no LUN exports it");
    }
}
