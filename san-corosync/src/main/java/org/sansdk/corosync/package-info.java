/**
 * san-sdk module {@code san-corosync}: see the project ARCHITECTURE for what this package owns.
 */
package org.sansdk.corosync;
