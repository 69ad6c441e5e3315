package io.triggercache.jcache;

/**
 * How a {@link JCacheStore} over a shared (distributed) cache uses its near tier: an on-heap copy, in
 * this JVM, of the entries this node has read or loaded, in front of the shared cache.
 *
 * <p>Set per store with {@link JCacheStore.Builder#near(NearMode)} and per region (cached method) with
 * {@link JCacheStore.Builder#near(String, NearMode)}. Used only when the store encodes entries with a
 * {@link StoreCodec} (see {@link JCacheStore.Builder#codec}).
 */
public enum NearMode {

    /**
     * No near tier: every call reads the entry and its tokens from the shared cache and decodes the value
     * (two round trips per hit).
     */
    OFF,

    /**
     * Hits are served from the near tier after the shared cache confirms that the entry's group token and
     * the region's epoch are still current: two token reads, in one round trip where the provider batches
     * them (Redisson's {@code getAll}), as two single-key reads elsewhere (Hazelcast, Infinispan). Exact across nodes: once an invalidation on any
     * node has returned, no node serves an entry stamped before it (invariant I1). No value travels and
     * nothing is decoded on a hit. The default.
     */
    STRICT,

    /**
     * Hits are served from the near tier without any round trip. Invalidations reach other nodes as events
     * of the shared token cache (JCache entry listeners: Hazelcast's event service, Infinispan's listeners,
     * Redis publish/subscribe under Redisson), so another node may serve the old value for the time the
     * event takes to arrive: the staleness window documented in {@code docs/cluster.md}. The node that
     * invalidates is exact at once. A heartbeat through the same events keeps the window bounded when
     * events stop flowing: the near tier stops serving until they flow again.
     */
    NEAR
}
