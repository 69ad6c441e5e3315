package io.triggercache.jcache.internal;

import java.util.Arrays;
import java.util.List;

/**
 * The identity of one group's token: the region name and the group's suffix values.
 *
 * <p>Immutable: the parts are copied (null parts allowed), so a caller changing its list afterwards
 * cannot move a token to another hash bucket. The parts are kept as an array and compared with
 * {@link Arrays#equals(Object[], Object[])}: the hit path compares the entry's key with the token map's
 * key, another instance, and {@code List.equals} would allocate two iterators per hit. The hash is
 * computed once. Two keys are equal when their regions are and their groups are equal as lists.
 */
final class GroupKey {

    private final String region;
    private final Object[] parts;
    private final int hash;

    GroupKey(String region, List<?> group) {
        if (group == null) {
            throw new NullPointerException("group of region " + region + " is null; use List.of() for a method without suffix");
        }
        this.region = region;
        this.parts = group.toArray();
        this.hash = 31 * region.hashCode() + Arrays.hashCode(parts);
    }

    @Override
    public boolean equals(Object other) {
        return this == other
                || other instanceof GroupKey that
                && hash == that.hash
                && region.equals(that.region)
                && Arrays.equals(parts, that.parts);
    }

    @Override
    public int hashCode() {
        return hash;
    }

    @Override
    public String toString() {
        return region + Arrays.toString(parts);
    }
}
