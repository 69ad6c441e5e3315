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
 *
 * <p>The hash is MurmurHash3 (x86, 32-bit) over the region name's hash code, each part's hash code and the
 * number of parts, with its {@code fmix} finalizer: not {@code 31 * h + p}, under which regions whose names'
 * hash codes differ by d collide on every pair of ids 31&nbsp;d apart (names ending in consecutive digits), and
 * groups {@code (a, b)} and {@code (a + 1, b - 31)} collide; colliding keys, which are not
 * {@code Comparable}, turn the token map's bins into trees searched linearly.
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
        this.hash = hash(region, parts);
    }

    static int hash(String region, Object[] parts) {
        int h = mixIn(0, region.hashCode());
        for (Object part : parts) {
            h = mixIn(h, part == null ? 0 : part.hashCode());
        }
        return fmix(h ^ (parts.length + 1) * 4);
    }

    /** One 4-byte block of MurmurHash3_x86_32. */
    private static int mixIn(int h, int k) {
        k *= 0xcc9e2d51;
        k = Integer.rotateLeft(k, 15);
        k *= 0x1b873593;
        h ^= k;
        h = Integer.rotateLeft(h, 13);
        return h * 5 + 0xe6546b64;
    }

    /** MurmurHash3's finalizer: every input bit affects every output bit. */
    private static int fmix(int h) {
        h ^= h >>> 16;
        h *= 0x85ebca6b;
        h ^= h >>> 13;
        h *= 0xc2b2ae35;
        return h ^ h >>> 16;
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
