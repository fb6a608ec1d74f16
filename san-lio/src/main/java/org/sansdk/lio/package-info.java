/**
 * san-sdk module {@code san-lio}: see the project ARCHITECTURE for what this package owns.
 */
package org.sansdk.lio;
