/**
 * The encrypted CHAP credentials env file: openssl enc compatible AES-256-CBC, eval-safe KEY=value lines.
 */
package org.sansdk.lio.chap;
