/**
 * san-sdk module {@code san-zfs}: see the project ARCHITECTURE for what this package owns.
 */
package org.sansdk.zfs;
