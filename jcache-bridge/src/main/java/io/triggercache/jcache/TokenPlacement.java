package io.triggercache.jcache;

/**
 * Where a {@link JCacheStore} keeps its group tokens and epochs.
 *
 * <p>The choice decides who sees an invalidation: tokens held in one JVM make invalidations visible in
 * that JVM only, which is right exactly when the entries are in that JVM only.
 */
public enum TokenPlacement {

    /**
     * Tokens in a bounded map in this JVM (group tokens) and in a field per region (epoch). The hit costs
     * one cache read plus one in-memory lookup. Right for caches local to the JVM: Ehcache on heap,
     * Caffeine's JCache. Chosen automatically for those two providers.
     */
    LOCAL,

    /**
     * Tokens in the JCache cache {@value JCacheStore#TOKEN_CACHE} of the same manager, next to the entries,
     * so that every node sharing a distributed cache sees every node's invalidations. The hit costs three
     * cache reads. Chosen automatically for every provider other than Ehcache and Caffeine.
     */
    SHARED
}
