package io.triggercache.cluster;

import java.net.URI;
import java.util.UUID;

import javax.cache.CacheManager;

/** The store contract on two embedded Hazelcast members: store on member 0, the second store on member 1. */
abstract class HazelcastStoreContract extends SharedStoreContract {

    private URI uri;
    private CacheManager second;

    @Override
    protected CacheManager newCacheManager() {
        uri = URI.create("urn:triggercache:test:" + UUID.randomUUID());
        return Clusters.hazelcast().manager(0, uri);
    }

    @Override
    protected CacheManager secondManager() {
        if (second == null) {
            second = Clusters.hazelcast().manager(1, uri);
        }
        return second;
    }

    @Override
    protected void closeCacheManager(CacheManager manager) {
        destroyCaches(manager);
        manager.close();
        if (second != null) {
            second.close();
        }
    }
}
