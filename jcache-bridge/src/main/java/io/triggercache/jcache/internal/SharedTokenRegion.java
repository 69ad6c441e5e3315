package io.triggercache.jcache.internal;

import io.triggercache.spi.ViewClock;
import java.time.Clock;

import javax.cache.Cache;

/**
 * A {@link TokenRegion} whose tokens live in a JCache cache next to the entries, so that every node
 * sharing a distributed cache sees every node's invalidations. A hit costs three reads: the entry, its
 * group token, the region's epoch (two more per dependency). Correct on providers whose {@code get} reads
 * the latest completed {@code put} (no near cache or stale replica read on the token cache).
 *
 * <p>Tokens are stored as {@linkplain Bytes#stamped stamped binary strings}: the token and the time of the
 * invalidation that wrote it. The token cache may lose a token (its own size bound, a node that left)
 * without this node hearing of it, so a token that {@code beginLoad} has to create answers the time of its
 * creation: the group may have been invalidated and then forgotten just before. Thread-safe.
 */
public final class SharedTokenRegion extends TokenRegion {

    private final Cache<Object, Object> tokenCache;
    private final EpochKey epochKey;

    public SharedTokenRegion(String name, String cacheName, Cache<Object, Object> entries, Cache<Object, Object> tokenCache,
                             Tokens tokens, Clock clock, long clockMarginMillis) {
        super(name, cacheName, entries, tokens, clock, clockMarginMillis);
        this.tokenCache = tokenCache;
        this.epochKey = new EpochKey(name);
    }

    @Override
    boolean isCurrent(GroupKey group, long groupToken, long epoch) {
        return matches(tokenCache.get(group), groupToken) && matches(tokenCache.get(epochKey), epoch);
    }

    private static boolean matches(Object current, long token) {
        return Bytes.token(current) == token;
    }

    @Override
    Token groupToken(GroupKey group) {
        return getOrCreate(group);
    }

    @Override
    Token epoch() {
        return getOrCreate(epochKey);
    }

    private Token getOrCreate(Object key) {
        Object current = tokenCache.get(key);
        long value = Bytes.token(current);
        if (value != 0) {
            return new Token(value, Bytes.invalidatedAt(current, ViewClock.now(clock)));
        }
        long fresh = tokens.next();
        long now = ViewClock.now(clock);
        if (tokenCache.putIfAbsent(key, Bytes.stamped(fresh, now))) {
            return new Token(fresh, now);
        }
        // Another load created it first; read the winner. If an invalidation replaced it already, keep
        // the fresh value: it was never stored, so what this load puts is never served.
        Object winner = tokenCache.get(key);
        long won = Bytes.token(winner);
        return won != 0 ? new Token(won, Bytes.invalidatedAt(winner, now)) : new Token(fresh, now);
    }

    @Override
    void replaceGroupToken(GroupKey group) {
        tokenCache.put(group, Bytes.stamped(tokens.next(), ViewClock.now(clock)));
    }

    @Override
    public void invalidateAll() {
        tokenCache.put(epochKey, Bytes.stamped(tokens.next(), ViewClock.now(clock)));
    }

    @Override
    public void resetEpoch() {
        invalidateAll();
    }
}
