package io.triggercache.jcache.internal;

import javax.cache.Cache;

/**
 * A {@link TokenRegion} whose tokens live in a JCache cache next to the entries, so that every node
 * sharing a distributed cache sees every node's invalidations. A hit costs three reads: the entry, its
 * group token, the region's epoch. Correct on providers whose {@code get} reads the latest completed
 * {@code remove} (no near cache or stale replica read on the token cache). Thread-safe.
 */
public final class SharedTokenRegion extends TokenRegion {

    private final Cache<Object, Object> tokenCache;
    private final Tokens tokens;
    private final EpochKey epochKey;

    public SharedTokenRegion(String name, String cacheName, Cache<Object, Object> entries, Cache<Object, Object> tokenCache, Tokens tokens) {
        super(name, cacheName, entries);
        this.tokenCache = tokenCache;
        this.tokens = tokens;
        this.epochKey = new EpochKey(name);
    }

    @Override
    boolean isCurrent(Entry entry) {
        return matches(tokenCache.get(entry.group), entry.groupToken) && matches(tokenCache.get(epochKey), entry.epoch);
    }

    private static boolean matches(Object current, long token) {
        return current instanceof Long value && value == token;
    }

    @Override
    long groupToken(GroupKey group) {
        return getOrCreate(group);
    }

    @Override
    long epoch() {
        return getOrCreate(epochKey);
    }

    private long getOrCreate(Object key) {
        if (tokenCache.get(key) instanceof Long current) {
            return current;
        }
        long fresh = tokens.next();
        if (tokenCache.putIfAbsent(key, fresh)) {
            return fresh;
        }
        // Another load created it first; read the winner. If an invalidation removed it already, keep
        // the fresh value: it was never stored, so what this load puts is never served.
        return tokenCache.get(key) instanceof Long winner ? winner : fresh;
    }

    @Override
    void removeGroupToken(GroupKey group) {
        tokenCache.remove(group);
    }

    @Override
    public void invalidateAll() {
        tokenCache.remove(epochKey);
    }

    @Override
    public void resetEpoch() {
        invalidateAll();
    }
}
