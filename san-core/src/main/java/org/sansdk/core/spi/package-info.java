/**
 * Plug-in point through which tool modules add parse kinds to {@code sanctl} ({@link org.sansdk.core.spi.OutputParser}).
 */
package org.sansdk.core.spi;
