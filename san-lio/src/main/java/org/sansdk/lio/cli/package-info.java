/**
 * sanctl plug-ins: the saveconfig output parser and the lio command.
 */
package org.sansdk.lio.cli;
