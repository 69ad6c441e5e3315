package io.triggercache.jcache.internal;

import javax.cache.Cache;

/**
 * A {@link TokenRegion} whose tokens live in this JVM: group tokens in the store's {@link LocalTokens},
 * the epoch in a volatile field. For caches that are themselves local (Ehcache on heap, Caffeine's
 * JCache), where no other node can read the entries; a hit costs the cache's {@code get} plus one
 * Caffeine lookup. Thread-safe.
 */
public final class LocalTokenRegion extends TokenRegion {

    private final LocalTokens groupTokens;
    private final Tokens tokens;
    private volatile long epoch;

    public LocalTokenRegion(String name, String cacheName, Cache<Object, Object> entries, LocalTokens groupTokens, Tokens tokens) {
        super(name, cacheName, entries);
        this.groupTokens = groupTokens;
        this.tokens = tokens;
        this.epoch = tokens.next();
    }

    @Override
    boolean isCurrent(Entry entry) {
        return entry.epoch == epoch && groupTokens.isCurrent(entry.group, entry.groupToken);
    }

    @Override
    long groupToken(GroupKey group) {
        return groupTokens.getOrCreate(group, tokens);
    }

    @Override
    long epoch() {
        return epoch;
    }

    @Override
    void removeGroupToken(GroupKey group) {
        groupTokens.remove(group);
    }

    @Override
    public void invalidateAll() {
        epoch = tokens.next();
    }

    @Override
    public void resetEpoch() {
        invalidateAll();
    }
}
