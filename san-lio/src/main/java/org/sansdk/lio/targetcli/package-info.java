/**
 * LIO changes as data, rendered as one targetcli batch on stdin or applied to the configuration model.
 */
package org.sansdk.lio.targetcli;
