package io.triggercache.cluster;

import java.net.URI;

import javax.cache.CacheManager;

import org.junit.jupiter.api.Tag;

/**
 * The store contract on Redisson's JCache over the machine's Redis at 127.0.0.1:6379 ({@code -Pservices}):
 * the store and the second store are two Redisson clients, as two nodes would be.
 */
@Tag("services")
abstract class RedissonStoreContract extends SharedStoreContract {

    private URI configuration;
    private CacheManager second;

    @Override
    protected CacheManager newCacheManager() {
        Redis.emptyTestDatabase();
        configuration = Redis.configuration(Redis.SHARED_PORT);
        return Redis.manager(configuration);
    }

    @Override
    protected CacheManager secondManager() {
        if (second == null) {
            second = Redis.manager(configuration);
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
