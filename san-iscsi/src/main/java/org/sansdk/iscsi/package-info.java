/**
 * san-sdk module {@code san-iscsi}: see the project ARCHITECTURE for what this package owns.
 */
package org.sansdk.iscsi;
