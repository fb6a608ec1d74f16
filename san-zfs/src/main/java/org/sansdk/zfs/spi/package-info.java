/**
 * sanctl plug-ins of san-zfs: the {@code zpool-status}, {@code zpool-json} and {@code zpool-import} kinds of {@code sanctl parse}.
 */
package org.sansdk.zfs.spi;
