/**
 * Implementation details of san-lio (the Python-exact JSON printer, the {@code saveconfig} kind of
 * {@code sanctl parse}, registered through {@link org.sansdk.core.spi.OutputParser}); not API and not exported.
 *
 * <pre>{@code // not for callers: use SaveconfigWriter and ServiceLoader.load(OutputParser.class)}</pre>
 */
package org.sansdk.lio.internal;
