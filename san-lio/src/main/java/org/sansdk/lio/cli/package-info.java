/**
 * sanctl plug-in: the saveconfig output parser (the {@code sanctl lio} commands live in san-cli).
 */
package org.sansdk.lio.cli;
