package io.triggercache.jcache;

import javax.cache.CacheManager;

/** The store contract on Ehcache under the shared-cache protocol with a {@link NearMode#STRICT} near tier. */
class EhcacheStrictNearStoreTest extends EhcacheCodecStoreTest {

    @Override
    protected JCacheStore.Builder configure(JCacheStore.Builder builder) {
        return builder.codec(CODEC).near(NearMode.STRICT);
    }

    @Override
    protected CacheManager newCacheManager() {
        return TestManagers.ehcache();
    }
}
