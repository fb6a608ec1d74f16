/**
 * LUN sync for zvols: stable LUN numbers, explicit mapped LUNs, derived SCSI identities (what sync-iscsi-luns does).
 */
package org.sansdk.lio.sync;
