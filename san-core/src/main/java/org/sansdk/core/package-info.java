/**
 * san-sdk core: commands as data ({@link org.sansdk.core.Command}), the {@link org.sansdk.core.Executor}
 * port and its adapters, the exception tree rooted at {@link org.sansdk.core.SanException}, value types
 * that parse their own format ({@link org.sansdk.core.Size}, {@link org.sansdk.core.Iqn},
 * {@link org.sansdk.core.Wwn}, {@link org.sansdk.core.IpCidr}, {@link org.sansdk.core.ZfsName}),
 * {@link org.sansdk.core.Secret} and {@link org.sansdk.core.Plan}.
 */
package org.sansdk.core;
