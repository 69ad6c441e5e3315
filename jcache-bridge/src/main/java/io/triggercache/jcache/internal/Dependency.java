package io.triggercache.jcache.internal;

/**
 * One group an entry of a {@link TokenRegion} was computed from, besides its own: the tokens under which
 * the other cached value was current. The entry is current only while these are too (I9).
 *
 * @param region     the dependency's region, of the same store
 * @param group      the dependency's group
 * @param groupToken the group token the dependency was stamped with
 * @param epoch      the epoch of {@code region} the dependency was stamped with
 */
record Dependency(TokenRegion region, GroupKey group, long groupToken, long epoch) {

    boolean isCurrent() {
        return region.isCurrent(group, groupToken, epoch);
    }

    /** Whether every dependency is current; {@code true} for none. Allocation-free. */
    static boolean allCurrent(Dependency[] dependencies) {
        for (Dependency dependency : dependencies) {
            if (!dependency.isCurrent()) {
                return false;
            }
        }
        return true;
    }
}
