/**
 * Implementation details of san-zfs (the {@code sanctl parse} kinds {@code zpool-status}, {@code zpool-json},
 * {@code zpool-import}, {@code zpool-list}, {@code zpool-get}, {@code zfs-list}, {@code zfs-get}, registered
 * through {@link org.sansdk.core.spi.OutputParser}); not API and not exported.
 *
 * <pre>{@code // not for callers: ServiceLoader.load(OutputParser.class) finds these kinds}</pre>
 */
package org.sansdk.zfs.internal;
