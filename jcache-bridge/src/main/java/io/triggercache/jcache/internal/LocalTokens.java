package io.triggercache.jcache.internal;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import java.util.concurrent.ConcurrentMap;

/**
 * The group tokens of every region of one store, held in this JVM: a bounded Caffeine cache.
 *
 * <p>A token evicted for size reads as missing, which the protocol treats as "not current": eviction
 * costs hit rate, never correctness. Maintenance (eviction) runs on the calling thread rather than on
 * the common fork-join pool, which an application server does not manage. Thread-safe.
 */
public final class LocalTokens {

    private final Cache<GroupKey, Long> cache;
    private final ConcurrentMap<GroupKey, Long> map;
    private final boolean fixedBound;
    private long bound;

    /**
     * @param maxTokens the bound, or {@code 0} to start at zero and {@linkplain #grow grow} with each region
     */
    public LocalTokens(long maxTokens) {
        this.fixedBound = maxTokens > 0;
        this.bound = Math.max(0, maxTokens);
        this.cache = Caffeine.newBuilder().maximumSize(bound).executor(Runnable::run).build();
        this.map = cache.asMap();
    }

    /** Raises the bound by the size of a newly opened region, unless the bound was fixed. */
    public synchronized void grow(long entries) {
        if (fixedBound) {
            return;
        }
        bound = bound > Long.MAX_VALUE - entries ? Long.MAX_VALUE : bound + entries;
        cache.policy().eviction().orElseThrow().setMaximum(bound);
    }

    /** The current bound. */
    public synchronized long bound() {
        return bound;
    }

    boolean isCurrent(GroupKey group, long token) {
        Long current = map.get(group);
        return current != null && current == token;
    }

    long getOrCreate(GroupKey group, Tokens tokens) {
        Long current = map.get(group);
        if (current != null) {
            return current;
        }
        long fresh = tokens.next();
        Long winner = map.putIfAbsent(group, fresh);
        return winner == null ? fresh : winner;
    }

    void remove(GroupKey group) {
        map.remove(group);
    }

    /** Drops every token: every entry stamped before becomes not current. */
    public void clear() {
        cache.invalidateAll();
    }
}
