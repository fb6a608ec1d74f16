package org.sansdk.zfs;

import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The {@code errors:} part of a pool's status.
 *
 * <p>{@code pool.errors().map(PoolErrors::permanent).orElse(List.of())}
 *
 * @param count number of data errors when printed ({@code No known data errors} is 0,
 *              {@code 1 data errors, use '-v' for a list} is 1); empty when only the list was printed
 * @param permanent the permanent-error list ({@code -v})
 * @param listUnavailable why the list could not be read ({@code permission denied}), when printed
 */
public record PoolErrors(OptionalLong count, List<PermanentError> permanent, Optional<String> listUnavailable) {
    /** Validates and copies. */
    public PoolErrors {
        count = count == null ? OptionalLong.empty() : count;
        permanent = permanent == null ? List.of() : List.copyOf(permanent);
        listUnavailable = listUnavailable == null ? Optional.empty() : listUnavailable;
    }

    /** No known data errors. */
    public static final PoolErrors NONE = new PoolErrors(OptionalLong.of(0), List.of(), Optional.empty());

    /**
     * True when the pool reported no data errors.
     *
     * <p>{@code errors.isClean()}
     *
     * @return whether there are none
     */
    public boolean isClean() {
        return permanent.isEmpty() && count.orElse(0) == 0 && listUnavailable.isEmpty();
    }
}
