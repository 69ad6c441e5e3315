package io.triggercache.jcache.internal;

import io.triggercache.spi.ViewClock;
import java.time.Clock;

import javax.cache.Cache;

/**
 * A {@link TokenRegion} whose tokens live in this JVM: group tokens in the store's {@link LocalTokens},
 * the epoch in a volatile field. For caches that are themselves local (Ehcache on heap, Caffeine's
 * JCache), where no other node can read the entries; a hit costs the cache's {@code get} plus one
 * Caffeine lookup. One JVM's clock stamps every invalidation, so the clock margin is zero. Thread-safe.
 */
public final class LocalTokenRegion extends TokenRegion {

    private final LocalTokens groupTokens;
    private volatile Token epoch;

    /**
     * A region whose epoch starts with no invalidation known: before the region opened, this store held
     * none of its entries, so no load can have read data that an invalidation of it should have dropped.
     */
    public LocalTokenRegion(String name, String cacheName, Cache<Object, Object> entries, LocalTokens groupTokens,
                            Tokens tokens, Clock clock) {
        super(name, cacheName, entries, tokens, clock, 0);
        this.groupTokens = groupTokens;
        this.epoch = new Token(tokens.next(), 0);
    }

    @Override
    boolean isCurrent(GroupKey group, long groupToken, long epoch) {
        return epoch == this.epoch.value() && groupTokens.isCurrent(group, groupToken);
    }

    @Override
    Token groupToken(GroupKey group) {
        return groupTokens.getOrCreate(group, tokens);
    }

    @Override
    Token epoch() {
        return epoch;
    }

    @Override
    void replaceGroupToken(GroupKey group) {
        groupTokens.invalidate(group, tokens, ViewClock.now(clock));
    }

    @Override
    public synchronized void invalidateAll() {
        // synchronized: of two concurrent calls, the second's time is never below the first's
        epoch = new Token(tokens.next(), Math.max(ViewClock.now(clock), epoch.invalidatedAt()));
    }

    @Override
    public void resetEpoch() {
        invalidateAll();
    }
}
