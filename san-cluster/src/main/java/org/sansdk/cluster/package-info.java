/**
 * san-sdk module {@code san-cluster}: see the project ARCHITECTURE for what this package owns.
 */
package org.sansdk.cluster;
