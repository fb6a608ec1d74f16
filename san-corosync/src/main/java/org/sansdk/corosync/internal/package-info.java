/**
 * Implementation details of san-corosync (the known-keys table); not API.
 */
package org.sansdk.corosync.internal;
