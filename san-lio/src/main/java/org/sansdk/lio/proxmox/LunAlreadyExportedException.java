package org.sansdk.lio.proxmox;

import org.sansdk.core.SanException;

/**
 * {@code create_lu} for a zvol that a LUN of the storage's TPG already exports (found by device path). Its LUN
 * number is {@link #lun()}: a caller that only wants the zvol exported can use it.
 *
 * <pre>{@code try { svc.createLun(cfg, path); } catch (LunAlreadyExportedException e) { int lun = e.lun(); }}</pre>
 */
public class LunAlreadyExportedException extends SanException {
    private static final long serialVersionUID = 1L;

    private final int lun;

    /** An exception for {@code zvolPath}, exported as {@code lun}. {@code new LunAlreadyExportedException(path, 0)} */
    public LunAlreadyExportedException(String zvolPath, int lun) {
        super(zvolPath + ": LUN already exists (LUN " + lun + ")");
        this.lun = lun;
    }

    /** The LUN number that exports the zvol. {@code e.lun()} */
    public int lun() {
        return lun;
    }
}
