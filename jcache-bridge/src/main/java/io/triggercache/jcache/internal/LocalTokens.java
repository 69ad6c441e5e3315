package io.triggercache.jcache.internal;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The group tokens of every region of one store, held in this JVM: a bounded Caffeine cache of
 * {@link Token}s, each with the time of the invalidation that put it in place.
 *
 * <p>A token evicted for size reads as missing, which the protocol treats as "not current": eviction
 * costs hit rate, never correctness. What eviction forgets is kept in one number, the <em>floor</em>: the
 * latest invalidation time among the evicted tokens (an eviction listener, run synchronously with the
 * eviction, so the floor is raised before the token is gone). A token created because none was there
 * carries the floor as its invalidation time: the group may have been invalidated and then forgotten, but
 * not later than that. {@link #clear()} raises the floor to the time of the clear. Maintenance (eviction)
 * runs on the calling thread rather than on the common fork-join pool, which an application server does
 * not manage. Thread-safe.
 */
public final class LocalTokens {

    private final Cache<GroupKey, Token> cache;
    private final ConcurrentMap<GroupKey, Token> map;
    private final AtomicLong floor = new AtomicLong();
    private final boolean fixedBound;
    private long bound;

    /**
     * @param maxTokens the bound, or {@code 0} to start at zero and {@linkplain #grow grow} with each region
     */
    public LocalTokens(long maxTokens) {
        this.fixedBound = maxTokens > 0;
        this.bound = Math.max(0, maxTokens);
        this.cache = Caffeine.newBuilder().maximumSize(bound).executor(Runnable::run)
                .<GroupKey, Token>evictionListener((group, token, cause) -> {
                    if (token != null) {
                        raiseFloor(token.invalidatedAt());
                    }
                })
                .build();
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

    /** The latest invalidation time among the tokens this store forgot (evicted or cleared); 0 for none. */
    public long floor() {
        return floor.get();
    }

    boolean isCurrent(GroupKey group, long token) {
        Token current = map.get(group);
        return current != null && current.value() == token;
    }

    Token getOrCreate(GroupKey group, Tokens tokens) {
        Token current = map.get(group);
        if (current != null) {
            return current;
        }
        // read after the miss: an eviction raises the floor before the token leaves the map
        Token fresh = new Token(tokens.next(), floor.get());
        Token winner = map.putIfAbsent(group, fresh);
        return winner == null ? fresh : winner;
    }

    /**
     * Replaces the group's token with a fresh one stamped {@code now}, or later if the token it replaces (or
     * the floor, when there is none) is later: the answer for a group never goes back, even if the clock does.
     */
    void invalidate(GroupKey group, Tokens tokens, long now) {
        map.compute(group, (key, old) -> new Token(tokens.next(),
                Math.max(now, old != null ? old.invalidatedAt() : floor.get())));
    }

    /** Drops every token: every entry stamped before becomes not current; the floor becomes {@code now}. */
    public void clear(long now) {
        raiseFloor(now);
        cache.invalidateAll();
    }

    private void raiseFloor(long at) {
        floor.accumulateAndGet(at, Math::max);
    }
}
