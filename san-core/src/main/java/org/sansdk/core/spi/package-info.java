/**
 * Plug-in points through which tool modules add parsers and commands to {@code sanctl}.
 */
package org.sansdk.core.spi;
