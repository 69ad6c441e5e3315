package io.triggercache.cluster;

import javax.cache.CacheManager;

/**
 * The store contract on two embedded Infinispan nodes (replicated caches, JGroups TCP on 127.0.0.1): store
 * on node 0, the second store on node 1. The nodes live for the whole test JVM; each test destroys its caches.
 */
abstract class InfinispanStoreContract extends SharedStoreContract {

    @Override
    protected CacheManager newCacheManager() {
        return Clusters.infinispan().manager(0);
    }

    @Override
    protected CacheManager secondManager() {
        return Clusters.infinispan().manager(1);
    }

    @Override
    protected void closeCacheManager(CacheManager manager) {
        // a cache the store closed is no longer listed by the JCache manager: empty every running cache of
        // the node (replicated, so both nodes), then drop each node's JCache registry
        org.infinispan.manager.EmbeddedCacheManager node = manager.unwrap(org.infinispan.manager.EmbeddedCacheManager.class);
        for (String name : node.getCacheNames()) {
            if (node.isRunning(name)) {
                node.getCache(name).clear();
            }
        }
        destroyCaches(Clusters.infinispan().manager(1));
        destroyCaches(manager);
    }
}
