package io.triggercache.engine;

import io.triggercache.MethodStatistics;
import java.util.List;

/**
 * The handle of a {@link BlockDefinition} registered with {@link TriggerCacheEngine#define}: answers a
 * computation from the cache, with every rule of a cached method (single-flight, I1-I9, fail-open). Obtained once
 * and kept; thread-safe.
 */
public final class CachedBlock {

    private final CachedMethod m;
    private final ReadPath reads;
    private final int groupParts;

    CachedBlock(CachedMethod m, ReadPath reads, int groupParts) {
        this.m = m;
        this.reads = reads;
        this.groupParts = groupParts;
    }

    /** The block's name. */
    public String name() {
        return m.name;
    }

    /**
     * The value for {@code group} and {@code key}: a current entry, or the result of {@code loader}, stored if it is
     * safe to serve to others. Cached methods called by the loader become dependencies of the entry.
     *
     * @param group the group values (as many as the definition's {@code groupParts}); numbers widened as for methods
     * @param key   the other key values (may be empty); each must have value equality
     * @throws IllegalArgumentException if {@code group} has the wrong size
     * @throws Exception                what the loader throws, unchanged
     */
    public <C> Object get(List<?> group, List<?> key, TriggerCacheEngine.Loader<C> loader, C context) throws Exception {
        if (group.size() != groupParts) {
            throw new IllegalArgumentException(m.name + " has " + groupParts + " group value(s) but " + group.size() + " were given");
        }
        Object[] args = new Object[group.size() + key.size()];
        for (int i = 0; i < group.size(); i++) {
            args[i] = Groups.normalize(group.get(i));
        }
        for (int i = 0; i < key.size(); i++) {
            args[groupParts + i] = Groups.normalize(key.get(i));
        }
        return reads.call(m, args, loader, context);
    }

    /** The block's counters. */
    public MethodStatistics statistics() {
        return m.statistics();
    }
}
