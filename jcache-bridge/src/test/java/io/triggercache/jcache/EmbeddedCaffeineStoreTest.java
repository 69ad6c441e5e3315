package io.triggercache.jcache;

import io.triggercache.jcache.internal.CaffeineSupport;

import javax.cache.CacheManager;

/**
 * The store contract on the manager {@code JCacheStore.embedded(CAFFEINE)} opens ({@code -Dtriggercache.embedded=caffeine}),
 * tokens in this JVM.
 */
class EmbeddedCaffeineStoreTest extends StoreContractTest {

    @Override
    protected CacheManager newCacheManager() {
        return CaffeineSupport.newEmbeddedManager();
    }

    @Override
    protected TokenPlacement expectedPlacement() {
        return TokenPlacement.LOCAL;
    }

    @Override
    protected void preconfigureCache(CacheManager manager, String name) {
        TestManagers.preconfigureCaffeine(manager, name, 1_000);
    }
}
