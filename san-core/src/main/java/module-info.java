/**
 * san-core: commands as argv lists, executors (local, SSH, replay, dry run), plans, typed values
 * ({@code Size}, {@code Iqn}, {@code ZfsName}, {@code Secret}, …), the {@code SanException} tree and the
 * {@link org.sansdk.core.spi.OutputParser} SPI that tool modules provide.
 *
 * <pre>{@code module my.app { requires org.sansdk.core; }}</pre>
 */
module org.sansdk.core {
    exports org.sansdk.core;
    exports org.sansdk.core.spi;

    requires org.apache.commons.exec;
    requires org.slf4j;
}
