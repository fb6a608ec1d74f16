/**
 * Builders for the design's backend replication target and client-facing per-VLAN target.
 */
package org.sansdk.lio.design;
