/**
 * Implementation details of san-pacemaker (the hardened XML reader, document-kind checks, the compact
 * attribute map, the {@code cib}, {@code crm-mon} and {@code crm-simulate} kinds of {@code sanctl parse},
 * registered through {@link org.sansdk.core.spi.OutputParser}); not API and not exported.
 *
 * <pre>{@code // not for callers: use CibParser, CrmMonParser, CrmSimulateParser}</pre>
 */
package org.sansdk.pacemaker.internal;
