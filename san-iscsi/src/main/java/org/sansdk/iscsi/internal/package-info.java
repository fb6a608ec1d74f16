/**
 * Implementation details of san-iscsi (line reading, the sanctl parse kinds); not API.
 *
 * <pre>{@code // not for callers: use org.sansdk.iscsi}</pre>
 */
package org.sansdk.iscsi.internal;
