/**
 * JSON values and a CPython-exact printer (sort_keys, indent=2, ensure_ascii) used for saveconfig.json.
 */
package org.sansdk.lio.json;
