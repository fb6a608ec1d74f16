/**
 * sanctl plug-ins of san-zfs: the {@code zpool-status} and {@code zpool-json} kinds of {@code sanctl parse}.
 */
package org.sansdk.zfs.spi;
