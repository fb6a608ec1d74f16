/**
 * san-sdk module {@code san-pacemaker}: see the project ARCHITECTURE for what this package owns.
 */
package org.sansdk.pacemaker;
